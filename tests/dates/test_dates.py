"""The dates stage as a whole: offsets, anchors, ranges, tense, TimeML input and output."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.dates.patterns import find_spans
from newsie.core.errors import TimemlError
from newsie.evaluation.formats.timeml import convert, parse_timeml, read_corpus
from newsie.run.timeml import to_timeml
from newsie.evaluation.gold import load_gold
from newsie.run.job import run
from newsie.dates.timex import Context, normalise
from newsie.dates.families import FAMILIES, NORMALISERS

from tests.conftest import shared_data

# A small TimeML document written for these tests (entities escaped, a TIMEX3 inside text).
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> that profit rose in <TIMEX3 tid="t2" type="DATE" value="1997-Q4">the fourth quarter</TIMEX3>.
</TEXT>
</TimeML>
"""


def dates_of(nlp, text: str, published: str = "") -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.dates)


def test_dates_seed_article_matches_gold_conventions(nlp, seed_text):
    dates = dates_of(nlp, seed_text)
    found = {(d["text"], d["type"], d["value"]) for d in dates}
    assert ("December 17 of this year", "DATE", "2024-12-17") in found
    assert ("2024", "DATE", "2024") in found and ("2026", "DATE", "2026") in found  # "2024-2026" split
    assert ("December 11", "DATE", "2024-12-11") in found
    assert not any("25th" in d["text"] for d in dates)
    assert all(d["anchor"] == "2024-12-11" for d in dates)


def test_dates_offsets_index_the_clean_text(nlp, seed_text):
    doc = nlp.make_doc(seed_text)
    doc = nlp(doc)
    for d in doc._.dates:
        assert doc.text[d["start"] : d["end"]] == d["text"]
    assert [d["date_id"] for d in doc._.dates] == [f"D{i}" for i in range(1, len(doc._.dates) + 1)]


def test_dates_without_anchor_leave_relative_expressions_unresolved(nlp):
    dates = {d["text"]: d["value"] for d in dates_of(nlp, "The minister arrived on Friday and will leave next year.")}
    assert dates["Friday"] == "XXXX-WXX-5"
    assert dates["next year"] == "FUTURE_REF"
    assert all(not v[:4].isdigit() for v in dates.values())


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("in 2022 and 2023", ["2022", "2023"]),
        ("during 1994-97", ["1994", "97"]),
        ("on Thursday, Jan. 6", ["Thursday, Jan. 6"]),
        ("for about five hours", ["five hours"]),
        ("over the past 20 years", ["the past 20 years"]),
        ("the 25th Anniversary", []),
        ("a 3-2 win and $1990 in cash", []),
    ],
)
def test_dates_spans_follow_timeml_boundaries(text, spans):
    assert [text[s:e] for s, e, _ in find_spans(text)] == spans


def test_dates_two_digit_range_end_takes_the_century(nlp):
    dates = dates_of(nlp, "Prices rose during 1994-97.", "1998-02-06")
    assert [(d["text"], d["value"]) for d in dates] == [("1994", "1994"), ("97", "1997")]


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [("Friday", -1, "1998-02-06"), ("Friday", 1, "1998-02-06"), ("Monday", -1, "1998-02-02"), ("Monday", 1, "1998-02-09"),
     ("December", -1, "1997-12"), ("December", 1, "1998-12"), ("March 3", 0, "1998-03-03"), ("Aug. 6", -1, "1997-08-06")],
)  # fmt: skip
def test_dates_direction_resolves_underspecified_dates(text, direction, value):
    # 1998-02-06 is a Friday: the article's own weekday is the article's date either way.
    assert normalise(text, dt.date(1998, 2, 6), direction).value == value


def test_dates_every_rule_has_a_handler():
    from newsie.dates import absolute, relative

    assert [rule.name for rule in NORMALISERS] == [rule.name for f in FAMILIES for rule in f.normalise]
    assert {rule.name for rule in NORMALISERS} == set(absolute.HANDLERS) | set(relative.HANDLERS)
    assert all(callable(rule.handler) for rule in NORMALISERS)


def test_dates_quarter_context_reads_a_year_earlier_as_that_quarter():
    context = Context(quarter="1989-Q3", quarter_talk=True)
    assert normalise("a year earlier", dt.date(1989, 10, 26), -1, context).value == "1988-Q3"
    assert normalise("a year earlier", dt.date(1989, 10, 26), -1, Context()).value == "1988"


def test_dates_timeml_reader_decodes_text_and_offsets():
    doc = parse_timeml(TIMEML)
    assert doc.doc_id == "T1" and doc.dct == "1998-02-06"
    assert doc.text.startswith("\nAT&T said Thursday")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "1998-02-05"),
        ("the fourth quarter", "DATE", "1997-Q4"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_dates_timeml_without_text_is_refused():
    with pytest.raises(TimemlError, match="N006"):
        parse_timeml("<TimeML><DOCID>X</DOCID></TimeML>")


def test_dates_timeml_writer_keeps_the_text_byte_identical():
    doc = parse_timeml(TIMEML)
    dates = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in doc.timexes]
    again = parse_timeml(to_timeml(doc.doc_id, doc.text, doc.dct, dates))
    assert again.text == doc.text
    assert [(t.start, t.end, t.value) for t in again.timexes] == [(t.start, t.end, t.value) for t in doc.timexes]


def test_dates_convert_timeml_writes_input_and_gold(tmp_path):
    source = tmp_path / "T1.tml"
    source.write_text(TIMEML, encoding="utf-8")
    out = tmp_path / "timeml.jsonl"
    assert convert(tmp_path, out) == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["published"] == "1998-02-06" and record["id"] == "T1"
    gold = load_gold(out)
    assert [(d.type, d.value) for d in gold[0].dates] == [("DATE", "1998-02-05"), ("DATE", "1997-Q4")]


def test_dates_cli_convert_and_run_format_timeml(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "T1.tml").write_text(TIMEML, encoding="utf-8")
    jsonl = tmp_path / "t.jsonl"
    result = CliRunner().invoke(app, ["convert", "timeml", str(tmp_path / "in"), "--out", str(jsonl)])
    assert result.exit_code == 0, result.output
    written = run([jsonl], tmp_path / "out", fmt="timeml", nlp=nlp).written
    tml = tmp_path / "out" / "T1.tml"
    assert tml in written
    predicted = parse_timeml(tml.read_text(encoding="utf-8"))
    assert predicted.text == json.loads(jsonl.read_text(encoding="utf-8"))["text"]
    assert ("Thursday", "1998-02-05") in {(t.text, t.value) for t in predicted.timexes}
    assert all(t.tid and t.type for t in predicted.timexes)


def test_dates_timeml_corpus_reads_completely():
    docs = list(read_corpus(shared_data("timeml")))
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822
    assert all(d.dct for d in docs)
