"""Inter-annotator agreement between the first-pass gold and an independent second pass.

Usage: ``python benchmarks/agreement.py [--first gold/agreement/first_pass]
[--second gold/agreement/second_pass] [--adjudicated gold] [--diff]``. Pass 1 (the first-pass
files as they were before adjudication) is the reference and pass 2 plays the prediction,
scored with the project's own scorers (:mod:`newsie.evaluation.scoring`):

- entities: strict F1 (same span and label; SemEval-2013 / nervaluate counting);
- dates: TempEval-3 span F1 (strict and relaxed), and type and value agreement over the
  matched spans;
- relations: F1 over (head entity, relation, tail entity) triples per article, where each
  second-pass entity cluster is mapped to the first-pass cluster sharing most of its exact
  mention spans (a date maps to the first-pass date with the same span), so two passes that
  name different mentions of the same entities agree;
- entity ids: F1 of coreference links (pairs of mentions sharing an ``entity_id``) over the
  mention spans both passes annotated, so span disagreements are not counted twice;
- article fields: exact agreement per field.

``--diff`` lists every disagreement, which is what the adjudication works from. Two more
tables score each pass against the adjudicated gold, showing which pass the adjudication
mostly sided with.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsie.evaluation.gold import GoldArticle, load_gold
from newsie.core.schema import ARTICLE_FIELDS
from newsie.evaluation.scoring import Mention, prf, score_dates, score_entities, score_relations

ROOT = Path(__file__).resolve().parents[1]


def mentions(article: GoldArticle) -> list[Mention]:
    return [Mention(e.start, e.end, e.label) for e in article.entities]


def cluster_map(first: GoldArticle, second: GoldArticle) -> dict[str, str]:
    """Second-pass entity/date ids -> first-pass cluster ids (unmatched ones stay distinct)."""
    first_by_span = {(e.start, e.end): e.entity_id for e in first.entities}
    votes: dict[str, Counter] = {}
    for e in second.entities:
        votes.setdefault(e.entity_id, Counter())
        if (e.start, e.end) in first_by_span:
            votes[e.entity_id][first_by_span[(e.start, e.end)]] += 1
    by_cluster = {eid: (c.most_common(1)[0][0] if c else f"?{eid}") for eid, c in votes.items()}
    out = {e.id: by_cluster[e.entity_id] for e in second.entities}
    first_dates = {(d.start, d.end): d.id for d in first.dates}
    out |= {d.id: first_dates.get((d.start, d.end), f"?{d.id}") for d in second.dates}
    return out


def triples(first: GoldArticle, second: GoldArticle) -> tuple[set, set]:
    """Relations of both passes as first-pass cluster triples."""
    ref = {e.id: e.entity_id for e in first.entities} | {d.id: d.id for d in first.dates}
    gold = {(ref[r.head], r.relation, ref[r.tail]) for r in first.relations}
    mapping = cluster_map(first, second)
    pred = {(mapping[r.head], r.relation, mapping[r.tail]) for r in second.relations}
    return gold, pred


def links(article: GoldArticle, spans: set) -> set:
    """Unordered pairs of mention spans (restricted to ``spans``) that share an entity id."""
    by_cluster: dict[str, list] = {}
    for e in article.entities:
        if (e.start, e.end) in spans:
            by_cluster.setdefault(e.entity_id, []).append((e.start, e.end))
    return {(a, b) for group in by_cluster.values() for a in group for b in group if a < b}


def compare(pairs: list[tuple[GoldArticle, GoldArticle]]) -> dict:
    """Agreement figures over ``(first, second)`` article pairs."""
    ents = score_entities([(mentions(a), mentions(b)) for a, b in pairs])
    dates = score_dates([(list(a.dates), list(b.dates)) for a, b in pairs])
    rels = score_relations([triples(a, b) for a, b in pairs])
    tp = n_a = n_b = 0
    for a, b in pairs:
        common = {(e.start, e.end) for e in a.entities} & {(e.start, e.end) for e in b.entities}
        la, lb = links(a, common), links(b, common)
        tp, n_a, n_b = tp + len(la & lb), n_a + len(la), n_b + len(lb)
    hits, total = Counter(), Counter()
    for a, b in pairs:
        for name in ARTICLE_FIELDS:
            total[name] += 1
            hits[name] += (a.fields.get(name) or "") == (b.fields.get(name) or "")
    return {"entities": ents, "dates": dates, "relations": rels, "coref_links": prf(tp, n_b, n_a),
            "fields": {n: round(hits[n] / total[n], 4) for n in ARTICLE_FIELDS}}  # fmt: skip


def disagreements(first: GoldArticle, second: GoldArticle) -> list[str]:
    """Human-readable lines, one per disagreement (pass 1 ``<``, pass 2 ``>``)."""
    text = first.text
    lines = []
    a = {(e.start, e.end, e.label) for e in first.entities}
    b = {(e.start, e.end, e.label) for e in second.entities}
    for s, e, lab in sorted(a - b):
        lines.append(f"  entity < {text[s:e]!r} {lab} [{s},{e})")
    for s, e, lab in sorted(b - a):
        lines.append(f"  entity > {text[s:e]!r} {lab} [{s},{e})")
    da = {(d.start, d.end): d for d in first.dates}
    db = {(d.start, d.end): d for d in second.dates}
    for span in sorted(set(da) | set(db)):
        x, y = da.get(span), db.get(span)
        if x is None or y is None or (x.type, x.value) != (y.type, y.value):
            fmt = lambda d: f"{d.type}/{d.value}" if d else "-"  # noqa: E731
            lines.append(f"  date {text[span[0]:span[1]]!r}: < {fmt(x)} > {fmt(y)}")
    gold, pred = triples(first, second)
    names = {f"?{e.entity_id}": text[e.start:e.end] for e in reversed(second.entities)}
    names |= {f"?{d.id}": text[d.start:d.end] for d in second.dates}
    names |= {e.entity_id: text[e.start:e.end] for e in reversed(first.entities)}
    names |= {d.id: text[d.start:d.end] for d in first.dates}
    show = lambda t: f"{names.get(t[0], t[0])} {t[1]} {names.get(t[2], t[2])}"  # noqa: E731
    common = {(e.start, e.end) for e in first.entities} & {(e.start, e.end) for e in second.entities}
    la, lb = links(first, common), links(second, common)
    pair_text = lambda p: f"{text[p[0][0]:p[0][1]]!r} ~ {text[p[1][0]:p[1][1]]!r}"  # noqa: E731
    lines += sorted({f"  same id < {pair_text(p)}" for p in la - lb})
    lines += sorted({f"  same id > {pair_text(p)}" for p in lb - la})
    lines += [f"  relation < {show(t)}" for t in sorted(gold - pred)]
    lines += [f"  relation > {show(t)}" for t in sorted(pred - gold)]
    for name in ARTICLE_FIELDS:
        if (first.fields.get(name) or "") != (second.fields.get(name) or ""):
            lines.append(f"  field {name}: < {first.fields.get(name)!r} > {second.fields.get(name)!r}")
    return lines


def row(name: str, s: dict) -> str:
    e, d, r, c = s["entities"]["strict"], s["dates"], s["relations"]["micro"], s["coref_links"]
    return (f"| {name} | {e['n_gold']} / {e['n_pred']} | {e['f']:.3f} | {d['strict']['f']:.3f} | "
            f"{d['relaxed']['f']:.3f} | {d['value_accuracy']:.3f} | {r['n_gold']} / {r['n_pred']} | {r['f']:.3f} "
            f"| {c['f']:.3f} |")  # fmt: skip


def table(title: str, pairs: list[tuple[GoldArticle, GoldArticle]], ref: str, other: str) -> dict:
    """Print one per-article table with an overall row; return the overall figures."""
    print(f"\n### {title}\n")
    print(f"| article | entities {ref} / {other} | entity strict F1 | date strict F1 | date relaxed F1 "
          f"| date value agreement | relations {ref} / {other} | relation F1 | entity-id link F1 |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for a, b in pairs:
        print(row(a.article_id, compare([(a, b)])))
    overall = compare(pairs)
    print(row(f"**all {len(pairs)}**", overall))
    return overall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--first", default=str(ROOT / "gold" / "agreement" / "first_pass"))
    parser.add_argument("--second", default=str(ROOT / "gold" / "agreement" / "second_pass"))
    parser.add_argument("--adjudicated", default=str(ROOT / "gold"))
    parser.add_argument("--diff", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    second = {a.article_id: a for a in load_gold(args.second)}
    first = {a.article_id: a for a in load_gold(args.first) if a.article_id in second}
    final = {a.article_id: a for a in load_gold(args.adjudicated) if a.article_id in second}
    pairs = [(first[k], second[k]) for k in sorted(second)]
    overall = table("Agreement: pass 1 (reference) vs pass 2", pairs, "pass 1", "pass 2")
    print()
    print("date type agreement:", overall["dates"]["type_accuracy"], "| field agreement:", overall["fields"])
    print("entity F1 per label:", {k: v["f"] for k, v in overall["entities"]["per_label"].items()})
    print("relation F1 per relation:", {k: v["f"] for k, v in overall["relations"]["per_relation"].items()})
    table("Adjudicated gold (reference) vs pass 1", [(final[k], first[k]) for k in sorted(second)], "final", "pass 1")
    table("Adjudicated gold (reference) vs pass 2", [(final[k], second[k]) for k in sorted(second)], "final", "pass 2")
    if args.diff:
        for a, b in pairs:
            print(f"\n{a.article_id}")
            print("\n".join(disagreements(a, b)) or "  (none)")


if __name__ == "__main__":
    main()
