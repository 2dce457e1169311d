"""Entity accuracy and speed: newsie beside the bare model it is built on, in one run.

Two corpora, the same text given to both systems:

- CoNLL-2003 ``valid.txt`` (``../shared/data/conll2003``), converted with ``newsie convert``'s
  converter and scored in the ``conll2003`` scheme (PER, ORG, LOC, MISC; names only: event
  mentions that are common nouns are not entities there); the headline figure is the strict
  micro F1 over PER, ORG and LOC.
- ``gold/`` (the hand-annotated seeds), scored in newsie's own labels.

For each: strict per-label and micro P/R/F1, and the time of each system over the same
articles (the bare model's ``nlp.pipe`` vs. the whole newsie pipeline with every stage, its
records and tables). The two systems take turns batch by batch, so that the machine's slow
spells fall on both; the ratio bare/newsie is the median of ``--repeat`` such runs.

    python benchmarks/entities.py [--limit N] [--skip-conll] [--skip-gold] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
import spacy

from newsie.evaluation.formats import convert, write_gold
from newsie.evaluation.gold import GoldArticle, load_gold
from newsie.run.io import Article
from newsie.run.nlp import build, read_config
from newsie.run.records import to_frames
from newsie.run.extract import process
from newsie.evaluation.schemes import label_map, prepare
from newsie.evaluation.scoring import evaluate, prf
from newsie.dates.timex import parse_with_dateparser

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data from the project folder (or from any folder above it, for a work tree).
SHARED_DATA = next((p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").exists()), ROOT.parent / "shared" / "data")
CONLL_VALID = SHARED_DATA / "conll2003" / "valid.txt"
GOLD = ROOT / "gold"
NOT_ENTITIES = {"DATE", "TIME"}
BATCH = 32  # articles per nlp.pipe batch, and per turn of each system
CONLL_HEADLINE = ("PER", "ORG", "LOC")


def bare_rows(nlp, gold: list[GoldArticle]) -> list[dict]:
    """The bare model's entities as rows of an ``entities`` table (the columns newsie writes)."""
    rows = []
    for g, doc in zip(gold, nlp.pipe((g.text for g in gold), batch_size=BATCH)):
        for e in doc.ents:
            if e.label_ not in NOT_ENTITIES:
                rows.append({"article_id": g.article_id, "entity_id": "", "start": e.start_char, "end": e.end_char,
                             "text": e.text, "label": e.label_, "canonical": e.text})  # fmt: skip
    return rows


def bare_frames(rows: list[dict]) -> dict[str, pd.DataFrame]:
    cols = ["article_id", "entity_id", "start", "end", "text", "label", "canonical"]
    return {"entities": pd.DataFrame(rows, columns=cols)}


def newsie_records(nlp, gold: list[GoldArticle]) -> list:
    articles = [Article(g.article_id, g.text, published=g.published) for g in gold]
    return process(nlp, articles, batch_size=BATCH)


def timed(fn, *args):
    """The result, the wall time and the CPU time of this process for one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def side_by_side(gold: list[GoldArticle], bare_nlp, news_nlp) -> tuple[dict, dict, dict[str, float]]:
    """One run of each system over the articles, interleaved batch by batch.

    Each batch of ``BATCH`` articles goes through both systems, one right after the other,
    the first one changing from batch to batch; so a slow spell of the machine falls on both
    alike rather than on one whole run. Returns both systems' tables and their wall and CPU
    seconds (the tables built from the rows and records included).
    """
    secs = {"bare_wall": 0.0, "bare_cpu": 0.0, "newsie_wall": 0.0, "newsie_cpu": 0.0}
    rows: list[dict] = []
    records: list = []

    def run_bare(batch):
        rows.extend(timed_into("bare", bare_rows, bare_nlp, batch))

    def run_newsie(batch):
        records.extend(timed_into("newsie", newsie_records, news_nlp, batch))

    def timed_into(system: str, fn, *args):
        result, wall, cpu = timed(fn, *args)
        secs[f"{system}_wall"] += wall
        secs[f"{system}_cpu"] += cpu
        return result

    for k in range(0, len(gold), BATCH):
        batch = gold[k : k + BATCH]
        for run in (run_bare, run_newsie) if (k // BATCH) % 2 == 0 else (run_newsie, run_bare):
            run(batch)
    b_frames = timed_into("bare", bare_frames, rows)
    n_frames = timed_into("newsie", to_frames, records)
    return b_frames, n_frames, secs


def micro(per_label: dict, labels) -> dict:
    tp = sum(per_label.get(lab, {}).get("tp", 0) for lab in labels)
    n_pred = sum(per_label.get(lab, {}).get("n_pred", 0) for lab in labels)
    n_gold = sum(per_label.get(lab, {}).get("n_gold", 0) for lab in labels)
    return prf(tp, n_pred, n_gold)


def table(title: str, bare: dict, news: dict, headline: tuple[str, ...] | None) -> str:
    """Per-label strict P/R/F1, bare model beside newsie."""
    b_lab, n_lab = bare["entities"]["per_label"], news["entities"]["per_label"]
    labels = sorted(set(b_lab) | set(n_lab))
    row = "{:<22} {:>6} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6} {:>6}"
    lines = [title, row.format("label", "P", "R", "F1", "pred", "P", "R", "F1", "pred"),
             row.format("", "bare", "", "", "", "newsie", "", "", "")]  # fmt: skip
    empty = {"p": 0, "r": 0, "f": 0, "n_pred": 0, "n_gold": 0}

    def add(name: str, b: dict, n: dict) -> None:
        lines.append(row.format(f"{name} ({n['n_gold']:g})", f"{b['p']:.3f}", f"{b['r']:.3f}", f"{b['f']:.3f}",
                                f"{b['n_pred']:g}", f"{n['p']:.3f}", f"{n['r']:.3f}", f"{n['f']:.3f}", f"{n['n_pred']:g}"))  # fmt: skip

    for lab in labels:
        add(lab, b_lab.get(lab, empty), n_lab.get(lab, empty))
    add("micro strict", bare["entities"]["strict"], news["entities"]["strict"])
    if headline:
        add("micro " + "/".join(headline), micro(b_lab, headline), micro(n_lab, headline))
    return "\n".join(lines)


def bench(name: str, gold: list[GoldArticle], bare_nlp, news_nlp, scheme: str, headline, repeat: int) -> dict:
    labels = label_map(scheme)
    # ``repeat`` runs, each interleaving the two systems batch by batch (see side_by_side).
    runs = []
    for _ in range(repeat):
        b_frames, n_frames, secs = side_by_side(gold, bare_nlp, news_nlp)
        runs.append(secs)
    # Scored as ``newsie evaluate --scheme`` scores them (CoNLL-2003: names only).
    texts = {g.article_id: g.text for g in gold}
    bare = evaluate(gold, prepare(scheme, b_frames, texts), label_map=labels)
    news = evaluate(gold, prepare(scheme, n_frames, texts), label_map=labels)
    n_words = sum(len(g.text.split()) for g in gold)
    print(table(f"\n{name}: {len(gold)} articles, {n_words} words, scheme {scheme}, strict (same span and label)",
                bare, news, headline))  # fmt: skip
    medians = {}
    for kind, title in (("wall", "wall time"), ("cpu", "CPU time ")):
        ratios = [r[f"bare_{kind}"] / r[f"newsie_{kind}"] for r in runs]
        medians[kind] = statistics.median(ratios)
        # The seconds of the run whose ratio is the median (the lower middle one for an even count).
        middle = runs[sorted(range(len(runs)), key=ratios.__getitem__)[(len(runs) - 1) // 2]]
        b, n = middle[f"bare_{kind}"], middle[f"newsie_{kind}"]
        print(f"{title} (median of {repeat} interleaved runs): bare {b:.1f} s, newsie {n:.1f} s (whole pipeline); "
              f"bare/newsie = {medians[kind]:.2f}, runs {min(ratios):.2f}-{max(ratios):.2f} (target >= 0.75)")  # fmt: skip
    return {"bare": bare, "newsie": news, "ratio_wall": medians["wall"], "ratio_cpu": medians["cpu"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N CoNLL articles")
    parser.add_argument("--skip-conll", action="store_true")
    parser.add_argument("--skip-gold", action="store_true")
    parser.add_argument("--conll", type=Path, default=CONLL_VALID)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the two systems (the median counts)")
    args = parser.parse_args()

    config = read_config()
    bare_nlp = spacy.load(config["model"]["name"])
    news_nlp = build(config)
    # Warm both up so that neither pays for lazy loading inside its timing (dateparser, which
    # the dates stage falls back on, loads its language data on first use).
    list(bare_nlp.pipe(["Warm up in Paris."]))
    process(news_nlp, [Article("warmup", "Warm up in Paris.")])
    parse_with_dateparser("3 March 2003", None)

    if not args.skip_conll and args.conll.exists():
        with tempfile.TemporaryDirectory() as tmp:
            articles = convert("conll2003", args.conll)
            if args.limit:
                articles = articles[: args.limit]
            gold = load_gold(write_gold(articles, Path(tmp) / "conll.jsonl"))
        r = bench(f"CoNLL-2003 {args.conll.name}", gold, bare_nlp, news_nlp, "conll2003", CONLL_HEADLINE, args.repeat)
        f = micro(r["newsie"]["entities"]["per_label"], CONLL_HEADLINE)["f"]
        print(f"target: PER/ORG/LOC strict micro F1 >= 0.75: {f:.3f} {'met' if f >= 0.75 else 'NOT met'}")
    elif not args.skip_conll:
        print(f"CoNLL-2003 skipped: {args.conll} not found")
    if not args.skip_gold:
        gold = load_gold(GOLD)
        r = bench("gold/", gold, bare_nlp, news_nlp, "newsie", None, args.repeat)
        f = r["newsie"]["entities"]["strict"]["f"]
        print(f"target: gold/ strict micro F1 >= 0.90: {f:.3f} {'met' if f >= 0.90 else 'NOT met'}")


if __name__ == "__main__":
    main()
