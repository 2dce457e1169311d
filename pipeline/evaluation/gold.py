"""Loading and validating gold files (``gold/*.jsonl``, one article per line).

Loading validates every line: JSON, required keys, spans inside the text and matching their
``text`` field, labels, date types and relations from the schema, unique ids, relation
arguments that exist and fit the relation's head and tail labels. :func:`load_gold` refuses an
invalid file with the first problem; :func:`validate_gold` lists them all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..core.errors import GoldFormatError
from ..core.schema import ARTICLE_FIELDS, DATE_TYPES, ENTITY_LABELS, RELATIONS


@dataclass(frozen=True)
class GoldEntity:
    id: str
    entity_id: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class GoldDate:
    id: str
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldRelation:
    head: str
    relation: str
    tail: str


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    text: str
    published: str = ""
    entities: tuple[GoldEntity, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    fields: dict = field(default_factory=dict)
    source: str = ""
    line: int = 0


def gold_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(path.glob("*.jsonl"))
    return [path]


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Load a gold file or every ``*.jsonl`` in a folder; raise on the first invalid line."""
    articles: list[GoldArticle] = []
    seen: dict[str, str] = {}
    for file in gold_files(path):
        for article, problems in _read_file(file):
            if problems:
                raise problems[0]
            if article.article_id in seen:
                raise GoldFormatError(str(file), article.line, f"article_id {article.article_id!r} already in {seen[article.article_id]}")
            seen[article.article_id] = f"{file}:{article.line}"
            articles.append(article)
    return articles


def validate_gold(path: str | Path) -> list[GoldFormatError]:
    """Every problem in a gold file or folder (empty when valid)."""
    problems: list[GoldFormatError] = []
    files = gold_files(path)
    if not files:
        return [GoldFormatError(str(path), 0, "no .jsonl gold files found")]
    for file in files:
        for _, found in _read_file(file):
            problems.extend(found)
    return problems


def _read_file(file: Path) -> Iterator[tuple[GoldArticle | None, list[GoldFormatError]]]:
    try:
        content = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        yield None, [GoldFormatError(str(file), 0, "no such file")]
        return
    except UnicodeDecodeError as err:
        yield None, [GoldFormatError(str(file), 0, f"not UTF-8 ({err.reason} at byte {err.start})")]
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            yield _parse_line(str(file), number, line)


class _LineChecker:
    """Checks one gold line's spans and relations, collecting every problem with its reason."""

    def __init__(self, source: str, number: int, text: str) -> None:
        self.source, self.number, self.text = source, number, text
        self.problems: list[GoldFormatError] = []
        self.ids: set[str] = set()
        self.labels: dict[str, str] = {}  # annotation id -> entity label, or DATE

    def problem(self, reason: str) -> None:
        self.problems.append(GoldFormatError(self.source, self.number, reason))

    def span(self, kind: str, i: int, obj: dict) -> bool:
        start, end = obj.get("start"), obj.get("end")
        ident = obj.get("id")
        if not isinstance(ident, str) or not ident:
            self.problem(f"{kind} #{i}: missing 'id'")
            return False
        if ident in self.ids:
            self.problem(f"{kind} {ident}: duplicate id")
            return False
        self.ids.add(ident)
        text = self.text
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            self.problem(f"{kind} {ident}: span [{start}, {end}) outside the text (length {len(text)})")
            return False
        if "text" in obj and text[start:end] != obj["text"]:
            self.problem(f"{kind} {ident}: text mismatch: span reads {text[start:end]!r}, 'text' says {obj['text']!r}")
            return False
        return True

    def entities(self, items: list) -> list[GoldEntity]:
        entities = []
        for i, e in enumerate(items, start=1):
            if self.span("entity", i, e):
                if e.get("label") not in ENTITY_LABELS:
                    self.problem(f"entity {e['id']}: unknown label {e.get('label')!r}")
                    continue
                self.labels[e["id"]] = e["label"]
                entities.append(GoldEntity(e["id"], str(e.get("entity_id") or e["id"]), e["start"], e["end"], e["label"]))
        return entities

    def dates(self, items: list) -> list[GoldDate]:
        dates = []
        for i, d in enumerate(items, start=1):
            if self.span("date", i, d):
                if d.get("type") not in DATE_TYPES:
                    self.problem(f"date {d['id']}: unknown type {d.get('type')!r}")
                    continue
                self.labels[d["id"]] = "DATE"
                dates.append(GoldDate(d["id"], d["start"], d["end"], d["type"], str(d.get("value") or "")))
        return dates

    def relations(self, items: list) -> list[GoldRelation]:
        labels, relations = self.labels, []
        for i, r in enumerate(items, start=1):
            name, head, tail = r.get("relation"), r.get("head"), r.get("tail")
            if name not in RELATIONS:
                self.problem(f"relation #{i}: unknown relation {name!r}")
                continue
            if head not in labels or tail not in labels:
                missing = head if head not in labels else tail
                self.problem(f"relation #{i} ({name}): argument {missing!r} is not an entity or date id")
                continue
            heads, tails = RELATIONS[name]
            if labels[head] not in heads or labels[tail] not in tails:
                self.problem(f"relation #{i} ({name}): {labels[head]} -> {labels[tail]} does not fit the schema")
                continue
            relations.append(GoldRelation(head, name, tail))
        return relations

    def fields(self, fields: object) -> dict[str, str]:
        if not isinstance(fields, dict) or any(k not in ARTICLE_FIELDS for k in fields):
            self.problem(f"'articles' must be an object with keys from {ARTICLE_FIELDS}")
            return {}
        return {k: (v or "") for k, v in fields.items()}


def _parse_line(source: str, number: int, line: str) -> tuple[GoldArticle | None, list[GoldFormatError]]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as err:
        return None, [GoldFormatError(source, number, f"invalid JSON: {err.msg} at column {err.colno}")]
    if not isinstance(item, dict):
        return None, [GoldFormatError(source, number, "expected a JSON object")]
    missing = [key for key in ("article_id", "text") if not isinstance(item.get(key), str) or not item[key]]
    if missing:
        return None, [GoldFormatError(source, number, f"missing or empty {key!r}") for key in missing]
    check = _LineChecker(source, number, item["text"])
    entities = check.entities(item.get("entities") or [])
    dates = check.dates(item.get("dates") or [])
    relations = check.relations(item.get("relations") or [])
    fields = check.fields(item.get("articles") or {})
    article = GoldArticle(
        article_id=item["article_id"], text=item["text"], published=str(item.get("published") or ""),
        entities=tuple(entities), dates=tuple(dates), relations=tuple(relations),
        fields=fields, source=source, line=number,
    )  # fmt: skip
    return article, check.problems
