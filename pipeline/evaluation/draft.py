"""Draft gold: the pipeline's predictions written in the gold format, for a person to correct.

A draft is a gold line (see ``gold/GUIDELINES.md``) built from the predicted tables of one
article: entity mentions ``m1, m2, ...`` with the predicted ``entity_id`` as coreference
cluster, dates ``d1, d2, ...``, relations between those mention ids, and the article fields.
Every span carries its ``text`` so that :func:`newsie.evaluation.gold.validate_gold` checks it against
the raw text. A predicted relation whose arguments or labels do not fit the schema is left out
(and logged), so a draft always validates.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable

import pandas as pd
from spacy.language import Language

from ..run.io import Article, read_articles
from ..run.records import to_frames
from ..run.extract import process
from ..core.schema import ARTICLE_FIELDS, RELATIONS

logger = logging.getLogger(__name__)


def predict(paths: Iterable[str | Path], nlp: Language) -> tuple[list[Article], dict[str, pd.DataFrame]]:
    """Read the articles under ``paths`` and run the pipeline: ``(articles, tables)``."""
    articles = list(read_articles(paths))
    return articles, to_frames(process(nlp, articles))


def draft_gold(articles: Iterable[Article], frames: dict[str, pd.DataFrame]) -> list[dict]:
    """One gold-format dict per readable article that the tables describe, in input order."""
    groups = {name: dict(iter(frame.groupby("article_id"))) if len(frame) else {} for name, frame in frames.items()}
    empty = pd.DataFrame()
    drafts = []
    for article in articles:
        rows = groups.get("articles", {}).get(article.article_id)
        if article.error or rows is None or rows.iloc[0]["status"] != "ok":
            logger.warning("no draft for %s: the article was not processed", article.article_id)
            continue
        drafts.append(
            draft_article(
                article.article_id, article.text, rows.iloc[0].to_dict(),
                groups.get("entities", {}).get(article.article_id, empty),
                groups.get("dates", {}).get(article.article_id, empty),
                groups.get("relations", {}).get(article.article_id, empty),
            )
        )  # fmt: skip
    return drafts


def draft_article(
    article_id: str, text: str, fields: dict, entities: pd.DataFrame, dates: pd.DataFrame, relations: pd.DataFrame
) -> dict:
    """The gold line of one article from its predicted rows (raw offsets, as in the tables)."""
    mentions: list[dict] = []
    mention_ids: dict[tuple[int, int], str] = {}
    labels: dict[str, str] = {}
    for row in _sorted(entities):
        span = (int(row["start"]), int(row["end"]))
        if span in mention_ids:  # one mention per span, as the gold format wants
            continue
        ident = f"m{len(mentions) + 1}"
        mention_ids[span] = ident
        labels[ident] = row["label"]
        mentions.append(
            {"id": ident, "entity_id": str(row["entity_id"]), "start": span[0], "end": span[1],
             "label": row["label"], "text": text[span[0] : span[1]]}
        )  # fmt: skip
    timexes: list[dict] = []
    date_ids: dict[tuple[int, int], str] = {}
    for row in _sorted(dates):
        span = (int(row["start"]), int(row["end"]))
        if span in date_ids:
            continue
        ident = f"d{len(timexes) + 1}"
        date_ids[span] = ident
        labels[ident] = "DATE"
        timexes.append(
            {"id": ident, "start": span[0], "end": span[1], "type": row["type"], "value": str(row["value"]),
             "text": text[span[0] : span[1]]}
        )  # fmt: skip
    links: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for row in relations.to_dict("records") if len(relations) else []:
        name = row["relation"]
        head = mention_ids.get((int(row["head_start"]), int(row["head_end"])))
        tails = date_ids if name == "event_date" else mention_ids
        tail = tails.get((int(row["tail_start"]), int(row["tail_end"])))
        if not _fits(name, head, tail, labels):
            logger.info("%s: left out %s relation %r -> %r", article_id, name, row["head_text"], row["tail_text"])
            continue
        if (head, name, tail) not in seen:
            seen.add((head, name, tail))
            links.append({"head": head, "relation": name, "tail": tail})
    return {
        "article_id": article_id,
        "text": text,
        "published": str(fields.get("published") or ""),
        "entities": mentions,
        "dates": timexes,
        "relations": links,
        "articles": {name: (str(fields.get(name) or "") or None) for name in ARTICLE_FIELDS},
    }


def _sorted(frame: pd.DataFrame) -> list[dict]:
    if not len(frame):
        return []
    rows = frame.to_dict("records")
    return sorted(rows, key=lambda r: (int(r["start"]), int(r["end"])))


def _fits(name: str, head: str | None, tail: str | None, labels: dict[str, str]) -> bool:
    if name not in RELATIONS or head is None or tail is None:
        return False
    heads, tails = RELATIONS[name]
    return labels[head] in heads and labels[tail] in tails


def write_gold(items: Iterable[dict], path: str | Path) -> Path:
    """Write gold dicts as JSONL, one article per line (UTF-8, non-ASCII kept as is)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path
