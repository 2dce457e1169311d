"""Reading input articles: formats, metadata and clear per-article errors."""

from __future__ import annotations

import json

import pytest

from newsie.run.io import find_inputs, read_articles, write_tables
from newsie.run.records import columns, to_frames, failed_article


def test_io_txt_keeps_raw_text_and_id(tmp_path):
    path = tmp_path / "a1.txt"
    raw = " date 2024-12-11 BAKU, Azerbaijan, December 11. Text.\r\nMore.\n"
    path.write_bytes(raw.encode("utf-8"))
    (article,) = read_articles([path])
    assert article.article_id == "a1"
    assert article.text == raw  # line endings kept: offsets index the text as read
    assert article.error == ""


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"\xff\xfeN\x00o\x00", "not UTF-8"),
        (b"caf\xe9 au lait", "not UTF-8: byte 0xe9 at offset 3"),
        (b"", "empty article"),
        (b"  \n\n ", "empty article"),
        (b"abc\x00def", "binary file"),
    ],
)
def test_io_txt_bad_input_is_an_error_not_a_crash(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (article,) = read_articles([path])
    assert reason in article.error
    assert article.text == ""


def test_io_jsonl_reads_metadata_and_flags_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Hello Baku.", "published": "2024-12-11T08:00:00", "source": "Trend", "title": "T"}),
        "{not json",
        json.dumps({"id": "x3", "text": ""}),
        json.dumps({"id": "x4", "text": "Hi.", "published": "yesterday"}),
        "",
        json.dumps({"text": "No id."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(read_articles([path]))
    assert [a.article_id for a in articles] == ["x1", "batch:2", "x3", "x4", "batch:6"]
    first = articles[0]
    assert (first.published, first.source, first.title, first.error) == ("2024-12-11", "Trend", "T", "")
    assert "line 2: invalid JSON" in articles[1].error
    assert "line 3: missing or empty 'text'" in articles[2].error
    assert "not an ISO date" in articles[3].error
    assert articles[4].error == ""


def test_io_find_inputs_expands_folders_sorted(tmp_path):
    for name in ("b.txt", "a.jsonl", "c.md", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_inputs([tmp_path])]
    assert found == ["a.jsonl", "b.txt", "sub/d.txt"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_io_write_tables_every_format_has_fixed_columns(tmp_path, fmt):
    from newsie.run.io import read_table

    frames = to_frames([failed_article("z", "boom"), failed_article("a", "bad")])
    write_tables(frames, tmp_path, fmt)
    back = read_table(tmp_path / f"articles.{fmt}")
    assert list(back.columns) == columns("articles")
    assert list(back["article_id"]) == ["a", "z"]
    assert list(read_table(tmp_path / f"entities.{fmt}").columns) == columns("entities") or fmt == "jsonl"
