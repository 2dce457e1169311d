"""TempEval-3 benchmark of the dates stage over ../shared/data/timeml (TimeBank + AQUAINT).

Every document's ``<TEXT>`` goes through the whole newsie pipeline with ``published`` set to
the document's creation time; the predicted dates (raw offsets, i.e. offsets into the TEXT)
are scored against the gold TIMEX3 with TempEval-3 measures: one-to-one matching of
overlapping spans, strict and relaxed span P/R/F1, type and value accuracy over relaxed
matches, value F1 = value accuracy x relaxed F1. In the same run, two baselines:

- ``dateparser search_dates``: ``dateparser.search.search_dates`` over the whole text, every
  hit a DATE (TIME when it has a clock time), valued at its granularity;
- ``model spans + DateDataParser``: the model's own DATE/TIME entities, boundaries as the
  model draws them, each parsed by one cached ``DateDataParser`` per creation time.

Times are per article; the stage share is the dates stage's time over the whole pipeline's.

    python benchmarks/dates.py [--data DIR] [--limit N] [--errors 10] [--show KIND]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsie.evaluation.formats.timeml import TimemlDocument, read_corpus
from newsie.run.nlp import load
from newsie.run.records import from_doc
from newsie.evaluation.scoring import match_one_to_one, score_dates

# ../shared/data/timeml from the project root (looked up further up from a nested checkout).
DATA = next(
    (p / "shared" / "data" / "timeml" for p in Path(__file__).resolve().parents[1:4] if (p / "shared" / "data").exists()),
    Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml",
)
warnings.filterwarnings("ignore")


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    text: str
    type: str
    value: str


def value_of(when: dt.datetime, period: str) -> tuple[str, str]:
    """TIMEX3 type and value of a dateparser result at its own granularity."""
    if period == "year":
        return "DATE", str(when.year)
    if period == "month":
        return "DATE", f"{when.year}-{when.month:02d}"
    if period == "time" and (when.hour or when.minute):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    return "DATE", when.date().isoformat()


def settings(dct: str) -> dict:
    return {"RELATIVE_BASE": dt.datetime.fromisoformat(dct), "RETURN_AS_TIMEZONE_AWARE": False}


def search_dates_baseline(doc: TimemlDocument) -> list[Item]:
    """dateparser's search_dates over the whole text; hits located left to right."""
    from dateparser.search import search_dates

    hits = search_dates(doc.text, languages=["en"], settings=settings(doc.dct)) or []
    items, position = [], 0
    for phrase, when in hits:
        start = doc.text.find(phrase, position)
        if start < 0:
            continue
        position = start + len(phrase)
        kind, value = value_of(when, "time" if when.hour or when.minute else "day")
        items.append(Item(start, position, phrase, kind, value))
    return items


def model_spans_baseline(doc: TimemlDocument, ents: list[tuple[int, int, str]], parsers: dict) -> list[Item]:
    """The model's DATE/TIME entities (raw offsets), each parsed by a cached DateDataParser."""
    from dateparser.date import DateDataParser

    parser = parsers.get(doc.dct)
    if parser is None:
        parser = parsers[doc.dct] = DateDataParser(languages=["en"], settings=settings(doc.dct))
    items = []
    for start, end, label in ents:
        text = doc.text[start:end]
        data = parser.get_date_data(text)
        if data is None or data.date_obj is None:
            kind, value = label, ""
        else:
            kind, value = value_of(data.date_obj, data.period)
        items.append(Item(start, end, text, kind, value))
    return items


def run_newsie(nlp, doc: TimemlDocument, stage_time: Counter) -> list[Item]:
    """The whole pipeline, stage by stage (each timed); the dates with raw offsets."""
    spacy_doc = nlp.make_doc(doc.text)
    spacy_doc._.article_id = doc.doc_id
    spacy_doc._.published = doc.dct
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        spacy_doc = proc(spacy_doc)
        stage_time[name] += time.perf_counter() - started
    return [Item(d.start, d.end, d.text, d.type, d.value) for d in from_doc(spacy_doc).dates]


def model_ents(nlp, doc: TimemlDocument) -> list[tuple[int, int, str]]:
    """The model's DATE/TIME entities over the raw text (no newsie stage involved)."""
    names = [n for n, _ in nlp.pipeline if not n.startswith("news_")]
    with nlp.select_pipes(enable=names):
        parsed = nlp(doc.text)
    return [(e.start_char, e.end_char, e.label_) for e in parsed.ents if e.label_ in {"DATE", "TIME"}]


def error_kind(gold: Item | None, pred: Item | None) -> str:
    """A coarse name for one error, to count the most frequent ones."""
    def shape(v: str) -> str:
        return re.sub(r"\d", "9", v)

    if pred is None:
        return f"missed {gold.type} {shape(gold.value)}"
    if gold is None:
        return f"spurious {pred.type} {shape(pred.value)}"
    if gold.type != pred.type:
        return f"type {gold.type}->{pred.type}"
    if (gold.start, gold.end) != (pred.start, pred.end) and gold.value == pred.value:
        return f"span {'longer' if pred.end - pred.start > gold.end - gold.start else 'shorter'} {gold.type}"
    return f"value {gold.type} {shape(gold.value)}->{shape(pred.value)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=10, help="how many error kinds to list")
    parser.add_argument("--show", default="", help="print the errors whose kind starts with this")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no TimeML data at {args.data}", file=sys.stderr)
        return 2
    docs = list(read_corpus(args.data))[: args.limit or None]
    nlp = load()
    nlp(docs[0].text)  # warm up
    stage_time: Counter = Counter()
    times = Counter()
    systems: dict[str, list] = defaultdict(list)
    parsers: dict = {}
    errors: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    for doc in docs:
        gold = [Item(t.start, t.end, t.text, t.type, t.value) for t in doc.timexes]
        started = time.perf_counter()
        pred = run_newsie(nlp, doc, stage_time)
        times["newsie"] += time.perf_counter() - started
        ents = model_ents(nlp, doc)
        started = time.perf_counter()
        systems["model spans + DateDataParser"].append((gold, model_spans_baseline(doc, ents, parsers)))
        times["model spans + DateDataParser"] += time.perf_counter() - started
        started = time.perf_counter()
        systems["dateparser search_dates"].append((gold, search_dates_baseline(doc)))
        times["dateparser search_dates"] += time.perf_counter() - started
        systems["newsie"].append((gold, pred))
        pairs = match_one_to_one(gold, pred)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if (g.start, g.end, g.type, g.value) != (p.start, p.end, p.type, p.value):
                kind = error_kind(g, p)
                errors[kind] += 1
                examples[kind].append(f"{doc.doc_id} [{doc.dct}] {g.text!r} {g.type} {g.value} | {p.text!r} {p.type} {p.value}")
        for gi in set(range(len(gold))) - {g for g, _ in pairs}:
            kind = error_kind(gold[gi], None)
            errors[kind] += 1
            examples[kind].append(f"{doc.doc_id} [{doc.dct}] {gold[gi].text!r} {gold[gi].type} {gold[gi].value} ...{doc.text[max(0, gold[gi].start - 40):gold[gi].end + 30]!r}")
        for pi in set(range(len(pred))) - {p for _, p in pairs}:
            kind = error_kind(None, pred[pi])
            errors[kind] += 1
            examples[kind].append(f"{doc.doc_id} [{doc.dct}] {pred[pi].text!r} {pred[pi].type} {pred[pi].value} ...{doc.text[max(0, pred[pi].start - 40):pred[pi].end + 30]!r}")

    n = len(docs)
    print(f"TempEval-3 on {args.data} ({n} documents, {sum(len(g) for g, _ in systems['newsie'])} gold TIMEX3)")
    row = "{:<30} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>10}"
    print(row.format("system", "str P", "str R", "str F", "rel P", "rel R", "rel F", "type", "value", "value F", "ms/article"))
    for name in ("newsie", "model spans + DateDataParser", "dateparser search_dates"):
        s = score_dates(systems[name])
        print(row.format(
            name, f"{s['strict']['p']:.3f}", f"{s['strict']['r']:.3f}", f"{s['strict']['f']:.3f}",
            f"{s['relaxed']['p']:.3f}", f"{s['relaxed']['r']:.3f}", f"{s['relaxed']['f']:.3f}",
            f"{s['type_accuracy']:.3f}", f"{s['value_accuracy']:.3f}", f"{s['value_f1']:.3f}",
            f"{1000 * times[name] / n:.1f}",
        ))  # fmt: skip
    total = sum(stage_time.values())
    dates_time = sum(t for name, t in stage_time.items() if "dates" in name)
    print(f"newsie whole pipeline {1000 * total / n:.1f} ms/article; dates stage {1000 * dates_time / n:.1f} ms/article = {100 * dates_time / total:.1f}% of the pipeline")
    print("  per stage (ms/article): " + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in stage_time.items()))
    print("  (the model-spans baseline's time is its parsing only: its spans come from the same model run)")
    print(f"\nnewsie: the {args.errors} most frequent error kinds ({sum(errors.values())} errors)")
    for kind, count in errors.most_common(args.errors):
        print(f"  {count:4d}  {kind}")
    if args.show:
        for kind, lines in sorted(examples.items()):
            if kind.startswith(args.show):
                print(f"\n== {kind}")
                for line in lines[:40]:
                    print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
