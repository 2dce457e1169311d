"""Converters of other corpora to gold, label schemes, and the ``convert``/``evaluate`` commands."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.evaluation.formats import CONVERTERS, convert
from newsie.evaluation.formats.conll2003 import iob_spans, names_only
from newsie.evaluation.gold import load_gold
from newsie.evaluation.schemes import SCHEMES, label_map
from tests.conftest import shared_data

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O
"""


@pytest.mark.parametrize(
    "tags,expected",
    [
        (["B-PER", "I-PER", "O"], [(0, 2, "PER")]),
        (["I-PER", "I-PER", "O", "I-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),  # IOB1
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["I-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_formats_iob_spans(tags, expected):
    assert iob_spans(tags) == expected


def test_formats_conll2003_articles(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    articles = convert("conll2003", path)
    assert [a["article_id"] for a in articles] == ["mini-0001", "mini-0002"]
    first = articles[0]
    assert first["text"] == "EU rejects German call .\nPeter Blackburn"
    spans = [(first["text"][e["start"] : e["end"]], e["label"]) for e in first["entities"]]
    assert spans == [("EU", "ORG"), ("German", "NORP"), ("Peter Blackburn", "PERSON")]
    assert articles[1]["entities"][0]["label"] == "LOC"


def test_formats_convert_command_writes_valid_gold(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    out = tmp_path / "gold" / "mini.jsonl"
    result = CliRunner().invoke(app, ["convert", "conll2003", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 articles, 4 entities" in result.output
    gold = load_gold(out)  # the gold loader validates spans and labels
    assert [g.article_id for g in gold] == ["mini-0001", "mini-0002"]


def test_formats_convert_command_refuses_unknown_format(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", "nosuch", str(path), "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code != 0 and "unknown format" in result.output
    assert "conll2003" in CONVERTERS


def test_formats_scheme_maps_every_label():
    conll = label_map("conll2003")
    assert conll["PERSON"] == "PER" and conll["GPE"] == conll["FAC"] == conll["LOC"] == "LOC"
    assert conll["NORP"] == conll["EVENT"] == conll["LANGUAGE"] == "MISC"
    assert conll["CARDINAL"] is None and conll["TITLE"] is None
    assert label_map("newsie") is None and set(SCHEMES) >= {"newsie", "conll2003"}


def test_formats_evaluate_with_scheme(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    gold = tmp_path / "mini.jsonl"
    CliRunner().invoke(app, ["convert", "conll2003", str(path), "--out", str(gold)])
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "articles.csv").write_text("article_id\nmini-0001\nmini-0002\n", encoding="utf-8")
    # GPE is LOC, TITLE is not scored, and an event mention that is no name ("call") is not an
    # entity in the CoNLL-2003 scheme.
    (pred / "entities.csv").write_text(
        "article_id,entity_id,start,end,text,label,canonical\n"
        "mini-0001,E1,0,2,EU,ORG,EU\nmini-0001,E2,11,17,German,NORP,German\n"
        "mini-0001,E3,25,40,Peter Blackburn,PERSON,Peter Blackburn\nmini-0001,E4,0,2,EU,TITLE,EU\n"
        "mini-0001,E5,18,22,call,EVENT,call\n"
        "mini-0002,E1,0,8,BRUSSELS,GPE,BRUSSELS\n",
        encoding="utf-8",
    )
    (pred / "dates.csv").write_text("article_id,date_id,start,end,text,type,value,anchor\n", encoding="utf-8")
    (pred / "relations.csv").write_text(
        "article_id,head_id,head_start,head_end,head_text,relation,tail_id,tail_start,tail_end,tail_text,"
        "evidence_start,evidence_end,confidence\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--scheme", "conll2003"])
    assert result.exit_code == 0, result.output
    scores = json.loads((pred / "scores.json").read_text())
    assert scores["entities"]["strict"]["f"] == 1.0
    assert set(scores["entities"]["per_label"]) == {"ORG", "MISC", "PER", "LOC"}


def test_formats_conll2003_scheme_keeps_names_only():
    entities = pd.DataFrame(
        [
            ("a", "E1", 0, 5, "match", "EVENT", "match"),
            ("a", "E2", 10, 22, "World Series", "EVENT", "World Series"),
            ("a", "E3", 30, 36, "talks", "EVENT", "talks"),
            ("a", "E4", 40, 45, "Paris", "GPE", "Paris"),
            ("a", "E5", 50, 58, "the euro", "NORP", "the euro"),
        ],
        columns=["article_id", "entity_id", "start", "end", "text", "label", "canonical"],
    )
    kept = names_only({"entities": entities})["entities"]
    assert kept["text"].tolist() == ["World Series", "Paris", "the euro"]


def test_formats_conll2003_valid_converts(tmp_path):
    path = shared_data("conll2003", "valid.txt")
    articles = convert("conll2003", path)
    assert len(articles) == 216
    assert sum(len(a["entities"]) for a in articles) == 5942
    for a in articles[:20]:
        for e in a["entities"]:
            assert a["text"][e["start"] : e["end"]] == e["text"]
