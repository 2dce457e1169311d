"""Baseline for benchmarks/relations.py: the relation stage as the pipeline skeleton shipped it.

Kept as shipped (minus its factory registration and the imports that needed) so the benchmark can print the skeleton's
figures beside the current stage on the same parsed documents.

``news_relations`` reads the entities (with TITLE), event mentions, alias pairs and dates set by
the earlier stages and writes ``doc._.relations``: plain dicts with the head and tail mentions'
clean offsets, the evidence sentence, the pattern that fired and a confidence.

Patterns, each documented where it is defined:

- ``title_before_name``: "Deputy Foreign Minister Alibek Bakayev" -> has_title.
- ``title_apposition``: "Jeff Rathke, the State Department Spokesperson" and "CICA Secretary
  General, Ambassador Kairat Sarybay" -> has_title (and works_for the ORG/GPE before the title).
- ``org_title_name``: "CICA Secretary General ... Kairat Sarybay" -> works_for.
- ``title_of_org``: "the President of Brazil, Luiz Inacio Lula da Silva" -> works_for.
- ``place_comma_place``: "BAKU, Azerbaijan", "Aceh, Indonesia" -> located_in.
- ``x_based``: "the Astana-based secretariat" -> based_in.
- ``alias``: the acronym definitions of the aliases stage -> alias_of.
- ``chaired_by``: "the meeting, chaired by A and B" -> chairs (one per conjunct).
- ``chairmanship``: "the chairmanship of CICA will pass from Kazakhstan to Azerbaijan" -> chairs.
- ``participation``: "held with the participation of X" -> participates_in.
- ``event_date``/``event_location``: a date or place attached to an event mention by the
  parse ("meeting ... scheduled for December 17", "Summit in Astana").
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from newsie.core.extensions import EVENTS_KEY, get_list

PLACE_LABELS = {"GPE", "LOC", "FAC"}
AGENT_LABELS = {"ORG", "GPE"}
CONFIDENCE = {
    "alias": 0.95, "title_before_name": 0.9, "title_apposition": 0.85, "org_title_name": 0.8,
    "title_of_org": 0.8, "place_comma_place": 0.8, "x_based": 0.85, "chaired_by": 0.85,
    "chairmanship": 0.75, "participation": 0.75, "event_date": 0.7, "event_location": 0.7,
}  # fmt: skip


def relation(
    name: str, head: Span, tail_start: int, tail_end: int, pattern: str, *, tail_kind: str = "entity"
) -> dict:
    sent = head.sent
    return {
        "head_start": head.start_char,
        "head_end": head.end_char,
        "relation": name,
        "tail_start": tail_start,
        "tail_end": tail_end,
        "tail_kind": tail_kind,
        "evidence_start": sent.start_char,
        "evidence_end": sent.end_char,
        "pattern": pattern,
        "confidence": CONFIDENCE[pattern],
    }


def entity_relation(name: str, head: Span, tail: Span, pattern: str) -> dict:
    return relation(name, head, tail.start_char, tail.end_char, pattern)


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that covers token ``i``."""
    if i < 0 or i >= len(doc) or not doc[i].ent_type_:
        return None
    token = doc[i]
    return next((e for e in doc.ents if e.start <= token.i < e.end), None)


def skip(doc: Doc, i: int, words: set[str], step: int = 1) -> int:
    while 0 <= i < len(doc) and (doc[i].lower_ in words or doc[i].is_space):
        i += step
    return i


class RelationExtractor:
    """Extract relations from the earlier stages' annotations."""

    def __init__(self, *, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        found: list[dict] = []
        found.extend(self._titles(doc))
        found.extend(self._places(doc))
        found.extend(self._aliases(doc))
        found.extend(self._events(doc))
        unique: dict[tuple, dict] = {}
        for rel in found:
            key = (rel["head_start"], rel["head_end"], rel["relation"], rel["tail_start"], rel["tail_end"])
            if key not in unique or unique[key]["confidence"] < rel["confidence"]:
                unique[key] = rel
        doc._.relations = [r for r in sorted(unique.values(), key=lambda r: (r["head_start"], r["relation"], r["tail_start"])) if r["confidence"] >= self.min_confidence]
        return doc

    def _titles(self, doc: Doc) -> Iterator[dict]:
        for title in (e for e in doc.ents if e.label_ == "TITLE"):
            # title_before_name: the title, optionally further titles, then the person.
            i = title.end
            while (nxt := ent_at(doc, i)) is not None and nxt.label_ == "TITLE":
                i = nxt.end
            if i < len(doc) and doc[i].text == ",":
                i += 1
            person = ent_at(doc, skip(doc, i, {"the"}))
            pattern = "title_before_name" if i == title.end else "title_apposition"
            if person is not None and person.label_ == "PERSON":
                yield entity_relation("has_title", person, title, pattern)
                org = ent_at(doc, title.start - 1)
                if org is not None and org.label_ in AGENT_LABELS:
                    yield entity_relation("works_for", person, org, "org_title_name")
                continue
            # title_apposition: "Person, the (ORG) Title".
            j = skip(doc, title.start - 1, {"the", "a", "an", "'s", "’s"}, step=-1)
            org = ent_at(doc, j)
            if org is not None and org.label_ in AGENT_LABELS | {"NORP"}:
                j = skip(doc, org.start - 1, {"the"}, step=-1)
            if 0 <= j < len(doc) and doc[j].text == ",":
                person = ent_at(doc, j - 1)
                if person is not None and person.label_ == "PERSON":
                    yield entity_relation("has_title", person, title, "title_apposition")
                    if org is not None and org.label_ in AGENT_LABELS and org.end <= title.start:
                        yield entity_relation("works_for", person, org, "title_apposition")
                    # title_of_org: "Person, the Title of ORG".
                    yield from self._title_of(doc, person, title)

    @staticmethod
    def _title_of(doc: Doc, person: Span, title: Span) -> Iterator[dict]:
        if title.end < len(doc) and doc[title.end].lower_ == "of":
            org = ent_at(doc, skip(doc, title.end + 1, {"the"}))
            if org is not None and org.label_ in AGENT_LABELS:
                yield entity_relation("works_for", person, org, "title_of_org")

    @staticmethod
    def _places(doc: Doc) -> Iterator[dict]:
        ents = list(doc.ents)
        for a, b in zip(ents, ents[1:]):
            if a.label_ not in PLACE_LABELS or b.label_ not in {"GPE", "LOC"}:
                continue
            between = doc[a.end : b.start]
            if [t.text for t in between] != [","]:
                continue
            # "Sweden, Belgium, England": a list, not a place in a place.
            after = doc[b.end] if b.end < len(doc) else None
            if after is not None and (after.text == "," and ent_at(doc, b.end + 1) is not None and ent_at(doc, b.end + 1).label_ in PLACE_LABELS or after.lower_ in {"and", "or"}):
                continue
            before = doc[a.start - 1] if a.start > 0 else None
            if before is not None and before.text == "," and ent_at(doc, a.start - 2) is not None and ent_at(doc, a.start - 2).label_ in PLACE_LABELS:
                continue
            yield entity_relation("located_in", a, b, "place_comma_place")
        for ent in ents:
            # x_based: "GPE-based ORG" (tokens: GPE, "-", "based", ..., ORG).
            if ent.label_ in PLACE_LABELS and ent.end + 2 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based":
                org = ent_at(doc, ent.end + 2)
                if org is not None and org.label_ == "ORG":
                    yield entity_relation("based_in", org, ent, "x_based")

    @staticmethod
    def _aliases(doc: Doc) -> Iterator[dict]:
        for pair in get_list(doc, "alias_pairs"):
            short = doc.char_span(*pair["short"])
            if short is not None:
                yield relation("alias_of", short, pair["long"][0], pair["long"][1], "alias")

    def _events(self, doc: Doc) -> Iterator[dict]:
        events = list(doc.spans[EVENTS_KEY]) if EVENTS_KEY in doc.spans else []
        dates = get_list(doc, "dates")
        for event in events:
            head = event.root
            for token in head.subtree:
                # chaired_by: "meeting ..., chaired by A and B".
                if token.lower_ == "by" and token.head.lemma_ in {"chair", "host", "lead", "preside"}:
                    for obj in (c for c in token.children if c.dep_ == "pobj"):
                        for person in self._conjuncts(doc, obj):
                            yield entity_relation("chairs", person, event, "chaired_by")
                # participation: "with the participation of X".
                if token.lower_ == "participation":
                    for prep in (c for c in token.children if c.lower_ == "of"):
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            for agent in self._conjuncts(doc, obj, labels={"PERSON", "ORG", "GPE"}):
                                yield entity_relation("participates_in", agent, event, "participation")
            for record in dates:
                date_span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
                if date_span is not None and record["type"] in {"DATE", "TIME"} and self._attached(date_span.root, head):
                    yield relation("event_date", event, record["start"], record["end"], "event_date", tail_kind="date")
            for ent in doc.ents:
                if ent.label_ in PLACE_LABELS and ent.sent == event.sent and self._attached(ent.root, head, preps={"in", "at"}):
                    yield entity_relation("event_location", event, ent, "event_location")
        yield from self._chairmanship(doc)

    @staticmethod
    def _attached(token: Token, head: Token, preps: set[str] | None = None) -> bool:
        """Is ``token`` the object of a preposition (or verb) that modifies ``head`` closely?"""
        path = []
        node = token
        for _ in range(4):
            if node.head is node:
                return False
            path.append(node)
            node = node.head
            if node == head:
                preps_on_path = [t for t in path if t.dep_ == "prep"]
                if preps is not None:
                    return bool(preps_on_path) and preps_on_path[-1].lower_ in preps
                return True
        return False

    @staticmethod
    def _conjuncts(doc: Doc, token: Token, labels: set[str] = frozenset({"PERSON"})) -> Iterator[Span]:
        for t in [token, *token.conjuncts]:
            ent = ent_at(doc, t.i)
            if ent is not None and ent.label_ in labels:
                yield ent

    @staticmethod
    def _chairmanship(doc: Doc) -> Iterator[dict]:
        for token in doc:
            if token.lower_ not in {"chairmanship", "presidency", "chairship"}:
                continue
            of = next((c for c in token.children if c.lower_ == "of"), None)
            org = next((ent_at(doc, c.i) for c in of.children if c.dep_ == "pobj"), None) if of else None
            if org is None or org.label_ not in {"ORG", "EVENT"}:
                continue
            verb = token.head
            for prep in (c for c in verb.subtree if c.dep_ == "prep" and c.lower_ in {"from", "to"}):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for agent in RelationExtractor._conjuncts(doc, obj, labels={"GPE", "ORG", "PERSON"}):
                        yield entity_relation("chairs", agent, org, "chairmanship")
