"""Scoring: nervaluate-style entity schemes, TempEval-3 dates, relations over entities."""

from __future__ import annotations

import pandas as pd
import pytest

from newsie.evaluation.gold import GoldArticle, GoldEntity, GoldRelation
from newsie.evaluation.scoring import Mention, evaluate, score_dates, score_entities


def test_scoring_entities_four_schemes():
    gold = [Mention(0, 5, "PER"), Mention(10, 15, "ORG"), Mention(20, 25, "LOC"), Mention(30, 35, "ORG")]
    pred = [
        Mention(0, 5, "PER"),  # correct
        Mention(10, 15, "LOC"),  # right span, wrong label
        Mention(20, 23, "LOC"),  # overlap, right label
        Mention(40, 45, "ORG"),  # spurious
    ]  # and (30, 35) is missed
    s = score_entities([(gold, pred)])
    assert s["strict"]["p"] == pytest.approx(1 / 4)
    assert s["exact"]["p"] == pytest.approx(2 / 4)
    assert s["partial"]["p"] == pytest.approx(2.5 / 4)
    assert s["type"]["p"] == pytest.approx(2 / 4)
    assert s["strict"]["r"] == pytest.approx(1 / 4)
    assert s["per_label"]["PER"]["f"] == 1.0
    assert s["per_label"]["ORG"]["tp"] == 0


class D:
    def __init__(self, start, end, type_, value):
        self.start, self.end, self.type, self.value = start, end, type_, value


def test_scoring_dates_tempeval():
    gold = [D(0, 10, "DATE", "2024-12-11"), D(20, 30, "DATE", "2024"), D(40, 45, "DURATION", "P3D")]
    pred = [D(0, 10, "DATE", "2024-12-11"), D(18, 30, "DATE", "2023"), D(50, 55, "DATE", "2024")]
    s = score_dates([(gold, pred)])
    assert s["strict"]["f"] == pytest.approx(1 / 3)
    assert s["relaxed"]["f"] == pytest.approx(2 / 3)
    assert s["value_accuracy"] == 0.5
    assert s["value_f1"] == pytest.approx(0.5 * 2 / 3)


def test_scoring_relations_count_entities_not_mentions():
    text = "CICA chief Kairat Sarybay and Sarybay again"
    gold = GoldArticle(
        "a", text,
        entities=(
            GoldEntity("m1", "E1", 0, 4, "ORG"), GoldEntity("m2", "E2", 11, 25, "PERSON"),
            GoldEntity("m3", "E2", 30, 37, "PERSON"),
        ),
        relations=(GoldRelation("m2", "works_for", "m1"),),
    )  # fmt: skip
    rel_cols = ["article_id", "head_start", "head_end", "relation", "tail_start", "tail_end"]
    pred = {
        "articles": pd.DataFrame({"article_id": ["a"]}),
        "entities": pd.DataFrame(columns=["article_id", "start", "end", "label"]),
        "dates": pd.DataFrame(columns=["article_id", "start", "end", "type", "value"]),
        "relations": pd.DataFrame(
            [["a", 30, 37, "works_for", 0, 4], ["a", 11, 25, "works_for", 0, 4], ["a", 11, 25, "works_for", 5, 10]],
            columns=rel_cols,
        ),
    }
    s = evaluate([gold], pred)["relations"]
    # Two mentions of Sarybay state one relation between two entities; the third is wrong.
    assert s["micro"]["tp"] == 1
    assert s["micro"]["n_pred"] == 2
    assert s["micro"]["r"] == 1.0


def test_scoring_label_map_merges_and_drops_labels():
    gold = GoldArticle("a", "x" * 50, entities=(GoldEntity("m1", "m1", 0, 5, "GPE"), GoldEntity("m2", "m2", 10, 15, "TITLE")))
    pred = {
        "articles": pd.DataFrame({"article_id": ["a"]}),
        "entities": pd.DataFrame([["a", 0, 5, "LOC"], ["a", 10, 15, "TITLE"]], columns=["article_id", "start", "end", "label"]),
        "dates": pd.DataFrame(columns=["article_id", "start", "end", "type", "value"]),
        "relations": pd.DataFrame(columns=["article_id", "head_start", "head_end", "relation", "tail_start", "tail_end"]),
    }
    plain = evaluate([gold], pred)["entities"]["strict"]
    mapped = evaluate([gold], pred, label_map={"GPE": "LOC", "TITLE": None})["entities"]["strict"]
    assert plain["tp"] == 1
    assert (mapped["tp"], mapped["n_pred"], mapped["n_gold"]) == (1, 1, 1)
