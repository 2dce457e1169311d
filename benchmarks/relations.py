"""Relations benchmark: CoNLL04 dev (strict) and gold/, baseline and candidate side by side.

    python benchmarks/relations.py [--conll04 PATH] [--gold DIR] [--errors N]

- CoNLL04 (../shared/data/conll04/conll04_dev.json): each sentence is run through the whole
  pipeline; the five CoNLL04 relations are scored strictly (relation name and both argument
  spans exact), per relation and micro.
- gold/: per-relation and micro P/R/F1 as ``newsie evaluate`` computes them.
- Time: the share of the pipeline's time spent in the relations stage (each stage timed on
  the same documents).

"baseline" is the relation stage as the pipeline skeleton shipped it (a frozen copy in
``benchmarks/baseline_relations.py``); "candidate" is the current stage. Both read the same
parsed documents, so only the relation stage differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline_relations import RelationExtractor as BaselineExtractor  # noqa: E402
from newsie.evaluation.formats import conll04  # noqa: E402
from newsie.evaluation.gold import load_gold  # noqa: E402
from newsie.run.io import Article, read_articles  # noqa: E402
from newsie.run.nlp import load  # noqa: E402
from newsie.run.records import from_doc, to_frames  # noqa: E402
from newsie.relations.component import RelationExtractor  # noqa: E402
from newsie.run.extract import make_doc  # noqa: E402
from newsie.evaluation.scoring import evaluate  # noqa: E402

# ../shared/data beside the checkout (a worktree sits one level deeper).
SHARED_DATA = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").exists()), ROOT.parent / "shared" / "data")
RELATION_STAGE = "news_relations"


def parse_timed(nlp, articles: list[Article], times: dict[str, float]) -> list:
    """Run every stage but the relation stage; add each stage's seconds to ``times``."""
    docs = []
    for article in articles:
        t0 = time.perf_counter()
        doc = make_doc(nlp, article)
        times["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            if name == RELATION_STAGE:
                continue
            t0 = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t0
        docs.append(doc)
    return docs


def relate(docs: list, extractor, times: dict[str, float] | None = None) -> dict:
    """Apply a relation extractor to parsed docs; the tables as ``newsie run`` builds them."""
    records = []
    for doc in docs:
        t0 = time.perf_counter()
        extractor(doc)
        if times is not None:
            times[RELATION_STAGE] += time.perf_counter() - t0
        records.append(from_doc(doc))
    return to_frames(records)


def table(title: str, scores: dict[str, dict], names: list[str]) -> str:
    """Per-relation and micro rows, one column group per variant."""
    variants = list(scores)
    head = f"{'':18}" + "".join(f"{v:>30}" for v in variants)
    sub = f"{'relation':18}" + "".join(f"{'P':>8}{'R':>8}{'F1':>8}{'n':>6}" for _ in variants)
    lines = [title, head, sub]
    for name in [*names, "micro"]:
        row = f"{name:18}"
        for v in variants:
            rel = scores[v]["relations"]
            s = rel["micro"] if name == "micro" else rel["per_relation"].get(name, {"p": 0, "r": 0, "f": 0, "n_gold": 0})
            row += f"{s['p']:8.3f}{s['r']:8.3f}{s['f']:8.3f}{s['n_gold']:6g}"
        lines.append(row)
    return "\n".join(lines)


def relaxed_micro(gold, frames) -> dict:
    """Diagnostic only: micro P/R/F1 when each argument need only overlap the gold span."""
    rels = frames["relations"]
    tp = n_pred = n_gold = 0
    for g in gold:
        ids = {e.id: e for e in g.entities}
        want = [((ids[r.head].start, ids[r.head].end), r.relation, (ids[r.tail].start, ids[r.tail].end)) for r in g.relations]
        mine = rels[rels["article_id"] == g.article_id]
        got = {((int(r.head_start), int(r.head_end)), r.relation, (int(r.tail_start), int(r.tail_end))) for r in mine.itertuples()}
        n_gold += len(set(want))
        n_pred += len(got)
        used: set = set()
        for h, name, t in set(want):
            hit = next((p for p in got if p not in used and p[1] == name and p[0][0] < h[1] and h[0] < p[0][1] and p[2][0] < t[1] and t[0] < p[2][1]), None)
            if hit is not None:
                used.add(hit)
                tp += 1
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def show_errors(gold, frames, limit: int) -> None:
    """Print missed and spurious relations (for tuning on train/dev, never on test data)."""
    rels = frames["relations"]
    shown = 0
    for g in gold:
        text = g.text
        by_span = {(e.start, e.end): e for e in g.entities}
        ids = {e.id: e for e in g.entities}
        gold_set = {((ids[r.head].start, ids[r.head].end), r.relation, (ids[r.tail].start, ids[r.tail].end)) for r in g.relations}
        mine = rels[rels["article_id"] == g.article_id]
        ents = frames["entities"]
        found_spans = {(int(e.start), int(e.end)) for e in ents[ents["article_id"] == g.article_id].itertuples()}
        pred = {((int(r.head_start), int(r.head_end)), r.relation, (int(r.tail_start), int(r.tail_end))) for r in mine.itertuples()}
        for tag, items in (("FN", gold_set - pred), ("FP", pred - gold_set)):
            for h, name, t in sorted(items):
                if tag == "FN":
                    mark = "" if h in found_spans and t in found_spans else " [no entity]"
                else:
                    mark = "" if h in by_span and t in by_span else " [span]"
                print(f"{tag} {name:11} {text[h[0]:h[1]]!r} -> {text[t[0]:t[1]]!r}{mark} || {text}")
                shown += 1
                if shown >= limit:
                    return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conll04", type=Path, default=SHARED_DATA / "conll04" / "conll04_dev.json")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    parser.add_argument("--errors", type=int, default=0, help="print up to N CoNLL04 errors of the candidate")
    args = parser.parse_args()

    nlp = load()
    variants = {"baseline": BaselineExtractor(), "candidate": RelationExtractor()}
    times: dict[str, float] = defaultdict(float)

    if args.conll04.exists():
        with tempfile.TemporaryDirectory() as tmp:
            converted = Path(tmp) / "conll04.jsonl"
            conll04.convert(args.conll04, converted)
            gold = load_gold(converted)
        articles = [Article(g.article_id, g.text) for g in gold]
        docs = parse_timed(nlp, articles, times)
        scores, relaxed = {}, {}
        for name, extractor in variants.items():
            frames = conll04.restrict(relate(docs, extractor, times if name == "candidate" else None), {g.article_id: g.text for g in gold})
            scores[name] = evaluate(gold, frames, label_map=conll04.SCHEME_LABELS)
            relaxed[name] = relaxed_micro(gold, frames)
            if name == "candidate" and args.errors:
                show_errors(gold, frames, args.errors)
        print(table(f"CoNLL04 {args.conll04.name}: {len(gold)} sentences, strict (relation + both spans exact)", scores, sorted(conll04.SCHEME_RELATIONS)))
        row = "".join(f"{v['p']:8.3f}{v['r']:8.3f}{v['f']:8.3f}{'':6}" for v in relaxed.values())
        print(f"{'micro, overlap':18}{row}   (diagnostic: argument spans need only overlap)")
        print()
    else:
        print(f"CoNLL04 file not found: {args.conll04} (skipped)\n")

    gold = load_gold(args.gold)
    wanted = {g.article_id for g in gold}
    articles = [a for a in read_articles([ROOT / "seeds"]) if a.article_id in wanted]
    docs = parse_timed(nlp, articles, times)
    scores = {name: evaluate(gold, relate(docs, ex, times if name == "candidate" else None)) for name, ex in variants.items()}
    names = sorted({n for s in scores.values() for n in s["relations"]["per_relation"]})
    print(table(f"gold/: {len(gold)} articles", scores, names))
    print()
    total = sum(times.values())
    print("Stage time over both sets (candidate relation stage):")
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {name:18} {seconds:8.2f} s  {100 * seconds / total:5.1f}%")
    share = times[RELATION_STAGE] / total
    print(f"relations stage share: {100 * share:.1f}% (target < 20%)")


if __name__ == "__main__":
    main()
