"""The relations stage: the DESIGN schema from surface and dependency patterns.

``news_relations`` reads the entities (with TITLE), event mentions, alias pairs and dates set by
the earlier stages and writes ``doc._.relations``: plain dicts with the head and tail mentions'
clean offsets, the evidence sentence, the pattern that fired and a confidence.

The patterns live by responsibility, each module documenting its own: titles (and the shared
pattern machinery) in :mod:`newsie.relations.patterns`; employers, teams and residence in
:mod:`newsie.relations.people`; places, organisations' seats and killings in
:mod:`newsie.relations.places`; event frames (chairs, participants, dates, places) in
:mod:`newsie.relations.event_frames`; meetings (met_with) and memberships (member_of) in :mod:`.meetings`. alias_of rows are the pairs of names the aliases stage found
(``doc._.alias_pairs``). Every relation is checked against
:data:`newsie.core.schema.RELATIONS` (head and tail labels) before it is kept, so a pattern that
meets an unexpected entity type cannot write a row the schema forbids. Confidences are per
pattern; ``min_confidence`` trades recall for precision (see ``benchmarks/relations.py``).
"""

from __future__ import annotations

import logging
from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import event_frames, meetings
from . import validity
from . import places
from . import people
from . import titles
from ..core.errors import ConfigError
from ..core.intervals import Taken
from ..core.extensions import EVENTS_KEY, get_list, register_extensions
from .patterns import Context, Found
from ..core.schema import RELATIONS
from ..core.types import Offsets, PlainDict

logger = logging.getLogger(__name__)

Pattern = Callable[[Context], Iterator[Found]]
PATTERNS: dict[str, Pattern] = {
    "titles": titles.titles,
    "predicate_titles": titles.predicate_titles,
    "roles": people.roles,
    "person_of": people.person_of,
    "signoff": people.signoff,
    "parenthetical_role": people.parenthetical_role,
    "appositive_employer": people.appositive_employer,
    "work_verbs": people.work_verbs,
    "apposition_modifier": people.apposition_modifier,
    "copular_roles": people.copular_roles,
    "residence": people.residence,
    "homes": people.homes,
    "counterparts": people.counterparts,
    "place_comma_place": places.place_comma_place,
    "place_in_place": places.place_in_place,
    "place_apposition": places.place_apposition,
    "possessives": places.possessives,
    "based": places.based,
    "orgs_in_places": places.orgs_in_places,
    "dateline_agency": places.dateline_agency,
    "killed": places.killed,
    "event_frames": event_frames.frames,
    "meetings": meetings.meetings,
    "memberships": meetings.memberships,
}
DATE_TYPES = {"DATE", "TIME"}
# How far an alias pair is trusted, by the form that gave it (``doc._.alias_pairs``): an acronym
# definition in brackets, a name right after a name ("X, or UNOS"), a translated name.
ALIAS_CONFIDENCE = {"defined": 0.95, "apposed": 0.85, "translated": 0.75}


def event_mentions(doc: Doc) -> list[Span]:
    """Event mentions of the entities stage (``doc.spans["events"]``, which holds only events
    outside every name) plus named EVENT entities, without overlaps."""
    spans = list(doc.spans[EVENTS_KEY]) if EVENTS_KEY in doc.spans else []
    taken = Taken(len(doc), ((s.start, s.end) for s in spans))
    spans += [e for e in doc.ents if e.label_ == "EVENT" and not taken.overlaps(e.start, e.end)]
    return sorted(spans, key=lambda s: s.start)


def fits_schema(rel: Found) -> bool:
    """Do the relation's head and tail labels fit :data:`newsie.core.schema.RELATIONS`?"""
    heads, tails = RELATIONS[rel.relation]
    tail_label = "DATE" if rel.tail_kind == "date" else rel.tail_label
    return rel.head_label in heads and tail_label in tails and rel.head != rel.tail


class RelationExtractor:
    """Extract relations from the earlier stages' annotations.

    Args:
        min_confidence: drop relations whose pattern confidence is lower.
        patterns: the pattern groups to run (names of :data:`PATTERNS`); all by default.
    """

    def __init__(self, *, min_confidence: float = 0.0, patterns: list[str] | None = None) -> None:
        self.min_confidence = min_confidence
        self.patterns = [PATTERNS[name] for name in (patterns or list(PATTERNS))]

    def __call__(self, doc: Doc) -> Doc:
        dates = []
        for record in get_list(doc, "dates"):
            span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
            if span is not None and record["type"] in DATE_TYPES:
                dates.append((record, span))
        ctx = Context.build(doc, event_mentions(doc), dates)
        unique: dict[tuple, Found] = {}
        for pattern in self.patterns:
            for rel in pattern(ctx):
                if not fits_schema(rel):
                    logger.debug("dropped %s %s -> %s: outside the schema", rel.relation, rel.head_label, rel.tail_label)
                    continue
                key = (rel.head, rel.relation, rel.tail)
                if key not in unique or unique[key].confidence < rel.confidence:
                    unique[key] = rel
        for rel in self._aliases(ctx):
            unique.setdefault((rel.head, rel.relation, rel.tail), rel)
        kept = [r for r in unique.values() if r.confidence >= self.min_confidence]
        kept.sort(key=lambda r: (r.head, r.relation, r.tail))
        held = validity.bounds(ctx, kept)
        empty = validity.Bounds().as_dict()
        doc._.relations = [as_dict(r, evidence(doc, r)) | (held[id(r)].as_dict() if id(r) in held else empty) for r in kept]
        return doc

    @staticmethod
    def _aliases(ctx: Context) -> Iterator[Found]:
        """alias_of for every pair of names the aliases stage found, short name first."""
        doc = ctx.doc
        for pair in get_list(doc, "alias_pairs"):
            short = doc.char_span(*pair["short"])
            long = doc.char_span(*pair["long"])
            if short is not None and long is not None:
                sent = short.sent
                confidence = ALIAS_CONFIDENCE.get(pair.get("form", "defined"), 0.75)
                yield Found("alias_of", (short.start_char, short.end_char), short.label_ or "ORG", (long.start_char, long.end_char), long.label_ or "ORG", (sent.start_char, sent.end_char), "alias", confidence)


def evidence(doc: Doc, rel: Found) -> Offsets:
    """The pattern's sentence, widened to the sentences of both arguments when the parser put
    them in different sentences, so that the evidence always contains the head and the tail."""
    starts, ends = [rel.evidence[0]], [rel.evidence[1]]
    for start, end in (rel.head, rel.tail):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            starts.append(span.sent.start_char)
            ends.append(span.sent.end_char)
    return min(starts), max(ends)


def as_dict(rel: Found, evidence: Offsets) -> PlainDict:
    """A relation as the plain dict stored in ``doc._.relations``."""
    return {
        "head_start": rel.head[0], "head_end": rel.head[1], "relation": rel.relation,
        "tail_start": rel.tail[0], "tail_end": rel.tail[1], "tail_kind": rel.tail_kind,
        "evidence_start": evidence[0], "evidence_end": evidence[1],
        "pattern": rel.pattern, "confidence": rel.confidence,
    }  # fmt: skip
    # qualifier, valid_from and valid_to are added by the component (pipeline.relations.validity).


@Language.factory(
    "news_relations",
    assigns=["doc._.relations"],
    requires=["doc.ents", "doc._.dates", "doc._.alias_pairs", "token.dep"],
    default_config={"min_confidence": 0.0, "patterns": None},
)
def make_relations(nlp: Language, name: str, *, min_confidence: float, patterns: list[str] | None) -> RelationExtractor:
    register_extensions()
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)) or not 0.0 <= min_confidence <= 1.0:
        raise ConfigError(f"news_relations: min_confidence must be a number in [0, 1], got {min_confidence!r}")
    unknown = [p for p in (patterns or []) if p not in PATTERNS]
    if unknown:
        raise ConfigError(f"news_relations: unknown patterns {unknown}; choose from {sorted(PATTERNS)}")
    return RelationExtractor(min_confidence=float(min_confidence), patterns=patterns)
