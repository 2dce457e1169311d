"""Dates every stage shares: the one parser of ISO anchor dates and the one year policy.

The anchor (publication) date crosses the pipeline as ISO text: ``doc._`` holds only plain
values, and a ``datetime.date`` does not survive ``DocBin(store_user_data=True)`` (msgpack
cannot write it). :func:`parse_iso_date` is the one place that text becomes a date;
:func:`iso_date` is the one place a date becomes text again.

:func:`resolve_year` is the one policy that gives a bare "March 12" its year: the cleaner's
datelines and the dates stage both call it, so ``articles.dateline_date`` and a ``dates`` row
read the same words as the same day.
"""

from __future__ import annotations

import datetime as dt

from .vocabulary import MONTHS

__all__ = ["MONTHS", "iso_date", "month_number", "parse_iso_date", "resolve_year"]


def parse_iso_date(value: str) -> dt.date | None:
    """Return the date of an ISO date or datetime string, ``None`` if it is not one."""
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def iso_date(date: dt.date | None) -> str:
    """``YYYY-MM-DD``, or ``""`` for no date: how a date is written into a record."""
    return date.isoformat() if date else ""


def month_number(word: str) -> int:
    """1 for "January", "Jan." or "jan"; raises ``KeyError`` for a word that is no month."""
    return MONTHS[word.rstrip(".").lower()]


def resolve_year(month: int, day: int | None, anchor: dt.date, direction: int = 0, *, strict: bool = False) -> int:
    """The year of a month (and day) written without one, TimeML style, against ``anchor``.

    The month is taken in the anchor's year, moved a year back when that would put it more
    than half a year after the anchor, a year forward when more than about eight months
    before: the nearest occurrence, news leaning to the past. ``direction`` is the clause's
    tense (-1 past, +1 future, 0 unknown): a tense moves the date when it lies more than two
    months on the wrong side. ``strict`` ("last May", "next May") always moves off the
    anchor's own month. A dateline has no tense: it is read with ``direction=0``, which puts a
    day filed within half a year before publication in the publication's year and one a few
    days after New Year's Eve in the year before.
    """
    year = anchor.year
    if strict:
        if direction < 0 and month >= anchor.month:
            year -= 1
        elif direction > 0 and month <= anchor.month:
            year += 1
        return year
    candidate = dt.date(year, month, min(day or 1, 28))
    days = (candidate - anchor).days
    if (days > 183 and direction <= 0) or (direction < 0 and days > 60):
        year -= 1
    elif (days < -250 and direction == 0) or (direction > 0 and days < -60):
        year += 1
    return year
