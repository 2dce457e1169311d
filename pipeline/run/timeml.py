"""Predicted dates as TimeML (TempEval-3) documents, one ``.tml`` per article.

The text is written back unchanged (only XML-escaped), with one ``TIMEX3`` tag (``tid``,
``type``, ``value``) per predicted date, which is what the official TempEval-3 scorer reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from .writers import safe_name, write_text_atomic


def to_timeml(doc_id: str, text: str, dct: str, dates: Iterable[dict]) -> str:
    """A TimeML document for ``text`` with one TIMEX3 per date (``start``/``end`` into text).

    Overlapping dates cannot nest in TimeML: the later of two overlapping dates is dropped.
    """
    parts = [
        '<?xml version="1.0" ?>\n<TimeML>\n\n',
        f"<DOCID>{escape(doc_id)}</DOCID>\n\n",
        "<DCT>",
        f'<TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3>' if dct else "",
        "</DCT>\n\n<TEXT>",
    ]
    position = 0
    for i, d in enumerate(sorted(dates, key=lambda d: (d["start"], d["end"])), start=1):
        if d["start"] < position or d["end"] <= d["start"]:
            continue
        parts.append(escape(text[position : d["start"]]))
        parts.append(f'<TIMEX3 tid="t{i}" type={quoteattr(d["type"])} value={quoteattr(d["value"])}>')
        parts.append(escape(text[d["start"] : d["end"]]))
        parts.append("</TIMEX3>")
        position = d["end"]
    parts.append(escape(text[position:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts)


def write_timeml(path: str | Path, doc_id: str, text: str, dct: str, dates: Iterable[dict]) -> Path:
    return write_text_atomic(path, to_timeml(doc_id, text, dct, dates))


def write_articles(articles: Iterable, dates: "Iterable[dict]", out_dir: str | Path) -> list[Path]:
    """One ``.tml`` per article (named by :func:`~newsie.run.writers.safe_name`): its raw text
    with the predicted dates as TIMEX3.

    ``articles`` carry ``article_id``, ``text`` (raw, as read) and ``published``; ``dates`` are
    rows of the ``dates`` table, whose offsets index that raw text.
    """
    by_article: dict[str, list[dict]] = {}
    for row in dates:
        by_article.setdefault(str(row["article_id"]), []).append(
            {"start": int(row["start"]), "end": int(row["end"]), "type": row["type"], "value": row["value"]}
        )
    written = []
    for article in articles:
        if article.error:
            continue
        name = safe_name(article.article_id, ".tml")  # distinct ids, distinct files; never too long
        written.append(write_timeml(Path(out_dir) / name, article.article_id, article.text, article.published, by_article.get(article.article_id, [])))
    return written
