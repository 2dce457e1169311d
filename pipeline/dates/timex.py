"""TIMEX3 normalisation: a temporal expression's ``type`` and ``value`` given an anchor date.

Small documented rules handle what dateparser cannot (durations, sets, references, relative
expressions, quarters, underspecified values, granularity); dateparser handles the remaining
absolute forms, through one cached ``DateDataParser`` per anchor. Values follow TimeML:
``2024-12-17``, ``2024-12``, ``2024``, ``2024-W50``, ``2024-Q4``, ``2024-SU``, ``199``
(decade), ``19`` (century), ``P3D``, ``PT2H``, ``XXXX-12-25``, ``PRESENT_REF``, ``PAST_REF``,
``FUTURE_REF``. The rules themselves live in the families' table (:mod:`newsie.dates.families`);
this module cleans the text, strips what does not change the value (modifiers such as "early",
approximators such as "about") and tries the rules in the table's order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.vocabulary import MONTH_STEMS
from .families import NORMALISERS
from .timex_types import Context, Timex

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["Context", "Timex", "normalise", "date_data_parser"]

LEADING = re.compile(
    r"^(?:on|in|at(?!\s+(?:least|most|about)\b)|since|by|during|until|from|for|of|throughout|through|before|after|within|into)\s+"
)
# Words that set TimeML's ``mod`` attribute but leave the value alone.
MODIFIER = re.compile(
    r"^(?:(?:early|earlier|late|later|mid|the end of|the beginning of|the start of|the middle of|"
    r"the first half of|the second half of|the last half of|the rest of|the remainder of|sometime|some time|"
    r"around|about|roughly|nearly|almost|approximately|more than|less than|fewer than|over|under|at least|"
    r"at most|up to|no more than|no less than|only|just|barely|shortly after|shortly before|just after|"
    r"just before|at about|another)[\s-]+)+"
)

# TIMEX3 ``mod`` per modifier word (TimeML 1.2.1; EARLY and LATE as the contract lists them).
# The first modifier of the expression sets it: "about the end of 1990" is APPROX.
MODS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"^(?:{words})\b"), mod)
    for words, mod in [
        (r"the end of|the last half of|the second half of|the rest of|the remainder of", "END"),
        (r"the beginning of|the start of|the first half of", "START"),
        (r"mid|the middle of", "MID"),
        (r"early", "EARLY"),
        (r"late", "LATE"),
        (r"around|about|roughly|nearly|almost|approximately|sometime|some time|at about", "APPROX"),
        (r"more than", "MORE_THAN"),
        (r"less than|fewer than", "LESS_THAN"),
        (r"at least|no less than", "EQUAL_OR_MORE"),
        (r"at most|up to|no more than", "EQUAL_OR_LESS"),
        (r"shortly before|just before", "BEFORE"),
        (r"shortly after|just after", "AFTER"),
    ]
]


def mod_of(text: str) -> str:
    """The TIMEX3 ``mod`` that the expression's leading modifier words set, or ``""``."""
    clean = LEADING.sub("", re.sub(r"\s+", " ", text.strip().lower()))
    return next((mod for pattern, mod in MODS if pattern.search(clean)), "")


# What dateparser is asked about: a year, a numeric date, or a month name followed by a number.
_ABSOLUTE = re.compile(rf"\d{{4}}|\d/\d|\b(?:{'|'.join(MONTH_STEMS)})[a-z]*\.?\s+\d")


@dataclass(frozen=True)
class _Clean:
    text: str
    modified: bool


def _clean(text: str) -> _Clean:
    clean = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,;:")
    clean = clean.replace("’", "'")
    clean = re.sub(r"'s$", "", clean)
    clean = clean.rstrip(".") if not re.search(r"\b(?:a|p)\.m\.$|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$", clean) else clean
    clean = LEADING.sub("", clean)
    stripped = MODIFIER.sub("", clean)
    # "mid-1990s": keep a hyphen-less form; "the end of" etc. may leave a bare noun phrase.
    return _Clean(stripped or clean, stripped != clean)


def normalise(text: str, anchor: dt.date | None, direction: int = 0, context: Context | None = None) -> Timex | None:
    """TIMEX3 type and value of ``text`` resolved against ``anchor``, or ``None``.

    ``direction`` is the tense of the clause: -1 past, +1 future, 0 unknown. ``context``
    carries what the document said before (the quarter it reports on, the sentence).
    """
    context = context or Context()
    clean = _clean(text)
    # The text with its modifiers first ("the first half of 1990" is a half-year), then without.
    for candidate in dict.fromkeys([_clean_keep_mod(text), clean.text]):
        for rule in NORMALISERS:
            match = rule.pattern.fullmatch(candidate)
            if match is None:
                continue
            timex = rule.handler(match.groupdict(), anchor, direction, context)
            if timex is not None:
                return _with_mod(timex, text)
    if anchor is None and not re.search(r"\d{4}", clean.text):
        return None
    timex = parse_with_dateparser(clean.text, anchor)
    return _with_mod(timex, text) if timex is not None else None


def _with_mod(timex: Timex, text: str) -> Timex:
    """The value with the ``mod`` of the text's modifier words, unless its rule set one."""
    return timex if timex.mod else replace(timex, mod=mod_of(text))


def _clean_keep_mod(text: str) -> str:
    clean = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.;:")
    return LEADING.sub("", clean)


@lru_cache(maxsize=64)
def date_data_parser(anchor: dt.date | None) -> "DateDataParser":
    """One cached ``DateDataParser`` per anchor date (midnight of that day is its base)."""
    from dateparser.date import DateDataParser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def parse_with_dateparser(text: str, anchor: dt.date | None) -> Timex | None:
    """Absolute forms the rules do not cover, at dateparser's own granularity."""
    if not _ABSOLUTE.search(text):
        # Words and bare numbers are the rules' job: dateparser reads "8-10 years" as 1996.
        return None
    parser = date_data_parser(anchor)
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
