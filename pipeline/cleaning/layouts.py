"""Agency layouts: the dateline, source and byline forms news agencies open their stories with.

Each :class:`Layout` is one agency form, declared once with its regular expression and the form
it serves. :func:`match_opening` tries the opening layouts on a line (a dateline, with the
agency it names); :func:`match_byline` the byline layouts; :func:`match_prefix` the re-poster
prefixes that stand before a dateline ("(MENAFN- Trend News Agency) BAKU, ..."). Layouts that
name their agency in a fixed mark ("(Xinhua) --", "/TASS/.", "KAZINFORM") are *marked*: they are
looked for a few lines further down than a plain dateline, past photo captions and page chrome.

Groups every opening pattern may set: ``place`` (the dateline place as written), ``date`` (a
month and day, or a numeric date) and ``agency``; the match ends where the paragraph's own
text begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.vocabulary import MONTH_NAME as MONTH

# "March 28", "Aug. 30", "Sept.24" (no space), "28 December"; an optional year.
_MONTH_DAY = rf"(?:{MONTH}\s*\d{{1,2}}\b(?:,?\s+\d{{4}}\b)?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}}\b)?)"
_CAPS_PLACE = r"[A-Z][A-Z'’\-]+(?:[ \t][A-Z][A-Z'’\-]+){0,2}"
# Mixed-case place words; an abbreviation keeps its period ("ST. PETERSBURG").
_PLACE = r"[A-Z][\w'’\-]*\.?(?:[ \t][A-Z][\w'’\-]*\.?){0,2}"
_REGION = r"[A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*){0,2}"
_AGENCY_NAME = r"[A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*){0,3}"


@dataclass(frozen=True)
class Layout:
    """One agency form: its name, the form it serves (as an invented example) and its pattern."""

    name: str
    form: str
    pattern: re.Pattern
    marked: bool = False  # the agency's own mark is part of the form


@dataclass(frozen=True)
class Opening:
    """A layout matched at the start of a line (offsets relative to the line)."""

    layout: str
    place: str
    place_start: int
    end: int
    date: str = ""
    agency: str = ""
    marked: bool = False
    author: str = ""  # a reporter the dateline credits ("/ Agency, J. Roe /")


def _layout(name: str, form: str, pattern: str, *, marked: bool = False) -> Layout:
    return Layout(name, form, re.compile(pattern), marked)


OPENINGS: list[Layout] = [
    _layout(
        "slash_agency",
        "TASS and Kabar: 'MINSK, April 9. /TASS/.', 'Osh, May 4, 2021 . / Kabar /.'",
        rf"^(?P<place>{_PLACE}),[ \t]*(?P<date>{_MONTH_DAY})[ \t]*\.?[ \t]*/[ \t]*(?P<agency>{_AGENCY_NAME})[ \t]*/[ \t]*\.?[ \t]*",
        marked=True,
    ),
    _layout(
        "caps_agency_word",
        "Kazinform: 'ASTANA. KAZINFORM', 'ASTANA.KAZINFORM' before the first sentence",
        rf"^(?P<place>{_CAPS_PLACE})\.[ \t]*(?P<agency>[A-Z]{{4,}})\b[ \t]*(?:[-–—][ \t]*)?(?=[A-Z\"“]|$)",
        marked=True,
    ),
    _layout(
        "day_month_site",
        "Report: 'Ganja. 3 March. REPORT.AZ/' (place, day month, site name, slash)",
        rf"^(?P<place>{_PLACE})\.[ \t]*(?P<date>\d{{1,2}}[ \t]+{MONTH})\.[ \t]*(?P<agency>[A-Z][A-Za-z]+(?:\.[A-Za-z]{{2,3}})?)/[ \t]*",
        marked=True,
    ),
    _layout(
        "slash_credit",
        "Trend (early): 'Azerbaijan, Ganja, May 5 / Trend, J. Roe /' (country first, reporter in the credit)",
        rf"^(?P<place>{_PLACE},[ \t]*{_PLACE}),[ \t]*(?P<date>{_MONTH_DAY})[ \t]*/[ \t]*(?P<agency>{_AGENCY_NAME}?)[ \t]*(?:,[ \t]*(?P<author>[A-Z][\w.'’\- ]{{1,40}}?))?[ \t]*/[ \t]*",
        marked=True,
    ),
    _layout(
        "numeric_slash",
        "Turan: 'Ganja/03/14/22/Turan:' (place, MM/DD/YY, agency, colon)",
        r"^(?P<place>[A-Z][\w'’\-]+)/(?P<date>\d{1,2}/\d{1,2}/\d{2,4})/(?P<agency>[A-Z][\w\-]+):[ \t]*",
        marked=True,
    ),
    _layout(
        "place_dash_agency",
        "Anadolu: 'IZMIR- Anadolu Agency' alone on its line",
        rf"^(?P<place>{_CAPS_PLACE})[ \t]*[-–—][ \t]*(?P<agency>{_AGENCY_NAME}[ \t]Agency)[ \t]*$",
        marked=True,
    ),
    _layout(
        "paren_agency",
        "Xinhua, Reuters, AP: 'HARBIN, May 2 (Xinhua) --', 'LIMA (Reuters) -'",
        rf"^(?P<place>{_CAPS_PLACE}(?:,[ \t]*{_REGION})??)(?:,[ \t]*(?P<date>{_MONTH_DAY}))?[ \t]*\((?P<agency>{_AGENCY_NAME})\)[ \t]*(?:--|—|–|-|_)[ \t]*",
        marked=True,
    ),
    _layout(
        "caps_region_date",
        "Trend (new): 'GANJA, Azerbaijan, March 28.' running into the first sentence or alone",
        rf"^(?P<place>{_CAPS_PLACE},[ \t]*{_REGION}),[ \t]*(?P<date>{_MONTH_DAY})[ \t]*(?:\.[ \t]*|$)",
    ),
    _layout(
        "region_date_line",
        "Trend (old): 'Ganja, Azerbaijan, Aug. 30' alone on its line (a byline follows)",
        rf"^(?P<place>{_PLACE},[ \t]*{_REGION}),[ \t]*(?P<date>{_MONTH_DAY})[ \t]*\.?[ \t]*$",
    ),
]

BYLINES: list[Layout] = [
    _layout(
        "name_dash_agency",
        "Trend (old): 'By Leyla Mammadova – Trend:', 'By Leyla Mammadova– Trend:', 'By Leyla Mammadova, Trend:'",
        r"^[ \t]*By[ \t]+(?P<author>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}(?:[ \t]+and[ \t]+[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})?)[ \t]*[–—,-][ \t]*(?P<agency>[A-Z][\w.]+):?[ \t]*$",
    ),
    _layout(
        "agency_only",
        "an agency's bare credit: 'Trend:', 'By Trend:', 'By Trend' (one word: an agency, no person)",
        r"^[ \t]*(?:By[ \t]+(?P<agency>[A-Z][\w.\-]+):?|(?!(?:Note|Notes|Photo|Video|Source|Sources|Update|Editor|Related|Tags|Share|Read|See|Contact|Summary)\b)(?P<agency2>[A-Z][\w.\-]+):)[ \t]*$",
    ),
]

PREFIXES: list[Layout] = [
    _layout(
        "menafn",
        "MENAFN re-posts: '(MENAFN- Trend News Agency) GANJA, ...', '(MENAFN- AzerNews) ...'",
        r"^[ \t]*\(MENAFN[ \t]*[-–][ \t]*(?P<agency>[^()]{2,40})\)[ \t]*",
    ),
]


def match_opening(line: str) -> Opening | None:
    """The first opening layout that matches the start of ``line``, or ``None``."""
    for layout in OPENINGS:
        match = layout.pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        place = match.group("place").rstrip(" \t.")
        return Opening(
            layout=layout.name,
            place=place,
            place_start=match.start("place"),
            end=match.end(),
            date=groups.get("date") or "",
            agency=agency_name(groups.get("agency") or ""),
            marked=layout.marked,
            author=people(groups.get("author") or ""),
        )
    return None


def match_byline(line: str) -> tuple[str, str] | None:
    """``(author, agency)`` of a byline layout that matches the whole line, or ``None``."""
    for layout in BYLINES:
        match = layout.pattern.match(line)
        if match:
            groups = match.groupdict()
            agency = groups.get("agency") or groups.get("agency2") or ""
            return people(groups.get("author") or ""), agency_name(agency)
    return None


def match_prefix(line: str) -> tuple[int, str] | None:
    """``(end, agency)`` of a re-poster prefix opening ``line``, or ``None``."""
    for layout in PREFIXES:
        match = layout.pattern.match(line)
        if match:
            return match.end(), agency_name(match.group("agency"))
    return None


def agency_name(text: str) -> str:
    """The agency as a name: an all-caps mark proper-cased ("KAZINFORM" -> "Kazinform")."""
    text = " ".join(text.split()).strip(" .")
    if len(text) > 4 and text.isupper():
        return text[0] + text[1:].lower()
    return text


def people(text: str) -> str:
    """The person(s) of a byline, ``;``-separated, proper-cased when written in capitals."""
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", text) if n.strip()]
    return ";".join(" ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in n.split()) for n in names)
