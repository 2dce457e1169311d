"""Build the second-pass gold lines from hand-chosen spans.

Each span is written as a context string from the article with the span in [[double
brackets]]; the context (brackets removed) must occur exactly once in the text, so an offset
can never silently land on the wrong occurrence. Mention and date ids are numbered in text
order; relations name mentions by the short keys given here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def locate(text: str, ctx: str) -> tuple[int, int]:
    """Offsets of the bracketed span inside the unique occurrence of ``ctx``."""
    plain = ctx.replace("[[", "").replace("]]", "")
    first = text.find(plain)
    if first < 0 or text.find(plain, first + 1) >= 0:
        raise ValueError(f"context {ctx!r} found {text.count(plain)} times")
    start = first + ctx.index("[[")
    end = start + len(ctx[ctx.index("[[") + 2 : ctx.index("]]")])
    return start, end


def build(article_id: str, published: str, ents: list, dates: list, rels: list, fields: dict) -> dict:
    """``ents``: (ctx, label, entity key, mention key|None); ``dates``: (ctx, type, value, key|None)."""
    text = (ROOT / "seeds" / f"{article_id}.txt").read_text(encoding="utf-8")
    placed = sorted(((*locate(text, c), lab, eid, key) for c, lab, eid, key in ents), key=lambda x: x[:2])
    entities, keys, eids = [], {}, {}
    for n, (s, e, lab, eid, key) in enumerate(placed, start=1):
        mid = f"m{n}"
        eids.setdefault(eid, f"E{len(eids) + 1}")
        entities.append({"id": mid, "entity_id": eids[eid], "start": s, "end": e, "label": lab, "text": text[s:e]})
        if key:
            if key in keys:
                raise ValueError(f"duplicate key {key}")
            keys[key] = mid
    dplaced = sorted(((*locate(text, c), t, v, key) for c, t, v, key in dates), key=lambda x: x[:2])
    out_dates = []
    for n, (s, e, t, v, key) in enumerate(dplaced, start=1):
        did = f"d{n}"
        out_dates.append({"id": did, "start": s, "end": e, "type": t, "value": v, "text": text[s:e]})
        if key:
            keys[key] = did
    spans = [(x["start"], x["end"]) for x in entities]
    if len(set(spans)) != len(spans):
        raise ValueError(f"{article_id}: duplicate entity span")
    relations = [{"head": keys[h], "relation": r, "tail": keys[t]} for h, r, t in rels]
    return {"article_id": article_id, "text": text, "published": published, "entities": entities,
            "dates": out_dates, "relations": relations, "articles": fields}


def write(item: dict, folder: Path) -> None:
    (folder / f"{item['article_id']}.jsonl").write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    import specs  # noqa: E402

    for spec in specs.SPECS:
        write(build(**spec), Path(__file__).parent)
        print(spec["article_id"], "written")
