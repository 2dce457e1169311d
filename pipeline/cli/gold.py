"""``newsie gold``: draft gold from predictions, validate it, exchange it with Label Studio.

The commands parse options and call the pure functions of :mod:`newsie.evaluation.draft`,
:mod:`newsie.evaluation.gold` and :mod:`newsie.evaluation.labelstudio`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..core.errors import GoldFormatError, NewsieError
from ..evaluation.gold import load_gold

gold_app = typer.Typer(no_args_is_help=True, help="Draft, check and exchange gold annotations.")
DEFAULT_GOLD = Path("gold")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"newsie: error: {message}", err=True)
    raise typer.Exit(code)


@gold_app.command("draft")
def gold_draft(
    paths: List[Path] = typer.Argument(..., help="Folders or .txt/.jsonl files to draft gold for."),
    out: Path = typer.Option(..., "--out", "-o", help="Gold JSONL file to write."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline (name or path) instead of the default."),
    config: Optional[Path] = typer.Option(None, help="Pipeline config (default: the packaged newsie.cfg)."),
) -> None:
    """Write the pipeline's predictions in the gold format, for a person to correct."""
    from ..evaluation.draft import draft_gold, predict, write_gold
    from ..run.nlp import load

    for path in paths:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    try:
        articles, frames = predict(paths, load(config, model=model))
    except NewsieError as err:
        fail(str(err))
    drafts = draft_gold(articles, frames)
    write_gold(drafts, out)
    typer.echo(f"newsie: drafted {len(drafts)} of {len(articles)} articles -> {out}")
    for article in articles:
        if article.error:
            typer.echo(f"  not drafted: {article.article_id}: {article.error}")


@gold_app.command("validate")
def gold_validate(path: Path = typer.Argument(..., help="Gold file or folder of *.jsonl files.")) -> None:
    """Check a gold file; name the file, line and reason of every problem (exit 1 if any)."""
    from ..evaluation.gold import validate_gold

    problems = validate_gold(path)
    if not problems:  # every line is valid on its own; the loader also refuses a repeated article_id
        try:
            load_gold(path)
        except GoldFormatError as err:
            problems = [err]
    for problem in problems:
        typer.echo(f"{problem.source}:{problem.line}: {problem.reason}")
    if problems:
        typer.echo(f"newsie: {len(problems)} problem(s) in {path}", err=True)
        raise typer.Exit(1)
    typer.echo(f"newsie: {path}: valid")


@gold_app.command("export")
def gold_export(
    path: Path = typer.Argument(DEFAULT_GOLD, help="Gold (or draft) file or folder to export."),
    label_studio: bool = typer.Option(False, "--label-studio", help="Write Label Studio tasks and labeling config."),
    out: Path = typer.Option(Path("outputs/label_studio"), "--out", "-o", help="Folder for tasks.json and labeling_config.xml."),
) -> None:
    """Export gold as Label Studio tasks with pre-annotations, plus the matching labeling config.

    To correct the pipeline's output, export a draft: ``newsie gold draft seeds --out draft.jsonl``,
    then ``newsie gold export draft.jsonl --label-studio``.
    """
    from ..evaluation.gold import gold_files
    from ..evaluation.labelstudio import write_tasks

    if not label_studio:
        fail("choose an export format: --label-studio")
    try:
        load_gold(path)  # refuse an invalid file before anyone spends time on it
    except NewsieError as err:
        fail(str(err))
    items = [json.loads(line) for file in gold_files(path) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    tasks, config_xml = write_tasks(items, out)
    typer.echo(f"newsie: {len(items)} tasks -> {tasks}; labeling config -> {config_xml}")


@gold_app.command("import")
def gold_import(
    path: Path = typer.Argument(..., help="Label Studio JSON export file."),
    label_studio: bool = typer.Option(False, "--label-studio", help="Read a Label Studio JSON export."),
    out: Path = typer.Option(Path("outputs/gold_import"), "--out", "-o", help="A .jsonl file, or a folder for one <article_id>.jsonl each."),
) -> None:
    """Read a Label Studio JSON export back into the gold format (validated)."""
    from ..evaluation.draft import write_gold
    from ..evaluation.gold import validate_gold
    from ..evaluation.labelstudio import read_export

    if not label_studio:
        fail("choose an import format: --label-studio")
    try:
        items = read_export(path)
    except NewsieError as err:
        fail(str(err))
    written = [write_gold(items, out)] if out.suffix == ".jsonl" else [write_gold([i], out / f"{i['article_id']}.jsonl") for i in items]
    problems = [p for file in written for p in validate_gold(file)]
    for problem in problems:
        typer.echo(f"{problem.source}:{problem.line}: {problem.reason}")
    typer.echo(f"newsie: {len(items)} articles -> {out}" + (f" ({len(problems)} problem(s))" if problems else ""))
    if problems:
        raise typer.Exit(1)
