"""Gold files: the shipped gold loads; every kind of bad line is refused with file, line, reason."""

from __future__ import annotations

import json

import pytest

from newsie.core.errors import GoldFormatError
from newsie.evaluation.gold import load_gold, validate_gold

from tests.conftest import GOLD, SEEDS

TEXT = "Alibek Bakayev met CICA in Baku on Monday."
GOOD = {
    "article_id": "t1",
    "text": TEXT,
    "published": "2024-12-11",
    "entities": [
        {"id": "m1", "start": 0, "end": 14, "label": "PERSON", "text": "Alibek Bakayev"},
        {"id": "m2", "start": 19, "end": 23, "label": "ORG"},
        {"id": "m3", "start": 27, "end": 31, "label": "GPE"},
    ],
    "dates": [{"id": "d1", "start": 35, "end": 41, "type": "DATE", "value": "2024-12-09"}],
    "relations": [{"head": "m1", "relation": "works_for", "tail": "m2"}],
    "articles": {"source": "Trend"},
}


def write(tmp_path, *items) -> str:
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(i if isinstance(i, str) else json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return str(path)


def test_gold_shipped_files_are_valid_and_match_seeds():
    articles = load_gold(GOLD)
    assert len(articles) >= 30
    for article in articles:
        raw = (SEEDS / f"{article.article_id}.txt").read_text(encoding="utf-8")
        assert article.text == raw, article.article_id
        assert article.entities and article.dates


def test_gold_loads_a_good_line(tmp_path):
    (article,) = load_gold(write(tmp_path, GOOD))
    assert article.entities[0].entity_id == "m1"  # defaults to the mention id
    assert article.relations[0].relation == "works_for"
    assert article.fields == {"source": "Trend"}


def changed(path: str, value):
    item = json.loads(json.dumps(GOOD))
    *keys, last = path.split(".")
    node = item
    for key in keys:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    return item


@pytest.mark.parametrize(
    "line,reason",
    [
        ("{oops", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (changed("text", ""), "missing or empty 'text'"),
        (changed("entities.0.end", 999), "span [0, 999) outside the text"),
        (changed("entities.0.text", "Bakayev"), "text mismatch"),
        (changed("entities.1.label", "COMPANY"), "unknown label 'COMPANY'"),
        (changed("entities.1.id", "m1"), "m1: duplicate id"),
        (changed("dates.0.type", "WHEN"), "unknown type 'WHEN'"),
        (changed("relations.0.relation", "employs"), "unknown relation 'employs'"),
        (changed("relations.0.tail", "m9"), "argument 'm9' is not an entity or date id"),
        (changed("relations.0", {"head": "m1", "relation": "has_title", "tail": "m3"}), "PERSON -> GPE does not fit the schema"),
        (changed("articles", {"colour": "red"}), "'articles' must be an object"),
    ],
)
def test_gold_bad_line_names_file_line_and_reason(tmp_path, line, reason):
    path = write(tmp_path, GOOD, line)
    with pytest.raises(GoldFormatError) as err:
        load_gold(path)
    assert err.value.line == 2
    assert err.value.source == path
    assert reason in str(err.value)
    assert f"{path}:2:" in str(err.value)


def test_gold_validate_lists_every_problem(tmp_path):
    path = write(tmp_path, changed("entities.1.label", "X"), GOOD, "{bad")
    problems = validate_gold(path)
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [
        (1, "entity m2"),
        (1, "relation #1 (works_for)"),
        (3, "invalid JSON"),
    ]


def test_gold_duplicate_article_is_refused(tmp_path):
    with pytest.raises(GoldFormatError, match="already in"):
        load_gold(write(tmp_path, GOOD, GOOD))
