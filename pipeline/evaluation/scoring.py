"""Scores of predicted tables against gold.

- Entities: the four schemes of SemEval-2013 task 9.1 as nervaluate counts them (strict: same
  span and label; exact: same span; partial: overlapping span, half credit; type: overlapping
  span and same label), micro and per label. Offsets are end-exclusive throughout.
- Dates: TempEval-3: one-to-one matching of overlapping spans; strict and relaxed span P/R/F1;
  type and value accuracy over relaxed matches; ``value_f1 = value accuracy x relaxed F1``.
- Relations: a prediction is correct when its name matches and its head and tail spans are
  gold mentions of the gold relation's entities; scored as sets of (head entity, relation,
  tail entity) per article, micro and per relation.
- Article fields: accuracy per field.

A label map (``{"GPE": "LOC", ...}``, a label mapped to ``None`` is not scored) lets the same
scorer score other schemes. Scorers return plain dicts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from .gold import GoldArticle
from ..core.schema import ARTICLE_FIELDS


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str


def prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def match_one_to_one(gold: list, pred: list) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index): exact spans first, then the largest overlaps."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for pi, p in enumerate(pred):
        for gi, g in enumerate(gold):
            if gi not in used_g and (g.start, g.end) == (p.start, p.end):
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
                break
    candidates = sorted(
        ((min(g.end, p.end) - max(g.start, p.start), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(pred)
         if gi not in used_g and pi not in used_p and overlaps(g, p)),
        reverse=True,
    )  # fmt: skip
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def score_entities(pairs_of_articles: Iterable[tuple[list[Mention], list[Mention]]]) -> dict:
    counts = {scheme: Counter() for scheme in ("strict", "exact", "partial", "type")}
    per_label: dict[str, Counter] = defaultdict(Counter)
    for gold, pred in pairs_of_articles:
        for label in {m.label for m in gold} | {m.label for m in pred}:
            g = {(m.start, m.end) for m in gold if m.label == label}
            p = {(m.start, m.end) for m in pred if m.label == label}
            per_label[label].update(tp=len(g & p), n_gold=len(g), n_pred=len(p))
        matched = match_one_to_one(gold, pred)
        for gi, pi in matched:
            g, p = gold[gi], pred[pi]
            same_span = (g.start, g.end) == (p.start, p.end)
            same_label = g.label == p.label
            counts["strict"]["cor" if same_span and same_label else "inc"] += 1
            counts["exact"]["cor" if same_span else "inc"] += 1
            counts["partial"]["cor" if same_span else "par"] += 1
            counts["type"]["cor" if same_label else "inc"] += 1
        for c in counts.values():
            c["mis"] += len(gold) - len(matched)
            c["spu"] += len(pred) - len(matched)
    out = {}
    for scheme, c in counts.items():
        possible = c["cor"] + c["inc"] + c["par"] + c["mis"]
        actual = c["cor"] + c["inc"] + c["par"] + c["spu"]
        out[scheme] = prf(c["cor"] + 0.5 * c["par"], actual, possible)
    out["per_label"] = {label: prf(c["tp"], c["n_pred"], c["n_gold"]) for label, c in sorted(per_label.items())}
    return out


def score_dates(pairs_of_articles: Iterable[tuple[list, list]]) -> dict:
    """TempEval-3 scores; items carry ``start``, ``end``, ``type``, ``value``."""
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for gold, pred in pairs_of_articles:
        n_gold += len(gold)
        n_pred += len(pred)
        for gi, pi in match_one_to_one(gold, pred):
            g, p = gold[gi], pred[pi]
            relaxed += 1
            strict += (g.start, g.end) == (p.start, p.end)
            type_ok += g.type == p.type
            value_ok += g.value == p.value
    strict_s = prf(strict, n_pred, n_gold)
    relaxed_s = prf(relaxed, n_pred, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "strict": strict_s,
        "relaxed": relaxed_s,
        "type_accuracy": type_acc,
        "value_accuracy": value_acc,
        "type_f1": type_acc * relaxed_s["f"],
        "value_f1": value_acc * relaxed_s["f"],
    }


def score_relations(pairs_of_articles: Iterable[tuple[set, set]]) -> dict:
    per: dict[str, Counter] = defaultdict(Counter)
    for gold, pred in pairs_of_articles:
        for name in {r[1] for r in gold} | {r[1] for r in pred}:
            g = {r for r in gold if r[1] == name}
            p = {r for r in pred if r[1] == name}
            per[name].update(tp=len(g & p), n_gold=len(g), n_pred=len(p))
    total = sum(per.values(), Counter())
    return {
        "micro": prf(total["tp"], total["n_pred"], total["n_gold"]),
        "per_relation": {name: prf(c["tp"], c["n_pred"], c["n_gold"]) for name, c in sorted(per.items())},
    }


def _relabel(label: str, label_map: dict | None) -> str | None:
    if label_map is None:
        return label
    return label_map.get(label, label)


def evaluate(gold: list[GoldArticle], pred: dict[str, pd.DataFrame], *, label_map: dict | None = None) -> dict:
    """Score predicted tables (``entities``, ``dates``, ``relations``, ``articles``) against gold."""
    by_article = {name: {k: g for k, g in frame.groupby("article_id")} if len(frame) else {} for name, frame in pred.items()}
    empty = pd.DataFrame()
    ent_pairs, date_pairs, rel_pairs = [], [], []
    field_hits: Counter = Counter()
    field_total: Counter = Counter()
    missing = []
    for g in gold:
        aid = g.article_id
        if aid not in by_article.get("articles", {}):
            missing.append(aid)
        ents = by_article.get("entities", {}).get(aid, empty)
        gold_m = [Mention(e.start, e.end, lab) for e in g.entities if (lab := _relabel(e.label, label_map))]
        pred_m = [
            Mention(int(r.start), int(r.end), lab)
            for r in ents.itertuples() if (lab := _relabel(r.label, label_map))
        ]  # fmt: skip
        ent_pairs.append((gold_m, pred_m))
        dates = by_article.get("dates", {}).get(aid, empty)
        pred_d = [_DateItem(int(r.start), int(r.end), r.type, str(r.value)) for r in dates.itertuples()]
        date_pairs.append((list(g.dates), pred_d))
        rel_pairs.append(_relation_sets(g, ents, dates, by_article.get("relations", {}).get(aid, empty)))
        arts = by_article.get("articles", {}).get(aid)
        if arts is not None and len(arts):
            row = arts.iloc[0]
            for name in ARTICLE_FIELDS:
                if name in g.fields:
                    field_total[name] += 1
                    field_hits[name] += str(row.get(name, "") or "").strip() == str(g.fields[name]).strip()
    return {
        "n_articles": len(gold),
        "missing_predictions": missing,
        "entities": score_entities(ent_pairs),
        "dates": score_dates(date_pairs),
        "relations": score_relations(rel_pairs),
        "articles": {name: field_hits[name] / field_total[name] for name in ARTICLE_FIELDS if field_total[name]},
    }


@dataclass(frozen=True)
class _DateItem:
    start: int
    end: int
    type: str
    value: str


def _relation_sets(g: GoldArticle, ents: pd.DataFrame, dates: pd.DataFrame, rels: pd.DataFrame) -> tuple[set, set]:
    """Gold and predicted relations as (head entity, relation, tail entity) sets."""
    cluster = {e.id: e.entity_id for e in g.entities} | {d.id: d.id for d in g.dates}
    gold_set = {(cluster[r.head], r.relation, cluster[r.tail]) for r in g.relations}
    by_span = {(e.start, e.end): e.entity_id for e in g.entities}
    date_by_span = {(d.start, d.end): d.id for d in g.dates}
    pred_set = set()
    for i, r in enumerate(rels.itertuples()):
        head = by_span.get((int(r.head_start), int(r.head_end)))
        spans = date_by_span if r.relation == "event_date" else by_span
        tail = spans.get((int(r.tail_start), int(r.tail_end)))
        # An argument that is no gold mention makes the prediction wrong but still counted.
        pred_set.add((head or f"?h{i}", r.relation, tail or f"?t{i}"))
    return gold_set, pred_set
