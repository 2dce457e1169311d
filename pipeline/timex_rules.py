"""The normalisation rules: one regular expression and one small function per family.

Each rule reads a cleaned, lower-case expression (see :mod:`pipeline.timex`) and returns its
TIMEX3 type and value resolved against the anchor (the article's date), the clause's tense
and what the document said before (:class:`Context`). Granularity follows the expression:
"last week" is a week (``1998-W05``), "last month" a month, "a year ago" a year, unless the
document is comparing quarters ("compared with $3 a share a year earlier"), where TimeBank
reads it as the same quarter a year before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from .date_patterns import AMOUNT, CLOCK, DAY, MONTH, NUMBER_WORDS, ORDINAL, ORDINAL_WORDS, SEASON, SPOKEN_YEAR, UNIT, WEEKDAY, YEAR4
from .metadata import MONTHS
from .timex_calendar import (
    PARTS_OF_DAY, SEASONS, WEEKDAYS, duration_value, holiday_date, month_value, number, quarter_of,
    season_year, shift, shift_quarter, spoken_year, weekday_date,
)  # fmt: skip


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression."""

    type: str
    value: str


@dataclass(frozen=True)
class Context:
    """What the document said before an expression, for values that depend on it.

    ``quarter``: the last quarter value mentioned ("1989-Q3"); ``quarter_talk``: the sentence
    or the document compares quarters; ``last_year``/``last_date``: the last explicit year and
    day mentioned, for "that year", "the following day".
    """

    quarter: str = ""
    quarter_talk: bool = False
    last_year: int | None = None
    last_date: str = ""
    following: str = ""  # the text right after the expression


Rule = Callable[[dict, dt.date | None, int, Context], "Timex | None"]
RELATIVE_N = {
    "this": 0, "current": 0, "same": 0, "that": 0, "latest": 0, "last": -1, "past": -1,
    "previous": -1, "prior": -1, "preceding": -1, "most recent": -1, "recent": -1,
    "this past": -1, "next": 1, "coming": 1, "following": 1, "this coming": 1,
    "year-earlier": -1, "year-ago": -1, "comparable": -1,
}  # fmt: skip
_WHICH = r"(?P<which>this past|this coming|most recent|this|current|same|that|latest|last|past|previous|prior|preceding|recent|next|coming|following)"
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)"
_Q = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"

PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:t(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?"),
    ("numeric", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)"),
    ("year", rf"(?:fiscal (?:year )?|the year |calendar |the |mid-|mid |post-|pre-)?(?P<y>{YEAR4})"),
    ("spoken_year", rf"(?:the year )?(?P<spoken>{SPOKEN_YEAR})"),
    ("decade", r"(?:the )?(?:early |mid-|mid |late )?(?:(?P<dec>1[5-9]\d|20\d)0|'(?P<short>\d)0)'?s"),
    ("decade_word", r"(?:the )?(?:early |mid-|late )?(?P<nineteen>nineteen[ -])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("century", rf"(?:the )?(?:early |mid-|late )?(?P<ord>{ORDINAL})[ -]century"),
    ("this_century", r"(?P<which>this|last|next|the past|the last|the next) century"),
    ("quarter", rf"(?:the |its )?(?:(?P<rel>this|last|next) year's |(?P<y1>{YEAR4}) |(?:comparable )?(?P<ago>year-ago|year-earlier) )?(?:fiscal |calendar )?{_Q}[ -](?:fiscal )?(?P<unit>quarter|half)(?: of (?:fiscal )?(?:(?P<y2>{YEAR4})|(?P<rel2>this|last|next|the) year))?"),
    ("context_quarter", rf"the (?:(?P<which>latest|same|comparable|year-earlier|year-ago|comparable year-ago|comparable year-earlier|(?P<y>{YEAR4})) )?(?:fiscal )?(?P<unit>quarter|period)"),
    ("the_year", r"the (?:(?P<kind>full|fiscal|calendar) )?year"),
    ("year_adj", r"(?:the )?(?:fiscal )?year(?:-|'s |\s)(?P<kind>end|earlier|ago)"),
    ("weekend", r"the weekend"),
    ("vague_plural", r"(?P<unit>year|month|week|day|decade|centurie)s"),
    ("relative", rf"(?P<the>the )?{_WHICH} (?:fiscal )?(?P<unit>year|month|week|weekend|quarter|decade|half|period|spring|summer|autumn|fall|winter)"),
    ("relative_month", rf"{_WHICH} (?P<month>{MONTH})"),
    ("month_rel_year", rf"(?P<month>{MONTH}),? (?P<which>this|last|next) year"),
    ("season", rf"(?:the )?(?:(?:early|late|mid|the end of|the beginning of)[ -])?(?P<season>{SEASON})(?: (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR})))?"),
    ("relative_day", rf"(?P<word>today|yesterday|tomorrow|tonight)(?: {_PART})?"),
    ("day_before", r"(?:the )?day (?P<dir>before|after) (?P<word>yesterday|tomorrow)"),
    ("narrative_day", r"(?:the )?(?P<which>next|following|previous|same|that) (?P<unit>day|morning)|earlier that day|that day"),
    ("part_of_day", rf"(?:(?P<which>this|that|last|tomorrow|yesterday)|(?:later|earlier) (?:this|that)) {_PART}"),
    ("ago", rf"(?P<amount>{AMOUNT})[ -](?P<unit>{UNIT}) (?P<dir>ago|earlier|later|from now|hence)"),
    ("clock", rf"(?:(?P<wd1>{WEEKDAY}|today|yesterday|tomorrow) at )?(?P<clock>{CLOCK})(?: (?:local time|[ecmp][sd]t|gmt|utc)| \((?:[ecmp][sd]t|gmt)\))?(?:,? (?:(?P<wd2>{WEEKDAY}|today|yesterday|tomorrow)|(?P<month>{MONTH}) (?P<d>{DAY})))?"),
    ("weekday", rf"(?:(?P<which>last|next|this|this past|this coming|early|late|earlier|later) )?(?P<wd>{WEEKDAY})(?: {_PART})?"),
    ("full_date", rf"(?:(?P<wd>{WEEKDAY}),? )?(?:(?P<month>{MONTH}) (?P<d>{DAY})|(?:the )?(?P<d2>{DAY}) (?:of )?(?P<month2>{MONTH}))(?:,? (?P<y>{YEAR4})| (?:of )?(?P<rel>this|last|next) year)?"),
    ("week_of", rf"(?:the )?week of (?P<month>{MONTH}) (?P<d>{DAY})"),
    ("month_year", rf"(?P<month>{MONTH}),? (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR}))"),
    ("month", rf"(?P<month>{MONTH})"),
    ("holiday", r"(?:(?P<which>last|next|this) )?(?P<name>christmas(?: eve| day)?|new year's(?: eve| day)?|thanksgiving(?: day)?|easter(?: sunday| week)?|independence day|labor day|memorial day|election day|valentine's day|halloween|international women's day|may day)"),
    ("set", rf"(?:every|each) (?:other )?(?:(?P<amount>{AMOUNT}) )?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH})|{_PART}|(?P<season>{SEASON}))"),
    ("set_adverb", r"(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly)"),
    ("set_times", rf"(?:once|twice|three times|four times|\d+ times) (?:a|an|per|every) (?P<unit>{UNIT})"),
    ("set_weekdays", rf"(?P<wd>{WEEKDAY})(?:s(?: (?P<part>morning|afternoon|evening|night)s?)?| (?P<part2>morning|afternoon|evening|night)s)"),
    ("reference", r"(?:right )?(?P<ref>now|nowadays|currently|current|at present|these days|the time being|recently|more recently|recent|recent (?:years|months|weeks|days)|the past|in the past|(?:past|previous) years|that time|the (?:near |distant )?future|the (?:near|short|long) term|coming (?:years|months|weeks|days|quarters)|future (?:years|quarters|months))"),
    ("duration", rf"(?:the )?(?:(?P<which>past|last|next|previous|coming|following|first|final|remaining|latest|same) )?(?P<amount>{AMOUNT})(?: (?:more|full|straight|consecutive|additional|long))?[ -](?P<unit>{UNIT})(?:-long|-old)?"),
    ("duration_half", r"(?:an? )?(?P<unit>hour|day|week|month|year|decade|minute) and a half"),
    ("duration_plural", rf"(?:the )?(?P<which>past|last|next|previous|coming|following|first) (?P<unit>{UNIT})"),
    ("duration_vague", r"(?P<unit>decade|year|month|centurie|century)s-long|(?P<unit2>decade)"),
]  # fmt: skip
RULES: list[tuple[str, re.Pattern]] = [(name, re.compile(pattern)) for name, pattern in PATTERNS]
PERIOD_ENDED = re.compile(r"^\s*(?:ended|ending|that ended|which ended|to)\b")
REFERENCES = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
}  # fmt: skip


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def _year_of(g: dict, anchor: dt.date | None) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("spoken"):
        return spoken_year(g["spoken"])
    if g.get("rel") and anchor is not None:
        return anchor.year + {"this": 0, "last": -1, "next": 1}[g["rel"]]
    return None


def _date(day: dt.date | None, part: str | None = None, kind: str = "TIME") -> Timex:
    """A day, or a part of it: TimeML makes "this morning" a TIME; TimeBank annotates
    "Friday night" as a DATE with the part in the value, which ``kind="DATE"`` follows."""
    if day is None:
        return Timex("DATE", "XXXX-XX-XX")
    if part:
        return Timex(kind, f"{day.isoformat()}T{PARTS_OF_DAY[part]}")
    return Timex("DATE", day.isoformat())


def _ref(n: int) -> Timex:
    return Timex("DATE", "FUTURE_REF" if n > 0 else "PAST_REF" if n < 0 else "PRESENT_REF")


def apply_rule(name: str, m: re.Match, anchor: dt.date | None, direction: int, context: Context) -> Timex | None:
    """The value of rule ``name`` for match ``m``, or ``None`` when the rule does not apply."""
    g = m.groupdict()
    handler = HANDLERS.get(name)
    return handler(g, anchor, direction, context) if handler else None


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
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
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
        return _ref({"this": 0, "next": 1, "the next": 1}.get(g["which"], -1))
    if g["which"] in {"the past", "the last"}:
        return Timex("DURATION", "P100Y")
    return Timex("DATE", f"{anchor.year // 100 + {'this': 0, 'last': -1, 'next': 1}[g['which']]:02d}")


def _quarter(g, anchor, direction, context):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}[g["q"]]
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


def _context_quarter(g, anchor, direction, context):
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


def _weekend(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", "XXXX-WXX-WE")
    saturday = weekday_date(anchor, 5, 1 if direction > 0 else -1)
    year, week, _ = saturday.isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}-WE")


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
        return _ref(n)
    if unit == "decade" and n < 0:
        return Timex("DURATION", "P10Y")  # "the past decade": the ten years up to now
    if unit == "period":
        return _context_quarter({"which": "latest" if n == 0 else "year-earlier", "unit": "quarter", "y": None}, anchor, direction, context) if n <= 0 else None
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
        return Timex("DATE", f"{anchor.year}-{_month(g['month']):02d}")  # "this September": this year's
    return Timex("DATE", month_value(_month(g["month"]), None, None, anchor, n if n else direction, strict=n != 0))


def _month_rel_year(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", f"XXXX-{_month(g['month']):02d}")
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[g["which"]]
    return Timex("DATE", f"{year}-{_month(g['month']):02d}")


def _season(g, anchor, direction, context):
    year = _year_of(g, anchor)
    code = SEASONS[g["season"]]
    if year:
        return Timex("DATE", f"{year}-{code}")
    if anchor is None:
        return Timex("DATE", f"XXXX-{code}")
    return Timex("DATE", f"{season_year(anchor, g['season'], 0 if direction == 0 else direction)}-{code}")


def _relative_day(g, anchor, direction, context):
    if anchor is None:
        return Timex("DATE", "XXXX-XX-XX")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"]]
    day = anchor + dt.timedelta(days=offset)
    part = g["part"] or ("night" if g["word"] == "tonight" else None)
    return _date(day, part)


def _day_before(g, anchor, direction, context):
    if anchor is None:
        return None
    offset = (-1 if g["word"] == "yesterday" else 1) + (-1 if g["dir"] == "before" else 1)
    return _date(anchor + dt.timedelta(days=offset))


def _narrative_day(g, anchor, direction, context):
    base = dt.date.fromisoformat(context.last_date) if context.last_date else anchor
    if base is None:
        return Timex("DATE", "XXXX-XX-XX")
    n = {"next": 1, "following": 1, "previous": -1}.get(g.get("which") or "", 0)
    return _date(base + dt.timedelta(days=n), "morning" if g.get("unit") == "morning" else None)


def _part_of_day(g, anchor, direction, context):
    if anchor is None:
        return None
    n = {"this": 0, "that": 0, "last": -1, "yesterday": -1, "tomorrow": 1}.get(g["which"] or "this", 0)
    part = "night" if g["which"] == "last" and g["part"] != "night" and False else g["part"]
    return _date(anchor + dt.timedelta(days=n), part)


def _ago(g, anchor, direction, context):
    amount, unit = number(g["amount"]), g["unit"].rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    back = g["dir"] in {"ago", "earlier"}
    if amount is None or amount == "X" or anchor is None:
        return _ref(-1 if back else 1)
    if unit in {"second", "minute", "hour", "weekend", "fortnight"}:
        return Timex("DURATION", duration_value(amount, unit))
    sign = -1 if back else 1
    amount = int(amount) if float(amount).is_integer() else amount
    if not isinstance(amount, int):
        return _ref(sign)
    if unit == "year" and amount == 1 and context.quarter_talk and context.quarter:
        return Timex("DATE", f"{int(context.quarter[:4]) + sign}-{context.quarter[5:]}")
    if unit == "decade":
        return Timex("DATE", f"{anchor.year + sign * 10 * amount}")
    return Timex("DATE", shift(anchor, unit, sign * amount))


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
    day = dt.date.fromisoformat(context.last_date) if context.last_date else anchor
    if g["month"]:
        value = month_value(_month(g["month"]), int(re.sub(r"\D", "", g["d"])), None, anchor, direction)
        day = dt.date.fromisoformat(value) if value[0].isdigit() else None
    if day_word and anchor is not None:
        if day_word in WEEKDAYS:
            day = weekday_date(anchor, WEEKDAYS.index(day_word), direction)
        else:
            day = anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day_word])
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Timex("TIME", f"{prefix}T{hour:02d}:{minute:02d}")


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
    return _date(day, g["part"], "DATE")


def _full_date(g, anchor, direction, context):
    month = _month(g["month"] or g["month2"])
    day = int(re.sub(r"\D", "", g["d"] or g["d2"]))
    year = _year_of(g, anchor)
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return Timex("DATE", month_value(month, day, year, anchor, direction))


def _week_of(g, anchor, direction, context):
    value = month_value(_month(g["month"]), int(re.sub(r"\D", "", g["d"])), None, anchor, direction)
    if value.startswith("X"):
        return Timex("DATE", value)
    year, week, _ = dt.date.fromisoformat(value).isocalendar()
    return Timex("DATE", f"{year}-W{week:02d}")


def _month_year(g, anchor, direction, context):
    year = _year_of(g, anchor)
    return Timex("DATE", f"{year}-{_month(g['month']):02d}") if year else None


def _month_only(g, anchor, direction, context):
    return Timex("DATE", month_value(_month(g["month"]), None, None, anchor, direction))


def _holiday(g, anchor, direction, context):
    n = {"last": -1, "next": 1, "this": 0}.get(g["which"] or "", direction)
    value = holiday_date(g["name"], anchor, n, strict=bool(g["which"]) and g["which"] != "this")
    if value is None:
        return None
    if g["name"] == "easter week" and not value.startswith("X"):
        year, week, _ = dt.date.fromisoformat(value).isocalendar()
        return Timex("DATE", f"{year}-W{week:02d}")
    return Timex("DATE", value)


def _set(g, anchor, direction, context):
    if g["unit"]:
        amount = number(g["amount"]) if g["amount"] else 1
        return Timex("SET", duration_value(amount if amount is not None else 1, g["unit"].rstrip("s")))
    if g["wd"]:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS.index(g['wd']) + 1}")
    if g["month"]:
        return Timex("SET", f"XXXX-{_month(g['month']):02d}")
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


def _duration_plural(g, anchor, direction, context):
    return None  # singular forms are dates ("the past year"); handled by _relative


def _duration_vague(g, anchor, direction, context):
    unit = g["unit"] or g["unit2"]
    if g["unit2"]:
        return Timex("DURATION", duration_value(1, "decade"))
    unit = "century" if unit.startswith("centur") else unit
    return Timex("DURATION", duration_value("X", unit))


HANDLERS: dict[str, Rule] = {
    "iso": _iso, "numeric": _numeric, "year": _year, "spoken_year": _spoken_year, "decade": _decade,
    "decade_word": _decade_word, "century": _century, "this_century": _this_century,
    "quarter": _quarter, "context_quarter": _context_quarter, "the_year": _the_year,
    "year_adj": _year_adj, "weekend": _weekend, "vague_plural": _vague_plural, "relative": _relative, "relative_month": _relative_month,
    "month_rel_year": _month_rel_year, "season": _season, "relative_day": _relative_day,
    "day_before": _day_before, "narrative_day": _narrative_day, "part_of_day": _part_of_day,
    "ago": _ago, "clock": _clock, "weekday": _weekday, "full_date": _full_date, "week_of": _week_of,
    "month_year": _month_year, "month": _month_only, "holiday": _holiday, "set": _set,
    "set_adverb": _set_adverb, "set_times": _set_times, "set_weekdays": _set_weekdays,
    "reference": _reference, "duration": _duration, "duration_half": _duration_half,
    "duration_plural": _duration_plural, "duration_vague": _duration_vague,
}  # fmt: skip
