"""What the commands read of a run and print of its scores: run.json, the predicted tables,
the overlap with gold, the scores table."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..core.errors import PredictionError
from ..run.io import TABLE_FORMATS, read_table


def run_info(pred: Path) -> dict:
    """The run.json of the run that wrote ``pred``, ``{}`` when there is none."""
    try:
        return json.loads((pred / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def predicted_ids(pred: Path, frames: dict) -> set[str]:
    """The articles the tables in ``pred`` were made from: run.json's, else the articles table's."""
    ids = run_info(pred).get("article_ids")
    return set(ids) if ids is not None else set(frames["articles"]["article_id"].astype(str))


def warn_overlap(predicted: set[str], wanted: set[str], pred: Path, where: Path, what: str = "gold") -> None:
    """Say so when the predicted articles and the gold (or input) articles share few or none."""
    shared = predicted & wanted
    if not shared:
        typer.echo(
            f"newsie: warning: none of the {len(predicted)} articles in {pred}/ is one of the {len(wanted)} "
            f"{what} articles of {where}: the predictions and the {what} do not overlap", err=True,
        )  # fmt: skip
    elif len(shared) < len(wanted):
        typer.echo(f"newsie: warning: {len(wanted) - len(shared)} of the {len(wanted)} {what} articles are not in {pred}/", err=True)


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
