"""Hostile runs: slow articles, concurrent runs and exports, a locked store, vanished inputs,
formula cells, odd ids as file names, exit codes. Synthetic text only."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from newsie.cli import commands as cli
from newsie.core.errors import OutputLockedError, StoreError
from newsie.run import store as store_module
from newsie.run.extract import ArticleTimeout, budget, time_budget
from newsie.run.io import csv_cell, read_table, safe_name, write_tables
from newsie.run.job import run
from newsie.run.lock import LOCK_NAME, folder_lock
from newsie.run.prune import prune
from newsie.run.store import STORE_NAME, Store

STORY = "The Harbour Council met in Port Elm on Monday. Council chair Ada Quill opened the session."
SLOW = "SLOWPOKE"
SLOW_ENV = "NEWSIE_TEST_SLOW_S"


@Language.component("test_slow_stage")
def slow_stage(doc):
    """Sleeps on a marked article (NEWSIE_TEST_SLOW_S seconds, default 60)."""
    if SLOW in doc.text:
        time.sleep(float(os.environ.get(SLOW_ENV, "60")))
    return doc


def light_pipeline() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner", first=True)
    nlp.add_pipe("test_slow_stage")
    return nlp


def inbox(tmp_path: Path, n: int = 6, slow: int | None = None) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        marker = f" {SLOW} here." if i == slow else ""
        (folder / f"a{i}.txt").write_text(f" date 2024-12-11\nStory {i}. {STORY}{marker}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("chars, seconds", [(0, 300), (1, 300), (500_000, 300), (500_001, 600), (2_500_000, 1500)])
def test_hostile_budget_grows_with_length_in_steps(chars, seconds):
    assert budget(300, chars) == seconds and budget(None, chars) is None and budget(0, chars) is None


def test_hostile_time_budget_raises_in_the_block_and_is_disarmed_after():
    with pytest.raises(ArticleTimeout):
        with time_budget(0.2):
            time.sleep(5)
    with time_budget(0.2):
        pass
    time.sleep(0.4)  # a timer left armed would raise here


@pytest.mark.parametrize("batch_size", [1, 4])
def test_hostile_slow_article_times_out_and_the_run_goes_on(tmp_path, batch_size):
    result = run([inbox(tmp_path, slow=2)], tmp_path / "out", nlp=light_pipeline(), batch_size=batch_size, article_timeout=1)
    articles = result.frames["articles"].set_index("article_id")
    assert articles.loc["a2", "status"] == "error"
    assert articles.loc["a2", "error"] == "timed out after 1 s"
    assert (articles.drop(index="a2")["status"] == "ok").all() and len(articles) == 6
    assert result.n_failed == 1


@pytest.mark.slow
def test_hostile_slow_article_times_out_in_worker_processes(tmp_path):
    result = run([inbox(tmp_path, slow=3)], tmp_path / "out", nlp=light_pipeline(), batch_size=2, n_process=2, article_timeout=1)
    articles = result.frames["articles"].set_index("article_id")
    assert articles.loc["a3", "error"] == "timed out after 1 s"
    assert (articles.drop(index="a3")["status"] == "ok").all() and len(articles) == 6


@pytest.mark.slow
def test_hostile_huge_article_times_out_within_its_budget_and_the_others_commit(nlp, tmp_path):
    folder = inbox(tmp_path, n=4)
    sentence = "Ada Quill of the Harbour Council met Bo Reed in Port Elm on 3 March 2024 to discuss the ferry. "
    (folder / "huge.txt").write_text(sentence * (2_500_000 // len(sentence)), encoding="utf-8")
    assert 2_000_000 < (folder / "huge.txt").stat().st_size <= 2_500_000
    started = time.perf_counter()
    result = run([folder], tmp_path / "out", nlp=nlp, article_timeout=5)
    elapsed = time.perf_counter() - started
    articles = result.frames["articles"].set_index("article_id")
    assert articles.loc["huge", "error"] == "timed out after 25 s"  # 5 s per 500,000 characters begun
    assert (articles.drop(index="huge")["status"] == "ok").all() and len(articles) == 5
    assert elapsed < 180, elapsed  # the budget, reading and the other articles; not the whole article


def test_hostile_articles_before_a_slow_one_are_committed_before_it_runs(tmp_path, monkeypatch):
    seen_stored: list[list[str]] = []
    original = slow_stage

    def spying(doc):
        if SLOW in doc.text:
            with sqlite3.connect(tmp_path / "out" / STORE_NAME) as conn:
                seen_stored.append(sorted(r[0] for r in conn.execute("SELECT article_id FROM articles")))
        return original(doc)

    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner", first=True)
    Language.component("test_spying_stage", func=spying)
    nlp.add_pipe("test_spying_stage")
    folder = inbox(tmp_path, n=3)
    (folder / "b_long.txt").write_text(f"{SLOW}. " + "Word and word. " * 8_000, encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "0")
    run([folder], tmp_path / "out", nlp=nlp, batch_size=32)
    assert seen_stored == [["a0", "a1", "a2"]]


def test_hostile_second_writer_is_refused_with_a_message(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        out.mkdir()
        (out / LOCK_NAME).write_text(json.dumps({"pid": holder.pid}), encoding="utf-8")
        with pytest.raises(OutputLockedError, match=f"another newsie process \\(pid {holder.pid}\\) is writing to"):
            run([inbox(tmp_path)], out, nlp=light_pipeline())
        args = ["run", str(tmp_path / "in"), "--out", str(out), "--gold", str(tmp_path / "none"), "--quiet"]
        done = CliRunner().invoke(cli.app, args)
        assert done.exit_code == 2 and "is writing to" in done.output and "Traceback" not in done.output
    finally:
        holder.kill()
        holder.wait()
    assert not (out / STORE_NAME).exists() or Store(out / STORE_NAME).count("articles") == 0


def test_hostile_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": int(dead.stdout)}), encoding="utf-8")
    result = run([inbox(tmp_path)], out, nlp=light_pipeline())
    assert result.info["n_processed"] == 6 and not (out / LOCK_NAME).exists()


def test_hostile_lock_is_released_when_the_run_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with folder_lock(tmp_path):
            raise RuntimeError("boom")
    assert not (tmp_path / LOCK_NAME).exists()


CONCURRENT_RUN = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {tests!r})
    from test_hostile_runs import light_pipeline
    from newsie.core.errors import OutputLockedError
    from newsie.run.job import run
    os.environ["NEWSIE_TEST_SLOW_S"] = "4"
    try:
        run([{inbox!r}], {out!r}, nlp=light_pipeline())
    except OutputLockedError as err:
        print(err)
        sys.exit(3)
    """
)


@pytest.mark.slow
def test_hostile_concurrent_runs_one_proceeds_one_is_refused(tmp_path):
    folder = inbox(tmp_path, slow=1)
    script = CONCURRENT_RUN.format(tests=str(Path(__file__).parent), inbox=str(folder), out=str(tmp_path / "out"))
    first = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while not (tmp_path / "out" / LOCK_NAME).exists() and time.time() < deadline:
        time.sleep(0.05)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    first.communicate(timeout=120)
    assert first.returncode == 0
    assert second.returncode == 3 and "is writing to" in second.stdout, second.stderr
    with Store(tmp_path / "out" / STORE_NAME) as store:
        assert store.count("articles") == 6


def test_hostile_concurrent_exports_never_share_a_temp_file(tmp_path):
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(2000)], "text": ["=1+1"] * 2000})
    errors: list[BaseException] = []

    def export() -> None:
        try:
            write_tables({"t": frame}, tmp_path, "csv")
        except BaseException as err:  # noqa: BLE001 - collected for the assertion
            errors.append(err)

    threads = [threading.Thread(target=export) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert read_table(tmp_path / "t.csv")["text"].tolist() == ["=1+1"] * 2000
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_hostile_locked_store_gives_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_WAIT_S", 0.2)
    out = tmp_path / "out"
    Store.in_folder(out).close()
    other = sqlite3.connect(out / STORE_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="is locked by another program"):
            run([inbox(tmp_path)], out, nlp=light_pipeline())
        monkeypatch.setattr("newsie.run.job.build", lambda config: light_pipeline())
        args = ["run", str(tmp_path / "in"), "--out", str(out), "--gold", str(tmp_path / "none"), "--quiet"]
        done = CliRunner().invoke(cli.app, args)
        assert done.exit_code == 2 and "is locked by another program" in done.output
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_hostile_prune_drops_the_rows_of_inputs_that_are_gone(tmp_path):
    folder = inbox(tmp_path, n=3)
    out = tmp_path / "out"
    run([folder], out, nlp=light_pipeline())
    (folder / "a1.txt").unlink()
    (folder / "a2.txt").rename(folder / "renamed.txt")
    assert prune([folder], out) == ["a1", "a2"]
    assert read_table(out / "articles.csv")["article_id"].tolist() == ["a0"]
    again = run([folder], out, nlp=light_pipeline())
    assert sorted(again.frames["articles"]["article_id"]) == ["a0", "renamed"] and again.info["n_processed"] == 1
    done = CliRunner().invoke(cli.app, ["prune", str(folder), "--out", str(out)])
    assert done.exit_code == 0 and "pruned 0 articles" in done.output


@pytest.mark.parametrize(
    "value, cell",
    [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-Maria Lopez", "'-Maria Lopez"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("'quoted", "''quoted"), ("plain", "plain"), ("a=b", "a=b"), ("", "")],
)  # fmt: skip
def test_hostile_csv_cells_are_escaped_by_the_owasp_rule(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_hostile_formula_cells_round_trip_and_only_csv_escapes(tmp_path, fmt):
    texts = ["=HYPERLINK(\"http://x\")", "-Maria Lopez", "+ 16 px", "@who", "'apostrophe", "\tTab", "plain"]
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts, "start": range(len(texts))})
    (path,) = write_tables({"t": frame}, tmp_path, fmt)
    assert read_table(path)["text"].tolist() == texts
    if fmt == "csv":
        raw = path.read_text(encoding="utf-8")
        assert "'=HYPERLINK" in raw and ",'-Maria Lopez," in raw and ",''apostrophe," in raw and ",0\n" in raw
    elif fmt == "jsonl":
        assert '"text":"=HYPERLINK' in path.read_text(encoding="utf-8")


def test_hostile_store_export_escapes_formula_entities(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "f.jsonl").write_text(json.dumps({"id": "=cmd|'/C calc'!A0", "title": "-Maria Lopez", "text": STORY}) + "\n", encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", nlp=light_pipeline())
    line = (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8").splitlines()[1]
    assert line.startswith("'=cmd|'/C calc'!A0,") and ",'-Maria Lopez," in line
    assert read_table(tmp_path / "out" / "articles.csv")["title"].tolist() == ["-Maria Lopez"]


def test_hostile_timeml_file_names_are_safe_and_distinct(tmp_path):
    ids = ["x" * 300, "a/b", "a_b", "../up", ".hidden", "a_b-0123456789ab", "ünï", "plain-id.1"]
    names = [safe_name(i, ".tml") for i in ids]
    assert len(set(names)) == len(names)
    assert all(len(n.encode()) <= 120 and "/" not in n and not n.startswith(".") for n in names)
    assert names[2] == "a_b.tml" and names[-1] == "plain-id.1.tml"
    (tmp_path / "in").mkdir()
    lines = [json.dumps({"id": i, "text": STORY}) for i in ids]
    (tmp_path / "in" / "f.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([tmp_path / "in"], tmp_path / "out", nlp=light_pipeline(), fmt="timeml")
    assert sorted(p.name for p in result.written if p.suffix == ".tml") == sorted(names)


def test_hostile_exit_codes_tell_failed_articles_from_a_failed_run(tmp_path, monkeypatch, capsys):
    def crash(*args, **kwargs):
        raise KeyError("internal")

    monkeypatch.setattr("newsie.run.job.run", crash)
    monkeypatch.setattr(sys, "argv", ["newsie", "run", str(inbox(tmp_path)), "--out", str(tmp_path / "out")])
    monkeypatch.delenv("NEWSIE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "newsie: error: unexpected KeyError" in err and "Traceback" not in err
    monkeypatch.setattr(sys, "argv", ["newsie", "run", str(tmp_path / "missing")])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 2
