"""Cleaning benchmark: article fields, boilerplate removed and body kept, per source.

Runs the cleaning stage (``news_cleaner`` on a blank English pipeline) over every article of
``../shared/data/news`` and prints, per source folder and overall:

- articles processed with status ok;
- field accuracy (title, source, via, dateline place and date, published) against the
  hand-checked expectations in ``benchmarks/data/cleaning_expected.jsonl``;
- boilerplate segments removed (the ``removed`` table, the header keyword aside) and how many
  of the hand-checked boilerplate lines went;
- body sentences lost: sentences of a hand-checked body line that lost any text.

The baseline is the cleaner as of the first commit (read with ``git show``), run on the same
articles, so both sets of figures come out of one run. The same fields are also scored against
the project's gold articles (``gold/*.jsonl``). Skips cleanly when the dev data is absent.

The expectations file holds one JSON object per article, checked by reading the article, with
ids, field values and line numbers only (no article text): ``id``, ``folder``, ``published``,
``title`` as ``[line, start column, end column]`` or null, ``source``, ``via``,
``dateline_place``, ``dateline_date`` (null when the article gives none), and ``lines``: the
1-based numbers of the lines that are not body, by role (``header``, ``title``, ``date_line``,
``byline``, ``dateline``, ``boilerplate``). A line that mixes a dateline or date with the first
paragraph counts as body; a wire line that mixes the headline with codes counts as title.

    python benchmarks/cleaning.py [--data PATH] [--baseline REV] [--show-errors]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import spacy

from newsie.cleaning.component import segment
from newsie.evaluation.gold import load_gold
from newsie.run.io import Article, read_articles
from newsie.cleaning.metadata import read_article_fields
from newsie.run.extract import process

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "benchmarks" / "data" / "cleaning_expected.jsonl"
FIELDS = ("title", "source", "via", "dateline_place", "dateline_date", "published")
GOLD_FIELDS = ("title", "source", "via", "dateline_place", "dateline_date")
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’')]*|$)")


def default_data() -> Path:
    """``../shared/data/news`` from the project, or from the folder above a worktree."""
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "data" / "news"
        if path.is_dir():
            return path
    return ROOT.parent / "shared" / "data" / "news"


def load_baseline(rev: str) -> ModuleType | None:
    """The cleaning module as of ``rev``, imported from a temporary package; None if unavailable."""
    files = ("__init__.py", "cleaning.py", "metadata.py", "offsets.py", "errors.py", "extensions.py")
    target = Path(tempfile.mkdtemp()) / "newsie_baseline"
    target.mkdir()
    for name in files:
        result = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:pipeline/{name}"], capture_output=True, text=True
        )
        if result.returncode != 0:
            return None
        text = result.stdout if name != "__init__.py" else ""
        # The baseline must not register a second "news_cleaner" factory with spaCy.
        text = text.replace("@Language.factory(", "@(lambda *args, **kwargs: (lambda f: f))(")
        (target / name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(target.parent))
    return importlib.import_module("newsie_baseline.cleaning")


def baseline_outputs(module: ModuleType, raw: str) -> tuple[dict, list[tuple[int, int, str]]]:
    """Fields and removed ranges from the baseline cleaner's own functions."""
    fields = module.read_article_fields(raw, module.segment(raw))
    values = {k: v for k, v in fields.as_dict().items() if k in FIELDS}
    values["published"] = fields.published
    removed = [(s.start, s.end, s.reason) for s in fields.segments if s.role == "removed"]
    return values, removed


def line_offsets(raw: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line (1-based index = position + 1)."""
    out, position = [], 0
    for line in raw.split("\n"):
        out.append((position, position + len(line)))
        position += len(line) + 1
    return out


def check(expected: dict, raw: str, fields: dict, removed: list[tuple[int, int, str]]) -> dict:
    """Compare one article's outputs with its hand-checked expectations."""
    lines = line_offsets(raw)
    want = {name: expected.get(name) or "" for name in FIELDS}
    if expected.get("title"):
        n, a, b = expected["title"]
        want["title"] = raw[lines[n - 1][0] + a : lines[n - 1][0] + b]
    hits = {name: (fields.get(name) or "").strip() == want[name].strip() for name in FIELDS}
    misses = {name: (fields.get(name) or "", want[name]) for name in FIELDS if not hits[name]}

    not_body = {n for numbers in expected["lines"].values() for n in numbers}
    lost = 0
    for n, (start, end) in enumerate(lines, start=1):
        if n in not_body or not raw[start:end].strip():
            continue
        for sentence in SENTENCE.finditer(raw, start, end):
            s, e = sentence.span()
            if raw[s:e].strip() and any(a < e and s < b and raw[max(a, s) : min(b, e)].strip() for a, b, _ in removed):
                lost += 1
    boiler = expected["lines"].get("boilerplate", [])
    gone = sum(
        1 for n in boiler
        if all(any(a <= i < b for a, b, _ in removed) for i in range(*lines[n - 1]) if not raw[i].isspace())
    )  # fmt: skip
    return {"hits": hits, "misses": misses, "lost": lost, "boiler": len(boiler), "boiler_gone": gone}


def gold_accuracy(outputs: dict[str, dict]) -> dict[str, float]:
    """Field accuracy against the gold articles' ``articles`` fields."""
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for g in load_gold(ROOT / "gold"):
        fields = outputs.get(g.article_id)
        if fields is None:
            continue
        for name in GOLD_FIELDS:
            if name in g.fields:
                totals[name] += 1
                hits[name] += (fields.get(name) or "").strip() == str(g.fields[name]).strip()
    return {name: hits[name] / totals[name] for name in GOLD_FIELDS if totals[name]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--baseline", default="", help="git revision of the baseline (default: first commit)")
    parser.add_argument("--show-errors", action="store_true", help="print every field that differs")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: dev data not found at {args.data}")
        return 0

    rev = args.baseline or subprocess.run(
        ["git", "-C", str(ROOT), "rev-list", "--max-parents=0", "HEAD"], capture_output=True, text=True
    ).stdout.split("\n")[0].strip()
    baseline = load_baseline(rev) if rev else None

    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner")
    paths = sorted(p for p in args.data.glob("*/*.txt"))
    articles = list(read_articles(paths))
    folder = {Path(a.path).stem: Path(a.path).parent.name for a in articles}
    started = time.perf_counter()
    records = process(nlp, articles)
    new_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        read_article_fields(article.text, segment(article.text))
    new_fields_seconds = time.perf_counter() - started
    old_seconds = 0.0
    if baseline is not None:
        started = time.perf_counter()
        for article in articles:
            baseline.read_article_fields(article.text, baseline.segment(article.text))
        old_seconds = time.perf_counter() - started
    expected = {e["id"]: e for e in map(json.loads, EXPECTED.read_text(encoding="utf-8").splitlines()) if e}

    rows: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    errors = []
    for article, rec in zip(articles, records):
        for key in (folder[article.article_id], "all"):
            rows[key]["n"] += 1
            rows[key]["ok"] += rec.article.status == "ok"
        candidates = {"new": (_fields(rec), [(r.start, r.end, r.reason) for r in rec.removed])}
        if baseline is not None:
            candidates["old"] = baseline_outputs(baseline, article.text)
        for which, (fields, removed) in candidates.items():
            for key in (folder[article.article_id], "all"):
                rows[key][f"{which}_removed"] += sum(1 for *_, reason in removed if reason != "header")
            exp = expected.get(article.article_id)
            if exp is None:
                continue
            result = check(exp, article.text, fields, removed)
            for key in (folder[article.article_id], "all"):
                row = rows[key]
                row[f"{which}_checked"] += 1
                row[f"{which}_hits"] += sum(result["hits"].values())
                row[f"{which}_fields"] += len(result["hits"])
                row[f"{which}_lost"] += result["lost"]
                row[f"{which}_boiler"] += result["boiler"]
                row[f"{which}_boiler_gone"] += result["boiler_gone"]
                for name, hit in result["hits"].items():
                    row[f"{which}_field_{name}"] += hit
            if which == "new":
                errors += [(article.article_id, name, got, want) for name, (got, want) in result["misses"].items()]

    _print_table(rows, baseline is not None)
    per = 1000 / max(len(articles), 1)
    print(
        f"\ntime per article, segments and fields: old {old_seconds * per:.2f} ms, new {new_fields_seconds * per:.2f} ms; "
        f"whole stage with the clean Doc and records, new: {new_seconds * per:.2f} ms"
    )
    _print_fields(rows["all"], baseline is not None)
    new_outputs = _gold_outputs(nlp)
    old_outputs = _gold_baseline(baseline) if baseline is not None else {}
    _print_gold(gold_accuracy(new_outputs), gold_accuracy(old_outputs) if old_outputs else {})
    if args.show_errors or errors:
        print(f"\nfield differences on the hand-checked articles ({len(errors)}):")
        for article_id, name, got, want in errors:
            print(f"  {article_id:24} {name:15} got {got!r:40} expected {want!r}")
    return 0


def _fields(rec) -> dict:
    a = rec.article
    return {"title": a.title, "source": a.source, "via": a.via, "dateline_place": a.dateline_place,
            "dateline_date": a.dateline_date, "published": a.published}  # fmt: skip


def _gold_outputs(nlp) -> dict[str, dict]:
    """Cleaner outputs for the gold articles (their raw text is in the gold files)."""
    gold = load_gold(ROOT / "gold")
    records = process(nlp, [Article(g.article_id, g.text, published=g.published) for g in gold])
    return {g.article_id: _fields(r) for g, r in zip(gold, records)}


def _gold_baseline(module: ModuleType) -> dict[str, dict]:
    return {g.article_id: baseline_outputs(module, g.text)[0] for g in load_gold(ROOT / "gold")}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def _print_table(rows: dict, with_baseline: bool) -> None:
    print("Cleaning over ../shared/data/news (old = baseline cleaner, new = this cleaner)\n")
    head = f"{'source':20} {'ok/n':>7} {'checked':>7} {'field acc old':>13} {'new':>6} {'removed old':>11} {'new':>5} "
    head += f"{'boiler lines gone old':>21} {'new':>7} {'body sent. lost old':>19} {'new':>4}"
    print(head)
    print("-" * len(head))
    for key in sorted(k for k in rows if k != "all") + ["all"]:
        r = rows[key]
        old = (lambda name: r[f"old_{name}"]) if with_baseline else (lambda name: 0)
        print(
            f"{key:20} {r['ok']:>3}/{r['n']:<3} {r['new_checked']:>7} "
            f"{_ratio(old('hits'), old('fields')) if with_baseline else '-':>13} {_ratio(r['new_hits'], r['new_fields']):>6} "
            f"{old('removed') if with_baseline else '-':>11} {r['new_removed']:>5} "
            f"{str(old('boiler_gone')) + '/' + str(old('boiler')) if with_baseline else '-':>21} "
            f"{str(r['new_boiler_gone']) + '/' + str(r['new_boiler']):>7} "
            f"{old('lost') if with_baseline else '-':>19} {r['new_lost']:>4}"
        )


def _print_fields(row: dict, with_baseline: bool) -> None:
    n = row["new_checked"]
    print(f"\nper field on the {n} hand-checked articles:")
    print(f"  {'field':15} {'old':>6} {'new':>6}")
    for name in FIELDS:
        old = _ratio(row[f"old_field_{name}"], row["old_checked"]) if with_baseline else "-"
        print(f"  {name:15} {old:>6} {_ratio(row[f'new_field_{name}'], n):>6}")


def _print_gold(new: dict, old: dict) -> None:
    print("\narticle fields against gold/*.jsonl:")
    print(f"  {'field':15} {'old':>6} {'new':>6}")
    for name in GOLD_FIELDS:
        print(f"  {name:15} {old.get(name, float('nan')):>6.3f} {new.get(name, float('nan')):>6.3f}")


if __name__ == "__main__":
    sys.exit(main())
