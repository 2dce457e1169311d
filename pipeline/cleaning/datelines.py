"""Datelines, date lines and their dates, read from the first lines of an article.

A *dateline* opens the first paragraph and names where (and often when) the story was filed:
"BAKU, Azerbaijan, December 11.", "BUDAPEST, March 12 (Xinhua) --", "WASHINGTON (AP) _",
"MOSCOW —", "ASTANA, Dec. 4 (AFP) -", "MOSCOW, April 22, 1997 (AFP)", "November 17, Brisbane,
Australia -", "Taipei, Taiwan —". A *date line* is a line that is only a date, under a headline:
"Saturday, November 13, 2004", "14 July 2025 15:06 (UTC+04:00)". A dateline's day without a
year takes its year from the calendar policy the dates stage uses
(:func:`newsie.core.calendar.resolve_year`, a dateline having no tense), so "March 12" in an
article published March 13 is the 12th, and "December 30" in one published January 2 is in the
year before. Month and weekday names come from :mod:`newsie.core.vocabulary`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core.calendar import month_number, resolve_year
# Abbreviated state names keep their period at the end of a dateline place ("INDEPENDENCE, Mo.").
from ..core.lexicon import STATE_ABBREVIATIONS
from ..core.vocabulary import MONTH_NAME as MONTH
from ..core.vocabulary import WEEKDAY_NAME as WEEKDAY

# "December 11", "Dec. 4", "March 12, 1998"; "14 July 2025".
MONTH_DAY = re.compile(
    rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>\d{{4}})\b)?"
)
_DATE_TEXT = (
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}\b(?:,?\s+\d{{4}}\b)?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}}\b)?)"
    r"(?:\s+\d{1,2}:\d{2}(?:\s*\([^)]*\))?)?"
)
# A line that is only a date, with an optional weekday and time.
DATE_LINE = re.compile(rf"^\s*(?P<date>{_DATE_TEXT})\s*$")
# The same date running into the first paragraph on one line ("Thursday, May 7, 2015 On Tuesday, ...").
DATE_LINE_PREFIX = re.compile(rf"^\s*(?P<date>{WEEKDAY},?\s+{MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s+(?=[A-Z\"“])")

# Letters of any script; place words may carry inner periods ("D.C.", "MO.") and apostrophes.
_WORD = r"[^\W\d_][\w.'’\-]*"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
# "(Xinhua)", "(AP)", and the press-release form "/PRNewswire/".
_AGENCY = r"(?:\((?P<agency>[^()]{1,40})\)|/(?P<wire>[A-Za-z][\w\- ]{1,30})/)"
_SEP = r"(?P<sep>--|—|–|-|_|:|\.)"
# "PLACE[, Region][, date][ (Agency)] sep": the place is checked for capitals in code.
DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,[ \t]*(?!{MONTH}\b){_PLACE})?)"
    rf"(?:,[ \t]*(?P<date>{MONTH_DAY.pattern}))?"
    rf"[ \t]*(?:{_AGENCY})?[ \t]*(?:{_SEP}|(?P<end>$))"
)
# "November 17, Brisbane, Australia - The ...": the date first, then a place, then a dash.
DATE_FIRST_DATELINE = re.compile(
    rf"^(?P<date>{MONTH}\s+\d{{1,2}}),[ \t]+(?P<place>{_PLACE}(?:,[ \t]*{_PLACE})?)[ \t]+(?P<sep>—|–|-)[ \t]+"
)
DASHES = {"--", "—", "–", "-", "_"}


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a line (offsets relative to that line)."""

    place: str
    place_start: int
    end: int  # where the paragraph's own text begins
    date: re.Match | None = None
    agency: str = ""


def resolve_month_day(month: int, day: int, year: int | None, anchor: dt.date | None) -> dt.date | None:
    """The day a dateline's month and day name: the year given, else the calendar policy's year
    against the anchor; ``None`` without either, or for a day the month does not have."""
    if year is None:
        if anchor is None:
            return None
        year = resolve_year(month, day, anchor)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """Resolve the first month-and-day date in ``text`` against the anchor."""
    match = MONTH_DAY.search(text)
    if match is None:
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    return resolve_month_day(month_number(month), int(day), int(year) if year else None, anchor)


def find_dateline(line: str) -> Dateline | None:
    """The dateline opening ``line``, or ``None`` when the line does not start with one."""
    match = DATE_FIRST_DATELINE.match(line)
    if match and _mixed_case_place(match.group("place")):
        return _dateline(line, match, match.group("date"))
    match = DATELINE.match(line)
    if match is None:
        return None
    place = match.group("place").strip()
    head = place.split(",")[0]
    dated = bool(match.group("date") or match.group("agency") or match.group("wire"))
    if head == head.upper() and sum(c.isalpha() for c in head) >= 3:
        # An all-caps place: it needs a date, an agency or a dash, or to be alone on its line.
        if match.group("sep") == "." and not dated and match.end() < len(line):
            return None
        if dated or match.group("sep") in DASHES:
            return _dateline(line, match, match.group("date"))
        return None
    if "," in place and match.group("sep") in {"—", "–", "-"} and _mixed_case_place(place):
        # "Taipei, Taiwan — ...": a mixed-case place must have a region and a spaced dash.
        if line[match.start("sep") - 1 : match.start("sep")].isspace():
            return _dateline(line, match, match.group("date"))
    return None


def _mixed_case_place(place: str) -> bool:
    words = place.replace(",", " ").split()
    return 0 < len(words) <= 5 and all(w[0].isupper() for w in words)


def _dateline(line: str, match: re.Match, date: str | None) -> Dateline:
    place = match.group("place").rstrip()
    if place.endswith(".") and not _abbreviation(place.split()[-1]):
        place = place[:-1]
    agency = match.groupdict().get("agency") or match.groupdict().get("wire") or ""
    end = match.end()
    while end < len(line) and line[end].isspace():
        end += 1
    return Dateline(
        place=place,
        place_start=match.start("place"),
        end=end,
        date=MONTH_DAY.search(date) if date else None,
        agency=agency.strip(),
    )


def _abbreviation(word: str) -> bool:
    """"MO.", "D.C.", "Calif.": a period that belongs to the word, not to the sentence."""
    core = word.rstrip(".").split(",")[-1]
    return "." in core or core.lower() in STATE_ABBREVIATIONS


# A layout's numeric dateline date, month first: "12/23/23" (Turan's MM/DD/YY).
NUMERIC_DATE = re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2}|\d{4})$")


def read_layout_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """The date of a declared layout's dateline: "Sept.24", "28 December", "12/23/23"."""
    numeric = NUMERIC_DATE.match(text.strip())
    if numeric:
        year = int(numeric.group("year"))
        year += 2000 if year < 100 else 0
        return resolve_month_day(int(numeric.group("month")), int(numeric.group("day")), year, anchor)
    # "Sept.24": a month abbreviation run into its day.
    return read_date(re.sub(r"(?<=[A-Za-z])\.(?=\d)", ". ", text), anchor)
