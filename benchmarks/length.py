"""Cost against article length: per-word time of newsie and of the bare model, 1k to 100k words.

Builds one article per size by joining the bodies of the seed articles (``seeds/``: the seed
article and openly licensed ones) until it holds the number of words, and times, interleaved
so that both see the same machine load:

- newsie: the whole pipeline (cleaner, model, every newsie stage) and the records, through
  the run's extraction (``newsie.run.extract.extract``, without the time budget);
- bare: the same text through the bare spaCy model (``spacy.load`` of the configured model).

Each figure is the median of ``--runs`` runs. It prints microseconds per word for both, their
ratio (bare time / newsie time: the share of the bare model's throughput that newsie keeps),
and each size's newsie per-word time against that of short articles (the seed articles one by
one). Linear cost means that last ratio stays near 1; the target for 100k words is <= 1.3.

With ``--memory`` it also prints, per size, the peak memory that processing the article adds
(for newsie and for the bare model, each in a fresh process: the peak resident set over the
article, less the resident set before it) in megabytes and in kilobytes per word; linear memory
means the kilobytes per word stay flat.

Usage: ``python benchmarks/length.py [--sizes 1000,10000,50000,100000] [--runs 3] [--memory]``
"""

from __future__ import annotations

import argparse
import re
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from newsie.run.extract import extract  # noqa: E402
from newsie.run.io import Article, read_articles  # noqa: E402
from newsie.run.nlp import load, read_config  # noqa: E402

HEADER = re.compile(r"^ date \S+\s*")


def seed_bodies() -> list[str]:
    return [HEADER.sub("", a.text) for a in read_articles([ROOT / "seeds"]) if not a.error]


def article_of(bodies: list[str], n_words: int) -> str:
    """The seed bodies joined (as paragraphs, repeated as needed) up to ``n_words`` words."""
    parts, words, i = [], 0, 0
    while words < n_words:
        body = bodies[i % len(bodies)].split()
        take = body[: n_words - words]
        parts.append(" ".join(take))
        words += len(take)
        i += 1
    return "\n\n".join(parts)


def newsie_time(nlp, texts: list[str]) -> float:
    """Seconds of the run's extraction (batches, records; no time budget) over the texts."""
    articles = [Article(f"a{i}", text, published="2024-12-11") for i, text in enumerate(texts)]
    started = time.perf_counter()
    for _, records in extract(nlp, articles, article_timeout=None):
        assert records.article.status == "ok", records.article.error
    return time.perf_counter() - started


def bare_time(bare, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        bare(text)
    return time.perf_counter() - started


def measure(nlp, bare, texts: list[str], runs: int) -> tuple[float, float]:
    """Median seconds of newsie and of the bare model over ``texts``, runs interleaved."""
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(newsie_time(nlp, texts))
        theirs.append(bare_time(bare, texts))
    return statistics.median(ours), statistics.median(theirs)


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def child_memory(which: str, n_words: int) -> None:
    """Subprocess entry: the peak memory (MB) one article of ``n_words`` adds, printed as JSON."""
    nlp = load() if which == "newsie" else spacy.load(str(read_config()["model"]["name"]))
    nlp.max_length = 10**8
    bodies = seed_bodies()
    text = article_of(bodies, n_words)
    process = newsie_time if which == "newsie" else bare_time
    process(nlp, bodies[:2])  # warm-up, as timed
    Path("/proc/self/clear_refs").write_text("5")  # the peak resident set starts again from here
    before = _status_kb("VmRSS")
    process(nlp, [text])
    print(json.dumps({"mb": (_status_kb("VmHWM") - before) / 1024}))


def peak_mb(which: str, n_words: int) -> float:
    done = subprocess.run([sys.executable, __file__, "--child-memory", which, str(n_words)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])["mb"]


def print_memory(sizes: list[int]) -> None:
    print(f"{'article':>16} {'newsie MB':>10} {'KB/word':>8} {'bare MB':>10} {'KB/word':>8}")
    for size in sizes:
        ours, theirs = peak_mb("newsie", size), peak_mb("bare", size)
        print(f"{f'{size // 1000}k words':>16} {ours:>10.1f} {1024 * ours / size:>8.2f} {theirs:>10.1f} {1024 * theirs / size:>8.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000,100000", help="article lengths in words")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (the median is shown)")
    parser.add_argument("--memory", action="store_true", help="also the peak memory per size (a fresh process each)")
    parser.add_argument("--child-memory", nargs=2, metavar=("WHICH", "WORDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory[0], int(args.child_memory[1]))
        return
    nlp = load()
    bare = spacy.load(str(read_config()["model"]["name"]))
    nlp.max_length = bare.max_length = 10**8
    bodies = seed_bodies()
    newsie_time(nlp, bodies[:2]), bare_time(bare, bodies[:2])  # warm-up: lazy tables, caches

    short_words = sum(len(b.split()) for b in bodies)
    ours, theirs = measure(nlp, bare, bodies, args.runs)
    short_us = 1e6 * ours / short_words
    print(f"{'article':>16} {'words':>8} {'newsie us/word':>15} {'bare us/word':>13} {'bare/newsie':>12} {'vs short':>9}")
    print(f"{'short (seeds)':>16} {short_words:>8} {short_us:>15.1f} {1e6 * theirs / short_words:>13.1f} {theirs / ours:>12.2f} {1.0:>9.2f}")
    worst = 0.0
    for size in map(int, args.sizes.split(",")):
        text = article_of(bodies, size)
        words = len(text.split())
        ours, theirs = measure(nlp, bare, [text], args.runs)
        per_word = 1e6 * ours / words
        worst = max(worst, per_word / short_us) if size >= 100_000 else worst
        print(f"{f'{size // 1000}k words':>16} {words:>8} {per_word:>15.1f} {1e6 * theirs / words:>13.1f} {theirs / ours:>12.2f} {per_word / short_us:>9.2f}", flush=True)
    if worst:
        verdict = "ok" if worst <= 1.3 else "MISSED"
        print(f"100k-word article at {worst:.2f}x the per-word time of short articles (target <= 1.3): {verdict}")
    if args.memory:
        print_memory(list(map(int, args.sizes.split(","))))


if __name__ == "__main__":
    main()
