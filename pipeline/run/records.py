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

from .views import event_rows
from ..core.extensions import EVENTS_KEY, get_dict, get_list
from ..core.offsets import OffsetMap

DATE_LABELS = {"DATE", "TIME"}


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    published: str = ""
    source: str = ""
    via: str = ""
    dateline_place: str = ""
    dateline_date: str = ""
    title: str = ""
    n_chars: int = 0
    n_words: int = 0
    status: str = "ok"
    error: str = ""


@dataclass(frozen=True)
class EntityRecord:
    article_id: str
    entity_id: str
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
    anchor: str


@dataclass(frozen=True)
class RelationRecord:
    article_id: str
    head_id: str
    head_start: int
    head_end: int
    head_text: str
    relation: str
    tail_id: str
    tail_start: int
    tail_end: int
    tail_text: str
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
    fields = get_dict(doc, "article")
    meta = get_dict(doc, "meta")
    canonical = get_dict(doc, "canonical")

    entities: list[EntityRecord] = []
    mention_ids: dict[tuple[int, int], str] = {}
    mentions = [e for e in doc.ents if e.label_ not in DATE_LABELS]
    mentions += [e for e in doc.spans[EVENTS_KEY] if e.label_ not in DATE_LABELS] if EVENTS_KEY in doc.spans else []
    for ent in mentions:
        span = offsets.to_raw(ent.start_char, ent.end_char)
        if span is None or (span in mention_ids):
            continue
        entity_id = ent.id_ or f"E{ent.start_char}"
        mention_ids[(ent.start_char, ent.end_char)] = entity_id
        entities.append(
            EntityRecord(
                article_id, entity_id, span[0], span[1], raw[span[0] : span[1]], ent.label_,
                canonical.get(entity_id, ent.text),
            )
        )  # fmt: skip

    dates: list[DateRecord] = []
    date_ids: dict[tuple[int, int], str] = {}
    for d in get_list(doc, "dates"):
        span = offsets.to_raw(d["start"], d["end"])
        if span is None:
            continue
        date_ids[(d["start"], d["end"])] = d["date_id"]
        dates.append(
            DateRecord(article_id, d["date_id"], span[0], span[1], raw[span[0] : span[1]], d["type"], d["value"], d["anchor"])
        )

    relations: list[RelationRecord] = []
    for r in get_list(doc, "relations"):
        head = offsets.to_raw(r["head_start"], r["head_end"])
        tail = offsets.to_raw(r["tail_start"], r["tail_end"])
        evidence = _evidence(offsets, r["evidence_start"], r["evidence_end"])
        tail_ids = date_ids if r["tail_kind"] == "date" else mention_ids
        head_id = mention_ids.get((r["head_start"], r["head_end"]))
        tail_id = tail_ids.get((r["tail_start"], r["tail_end"]))
        if None in (head, tail, evidence, head_id, tail_id):
            continue
        relations.append(
            RelationRecord(
                article_id, head_id, head[0], head[1], raw[head[0] : head[1]], r["relation"],
                tail_id, tail[0], tail[1], raw[tail[0] : tail[1]], evidence[0], evidence[1],
                round(float(r["confidence"]), 3),
            )
        )  # fmt: skip

    events = [EventRecord(article_id, **row) for row in event_rows(entities, dates, relations)]
    return ArticleRecords(_article_record(doc, raw, fields, meta), entities, dates, relations, _removed(doc, raw), events)


def _removed(doc: Doc, raw: str) -> list[RemovedRecord]:
    return [
        RemovedRecord(doc._.article_id, s["start"], s["end"], raw[s["start"] : s["end"]], s["reason"])
        for s in get_list(doc, "removed")
    ]


def _article_record(doc: Doc, raw: str, fields: dict, meta: dict) -> ArticleRecord:
    return ArticleRecord(
        article_id=doc._.article_id,
        published=doc._.published or "",
        source=meta.get("source") or fields.get("source", ""),
        via=fields.get("via", ""),
        dateline_place=fields.get("dateline_place", ""),
        dateline_date=fields.get("dateline_date", ""),
        title=meta.get("title") or fields.get("title", ""),
        n_chars=len(raw),
        n_words=_n_words(doc),
    )


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
