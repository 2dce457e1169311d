"""Normalisation of relative expressions, durations, sets and references.

"last week", "this spring", "yesterday afternoon", "two years ago", weekdays resolved by the
clause's tense, "three years", "the past few days", "every year", "daily", "now",
"recently", "the future". Granularity follows the expression ("last week" is a week,
"a year ago" a year) unless the document is comparing quarters, where "a year earlier" is
the same quarter a year before, as TimeBank reads it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core.calendar import month_number
from ..core.vocabulary import PARTS_OF_DAY, RELATIVE_N, SEASONS, WEEKDAYS
from .absolute import context_quarter, date_of, reference_of
from .calendar import duration_value, month_value, number, season_year, shift, weekday_date
from .timex_types import Handler, Timex

REFERENCES = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
}  # fmt: skip


def _weekend(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", "XXXX-WXX-WE")
    saturday = weekday_date(anchor, 5, 1 if direction > 0 else -1)
    year, week, _ = saturday.isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}-WE")


def _the_unit(g, anchor, direction, context):
    """ "the week" names some week of the year; "the month" is the current one."""
    if anchor is None:
        return None
    if g["unit"] == "week":
        return Timex("DATE", f"{anchor.year}-WXX")
    return Timex("DATE", shift(anchor, "month", 0))


def _unit_before(g, anchor, direction, context):
    """ "the year before", "the day after": one unit off the time the story is at."""
    n = -1 if g["dir"] == "before" else 1
    if g["unit"] == "year" and context.last_year:
        return Timex("DATE", str(context.last_year + n))
    base = context.last_date or anchor
    if base is None:
        return reference_of(n)
    return Timex("DATE", shift(base, g["unit"], n))


def _vague_plural(g, anchor, direction, context):
    unit = "century" if g["unit"] == "centurie" else g["unit"]
    return Timex("DURATION", duration_value("X", unit))


def _relative(g, anchor, direction, context):
    which, unit = g["which"], g["unit"]
    n = RELATIVE_N[which]
    if unit in SEASONS:
        if anchor is None:
            return Timex("DATE", f"XXXX-{SEASONS[unit]}")
        return Timex("DATE", f"{season_year(anchor, unit, n)}-{SEASONS[unit]}")
    if which == "that" and unit == "year" and context.last_year:
        return Timex("DATE", str(context.last_year))
    if (which == "following" or which == "next" and g["the"] and direction < 0) and unit == "year" and context.last_year:
        # "the following year", "(she was appointed) the next year": after the year the story is in
        return Timex("DATE", str(context.last_year + 1))
    if anchor is None:
        return reference_of(n)
    if unit == "decade" and n < 0:
        return Timex("DURATION", "P10Y")  # "the past decade": the ten years up to now
    if unit == "period":
        return context_quarter({"which": "latest" if n == 0 else "year-earlier", "unit": "quarter", "y": None}, anchor, direction, context) if n <= 0 else None
    if unit == "half":
        half = 1 + (anchor.month - 1) // 6 + n
        return Timex("DATE", f"{anchor.year + (half - 1) // 2}-H{(half - 1) % 2 + 1}")
    if unit == "weekend" and n == 0:
        # "this weekend": the one just past in a past clause, else the coming one
        return _weekend(g, anchor, direction if direction else 1, context)
    if unit == "weekend":
        return Timex("DATE", shift(anchor, "week", n) + "-WE")
    if unit == "quarter" and n == 0 and context.quarter and which == "latest":
        return Timex("DATE", context.quarter)
    return Timex("DATE", shift(anchor, unit, n))


def _relative_month(g, anchor, direction, context):
    if g["which"] not in {"this", "last", "next", "this past", "this coming", "that"}:
        return None
    n = {"this": 0, "that": 0, "last": -1, "this past": -1, "next": 1, "this coming": 1}[g["which"]]
    if g["which"] == "this" and anchor is not None:
        return Timex("DATE", f"{anchor.year}-{month_number(g['month']):02d}")  # "this September": this year's
    return Timex("DATE", month_value(month_number(g["month"]), None, None, anchor, n if n else direction, strict=n != 0))


def _relative_day(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", "XXXX-XX-XX")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"]]
    day = anchor + dt.timedelta(days=offset)
    part = g["part"] or ("night" if g["word"] == "tonight" else None)
    return date_of(day, part)


def _day_before(g, anchor, direction, context):
    if anchor is None:
        return None
    offset = (-1 if g["word"] == "yesterday" else 1) + (-1 if g["dir"] == "before" else 1)
    return date_of(anchor + dt.timedelta(days=offset))


def _narrative_day(g, anchor, direction, context):
    base = context.last_date or anchor
    if base is None:
        return Timex("DATE", "XXXX-XX-XX")
    n = {"next": 1, "following": 1, "previous": -1}.get(g.get("which") or "", 0)
    return date_of(base + dt.timedelta(days=n), "morning" if g.get("unit") == "morning" else None)


def _part_of_day(g, anchor, direction, context):
    if anchor is None:
        return None
    n = {"this": 0, "that": 0, "last": -1, "yesterday": -1, "tomorrow": 1}.get(g["which"] or "this", 0)
    return date_of(anchor + dt.timedelta(days=n), g["part"])


def _ago(g, anchor, direction, context):
    amount, unit = number(g["amount"]), g["unit"].rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    back = g["dir"] in {"ago", "earlier"}
    if amount is None or amount == "X" or anchor is None:
        return reference_of(-1 if back else 1)
    if unit in {"second", "minute", "hour", "weekend", "fortnight"}:
        return Timex("DURATION", duration_value(amount, unit))
    sign = -1 if back else 1
    amount = int(amount) if float(amount).is_integer() else amount
    if not isinstance(amount, int):
        return reference_of(sign)
    if unit == "year" and amount == 1 and context.quarter_talk and context.quarter:
        return Timex("DATE", f"{int(context.quarter[:4]) + sign}-{context.quarter[5:]}")
    if unit == "decade":
        return Timex("DATE", f"{anchor.year + sign * 10 * amount}")
    return Timex("DATE", shift(anchor, unit, sign * amount))


def _weekday(g, anchor, direction, context):
    wd = WEEKDAYS.index(g["wd"])
    if anchor is None:
        return Timex("DATE", f"XXXX-WXX-{wd + 1}")
    which = g["which"]
    dirn = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(which or "", direction)
    day = weekday_date(anchor, wd, dirn)
    if which == "next" and day == anchor:
        day += dt.timedelta(days=7)
    if which == "last" and day == anchor:
        day -= dt.timedelta(days=7)
    return date_of(day, g["part"])


def _set(g, anchor, direction, context):
    if g["unit"]:
        amount = number(g["amount"]) if g["amount"] else 1
        return Timex("SET", duration_value(amount if amount is not None else 1, g["unit"].rstrip("s")))
    if g["wd"]:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS.index(g['wd']) + 1}")
    if g["month"]:
        return Timex("SET", f"XXXX-{month_number(g['month']):02d}")
    if g["season"]:
        return Timex("SET", f"XXXX-{SEASONS[g['season']]}")
    return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[g['part']]}")


def _set_adverb(g, anchor, direction, context):
    if g["adverb"] == "nightly":
        return Timex("SET", "XXXX-XX-XXTNI")
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year", "hourly": "hour"}[g["adverb"]]
    return Timex("SET", duration_value(1, unit))


def _set_times(g, anchor, direction, context):
    return Timex("SET", duration_value(1, g["unit"].rstrip("s")))


def _set_weekdays(g, anchor, direction, context):
    part = f"T{PARTS_OF_DAY[g['part'] or g['part2']]}" if g["part"] or g["part2"] else ""
    return Timex("SET", f"XXXX-WXX-{WEEKDAYS.index(g['wd']) + 1}{part}")


def _reference(g, anchor, direction, context):
    ref = g["ref"]
    if ref in REFERENCES:
        return Timex("DATE", REFERENCES[ref])
    plural = re.fullmatch(r"recent (months|weeks|quarters)", ref)
    if plural:
        # "in recent months" measures a stretch of time: TimeBank makes it a vague duration.
        return Timex("DURATION", duration_value("X", plural.group(1).rstrip("s")))
    if "future" in ref or "term" in ref or ref.startswith("coming"):
        return Timex("DATE", "FUTURE_REF")
    return Timex("DATE", "PAST_REF")


def _duration(g, anchor, direction, context):
    amount, unit = number(g["amount"]), g["unit"].rstrip("s")
    if amount is None:
        return None
    unit = "century" if unit.startswith("centur") else unit
    if g["amount"].strip() in {"a", "an"} and g.get("which") in {"past", "last", "previous", "next", "coming", "following"}:
        return None  # "the past a year" is not English; "the last year" is a date, handled above
    return Timex("DURATION", duration_value(amount, unit))


def _duration_half(g, anchor, direction, context):
    return Timex("DURATION", duration_value(1.5, g["unit"]))


def _duration_vague(g, anchor, direction, context):
    unit = g["unit"] or g["unit2"]
    if g["unit2"]:
        return Timex("DURATION", duration_value(1, "decade"))
    unit = "century" if unit.startswith("centur") else unit
    return Timex("DURATION", duration_value("X", unit))


# Rule name (see newsie.dates.families) -> handler.
HANDLERS: dict[str, Handler] = {
    "weekend": _weekend,
    "the_unit": _the_unit,
    "unit_before": _unit_before,
    "vague_plural": _vague_plural,
    "relative": _relative,
    "relative_month": _relative_month,
    "relative_day": _relative_day,
    "day_before": _day_before,
    "narrative_day": _narrative_day,
    "part_of_day": _part_of_day,
    "ago": _ago,
    "weekday": _weekday,
    "set": _set,
    "set_adverb": _set_adverb,
    "set_times": _set_times,
    "set_weekdays": _set_weekdays,
    "reference": _reference,
    "duration": _duration,
    "duration_half": _duration_half,
    "duration_vague": _duration_vague,
}
