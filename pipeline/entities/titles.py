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
office crosses are split (:func:`split_around_titles`) and the names around offices relabelled
(:func:`holders_after_offices`): "Prime Minister of Armenia Aram Sargsyan", read by the model
as one ORG after the title, gives GPE "Armenia" and PERSON "Aram Sargsyan". The span is the office words alone (GUIDELINES: "CICA Secretary General" gives
ORG "CICA" and TITLE "Secretary General").
"""

from __future__ import annotations

import re

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from ..core.gazetteer import Gazetteer, countries_of_demonym, load_gazetteer, read_json, read_lines

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
            crossing = [t for t in titles if t.start < ent.end and ent.start < t.end and (len(t) > 1 or self._heads_a_name(ent, t))]
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


def split_around_titles(doc: Doc, ent: Span, titles: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The parts of an entity that an office crosses, each labelled on its own.

    The model reads "Minister of Foreign Affairs of Moldova" as one ORG, "Armenia Aram
    Sargsyan" (after "Prime Minister of") as one ORG, "Latvian Minister" as one PERSON. The
    office wins; before it a listed place stays a place and a nationality a NORP; after it
    "of" and "the" are dropped, a listed place at the start is a GPE/LOC, and a capitalised
    rest is the office holder's name (PERSON).
    """
    covered = {i for t in titles for i in range(t.start, t.end)}
    pieces, start = [], None
    for i in range(ent.start, ent.end + 1):
        if i < ent.end and i not in covered:
            start = i if start is None else start
        elif start is not None:
            pieces.append((start, i))
            start = None
    out: list[Span] = []
    first_title = min(t.start for t in titles)
    for s, e in pieces:
        if s < first_title:
            out += _part_before(doc, s, e, ent.label_, gazetteer)
        else:
            out += _part_after(doc, s, e, ent.label_, gazetteer)
    return out


def _part_before(doc: Doc, s: int, e: int, label: str, gazetteer: Gazetteer) -> list[Span]:
    text = doc[s:e].text
    if listed := gazetteer.label_of(text):
        return [Span(doc, s, e, label=listed)]
    if text in gazetteer.languages or e - s == 1 and doc[s].tag_ == "JJ":
        return [Span(doc, s, e, label="NORP")]  # "Latvian" in "Latvian Minister"
    return [Span(doc, s, e, label=label)] if label != "PERSON" else []


def _part_after(doc: Doc, s: int, e: int, label: str, gazetteer: Gazetteer) -> list[Span]:
    while s < e and (doc[s].lower_ in {"of", "the", ",", "'s", "’s"} or doc[s].is_space):
        s += 1
    if s >= e:
        return []
    out: list[Span] = []
    for k in range(min(e, s + 4), s, -1):  # the longest listed place at the start
        if listed := gazetteer.label_of(doc[s:k].text):
            out.append(Span(doc, s, k, label=listed))
            s = k
            break
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    if s < e:
        name = all(t.is_title or not t.is_alpha for t in doc[s:e]) and e - s <= 4 and not _ends_like_body(doc[s:e], gazetteer)
        out.append(Span(doc, s, e, label="PERSON" if name and (out or label in {"ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART"}) else label))
    return out


def holders_after_offices(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Names around an office that the model joined or mislabelled.

    - "Prime Minister of Armenia Aram Sargsyan", "Deputy Chairman of the Board of KMG Ruslan
      Temirov": an entity after "<office> of (the)" that starts with a listed place or an
      acronym and goes on with a capitalised name is the place (or body), then a PERSON;
    - "Mongolian Foreign Minister X", "his Mongolian counterpart": a one-word PERSON or ORG right before an
      office or a common noun that is a nationality adjective is a NORP.
    """
    title_ends = {e.end for e in ents if e.label_ == "TITLE"}
    title_starts = {e.start for e in ents if e.label_ == "TITLE"}
    body_ends = {e.start: e.end for e in ents if e.label_ in {"ORG", "GPE", "NORP"}}
    out: list[Span] = []
    for ent in ents:
        i = ent.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        after_office = i >= 1 and doc[i].lower_ == "of" and i in title_ends
        if after_office and ent.label_ in {"ORG", "GPE", "NORP", "LOC", "WORK_OF_ART", "PERSON"} and len(ent) > 2:
            first = doc[ent.start]
            listed = any(gazetteer.label_of(doc[ent.start : k].text) for k in range(ent.start + 1, min(ent.end, ent.start + 4)))
            acronym = first.is_upper and first.is_alpha and len(first) > 1
            # "of the Ruritania Cyclists Association": a body named after its country stays whole
            if (listed or acronym) and not _ends_like_body(ent, gazetteer):
                parts = _part_after(doc, ent.start, ent.end, ent.label_, gazetteer)
                if not listed:  # the acronym alone is the body
                    parts = [Span(doc, ent.start, ent.start + 1, label="ORG")] + _part_after(doc, ent.start + 1, ent.end, "ORG", gazetteer)
                if len(parts) > 1:
                    out += parts
                    continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        before_role = ent.end in title_starts or nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"
        if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1 and before_role and countries_of_demonym(ent.text, gazetteer.countries):
            ent = Span(doc, ent.start, ent.end, label="NORP")
        elif ent.label_ in {"ORG", "GPE", "NORP"} and _holder_before_office(doc, ent, title_starts, gazetteer, body_ends):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Ion Vataman, Deputy Prime Minister of ..."
        out.append(ent)
    out = _join_holder_parts(doc, out, title_ends)
    out += _untagged_holders(doc, out, title_ends)
    taken = {i for e in out for i in range(e.start, e.end)}
    for start in title_starts:  # "Latvian President X": an untagged nationality before an office
        k = start - 1
        if k >= 0 and k not in taken and doc[k].is_title and countries_of_demonym(doc[k].text, gazetteer.countries):
            out.append(Span(doc, k, start, label="NORP"))
    return out


def _holder_before_office(doc: Doc, ent: Span, title_starts: set[int], gazetteer: Gazetteer, body_ends: dict[int, int]) -> bool:
    """A capitalised two- or three-word name that an apposed office follows ("X Y, Deputy
    Minister of ...", "X Y, the Ambassador of ..."), neither listed nor ending like a body."""
    k = ent.end
    if not (k + 1 < len(doc) and doc[k].text == ","):
        return False
    k += 1 + (doc[k + 1].lower_ == "the")
    k = body_ends.get(k, k)  # "X Y, CICA Secretary General"
    if k not in title_starts or not 2 <= len(ent) <= 3 or not all(t.is_title and t.is_alpha for t in ent):
        return False
    heads = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    return not gazetteer.label_of(ent.text) and not any(t.text in heads for t in ent)


def _ends_like_body(span: Span, gazetteer: Gazetteer) -> bool:
    """Does the name end on the head word of an organisation or a building ("... Association")?
    Such a name is a body's, never an office holder's."""
    heads = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    return len(span) > 0 and span[-1].text in heads


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


def _join_holder_parts(doc: Doc, ents: list[Span], title_ends: set[int]) -> list[Span]:
    """"Minister of Economy Janis | Ozols": two PERSON pieces side by side after an office
    (one cut from an entity the office crossed) are one name."""
    people = {e.start: e for e in ents if e.label_ == "PERSON"}
    drop: set[Span] = set()
    out: list[Span] = []
    for e in ents:
        nxt = people.get(e.end)
        if e.label_ == "PERSON" and e.start in title_ends and nxt is not None and e.end - e.start + len(nxt) <= 4:
            out.append(Span(doc, e.start, nxt.end, label="PERSON"))
            drop.add(nxt)
        elif e not in drop:
            out.append(e)
    return [e for e in out if e not in drop]


def _untagged_holders(doc: Doc, ents: list[Span], title_ends: set[int]) -> list[Span]:
    """"Minister of Foreign Affairs of Moldova Ion Vataman": an untagged capitalised name right
    after the place or body an office is "of" is the office holder."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    starts = [e.end for e in ents if e.label_ in {"GPE", "ORG"} and _after_office_of(doc, e, title_ends)]
    # "Minister of Economy Janis Ozols": a name the model left untagged, right after the office
    starts += [end for end in title_ends if end not in taken]
    out = []
    for start in starts:
        j = start
        while j < len(doc) and j not in taken and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN" and j - start < 4:
            j += 1
        if j - start >= 2 or j > start and j < len(doc) and doc[j].text == ",":
            out.append(Span(doc, start, j, label="PERSON"))
    return out


def _after_office_of(doc: Doc, ent: Span, title_ends: set[int]) -> bool:
    i = ent.start - 1 - (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    return i >= 1 and doc[i].lower_ == "of" and i in title_ends
