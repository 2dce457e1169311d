"""The command line as a person uses it: the default folders, two corpora, --published, export."""

from __future__ import annotations

import json
import logging
import os

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsie import __version__
from newsie.cli.commands import app, quiet_dask

from ..conftest import GOLD, SEEDS

ARTICLE = "Mayor Ida Brenn opened the new Harbour Library in Calden on Tuesday. Brenn said it would open daily."


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A working folder with seeds/ and gold/ (links to the project's), as a new user has."""
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    (tmp_path / "gold").symlink_to(GOLD, target_is_directory=True)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "library.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"newsie {__version__}"


def test_cli_help_lists_the_choices(runner):
    run_help = runner.invoke(app, ["run", "--help"], terminal_width=200).output
    assert "csv|jsonl|parquet|timeml" in run_help and "--published" in run_help
    assert "newsie|conll2003|conll04" in runner.invoke(app, ["evaluate", "--help"], terminal_width=200).output
    bad = runner.invoke(app, ["run", "--format", "xlsx"])
    assert bad.exit_code == 2 and "xlsx" in bad.output


def test_cli_run_defaults_then_a_second_corpus(runner, project):
    first = runner.invoke(app, ["run"])
    assert first.exit_code == 0, first.output
    assert "Scores against gold (30 articles)" in first.output
    assert (project / "outputs" / "relations.csv").exists()
    second = runner.invoke(app, ["run", "mine", "--published", "2024-05-07"])
    assert second.exit_code == 0, second.output
    assert "Scores against gold" not in second.output  # the seeds are no input of this run
    assert "held the tables of another input" in second.output and "newsie export" in second.output
    articles = pd.read_csv(project / "outputs" / "articles.csv", dtype=str)
    assert list(articles["article_id"]) == ["library"] and list(articles["published"]) == ["2024-05-07"]
    dates = pd.read_csv(project / "outputs" / "dates.csv", dtype=str)
    assert "2024-05-07" in set(dates["value"])  # "Tuesday" of the week published
    exported = runner.invoke(app, ["export", "--out", "everything"])
    assert exported.exit_code == 0 and "exported 31 articles" in exported.output
    report = runner.invoke(app, ["report"])
    assert report.exit_code == 0 and "report on 1 articles" in report.output  # run.json's inputs, not seeds/


def test_cli_run_bad_published(runner, project):
    result = runner.invoke(app, ["run", "mine", "--published", "7 May 2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_cli_evaluate_outside_the_project_says_what_is_missing(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["evaluate"])
    assert result.exit_code == 2
    assert "no gold/ folder" in result.output and "--gold" in result.output and "gold:0" not in result.output


def test_cli_evaluate_warns_when_predictions_and_gold_do_not_overlap(runner, project):
    assert runner.invoke(app, ["run", "mine", "--out", "mine_out", "-q"]).exit_code == 0
    result = runner.invoke(app, ["evaluate", "--pred", "mine_out"])
    assert result.exit_code == 0
    assert "do not overlap" in result.output


def test_cli_quiet_silences_dask_loggers(monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.delenv("DASK_LOGGING__DISTRIBUTED", raising=False)
    names = ["distributed", *[n for n in logging.root.manager.loggerDict if n.startswith("distributed.")]]
    saved = {n: logging.getLogger(n).level for n in names}
    try:
        quiet_dask(True)
        assert os.environ["DASK_LOGGING__DISTRIBUTED"] == "error"
        assert logging.getLogger("distributed").level == logging.ERROR
        assert logging.getLogger("distributed.scheduler").getEffectiveLevel() >= logging.ERROR
    finally:  # other tests see Dask's own levels again
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def test_cli_run_json_inputs_are_absolute(runner, project):
    assert runner.invoke(app, ["run", "mine", "-q"]).exit_code == 0
    info = json.loads((project / "outputs" / "run.json").read_text(encoding="utf-8"))
    assert info["inputs"] == [str((project / "mine").resolve())] and info["article_ids"] == ["library"]
