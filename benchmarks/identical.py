"""Same output before and after a change: run newsie on every corpus and compare each table.

Corpora: the seeds (``seeds/``, scored by ``gold/``), ``../shared/data/news``,
``../shared/data/wire/articles``, CoNLL-2003 ``valid.txt``, CoNLL04 dev and the TimeML data
(TimeBank and AQUAINT), the last three converted with ``newsie convert``. Each corpus runs with
``newsie run --force`` into its own folder; every table it writes (articles, entities, dates,
relations, events, removed, entities_index) is compared byte for byte.

    python benchmarks/identical.py --make REF_DIR    # the reference, made before the change
    python benchmarks/identical.py REF_DIR           # after it: "identical" or the tables that differ

Exit status 0 when every corpus is identical, 1 otherwise. ``--only NAME`` runs some corpora.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = next((p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").exists()), ROOT.parent / "shared" / "data")
TABLES = ("articles", "entities", "dates", "relations", "events", "removed", "entities_index")

# name -> (input path, converter format or None)
CORPORA = {
    "seeds": (ROOT / "seeds", None),
    "news": (SHARED_DATA / "news", None),
    "wire": (SHARED_DATA / "wire" / "articles", None),
    "conll2003_valid": (SHARED_DATA / "conll2003" / "valid.txt", "conll2003"),
    "conll04_dev": (SHARED_DATA / "conll04" / "conll04_dev.json", "conll04"),
    "timeml": (SHARED_DATA / "timeml", "timeml"),
}


def newsie(*args: str) -> None:
    """Run the ``newsie`` command of this environment; stop on failure."""
    cmd = [str(Path(sys.executable).parent / "newsie"), *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    # Exit 1 means some articles failed, which the tables record; anything else is a failure.
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def run_corpus(name: str, out: Path, work: Path) -> None:
    source, fmt = CORPORA[name]
    if fmt:
        converted = work / f"{name}.jsonl"
        newsie("convert", fmt, str(source), "--out", str(converted))
        source = converted
    newsie("run", str(source), "--out", str(out), "--force", "--quiet", "--gold", str(work / "no-gold"))


def compare(name: str, ref: Path, new: Path) -> list[str]:
    """The tables of one corpus that differ, each with the first lines of its diff."""
    problems = []
    for table in TABLES:
        a, b = ref / f"{table}.csv", new / f"{table}.csv"
        if not a.exists() and not b.exists():
            continue
        if not a.exists() or not b.exists():
            problems.append(f"{table}.csv: present in only one run")
            continue
        if a.read_bytes() != b.read_bytes():
            diff = difflib.unified_diff(a.read_text().splitlines(), b.read_text().splitlines(), "before", "after", n=0, lineterm="")
            problems.append(f"{table}.csv differs:\n    " + "\n    ".join(list(diff)[2:12]))
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", type=Path, help="Folder of the reference run")
    parser.add_argument("--make", action="store_true", help="Write the reference run into REF instead of comparing")
    parser.add_argument("--only", nargs="*", choices=sorted(CORPORA), help="Corpora to run (default: all)")
    args = parser.parse_args()
    names = args.only or list(CORPORA)
    missing = [n for n in names if not CORPORA[n][0].exists()]
    for name in missing:
        print(f"{name}: skipped, {CORPORA[name][0]} is absent")
    names = [n for n in names if n not in missing]
    all_same = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in names:
            if args.make:
                run_corpus(name, args.ref / name, work)
                print(f"{name}: reference written to {args.ref / name}", flush=True)
                continue
            run_corpus(name, work / name, work)
            problems = compare(name, args.ref / name, work / name)
            all_same &= not problems
            print(f"{name}: identical" if not problems else f"{name}: DIFFERENT\n  " + "\n  ".join(problems), flush=True)
    sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
