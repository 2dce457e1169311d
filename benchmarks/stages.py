"""Stage cost benchmark: the bare English model against the whole newsie pipeline.

    python benchmarks/stages.py [PATHS ...] [--limit N] [--repeat N] [--profile N]

PATHS are anything ``newsie run`` reads (folders of .txt, .jsonl such as the output of
``newsie convert conll2003``); default: seeds/. In one run, on the same texts:

- bare: ``spacy.load(model).pipe(texts)``, the base model alone;
- newsie: the whole pipeline (``newsie.run.nlp.load()``) over the same articles, as ``newsie run``
  feeds them (``make_doc`` with the article fields).

The two alternate ``--repeat`` times (so machine load hits both alike); wall and CPU seconds
are reported as best and median, with the throughput ratio bare/newsie (1.0 = the newsie
stages cost nothing). Then one timed pass runs stage by stage and prints each stage's share of
the pipeline's time. ``--profile N`` also prints the N costliest functions (cProfile, own time)
of one whole-pipeline pass.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from newsie.run.io import Article, read_articles  # noqa: E402
from newsie.run.nlp import load, read_config  # noqa: E402
from newsie.run.extract import make_doc  # noqa: E402

BATCH = 32


def timed(fn) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def run_bare(bare, articles: list[Article]) -> None:
    for _ in bare.pipe((a.text for a in articles), batch_size=BATCH):
        pass


def run_newsie(nlp, articles: list[Article]) -> None:
    for _ in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=BATCH):
        pass


def stage_times(nlp, articles: list[Article]) -> dict[str, float]:
    """CPU seconds per stage over one pass, each document through the stages one by one.

    CPU time, not wall time: the machine may be shared, and waiting for a core is no stage's cost.
    """
    times: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for article in articles:
        t0 = clock()
        doc = make_doc(nlp, article)
        times["tokenizer"] += clock() - t0
        for name, proc in nlp.pipeline:
            t0 = clock()
            doc = proc(doc)
            times[name] += clock() - t0
    return times


def profile(nlp, articles: list[Article], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    run_newsie(nlp, articles)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--limit", type=int, default=0, help="Use the first N articles only.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()

    articles = [a for a in read_articles(args.paths) if not a.error and a.text]
    if args.limit:
        articles = articles[: args.limit]
    chars = sum(len(a.text) for a in articles)
    nlp = load()
    bare = spacy.load(read_config()["model"]["name"])
    run_bare(bare, articles[:5])  # warm both (lazy tables, regex compilation)
    run_newsie(nlp, articles[:5])
    print(f"{len(articles)} articles, {chars:,} characters; {args.repeat} alternating runs")

    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "newsie": []}
    for _ in range(args.repeat):
        runs["bare"].append(timed(lambda: run_bare(bare, articles)))
        runs["newsie"].append(timed(lambda: run_newsie(nlp, articles)))

    print(f"\n{'':8} {'wall best':>10} {'wall med':>10} {'cpu best':>10} {'cpu med':>10}")
    figures = {}
    for name, values in runs.items():
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        figures[name] = (min(wall), statistics.median(wall), min(cpu), statistics.median(cpu))
        print(f"{name:8} " + " ".join(f"{v:10.2f}" for v in figures[name]))
    ratio = [b / n for b, n in zip(figures["bare"], figures["newsie"])]
    print(f"{'ratio':8} " + " ".join(f"{v:10.3f}" for v in ratio) + "   (bare time / newsie time)")

    times = stage_times(nlp, articles)
    total = sum(times.values())
    print(f"\nStage CPU time, one pass ({total:.2f} s):")
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {name:18} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    newsie_share = sum(s for n, s in times.items() if n.startswith("news_"))
    print(f"  {'news_* stages':18} {newsie_share:7.2f} s  {100 * newsie_share / total:5.1f}%")

    if args.profile:
        print(profile(nlp, articles, args.profile))


if __name__ == "__main__":
    main()
