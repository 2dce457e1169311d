"""What is not article body: promotion, social links, copyright, paywalls and wire junk.

Used by the cleaning stage. Removal is conservative and by whole segment: a line goes when the
whole of it (its markup aside) matches one of the patterns below; inside lines that carry wire
markup (``&UR;``, ``&QL;``, ``<SLUG>``...), the markup codes and the editor notes between them go
piece by piece, and the text pieces stay. Nothing here removes part of a plain text line, so a
body sentence can never be cut.

Each removed piece is a :class:`Piece` with raw offsets and a reason, for the ``removed`` table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.vocabulary import MONTH_NAME, WEEKDAY_ABBREVIATED

# Wire layout codes and newswire SGML tags: "&UR;", "&QL;", "&Cx1f;", "</HEADER>", "<SLUG>".
# Only these: an HTML entity ("&amp;") or a code that stands for text ("&MD;", a dash) is text.
MARKUP = re.compile(
    r"&(?:UR|QL|QC|QR|LR|Cx[0-9A-Fa-f]{2});"
    r"|</?(?:DOC|DOCNO|DOCID|DOCTYPE|DATE_TIME|HEADER|SLUG|HEADLINE|DATELINE|TEXT|BODY|TRAILER|KEYWORD|PREAMBLE)>"
)
# Control codes only appear on transmission lines ("w2213 &Cx1f; wstm-").
CONTROL_CODE = re.compile(r"&Cx[0-9A-Fa-f]{2};")
# Tag whose content is the headline, on a transmission line that is otherwise junk.
HEADLINE_TAG = re.compile(r"<HEADLINE>(?P<text>[^<]*)</HEADLINE>")

_MONTH = rf"{MONTH_NAME}\.?"
_WEEKDAY = WEEKDAY_ABBREVIATED
# One piece of a page time stamp: a date word or number, a clock, a zone, an age ("7 months
# ago"), or the site that stamps it ("www.site.az", "SITE.AZ", "Agency)").
_STAMP_TOKEN = (
    rf"(?:{_MONTH}|{_WEEKDAY}|\d{{1,2}}:\d\d(?::\d\d)?|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,4}}(?:st|nd|rd|th)?"
    r"|[AaPp]\.?[Mm]\.?|UTC|GMT|[+−-]\d{1,2}(?::\d\d)?|\d+\s+(?:minute|hour|day|week|month|year)s?\s+ago"
    r"|www\.[\w.\-]+|[A-Z][A-Z0-9]*\.[A-Z]{2,3}|[A-Z][a-z]+\))(?![\w])"
)
_STAMP_SEP = r"[\s,|/\[\]()•#·\-–—:.]*"
_SHARE_WORDS = r"(?:share|paylaş|paylas|teilen|partager|compartir|поделиться)"
_LANGUAGE_CODE = r"(?:[А-ЯЁҚӘІҢҒҮҰӨҺ]{2,3}|RU|EN|ENG|KZ|KAZ|AZ|UZ|TR)"

# News-site page chrome, each class with the form it removes (examples invented).
PAGE_CHROME: dict[str, re.Pattern] = {
    # "12:05, 3 May 2020 | GMT +6", "3 May 2020 [12:05] - SITE.AZ", "2020-05-03 12:05 | www.site.az | 4",
    # "Agency) 12:05, May 3, 2020", "May 3, 2020 / 6:39 AM / 2 months ago": a line of date and
    # clock pieces only, always with a clock (a plain date line under a headline stays a date).
    "timestamp": re.compile(rf"^(?=.*\d:\d\d){_STAMP_SEP}(?:{_STAMP_TOKEN}{_STAMP_SEP})+$"),
    # Font-size and share widgets: "+ ↺ − 14 px", "Share on email", "Bu haberi paylaş".
    "widget": re.compile(
        rf"^(?:[+\-−–↺↻Aa]\s*){{1,4}}\d{{1,2}}\s*px$|^{_SHARE_WORDS}\s+(?:on|via|by)\s+\S+$|^(?:\S+\s+){{0,2}}{_SHARE_WORDS}$",
        re.IGNORECASE,
    ),
    # Page tools and forms: "Print version", "Views: 120", "URL: http://...", "2 Min Read",
    # "Recommend news to friend", "• Your e-mail:".
    "page tools": re.compile(
        r"^(?:print(?:\s+version|\s+this\s+(?:article|page))?|views?\s*:\s*\d[\d,]*|url\s*:\s*https?://\S+"
        r"|\d+\s+min(?:ute)?s?\s+read|recommend\s+(?:news|this\s+article|this\s+story)\s+to\s+(?:a\s+)?friend"
        r"|•?\s*(?:your|friend's|friend’s)\s+(?:name|e-?mail)\s*:|connect\s+with\s+us\b.*)$",
        re.IGNORECASE,
    ),
    # A heading over related or popular stories: "MOST READ", "Latest news", "You may also like".
    "related heading": re.compile(
        r"^(?:most\s+(?:popular|read|viewed|commented)|trending(?:\s+now)?|latest\s+news|you\s+may\s+also\s+like"
        r"|related(?:\s+(?:news|articles|stories))?|more\s+(?:news|stories)|other\s+news)$",
        re.IGNORECASE,
    ),
    # A section label: "#Business News", "SITE.AZ / Economy", or a section name alone.
    "section": re.compile(
        r"^#\s?[A-Z][\w&]*(?:\s[A-Z&][\w&]*){0,3}$|^[A-Z][\w.]+\s*/\s*[A-Z][\w ]{1,24}$"
        r"|^(?:Politics|Economy|Business|World|Society|Regions?|Energy|Culture|Sports?|Analytics|Opinion|Tech|Health|Science|Finance|Markets)$"
    ),
    # A language switch ("EN", "ҚАЗ | РУ").
    "language switch": re.compile(rf"^{_LANGUAGE_CODE}(?:\s*[|/]\s*{_LANGUAGE_CODE})*$"),
    # "Photo credit: State Press Office", "Images | Press Office".
    "photo credit": re.compile(r"^(?:photos?(?:\s+credit)?|images?|foto|credit)\s*[:|]\s*[\w .,'’&/\-]{1,50}$", re.IGNORECASE),
    # "Agency Staff", "Desk Newsroom": a credit that names no person.
    "staff credit": re.compile(r"^[A-Z][\w.]+\s+(?:Staff|Newsroom|Desk)$"),
    # "Reporting by Jane Roe; Editing by John Doe" without the wire's brackets.
    "editor line": re.compile(r"^(?:Reporting|Writing|Editing|Additional\s+reporting|Compiled)\s+by\s+[^()]*$"),
    # A tag line: "Ruritania, Trade," (capitalised tags, each closed by a comma).
    "tags": re.compile(r"^(?:[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,2},\s*)+$"),
    # A site menu run together: "NewsSportsWeatherBlog: ..." (three glued words, no sentence end).
    "menu": re.compile(r"^(?=(?:.*?[a-z][A-Z]){3})[^.!?]*$"),
    # Page status text and update notes: "Please wait", "Details added (first version posted on 9:05)".
    "status": re.compile(
        r"^(?:(?:the\s+)?(?:operation|request)\s+is\s+being\s+(?:performed|processed)|loading|please\s+wait)\W*$"
        r"|^(?:new\s+|more\s+)?details\s+added\b.*$|^\(?first\s+version\s+posted\b.*$",
        re.IGNORECASE,
    ),
    # A mark alone on its line: "-", "#", "•".
    "lone mark": re.compile(r"^[#\-–—•*|]$"),
}
# Classes a trailing block of related headlines starts after.
RELATED_STARTS = {"related heading", "section", "lone mark"}
# Related headlines after such a line are short paragraphs; at most this many.
MAX_RELATED = 6
# An author line closing the story: two or three capitalised words alone ("Jane Roe").
AUTHOR_LINE = re.compile(r"^[A-Z][a-z'’\-]+(?:\s[A-Z][a-z'’\-]+){1,2}$")

# Whole-line patterns, tried in order on the line's text with its markup taken out.
LINE_PATTERNS: dict[str, re.Pattern] = {
    # Promotion and social lines must name what they promote, so "Stay informed about the
    # risks, officials said." or "Follow-up talks ..." stay.
    "promotion": re.compile(
        r"^(?:stay (?:up-to-date|up to date|tuned|informed|connected)\b.*\b(?:news|channel|newsletter|updates|app)\b"
        r"|(?:subscribe|sign up|register) (?:to|for|now|here|today)\b|join (?:us|our) (?:on|channel|newsletter|community)\b"
        r"|download (?:our|the) app\b|click here\b|read (?:more|also)\s*:|see also\s*:"
        r"|related(?: articles| news| stories)?\s*:|advertisement$"
        r"|find the plan that suits you\b|full digital access to\b|get (?:unlimited|full) access\b"
        r"|already (?:a subscriber|have an account)\b|support (?:our|independent) journalism\b)",
        re.IGNORECASE,
    ),
    "social": re.compile(
        r"^(?:(?:follow|like|find) (?:us|\S+) on (?:twitter|x|facebook|instagram|telegram|whatsapp|youtube|linkedin|tiktok)\b"
        r"|share (?:this (?:article|story|page)|on (?:twitter|facebook|x))\b"
        r"|(?:join|subscribe to) (?:our|the) \S+ (?:channel|group)\b)",
        re.IGNORECASE,
    ),
    "copyright": re.compile(
        r"^(?:(?:\(c\)|©|copyright)\s*(?:\(c\)|©)?\s*\d{4}\b|c\.\s?\d{4}\b|[^.!?]{0,80}\ball rights reserved\.?$)",
        re.IGNORECASE,
    ),
    "separator": re.compile(r"^(?:-{3,}|_{3,}|\*{3,}|={3,}|#{3,})$"),
    # "A8503 &Cx1f; taf-z", "u i &Cx13; &Cx11; URGENT 08-07 0122", "u k BC-EDIT-ELIAN-NYT 04-06 0549",
    "transmission": re.compile(
        r"^(?:[A-Za-z]\d{4}\b.{0,20}$|[a-z](?:\s[a-z]){1,3}\s+\S.*\b\d{2}-\d{2}\s+\d{4}$"
        # Routing codes: "(PROFILE (WS SL:URGENT; CT:i; (REG:EURO;) (LANG:ENGLISH;)) )".
        r"|\(PROFILE\b.*\)$|(?:\(?[A-Z]{2,5}:[^();]*;\)?\s*){3,}\)*\s*$)"
    ),
    # "BC-Kenya-Explosion, 5th Ld-Writethru", "BC-EDIT-ELIAN-NYT".
    "slug": re.compile(r"^BC-[\w().\-]+(?:,?\s+\S+){0,4}$"),
    "priority": re.compile(r"^(?:URGENT|BULLETIN|FLASH|ADVISORY|ADVANCE)$"),
    "continuation": re.compile(r"^(?:MORE|-\s?MORE\s?-|\(MORE\)|ENDS?|-\s?30\s?-|#{1,3})$"),
    # "(ART ADV: Graphic is being sent ...) (wg)", "ATTENTION - ADDS details ///", "Eds: UPDATES ...".
    "editor note": re.compile(
        r"^(?:\((?:ART ADV|EDS?|EDITORS?|ATTN|NOTE|CORRECTS?|UPDATES?|REPEATS?)\b.*\)$"
        r"|ATTENTION\b.*|Eds?:.*|Editors?:.*|(?:AP|AFP|Reuters) (?:Photos?|Graphics?|Video)(?:\s+[A-Z]\w*){0,2})$"
    ),
    # Wire credits: "(Reporting by John Smith; Editing by Jane Doe)".
    "credits": re.compile(r"^\((?:Reporting|Writing|Editing|Additional reporting|Compiled)\b[^()]*\)$", re.IGNORECASE),
    "picture": re.compile(r"^=?\((?:PICTURE|PHOTO|GRAPHIC|VIDEO|MAP)S?\)=?$", re.IGNORECASE),
    # "AP-NY-08-07-98 0618EDT", "NYT-04-06-00 0010EDT", operator initials "(sw)".
    "sign-off": re.compile(
        r"^(?:[A-Z]{2,4}(?:-[A-Z]{2,3})?-\d{2}-\d{2}-\d{2,4}\s+\d{3,4}(?:[A-Z]{2,3})?|\([a-z]{1,4}\)"
        # Desk initials: "bur-jm/sst".
        r"|[a-z]{2,5}-[a-z]{2,5}/[a-z]{2,5}(?:[-/][a-z]{2,5})*)$"
    ),
    "categories": re.compile(r"^Categories\s*:", re.IGNORECASE),
    # Wiki interlanguage links: "de:Friedensnobelpreis an Wangari Maathai".
    "language link": re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?:[^\s:/][^.!?]*$"),
    # Page chrome of news sites, one declared class per kind of line (see below).
    **{reason: pattern for reason, pattern in PAGE_CHROME.items()},
}

# A line this long is a paragraph, never boilerplate, whatever words it starts with.
MAX_BOILERPLATE_CHARS = 300
# Promotion, social and copyright lines are short; a longer line starting the same way is body
# ("Follow him on Twitter, where he posted ..." is reporting, not a social link).
MAX_WORDS = {"promotion": 16, "social": 12, "copyright": 16, "page tools": 10, "photo credit": 8, "tags": 12, "status": 10, "editor line": 16}

# A trailing "Sources" section: its heading, then citation lines ("Title" — Outlet, date).
SOURCES_HEADING = re.compile(r"^(?:Sources?|References|External links)\s*:?$", re.IGNORECASE)
CITATION = re.compile(r"[\"“][^\"”]+[\"”]\s*[—–-]\s*\S|^https?://\S+$")


@dataclass(frozen=True)
class Piece:
    """A raw-text range inside one line: kept text, or a removed piece and why."""

    start: int
    end: int
    reason: str = ""  # "" for kept text

    @property
    def removed(self) -> bool:
        return bool(self.reason)


def line_reason(text: str) -> str:
    """Name the pattern a whole line (markup removed, stripped) matches, or return ``""``."""
    text = text.strip()
    if not text:
        return "markup"
    if len(text) > MAX_BOILERPLATE_CHARS:
        return ""
    words = len(text.split())
    for reason, pattern in LINE_PATTERNS.items():
        if words <= MAX_WORDS.get(reason, words) and pattern.search(text):
            return reason
    return ""


def classify_line(raw: str, start: int, end: int) -> list[Piece]:
    """Split one line into kept and removed pieces (raw offsets, whitespace trimmed)."""
    line = raw[start:end]
    codes = list(MARKUP.finditer(line))
    if not codes:
        reason = line_reason(line)
        return [_trim(raw, start, end, reason)]

    texts = _text_pieces(line, codes)
    plain = " ".join(line[a:b].strip() for a, b in texts)
    reason = "transmission" if CONTROL_CODE.search(line) else line_reason(plain)
    if reason:
        # Junk as a whole (a transmission line, "&UR; MORE"), except a tagged headline inside it.
        headline = HEADLINE_TAG.search(line)
        if headline and headline.group("text").strip():
            a, b = headline.span("text")
            return _merge(
                [Piece(start, start + a, reason), _trim(raw, start + a, start + b), Piece(start + b, end, reason)],
                raw,
            )
        return [Piece(start, end, reason)]

    pieces: list[Piece] = []
    position = 0
    for a, b in texts:
        if a > position:
            pieces.append(Piece(start + position, start + a, "markup"))
        pieces.append(_trim(raw, start + a, start + b, line_reason(line[a:b])))
        position = b
    if position < len(line):
        pieces.append(Piece(start + position, end, "markup"))
    return _merge(pieces, raw)


def sources_section(raw: str, lines: list[tuple[int, int]]) -> int:
    """Index of the line that opens a trailing "Sources" section, or ``len(lines)``.

    The section counts only when every line after its heading is a citation or a category
    line, so a paragraph that happens to start with "Sources" is never taken.
    """
    for i, (start, end) in enumerate(lines):
        if not SOURCES_HEADING.match(raw[start:end].strip()):
            continue
        rest = [raw[a:b].strip() for a, b in lines[i + 1 :]]
        if rest and all(CITATION.search(t) or LINE_PATTERNS["categories"].match(t) for t in rest):
            return i
    return len(lines)


def _text_pieces(line: str, codes: list[re.Match]) -> list[tuple[int, int]]:
    """The non-blank stretches of ``line`` between markup codes, as line offsets."""
    bounds = [0] + [x for m in codes for x in m.span()] + [len(line)]
    pieces = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        if line[a:b].strip():
            pieces.append((a, b))
    return pieces


def _trim(raw: str, start: int, end: int, reason: str = "") -> Piece:
    """The piece without its surrounding whitespace (kept text) or as is (removed)."""
    if reason:
        return Piece(start, end, reason)
    text = raw[start:end]
    lead = len(text) - len(text.lstrip())
    return Piece(start + lead, start + len(text.rstrip()), "")


def _merge(pieces: list[Piece], raw: str) -> list[Piece]:
    """Join neighbouring removed pieces; the merged piece keeps its most specific reason."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.end <= piece.start:
            continue
        if out and piece.removed and out[-1].removed and not raw[out[-1].end : piece.start].strip():
            prev = out[-1]
            reason = prev.reason if prev.reason != "markup" else piece.reason
            out[-1] = Piece(prev.start, piece.end, reason)
        else:
            out.append(piece)
    return out
