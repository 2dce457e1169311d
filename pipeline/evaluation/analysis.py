"""Error analysis: every false positive and false negative against gold, with its context.

Each error is one :class:`ExtractionError` row, classified by ``stage`` (entities, dates,
relations, articles), ``label`` and ``kind``:

- ``span boundary``: a prediction overlaps a gold span but its boundaries differ;
- ``wrong label``: the spans overlap but the entity label / date type / relation name differs;
- ``wrong value``: a matched date with another TIMEX3 value, or an article field that differs;
- ``missing``: a gold item with no prediction (false negative);
- ``spurious``: a prediction with no gold item (false positive).

Matching is the scorer's (:func:`newsie.evaluation.scoring.match_one_to_one`, exact spans first, then
largest overlaps), so the counts here add up to the scores: a matched pair whose span and
label both differ yields one ``span boundary`` and one ``wrong label`` row, as it costs one
point under the exact and one under the type scheme.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pandas as pd

from .gold import GoldArticle
from .scoring import match_one_to_one

KINDS = ("span boundary", "wrong label", "wrong value", "missing", "spurious")
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class ExtractionError:
    stage: str
    label: str
    kind: str
    article_id: str
    gold_start: int = -1
    gold_end: int = -1
    gold_text: str = ""
    gold_label: str = ""
    gold_value: str = ""
    pred_start: int = -1
    pred_end: int = -1
    pred_text: str = ""
    pred_label: str = ""
    pred_value: str = ""
    context: str = ""


ERROR_COLUMNS = [f.name for f in fields(ExtractionError)]


def context(text: str, start: int, end: int, *, width: int = CONTEXT_CHARS, marks: list | None = None) -> str:
    """``...left [span] right...`` on one line, for reading errors in a terminal or a sheet.

    ``marks`` (sorted, non-overlapping ``(start, end)`` pairs inside ``[start, end)``) are
    bracketed instead of the whole span, e.g. the two arguments of a relation.
    """
    lo, hi = max(0, start - width), min(len(text), end + width)
    pieces, at = [], lo
    for s, e in marks if marks is not None else [(start, end)]:
        if s < at:  # overlapping arguments: bracket the first only
            continue
        pieces += [text[at:s], "[", text[s:e], "]"]
        at = e
    pieces.append(text[at:hi])
    # Newlines would break CSV rows and terminal lines.
    flat = " ".join("".join(pieces).split()).replace("[ ", "[").replace(" ]", "]")
    return ("..." if lo > 0 else "") + flat + ("..." if hi < len(text) else "")


def _text(text: str, item) -> str:
    return text[item.start : item.end]


def find_errors(gold: list[GoldArticle], pred: dict[str, pd.DataFrame]) -> list[ExtractionError]:
    """Every error of the predicted tables against the gold articles."""
    by_article = {name: dict(iter(frame.groupby("article_id"))) if len(frame) else {} for name, frame in pred.items()}
    empty = pd.DataFrame()
    out: list[ExtractionError] = []
    for g in gold:
        rows = {name: by_article.get(name, {}).get(g.article_id, empty) for name in ("entities", "dates", "relations", "articles")}
        out += entity_errors(g, _records(rows["entities"]))
        out += date_errors(g, _records(rows["dates"]))
        out += relation_errors(g, _records(rows["relations"]))
        out += field_errors(g, _records(rows["articles"]))
    return out


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict("records") if len(frame) else []


@dataclass(frozen=True)
class _Item:
    """A gold or predicted span as the comparison sees it (``label``: entity label or date type)."""

    start: int
    end: int
    label: str
    value: str = ""


def _span_errors(stage: str, g: GoldArticle, gold: list[_Item], pred: list[_Item]) -> list[ExtractionError]:
    """Errors of one span layer (entities or dates) of one article."""
    text = g.text
    pairs = match_one_to_one(gold, pred)

    def row(kind: str, label: str, gi: int | None, pi: int | None) -> ExtractionError:
        gx = gold[gi] if gi is not None else None
        px = pred[pi] if pi is not None else None
        lo = min(x.start for x in (gx, px) if x is not None)
        hi = max(x.end for x in (gx, px) if x is not None)
        return ExtractionError(
            stage, label, kind, g.article_id,
            gx.start if gx else -1, gx.end if gx else -1, text[gx.start : gx.end] if gx else "",
            gx.label if gx else "", gx.value if gx else "",
            px.start if px else -1, px.end if px else -1, text[px.start : px.end] if px else "",
            px.label if px else "", px.value if px else "",
            context(text, lo, hi),
        )  # fmt: skip

    out = []
    for gi, pi in pairs:
        gx, px = gold[gi], pred[pi]
        if (gx.start, gx.end) != (px.start, px.end):
            out.append(row("span boundary", gx.label, gi, pi))
        if gx.label != px.label:
            out.append(row("wrong label", gx.label, gi, pi))
        if gx.value != px.value:
            out.append(row("wrong value", gx.label, gi, pi))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    out += [row("missing", x.label, gi, None) for gi, x in enumerate(gold) if gi not in matched_g]
    out += [row("spurious", x.label, None, pi) for pi, x in enumerate(pred) if pi not in matched_p]
    return out


def entity_errors(g: GoldArticle, pred: list[dict]) -> list[ExtractionError]:
    gold = [_Item(e.start, e.end, e.label) for e in g.entities]
    return _span_errors("entities", g, gold, [_Item(int(r["start"]), int(r["end"]), r["label"]) for r in pred])


def date_errors(g: GoldArticle, pred: list[dict]) -> list[ExtractionError]:
    gold = [_Item(d.start, d.end, d.type, d.value) for d in g.dates]
    items = [_Item(int(r["start"]), int(r["end"]), r["type"], str(r["value"])) for r in pred]
    return _span_errors("dates", g, gold, items)


def relation_errors(g: GoldArticle, pred: list[dict]) -> list[ExtractionError]:
    """Relations compared as (head entity, relation, tail entity), as the scorer does.

    A prediction linking the same two gold entities as a gold relation under another name is a
    ``wrong label``; the rest are ``missing`` and ``spurious``.
    """
    text = g.text
    mentions: dict[str, object] = {e.id: e for e in g.entities} | {d.id: d for d in g.dates}
    cluster = {e.id: e.entity_id for e in g.entities} | {d.id: d.id for d in g.dates}
    by_span = {(e.start, e.end): e.entity_id for e in g.entities}
    date_by_span = {(d.start, d.end): d.id for d in g.dates}
    gold_items: dict[tuple, object] = {}
    for r in g.relations:
        gold_items.setdefault((cluster[r.head], r.relation, cluster[r.tail]), r)
    pred_items: dict[tuple, dict] = {}
    for i, r in enumerate(pred):
        head = by_span.get((int(r["head_start"]), int(r["head_end"])), f"?h{i}")
        spans = date_by_span if r["relation"] == "event_date" else by_span
        tail = spans.get((int(r["tail_start"]), int(r["tail_end"])), f"?t{i}")
        pred_items.setdefault((head, r["relation"], tail), r)
    missing = [k for k in gold_items if k not in pred_items]
    spurious = [k for k in pred_items if k not in gold_items]

    def row(kind: str, gk: tuple | None, pk: tuple | None) -> ExtractionError:
        gr, pr = gold_items.get(gk), pred_items.get(pk)
        gold_spans = sorted(((m.start, m.end) for m in (mentions[gr.head], mentions[gr.tail])) if gr else [])
        pred_spans = sorted([(int(pr["head_start"]), int(pr["head_end"])), (int(pr["tail_start"]), int(pr["tail_end"]))] if pr else [])
        if pr:  # the sentence the prediction rests on, its arguments marked
            where = context(text, int(pr["evidence_start"]), int(pr["evidence_end"]), width=0, marks=pred_spans)
        else:
            where = context(text, gold_spans[0][0], gold_spans[-1][1], marks=gold_spans)
        return ExtractionError(
            "relations", (gk or pk)[1], kind, g.article_id,
            gold_spans[0][0] if gr else -1, gold_spans[-1][1] if gr else -1,
            f"{_text(text, mentions[gr.head])} -> {_text(text, mentions[gr.tail])}" if gr else "", gk[1] if gk else "", "",
            pred_spans[0][0] if pr else -1, pred_spans[-1][1] if pr else -1,
            f"{pr['head_text']} -> {pr['tail_text']}" if pr else "", pk[1] if pk else "", "", where,
        )  # fmt: skip

    out = []
    for pk in list(spurious):
        gk = next((k for k in missing if (k[0], k[2]) == (pk[0], pk[2])), None)
        if gk is not None:
            out.append(row("wrong label", gk, pk))
            missing.remove(gk)
            spurious.remove(pk)
    out += [row("missing", k, None) for k in missing]
    out += [row("spurious", None, k) for k in spurious]
    return out


def field_errors(g: GoldArticle, pred: list[dict]) -> list[ExtractionError]:
    """Article fields: ``missing``, ``spurious`` or ``wrong value`` against the gold fields."""
    if not pred:
        return []
    row = pred[0]
    out = []
    for name, gold_value in g.fields.items():
        want = str(gold_value or "").strip()
        got = str(row.get(name, "") or "").strip()
        if want == got:
            continue
        kind = "missing" if not got else "spurious" if not want else "wrong value"
        out.append(ExtractionError("articles", name, kind, g.article_id, gold_value=want, pred_value=got))
    return out


def errors_frame(errors: list[ExtractionError]) -> pd.DataFrame:
    """Errors as a table, the most frequent (stage, label, kind) groups first."""
    frame = pd.DataFrame([asdict(e) for e in errors], columns=ERROR_COLUMNS)
    if not len(frame):
        return frame
    frame["group_size"] = frame.groupby(["stage", "label", "kind"])["article_id"].transform("size")
    frame = frame.sort_values(
        ["group_size", "stage", "label", "kind", "article_id", "gold_start", "pred_start"],
        ascending=[False, True, True, True, True, True, True], kind="stable",
    )  # fmt: skip
    return frame.reset_index(drop=True)


def error_groups(errors: list[ExtractionError]) -> list[tuple[tuple[str, str, str], int]]:
    """``((stage, label, kind), count)`` pairs, most frequent first (ties by name)."""
    counts = Counter((e.stage, e.label, e.kind) for e in errors)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def write_errors(errors: list[ExtractionError], folder: str | Path) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "errors.csv"
    errors_frame(errors).to_csv(path, index=False, lineterminator="\n")
    return path


def format_errors(errors: list[ExtractionError], *, examples: int = 0) -> str:
    """Errors grouped by stage, label and kind, most frequent group first.

    ``examples`` caps the rows listed per group (0: all of them).
    """
    lines = [f"Errors against gold: {len(errors)}"]
    frame = errors_frame(errors)
    for (stage, label, kind), count in error_groups(errors):
        lines.append(f"\n{stage} / {label} / {kind}: {count}")
        group = frame[(frame.stage == stage) & (frame.label == label) & (frame.kind == kind)]
        for r in group.head(examples or len(group)).itertuples():
            if stage == "articles":
                lines.append(f"  {r.article_id}: gold {r.gold_value!r}, predicted {r.pred_value!r}")
                continue
            gold = f"gold {r.gold_text!r}" + (f" {r.gold_label}" if kind == "wrong label" else "") + (f" = {r.gold_value}" if r.gold_value else "")
            pred = f"pred {r.pred_text!r}" + (f" {r.pred_label}" if kind == "wrong label" else "") + (f" = {r.pred_value}" if r.pred_value else "")
            said = ", ".join(s for s, has in ((gold, r.gold_start >= 0), (pred, r.pred_start >= 0)) if has)
            lines.append(f"  {r.article_id}: {said}\n      {r.context}")
        if examples and len(group) > examples:
            lines.append(f"  ... {len(group) - examples} more in errors.csv")
    return "\n".join(lines)
