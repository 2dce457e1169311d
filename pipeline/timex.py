"""TIMEX3 normalisation: a temporal expression's ``type`` and ``value`` given an anchor date.

Small documented rules handle what dateparser cannot (durations, sets, references, relative
expressions, underspecified values, granularity); dateparser handles the remaining absolute
forms, through one cached ``DateDataParser`` per anchor. Values follow TimeML: ``2024-12-17``,
``2024-12``, ``2024``, ``2024-W50``, ``2024-Q4``, ``2024-SU``, ``199`` (decade), ``P3D``,
``PT2H``, ``XXXX-12-25``, ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .metadata import MONTHS

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": "X",
    "few": "X", "some": "X", "many": "X",
}  # fmt: skip
UNITS = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
    "week": ("", "W"), "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "quarter": ("", "Q"), "weekend": ("", "WE"),
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "previously": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "in the future": "FUTURE_REF",
}  # fmt: skip


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression."""

    type: str
    value: str


def _number(word: str) -> int | str | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    try:
        return float(word) if "." in word else None
    except ValueError:
        return None


def duration_value(amount: int | float | str, unit: str) -> str:
    time_part, code = UNITS[unit]
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    return f"P{time_part}{amount}{code}"


def shift(anchor: dt.date, unit: str, n: int) -> str:
    """The value of the period ``n`` units away from the anchor, at that unit's granularity."""
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + n
        return f"{months // 12}-{months % 12 + 1:02d}"
    if unit == "quarter":
        quarters = anchor.year * 4 + (anchor.month - 1) // 3 + n
        return f"{quarters // 4}-Q{quarters % 4 + 1}"
    if unit == "year":
        return str(anchor.year + n)
    if unit == "decade":
        return str(anchor.year // 10 + n)
    if unit == "century":
        return str(anchor.year // 100 + n)
    raise ValueError(unit)


def weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday nearest the anchor in ``direction`` (-1 past, +1 future, 0 either).

    A weekday equal to the anchor's own weekday is the anchor's date.
    """
    delta = weekday - anchor.weekday()
    if delta == 0:
        return anchor
    if direction < 0:
        return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction > 0:
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    # Undecided: the nearest one (news speaks mostly of the days around publication).
    back = delta - 7 if delta > 0 else delta
    forward = delta + 7 if delta < 0 else delta
    return anchor + dt.timedelta(days=back if -back <= forward else forward)


def month_day(month: int, day: int | None, year: int | None, anchor: dt.date | None, direction: int) -> str:
    """A month (and day) with the year resolved from the anchor, TimeML style."""
    if year is None and anchor is not None:
        year = anchor.year
        candidate = dt.date(year, month, min(day or 1, 28))
        if direction < 0 and candidate > anchor + dt.timedelta(days=1) and (candidate - anchor).days > 31:
            year -= 1
        elif direction > 0 and candidate < anchor and (anchor - candidate).days > 31:
            year += 1
    prefix = str(year) if year is not None else "XXXX"
    return f"{prefix}-{month:02d}-{day:02d}" if day else f"{prefix}-{month:02d}"


@lru_cache(maxsize=64)
def date_data_parser(anchor_iso: str):
    """One cached ``DateDataParser`` per anchor date."""
    from dateparser.date import DateDataParser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if anchor_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(anchor_iso)
    return DateDataParser(languages=["en"], settings=settings)


def parse_with_dateparser(text: str, anchor: dt.date | None) -> Timex | None:
    parser = date_data_parser(anchor.isoformat() if anchor else "")
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    when, period = data.date_obj, data.period
    if period == "year":
        return Timex("DATE", str(when.year))
    if period == "month":
        return Timex("DATE", f"{when.year}-{when.month:02d}")
    if period == "time" and (when.hour or when.minute):
        return Timex("TIME", when.strftime("%Y-%m-%dT%H:%M"))
    return Timex("DATE", when.date().isoformat())


_MONTH = r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t\.?|tember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century|weekend)s?"
_AMOUNT = r"(?P<amount>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several|few|some|many)"
_MOD = r"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s\-]+)?"
RULES: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?$")),
    ("year", re.compile(rf"^{_MOD}(?:the year\s+)?(?P<y>1[5-9]\d\d|20\d\d)$")),
    ("decade", re.compile(rf"^{_MOD}(?:the\s+)?(?P<y>1[5-9]\d|20\d)0'?s$")),
    ("month_year", re.compile(rf"^{_MOD}{_MONTH}(?:\s+of)?,?\s+(?P<y>\d{{4}})$")),
    ("month_day", re.compile(rf"^(?:(?P<wd>\w+day),?\s+)?(?:{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')})(?:,?\s+(?P<y>\d{{4}})|\s+(?P<this>of\s+(?:this|next|last)\s+year))?$")),
    ("month", re.compile(rf"^{_MOD}{_MONTH}$")),
    ("relative_day", re.compile(r"^(?P<word>today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)$")),
    ("this_unit", re.compile(rf"^{_MOD}(?P<which>this|last|next|the past|the previous|the coming|the following|the current|past|previous|coming|current)\s+(?P<unit>week|month|quarter|year|decade|century|weekend)$")),
    ("season", re.compile(rf"^{_MOD}(?:(?P<which>this|last|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?$")),
    ("ago", re.compile(rf"^{_AMOUNT}\s+{_UNIT}\s+(?P<dir>ago|earlier|before|later|from now|hence)$")),
    ("past_n", re.compile(rf"^(?:the\s+)?(?P<which>past|last|next|previous|coming|following)\s+{_AMOUNT}\s+{_UNIT}$")),
    ("duration", re.compile(rf"^(?:(?:about|around|nearly|almost|more than|less than|over|some|at least|up to)\s+)?{_AMOUNT}(?:[\s\-]+|(?<=\d)){_UNIT}(?:\s+long)?$")),
    ("weekday", re.compile(r"^(?:(?P<which>this|last|next|on|this past|this coming)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?P<part>morning|afternoon|evening|night))?$")),
    ("part_of_day", re.compile(r"^(?P<which>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)$")),
    ("clock", re.compile(r"^(?P<hh>\d{1,2})(?::(?P<mm>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+(?:local time|gmt|utc))?$")),
    ("set", re.compile(rf"^(?:every|each)\s+(?P<unit>day|week|month|year|weekend|morning|night)$|^(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)$")),
    ("reference", re.compile(r"^(?P<ref>now|currently|current|present|nowadays|these days|at present|recently|lately|the past|previously|the future|future|soon|in the future)$")),
]


def normalise(text: str, anchor: dt.date | None, direction: int = 0) -> Timex | None:
    """TIMEX3 type and value of ``text`` resolved against ``anchor``, or ``None``.

    ``direction`` is the tense of the clause: -1 past, +1 future, 0 unknown.
    """
    clean = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.")
    clean = re.sub(r"^(?:on|in|at|since|by|during|until|from|for|of)\s+", "", clean)
    for name, pattern in RULES:
        match = pattern.match(clean)
        if match is None:
            continue
        timex = _apply(name, match, anchor, direction)
        if timex is not None:
            return timex
    if anchor is None and not re.search(r"\d{4}", clean):
        return None
    return parse_with_dateparser(text, anchor)


def _apply(name: str, m: re.Match, anchor: dt.date | None, direction: int) -> Timex | None:
    g = m.groupdict()
    if name == "iso":
        if g["hh"]:
            return Timex("TIME", f"{g['y']}-{g['m']}-{g['d']}T{g['hh']}:{g['mm']}")
        return Timex("DATE", f"{g['y']}-{g['m']}-{g['d']}")
    if name == "year":
        return Timex("DATE", g["y"])
    if name == "decade":
        return Timex("DATE", g["y"])
    if name == "month_year":
        return Timex("DATE", f"{g['y']}-{MONTHS[g['month'].rstrip('.')]:02d}")
    if name == "month_day":
        month = MONTHS[(g["month"] or g["month2"]).rstrip(".")]
        day = int(g["d"] or g["d2"])
        year = int(g["y"]) if g["y"] else None
        if g["this"] and anchor is not None:
            offset = {"this": 0, "next": 1, "last": -1}[g["this"].split()[1]]
            year = anchor.year + offset
        try:
            dt.date(year or 2000, month, day)
        except ValueError:
            return None
        return Timex("DATE", month_day(month, day, year, anchor, direction))
    if name == "month":
        return Timex("DATE", month_day(MONTHS[g["month"].rstrip(".")], None, None, anchor, direction))
    if name == "relative_day":
        if anchor is None:
            return Timex("DATE", "XXXX-XX-XX")
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                   "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
        value = (anchor + dt.timedelta(days=offsets[g["word"]])).isoformat()
        return Timex("TIME", f"{value}TNI") if g["word"] == "tonight" else Timex("DATE", value)
    if name == "this_unit":
        which = g["which"].replace("the ", "")
        n = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1,
             "next": 1, "coming": 1, "following": 1}[which]  # fmt: skip
        unit = g["unit"]
        if anchor is None:
            return Timex("DATE", "FUTURE_REF" if n > 0 else "PAST_REF" if n < 0 else "PRESENT_REF")
        if unit == "weekend":
            return Timex("DATE", shift(anchor, "week", n) + "-WE")
        return Timex("DATE", shift(anchor, unit, n))
    if name == "season":
        season = SEASONS[g["season"]]
        if g["y"]:
            return Timex("DATE", f"{g['y']}-{season}")
        if anchor is None:
            return Timex("DATE", f"XXXX-{season}")
        n = {"this": 0, "last": -1, "next": 1, None: 0}[g["which"]]
        return Timex("DATE", f"{anchor.year + n}-{season}")
    if name == "ago":
        amount = _number(g["amount"])
        unit = g["unit"]
        if amount is None or unit not in {"day", "week", "month", "year", "decade", "century", "quarter"}:
            return None
        if anchor is None or amount == "X":
            return Timex("DATE", "PAST_REF" if g["dir"] in {"ago", "earlier", "before"} else "FUTURE_REF")
        sign = -1 if g["dir"] in {"ago", "earlier", "before"} else 1
        return Timex("DATE", shift(anchor, unit, sign * int(amount)))
    if name in {"past_n", "duration"}:
        amount = _number(g["amount"])
        if amount is None:
            return None
        return Timex("DURATION", duration_value(amount, g["unit"]))
    if name == "weekday":
        if anchor is None:
            return Timex("DATE", "XXXX-WXX-" + str(WEEKDAYS.index(g["wd"]) + 1))
        which = g["which"]
        dirn = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(which, direction)
        day = weekday_date(anchor, WEEKDAYS.index(g["wd"]), dirn)
        if which == "next" and day == anchor:
            day += dt.timedelta(days=7)
        if g["part"]:
            return Timex("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[g['part']]}")
        return Timex("DATE", day.isoformat())
    if name == "part_of_day":
        if anchor is None:
            return None
        n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[g["which"]]
        day = (anchor + dt.timedelta(days=n)).isoformat()
        return Timex("TIME", f"{day}T{PARTS_OF_DAY[g['part']]}")
    if name == "clock":
        if not g["mm"] and not g["ampm"]:
            return None
        hour = int(g["hh"]) % 12 if g["ampm"] else int(g["hh"])
        if g["ampm"] and g["ampm"].startswith("p"):
            hour += 12
        if hour > 23:
            return None
        prefix = anchor.isoformat() if anchor else "XXXX-XX-XX"
        return Timex("TIME", f"{prefix}T{hour:02d}:{g['mm'] or '00'}")
    if name == "set":
        unit = g["unit"] or {"daily": "day", "weekly": "week", "monthly": "month",
                              "annually": "year", "yearly": "year", "hourly": "hour"}[g["adverb"]]  # fmt: skip
        if unit in PARTS_OF_DAY:
            return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
        return Timex("SET", duration_value(1, unit))
    if name == "reference":
        return Timex("DATE", REFERENCES[g["ref"]])
    return None
