"""The review loop: gold drafts, gold validation and error analysis."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.evaluation.draft import draft_article, draft_gold, predict, write_gold
from newsie.evaluation.analysis import KINDS, context, errors_frame, find_errors, format_errors, write_errors
from newsie.evaluation.gold import GoldArticle, GoldDate, GoldEntity, GoldRelation, load_gold, validate_gold
from newsie.run.io import write_tables
from newsie.evaluation.scoring import evaluate

ROOT = Path(__file__).resolve().parents[2]
SEEDS, GOLD = ROOT / "seeds", ROOT / "gold"
SAMPLE = ["000_06a455e6394b7daf", "gum_crane", "wn2004_000"]
runner = CliRunner()


@pytest.fixture(scope="module")
def sample(nlp):
    """Three seed articles run through the real pipeline: (articles, tables, their gold)."""
    articles, frames = predict([SEEDS / f"{name}.txt" for name in SAMPLE], nlp)
    gold = [g for g in load_gold(GOLD) if g.article_id in SAMPLE]
    return articles, frames, gold


def test_draft_seed_articles_validate(sample, tmp_path):
    articles, frames, _ = sample
    drafts = draft_gold(articles, frames)
    path = write_gold(drafts, tmp_path / "draft.jsonl")
    assert validate_gold(path) == []
    assert [d["article_id"] for d in drafts] == SAMPLE
    for draft, article in zip(drafts, articles):
        assert draft["text"] == article.text
        assert draft["published"]
        ids = {e["id"] for e in draft["entities"]} | {d["id"] for d in draft["dates"]}
        for span in draft["entities"] + draft["dates"]:
            assert article.text[span["start"] : span["end"]] == span["text"]
        assert all(r["head"] in ids and r["tail"] in ids for r in draft["relations"])
    # every predicted mention and date is in the draft (the pipeline writes one row per span)
    assert sum(len(d["entities"]) for d in drafts) == len(frames["entities"])
    assert sum(len(d["dates"]) for d in drafts) == len(frames["dates"])


def _rows(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_draft_keeps_schema_relations_only():
    text = "Bob of Acme met in Paris on May 1."
    entities = _rows(
        entity_id=["E1", "E2", "E3", "E4"], start=[0, 7, 12, 19], end=[3, 11, 14, 24],
        text=["Bob", "Acme", "me", "Paris"], label=["PERSON", "ORG", "EVENT", "GPE"],
    )  # fmt: skip
    dates = _rows(date_id=["D1"], start=[28], end=[33], text=["May 1"], type=["DATE"], value=["XXXX-05-01"])
    rel = ["works_for", "has_title", "event_date", "event_location"]
    relations = _rows(
        relation=rel, head_start=[0, 0, 12, 12], head_end=[3, 3, 14, 14], head_text=["Bob", "Bob", "me", "me"],
        tail_start=[7, 7, 28, 19], tail_end=[11, 11, 33, 24], tail_text=["Acme", "Acme", "May 1", "Paris"],
    )  # fmt: skip
    draft = draft_article("x", text, {"published": "2024-05-02", "source": "Wire"}, entities, dates, relations)
    assert [(r["head"], r["relation"], r["tail"]) for r in draft["relations"]] == [
        ("m1", "works_for", "m2"), ("m3", "event_date", "d1"), ("m3", "event_location", "m4"),
    ]  # fmt: skip (has_title PERSON -> ORG does not fit the schema)
    assert draft["articles"]["source"] == "Wire" and draft["articles"]["via"] is None
    assert draft["entities"][0] == {"id": "m1", "entity_id": "E1", "start": 0, "end": 3, "label": "PERSON", "text": "Bob"}


BOB_M1 = {"id": "m1", "start": 0, "end": 3, "label": "PERSON"}
BAD_LINES = [
    ({"entities": [dict(BOB_M1, end=99)]}, "entity m1: span [0, 99) outside the text (length 12)"),
    ({"entities": [dict(BOB_M1, text="Bo")]}, "entity m1: text mismatch"),
    ({"entities": [dict(BOB_M1, label="HERO")]}, "entity m1: unknown label 'HERO'"),
    ({"entities": [BOB_M1, dict(BOB_M1, start=8, end=11)]}, "entity m1: duplicate id"),
    ({"dates": [{"id": "d1", "start": 4, "end": 7, "type": "DAY", "value": "x"}]}, "date d1: unknown type 'DAY'"),
    ({"relations": [{"head": "m1", "relation": "likes", "tail": "m1"}]}, "relation #1: unknown relation 'likes'"),
    ({"relations": [{"head": "m1", "relation": "killed", "tail": "m9"}]}, "relation #1 (killed): argument 'm9' is not an entity or date id"),
    ({"articles": {"author": "x"}}, "'articles' must be an object with keys from"),
]


@pytest.mark.parametrize("change,reason", BAD_LINES)
def test_gold_validate_names_file_line_and_reason(tmp_path, change, reason):
    good = {"article_id": "a", "text": "Bob met Ann.", "entities": [BOB_M1]}
    bad = dict(good, article_id="b") | change
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["gold", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3: {reason}" in result.output
    assert f"{path}:1:" not in result.output


def test_gold_validate_accepts_the_shipped_gold():
    result = runner.invoke(app, ["gold", "validate", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def _gold(**kw) -> GoldArticle:
    return GoldArticle(article_id="a", text="Dr Bob Smith met Acme in Paris on May 1 2024.", **kw)


def _pred(entities=(), dates=(), relations=()) -> dict[str, pd.DataFrame]:
    ent_cols = ["article_id", "entity_id", "start", "end", "text", "label", "canonical"]
    date_cols = ["article_id", "date_id", "start", "end", "text", "type", "value", "anchor"]
    rel_cols = ["article_id", "head_id", "head_start", "head_end", "head_text", "relation", "tail_id",
                "tail_start", "tail_end", "tail_text", "evidence_start", "evidence_end", "confidence"]  # fmt: skip
    return {
        "articles": pd.DataFrame([{"article_id": "a", "status": "ok"}]),
        "entities": pd.DataFrame([("a", *e) for e in entities], columns=ent_cols),
        "dates": pd.DataFrame([("a", *d) for d in dates], columns=date_cols),
        "relations": pd.DataFrame([("a", *r) for r in relations], columns=rel_cols),
    }


BOB = GoldEntity("m1", "m1", 3, 12, "PERSON")
ERROR_CASES = [
    ("exact", [("E1", 3, 12, "Bob Smith", "PERSON", "")], []),
    ("boundary", [("E1", 0, 12, "Dr Bob Smith", "PERSON", "")], [("entities", "PERSON", "span boundary")]),
    ("label", [("E1", 3, 12, "Bob Smith", "ORG", "")], [("entities", "PERSON", "wrong label")]),
    ("both", [("E1", 7, 12, "Smith", "ORG", "")], [("entities", "PERSON", "span boundary"), ("entities", "PERSON", "wrong label")]),
    ("missing", [], [("entities", "PERSON", "missing")]),
    ("spurious", [("E1", 3, 12, "Bob Smith", "PERSON", ""), ("E2", 17, 21, "Acme", "ORG", "")], [("entities", "ORG", "spurious")]),
]


@pytest.mark.parametrize("name,entities,expected", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_errors_entity_kinds(name, entities, expected):
    errors = find_errors([_gold(entities=(BOB,))], _pred(entities=entities))
    assert [(e.stage, e.label, e.kind) for e in errors] == expected
    assert all(e.kind in KINDS for e in errors)


@pytest.mark.parametrize(
    "pred,expected",
    [
        ((34, 44, "May 1 2024", "DATE", "2024-05-01", ""), []),
        ((34, 44, "May 1 2024", "DATE", "2024-06-01", ""), ["wrong value"]),
        ((34, 39, "May 1", "DATE", "2024-05-01", ""), ["span boundary"]),
        ((34, 39, "May 1", "TIME", "2024-05-01T10", ""), ["span boundary", "wrong label", "wrong value"]),
    ],
)
def test_errors_date_kinds(pred, expected):
    gold = _gold(dates=(GoldDate("d1", 34, 44, "DATE", "2024-05-01"),))
    errors = find_errors([gold], _pred(dates=[("D1", *pred)]))
    assert [e.kind for e in errors] == expected
    if expected:
        assert errors[0].gold_value == "2024-05-01" and "on [May 1" in errors[0].context


def test_errors_relation_kinds():
    ents = (BOB, GoldEntity("m2", "m2", 17, 21, "ORG"), GoldEntity("m3", "m3", 25, 30, "GPE"))
    gold = _gold(entities=ents, relations=(GoldRelation("m1", "works_for", "m2"), GoldRelation("m1", "lives_in", "m3")))
    pred = _pred(
        entities=[("E1", 3, 12, "Bob Smith", "PERSON", ""), ("E2", 17, 21, "Acme", "ORG", ""), ("E3", 25, 30, "Paris", "GPE", "")],
        relations=[
            ("E1", 3, 12, "Bob Smith", "killed", "E2", 17, 21, "Acme", 0, 45, 0.5),
            ("E2", 17, 21, "Acme", "based_in", "E3", 25, 30, "Paris", 0, 45, 0.5),
        ],
    )  # fmt: skip
    errors = [e for e in find_errors([gold], pred) if e.stage == "relations"]
    assert sorted((e.label, e.kind) for e in errors) == [("based_in", "spurious"), ("lives_in", "missing"), ("works_for", "wrong label")]
    wrong = next(e for e in errors if e.kind == "wrong label")
    assert (wrong.gold_label, wrong.pred_label) == ("works_for", "killed")
    assert "[Bob Smith]" in wrong.context and "[Acme]" in wrong.context


@pytest.mark.parametrize(
    "gold_value,pred_value,kind",
    [("Reuters", "", "missing"), ("", "AP", "spurious"), ("Reuters", "AP", "wrong value"), ("AP", " AP ", None)],
)
def test_errors_article_fields(gold_value, pred_value, kind):
    pred = _pred()
    pred["articles"] = pd.DataFrame([{"article_id": "a", "status": "ok", "source": pred_value}])
    errors = find_errors([_gold(fields={"source": gold_value})], pred)
    assert [e.kind for e in errors] == ([kind] if kind else [])


def test_errors_context_is_one_line():
    text = "first line\nBob Smith\nthird line"
    assert context(text, 11, 20, width=6) == "...line [Bob Smith] third..."


def test_errors_add_up_to_the_scores(sample):
    _, frames, gold = sample
    scores = evaluate(gold, frames)
    errors = find_errors(gold, frames)
    count = lambda stage, kind: sum(e.stage == stage and e.kind == kind for e in errors)  # noqa: E731
    ents = scores["entities"]
    wrong_pairs = {(e.article_id, e.gold_start, e.gold_end, e.gold_label) for e in errors if e.stage == "entities" and e.kind in ("span boundary", "wrong label")}
    assert ents["strict"]["tp"] == ents["strict"]["n_gold"] - count("entities", "missing") - len(wrong_pairs)
    assert ents["strict"]["n_pred"] - count("entities", "spurious") == ents["strict"]["n_gold"] - count("entities", "missing")
    dates = scores["dates"]
    assert count("dates", "span boundary") == dates["relaxed"]["tp"] - dates["strict"]["tp"]
    assert count("dates", "missing") == dates["relaxed"]["n_gold"] - dates["relaxed"]["tp"]
    rels = scores["relations"]["micro"]
    assert rels["n_gold"] - rels["tp"] == count("relations", "missing") + count("relations", "wrong label")
    assert rels["n_pred"] - rels["tp"] == count("relations", "spurious") + count("relations", "wrong label")


def test_errors_cli_writes_errors_csv_sorted_by_frequency(sample, tmp_path):
    _, frames, gold = sample
    write_tables(frames, tmp_path / "pred")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for name in SAMPLE:
        (gold_dir / f"{name}.jsonl").write_text((GOLD / f"{name}.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold_dir), "--pred", str(tmp_path / "pred"), "--errors"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "pred" / "errors.csv", keep_default_na=False)
    assert len(table) == len(find_errors(gold, frames)) > 0
    assert list(table["group_size"]) == sorted(table["group_size"], reverse=True)
    top = table.iloc[0]
    assert f"{top.stage} / {top.label} / {top.kind}: {top.group_size}" in result.output
    # every listed error names its article and shows its context
    assert len(re.findall(r"^ {6}\S", result.output, flags=re.M)) == sum(table["stage"] != "articles")


def test_errors_empty_when_predictions_are_gold(tmp_path):
    gold = _gold(entities=(BOB,), dates=(GoldDate("d1", 34, 44, "DATE", "2024-05-01"),))
    pred = _pred(entities=[("E1", 3, 12, "Bob Smith", "PERSON", "")], dates=[("D1", 34, 44, "May 1 2024", "DATE", "2024-05-01", "")])
    errors = find_errors([gold], pred)
    assert errors == [] and errors_frame(errors).empty
    assert write_errors(errors, tmp_path).read_text(encoding="utf-8").startswith("stage,label,kind")
    assert format_errors(errors) == "Errors against gold: 0"


def test_gold_validate_refuses_a_repeated_article(tmp_path):
    line = (GOLD / "gum_crane.jsonl").read_text(encoding="utf-8")
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(line, encoding="utf-8")
    result = runner.invoke(app, ["gold", "validate", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'b.jsonl'}:1: article_id 'gum_crane' already in {tmp_path / 'a.jsonl'}:1" in result.output


def test_gold_draft_cli_writes_a_valid_draft(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr("newsie.run.nlp.load", lambda *args, **kwargs: nlp)  # reuse the session pipeline
    out = tmp_path / "draft.jsonl"
    result = runner.invoke(app, ["gold", "draft", str(SEEDS / f"{SAMPLE[0]}.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "drafted 1 of 1 articles" in result.output
    assert validate_gold(out) == []
    [draft] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert draft["article_id"] == SAMPLE[0] and len(draft["entities"]) > 10 and draft["relations"]
