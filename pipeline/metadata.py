"""Article fields read from the raw text: title, date line, dateline, byline, source and via.

Used by the cleaning stage. Everything here works on raw offsets and returns plain values.
The published date comes, in order, from the input metadata, the ``date`` header, the
dateline's date (when it has a year) or a date line under the headline; without any of them
it stays empty and relative dates are left unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cleaning import Segment

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t\.?|tember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# "December 11", "Dec. 4", "March 12, 1998"; "14 July 2025".
MONTH_DAY = re.compile(
    rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>\d{{4}}))?"
)
# A line that is only a date, with an optional weekday and time: "Saturday, November 13, 2004",
# "December 13, 2004", "14 July 2025 15:06 (UTC+04:00)".
DATE_LINE = re.compile(
    rf"^\s*(?:{WEEKDAY},?\s+)?(?:{MONTH_DAY.pattern})"
    r"(?:\s+\d{1,2}:\d{2}(?:\s*\([^)]*\))?)?\s*$"
)
# Dateline at the start of a paragraph: an all-caps place, an optional mixed-case region, an
# optional date, an optional agency in parentheses, then a dash, colon or period.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)*"
    rf"(?:,\s*(?!{MONTH}\b)[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)?)"
    rf"(?:,\s*(?P<date>{MONTH_DAY.pattern}))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?"
    r"\s*(?P<sep>--|—|–|-|_|:|\.)\s*"
)
BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\s*$")
NAME = r"[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z][\w&.'’\-]*|of|for|and))*"
# "Trend reports via CICA", "Azernews reports, citing Reuters".
ATTRIBUTION = re.compile(rf"\b(?P<source>{NAME})\s+reports?,?\s+(?:via|citing)\s+(?P<via>{NAME})")
REPORTS = re.compile(rf"(?:,|^)\s*(?P<source>{NAME})\s+reports?\s*[.,]")
SIGN_OFF = re.compile(rf"(?P<source>\b[A-Z]{{2,}})\s+(?:News|Today)\b[^.]*\.?\s*$")


@dataclass(frozen=True)
class ArticleFields:
    """The article fields and the segments re-tagged with their roles."""

    segments: list[Segment]
    title: str = ""
    source: str = ""
    via: str = ""
    dateline_place: str = ""
    dateline_date: str = ""
    published: str = ""
    published_from: str = ""
    # Raw offsets of the dateline's place and of the headline, for the entities stage.
    dateline_span: tuple[int, int] | None = None
    title_span: tuple[int, int] | None = None

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "source": self.source,
            "via": self.via,
            "dateline_place": self.dateline_place,
            "dateline_date": self.dateline_date,
            "published_from": self.published_from,
        }


def parse_iso_date(value: str) -> dt.date | None:
    """Return the date of an ISO date or datetime string, ``None`` if it is not one."""
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def resolve_month_day(
    month: int, day: int, year: int | None, anchor: dt.date | None
) -> dt.date | None:
    """Resolve a month and day to the date nearest the anchor (a dateline may precede it)."""
    if year is not None:
        candidates = [year]
    elif anchor is not None:
        candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    else:
        return None
    dates = []
    for y in candidates:
        try:
            dates.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not dates:
        return None
    if anchor is None:
        return dates[0]
    return min(dates, key=lambda d: abs((d - anchor).days))


def read_date(match: re.Match, anchor: dt.date | None) -> dt.date | None:
    """Resolve a :data:`MONTH_DAY` match."""
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    return resolve_month_day(
        MONTHS[month.rstrip(".").lower()], int(day), int(year) if year else None, anchor
    )


def read_article_fields(
    raw: str, segments: list[Segment], *, published: str = "", date_order: str = "MDY"
) -> ArticleFields:
    """Tag the title, date line, dateline and byline segments and read the article fields."""
    header = next((s for s in segments if s.role == "header"), None)
    published_from = "input" if published else ""
    if not published and header is not None:
        published, published_from = raw[header.start : header.end], "header"
    anchor = parse_iso_date(published)

    body = [i for i, s in enumerate(segments) if s.role == "body"]
    out = list(segments)
    title = dateline_place = dateline_date = source = via = ""
    date_line_date: dt.date | None = None
    dateline_span = title_span = None

    # The headline: a first line that does not read as a sentence and is followed by more text.
    if len(body) > 1:
        first = segments[body[0]]
        line = raw[first.start : first.end].strip()
        if (
            not DATELINE.match(line)
            and not DATE_LINE.match(line)
            and not re.search(r"[.!?\"”’]$", line)
            and len(line.split()) <= 30
        ):
            out[body[0]] = replace(first, role="title")
            title = line
            title_span = (first.start, first.end)

    for i in body[:6]:
        seg = out[i]
        if seg.role != "body":
            continue
        line = raw[seg.start : seg.end]
        date_line = DATE_LINE.match(line)
        if date_line:
            out[i] = replace(seg, role="date_line")
            date_line_date = read_date(MONTH_DAY.search(line), anchor)
            continue
        if BYLINE.match(line):
            out[i] = replace(seg, role="byline")
            continue
        dateline = DATELINE.match(line)
        if dateline and _is_dateline(dateline):
            dateline_place = dateline.group("place").strip()
            place_start = seg.start + dateline.start("place")
            dateline_span = (place_start, place_start + len(dateline_place))
            if dateline.group("date"):
                found = read_date(MONTH_DAY.search(dateline.group("date")), anchor)
                dateline_date = found.isoformat() if found else ""
            if dateline.group("agency"):
                source = dateline.group("agency").strip()
            break
        break

    if not dateline_date and date_line_date is not None:
        dateline_date = date_line_date.isoformat()
    if not published and dateline_date:
        published, published_from = dateline_date, "dateline"

    body_text = [raw[s.start : s.end] for s in out if s.role == "body"]
    attribution = next((m for line in body_text[:3] if (m := ATTRIBUTION.search(line))), None)
    if attribution:
        source, via = attribution.group("source"), attribution.group("via")
    elif not source:
        reports = next((m for line in body_text[:3] if (m := REPORTS.search(line))), None)
        if reports:
            source = reports.group("source")
        elif body_text and (sign_off := SIGN_OFF.search(body_text[-1])):
            source = sign_off.group("source")

    return ArticleFields(
        segments=out,
        title=title,
        source=source.strip(),
        via=via.strip(),
        dateline_place=dateline_place,
        dateline_date=dateline_date,
        published=published,
        published_from=published_from,
        dateline_span=dateline_span,
        title_span=title_span,
    )


def _is_dateline(match: re.Match) -> bool:
    """An all-caps place must be followed by a date, an agency or a dash to count."""
    place = match.group("place").split(",")[0]
    if not any(c.isalpha() for c in place) or place != place.upper():
        return False
    if len(place) < 3 and not match.group("agency"):
        return False
    return bool(match.group("date") or match.group("agency") or match.group("sep") in {"--", "—", "–", "-", "_"})
