"""Records: one frozen dataclass per output row, built from a processed ``Doc``.

Every offset in a record indexes the article's raw text (``raw[start:end] == text``); the
records are built from the stages' clean offsets through the cleaner's offset map. Tables are
built from records with a fixed column order (the dataclass field order) and sorted rows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from .keys import cased, key_of
from .views import event_rows
from ..core.extensions import DATELINE_KEY, EVENTS_KEY, TITLE_KEY, get_dict, get_list
from ..core.offsets import OffsetMap
from ..core.schema import TEMPORAL_LABELS

DATE_LABELS = TEMPORAL_LABELS  # rows of the dates table, not of the entities table


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    published: str = ""
    source: str = ""
    via: str = ""
    dateline_place: str = ""
    dateline_date: str = ""
    title: str = ""
    author: str = ""  # the byline's person(s), ";"-separated; empty when there is none
    n_chars: int = 0
    n_words: int = 0
    status: str = "ok"
    error: str = ""


@dataclass(frozen=True)
class EntityRecord:
    article_id: str
    entity_id: str
    entity_key: str  # corpus-wide key, the row of entities_index (newsie.run.keys)
    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class DateRecord:
    article_id: str
    date_id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str  # TIMEX3 modifier (START, END, APPROX, ...) or ""
    anchor: str


@dataclass(frozen=True)
class RelationRecord:
    article_id: str
    head_id: str
    head_key: str
    head_start: int
    head_end: int
    head_text: str
    relation: str
    tail_id: str
    tail_key: str  # empty for a date tail
    tail_start: int
    tail_end: int
    tail_text: str
    qualifier: str  # former, acting, incoming, outgoing, designate or ""
    valid_from: str  # TIMEX3 values bounding when the relation holds, or ""
    valid_to: str
    evidence_start: int
    evidence_end: int
    confidence: float


@dataclass(frozen=True)
class EventRecord:
    """One event (an EVENT entity) and its frame: date, location, chair, participants.

    ``start``/``end`` locate its first mention; ``date_value`` holds TIMEX3 values and the
    other slots canonical names, several joined by "; ".
    """

    article_id: str
    event_id: str
    start: int
    end: int
    name: str
    date_value: str
    date_text: str
    location: str
    chair: str
    participants: str


@dataclass(frozen=True)
class RemovedRecord:
    """A segment the cleaner removed, for audit: its raw offsets and the reason."""

    article_id: str
    start: int
    end: int
    text: str
    reason: str


@dataclass
class ArticleRecords:
    """Everything extracted from one article."""

    article: ArticleRecord
    entities: list[EntityRecord] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    removed: list[RemovedRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)


TABLES: dict[str, type] = {
    "articles": ArticleRecord,
    "entities": EntityRecord,
    "dates": DateRecord,
    "relations": RelationRecord,
    "removed": RemovedRecord,
    "events": EventRecord,
}
SORT_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "entities": ["article_id", "start", "end", "label"],
    "dates": ["article_id", "start", "end"],
    "relations": ["article_id", "head_start", "relation", "tail_start", "tail_end"],
    "removed": ["article_id", "start"],
    "events": ["article_id", "start", "end"],
}


def columns(table: str) -> list[str]:
    return [f.name for f in dataclasses.fields(TABLES[table])]


def failed_article(article_id: str, error: str, *, published: str = "", n_chars: int = 0) -> ArticleRecords:
    """The records of an article that could not be read or processed: one failed row."""
    return ArticleRecords(
        ArticleRecord(article_id=article_id, published=published, n_chars=n_chars, status="error", error=error)
    )


def from_doc(doc: Doc) -> ArticleRecords:
    """Build the records of one processed article."""
    article_id = doc._.article_id
    clean_length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), without building it
    raw = doc._.raw_text if doc._.raw_text is not None else doc.text
    offsets = OffsetMap(doc._.offset_map, clean_length)
    entities, mention_ids = _entities(doc, article_id, raw, offsets)
    dates, date_ids = _dates(doc, article_id, raw, offsets)
    keys = {e.entity_id: e.entity_key for e in entities}
    relations = _relations(doc, article_id, raw, offsets, mention_ids, date_ids, keys)
    removed = [
        RemovedRecord(article_id, s["start"], s["end"], raw[s["start"] : s["end"]], s["reason"])
        for s in get_list(doc, "removed")
    ]
    article = _article(doc, article_id, raw)
    events = [EventRecord(article_id, **row) for row in event_rows(entities, dates, relations)]
    return ArticleRecords(article, entities, dates, relations, removed, events)


def _article(doc: Doc, article_id: str, raw: str) -> ArticleRecord:
    fields = get_dict(doc, "article")
    meta = get_dict(doc, "meta")
    return ArticleRecord(
        article_id=article_id,
        published=doc._.published or "",
        source=meta.get("source") or fields.get("source", ""),
        via=fields.get("via", ""),
        dateline_place=fields.get("dateline_place", ""),
        dateline_date=fields.get("dateline_date", ""),
        title=meta.get("title") or fields.get("title", ""),
        author=fields.get("author", ""),
        n_chars=len(raw),
        n_words=_n_words(doc),
    )


def _entities(doc: Doc, article_id: str, raw: str, offsets: OffsetMap) -> tuple[list[EntityRecord], dict]:
    """Entity mentions, with the id of each clean span (for the relations)."""
    canonical = get_dict(doc, "canonical")
    found: list[tuple[str, tuple[int, int], str]] = []  # (entity_id, raw span, label)
    mention_ids: dict[tuple[int, int], str] = {}
    mentions = [e for e in doc.ents if e.label_ not in DATE_LABELS]
    mentions += [e for e in doc.spans[EVENTS_KEY] if e.label_ not in DATE_LABELS] if EVENTS_KEY in doc.spans else []
    for ent in mentions:
        span = offsets.to_raw(ent.start_char, ent.end_char)
        if span is None or (span in mention_ids):
            continue
        entity_id = ent.id_ or f"E{ent.start_char}"
        mention_ids[(ent.start_char, ent.end_char)] = entity_id
        found.append((entity_id, span, ent.label_))
    texts: dict[str, list[str]] = {}
    headings = _heading_spans(doc, offsets)
    in_heading: set[str] = set()
    for entity_id, span, _ in found:
        texts.setdefault(entity_id, []).append(raw[span[0] : span[1]])
        if any(s <= span[0] and span[1] <= e for s, e in headings):
            in_heading.add(entity_id)
    names: dict[tuple[str, str], tuple[str, str]] = {}  # (entity_id, label) -> (canonical, key)
    entities = []
    for entity_id, span, label in found:
        if (entity_id, label) not in names:
            first = canonical.get(entity_id, texts[entity_id][0])
            name = cased(label, first, texts[entity_id], heading=entity_id in in_heading)
            names[(entity_id, label)] = (name, key_of(label, name, texts[entity_id]))
        name, key = names[(entity_id, label)]
        entities.append(EntityRecord(article_id, entity_id, key, span[0], span[1], raw[span[0] : span[1]], label, name))
    return entities, mention_ids


def _heading_spans(doc: Doc, offsets: OffsetMap) -> list[tuple[int, int]]:
    """Raw offsets of the dateline and the headline, where names are set in capitals."""
    spans = [s for key in (DATELINE_KEY, TITLE_KEY) if key in doc.spans for s in doc.spans[key]]
    raw = [offsets.to_raw(s.start_char, s.end_char) for s in spans]
    return [r for r in raw if r is not None]


def _dates(doc: Doc, article_id: str, raw: str, offsets: OffsetMap) -> tuple[list[DateRecord], dict]:
    dates: list[DateRecord] = []
    date_ids: dict[tuple[int, int], str] = {}
    for d in get_list(doc, "dates"):
        span = offsets.to_raw(d["start"], d["end"])
        if span is None:
            continue
        date_ids[(d["start"], d["end"])] = d["date_id"]
        text = raw[span[0] : span[1]]
        dates.append(DateRecord(article_id, d["date_id"], span[0], span[1], text, d["type"], d["value"], d.get("mod", ""), d["anchor"]))
    return dates, date_ids


def _relations(
    doc: Doc, article_id: str, raw: str, offsets: OffsetMap, mention_ids: dict, date_ids: dict, keys: dict[str, str]
) -> list[RelationRecord]:
    """One row per (head entity, relation, tail entity): the first mention pair that states it.

    The relations stage keeps one relation per pair of mentions; an entity named twice may
    state the same relation twice ("General Abacha" in two paragraphs), which is one fact.
    """
    relations: list[RelationRecord] = []
    seen: set[tuple[str, str, str]] = set()
    for r in get_list(doc, "relations"):
        head = offsets.to_raw(r["head_start"], r["head_end"])
        tail = offsets.to_raw(r["tail_start"], r["tail_end"])
        evidence = _evidence(offsets, r["evidence_start"], r["evidence_end"])
        date_tail = r["tail_kind"] == "date"
        head_id = mention_ids.get((r["head_start"], r["head_end"]))
        tail_id = (date_ids if date_tail else mention_ids).get((r["tail_start"], r["tail_end"]))
        if None in (head, tail, evidence, head_id, tail_id) or (head_id, r["relation"], tail_id) in seen:
            continue
        seen.add((head_id, r["relation"], tail_id))
        relations.append(
            RelationRecord(
                article_id, head_id, keys.get(head_id, ""), head[0], head[1], raw[head[0] : head[1]], r["relation"],
                tail_id, "" if date_tail else keys.get(tail_id, ""), tail[0], tail[1], raw[tail[0] : tail[1]],
                r.get("qualifier", ""), r.get("valid_from", ""), r.get("valid_to", ""),
                evidence[0], evidence[1], round(float(r["confidence"]), 3),
            )
        )  # fmt: skip
    return relations


def _n_words(doc: Doc) -> int:
    """Tokens that are neither space nor punctuation (read as one array, not token by token)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def _evidence(offsets: OffsetMap, start: int, end: int) -> tuple[int, int] | None:
    """Raw offsets of a sentence; a sentence never crosses a removed segment, but be safe."""
    span = offsets.to_raw(start, end)
    while span is None and end > start:
        end -= 1
        span = offsets.to_raw(start, end)
    return span


def to_frames(records: list[ArticleRecords]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, fixed column order, sorted rows, stable index."""
    rows: dict[str, list] = {name: [] for name in TABLES}
    for rec in records:
        rows["articles"].append(rec.article)
        for name in TABLES:
            if name != "articles":
                rows[name].extend(getattr(rec, name))
    frames = {}
    for name, items in rows.items():
        frame = pd.DataFrame([dataclasses.astuple(r) for r in items], columns=columns(name))
        frames[name] = frame.sort_values(SORT_KEYS[name], kind="stable").reset_index(drop=True)
    return frames
