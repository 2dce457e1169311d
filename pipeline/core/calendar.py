"""The calendar vocabulary every stage reads: month names and ISO dates."""

from __future__ import annotations

import datetime as dt

# Month names and their abbreviations, lower-cased, without a period.
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip


def parse_iso_date(value: str) -> dt.date | None:
    """Return the date of an ISO date or datetime string, ``None`` if it is not one."""
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None
