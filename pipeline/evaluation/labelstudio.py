"""Label Studio interchange: gold lines to tasks with pre-annotations, and an export back to gold.

Label Studio (https://labelstud.io/guide/predictions, /guide/export#Label-Studio-JSON) takes a
JSON list of tasks, each ``{"data": {...}, "predictions": [{"result": [...]}]}``, and exports
the same tasks with ``annotations``. One task per article:

- ``data``: ``text`` (the raw text), ``article_id``, ``published`` and the original
  ``articles`` fields, so that what a person cannot edit comes back unchanged.
- entity mentions: ``labels`` regions of the ``label`` control (OntoNotes + TITLE), each with a
  per-region ``entity_id`` text area (the coreference cluster);
- dates: ``labels`` regions of the ``timex`` control (DATE, TIME, DURATION, SET) with a
  per-region ``value`` text area (the TIMEX3 value);
- relations: ``relation`` results between region ids;
- article fields: one document-level text area each.

Region ids are the gold ids, so relations and ids survive the trip. Label Studio counts
offsets in UTF-16 code units (JavaScript strings); gold counts Python code points, so offsets
are converted both ways and a text with characters outside the BMP keeps its spans.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..core.errors import GoldFormatError
from ..core.schema import ARTICLE_FIELDS, DATE_TYPES, ENTITY_LABELS, RELATIONS

logger = logging.getLogger(__name__)

TEXT = "text"
ENTITY_CONTROL = "label"
DATE_CONTROL = "timex"
ENTITY_ID_CONTROL = "entity_id"
VALUE_CONTROL = "value"
# Colours of displaCy's entity palette, so the two tools look alike.
COLORS = {
    "PERSON": "#aa9cfc", "NORP": "#c887fb", "FAC": "#9cc9cc", "ORG": "#7aecec", "GPE": "#feca74",
    "LOC": "#ff9561", "PRODUCT": "#bfeeb7", "EVENT": "#ffeb80", "WORK_OF_ART": "#f0d0ff",
    "LAW": "#ff8197", "LANGUAGE": "#ff8197", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2",
    "QUANTITY": "#e4e7d2", "CARDINAL": "#e4e7d2", "ORDINAL": "#e4e7d2", "TITLE": "#f4b6c2",
    "DATE": "#bfe1d9", "TIME": "#bfe1d9", "DURATION": "#d9e9a6", "SET": "#c6d8f0",
}  # fmt: skip


def labeling_config() -> str:
    """The labeling config XML that matches the tasks written by :func:`to_tasks`."""
    lines = ["<View>", f'  <Text name="{TEXT}" value="$text"/>']
    for control, labels in ((ENTITY_CONTROL, ENTITY_LABELS), (DATE_CONTROL, DATE_TYPES)):
        lines.append(f'  <Labels name="{control}" toName="{TEXT}">')
        lines += [f"    <Label value={quoteattr(label)} background={quoteattr(COLORS[label])}/>" for label in labels]
        lines.append("  </Labels>")
    lines.append("  <Relations>")
    lines += [f"    <Relation value={quoteattr(name)}/>" for name in RELATIONS]
    lines.append("  </Relations>")
    lines += [
        f'  <View visibleWhen="region-selected" whenTagName="{ENTITY_CONTROL}">',
        f'    <TextArea name="{ENTITY_ID_CONTROL}" toName="{TEXT}" perRegion="true" editable="true" '
        'maxSubmissions="1" rows="1" placeholder="entity id (mentions of one entity share it)"/>',
        "  </View>",
        f'  <View visibleWhen="region-selected" whenTagName="{DATE_CONTROL}">',
        f'    <TextArea name="{VALUE_CONTROL}" toName="{TEXT}" perRegion="true" editable="true" '
        'maxSubmissions="1" rows="1" placeholder="TIMEX3 value, e.g. 2024-12-17"/>',
        "  </View>",
        '  <Header value="Article fields"/>',
    ]  # fmt: skip
    for name in ARTICLE_FIELDS:
        lines.append(
            f'  <TextArea name="{name}" toName="{TEXT}" editable="true" maxSubmissions="1" rows="1" placeholder="{name}"/>'
        )
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def utf16_offsets(text: str) -> list[int]:
    """``offsets[i]`` is the UTF-16 offset of code point ``i`` (one entry past the end)."""
    out = [0]
    for char in text:
        out.append(out[-1] + (2 if ord(char) > 0xFFFF else 1))
    return out


def to_tasks(items: Iterable[dict]) -> list[dict]:
    """Label Studio tasks, one per gold-format dict, with the annotations as a prediction."""
    return [to_task(item) for item in items]


def to_task(item: dict) -> dict:
    text = item["text"]
    js = utf16_offsets(text)
    result: list[dict] = []

    def region(ident: str, control: str, kind: str, start: int, end: int, extra: dict) -> dict:
        value = {"start": js[start], "end": js[end], "text": text[start:end]} | extra
        return {"id": ident, "from_name": control, "to_name": TEXT, "type": kind, "value": value}

    for e in item.get("entities") or []:
        result.append(region(e["id"], ENTITY_CONTROL, "labels", e["start"], e["end"], {"labels": [e["label"]]}))
        if "entity_id" in e:
            result.append(region(e["id"], ENTITY_ID_CONTROL, "textarea", e["start"], e["end"], {"text": [e["entity_id"]]}))
    for d in item.get("dates") or []:
        result.append(region(d["id"], DATE_CONTROL, "labels", d["start"], d["end"], {"labels": [d["type"]]}))
        if "value" in d:
            result.append(region(d["id"], VALUE_CONTROL, "textarea", d["start"], d["end"], {"text": [d["value"]]}))
    for r in item.get("relations") or []:
        result.append({"from_id": r["head"], "to_id": r["tail"], "type": "relation", "direction": "right", "labels": [r["relation"]]})  # fmt: skip
    fields = item.get("articles") or {}
    for name in ARTICLE_FIELDS:
        if fields.get(name) is not None:
            result.append({"id": f"field_{name}", "from_name": name, "to_name": TEXT, "type": "textarea", "value": {"text": [fields[name]]}})  # fmt: skip
    data = {TEXT: text, "article_id": item["article_id"], "published": item.get("published"), "articles": fields}
    return {"data": data, "predictions": [{"model_version": f"newsie-{__version__}", "result": result}]}


def from_export(tasks: list[dict], source: str = "label-studio export") -> list[dict]:
    """Gold-format dicts from a Label Studio JSON export (one per task, in order).

    The latest annotation that was not cancelled is read; a task nobody annotated falls back to
    its first prediction, so an untouched pre-annotation comes back as it went out.
    """
    if not isinstance(tasks, list):
        raise GoldFormatError(source, 0, "a Label Studio JSON export is a list of tasks")
    return [from_task(task, source, number) for number, task in enumerate(tasks, start=1)]


def from_task(task: dict, source: str = "label-studio export", number: int = 0) -> dict:
    data = task.get("data") or {}
    text = data.get(TEXT)
    if not isinstance(text, str) or not data.get("article_id"):
        raise GoldFormatError(source, number, "task has no data.text or data.article_id")
    result = _chosen_result(task)
    py = {js: i for i, js in enumerate(utf16_offsets(text))}
    regions: dict[str, dict] = {}
    extras: dict[tuple[str, str], str] = {}
    fields = dict(data.get("articles") or {})
    field_results: dict[str, str] = {}
    relations = []
    for res in result:
        kind, control, value = res.get("type"), res.get("from_name"), res.get("value") or {}
        if kind == "relation":
            for name in res.get("labels") or []:
                relations.append({"head": res["from_id"], "relation": name, "tail": res["to_id"]})
        elif kind == "labels" and control in (ENTITY_CONTROL, DATE_CONTROL):
            start, end = py.get(value.get("start")), py.get(value.get("end"))
            if start is None or end is None:
                raise GoldFormatError(source, number, f"region {res.get('id')}: offsets split a character")
            for label in value.get("labels") or []:
                regions.setdefault(res["id"], {"control": control, "start": start, "end": end, "label": label})
        elif kind == "textarea" and control in (ENTITY_ID_CONTROL, VALUE_CONTROL):
            extras[(res["id"], control)] = " ".join(value.get("text") or [])
        elif kind == "textarea" and control in ARTICLE_FIELDS:
            field_results[control] = " ".join(value.get("text") or [])
    entities, dates = [], []
    for ident, reg in regions.items():
        start, end = reg["start"], reg["end"]
        if reg["control"] == ENTITY_CONTROL:
            entity_id = extras.get((ident, ENTITY_ID_CONTROL)) or ident
            entities.append({"id": ident, "entity_id": entity_id, "start": start, "end": end, "label": reg["label"], "text": text[start:end]})  # fmt: skip
        else:
            value = extras.get((ident, VALUE_CONTROL), "")
            dates.append({"id": ident, "start": start, "end": end, "type": reg["label"], "value": value, "text": text[start:end]})  # fmt: skip
    # A field a person emptied comes back empty (None), one never filled stays as it was sent.
    for name in set(fields) | set(field_results):
        fields[name] = field_results.get(name) or None
    return {
        "article_id": data["article_id"],
        "text": text,
        "published": data.get("published"),
        "entities": entities,
        "dates": dates,
        "relations": relations,
        "articles": {name: fields[name] for name in ARTICLE_FIELDS if name in fields},
    }


def _chosen_result(task: dict) -> list[dict]:
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        latest = max(annotations, key=lambda a: (str(a.get("updated_at") or ""), a.get("id") or 0))
        return latest.get("result") or []
    predictions = task.get("predictions") or []
    if predictions:
        logger.info("task %s has no annotation; reading its prediction", task.get("id"))
        return predictions[0].get("result") or []
    return []


def write_tasks(items: Iterable[dict], folder: str | Path) -> tuple[Path, Path]:
    """Write ``tasks.json`` and ``labeling_config.xml`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tasks = folder / "tasks.json"
    tasks.write_text(json.dumps(to_tasks(items), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config = folder / "labeling_config.xml"
    config.write_text(labeling_config(), encoding="utf-8")
    return tasks, config


def read_export(path: str | Path) -> list[dict]:
    """Gold-format dicts from a Label Studio JSON export file."""
    path = Path(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldFormatError(str(path), 0, "no such file") from None
    except json.JSONDecodeError as err:
        raise GoldFormatError(str(path), err.lineno, f"invalid JSON: {err.msg}") from None
    return from_export(tasks, str(path))
