"""The SQLite store: keys, atomic replacement per batch, exports that match the records."""

from __future__ import annotations

import dataclasses
import sqlite3

import pandas as pd
import pytest

from newsie.run.io import Article, read_table, write_tables
from newsie.run.records import TABLES, ArticleRecord, ArticleRecords, DateRecord, EntityRecord, RelationRecord, to_frames
from newsie.run.store import PipelineKey, Store, content_hash

KEY = PipelineKey("0.1.0", "3.8.0", "en_core_web_sm", "3.8.0", "abc123")


def make_records(article_id: str, n_entities: int, *, status: str = "ok") -> ArticleRecords:
    entities = [
        EntityRecord(article_id, f"E{i}", "", 10 * i, 10 * i + 4, f"Ent{i}", "ORG", f"Entity {i}") for i in range(n_entities)
    ]
    dates = [DateRecord(article_id, "D1", 100, 110, "2024-12-17", "DATE", "2024-12-17", "", "2024-12-11")]
    relations = [RelationRecord(article_id, "E0", "", 0, 4, "Ent0", "based_in", "E1", "", 10, 14, "Ent1", "", "", "", 0, 50, 0.85)]
    article = ArticleRecord(article_id, published="2024-12-11", title=f"Title {article_id}", n_chars=120, n_words=20, status=status)
    return ArticleRecords(article, entities, dates, relations if n_entities > 1 else [])


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "newsie.sqlite") as opened:
        yield opened


def test_store_write_replaces_a_changed_article_and_leaves_the_rest(store):
    store.write([(make_records("a", 3), "h1"), (make_records("b", 2), "h2")], KEY)
    store.write([(make_records("a", 1), "h1-new")], KEY)
    entities = store.frame("entities")
    assert list(entities.groupby("article_id").size().items()) == [("a", 1), ("b", 2)]
    assert store.frame("relations")["article_id"].tolist() == ["b"]
    assert store.keys()["a"] == Store.key_of("h1-new", KEY)
    assert store.keys()["b"] == Store.key_of("h2", KEY)


def test_store_write_is_all_or_nothing_per_batch(store):
    store.write([(make_records("a", 2), "h1")], KEY)
    broken = [(make_records("b", 2), "h2"), (make_records("b", 1), "h2")]  # the same id twice
    with pytest.raises(sqlite3.IntegrityError):
        store.write(broken, KEY)
    assert store.frame("articles")["article_id"].tolist() == ["a"]
    assert set(store.frame("entities")["article_id"]) == {"a"}
    assert set(store.keys()) == {"a"}


@pytest.mark.parametrize(
    "change",
    [
        {"newsie_version": "0.2.0"},
        {"spacy_version": "3.8.9"},
        {"model": "en_core_web_md"},
        {"model_version": "3.8.1"},
        {"config_hash": "def456"},
    ],
)
def test_store_key_changes_with_every_version(change):
    assert Store.key_of("h", dataclasses.replace(KEY, **change)) != Store.key_of("h", KEY)


@pytest.mark.parametrize(
    "field, value",
    [("text", "Other text."), ("published", "2024-01-01"), ("source", "AP"), ("title", "T"), ("error", "not UTF-8")],
)
def test_store_content_hash_covers_text_and_metadata(field, value):
    article = Article("a", "Some text.")
    assert content_hash(dataclasses.replace(article, **{field: value})) != content_hash(article)
    assert content_hash(Article("a", "Some text.")) == content_hash(article)


def test_store_frames_equal_to_frames(store):
    records = [make_records("b", 2), make_records("a", 3), make_records("c", 0, status="error")]
    store.write([(r, "h") for r in records], KEY)
    expected = to_frames(records)
    got = store.frames()
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(got[name], frame, check_dtype=name != "removed")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_export_matches_a_direct_write(store, tmp_path, fmt):
    records = [make_records("b", 2), make_records("a", 3)]
    store.write([(r, "h") for r in records], KEY)
    exported = store.export(tmp_path / "exported", fmt)
    direct = write_tables(to_frames(records), tmp_path / "direct", fmt)
    assert [p.name for p in exported] == [p.name for p in direct]
    for ours, theirs in zip(exported, direct):
        if fmt == "parquet":
            pd.testing.assert_frame_equal(read_table(ours), read_table(theirs), check_dtype=False)
        else:
            assert ours.read_text(encoding="utf-8") == theirs.read_text(encoding="utf-8"), ours.name


def test_store_export_of_an_empty_store_has_headers(store, tmp_path):
    paths = store.export(tmp_path / "out", "csv")
    assert (tmp_path / "out" / "entities.csv").read_text().startswith("article_id,entity_id,entity_key,start,end")
    assert not list((tmp_path / "out").glob(".*.tmp"))
    assert [p.stem for p in paths] == list(TABLES)


def test_store_written_under_other_columns_is_rebuilt(tmp_path):
    path = tmp_path / "newsie.sqlite"
    with Store(path) as store:
        store.write([(make_records("a", 2), "h1")], KEY)
        store.conn.execute("UPDATE meta SET value = 'an older schema' WHERE name = 'schema'")
    with Store(path) as reopened:
        assert reopened.keys() == {} and reopened.count("entities") == 0
        reopened.write([(make_records("a", 1), "h1")], KEY)
        assert reopened.count("entities") == 1
