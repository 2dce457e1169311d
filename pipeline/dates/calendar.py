"""Calendar arithmetic for TIMEX3 values: shifting by units, weekdays, seasons, holidays, numbers.

Pure functions of dates and words, no patterns; the words come from :mod:`newsie.core.vocabulary`
and the year of a bare month from :func:`newsie.core.calendar.resolve_year`. The normalisers
of :mod:`newsie.dates.families` call them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core.calendar import resolve_year
from ..core.vocabulary import FIXED_HOLIDAYS, NUMBER_WORDS, SEASON_START, VAGUE_AMOUNTS

# TIMEX3 duration units: (time part marker, unit code, multiplier into that code).
UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
    "night": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2), "month": ("", "M", 1),
    "quarter": ("", "Q", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100),
    "weekend": ("", "WE", 1),
}  # fmt: skip


def number(words: str) -> int | float | str | None:
    """The amount of "three", "twenty four", "1 1/2", "a", "several" ("X"); ``None`` if none."""
    text = re.sub(r"\s+", " ", words.lower().replace(",", "")).strip()
    if text in {"a", "an", "one"}:
        return 1
    if text in {"a half", "half a", "half an"}:
        return 0.5
    if text in VAGUE_AMOUNTS or text == "a couple of":
        return "X" if text != "a couple of" else 2
    fraction = re.fullmatch(r"(\d+) (\d)/(\d)", text)
    if fraction:
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) if "." in text else int(text)
    half = text.endswith(" and a half")
    text = text.removesuffix(" and a half")
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current + (0.5 if half else 0)


def duration_value(amount: int | float | str, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXM``; fractional amounts go down one unit (``P1Y6M``)."""
    time_part, code, times = UNITS[unit]
    if isinstance(amount, str):
        return f"P{time_part}X{code}"
    amount = amount * times
    if float(amount).is_integer():
        return f"P{time_part}{int(amount)}{code}"
    whole, rest = int(amount), amount - int(amount)
    smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "M": (60, "S") if time_part else (30, "D")}.get(code)
    if smaller is None:
        return f"P{time_part}{amount:g}{code}"
    extra = round(rest * smaller[0])
    mid = "T" if smaller[1] in "HS" and not time_part and code == "D" else ""
    return f"P{time_part}{whole}{code}{mid}{extra}{smaller[1]}" if whole else f"P{time_part or mid}{extra}{smaller[1]}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(anchor: dt.date, n: int) -> str:
    quarters = anchor.year * 4 + quarter_of(anchor) - 1 + n
    return f"{quarters // 4}-Q{quarters % 4 + 1}"


def shift(anchor: dt.date, unit: str, n: int) -> str:
    """The value of the period ``n`` units away from the anchor, at that unit's granularity."""
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit in {"week", "fortnight"}:
        year, week, _ = (anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + n
        return f"{months // 12}-{months % 12 + 1:02d}"
    if unit == "quarter":
        return shift_quarter(anchor, n)
    if unit == "year":
        return str(anchor.year + n)
    if unit == "decade":
        return str(anchor.year // 10 + n)
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    raise ValueError(unit)


def weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday nearest the anchor in ``direction`` (-1 past, +1 future, 0 either).

    A weekday equal to the anchor's own weekday is the anchor's date. Undecided, news speaks
    mostly of the days just before publication, so the past wins within the last six days.
    """
    delta = weekday - anchor.weekday()
    if delta == 0:
        return anchor
    back = delta - 7 if delta > 0 else delta
    forward = delta + 7 if delta < 0 else delta
    if direction > 0:
        return anchor + dt.timedelta(days=forward)
    return anchor + dt.timedelta(days=back)


def month_value(month: int, day: int | None, year: int | None, anchor: dt.date | None, direction: int, *, strict: bool = False) -> str:
    """A month (and day) as a TIMEX3 value, the missing year from :func:`resolve_year`."""
    if year is None and anchor is not None:
        year = resolve_year(month, day, anchor, direction, strict=strict)
    prefix = str(year) if year is not None else "XXXX"
    return f"{prefix}-{month:02d}-{day:02d}" if day else f"{prefix}-{month:02d}"


def season_year(anchor: dt.date, season: str, n: int) -> int:
    """Year of "this" (0), "last" (-1) or "next" (+1) season relative to the anchor."""
    start = SEASON_START[season]
    # The season of this year that has started by the anchor's month (winter: Dec..Feb).
    this_year = anchor.year if (anchor.month >= start or season == "winter" and anchor.month >= 12) else anchor.year
    if season == "winter" and anchor.month <= 2:
        this_year = anchor.year - 1
    if n < 0:
        started = anchor.month >= start + 3 if season != "winter" else False
        return this_year if started else this_year - 1
    if n > 0:
        return this_year if anchor.month < start else this_year + 1
    return this_year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_in(name: str, year: int) -> dt.date:
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name.startswith("easter"):
        return easter(year)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    raise ValueError(name)


def holiday_date(name: str, anchor: dt.date | None, direction: int, *, strict: bool = False) -> str | None:
    """ISO date of a holiday near the anchor: the past one in a past clause, etc."""
    if anchor is None:
        if name in FIXED_HOLIDAYS:
            return "XXXX-{:02d}-{:02d}".format(*FIXED_HOLIDAYS[name])
        return None
    day = _holiday_in(name, anchor.year)
    if direction < 0 and (day > anchor or strict and day == anchor):
        day = _holiday_in(name, anchor.year - 1)
    elif direction > 0 and (day < anchor or strict and day == anchor):
        day = _holiday_in(name, anchor.year + 1)
    return day.isoformat()


def spoken_year(words: str) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "two thousand", 1900 for "nineteen hundred"."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        rest = number(" ".join(p for p in parts[2:] if p != "and")) if len(parts) > 2 else 0
        return 2000 + int(rest or 0)
    head = NUMBER_WORDS.get(parts[0])
    if head is None:
        return None
    if parts[1:] == ["hundred"]:
        return head * 100
    tail = number(" ".join(parts[1:]))
    return head * 100 + int(tail) if isinstance(tail, int) and tail < 100 else None
