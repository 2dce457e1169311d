"""Throughput, scaling, memory and incremental-run benchmark for ``newsie run``.

Prints, for one corpus of at least 1,000 articles (../shared/data/news repeated, or seeds/
repeated when the dev data is absent), baseline and candidate side by side:

1. words per second of the bare model's ``nlp.pipe`` and of the whole newsie pipeline (all
   stages and the records) on the same texts, interleaved chunk by chunk so that both see the
   same machine load; their ratio (target >= 0.75);
2. the share of time per stage;
3. newsie with ``n_process=2`` against one process (target >= 1.6x);
4. peak RSS of a whole run (store and export included, one subprocess each) over 1,000 and
   over 5,000 articles (target: at 5,000 <= 1.1x at 1,000);
5. a second run over the unchanged input against the first (target < 5%).

Usage: ``python benchmarks/throughput.py [--articles 1000] [--rss-sizes 1000,5000] [--data DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_CANDIDATES = [ROOT.parent / "shared" / "data" / "news", ROOT.parent.parent / "shared" / "data" / "news"]


def find_source(given: str | None) -> Path:
    if given:
        return Path(given)
    return next((p for p in DATA_CANDIDATES if p.is_dir()), ROOT / "seeds")


def corpus(source: Path, n: int) -> list:
    """``n`` readable articles: the source's articles repeated, each copy with its own id."""
    from dataclasses import replace

    from newsie.run.io import read_articles

    base = [a for a in read_articles([source]) if not a.error]
    if not base:
        sys.exit(f"no readable articles under {source}")
    return [replace(base[i % len(base)], article_id=f"{base[i % len(base)].article_id}~{i // len(base)}") for i in range(n)]


def materialise(articles: list, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.article_id}.txt").write_text(article.text, encoding="utf-8")
    return folder


def words(articles: list) -> int:
    return sum(len(a.text.split()) for a in articles)


def timed(fn) -> tuple[float, float]:
    """Wall and CPU seconds (this process and its children) of ``fn()``."""
    cpu0 = _cpu()
    wall0 = time.perf_counter()
    fn()
    return time.perf_counter() - wall0, _cpu() - cpu0


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def consume(iterable) -> None:
    for _ in iterable:
        pass


def row(name: str, *cells) -> None:
    print(f"  {name:<44}" + "".join(f"{c:>16}" for c in cells), flush=True)


def bench_throughput(articles: list, chunks: int, batch_size: int) -> dict:
    import spacy

    from newsie.run.nlp import load, read_config
    from newsie.run.extract import extract

    bare = spacy.load(read_config()["model"]["name"])
    nlp = load()
    warm = articles[:8]
    consume(bare.pipe([a.text for a in warm]))
    consume(extract(nlp, warm))
    size = -(-len(articles) // chunks)
    totals = {"bare": [0.0, 0.0], "newsie": [0.0, 0.0]}
    for i in range(0, len(articles), size):
        part = articles[i : i + size]
        texts = [a.text for a in part]
        for name, job in (
            ("bare", lambda: consume(bare.pipe(texts, batch_size=batch_size))),
            ("newsie", lambda: consume(extract(nlp, part, batch_size=batch_size))),
        ):
            wall, cpu = timed(job)
            totals[name][0] += wall
            totals[name][1] += cpu
    return {"nlp": nlp, "totals": totals}


def bench_stages(nlp, articles: list, batch_size: int) -> dict[str, float]:
    """Seconds per stage: each stage over all the docs in turn (its own ``pipe`` when it has one)."""
    from newsie.run.records import from_doc
    from newsie.run.extract import make_doc

    docs = [make_doc(nlp, a) for a in articles]
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    start = time.perf_counter()
    consume(from_doc(doc) for doc in docs)
    seconds["records (from_doc)"] = time.perf_counter() - start
    return seconds


def bench_two_processes(nlp, articles: list, batch_size: int) -> tuple[float, float]:
    from newsie.run.extract import extract

    return timed(lambda: consume(extract(nlp, articles, batch_size=batch_size, n_process=2)))


def child_run(inbox: str, out: str, batch_size: int) -> None:
    """Subprocess entry: one whole run; print its figures as JSON."""
    from newsie.run.job import run

    start = time.perf_counter()
    result = run([inbox], out, batch_size=batch_size)
    wall = time.perf_counter() - start
    print(json.dumps({"wall_s": wall, "rss_mb": peak_rss_mb(), "processed": result.info["n_processed"],
                      "skipped": result.info["n_skipped"]}))  # fmt: skip


def peak_rss_mb() -> float:
    """This process's peak RSS. ``ru_maxrss`` would do, but Linux carries it over ``exec`` from
    the forking parent (this benchmark, with two models loaded); ``VmHWM`` starts afresh."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(inbox: Path, out: Path, batch_size: int) -> dict:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child-run", str(inbox), str(out), "--batch-size", str(batch_size)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_wall_s"] = time.perf_counter() - start
    return figures


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rss-sizes", default="1000,5000")
    parser.add_argument("--stage-articles", type=int, default=100)
    parser.add_argument("--chunks", type=int, default=5, help="interleaved chunks for the bare/newsie comparison")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--data", default=None, help="folder of articles (default: ../shared/data/news, else seeds/)")
    parser.add_argument("--sections", default="throughput,runs",
                        help="throughput (with stages and processes) and/or runs")  # fmt: skip
    parser.add_argument("--child-run", nargs=2, metavar=("INBOX", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        child_run(*args.child_run, args.batch_size)
        return

    source = find_source(args.data)
    sizes = [int(s) for s in args.rss_sizes.split(",")]
    articles = corpus(source, max(args.articles, *sizes))
    sample = articles[: args.articles]
    n_words = words(sample)
    print(f"newsie throughput benchmark: {len(sample)} articles, {n_words} words from {source} (repeated); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip

    sections = set(args.sections.split(","))
    if "throughput" in sections:
        measure_in_process(sample, n_words, args)
    if "runs" in sections:
        measure_runs(articles, sizes, args)


def measure_in_process(sample: list, n_words: int, args) -> None:
    print("\n1. Throughput, one process (bare and newsie interleaved over the same texts)")
    result = bench_throughput(sample, args.chunks, args.batch_size)
    bare_wall, bare_cpu = result["totals"]["bare"]
    news_wall, news_cpu = result["totals"]["newsie"]
    row("", "bare model", "newsie", "ratio")
    row("words/s (wall clock)", f"{n_words / bare_wall:.0f}", f"{n_words / news_wall:.0f}", f"{bare_wall / news_wall:.3f}")
    row("words/s (CPU time)", f"{n_words / bare_cpu:.0f}", f"{n_words / news_cpu:.0f}", f"{bare_cpu / news_cpu:.3f}")
    print(f"  target newsie >= 0.75 x bare: {verdict(bare_wall / news_wall >= 0.75)} (wall clock)", flush=True)
    nlp = result["nlp"]

    print(f"\n2. Share of time per stage ({args.stage_articles} articles)")
    stages = bench_stages(nlp, sample[: args.stage_articles], args.batch_size)
    total = sum(stages.values())
    row("stage", "seconds", "share")
    for name, seconds in stages.items():
        row(name, f"{seconds:.2f}", f"{100 * seconds / total:.1f}%")

    print("\n3. Processes (newsie, same articles; n_process=1 is newsie's time in 1.)")
    one, (two, two_cpu) = news_wall, bench_two_processes(nlp, sample, args.batch_size)
    row("", "n_process=1", "n_process=2", "speed-up")
    row("words/s (wall clock)", f"{n_words / one:.0f}", f"{n_words / two:.0f}", f"{one / two:.2f}x")
    # How many cores the runs actually got: on a shared machine this caps the speed-up.
    row("cores used (CPU s per wall s)", f"{news_cpu / one:.2f}", f"{two_cpu / two:.2f}", "")
    row("words per CPU second", f"{n_words / news_cpu:.0f}", f"{n_words / two_cpu:.0f}", "")
    print(f"  target 2 processes >= 1.6 x one: {verdict(one / two >= 1.6)}", flush=True)


def measure_runs(articles: list, sizes: list[int], args) -> None:
    print("\n4. Whole runs in subprocesses (store, export): peak RSS; 5. second run over unchanged input")
    row("", "articles", "wall s", "peak RSS MB")
    with tempfile.TemporaryDirectory(prefix="newsie-bench-") as tmp:
        runs = {}
        for size in sizes:
            inbox = materialise(articles[:size], Path(tmp) / f"inbox{size}")
            out = Path(tmp) / f"out{size}"
            runs[size] = first = run_child(inbox, out, args.batch_size)
            row(f"first run, {size} articles", first["processed"], f"{first['wall_s']:.1f}", f"{first['rss_mb']:.0f}")
            if size == sizes[0]:
                second = run_child(inbox, out, args.batch_size)
                row(f"second run, unchanged, {size} articles", f"{second['skipped']} skipped", f"{second['wall_s']:.2f}",
                    f"{second['rss_mb']:.0f}")  # fmt: skip
                share = second["wall_s"] / first["wall_s"]
                whole = second["process_wall_s"] / first["process_wall_s"]
                print(f"  second / first run: {100 * share:.2f}% of run() time, {100 * whole:.2f}% with interpreter start "
                      f"(target < 5%: {verdict(share < 0.05)})", flush=True)  # fmt: skip
        if len(sizes) > 1:
            small, large = runs[sizes[0]]["rss_mb"], runs[sizes[-1]]["rss_mb"]
            print(f"  peak RSS at {sizes[-1]} / at {sizes[0]}: {large / small:.3f} (target <= 1.1: {verdict(large / small <= 1.1)})")


if __name__ == "__main__":
    main()
