"""Label Studio interchange: tasks with pre-annotations out, a JSON export back, nothing lost."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.core.errors import GoldFormatError
from newsie.evaluation.gold import validate_gold
from newsie.evaluation.labelstudio import from_export, labeling_config, to_tasks, utf16_offsets
from newsie.core.schema import ARTICLE_FIELDS

GOLD = Path(__file__).resolve().parents[2] / "gold"
GOLD_FILES = sorted(GOLD.glob("*.jsonl"))
runner = CliRunner()


def gold_items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def as_exported(tasks: list[dict]) -> list[dict]:
    """What Label Studio's JSON export holds after a person accepts every pre-annotation.

    Label Studio copies the prediction's results (ids included) into an annotation and adds its
    own bookkeeping; the export is read back from disk as JSON.
    """
    exported = []
    for number, task in enumerate(json.loads(json.dumps(tasks)), start=1):
        prediction = task["predictions"][0]
        task |= {"id": number, "project": 1, "created_at": "2024-12-12T10:00:00Z"}
        prediction |= {"id": 100 + number, "score": None, "task": number}
        task["annotations"] = [{
            "id": 200 + number, "completed_by": 1, "result": copy.deepcopy(prediction["result"]),
            "was_cancelled": False, "ground_truth": False, "lead_time": 12.5,
            "created_at": "2024-12-12T10:05:00Z", "updated_at": "2024-12-12T10:05:00Z",
            "parent_prediction": prediction["id"],
        }]  # fmt: skip
        exported.append(task)
    return json.loads(json.dumps(exported))


def test_labelstudio_round_trip_covers_the_seed_articles():
    seeds = {p.stem for p in (GOLD.parent / "seeds").glob("*.txt")}
    assert len(GOLD_FILES) >= 30 and {p.stem for p in GOLD_FILES} <= seeds


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_labelstudio_round_trip_is_lossless(path):
    items = gold_items(path)
    back = from_export(as_exported(to_tasks(items)))
    assert back == items
    # an untouched task (nobody annotated it) comes back from its pre-annotation
    assert from_export(json.loads(json.dumps(to_tasks(items)))) == items


def test_labelstudio_cli_round_trip(tmp_path):
    result = runner.invoke(app, ["gold", "export", str(GOLD), "--label-studio", "--out", str(tmp_path / "ls")])
    assert result.exit_code == 0, result.output
    tasks = json.loads((tmp_path / "ls" / "tasks.json").read_text(encoding="utf-8"))
    export = tmp_path / "export.json"
    export.write_text(json.dumps(as_exported(tasks)), encoding="utf-8")
    result = runner.invoke(app, ["gold", "import", "--label-studio", str(export), "--out", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    for path in GOLD_FILES:
        assert gold_items(tmp_path / "back" / path.name) == gold_items(path)
    assert validate_gold(tmp_path / "back") == []


def test_labelstudio_config_matches_the_tasks():
    root = ET.fromstring(labeling_config())
    controls = {el.get("name"): el for el in root.iter() if el.get("toName")}
    relations = {el.get("value") for el in root.iter("Relation")}
    assert root.find("Text").get("name") == "text"
    used = 0
    for path in GOLD_FILES:
        for task in to_tasks(gold_items(path)):
            for res in task["predictions"][0]["result"]:
                if res["type"] == "relation":
                    assert set(res["labels"]) <= relations
                    continue
                control = controls[res["from_name"]]
                assert res["to_name"] == control.get("toName")
                assert control.tag == {"labels": "Labels", "textarea": "TextArea"}[res["type"]]
                if res["type"] == "labels":
                    assert set(res["value"]["labels"]) <= {el.get("value") for el in control.iter("Label")}
                elif "start" in res["value"]:
                    assert control.get("perRegion") == "true"
                used += 1
    assert used > 1000
    assert set(ARTICLE_FIELDS) <= set(controls)


def test_labelstudio_offsets_count_utf16_code_units():
    text = "🎉 Bob met Ann in Oslo 🇳🇴 on May 1."
    item = {
        "article_id": "emoji", "text": text, "published": "2024-05-02",
        "entities": [{"id": "m1", "entity_id": "m1", "start": 2, "end": 5, "label": "PERSON", "text": "Bob"},
                     {"id": "m2", "entity_id": "m2", "start": 17, "end": 21, "label": "GPE", "text": "Oslo"}],
        "dates": [{"id": "d1", "start": 28, "end": 33, "type": "DATE", "value": "2024-05-01", "text": "May 1"}],
        "relations": [], "articles": {"title": None},
    }  # fmt: skip
    assert text[28:33] == "May 1"
    result = to_tasks([item])[0]["predictions"][0]["result"]
    starts = {r["id"]: r["value"]["start"] for r in result if r["type"] == "labels"}
    # In JavaScript, "🎉" is two code units and each regional indicator of "🇳🇴" two more.
    assert starts == {"m1": 3, "m2": 18, "d1": 31}
    assert utf16_offsets(text)[-1] == len(text.encode("utf-16-le")) // 2
    assert from_export(as_exported(to_tasks([item]))) == [item]


def test_labelstudio_import_reads_corrections():
    item = gold_items(GOLD / "000_06a455e6394b7daf.jsonl")[0]
    task = as_exported(to_tasks([item]))[0]
    first = task["annotations"][0]
    corrected = copy.deepcopy(first)
    corrected |= {"id": 999, "updated_at": "2024-12-13T09:00:00Z"}
    result = corrected["result"]
    # relabel the first mention, drop the second one (and its relations), clear the source field
    label = next(r for r in result if r.get("id") == "m1" and r["type"] == "labels")
    label["value"]["labels"] = ["LOC"]
    corrected["result"] = [
        r for r in result
        if r.get("id") != "m2" and "m2" not in (r.get("from_id"), r.get("to_id")) and r.get("from_name") != "source"
    ]  # fmt: skip
    cancelled = copy.deepcopy(first) | {"id": 1000, "was_cancelled": True, "updated_at": "2024-12-14T09:00:00Z", "result": []}
    task["annotations"] = [first, corrected, cancelled]
    back = from_export([task])[0]
    assert back["entities"][0]["label"] == "LOC"
    assert "m2" not in {e["id"] for e in back["entities"]}
    assert all("m2" not in (r["head"], r["tail"]) for r in back["relations"])
    assert len(back["relations"]) == len(item["relations"]) - sum("m2" in (r["head"], r["tail"]) for r in item["relations"])
    assert item["articles"]["source"] == "Trend" and back["articles"]["source"] is None
    assert back["articles"]["via"] == item["articles"]["via"]


def test_labelstudio_new_region_gets_defaults():
    item = {"article_id": "a", "text": "Bob met Ann.", "published": None, "entities": [], "dates": [], "relations": [], "articles": {}}
    task = as_exported(to_tasks([item]))[0]
    task["annotations"][0]["result"] = [
        {"id": "Xy12_ab", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 8, "end": 11, "text": "Ann", "labels": ["PERSON"]}},
    ]  # fmt: skip
    back = from_export([task])[0]
    assert back["entities"] == [{"id": "Xy12_ab", "entity_id": "Xy12_ab", "start": 8, "end": 11, "label": "PERSON", "text": "Ann"}]


@pytest.mark.parametrize(
    "tasks,reason",
    [
        ({"data": {}}, "a Label Studio JSON export is a list of tasks"),
        ([{"data": {"text": "x"}}], "task has no data.text or data.article_id"),
        (
            [{"data": {"text": "🎉 Bob", "article_id": "a"}, "annotations": [{"result": [
                {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": 1, "end": 6, "labels": ["PERSON"]}}]}]}],
            "region r: offsets split a character",
        ),
    ],
)  # fmt: skip
def test_labelstudio_import_refuses_bad_exports(tasks, reason):
    with pytest.raises(GoldFormatError, match=reason):
        from_export(tasks)
