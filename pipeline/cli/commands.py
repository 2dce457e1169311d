"""The ``newsie`` command line: a thin typer layer over pure functions that return data."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..core.errors import NewsieError, PredictionError
from ..evaluation.gold import load_gold
from .gold import gold_app
from ..run.extract import DEFAULT_ARTICLE_TIMEOUT
from ..run.io import TABLE_FORMATS, read_table
from ..evaluation.scoring import evaluate

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Information extraction from news articles.")
app.add_typer(gold_app, name="gold")

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUT = Path("outputs")
DEFAULT_GOLD = Path("gold")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"newsie: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    paths: Optional[List[Path]] = typer.Argument(None, help="Folders or .txt/.jsonl/.html files (default: seeds/)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Output folder (holds the store, newsie.sqlite)."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline (name or path) instead of the default."),
    config: Optional[Path] = typer.Option(None, help="Pipeline config (default: the packaged newsie.cfg)."),
    fmt: str = typer.Option("csv", "--format", help=f"Table format: {', '.join(TABLE_FORMATS)}; or timeml (one .tml per article)."),
    gold: Path = typer.Option(DEFAULT_GOLD, help="Gold folder or file to score against, when it exists."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    force: bool = typer.Option(False, "--force", help="Process every article again, not only new or changed ones."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Process at most N new or changed articles."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes on this machine."),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch (and per store transaction)."),
    article_timeout: float = typer.Option(
        DEFAULT_ARTICLE_TIMEOUT, "--article-timeout", min=0, help="Seconds an article (per 500,000 characters) may take before it becomes an error row; 0: no limit."
    ),
) -> None:
    """Extract entities, dates and relations; write the tables and run.json; print scores.

    Only new or changed articles are processed; the tables are exported from the store. Exit
    status 1: some articles failed (their rows say why); 2: the run itself failed.
    """
    from .progress import make_progress
    from ..run.job import run as run_job

    if fmt not in (*TABLE_FORMATS, "timeml"):
        fail(f"--format must be one of {', '.join(TABLE_FORMATS)}, timeml")
    if dask and n_process > 1:
        fail("--n-process and --dask exclude each other: a Dask cluster sets its own workers")
    inputs = _existing(paths)
    if dask:
        # Dask logs every worker start and stop at INFO; newsie reports progress itself.
        logging.getLogger("distributed").setLevel(logging.ERROR if quiet else logging.WARNING)
    try:
        result = run_job(
            inputs, out, config_path=config, model=model, fmt=fmt, batch_size=batch_size, progress=make_progress(quiet=quiet),
            force=force, limit=limit, n_process=n_process, dask=dask, article_timeout=article_timeout or None,
        )  # fmt: skip
    except NewsieError as err:
        fail(str(err))
    if not quiet:
        _print_run(result.info, out)
    if gold.exists():
        _score_run(result, gold, out, quiet=quiet)
    if result.n_failed:
        raise typer.Exit(1)


def _existing(paths: Optional[List[Path]]) -> list[Path]:
    """The input paths (default: seeds/), each checked to exist."""
    inputs = paths or [DEFAULT_INPUT]
    for path in inputs:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    return inputs


def _print_run(info: dict, out: Path) -> None:
    counts = ", ".join(f"{n} {name}" for name, n in info["counts"].items())
    typer.echo(
        f"newsie: {info['n_articles']} articles: {info['n_processed']} processed, "
        f"{info['n_skipped']} unchanged, {info['n_pending']} left for a later run, "
        f"{info['n_failed']} failed -> {out}/: {counts}"
    )
    typer.echo(f"model {info['model']['name']} {info['model']['version']}, {info['wall_time_s']} s")
    for error in info["errors"]:
        typer.echo(f"  failed: {error['article_id']}: {error['error']}")


def _score_run(result, gold: Path, out: Path, *, quiet: bool) -> None:
    """Score the run's gold articles, write scores.json and print the table."""
    gold_articles = load_gold(gold)
    frames = result.frames_for(g.article_id for g in gold_articles)
    stored = set(frames["articles"]["article_id"])
    gold_articles = [g for g in gold_articles if g.article_id in stored]
    if gold_articles:
        scores = evaluate(gold_articles, frames)
        write_scores(scores, out)
        if not quiet:
            typer.echo(format_scores(scores))


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
    scheme: str = typer.Option("newsie", help="Scheme to score in: newsie, conll2003, conll04."),
) -> None:
    """Score predicted tables against gold; print a table and write scores.json."""
    from ..evaluation.schemes import label_map, prepare

    try:
        labels = label_map(scheme)
        gold_articles = load_gold(gold)
        frames = read_predictions(pred)
    except NewsieError as err:
        fail(str(err))
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


def read_predictions(folder: Path) -> dict:
    """The predicted tables in ``folder``, whichever format they were written in."""
    frames = {}
    for name in ("articles", "entities", "dates", "relations"):
        path = next((folder / f"{name}.{fmt}" for fmt in TABLE_FORMATS if (folder / f"{name}.{fmt}").exists()), None)
        if path is None:
            raise PredictionError(f"{folder}: no {name} table ({name}.csv, .jsonl or .parquet)")
        frames[name] = read_table(path)
    return frames


def write_scores(scores: dict, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scores.json"
    path.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return path


def format_scores(scores: dict) -> str:
    """The score table a person reads."""
    lines = [f"Scores against gold ({scores['n_articles']} articles)"]
    row = "  {:<28} {:>7} {:>7} {:>7} {:>6} {:>6}"
    lines.append(row.format("", "P", "R", "F1", "pred", "gold"))

    def add(name: str, s: dict) -> None:
        lines.append(row.format(name, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f']:.3f}", _n(s["n_pred"]), _n(s["n_gold"])))

    ents = scores["entities"]
    for scheme in ("strict", "exact", "partial", "type"):
        add(f"entities {scheme}", ents[scheme])
    for label, s in ents["per_label"].items():
        add(f"  {label}", s)
    dates = scores["dates"]
    add("dates strict span", dates["strict"])
    add("dates relaxed span", dates["relaxed"])
    lines.append(f"  {'dates type / value accuracy':<28} {dates['type_accuracy']:>7.3f} {dates['value_accuracy']:>7.3f}")
    lines.append(f"  {'dates value F1':<28} {'':>7} {'':>7} {dates['value_f1']:>7.3f}")
    rels = scores["relations"]
    add("relations micro", rels["micro"])
    for name, s in rels["per_relation"].items():
        add(f"  {name}", s)
    if scores["articles"]:
        fields = ", ".join(f"{k} {v:.2f}" for k, v in scores["articles"].items())
        lines.append(f"  article fields (accuracy): {fields}")
    if scores["missing_predictions"]:
        lines.append(f"  no predictions for: {', '.join(scores['missing_predictions'])}")
    return "\n".join(lines)


def _n(value: float) -> str:
    return f"{value:g}"


@app.command()
def report(
    paths: Optional[List[Path]] = typer.Argument(None, help="The articles the tables came from (default: seeds/)."),
    pred: Path = typer.Option(DEFAULT_OUT, help="Folder with the predicted tables; the pipeline runs when they are missing."),
    gold: Path = typer.Option(DEFAULT_GOLD, help="Gold file or folder, when it exists."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file to write (default: <pred>/report.html)."),
    rerun: bool = typer.Option(False, "--run", help="Run the pipeline first even when the tables exist."),
) -> None:
    """Write one self-contained HTML page: summary, score charts, highlighted articles."""
    from ..run.io import read_articles
    from ..report.page import build_report, write_report
    from ..run.job import run as run_job

    inputs = _existing(paths)
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
    path = write_report(build_report(articles, frames, gold_articles), out or pred / "report.html")
    ids = {a.article_id for a in articles}
    n_gold = sum(g.article_id in ids for g in gold_articles)
    typer.echo(f"newsie: report on {len(articles)} articles ({n_gold} with gold) -> {path}")


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
