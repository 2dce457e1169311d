"""TITLE mentions: offices, ranks and positions held by people.

Two sources, both shipped as data (``data/titles.txt``, ``data/title_words.json``):

- whole phrases matched case-insensitively ("Secretary General", "Ambassador-at-Large",
  "Secretary of State", "member of parliament");
- compositional patterns: ``<modifier>* <office>`` ("Deputy Foreign Minister", "chief
  executive", "military leader") and ``<office> of <portfolio>`` ("Minister of Interior").

A match is a TITLE only when its head is a singular noun (plural offices are groups:
"ministers", "officials"), and a lowercase ambiguous word ("general", "leader") only next to a
person's name. The span is the office words alone (GUIDELINES: "CICA Secretary General" gives
ORG "CICA" and TITLE "Secretary General").
"""

from __future__ import annotations

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab
from spacy.util import filter_spans

from ..core.gazetteer import read_json, read_lines

NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


class TitleFinder:
    """Find TITLE spans and fit them among the model's entities."""

    def __init__(self, vocab: Vocab, tokenizer: Tokenizer) -> None:
        words = read_json("title_words.json")
        self.ambiguous_lowercase = set(words["ambiguous_lowercase"])
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.phrases.add("TITLE", [tokenizer(p) for p in read_lines("titles.txt")])
        self.strings = vocab.strings
        self.modifiers = {vocab.strings.add(w) for w in words["modifiers"] if not w.endswith("-")}
        self.heads = {vocab.strings.add(w) for w in words["heads"]}
        self.head_words = set(words["heads"])
        self.head_array = np.array(sorted(self.heads), dtype="uint64")
        self.office_of = {vocab.strings.add(w) for w in ("minister", "secretary", "ministry")}
        self.portfolios = [tuple(vocab.strings.add(w) for w in p.split()) for p in words["portfolios"]]
        self.of, self.hyphen = vocab.strings.add("of"), vocab.strings.add("-")

    def find(self, doc: Doc) -> list[Span]:
        """Every TITLE span in ``doc``, longest first where they overlap."""
        matches = [Span(doc, s, e, label="TITLE") for _, s, e in self.phrases(doc)]
        matches += [Span(doc, s, e, label="TITLE") for s, e in self._compositional(doc)]
        return [t for t in filter_spans(matches) if self._is_title(t)]

    def _compositional(self, doc: Doc) -> list[tuple[int, int]]:
        """``<modifier>* <office>``, "Vice-President" and ``<office> of <portfolio>``.

        Found from the office words outwards over the token hashes, which is much cheaper than
        a ``Matcher`` pattern with a ``*`` operator on every token of a long document.
        """
        if not len(doc):
            return []
        lower = doc.to_array("LOWER")
        found = []
        for i in np.flatnonzero(np.isin(lower, self.head_array)).tolist():
            start = i
            while start > 0 and (
                lower[start - 1] in self.modifiers
                # "Vice-President": a modifier joined by a hyphen
                or lower[start - 1] == self.hyphen and start > 1 and lower[start - 2] in self.modifiers
            ):  # fmt: skip
                start -= 1
            end = i + 1
            if lower[i] in self.office_of and end < len(doc) and lower[end] == self.of:
                for p in self.portfolios:
                    if tuple(lower[end + 1 : end + 1 + len(p)].tolist()) == p:
                        end = end + 1 + len(p)
                        break
            found.append((start, end))
        return found

    def merge(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Add titles to ``ents``, splitting entities that swallowed a title.

        The model tags "Deputy Foreign Minister Alibek Bakayev" as one PERSON and "State
        Department Spokesperson" as one ORG; a title at the start or end of such an entity
        becomes its own mention. A multi-word title wins over a name strictly inside it
        ("State" in "Secretary of State"); a name wins over a one-word title inside it.
        """
        titles = self.find(doc)
        out: list[Span] = []
        for ent in ents:
            if ent.label_ in NUMERIC_LABELS:
                out.append(ent)
                continue
            inside = [t for t in titles if t.start >= ent.start and t.end <= ent.end and len(t) < len(ent)]
            covering = [t for t in titles if t.start <= ent.start and ent.end <= t.end and len(t) > 1]
            if len(ent) == 1 and ent.label_ == "ORG" and ent[0].lower_.endswith("s") and ent[0].lower_[:-1] in self.head_words:
                continue  # "adoption by the Ministers": the office holders, no organisation
            if covering and ent.label_ in {"NORP", "GPE", "ORG", "PERSON", "LOC"}:
                continue  # "Foreign" in "Foreign Minister", "State" in "Secretary of State"
            if inside and ent.label_ == "PERSON" and inside[0].start == ent.start:
                rest = inside[-1].end
                if rest < ent.end:
                    out.append(Span(doc, rest, ent.end, label="PERSON"))
                continue
            if inside and ent.label_ in {"ORG", "GPE", "NORP"} and inside[-1].end == ent.end and inside[-1].start > ent.start:
                out.append(Span(doc, ent.start, inside[-1].start, label=ent.label))
                continue
            out.append(ent)
        taken = {i for e in out if e.label_ not in NUMERIC_LABELS for i in range(e.start, e.end)}
        out += [t for t in titles if not any(i in taken for i in range(t.start, t.end))]
        return out

    def _is_title(self, span: Span) -> bool:
        head = span[-1]
        if span[0].lower_ != "member" and head.tag_ in {"NNS", "NNPS"} and head.lower_.endswith("s"):
            return False
        if len(span) == 1 and head.lower_ in self.ambiguous_lowercase and head.is_lower:
            # "in general", "a major city": lowercase only next to a name.
            doc = span.doc
            after = doc[span.end] if span.end < len(doc) else None
            if after is not None and after.lower_ == "of" and span.end + 1 < len(doc):
                # "the director of the Red Cross", "leader of the Austrian Social Democrat Party"
                nxt = doc[span.end + 2] if doc[span.end + 1].lower_ == "the" and span.end + 2 < len(doc) else doc[span.end + 1]
                return nxt.ent_type_ in {"ORG", "GPE", "NORP"} or nxt.pos_ == "PROPN"
            if after is not None and (after.ent_type_ == "PERSON" or after.pos_ == "PROPN"):
                return True
            # "the Austrian Social Democrat Party leader", "Palestinian leader": the office of a body
            before = doc[span.start - 1] if span.start > 0 else None
            return before is not None and before.ent_type_ in {"ORG", "NORP", "GPE"}
        if head.pos_ not in {"NOUN", "PROPN"} and not head.is_title:
            return False
        return True
