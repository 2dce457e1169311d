"""Normalisation of expressions that name their time: dates, years, quarters, clock times.

ISO and numeric dates, years (also spoken: "nineteen ninety-six"), decades, centuries,
quarters and halves (with the quarter a document is reporting on), months with or without a
day, seasons, holidays and clock times. Underspecified ones take their year from the anchor
and the clause's tense (:func:`newsie.core.calendar.resolve_year`). Each handler takes the
rule's named groups, the anchor, the direction and the :class:`Context`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core.calendar import month_number
from ..core.vocabulary import DECADE_WORDS, NUMBER_WORDS, ORDINAL_WORDS, PARTS_OF_DAY, QUARTERS, SEASONS, WEEKDAYS
from .calendar import holiday_date, month_value, quarter_of, season_year, shift_quarter, spoken_year, weekday_date
from .timex_types import Context, Handler, Timex

# "the year ended March 31" is a period, not the current year.
PERIOD_ENDED = re.compile(r"^\s*(?:ended|ending|that ended|which ended|to)\b")


def year_of(g: dict, anchor: dt.date | None) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("spoken"):
        return spoken_year(g["spoken"])
    if g.get("rel") and anchor is not None:
        return anchor.year + {"this": 0, "last": -1, "next": 1}[g["rel"]]
    return None


def date_of(day: dt.date | None, part: str | None = None, kind: str = "TIME") -> Timex:
    """A day, or a part of it ("Thursday evening" -> TIME ``2024-12-12TEV``, as the gold
    guidelines and TimeML say; TimeBank itself often types these DATE)."""
    if day is None:
        return Timex("DATE", "XXXX-XX-XX")
    if part:
        return Timex(kind, f"{day.isoformat()}T{PARTS_OF_DAY[part]}")
    return Timex("DATE", day.isoformat())


def reference_of(n: int) -> Timex:
    return Timex("DATE", "FUTURE_REF" if n > 0 else "PAST_REF" if n < 0 else "PRESENT_REF")


def _iso(g, anchor, direction, context):
    if g["hh"]:
        return Timex("TIME", f"{g['y']}-{g['m']}-{g['d']}T{g['hh']}:{g['mm']}")
    return Timex("DATE", f"{g['y']}-{g['m']}-{g['d']}")


def _numeric(g, anchor, direction, context):
    year = int(g["y"]) if len(g["y"]) == 4 else 1900 + int(g["y"]) if int(g["y"]) > 30 else 2000 + int(g["y"])
    try:
        return Timex("DATE", dt.date(year, int(g["m"]), int(g["d"])).isoformat())
    except ValueError:
        return None


def _year(g, anchor, direction, context):
    return Timex("DATE", g["y"])


def _spoken_year(g, anchor, direction, context):
    year = spoken_year(g["spoken"])
    return Timex("DATE", str(year)) if year else None


def _decade(g, anchor, direction, context):
    if g["dec"]:
        return Timex("DATE", g["dec"])
    century = (anchor.year // 100) if anchor else 19
    return Timex("DATE", f"{century}{g['short']}")


def _decade_word(g, anchor, direction, context):
    tens = DECADE_WORDS
    century = 19 if g["nineteen"] or anchor is None else anchor.year // 100
    if anchor is not None and not g["nineteen"] and century * 10 + tens[g["word"]] > anchor.year // 10:
        century -= 1
    return Timex("DATE", f"{century}{tens[g['word']]}")


def _century(g, anchor, direction, context):
    word = g["ord"]
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINAL_WORDS.get(word, 0)
    return Timex("DATE", f"{n - 1:02d}") if n > 0 else None


def _this_century(g, anchor, direction, context):
    if anchor is None:
        return reference_of({"this": 0, "next": 1, "the next": 1}.get(g["which"], -1))
    if g["which"] in {"the past", "the last"}:
        return Timex("DURATION", "P100Y")
    return Timex("DATE", f"{anchor.year // 100 + {'this': 0, 'last': -1, 'next': 1}[g['which']]:02d}")


def _quarter(g, anchor, direction, context):
    q = QUARTERS[g["q"]]
    unit = "Q" if g["unit"] == "quarter" else "H"
    if unit == "H" and q > 2:
        return None
    year = int(g["y1"] or g["y2"] or 0) or None
    rel = g["rel"] or (g["rel2"] if g["rel2"] != "the" else None)
    if year is None and rel and anchor is not None:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    if year is None and g["rel2"] == "the" and context.last_year:
        year = context.last_year
    if g["ago"] and anchor is not None:
        current = quarter_of(anchor) if unit == "Q" else 1 + (anchor.month - 1) // 6
        year = (anchor.year - 1 if q > current else anchor.year) - 1
    if year is None and anchor is not None:
        # The quarter being reported is the latest one that has ended, unless the clause looks ahead.
        current = quarter_of(anchor) if unit == "Q" else 1 + (anchor.month - 1) // 6
        year = anchor.year - 1 if q > current and direction <= 0 else anchor.year
    return Timex("DATE", f"{year if year else 'XXXX'}-{unit}{q}")


def context_quarter(g: dict, anchor: dt.date | None, direction: int, context: Context) -> Timex | None:
    which = g["which"]
    base = context.quarter or (shift_quarter(anchor, -1) if anchor else "")
    if g["unit"] == "period" and not which:
        return None
    if not base:
        return Timex("DATE", "XXXX-QX")
    if g["y"]:
        return Timex("DATE", f"{g['y']}-{base[5:]}")
    if which == "latest" and anchor is not None:
        return Timex("DATE", shift_quarter(anchor, -1))  # the last quarter to have ended
    if which in {"year-earlier", "year-ago", "comparable", "comparable year-ago", "comparable year-earlier"}:
        return Timex("DATE", f"{int(base[:4]) - 1}-{base[5:]}")
    return Timex("DATE", base)


def _the_year(g, anchor, direction, context):
    if PERIOD_ENDED.match(context.following):
        return Timex("DURATION", "P1Y")  # "the year ended March 31": a period, not this year
    if anchor is None:
        return None
    return Timex("DATE", str(anchor.year))


def _year_adj(g, anchor, direction, context):
    if anchor is None:
        return None
    if g["kind"] == "end":
        return Timex("DATE", str(anchor.year))
    if context.quarter_talk and context.quarter:
        return Timex("DATE", f"{int(context.quarter[:4]) - 1}-{context.quarter[5:]}")
    return Timex("DATE", str(anchor.year - 1))


def _month_rel_year(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", f"XXXX-{month_number(g['month']):02d}")
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[g["which"]]
    return Timex("DATE", f"{year}-{month_number(g['month']):02d}")


def _season(g, anchor, direction, context):
    year = year_of(g, anchor)
    code = SEASONS[g["season"]]
    if year:
        return Timex("DATE", f"{year}-{code}")
    if anchor is None:
        return Timex("DATE", f"XXXX-{code}")
    return Timex("DATE", f"{season_year(anchor, g['season'], 0 if direction == 0 else direction)}-{code}")


def _clock(g, anchor, direction, context):
    clock = g["clock"].replace(" ", "")
    word = re.fullmatch(r"(noon|midday|midnight)", clock)
    if word:
        hour, minute = (0, 0) if word.group(1) == "midnight" else (12, 0)
    else:
        m = re.fullmatch(r"(?P<h>\d{1,2}|[a-z]+)(?::(?P<mi>\d\d))?(?P<ampm>a\.?m\.?|p\.?m\.?|am|pm)?(?:o'clock)?", clock)
        if m is None:
            return None
        h = m.group("h")
        hour = int(h) if h.isdigit() else NUMBER_WORDS.get(h, 99)
        minute = int(m.group("mi") or 0)
        if m.group("ampm") and hour <= 12:
            hour = hour % 12 + (12 if m.group("ampm").startswith("p") else 0)
        if hour > 23 or minute > 59:
            return None
    day_word = g["wd1"] or g["wd2"]
    # A bare clock time belongs to the day the story was just talking about.
    day = context.last_date or anchor
    if g["month"]:
        value = month_value(month_number(g["month"]), int(re.sub(r"\D", "", g["d"])), None, anchor, direction)
        day = dt.date.fromisoformat(value) if value[0].isdigit() else None
    if day_word and anchor is not None:
        if day_word in WEEKDAYS:
            day = weekday_date(anchor, WEEKDAYS.index(day_word), direction)
        else:
            day = anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day_word])
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Timex("TIME", f"{prefix}T{hour:02d}:{minute:02d}")


def _full_date(g, anchor, direction, context):
    month = month_number(g["month"] or g["month2"])
    day_text = g["d"] or g["d2"]
    day = ORDINAL_WORDS[day_text] if day_text in ORDINAL_WORDS else int(re.sub(r"\D", "", day_text))
    year = year_of(g, anchor)
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return Timex("DATE", month_value(month, day, year, anchor, direction))


def _week_of(g, anchor, direction, context):
    value = month_value(month_number(g["month"]), int(re.sub(r"\D", "", g["d"])), None, anchor, direction)
    if value.startswith("X"):
        return Timex("DATE", value)
    year, week, _ = dt.date.fromisoformat(value).isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}")


def _month_year(g, anchor, direction, context):
    year = year_of(g, anchor)
    return Timex("DATE", f"{year}-{month_number(g['month']):02d}") if year else None


def _month_only(g, anchor, direction, context):
    return Timex("DATE", month_value(month_number(g["month"]), None, None, anchor, direction))


def _holiday(g, anchor, direction, context):
    n = {"last": -1, "next": 1, "this": 0}.get(g["which"] or "", direction)
    value = holiday_date(g["name"], anchor, n, strict=bool(g["which"]) and g["which"] != "this")
    if value is None:
        return None
    if g["name"] == "easter week" and not value.startswith("X"):
        year, week, _ = dt.date.fromisoformat(value).isocalendar()
        return Timex("DATE", f"{year}-W{week:02d}")
    return Timex("DATE", value)


# Rule name (see newsie.dates.families) -> handler.
HANDLERS: dict[str, Handler] = {
    "iso": _iso,
    "numeric": _numeric,
    "year": _year,
    "spoken_year": _spoken_year,
    "decade": _decade,
    "decade_word": _decade_word,
    "century": _century,
    "this_century": _this_century,
    "quarter": _quarter,
    "context_quarter": context_quarter,
    "the_year": _the_year,
    "year_adj": _year_adj,
    "month_rel_year": _month_rel_year,
    "season": _season,
    "clock": _clock,
    "full_date": _full_date,
    "week_of": _week_of,
    "month_year": _month_year,
    "month": _month_only,
    "holiday": _holiday,
}
