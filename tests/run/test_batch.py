"""Batch runs: incremental re-runs, --force, --limit, n_process=2, Dask, serialisable docs, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.tokens import DocBin

from newsie.core.extensions import DOC_EXTENSIONS
from newsie.run.io import read_articles
from newsie.cli.progress import BarProgress, LineProgress, RichProgress, make_progress, no_progress
from newsie.run.records import from_doc
from newsie.run.extract import extract, make_doc
from newsie.run.job import run
from newsie.run.store import STORE_NAME

EXTENSIONS = [name for name in DOC_EXTENSIONS]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLE = sorted(SEEDS.glob("*.txt"))[:4]


@pytest.fixture()
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in SAMPLE[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def as_json(value: object) -> str:
    return json.dumps(value, sort_keys=True)


def table_texts(out) -> dict[str, str]:
    return {name: (out / f"{name}.csv").read_text(encoding="utf-8") for name in ("articles", "entities", "dates", "relations")}


def test_batch_second_run_processes_nothing_and_keeps_the_tables(nlp, inbox, tmp_path):
    out = tmp_path / "out"
    first = run([inbox], out, nlp=nlp)
    tables = table_texts(out)
    second = run([inbox], out, nlp=nlp)
    assert (first.info["n_processed"], first.info["n_skipped"]) == (3, 0)
    assert (second.info["n_processed"], second.info["n_skipped"]) == (0, 3)
    assert table_texts(out) == tables
    assert (out / STORE_NAME).exists()
    assert len(first.frames["articles"]) == 3


def test_batch_changed_article_is_replaced_and_the_rest_untouched(nlp, inbox, tmp_path):
    out = tmp_path / "out"
    run([inbox], out, nlp=nlp)
    before = run([inbox], out, nlp=nlp).frames
    changed = SAMPLE[0].stem
    (inbox / SAMPLE[0].name).write_text(" date 2024-12-11\nBAKU, Azerbaijan. Kairat Sarybay visited Astana on Monday.\n")
    result = run([inbox], out, nlp=nlp)
    after = result.frames
    assert (result.info["n_processed"], result.info["n_skipped"]) == (1, 2)
    for name in ("articles", "entities", "dates"):
        keep_before = before[name][before[name]["article_id"] != changed].reset_index(drop=True)
        keep_after = after[name][after[name]["article_id"] != changed].reset_index(drop=True)
        pd.testing.assert_frame_equal(keep_after, keep_before)
    new_entities = after["entities"][after["entities"]["article_id"] == changed]
    assert "Kairat Sarybay" in set(new_entities["text"])
    assert after["articles"].set_index("article_id").loc[changed, "n_chars"] < 100


def test_batch_force_reprocesses_every_article(nlp, inbox, tmp_path):
    out = tmp_path / "out"
    run([inbox], out, nlp=nlp)
    forced = run([inbox], out, nlp=nlp, force=True)
    assert (forced.info["n_processed"], forced.info["n_skipped"]) == (3, 0)
    assert len(forced.frames["articles"]) == 3


def test_batch_limit_leaves_the_rest_for_the_next_run(nlp, inbox, tmp_path):
    out = tmp_path / "out"
    first = run([inbox], out, nlp=nlp, limit=2)
    assert (first.info["n_processed"], first.info["n_pending"]) == (2, 1)
    assert len(first.frames["articles"]) == 2
    second = run([inbox], out, nlp=nlp, limit=2)
    assert (second.info["n_processed"], second.info["n_skipped"], second.info["n_pending"]) == (1, 2, 0)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_batch_other_formats_are_exported_from_the_store(nlp, inbox, tmp_path, fmt):
    result = run([inbox], tmp_path / "out", nlp=nlp, fmt=fmt)
    frame = pd.read_parquet(tmp_path / "out/entities.parquet") if fmt == "parquet" else pd.read_json(
        tmp_path / "out/entities.jsonl", lines=True, dtype=False
    )
    assert len(frame) == len(result.frames["entities"]) > 0
    assert (tmp_path / "out/run.json").exists()


@pytest.mark.slow
def test_batch_n_process_2_gives_the_records_of_one_process(nlp):
    articles = list(read_articles(SAMPLE))
    one = [records for _, records in extract(nlp, articles, batch_size=2)]
    two = [records for _, records in extract(nlp, articles, batch_size=2, n_process=2)]
    assert [r.article.article_id for r in two] == [a.article_id for a in articles]
    assert two == one
    assert sum(len(r.entities) for r in two) > 0


def test_batch_docs_survive_docbin_with_user_data(nlp):
    articles = list(read_articles(SAMPLE[:2]))
    docs = list(nlp.pipe(make_doc(nlp, a) for a in articles))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for doc, back in zip(docs, restored):
        for name in EXTENSIONS:
            # msgpack gives lists back as tuples: the same plain values, so compare as JSON.
            assert as_json(getattr(back._, name)) == as_json(getattr(doc._, name)), name
        assert from_doc(back) == from_doc(doc)


@pytest.mark.slow
def test_batch_docs_survive_pipe_with_two_processes(nlp):
    articles = list(read_articles(SAMPLE))
    single = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=2))
    multi = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=2, n_process=2))
    for doc, other in zip(single, multi, strict=True):
        for name in EXTENSIONS:
            assert as_json(getattr(other._, name)) == as_json(getattr(doc._, name)), name
        assert [(s.start, s.end) for s in other.spans["events"]] == [(s.start, s.end) for s in doc.spans["events"]]


@pytest.mark.slow
def test_batch_dask_local_cluster_gives_the_records_of_a_local_run(nlp):
    pytest.importorskip("distributed")
    from newsie.run.distributed import extract_on_dask
    from newsie.run.nlp import read_config

    articles = list(read_articles(SAMPLE))
    local = {a.article_id: r for a, r in extract(nlp, articles, batch_size=2)}
    on_dask = extract_on_dask(
        articles, "local", read_config().to_str(), batch_size=2, partition_size=2, n_workers=2, processes=False
    )
    remote = {a.article_id: r for a, r in on_dask}
    assert remote == local


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_lines_are_periodic_and_end_with_the_total():
    clock, stream = Clock(), io.StringIO()
    report = LineProgress(stream, interval=10, clock=clock)
    for done, now in [(10, 1.0), (20, 5.0), (30, 12.0), (40, 13.0), (50, 14.0)]:
        clock.now = now
        report(done, 50)
    lines = stream.getvalue().splitlines()
    assert lines == [
        "newsie: 10/50 articles, 10.0 articles/s, ETA 00:04",
        "newsie: 30/50 articles, 2.5 articles/s, ETA 00:08",
        "newsie: 50/50 articles, 3.6 articles/s, ETA 00:00",
    ]


def test_progress_bar_redraws_one_line():
    clock, stream = Clock(), io.StringIO()
    report = BarProgress(stream, clock=clock)
    clock.now = 2.0
    report(1, 4)
    clock.now = 8.0
    report(4, 4)
    text = stream.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n")
    assert "[#######-----------------------] 1/4 articles, 0.5 articles/s, ETA 00:06" in text


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "quiet, stream, kind",
    [(True, io.StringIO(), "none"), (False, io.StringIO(), LineProgress), (False, Tty(), RichProgress)],
)
def test_progress_kind_follows_the_terminal_and_quiet(quiet, stream, kind):
    report = make_progress(quiet=quiet, stream=stream)
    if kind == "none":
        assert report is no_progress
        report(1, 2)
        assert stream.getvalue() == ""
    else:
        assert isinstance(report, kind)


@pytest.mark.parametrize(
    "lengths, size, max_chars, expected",
    [
        ([10, 10, 10, 10], 2, 100, [2, 2]),
        ([10, 10, 10, 10], 32, 25, [2, 2]),
        ([30, 10, 10], 32, 25, [1, 2]),  # an article over the budget goes alone
        ([5] * 5, 32, 100, [5]),
        ([], 32, 100, []),
    ],
)
def test_batch_char_batches_bound_count_and_characters(lengths, size, max_chars, expected):
    from newsie.run.io import Article
    from newsie.run.extract import char_batches

    articles = [Article(f"a{i}", "x" * n) for i, n in enumerate(lengths)]
    batches = list(char_batches(articles, size, max_chars))
    assert [len(b) for b in batches] == expected
    assert [a for b in batches for a in b] == articles
