"""Wire-story benchmark: newsie and the spaCy + dateparser glue on ../shared/data/wire.

Runs both systems over the wire development set's articles and prints the set's own score
table (``score.py`` next to the data, run as a subprocess) for each, then newsie's scores on
the project's gold articles (``newsie run`` on seeds/, ``newsie evaluate`` against gold/), so
that no gain on the wire stories hides a loss on the gold.

The glue baseline is what a few lines of spaCy and dateparser give: the bare model's entities
(:func:`benchmarks.entities.bare_rows`) and its DATE/TIME spans parsed by dateparser against
the ``date`` header (:func:`benchmarks.dates.model_spans_baseline`), no relations, and the
published date from the header. Skips cleanly when the data is absent.

    python benchmarks/wire.py [--data PATH] [--keep DIR] [--no-gold]
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dates import model_spans_baseline  # noqa: E402
from benchmarks.entities import SHARED_DATA, bare_rows  # noqa: E402
from newsie.run.nlp import read_config  # noqa: E402

WIRE = SHARED_DATA / "wire"
HEADER = re.compile(r"^ date (?P<date>\d{4}-\d{2}-\d{2})")


def run_newsie(articles: Path, out: Path) -> None:
    """``newsie run`` over the articles into ``out`` (every article processed again)."""
    subprocess.run([sys.executable, "-m", "newsie", "run", str(articles), "--out", str(out), "--force", "-q"], check=True)


def run_glue(articles: Path, out: Path) -> None:
    """The spaCy + dateparser glue's entities, dates and articles tables, on raw offsets."""
    import spacy

    nlp = spacy.load(read_config()["model"]["name"])
    docs = []
    for path in sorted(articles.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        header = HEADER.match(raw)
        docs.append(SimpleNamespace(article_id=path.stem, text=raw, dct=header.group("date") if header else "2000-01-01"))
    entities = bare_rows(nlp, docs)
    dates, parsers = [], {}
    for doc in docs:
        spans = [(e.start_char, e.end_char, e.label_) for e in nlp(doc.text).ents if e.label_ in {"DATE", "TIME"}]
        for item in model_spans_baseline(doc, spans, parsers):
            dates.append({"article_id": doc.article_id, "start": item.start, "end": item.end, "text": item.text,
                          "type": item.type, "value": item.value})  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "entities.csv", entities)
    _write(out / "dates.csv", dates)
    _write(out / "articles.csv", [{"article_id": d.article_id, "published": d.dct} for d in docs])
    _write(out / "relations.csv", [], ["article_id", "relation", "head_text", "tail_text"])


def _write(path: Path, rows: list[dict], columns: list[str] | None = None) -> None:
    columns = columns or (list(rows[0]) if rows else ["article_id"])
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def score(wire: Path, out: Path) -> str:
    """The wire set's own score table for the tables in ``out``."""
    result = subprocess.run([sys.executable, str(wire / "score.py"), str(out)], capture_output=True, text=True, check=True)
    return result.stdout


def gold_scores(out: Path) -> str:
    """newsie's scores on the project's gold articles (seeds/ against gold/)."""
    subprocess.run([sys.executable, "-m", "newsie", "run", str(ROOT / "seeds"), "--out", str(out), "--force", "-q",
                    "--gold", str(ROOT / "gold")], check=True, cwd=ROOT)  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "newsie", "evaluate", "--gold", str(ROOT / "gold"), "--pred", str(out)],
                            capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=WIRE, help="the wire set folder (articles/, facts/, score.py)")
    parser.add_argument("--keep", type=Path, help="write the output tables here instead of a temporary folder")
    parser.add_argument("--no-gold", action="store_true", help="skip the gold/ scores")
    args = parser.parse_args()
    wire = args.data
    if not (wire / "articles").is_dir() or not (wire / "score.py").exists():
        print(f"wire benchmark skipped: {wire} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        run_newsie(wire / "articles", base / "newsie")
        run_glue(wire / "articles", base / "glue")
        print("== newsie on the wire set\n" + score(wire, base / "newsie"))
        print("== spaCy + dateparser glue on the wire set\n" + score(wire, base / "glue"))
        if not args.no_gold:
            print("== newsie on gold/ (seeds/)\n" + gold_scores(base / "gold"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
