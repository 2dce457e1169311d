"""Same output before and after a change: run newsie on every corpus and compare each table.

Corpora: the seeds (``seeds/``, scored by ``gold/``), ``../shared/data/news``,
``../shared/data/wire/articles``, CoNLL-2003 ``valid.txt``, CoNLL04 dev and the TimeML data
(TimeBank and AQUAINT), the last three converted with ``newsie convert``. Each corpus runs with
``newsie run --force`` into its own folder; every table it writes (articles, entities, dates,
relations, events, removed, entities_index) is compared byte for byte.

    python benchmarks/identical.py --make REF_DIR    # the reference, made before the change
    python benchmarks/identical.py REF_DIR           # after it: "identical" or the tables that differ

Exit status 0 when every corpus is identical, 1 otherwise. ``--only NAME`` runs some corpora.

CSV cells that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab, CR, or an apostrophe) are written with a leading apostrophe (OWASP). A reference made
before that rule is compared as the rule writes it: each such cell of the reference is escaped
(numbers are left as they are, as the writer leaves numeric columns), the file is written again
with the csv module's quoting (pandas' own), and compared byte for byte; the escaped cells are
counted and shown. A reference made under the rule (``--make`` writes the file
``CSV_ESCAPED`` in it) is compared as it is.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
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


ESCAPED_MARK = "CSV_ESCAPED"  # in a reference folder made under the escaping rule
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def escaped_reference(path: Path) -> tuple[bytes, list[str]]:
    """The reference CSV as the spreadsheet-safe writer writes it, and the cells it escaped."""
    data = path.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    escaped = []
    for row in rows[1:]:
        for i, cell in enumerate(row):
            if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
                row[i] = "'" + cell
                escaped.append(f"{rows[0][i]}={cell!r}")
    if not escaped:
        return data, []
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8"), escaped


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
        expected, escaped = (a.read_bytes(), []) if (ref.parent / ESCAPED_MARK).exists() else escaped_reference(a)
        if escaped:
            shown = ", ".join(escaped[:6]) + (f" and {len(escaped) - 6} more" if len(escaped) > 6 else "")
            print(f"  {name}/{table}.csv: {len(escaped)} reference cells escaped for spreadsheets: {shown}")
        if expected != b.read_bytes():
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
                (args.ref / ESCAPED_MARK).write_text("CSV cells escaped for spreadsheets (OWASP)\n")
                print(f"{name}: reference written to {args.ref / name}", flush=True)
                continue
            run_corpus(name, work / name, work)
            problems = compare(name, args.ref / name, work / name)
            all_same &= not problems
            print(f"{name}: identical" if not problems else f"{name}: DIFFERENT\n  " + "\n  ".join(problems), flush=True)
    sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
