"""The HTML report: one self-contained page to read what the pipeline found and how well.

``outputs/report.html`` holds a corpus summary (articles, entities by label, dates by type,
relations by name, failures and, with gold, error groups), the scores with per-label SVG bar
charts when gold exists, and per article the raw text with entities and dates highlighted by
displaCy (date values shown in the tag and on hover), gold and prediction side by side, and the
article's relations and events as tables. Everything is inline: no script, style sheet or font
is fetched, so the file can be mailed or opened offline.

displaCy's ``ent`` style cannot nest highlights, while news mentions do nest ("CSO" inside the
event "CSO meeting"). The outermost spans are drawn in the text; nested and overlapping ones are
drawn below it, each in its own short excerpt, so every mention is highlighted exactly once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

import jinja2
import pandas as pd
from markupsafe import Markup
from spacy import displacy

from .. import __version__
from .charts import count_chart, score_chart
from ..evaluation.analysis import error_groups, find_errors
from ..evaluation.gold import GoldArticle
from ..run.io import Article, write_text_atomic
from ..evaluation.labelstudio import COLORS
from ..evaluation.scoring import evaluate

EXCERPT_CHARS = 60
# displaCy's entity template with the extra attributes the page needs: kind and label for
# styling and counting, the hover text, a correctness status, and the date value in the tag.
MARK_TEMPLATE = (
    '<mark class="entity {kind}{status}" data-kind="{kind}" data-label="{label}" title="{hover}" '
    'style="background: {bg};">{text}<span class="tag">{label}{value}</span></mark>'
)


@dataclass(frozen=True)
class Highlight:
    """One span to draw: an entity mention or a date, in raw offsets."""

    start: int
    end: int
    label: str
    kind: str  # "entity" or "date"
    hover: str
    value: str = ""
    status: str = ""  # "", " ok", " bad" (prediction not in gold) or " miss" (gold not predicted)

    def key(self) -> tuple:
        return (self.start, self.end, self.label, self.value)

    def displacy(self, shift: int = 0) -> dict:
        value = f' <span class="val">{escape(self.value)}</span>' if self.value else ""
        params = {"kind": self.kind, "status": self.status, "hover": escape(self.hover, quote=True), "value": value}
        return {"start": self.start - shift, "end": self.end - shift, "label": self.label, "params": params}


def split_overlaps(spans: list[Highlight]) -> tuple[list[Highlight], list[Highlight]]:
    """``(drawn in the text, drawn apart)``: the longest span wins where spans overlap."""
    main: list[Highlight] = []
    rest: list[Highlight] = []
    end = -1
    for h in sorted(spans, key=lambda h: (h.start, -(h.end - h.start), h.kind)):
        (main if h.start >= end else rest).append(h)
        if h.start >= end:
            end = h.end
    return main, rest


def render_text(text: str, spans: list[Highlight]) -> str:
    """displaCy markup of ``text`` with every span highlighted once."""
    main, rest = split_overlaps(spans)
    html = _displacy(text, main)
    if rest:
        items = []
        for h in rest:
            lo, hi = max(0, h.start - EXCERPT_CHARS), min(len(text), h.end + EXCERPT_CHARS)
            # Same-length replacement keeps the offsets; line breaks would split the list item.
            excerpt = _displacy(text[lo:hi].replace("\n", " "), [h], shift=lo)
            items.append(f'<li>{"…" if lo else ""}{excerpt}{"…" if hi < len(text) else ""}</li>')
        html += f'<div class="nested"><p>Nested or overlapping ({len(rest)}):</p><ul>{"".join(items)}</ul></div>'
    return html


def _displacy(text: str, spans: list[Highlight], shift: int = 0) -> str:
    doc = {"text": text, "ents": [h.displacy(shift) for h in spans], "title": None}
    options = {"colors": COLORS, "template": MARK_TEMPLATE}
    return displacy.render(doc, style="ent", manual=True, jupyter=False, options=options)


def predicted_highlights(entities: list[dict], dates: list[dict], gold: GoldArticle | None) -> list[Highlight]:
    """The predicted spans; with gold, each marked ``ok`` or ``bad`` (span, label, value)."""
    gold_ents = {(e.start, e.end, e.label) for e in gold.entities} if gold else set()
    gold_dates = {(d.start, d.end, d.type, d.value) for d in gold.dates} if gold else set()
    out = []
    for e in entities:
        key = (int(e["start"]), int(e["end"]), e["label"])
        hover = f"{e['label']} · {e['entity_id']}" + (f" · {e['canonical']}" if e["canonical"] != e["text"] else "")
        out.append(Highlight(*key, "entity", hover, status=_status(gold, key in gold_ents, " bad")))
    for d in dates:
        key = (int(d["start"]), int(d["end"]), d["type"], str(d["value"]))
        hover = f"{d['type']} = {d['value']}" + (f" (anchor {d['anchor']})" if d["anchor"] else "")
        out.append(Highlight(*key[:3], "date", hover, value=key[3], status=_status(gold, key in gold_dates, " bad")))
    return out


def gold_highlights(gold: GoldArticle, entities: list[dict], dates: list[dict]) -> list[Highlight]:
    """The gold spans, each marked ``ok`` or ``miss`` against the predictions."""
    pred_ents = {(int(e["start"]), int(e["end"]), e["label"]) for e in entities}
    pred_dates = {(int(d["start"]), int(d["end"]), d["type"], str(d["value"])) for d in dates}
    out = []
    for e in gold.entities:
        key = (e.start, e.end, e.label)
        out.append(Highlight(*key, "entity", f"{e.label} · {e.entity_id}", status=_status(gold, key in pred_ents, " miss")))
    for d in gold.dates:
        key = (d.start, d.end, d.type, d.value)
        ok = key in pred_dates
        out.append(Highlight(d.start, d.end, d.type, "date", f"{d.type} = {d.value}", value=d.value, status=_status(gold, ok, " miss")))
    return out


def _status(gold: GoldArticle | None, ok: bool, wrong: str) -> str:
    if gold is None:
        return ""
    return " ok" if ok else wrong


def summary(frames: dict[str, pd.DataFrame]) -> dict:
    """Counts for the corpus summary."""
    arts = frames["articles"]

    def counts(name: str, column: str) -> dict[str, int]:
        return dict(Counter(frames[name][column]).most_common()) if len(frames[name]) else {}

    failed = arts[arts["status"] != "ok"] if len(arts) else arts
    return {
        "n_articles": len(arts),
        "n_failed": len(failed),
        "failed": failed[["article_id", "error"]].to_dict("records") if len(failed) else [],
        "entities": counts("entities", "label"),
        "dates": counts("dates", "type"),
        "relations": counts("relations", "relation"),
        "n_entities": len(frames["entities"]),
        "n_dates": len(frames["dates"]),
        "n_relations": len(frames["relations"]),
    }


def events_table(entities: list[dict], relations: list[dict], dates: list[dict]) -> list[dict]:
    """One row per EVENT entity (its mentions grouped) with what the relations say about it."""
    values = {(int(d["start"]), int(d["end"])): str(d["value"]) for d in dates}
    mentions: dict[str, list[str]] = {}
    for e in entities:
        if e["label"] == "EVENT":
            mentions.setdefault(e["entity_id"], []).append(e["text"])
    rows = []
    for entity_id, texts in mentions.items():

        def args(name: str, side: str) -> str:
            """The other argument of the ``name`` relations of this event, on ``side``."""
            found = []
            for r in relations:
                if r["relation"] != name or entity_id not in (r["head_id"], r["tail_id"]) or r[f"{side}_id"] == entity_id:
                    continue
                where = (int(r[f"{side}_start"]), int(r[f"{side}_end"]))
                text = r[f"{side}_text"]
                found.append(f"{text} ({values[where]})" if name == "event_date" and where in values else text)
            return "; ".join(dict.fromkeys(found))

        rows.append({
            "text": " / ".join(dict.fromkeys(texts)), "entity_id": entity_id,
            "date": args("event_date", "tail"), "location": args("event_location", "tail"),
            "participants": args("participates_in", "head"), "chairs": args("chairs", "head"),
        })  # fmt: skip
    return rows


def relation_rows(text: str, relations: list[dict], gold_keys: set | None) -> list[dict]:
    rows = []
    for r in relations:
        start, end = int(r["evidence_start"]), int(r["evidence_end"])
        evidence = " ".join(text[start:end].split()) if text else ""
        key = ((int(r["head_start"]), int(r["head_end"])), r["relation"], (int(r["tail_start"]), int(r["tail_end"])))
        rows.append({
            "head": r["head_text"], "relation": r["relation"], "tail": r["tail_text"],
            "confidence": r["confidence"], "evidence": evidence,
            "in_gold": None if gold_keys is None else key in gold_keys,
        })  # fmt: skip
    return rows


def gold_relation_rows(gold: GoldArticle) -> tuple[list[dict], set]:
    """Gold relations as rows, and the (head span, name, tail span) keys of every mention pair."""
    spans = {e.id: (e.start, e.end) for e in gold.entities} | {d.id: (d.start, d.end) for d in gold.dates}
    members: dict[str, list] = {}
    for e in gold.entities:
        members.setdefault(e.entity_id, []).append((e.start, e.end))
    cluster = {e.id: e.entity_id for e in gold.entities}
    keys = set()
    rows = []
    for r in gold.relations:
        heads = members.get(cluster.get(r.head, ""), [spans[r.head]])
        tails = members.get(cluster.get(r.tail, ""), [spans[r.tail]])
        keys |= {(h, r.relation, t) for h in heads for t in tails}
        rows.append({"head": gold.text[slice(*spans[r.head])], "relation": r.relation, "tail": gold.text[slice(*spans[r.tail])]})
    return rows, keys


def article_view(article: Article, rows: dict[str, list[dict]], gold: GoldArticle | None) -> dict:
    text = article.text
    ents, dates, rels = rows["entities"], rows["dates"], rows["relations"]
    gold_rows, gold_keys = gold_relation_rows(gold) if gold else ([], None)
    fields = rows["articles"][0] if rows["articles"] else {}
    view = {
        "id": article.article_id,
        "status": fields.get("status", "missing"),
        "error": fields.get("error", "") or article.error,
        "fields": {k: fields.get(k, "") for k in ("published", "title", "source", "via", "dateline_place", "dateline_date")},
        "gold_fields": dict(gold.fields) | {"published": gold.published} if gold else {},
        "n_pred": len(ents) + len(dates),
        "n_gold": len(gold.entities) + len(gold.dates) if gold else 0,
        "pred_html": Markup(render_text(text, predicted_highlights(ents, dates, gold))) if text else "",
        "gold_html": Markup(render_text(text, gold_highlights(gold, ents, dates))) if gold else "",
        "relations": relation_rows(text, rels, gold_keys),
        "gold_relations": gold_rows,
        "events": events_table(ents, rels, dates),
        "has_gold": gold is not None,
    }
    return view


def build_report(articles: list[Article], frames: dict[str, pd.DataFrame], gold: list[GoldArticle], *, title: str = "newsie report") -> str:
    """The whole page as one HTML string; ``gold`` may be empty."""
    ids = [a.article_id for a in articles]
    frames = {name: frame[frame["article_id"].isin(ids)] if len(frame) else frame for name, frame in frames.items()}
    gold = [g for g in gold if g.article_id in set(ids)]
    by_id = {g.article_id: g for g in gold}
    grouped = {name: dict(iter(frame.groupby("article_id"))) if len(frame) else {} for name, frame in frames.items()}
    empty: list[dict] = []

    def rows(aid: str, name: str) -> list[dict]:
        frame = grouped.get(name, {}).get(aid)
        return frame.to_dict("records") if frame is not None else empty

    scores = evaluate(gold, frames) if gold else None
    errors = find_errors(gold, frames) if gold else []
    charts = []
    if scores:
        charts.append(score_chart("Entities per label", scores["entities"]["per_label"]))
        charts.append(score_chart("Relations per relation", scores["relations"]["per_relation"]))
        d = scores["dates"]
        charts.append(score_chart("Dates", {"strict span": d["strict"], "relaxed span": d["relaxed"]}))
    info = summary(frames)
    views = [article_view(a, {n: rows(a.article_id, n) for n in ("articles", "entities", "dates", "relations")}, by_id.get(a.article_id)) for a in articles]  # fmt: skip
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(resources.files(__package__).joinpath("templates/report.html.j2").read_text(encoding="utf-8"))
    return template.render(
        title=title, version=__version__, summary=info, scores=scores, articles=views,
        score_charts=[Markup(c) for c in charts],
        count_charts=[
            Markup(count_chart("Entities by label", info["entities"], COLORS)),
            Markup(count_chart("Dates by type", info["dates"], COLORS)),
            Markup(count_chart("Relations by name", info["relations"])),
        ],
        error_groups=error_groups(errors)[:20], n_errors=len(errors), colors=COLORS,
    )  # fmt: skip


def write_report(html: str, path: str | Path) -> Path:
    """Write the page atomically: a failed write leaves the previous report, never a torn one."""
    return write_text_atomic(path, html)
