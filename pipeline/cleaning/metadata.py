"""Article fields read from the raw text: title, date line, dateline, byline, source and via.

Used by the cleaning stage. Everything here works on raw offsets and returns plain values.
The published date comes, in order, from the input metadata, the ``date`` header, the
dateline's date (when it resolves) or a date line under the headline; without any of them it
stays empty and relative dates are left unresolved.

Source and via are read from what the text says, not looked up: the agency in a dateline
("(Xinhua)"), an attribution ("Trend reports via CICA", "Azernews reports, citing Reuters",
"As reported by Azernews via AzerTag"), a paragraph that opens "According to <outlet>", a
sign-off ("Purnell Murdock, VOA News.") or a copyright line ("c.1999 N.Y. Times News Service").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..core.calendar import parse_iso_date
from .datelines import DATE_LINE, DATE_LINE_PREFIX, find_dateline, read_date, read_layout_date
from .layouts import Opening, match_byline, match_opening, match_prefix, people
from .segments import Segment

# How many kept segments at the top can be headline, date line, byline or dateline.
HEAD_SEGMENTS = 8
# A name: capitalised words, with "of"/"for"/"and"/"de" inside ("Times of Zambia").
# Bounded, so that a long all-caps paragraph cannot make the search quadratic.
NAME = r"[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z][\w&.'’\-]*|of|for|and|de|al)){0,6}"
# The via may be a generic credit: "Azernews reports via Armenian media".
_VIA = rf"(?:{NAME}(?:\s+(?:media|government|press\s+service))?|[a-z]+\s+media)"
# "Trend reports via X", "... citing X", "... with reference to X", "... referring to X".
_CITING = r"(?:via|citing|quoting|with\s+reference\s+to|referring\s+to)"
ATTRIBUTION = re.compile(
    rf"\b(?P<source>{NAME})\s+(?:reports?|informs),?\s+{_CITING}\s+(?:the\s+)?(?P<via>{_VIA})"
    rf"|\breported\s+by\s+(?P<source2>{NAME})\s+{_CITING}\s+(?:the\s+)?(?P<via2>{_VIA})"
)
# The outlet told or informed: "the ministry told Trend", "confirmed it to 24.kg news agency",
# "Kazinform News Agency learned from the press service".
_OUTLET_NAME = rf"(?:{NAME}|\d+\.[a-z]{{2,3}})"
TOLD = re.compile(
    rf"\b(?:told|informed)\s+(?P<source>{_OUTLET_NAME})|(?<![Aa]ccording\s)\bto\s+(?P<source2>{_OUTLET_NAME})\s+news\s+agency\b"
    rf"|(?P<source3>{NAME})\s+(?:has\s+)?(?:learned|learnt)\s+from\b"
)
# A source line closing the page: "Source: Agency".
SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<source>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3})\s*$")
# A time stamp naming the site that stamped it: "... | www.agency.az | 0".
STAMP_SITE = re.compile(r"\bwww\.(?P<site>[a-z][a-z\-]+)\.[a-z]{2,3}\b")
# The outlet's own credit closing a sentence: "..., Azernews reports."
REPORTS = re.compile(rf"(?:,|^)\s*(?P<source>{NAME})\s+(?:reports?|informs)\s*[.,]")
# A third party credited: "the BBC reports", "the official news agency IRNA reported".
CREDIT = re.compile(rf"\bthe\s+(?P<lead>(?:[\w\-]+\s+){{0,3}}?)(?P<via>{NAME})\s+(?:reported|reports)\b")
# "According to Yonhap news agency, ...", "..., according to a report by the Times of Zambia."
ACCORDING_TO = re.compile(rf"(?:^|\b)[Aa]ccording\s+to\s+(?:a\s+report\s+(?:by|from|in)\s+)?(?:the\s+)?(?P<via>{NAME})")
# Words that make a credited name a news outlet rather than a person or a ministry.
OUTLET_WORDS = re.compile(
    r"\b(?:news|agency|ag[eê]ncia|agence|agencia|press|times|post|journal|radio|television|tv"
    r"|broadcasting|gazette|herald|tribune|telegraph|daily|wire|newspaper|magazine|media)\b",
    re.IGNORECASE,
)
# Outlets whose names carry none of those words; a credit still needs the wording above.
KNOWN_OUTLETS = {"AFP", "AP", "BBC", "CNN", "Reuters", "Xinhua", "TASS", "Interfax", "Yonhap", "Kyodo", "Bloomberg", "IRNA", "AzerTag", "Trend", "Sputnik"}
# A sign-off sentence naming the outlet: "Purnell Murdock, VOA News.", "This is VOA Today."
SIGN_OFF = re.compile(
    r"^(?:This\s+is\s+|[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2}(?:\s+for\s+|,\s*))?(?P<source>[A-Z]{2,})\s+(?:News|Today)"
    r"(?:,\s*[A-Z][\w.'’\- ]{0,30})?\.?$"
)
# A copyright line naming the service: "c.1999 N.Y. Times News Service", "(c) 2024 Trend".
COPYRIGHT_SOURCE = re.compile(r"^\s*(?:\(c\)|©|c\.|copyright)\s*\d{4}\s+(?P<source>[A-Z][^,;()]{1,60}?)\s*\.?$", re.IGNORECASE)
# "By Akbar Novruz", "By ANITA SNOW Associated Press Writer", "by Sebastian Smith", and a
# credit piece alone: "Associated Press Writer".
BYLINE = re.compile(
    r"^\s*(?:[Bb]y\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"
    r"(?:,?\s+(?:[A-Z][\w.]*\s+){0,3}(?:Writer|Correspondent|Reporter|Editor))?"
    r"|(?:[A-Z][\w.]*\s+){1,3}(?:Writer|Correspondent|Reporter))\s*$"
)
# A byline run onto the headline's line: "Castro: Elian's Dad May Come Monday  By ANITA SNOW, ...".
INLINE_BYLINE = re.compile(r"\s{2,}(?=By\s+[A-Z])")


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
    author: str = ""

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "via": self.via,
            "dateline_place": self.dateline_place,
            "dateline_date": self.dateline_date,
            "published_from": self.published_from,
        }


def read_article_fields(raw: str, segments: list[Segment], *, published: str = "", date_order: str = "MDY") -> ArticleFields:
    """Tag the title, date line, byline and dateline segments and read the article fields."""
    header = next((s for s in segments if s.role == "header"), None)
    published_from = "input" if published else ""
    if not published and header is not None:
        published, published_from = raw[header.start : header.end], "header"
    anchor = parse_iso_date(published)

    out = _split_inline_bylines(raw, list(segments))
    head = _read_head(raw, out, anchor)
    out = head.segments
    dateline_date = head.dateline_date or head.date_line_date
    if not published and dateline_date:
        published, published_from = dateline_date, "dateline"

    body = [raw[s.start : s.end] for s in out if s.role == "body"]
    removed = [raw[s.start : s.end] for s in out if s.role == "removed"]
    source, via = read_source(body, removed)
    if not head.author:
        # An author line closing the story ("Jane Roe" alone after the last paragraph).
        head.author = ";".join(people(raw[s.start : s.end]) for s in out if s.reason == "author line")
    return ArticleFields(
        segments=out,
        title=head.title,
        author=head.author,
        source=head.credit or source or head.agency or stamp_site([raw[x.start : x.end] for x in out if x.reason == "timestamp"]),
        via=via,
        dateline_place=head.place,
        dateline_date=dateline_date,
        published=published,
        published_from=published_from,
        dateline_span=head.place_span,
        title_span=head.title_span,
    )


@dataclass
class _Head:
    segments: list[Segment]
    title: str = ""
    title_span: tuple[int, int] | None = None
    place: str = ""
    place_span: tuple[int, int] | None = None
    agency: str = ""
    dateline_date: str = ""
    date_line_date: str = ""
    # The agency named by a layout's own mark (a byline credit, a re-poster prefix).
    credit: str = ""
    author: str = ""


def _read_head(raw: str, segments: list[Segment], anchor: dt.date | None) -> _Head:
    """Walk the first kept segments: headline, date line, byline, then the dateline."""
    head = _Head(segments)
    head.date_line_date = _timestamp_date(raw, segments, anchor)
    kept = [i for i, s in enumerate(segments) if s.role == "body"][:HEAD_SEGMENTS]
    for n, i in enumerate(kept):
        seg = segments[i]
        line = raw[seg.start : seg.end]
        if DATE_LINE.match(line):
            segments[i] = replace(seg, role="date_line")
            if not head.date_line_date:
                head.date_line_date = _iso(read_date(line, anchor))
            continue
        if _byline(line, head, raw):
            segments[i] = replace(seg, role="byline")
            continue
        offset = seg.start
        prefix = DATE_LINE_PREFIX.match(line)
        if prefix:
            # A date line run into the first paragraph: read its date, the line stays body.
            head.date_line_date = head.date_line_date or _iso(read_date(prefix.group("date"), anchor))
            line, offset = line[prefix.end() :], seg.start + prefix.end()
        if reposted := match_prefix(line):
            # "(MENAFN- Agency) ...": the re-poster names the agency that wrote the story.
            head.credit = head.credit or reposted[1]
            line, offset = line[reposted[0] :], offset + reposted[0]
        if _take_dateline(raw, segments, i, line, offset, head, anchor):
            # The old Trend form: the dateline alone on its line, then "By X – Agency:".
            nxt = kept[n + 1] if segments[i].role == "dateline" and n + 1 < len(kept) else None
            if nxt is not None and _byline(raw[segments[nxt].start : segments[nxt].end], head, raw):
                segments[nxt] = replace(segments[nxt], role="byline")
            break
        if not head.title and not prefix and _headline(line) and n + 1 < len(kept):
            segments[i] = replace(seg, role="title")
            head.title = line.strip()
            head.title_span = (seg.start, seg.end)
            continue
        if not reposted:
            _marked_dateline(raw, segments, kept[n + 1 :], head, anchor)
        break
    return head


def _byline(line: str, head: _Head, raw: str = "") -> bool:
    """Whether ``line`` is a byline; its person(s) and agency credit go to ``head``.

    A bare "Word:" line is an agency's credit only when the word is a known outlet or the
    text credits it again ("Trend reports ..."); else it is a label ("Highlights:", "Analysis:").
    """
    layout = match_byline(line)
    if layout is not None:
        author, agency = layout
        bare = not author and not re.match(r"\s*By\b", line)
        if bare and agency not in KNOWN_OUTLETS and len(re.findall(rf"\b{re.escape(agency)}\b", raw)) < 2:
            return False
        head.author = head.author or author
        head.credit = head.credit or agency
        return True
    if BYLINE.match(line):
        head.author = head.author or byline_people(line)
        return True
    return False


def byline_people(line: str) -> str:
    """The person(s) of a byline line: "By ANITA SNOW Associated Press Writer" -> "Anita Snow"."""
    text = re.sub(r"^\s*[Bb]y\s+", "", line.strip()).split(",")[0]
    # The credit after the name: "Associated Press Writer", "VOA News", "Staff Correspondent".
    credit = r"(?:^|\s+)(?:Associated\s+Press\b|[A-Z][\w.]*\s+News\b|(?:Staff|Senior|Special)\s+)?\s*(?:Writer|Correspondent|Reporter|Editor)?\s*$"
    return people(re.sub(credit, "", text).strip())


def _take_dateline(raw: str, segments: list[Segment], i: int, line: str, offset: int, head: _Head, anchor) -> bool:
    """Read a dateline (a declared layout first, then the general form) opening ``line``."""
    seg = segments[i]
    opening = match_opening(line) or _general_dateline(line)
    if opening is None:
        return False
    head.place = opening.place
    start = offset + opening.place_start
    head.place_span = (start, start + len(opening.place))
    # The dateline's agency stands when the text credits no other outlet ("..., X reports").
    head.agency = opening.agency
    head.author = head.author or opening.author
    if opening.date:
        # Without a publication date, a date line above the dateline anchors its day.
        near = anchor or parse_iso_date(head.date_line_date)
        head.dateline_date = _iso(read_layout_date(opening.date, near))
    if opening.end >= len(line.rstrip()):
        segments[i] = replace(seg, role="dateline")
    return True


def _general_dateline(line: str) -> Opening | None:
    dateline = find_dateline(line)
    if dateline is None:
        return None
    date = dateline.date.group() if dateline.date is not None else ""
    return Opening("general", dateline.place, dateline.place_start, dateline.end, date, dateline.agency)


def _marked_dateline(raw: str, segments: list[Segment], rest: list[int], head: _Head, anchor) -> None:
    """A dateline in an agency's own marked form further down, past captions and chrome."""
    for i in rest:
        line = raw[segments[i].start : segments[i].end]
        opening = match_opening(line)
        if opening is not None and opening.marked:
            _take_dateline(raw, segments, i, line, segments[i].start, head, anchor)
            return


def _timestamp_date(raw: str, segments: list[Segment], anchor: dt.date | None) -> str:
    """The date of a page time stamp at the top (removed as chrome, still a date line)."""
    for seg in segments[: HEAD_SEGMENTS + 2]:
        if seg.role == "removed" and seg.reason == "timestamp":
            date = read_date(raw[seg.start : seg.end], anchor)
            if date is not None:
                return _iso(date)
    return ""


def _headline(line: str) -> bool:
    """A headline does not read as a sentence: short, with no closing punctuation."""
    line = line.strip()
    return bool(line) and not re.search(r"[.!?:;,][\"”’']?$", line) and len(line.split()) <= 30


def _split_inline_bylines(raw: str, segments: list[Segment]) -> list[Segment]:
    """Split a headline line that carries the byline after a wide gap into two segments."""
    out: list[Segment] = []
    for n, seg in enumerate(segments):
        match = INLINE_BYLINE.search(raw, seg.start, seg.end) if seg.role == "body" and n < HEAD_SEGMENTS else None
        if match and BYLINE.match(raw[match.end() : seg.end]):
            out.append(replace(seg, end=match.start()))
            out.append(replace(seg, start=match.end()))
        else:
            out.append(seg)
    return out


def read_source(body: list[str], removed: list[str]) -> tuple[str, str]:
    """``(source, via)`` as the text states them; empty strings when it does not."""
    for line in body[:3]:
        match = ATTRIBUTION.search(line)
        if match:
            source = match.group("source") or match.group("source2")
            via = match.group("via") or match.group("via2")
            return _name(source), _name(via)
    via = ""
    for n, line in enumerate(body[:2]):
        # The lede credits its outlet in its first sentence ("..., according to a report by the
        # Times of Zambia."); the second paragraph only when it opens with the credit. Later
        # "according to" credits one fact, not the article.
        lede = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip())[0]
        match = ACCORDING_TO.search(lede) if n == 0 else ACCORDING_TO.match(line.lstrip())
        if match and _outlet(line[match.start("via") :], match.group("via")):
            via = _name(match.group("via"))
            break
        credit = next((m for m in CREDIT.finditer(line) if _outlet(m.group("lead") + m.group("via"), m.group("via"))), None)
        if credit:
            via = _name(credit.group("via"))
            break
    for line in body[:3]:
        match = REPORTS.search(line)
        if match and _name(match.group("source")) != via:
            return _name(match.group("source")), via
    if told := _told(body[:3]):
        return told, via
    last = re.split(r"(?<=[.!?])\s+", body[-1].strip())[-1] if body else ""
    if sign_off := SIGN_OFF.match(last):
        return sign_off.group("source"), via
    for line in removed:
        match = COPYRIGHT_SOURCE.match(line)
        if match:
            return _name(match.group("source")), via
    for line in body[-3:] + removed:
        if match := SOURCE_LINE.match(line):
            return _name(match.group("source")), via
    return "", via


def _told(lines: list[str]) -> str:
    """The outlet a lede says it was told or informed ("the ministry told Trend")."""
    for line in lines:
        for match in TOLD.finditer(line):
            name = _name(match.group("source") or match.group("source2") or match.group("source3"))
            name = re.sub(r"(?<=\.[A-Za-z]{2})\.$|(?<=\.[A-Za-z]{3})\.$", "", name)
            domain = re.search(r"\w\.[A-Za-z]{2,3}$", name) is not None
            # "told The Post" is an interview; "told Trend" / "told Site.az" the outlet's own report.
            known = domain or name in KNOWN_OUTLETS or match.group("source2")
            if known or (match.group("source3") and _outlet(line[match.start() :], name)):
                return name
    return ""


def stamp_site(removed: list[str]) -> str:
    """The site a page time stamp names ("www.agency.az" -> "Agency"), or ``""``."""
    for line in removed:
        if match := STAMP_SITE.search(line):
            return match.group("site").capitalize()
    return ""


def _outlet(text: str, name: str) -> bool:
    """The credited name (with the few words around it) reads as a news outlet."""
    if re.search(r"['’]s$", name):
        return False  # "the Agency's report": a possessive is not the credited name
    return _name(name) in KNOWN_OUTLETS or bool(OUTLET_WORDS.search(" ".join(text.split()[:5])))


def _name(text: str) -> str:
    """A name without the sentence's closing period ("CICA." -> "CICA"; "N.Y." stays)."""
    # A name never runs across a sentence end ("Times of Zambia. The newspaper ...").
    text = re.split(r"(?<=[a-z]{2})\.\s", text.strip())[0]
    last = text.split()[-1] if text else ""
    if last.endswith(".") and "." not in last[:-1]:
        text = text[:-1]
    return text


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date else ""
