"""The ``newsie`` command line: a thin typer layer over pure functions that return data."""

from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..core.calendar import parse_iso_date
from ..core.errors import NewsieError
from ..evaluation.gold import load_gold
from ..evaluation.schemes import SCHEMES
from .gold import gold_app
from .scores import format_scores, predicted_ids, read_predictions, run_info, warn_overlap, write_scores
from ..run.extract import DEFAULT_ARTICLE_TIMEOUT
from ..run.io import TABLE_FORMATS
from ..evaluation.scoring import evaluate

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Information extraction from news articles.")
app.add_typer(gold_app, name="gold")

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUT = Path("outputs")
DEFAULT_GOLD = Path("gold")

# The choices --help lists (and typer checks): table formats, and evaluation schemes.
Format = Enum("Format", {name: name for name in (*TABLE_FORMATS, "timeml")}, type=str)
Scheme = Enum("Scheme", {name: name for name in SCHEMES}, type=str)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsie {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Information extraction from news articles."""


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"newsie: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    paths: Optional[List[Path]] = typer.Argument(None, help="Folders or .txt/.jsonl/.html files (default: seeds/)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Output folder (holds the store, newsie.sqlite)."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline (name or path) instead of the default."),
    config: Optional[Path] = typer.Option(None, help="Pipeline config (default: the packaged newsie.cfg)."),
    fmt: Format = typer.Option("csv", "--format", help="Table format (timeml: one .tml per article)."),
    gold: Path = typer.Option(DEFAULT_GOLD, help="Gold folder or file to score against, when it exists."),
    published: Optional[str] = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Publication date of the articles whose input gives none."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    force: bool = typer.Option(False, "--force", help="Process every article again, not only new or changed ones."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Process at most N new or changed articles."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes on this machine."),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch (and per store transaction)."),
    article_timeout: float = typer.Option(
        DEFAULT_ARTICLE_TIMEOUT, "--article-timeout", min=0, help="Seconds per article (per 500,000 characters); 0: none.", rich_help_panel="Limits"
    ),
) -> None:
    """Extract entities, dates and relations; write the tables and run.json; print scores.

    Only new or changed articles are processed. The tables are those of the articles given;
    the store keeps every article of every run (`newsie export` writes them all). Exit status
    1: some articles failed (their rows say why); 2: the run itself failed.
    """
    from .progress import make_progress, make_steps
    from ..run.job import run as run_job

    inputs = _check_run(paths, published, dask=dask, n_process=n_process, quiet=quiet)
    try:
        result = run_job(
            inputs, out, config_path=config, model=model, fmt=fmt.value, batch_size=batch_size,
            progress=make_progress(quiet=quiet), force=force, limit=limit, n_process=n_process, dask=dask,
            published=published or "", steps=make_steps(quiet=quiet), article_timeout=article_timeout or None,
        )  # fmt: skip
    except NewsieError as err:
        fail(str(err))
    if not quiet:
        typer.echo(run_summary(result.info, out))
    _score_run(result, gold, out, quiet=quiet)
    if result.n_failed:
        raise typer.Exit(1)


def _check_run(paths: list[Path] | None, published: str | None, *, dask: str | None, n_process: int, quiet: bool) -> list[Path]:
    """The run's inputs, after checking the options; quiets Dask's own log lines."""
    if dask and n_process > 1:
        fail("--n-process and --dask exclude each other: a Dask cluster sets its own workers")
    if published is not None and (len(published) != 10 or parse_iso_date(published) is None):
        fail(f"--published must be a date as YYYY-MM-DD, not {published!r}")
    inputs = _existing(paths)
    if dask:
        quiet_dask(quiet)
    return inputs


def quiet_dask(quiet: bool) -> None:
    """Dask logs every worker start and stop at INFO; newsie reports progress itself.

    Set through Dask's config (read by the worker processes too, from the environment) and on
    the loggers already made, since importing ``distributed`` configures its own.
    """
    import os

    level = "error" if quiet else "warning"
    os.environ["DASK_LOGGING__DISTRIBUTED"] = level
    try:
        import dask

        dask.config.set({"logging.distributed": level})
        import distributed  # noqa: F401  (configures its loggers on import; then ours win)
    except ImportError:
        pass
    for name in ["distributed", *[n for n in logging.root.manager.loggerDict if n.startswith("distributed.")]]:
        logging.getLogger(name).setLevel(level.upper())


def run_summary(info: dict, out: Path) -> str:
    """What a run did, for a person: counts, the model, failures, a reused output folder."""
    counts = ", ".join(f"{n} {name}" for name, n in info["counts"].items())
    lines = [
        f"newsie: {info['n_articles']} articles: {info['n_processed']} processed, "
        f"{info['n_skipped']} unchanged, {info['n_pending']} left for a later run, "
        f"{info['n_failed']} failed -> {out}/: {counts}",
        f"model {info['model']['name']} {info['model']['version']}, {info['wall_time_s']} s",
    ]
    lines += [f"  failed: {e['article_id']}: {e['error']}" for e in info["errors"]]
    if info.get("replaced_inputs"):
        lines.append(
            f"newsie: note: {out}/ held the tables of another input ({', '.join(info['replaced_inputs'])}); "
            f"they now hold this run's {info['n_articles']} articles. The store keeps all "
            f"{info['store']['n_articles']}: `newsie export --store {out} --out DIR` writes them."
        )
    return "\n".join(lines)


def _score_run(result, gold: Path, out: Path, *, quiet: bool) -> None:
    """Score the run's articles that have gold, when the gold exists."""
    if not gold.exists():
        return
    gold_articles = load_gold(gold)
    frames = result.frames_for(g.article_id for g in gold_articles)
    stored = set(frames["articles"]["article_id"]) & set(result.info.get("article_ids", []))
    gold_articles = [g for g in gold_articles if g.article_id in stored]
    if gold_articles:
        scores = evaluate(gold_articles, frames)
        write_scores(scores, out)
        if not quiet:
            typer.echo(format_scores(scores))
            ids = {g.article_id for g in gold_articles}
            rows = int(frames["relations"]["article_id"].isin(ids).sum())
            if rows != scores["relations"]["micro"]["n_pred"]:
                typer.echo(
                    f"  ({rows} relation rows in the gold articles; {scores['relations']['micro']['n_pred']:g} scored: "
                    "rows whose arguments are one gold entity under two predicted entity ids count once)"
                )


def _existing(paths: Optional[List[Path]]) -> list[Path]:
    """The input paths (default: seeds/), each checked to exist."""
    inputs = paths or [DEFAULT_INPUT]
    for path in inputs:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    return inputs


@app.command()
def prune(
    paths: Optional[List[Path]] = typer.Argument(None, help="The inputs as they are now (default: seeds/)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Output folder whose store is pruned."),
    fmt: str = typer.Option("csv", "--format", help=f"Table format of the tables written again: {', '.join(TABLE_FORMATS)}."),
) -> None:
    """Drop from the store (and the tables) every article that is no longer among the inputs."""
    from ..run.prune import prune as prune_store

    if fmt not in TABLE_FORMATS:
        fail(f"--format must be one of {', '.join(TABLE_FORMATS)}")
    try:
        dropped = prune_store(_existing(paths), out, fmt=fmt)
    except NewsieError as err:
        fail(str(err))
    shown = ", ".join(dropped[:10]) + (f" and {len(dropped) - 10} more" if len(dropped) > 10 else "")
    typer.echo(f"newsie: pruned {len(dropped)} articles whose input is gone" + (f": {shown}" if dropped else ""))


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Option(DEFAULT_GOLD, help="Gold file or folder."),
    pred: Path = typer.Option(DEFAULT_OUT, help="Folder with the predicted tables."),
    out: Optional[Path] = typer.Option(None, help="Where to write scores.json (default: the --pred folder)."),
    errors: bool = typer.Option(False, "--errors", help="Also list every error with its context and write errors.csv."),
    examples: int = typer.Option(0, help="With --errors: errors listed per group (0: all)."),
    scheme: Scheme = typer.Option("newsie", help="Scheme to score in."),
) -> None:
    """Score predicted tables against gold; print a table and write scores.json."""
    from ..evaluation.schemes import label_map, prepare

    scheme = scheme.value
    try:
        _check_gold(gold)
        labels = label_map(scheme)
        gold_articles = load_gold(gold)
        frames = read_predictions(pred)
    except NewsieError as err:
        fail(str(err))
    warn_overlap(predicted_ids(pred, frames), {g.article_id for g in gold_articles}, pred, gold)
    frames = prepare(scheme, frames, {g.article_id: g.text for g in gold_articles})
    scores = evaluate(gold_articles, frames, label_map=labels)
    write_scores(scores, out or pred)
    typer.echo(format_scores(scores))
    if errors:
        from ..evaluation.analysis import find_errors, format_errors, write_errors

        found = find_errors(gold_articles, frames)
        path = write_errors(found, out or pred)
        typer.echo("\n" + format_errors(found, examples=examples))
        typer.echo(f"\nnewsie: {len(found)} errors -> {path}")


@app.command("convert")
def convert_cmd(
    fmt: str = typer.Argument(..., metavar="FORMAT", help="Input format: conll2003, conll04 (SpERT JSON), timeml (a .tml file or folder)."),
    file: Path = typer.Argument(..., help="The annotated file to convert."),
    out: Path = typer.Option(..., "--out", "-o", help="Gold JSONL file to write."),
) -> None:
    """Convert an annotated corpus file to newsie gold JSONL (one article per line)."""
    from ..evaluation.formats import convert, write_gold

    if not file.exists():
        fail(f"no such file: {file}")
    try:
        articles = convert(fmt, file)
    except NewsieError as err:
        fail(str(err))
    write_gold(articles, out)
    n_ents = sum(len(a["entities"]) for a in articles)
    typer.echo(f"newsie: {len(articles)} articles, {n_ents} entities -> {out}")


def _check_gold(gold: Path) -> None:
    """A clear message for a missing gold, the default one (./gold) above all."""
    if gold.exists():
        return
    if gold == DEFAULT_GOLD:
        fail(f"no gold/ folder in {Path.cwd()}: give the hand-annotated gold to score against with --gold FILE_OR_FOLDER")
    fail(f"no such gold file or folder: {gold}")


@app.command()
def report(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="The articles the tables came from (default: the inputs in <pred>/run.json, else seeds/)."
    ),
    pred: Path = typer.Option(DEFAULT_OUT, help="Folder with the predicted tables; the pipeline runs when they are missing."),
    gold: Path = typer.Option(DEFAULT_GOLD, help="Gold file or folder, when it exists."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file to write (default: <pred>/report.html)."),
    rerun: bool = typer.Option(False, "--run", help="Run the pipeline first even when the tables exist."),
) -> None:
    """Write one self-contained HTML page: summary, score charts, highlighted articles."""
    from ..run.io import read_articles
    from ..report.page import build_report, write_report
    from ..run.job import run as run_job

    inputs = paths or [Path(p) for p in run_info(pred).get("inputs", [])] or [DEFAULT_INPUT]
    for path in inputs:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    try:
        if rerun or not any((pred / f"articles.{fmt}").exists() for fmt in TABLE_FORMATS):
            typer.echo(f"newsie: running the pipeline on {', '.join(map(str, inputs))} -> {pred}/", err=True)
            frames = run_job(inputs, pred).frames
        else:
            frames = read_predictions(pred)
        articles = list(read_articles(inputs))
        gold_articles = load_gold(gold) if gold.exists() else []
    except NewsieError as err:
        fail(str(err))
    ids = {a.article_id for a in articles}
    warn_overlap(set(frames["articles"]["article_id"].astype(str)), ids, pred, Path(", ".join(map(str, inputs))), "input")
    path = write_report(build_report(articles, frames, gold_articles), out or pred / "report.html")
    n_gold = sum(g.article_id in ids for g in gold_articles)
    typer.echo(f"newsie: report on {len(articles)} articles ({n_gold} with gold) -> {path}")


@app.command("export")
def export_cmd(
    inputs: Optional[List[Path]] = typer.Argument(None, help="Export the articles of these inputs only (default: every stored article)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write the tables to."),
    store: Path = typer.Option(DEFAULT_OUT, "--store", help="Output folder holding the store (newsie.sqlite)."),
    ids: Optional[List[str]] = typer.Option(None, "--id", help="An article id to export (repeatable)."),
    fmt: Format = typer.Option("csv", "--format", help="Table format."),
) -> None:
    """Write the tables of the store: every article of every run, or a selection."""
    from ..run.io import read_articles
    from ..run.job import export

    if fmt.value not in TABLE_FORMATS:
        fail(f"--format must be one of {', '.join(TABLE_FORMATS)} for an export")
    selected: set[str] | None = set(ids) if ids else None
    if inputs:
        for path in inputs:
            if not path.exists():
                fail(f"no such file or folder: {path}")
        selected = (selected or set()) | {a.article_id for a in read_articles(inputs)}
    try:
        done = export(store, out, fmt=fmt.value, article_ids=selected)
    except NewsieError as err:
        fail(str(err))
    counts = ", ".join(f"{n} {name}" for name, n in done["counts"].items())
    typer.echo(f"newsie: exported {done['n_articles']} articles from {store}/ -> {out}/: {counts}")


def main() -> None:
    """The console script: exit 0 done, 1 some articles failed, 2 the command failed."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        # Not standalone: click returns the exit code of typer.Exit instead of raising it.
        code = app(standalone_mode=False)
    except NewsieError as err:
        typer.echo(f"newsie: error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("newsie: interrupted", err=True)
        sys.exit(130)
    except Exception as err:
        if hasattr(err, "show") and hasattr(err, "exit_code"):  # a usage error (typer's click)
            err.show()
            sys.exit(2)
        if type(err).__name__ == "Abort":  # Ctrl-C at a prompt
            typer.echo("newsie: interrupted", err=True)
            sys.exit(130)
        # A bug: say so in one line, the traceback only on request.
        logging.getLogger("newsie").debug("unexpected error", exc_info=True)
        typer.echo(f"newsie: error: unexpected {type(err).__name__}: {err} (NEWSIE_DEBUG=1 shows the traceback)", err=True)
        if os.environ.get("NEWSIE_DEBUG"):
            raise
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
