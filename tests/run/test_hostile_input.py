"""Hostile input at the door: every field checked, a clear error row or a documented repair.

The corpus is made here, from synthetic text (no news text is copied): lone surrogates, NUL
and control characters, odd ``published`` values, odd ids, colliding ids, over-long lines and
files larger than the per-article limit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from newsie.cli import commands as cli
from newsie.run import readers
from newsie.run.job import run
from newsie.run.readers import normalise_published, read_articles, repair_text

STORY = "The Harbour Council met in Port Elm on Monday. Council chair Ada Quill opened the session."


def light_pipeline() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner", first=True)
    return nlp


def write_jsonl(path: Path, items: list) -> Path:
    """One JSON value per line (``json.dumps`` keeps lone surrogates as ``\\udXXX`` escapes)."""
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def by_id(folder: Path) -> dict:
    return {a.article_id: a for a in read_articles([folder])}


def test_hostile_lone_surrogates_are_repaired_and_the_batch_is_stored(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_jsonl(inbox / "feed.jsonl", [
        {"id": "x\ud800y", "title": "Quay \udfff news", "text": "A lone \ud83d surrogate. " + STORY},
        {"id": "good", "text": STORY},
    ])  # fmt: skip
    result = run([inbox], tmp_path / "out", nlp=light_pipeline())
    articles = result.frames["articles"].set_index("article_id")
    assert list(articles.index) == ["good", "x\\ud800y"]
    assert (articles["status"] == "ok").all()
    article = by_id(inbox)["x\\ud800y"]
    assert article.title == "Quay \ufffd news" and article.text.startswith("A lone \ufffd surrogate.")
    assert (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8").count("\n") == 3


def test_hostile_report_on_a_repaired_article_is_written_whole(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    inbox = tmp_path / "in"
    inbox.mkdir()
    write_jsonl(inbox / "feed.jsonl", [{"id": "s\udc00", "title": "T\ud800", "text": STORY}])
    monkeypatch.setattr("newsie.run.job.build", lambda config: light_pipeline())
    out = tmp_path / "out"
    done = CliRunner().invoke(cli.app, ["report", str(inbox), "--pred", str(out), "--gold", str(tmp_path / "none")])
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Port Elm" in page and page.rstrip().endswith("</html>")


@pytest.mark.parametrize(
    "text, repaired",
    [
        ("nul\x00here", "nul here"),
        ("bell\x07 and escape\x1b[31m", "bell  and escape [31m"),
        ("delete\x7f", "delete "),
        ("tab\tline\nform\x0cfeed\rreturn\x0bvt", "tab\tline\nform\x0cfeed\rreturn\x0bvt"),
        ("lone \ud800 and \udfff", "lone \ufffd and \ufffd"),
    ],
)
def test_hostile_text_repair_keeps_one_character_for_one(text, repaired):
    assert repair_text(text) == repaired and len(repaired) == len(text)


def test_hostile_nul_and_controls_in_jsonl_text_are_repaired_offsets_hold(tmp_path):
    text = "Ada Quill\x00 of the Harbour Council\x1b spoke in Port Elm."
    write_jsonl(tmp_path / "f.jsonl", [{"id": "c", "text": text}])
    result = run([tmp_path / "f.jsonl"], tmp_path / "out", nlp=light_pipeline())
    article = by_id(tmp_path)["c"]
    assert len(article.text) == len(text) and "\x00" not in article.text
    assert result.frames["articles"]["status"].tolist() == ["ok"]


@pytest.mark.parametrize(
    "value, published, problem",
    [
        ("2024-02-28", "2024-02-28", ""),
        ("20240228", "2024-02-28", ""),
        (20240228, "2024-02-28", ""),
        ("2024-02-28T10:15:00Z", "2024-02-28", ""),
        ("2024-02-28 10:15", "2024-02-28", ""),
        ("2024-02-28T10:15:00.5+02:00", "2024-02-28", ""),
        (" 2024-02-28 ", "2024-02-28", ""),
        (None, "", ""),
        ("", "", ""),
        ("2024-02-28 garbage", "", "not an ISO date"),
        ("2024-02-30", "", "not an ISO date"),
        ("2024-0228", "", "not an ISO date"),
        ("2024-02-28T25:00", "", "not an ISO date"),
        ("yesterday", "", "not an ISO date"),
        (["2024-02-28"], "", "must be an ISO date string"),
        (True, "", "must be an ISO date string"),
    ],
)
def test_hostile_published_values_are_normalised_or_refused(value, published, problem):
    got, error = normalise_published(value)
    assert got == published
    assert (problem in error) if problem else error == ""


def test_hostile_odd_published_is_a_clear_error_row(tmp_path):
    write_jsonl(tmp_path / "f.jsonl", [
        {"id": "bad", "text": STORY, "published": "2024-02-28 garbage"},
        {"id": "basic", "text": STORY, "published": "20240228"},
    ])  # fmt: skip
    articles = {a.article_id: a for a in read_articles([tmp_path / "f.jsonl"])}
    assert articles["bad"].error == "line 1: 'published' is not an ISO date or datetime: '2024-02-28 garbage'"
    assert articles["basic"].published == "2024-02-28" and not articles["basic"].error


@pytest.mark.parametrize(
    "value, article_id, error",
    [
        (0, "0", ""),
        (17, "17", ""),
        ("", "f:1", ""),
        ("   ", "f:1", ""),
        (None, "f:1", ""),
        ("a\x00b", "a\\u0000b", ""),
        ("tab\there", "tab\\u0009here", ""),
        (1.5, "f:1", "'id' must be a string or an integer, not float"),
        (True, "f:1", "'id' must be a string or an integer, not bool"),
        (["x"], "f:1", "'id' must be a string or an integer, not list"),
        ({"x": 1}, "f:1", "'id' must be a string or an integer, not dict"),
    ],
)
def test_hostile_ids_are_handled_explicitly(tmp_path, value, article_id, error):
    write_jsonl(tmp_path / "f.jsonl", [{"id": value, "text": STORY}])
    (article,) = read_articles([tmp_path / "f.jsonl"])
    assert article.article_id == article_id
    assert article.error == (f"line 1: {error}" if error else "")


@pytest.mark.parametrize("field", ["title", "source", "url"])
@pytest.mark.parametrize("value", [["a"], {"a": 1}, True])
def test_hostile_meta_fields_of_the_wrong_type_are_error_rows(tmp_path, field, value):
    write_jsonl(tmp_path / "f.jsonl", [{"id": "m", "text": STORY, field: value}])
    (article,) = read_articles([tmp_path / "f.jsonl"])
    assert article.error.startswith(f"line 1: {field!r} must be a string")


def test_hostile_non_string_text_and_non_objects_are_error_rows(tmp_path):
    write_jsonl(tmp_path / "f.jsonl", [{"id": "n", "text": 42}, [1, 2], "just a string", {"id": "e"}])
    errors = {a.article_id: a.error for a in read_articles([tmp_path / "f.jsonl"])}
    assert errors == {
        "n": "line 1: missing or empty 'text'",
        "f:2": "line 2: expected a JSON object",
        "f:3": "line 3: expected a JSON object",
        "e": "line 4: missing or empty 'text'",
    }


def test_hostile_colliding_stems_become_error_rows_naming_both(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text(STORY + " Later.", encoding="utf-8")
    write_jsonl(tmp_path / "b" / "feed.jsonl", [{"id": "x", "text": STORY}, {"id": "feed:2", "text": STORY}, {"text": STORY}])
    articles = list(read_articles([tmp_path]))
    ids = [a.article_id for a in articles]
    assert len(ids) == len(set(ids)) == 5
    first = next(a for a in articles if a.article_id == "x")
    assert first.path.endswith("a/x.txt") and not first.error
    dupes = {a.article_id: a.error for a in articles if a.error}
    assert set(dupes) == {f"x@{tmp_path}/b/feed.jsonl:1", f"x@{tmp_path}/b/x.txt"}
    for article_id, error in dupes.items():
        source = article_id.split("@", 1)[1]
        assert error == f"duplicate article id 'x': already read from {tmp_path}/a/x.txt; give this one (from {source}) another id"
    assert {"feed:2", "feed:3"} <= set(ids)


def test_hostile_duplicates_are_failed_rows_in_the_store_not_dropped(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(STORY, encoding="utf-8")
    result = run([tmp_path / "in"], tmp_path / "out", nlp=light_pipeline())
    articles = result.frames["articles"].set_index("article_id")
    assert articles.loc["x", "status"] == "ok"
    dupe = articles.drop(index="x")
    assert len(dupe) == 1 and dupe["status"].tolist() == ["error"]
    assert "already read from" in dupe["error"].iloc[0] and str(tmp_path / "in" / "a" / "x.txt") in dupe["error"].iloc[0]
    assert result.info["n_duplicates"] == 1 and result.n_failed == 1


def test_hostile_size_limit_is_per_article_and_jsonl_streams(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 2_000)
    items = [{"id": f"a{i}", "text": f"Item {i}. " + STORY} for i in range(60)]  # about 7 KB in all
    items.insert(30, {"id": "long", "text": "word " * 1_000})
    write_jsonl(tmp_path / "big.jsonl", items)
    assert (tmp_path / "big.jsonl").stat().st_size > 3 * readers.MAX_BYTES
    articles = list(read_articles([tmp_path / "big.jsonl"]))
    assert len(articles) == 61
    errors = {a.article_id: a.error for a in articles if a.error}
    assert errors == {"big:31": "line 31: over the 2000 byte limit per article"}
    assert articles[31].article_id == "a30" and articles[31].text.startswith("Item 30.")


def test_hostile_oversize_txt_is_an_error_row_by_its_own_size(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    (tmp_path / "small.txt").write_text("Short. " * 10, encoding="utf-8")
    (tmp_path / "big.txt").write_text("Long. " * 100, encoding="utf-8")
    errors = {a.article_id: a.error for a in read_articles([tmp_path])}
    assert errors == {"big": "article is 600 bytes, over the 100 byte limit per article", "small": ""}


def test_hostile_undecodable_jsonl_line_fails_alone(tmp_path):
    good = json.dumps({"id": "g", "text": STORY}).encode()
    (tmp_path / "f.jsonl").write_bytes(good + b"\n" + b'{"id": "bad", "text": "caf\xe9"}\n' + good.replace(b'"g"', b'"h"') + b"\n")
    errors = {a.article_id: a.error for a in read_articles([tmp_path / "f.jsonl"])}
    assert errors == {"g": "", "f:2": "line 2: not UTF-8: byte 0xe9 at offset 26 cannot be decoded", "h": ""}
