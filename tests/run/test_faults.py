"""Faults: bad input and failing stages become error rows; a killed run loses nothing committed."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from newsie.cli import commands as cli
from newsie.run.io import MAX_BYTES
from newsie.run.job import run
from newsie.run.store import STORE_NAME

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = sorted(SEEDS.glob("*.txt"))[0]
MARKER = "EXPLODE"
KILL_AT_ENV = "NEWSIE_TEST_KILL_AT"


@Language.component("test_fault_stage")
def fault_stage(doc):
    """Raises on a marked article; with NEWSIE_TEST_KILL_AT set, SIGKILLs its own process there."""
    kill_at = os.environ.get(KILL_AT_ENV)
    if kill_at and doc._.article_id == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    if MARKER in doc.text:
        raise ValueError("marked article")
    return doc


class BatchFaultStage:
    """Like spaCy's Cython stages: a ``pipe`` that raises for its whole batch, no error handler."""

    def __call__(self, doc):
        return fault_stage(doc)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("test_batch_fault_stage")
def make_batch_fault_stage(nlp: Language, name: str) -> BatchFaultStage:
    return BatchFaultStage()


def light_pipeline(stage: str = "test_fault_stage") -> Language:
    """A blank English pipeline with the cleaner and a fault stage: fast, and the same in a subprocess."""
    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner", first=True)
    nlp.add_pipe(stage)
    return nlp


BAD_INPUTS = [
    ("undecodable", "caf\xe9".encode("latin-1") + b" au lait and more text", "not UTF-8"),
    ("empty", b"", "empty article"),
    ("blank", b"  \n\t\n", "empty article"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("oversize", b"word " * (MAX_BYTES // 5 + 1), "byte limit"),
]


@pytest.fixture()
def bad_inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(GOOD, folder / GOOD.name)
    for name, data, _ in BAD_INPUTS:
        (folder / f"{name}.txt").write_bytes(data)
    return folder


def test_faults_bad_inputs_become_error_rows_and_the_batch_goes_on(nlp, bad_inbox, tmp_path):
    result = run([bad_inbox], tmp_path / "out", nlp=nlp, batch_size=2)
    articles = result.frames["articles"].set_index("article_id")
    for name, _, reason in BAD_INPUTS:
        assert articles.loc[name, "status"] == "error"
        assert reason in articles.loc[name, "error"], name
    assert articles.loc[GOOD.stem, "status"] == "ok"
    assert (result.frames["entities"]["article_id"] == GOOD.stem).sum() > 0
    assert result.n_failed == len(BAD_INPUTS)
    assert {e["article_id"] for e in result.info["errors"]} == {name for name, _, _ in BAD_INPUTS}


def test_faults_bad_inputs_are_not_retried_until_they_change(nlp, bad_inbox, tmp_path):
    run([bad_inbox], tmp_path / "out", nlp=nlp)
    again = run([bad_inbox], tmp_path / "out", nlp=nlp)
    assert again.info["n_processed"] == 0 and again.n_failed == len(BAD_INPUTS)
    (bad_inbox / "empty.txt").write_text("Now it has text about Astana.", encoding="utf-8")
    fixed = run([bad_inbox], tmp_path / "out", nlp=nlp)
    assert fixed.info["n_processed"] == 1 and fixed.n_failed == len(BAD_INPUTS) - 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "stage, n_process",
    [("test_fault_stage", 1), ("test_fault_stage", 2), ("test_batch_fault_stage", 1), ("test_batch_fault_stage", 2)],
)
def test_faults_a_stage_raising_fails_only_its_article(tmp_path, stage, n_process):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(6):
        body = f"Story {i} from Astana." + (f" {MARKER} here." if i == 2 else "")
        (inbox / f"a{i}.txt").write_text(f" date 2024-12-11\n{body}\n", encoding="utf-8")
    result = run([inbox], tmp_path / "out", nlp=light_pipeline(stage), batch_size=4, n_process=n_process)
    articles = result.frames["articles"].set_index("article_id")
    assert articles.loc["a2", "status"] == "error"
    assert articles.loc["a2", "error"] == f"stage {stage} raised ValueError: marked article"
    assert (articles.drop(index="a2")["status"] == "ok").all() and len(articles) == 6
    assert result.n_failed == 1


@pytest.mark.parametrize("with_bad, code", [(True, 1), (False, 0)])
def test_faults_cli_exit_code_says_whether_some_failed(nlp, bad_inbox, tmp_path, monkeypatch, with_bad, code):
    monkeypatch.setattr("newsie.run.job.build", lambda config: nlp)
    if not with_bad:
        for name, _, _ in BAD_INPUTS:
            (bad_inbox / f"{name}.txt").unlink()
    args = ["run", str(bad_inbox), "--out", str(tmp_path / "out"), "--gold", str(tmp_path / "no-gold"), "--quiet"]
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == code, result.output
    assert result.output == ""


KILLED_RUN = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_faults import light_pipeline
    from newsie.run.job import run
    run([{inbox!r}], {out!r}, nlp=light_pipeline(), batch_size=3)
    """
)


@pytest.mark.slow
def test_faults_sigkill_loses_no_committed_article_and_the_next_run_resumes(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    ids = [f"a{i:02d}" for i in range(12)]
    for i, article_id in enumerate(ids):
        (inbox / f"{article_id}.txt").write_text(f" date 2024-12-{i + 1:02d}\nNews item {i} from Baku.\n", encoding="utf-8")
    script = KILLED_RUN.format(tests=str(Path(__file__).parent), inbox=str(inbox), out=str(out))
    env = {**os.environ, KILL_AT_ENV: "a07"}
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()

    # Batches of 3: a00-a02 and a03-a05 were committed; a06 was waiting for its batch.
    with sqlite3.connect(out / STORE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = [row[0] for row in conn.execute("SELECT article_id FROM articles ORDER BY article_id")]
        sources = [row[0] for row in conn.execute("SELECT article_id FROM sources ORDER BY article_id")]
    assert stored == sources == ids[:6]

    resumed = run([inbox], out, nlp=light_pipeline(), batch_size=3)
    assert (resumed.info["n_skipped"], resumed.info["n_processed"]) == (6, 6)
    fresh = run([inbox], tmp_path / "fresh", nlp=light_pipeline(), batch_size=3)
    for name, frame in fresh.frames.items():
        pd.testing.assert_frame_equal(resumed.frames[name], frame, check_dtype=False)
    assert resumed.frames["articles"]["article_id"].tolist() == ids
