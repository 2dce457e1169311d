"""TITLE mentions: offices, ranks and positions held by people.

Two sources, both shipped as data (``data/titles.txt``, ``data/title_words.json``):

- whole phrases matched case-insensitively ("Secretary General", "Ambassador-at-Large",
  "Secretary of State", "member of parliament");
- an office grammar: ``<modifier>* <office> <complement>*``. Modifiers stand before the office
  noun, joined by a hyphen or not ("First Deputy Foreign Minister", "Vice-President",
  "co-chairman", "ex-prime minister"); complements follow it after "of", "for", "on" or "to"
  and are runs of portfolio words (``portfolio_words``) and nationality adjectives ending on a
  portfolio word ("Minister of Water and Forest Resources", "Deputy Chairman of the Board",
  "Head of the Foreign Relations Department of the Presidential Office", "Assistant
  Secretary of State for Asian Affairs", "Representative on Special Missions", "Assistant to
  the President"). A country, a city, an acronym or a person after
  "of" is no part of the office: "Minister of Foreign Affairs of Moldova" is the TITLE
  "Minister of Foreign Affairs" and the GPE "Moldova".

A match is a TITLE only when its head is a singular noun (plural offices are groups:
"ministers", "officials"), unless the names of its holders follow ("Senators A and B"), and
a lowercase ambiguous word ("general", "leader") only next to a person's name. Entities the
office crosses are split and the names around offices relabelled
(:mod:`newsie.entities.holders`): "Prime Minister of Armenia Aram Sargsyan", read by the
model as one ORG after the title, gives GPE "Armenia" and PERSON "Aram Sargsyan". The span is
the office words alone (GUIDELINES: "CICA Secretary General" gives ORG "CICA" and TITLE
"Secretary General").
"""

from __future__ import annotations

import re

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from ..core.gazetteer import load_gazetteer, read_json, read_lines
from ..core.intervals import SpanIndex
from .holders import holders_after_offices, split_around_titles

NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Prepositions that open an office's complement: "Minister of Economy", "Minister of State for
# the Baltic Region", "Representative on Special Missions", "Assistant to the President".
COMPLEMENT_PREPS = {"of", "for", "on", "to"}
COMPLEMENT_LINKS = {"and", "&"}
COMPLEMENT_ONLY = {"head"}
# Offices a "to" complement may name when no office vocabulary is given.
TO_OFFICES = frozenset({"president", "minister", "chairman", "secretary"})
SPLIT_LABELS = {"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}


class TitleFinder:
    """Find TITLE spans and fit them among the model's entities."""

    def __init__(self, vocab: Vocab, tokenizer: Tokenizer) -> None:
        words = read_json("title_words.json")
        self.ambiguous_lowercase = set(words["ambiguous_lowercase"])
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.phrases.add("TITLE", [tokenizer(p) for p in read_lines("titles.txt")])
        self.strings = vocab.strings
        self.gazetteer = load_gazetteer()
        self.body_heads = frozenset(self.gazetteer.heads.get("ORG", []))
        self.modifiers = {vocab.strings.add(w) for w in words["modifiers"] if not w.endswith("-")}
        # "Vice-President", "co-chairman", "ex-prime minister": modifiers joined by a hyphen.
        self.hyphen_modifiers = {vocab.strings.add(w[:-1]) for w in words["modifiers"] if w.endswith("-")} | self.modifiers
        self.portfolio_words = frozenset(words["portfolio_words"])
        self.heads = {vocab.strings.add(w) for w in words["heads"]}
        self.head_words = set(words["heads"])
        self.office_words = frozenset(self.head_words)
        # Plural offices are looked for too; only one followed by the names of its holders stays.
        plurals = {w[:-3] + "men" if w.endswith("man") else w + "s" for w in words["heads"]}
        self.head_array = np.array(sorted(self.heads | {vocab.strings.add(w) for w in plurals}), dtype="uint64")
        self.office_of = {vocab.strings.add(w) for w in ("minister", "secretary", "ministry")}
        self.portfolios = [tuple(vocab.strings.add(w) for w in p.split()) for p in words["portfolios"]]
        self.of, self.hyphen, self.general = vocab.strings.add("of"), vocab.strings.add("-"), vocab.strings.add("general")

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
                or lower[start - 1] == self.hyphen and start > 1 and lower[start - 2] in self.hyphen_modifiers
            ):  # fmt: skip
                start -= 1
            end = i + 1
            if end < len(doc) and lower[end] == self.general and lower[i] != self.general:
                end += 1  # "Attorney General", "Prosecutor General": "general" after the office
            if lower[i] in self.office_of and end < len(doc) and lower[end] == self.of:
                for p in self.portfolios:
                    if tuple(lower[end + 1 : end + 1 + len(p)].tolist()) == p:
                        end = end + 1 + len(p)
                        break
            end = max(end, office_complements(doc, i + 1, self.portfolio_words, self.body_heads, self.office_words))
            if doc[i].lower_ in COMPLEMENT_ONLY and end == i + 1:
                continue  # "head" is an office only with its portfolio: "Head of the ... Department"
            found.append((start, end))
        return found

    def merge(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Add titles to ``ents``, splitting entities that swallowed a title.

        The model tags "Deputy Foreign Minister Alibek Bakayev" as one PERSON and "State
        Department Spokesperson" as one ORG; a title at the start or end of such an entity
        becomes its own mention. A multi-word title wins over a name strictly inside it
        ("State" in "Secretary of State"); a name wins over a one-word title inside it.
        """
        titles = SpanIndex(self.find(doc))
        out: list[Span] = []
        for ent in ents:
            if ent.label_ in NUMERIC_LABELS:
                out.append(ent)
                continue
            near = titles.overlapping(ent.start, ent.end)
            inside = [t for t in near if t.start >= ent.start and t.end <= ent.end and len(t) < len(ent)]
            covering = [t for t in near if t.start <= ent.start and ent.end <= t.end and len(t) > 1]
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
            crossing = [t for t in near if len(t) > 1 or self._heads_a_name(ent, t)]
            if crossing and ent[-1].text in self.body_heads and crossing[0].end > ent.end:
                crossing = []  # "the Austrian Social Democrat Party leader": the body's name stays whole
            if crossing and ent.label_ in SPLIT_LABELS:
                out += split_around_titles(doc, ent, crossing, self.gazetteer)
                continue
            out.append(ent)
        taken = {i for e in out if e.label_ not in NUMERIC_LABELS for i in range(e.start, e.end)}
        out += [t for t in titles if not any(i in taken for i in range(t.start, t.end))]
        return holders_after_offices(doc, out, self.gazetteer)

    def _heads_a_name(self, ent: Span, title: Span) -> bool:
        """"Senators Mark Ellison" read as one ORG: a one-word office opening a body's name
        is the office when a capitalised two- or three-word name, no body's, follows it."""
        rest = ent.doc[title.end : ent.end]
        return title.start == ent.start and ent.label_ in {"ORG", "GPE", "NORP"} and 2 <= len(rest) <= 3 \
            and all(t.is_title and t.is_alpha for t in rest) and not any(t.text in self.body_heads for t in rest) \
            and not self.gazetteer.label_of(ent.text)  # fmt: skip

    def _is_title(self, span: Span) -> bool:
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].lower_ in {"'s", "’s"} and doc[span.end + 1].text in self.body_heads:
            return False  # "the Prosecutor General's Office", "the Mayor's Office": a body's name
        # The office noun comes before its complements: "Minister" in "Minister of Foreign Affairs".
        head = next((t.nbor(-1) for t in span[1:] if t.lower_ in COMPLEMENT_PREPS), span[-1])
        word = head.lower_
        plural = head.tag_ in {"NNS", "NNPS"} and word.endswith("s") or word[:-1] in self.head_words and word.endswith("s") \
            or word.endswith("men") and word[:-3] + "man" in self.head_words  # fmt: skip
        if span[0].lower_ != "member" and plural and not _names_follow(span):
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


def office_complements(
    doc: Doc, i: int, portfolio_words: frozenset[str], body_heads: frozenset[str] = frozenset(), office_heads: frozenset[str] = TO_OFFICES
) -> int:
    """The end of an office's complements from token ``i``: "of Water and Forest Resources",
    "of the Board", "of the Foreign Relations Department of the Presidential Office",
    "for European and Eurasian Affairs", "to the President".

    A complement is a run of portfolio words (data: ``portfolio_words``) and nationality
    adjectives, ending on a portfolio word; the name of a country, a city, an acronym or a
    person after "of" is no part of the office ("Minister of Foreign Affairs of Moldova",
    "Deputy Chairman of the Board of KMG"). "for", "on" and "to" complements are capitalised
    ("spokesman for the ministry" keeps "spokesman" alone); "to" takes an office only (any
    office word of ``office_heads``: "Assistant to the Prosecutor General").
    """
    end = i
    while end + 1 < len(doc) and doc[end].lower_ in COMPLEMENT_PREPS:
        prep = doc[end].lower_
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        j, last = k, None
        while j < len(doc):
            t = doc[j]
            word = t.lower_
            if prep != "of" and not (t.is_title or t.is_upper) and word not in COMPLEMENT_LINKS:
                break
            if word in portfolio_words and not (t.is_upper and len(t) > 1 and not t.is_title) and t.ent_type_ not in {"GPE", "PERSON"}:
                last = j
            elif prep == "to" and (word in office_heads or word in {"prime"}):
                last = j
            elif not (word in COMPLEMENT_LINKS or t.ent_type_ == "NORP" or word in {"prime", "president", "minister"}) or j == k and word in COMPLEMENT_LINKS:
                break
            j += 1
        nxt = doc[last + 1] if last is not None and last + 1 < len(doc) else None
        if last is None or nxt is not None and (nxt.text in body_heads or nxt.like_num or doc[last].lower_ not in office_heads and _cut_before_name(doc[last], nxt)):
            break  # "deputy secretary of the Foreign Ministry", "of the Region 2 ...": a name going on
        end = last + 1
    return end


# Complement words that modify a noun after them ("National", "Public", "North"): a complement
# never ends on one when a capitalised word follows ("of the National Water Study", "of North America").
MODIFIER_END = re.compile(r"(?:al|ic|ian|ean|ern)$|^(?:north|south|east|west)$")
NOUN_ENDS = {"republic"}


def _cut_before_name(last: Token, nxt: Token) -> bool:
    word = last.lower_
    modifier = last.tag_ == "JJ" or MODIFIER_END.search(word) is not None and word not in NOUN_ENDS
    return modifier and nxt.is_title and nxt.is_alpha and nxt.ent_iob_ != "B"


def _names_follow(span: Span) -> bool:
    """Does a list of names follow a plural office ("Senators A and B", "the Foreign
    Ministers of Latvia and Mongolia, A and B")? Then the office is each one's title."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ == "of":  # "of Latvia and Mongolia,"
        while i < len(doc) and (doc[i].lower_ in {"of", "the", "and"} or doc[i].is_title) and doc[i].text != ",":
            i += 1
        i += i < len(doc) and doc[i].text == ","
    names = 0
    while i + 1 < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN":
        while i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN":  # "LaHood" too
            i += 1
        names += 1
        if i < len(doc) and doc[i].lower_ in {",", "and"}:
            i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "and")
    return names > 1
