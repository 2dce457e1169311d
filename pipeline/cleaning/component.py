"""The cleaning stage: header, title, dateline, attribution and boilerplate.

``news_cleaner`` runs first. It reads the raw article (``doc.text``), splits it into line
segments with a role each, and returns a *new* ``Doc`` over the clean text: the raw text with
the ``date`` header keyword, boilerplate lines and wire junk removed. Every character of the clean text is
a character of the raw text, except the separators put where something was removed and the
line breaks inside a hard-wrapped paragraph (spaces, one for one), so ``doc._.offset_map``
(``[clean_start, raw_start, length]`` runs) maps any clean span back to raw offsets. Every line
start of the clean text is preset as a sentence start, so the parser never joins a headline, a
dateline and a paragraph into one sentence; the lines of a hard-wrapped paragraph are one segment.

Removal is conservative: whole lines that match a boilerplate pattern, and inside lines that
carry wire markup the codes and editor notes between text pieces; never part of a plain line.
Each removal is recorded in ``doc._.removed`` with its raw offsets and reason (the ``removed``
table), so a user can audit exactly what was taken out.
"""

from __future__ import annotations

import logging
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from .boilerplate import AUTHOR_LINE, MAX_BOILERPLATE_CHARS, MAX_RELATED, RELATED_STARTS, classify_line, sources_section
from ..core.errors import ConfigError
from ..core.extensions import ATTRIBUTION_KEY, DATELINE_KEY, TITLE_KEY, register_extensions
from .metadata import ArticleFields, read_article_fields
from .segments import Segment
from ..core.offsets import OffsetMap

logger = logging.getLogger(__name__)

# ` date YYYY-MM-DD` header: on a line of its own, or running into the dateline.
# Segment roles the clean text leaves out.
OUT_OF_TEXT = {"removed", "byline"}
HEADER = re.compile(r"\A[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]*\r?\n|[ \t]+|\Z)")


def split_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each non-blank line, without its line break."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", text[start:]):
        if match.group().strip():
            lines.append((start + match.start(), start + match.end()))
    return lines


def segment(text: str) -> list[Segment]:
    """Split a raw article into role-tagged segments that cover every non-blank line.

    Lines are kept whole unless they carry wire markup, whose codes and editor notes go
    piece by piece (see :mod:`newsie.cleaning.boilerplate`); a trailing "Sources" section goes whole.
    """
    segments: list[Segment] = []
    body_start = 0
    header = HEADER.match(text)
    if header:
        segments.append(Segment(header.start(), header.start("date"), "removed", "header"))
        segments.append(Segment(header.start("date"), header.end("date"), "header"))
        body_start = header.end()
    lines = split_lines(text, body_start)
    sources_from = sources_section(text, lines)
    for n, (start, end) in enumerate(lines):
        if n >= sources_from:
            segments.append(Segment(start, end, "removed", "sources"))
            continue
        for piece in classify_line(text, start, end):
            role = "removed" if piece.removed else "body"
            segments.append(Segment(piece.start, piece.end, role, piece.reason))
    return _unwrap(text, _tail_chrome(text, segments))


# A hard-wrapped text: at least this many body lines, most of them within WRAP_BAND characters
# of the wrap width (the long lines' length), which lies between MIN_WRAP_WIDTH and
# MAX_WRAP_WIDTH (terminal and e-mail widths; rows of a results table are shorter), and most of
# those full lines stop mid-sentence (a text of one sentence a line closes them).
MIN_WRAPPED_LINES = 8
MIN_WRAP_WIDTH = 50
MAX_WRAP_WIDTH = 100
WRAP_BAND = 20
WRAPPED = "wrapped"  # the reason of a body segment joined from hard-wrapped lines
# A line that closes a sentence (or a clause before a list).
CLOSED = re.compile(r"[.!?:;][\"”’']?$")


def _unwrap(text: str, segments: list[Segment]) -> list[Segment]:
    """Join the lines of a hard-wrapped paragraph into one body segment.

    Re-posted wire copy often breaks every line near a fixed width ("... Assistant Secretary
    of State\nfor European Affairs ..."); each line would open a sentence and split names. A
    line continues the one before when that one fills the width and does not close a sentence,
    or when it starts in lower case; only single line breaks join.
    """
    body = [s for s in segments if s.role == "body"]
    lengths = sorted(s.end - s.start for s in body)
    if len(lengths) < MIN_WRAPPED_LINES:
        return segments
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = [s for s in body if width - WRAP_BAND <= s.end - s.start <= width]
    open_ended = sum(1 for s in full if not CLOSED.search(text[s.start : s.end].rstrip()))
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH or len(full) * 2 < len(lengths) or open_ended * 2 < len(full):
        return segments
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and prev.role == "body" and seg.role == "body" and _continues(text, prev, seg, width):
            out[-1] = Segment(prev.start, seg.end, "body", WRAPPED)
        else:
            out.append(seg)
    return out


def _continues(text: str, prev: Segment, seg: Segment, width: int) -> bool:
    gap = text[prev.end : seg.start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    last_line = text[prev.start : prev.end].rsplit("\n", 1)[-1]
    closed = CLOSED.search(last_line.rstrip())
    starts_lower = text[seg.start : seg.start + 1].islower()
    return starts_lower or (len(last_line) >= width - WRAP_BAND and not closed)


def _opens_related(segments: list[Segment], i: int) -> bool:
    """Does segment ``i`` open a block of related headlines? A "Most read" heading does; a
    section label or a lone mark only beside another such line ("Politics" over "-"), since
    alone it may be a subheading or a separator inside the story."""
    reason = segments[i].reason
    if reason == "related heading":
        return True
    near = [segments[j] for j in (i - 1, i + 1) if 0 <= j < len(segments)]
    return reason in RELATED_STARTS and any(n.role == "removed" and n.reason in RELATED_STARTS for n in near)


def _tail_chrome(text: str, segments: list[Segment]) -> list[Segment]:
    """Remove the page's tail: related headlines after a section or "most read" line, and an
    author line closing the story ("Jane Roe" alone after the last paragraph)."""
    body = [i for i, s in enumerate(segments) if s.role == "body"]
    if len(body) < 2:
        return segments
    out = list(segments)
    mark = next(
        (i for i in range(len(out) - 1, body[0], -1) if _opens_related(out, i)),
        None,
    )
    after = [i for i in body if mark is not None and i > mark]
    story = len(body) - len(after)
    # The mark closes the story: more of it comes before the mark than after.
    if after and story >= 3 and len(after) < story and len(after) <= MAX_RELATED and all(out[i].end - out[i].start <= MAX_BOILERPLATE_CHARS for i in after):
        for i in after:
            out[i] = Segment(out[i].start, out[i].end, "removed", "related headlines")
        body = [i for i in body if i not in after]
    if len(body) >= 2:
        last, before = out[body[-1]], out[body[-2]]
        closed = re.search(r"[.!?][\"”’']?$", text[before.start : before.end].rstrip())
        if closed and AUTHOR_LINE.match(text[last.start : last.end].strip()):
            out[body[-1]] = Segment(last.start, last.end, "removed", "author line")
    return out


def build_clean_text(
    raw: str, segments: list[Segment]
) -> tuple[str, list[list[int]], list[int]]:
    """Join the kept segments into the clean text.

    Returns the clean text, the offset map (``[clean_start, raw_start, length]`` runs) and the
    clean offset at which each kept segment starts (a sentence start). Kept segments separated
    in the raw text by blank space only stay joined by that raw space; where something was
    removed between them, a synthetic ``"\\n\\n"`` (mapped to nothing) separates them.
    """
    # A byline is an article field, not text of the story: it stays out like a removed line.
    removed_starts = sorted(s.start for s in segments if s.role in OUT_OF_TEXT)
    parts: list[str] = []
    offset_map: list[list[int]] = []
    segment_starts: list[int] = []
    length = 0
    prev_end: int | None = None
    for seg in (s for s in segments if s.role not in OUT_OF_TEXT):
        gap = raw[prev_end : seg.start] if prev_end is not None else ""
        joined = (
            prev_end is not None
            and not gap.strip()
            and not any(prev_end <= r < seg.start for r in removed_starts)
        )
        if joined:
            # Contiguous in the raw text: extend the current run over the gap and the segment.
            parts.append(gap)
            length += len(gap)
            offset_map[-1][2] += len(gap) + seg.end - seg.start
        else:
            if prev_end is not None:
                parts.append("\n\n")
                length += 2
            offset_map.append([length, seg.start, seg.end - seg.start])
        segment_starts.append(length)
        piece = raw[seg.start : seg.end]
        # Inside a hard-wrapped paragraph a line break reads as the space it stands for.
        parts.append(re.sub(r"[\r\n]", " ", piece) if seg.reason == WRAPPED else piece)
        length += seg.end - seg.start
        prev_end = seg.end
    return "".join(parts), offset_map, segment_starts


class Cleaner:
    """Remove the header and boilerplate, read the article fields, keep an offset map.

    Args:
        tokenizer: the pipeline's tokenizer, used to build the clean ``Doc``.
        date_order: how the dateline's numeric dates are read (``"MDY"`` or ``"DMY"``).
    """

    def __init__(self, tokenizer: Tokenizer, *, date_order: str = "MDY") -> None:
        if date_order not in {"MDY", "DMY", "YMD"}:
            raise ConfigError(f"news_cleaner: date_order must be MDY, DMY or YMD, not {date_order!r}")
        self.tokenizer = tokenizer
        self.date_order = date_order

    def __call__(self, doc: Doc) -> Doc:
        raw = doc._.raw_text if doc._.raw_text is not None else doc.text
        segments = segment(raw)
        fields: ArticleFields = read_article_fields(
            raw, segments, published=doc._.published, date_order=self.date_order
        )
        segments = fields.segments
        text, offset_map, segment_starts = build_clean_text(raw, segments)
        if self._reusable(doc, text):
            # Nothing was removed: the incoming Doc is already the tokenised clean text.
            clean = doc
        else:
            clean = self.tokenizer(text)
            clean.user_data.update(doc.user_data)
            if hasattr(doc, "_context"):
                clean._context = doc._context
        self._preset_sentence_starts(clean, segment_starts)
        clean._.raw_text = raw
        clean._.offset_map = offset_map
        clean._.article = fields.as_dict()
        clean._.published = fields.published
        self._add_spans(clean, OffsetMap(offset_map, len(text)), fields)
        clean.spans[ATTRIBUTION_KEY] = attribution_spans(clean, text, fields.source, fields.via)
        clean._.removed = [
            {"start": s.start, "end": s.end, "reason": s.reason}
            for s in segments
            if s.role == "removed"
        ]
        return clean

    @staticmethod
    def _reusable(doc: Doc, text: str) -> bool:
        """Whether ``doc`` is what tokenising ``text`` would give: a fresh ``make_doc`` of it.

        True only for a Doc with the same text and no annotation at all, as the pipeline's
        ``make_doc`` returns it, so the clean Doc is the same either way.
        """
        if doc.text != text or doc.spans or doc.ents:
            return False
        return not any(
            doc.has_annotation(attr)
            for attr in ("SENT_START", "TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB")
        )

    @staticmethod
    def _add_spans(doc: Doc, offsets: OffsetMap, fields: ArticleFields) -> None:
        for key, raw_span in ((DATELINE_KEY, fields.dateline_span), (TITLE_KEY, fields.title_span)):
            clean_span = offsets.to_clean(*raw_span) if raw_span else None
            span = doc.char_span(*clean_span, alignment_mode="expand") if clean_span else None
            doc.spans[key] = [span] if span is not None else []

    @staticmethod
    def _preset_sentence_starts(doc: Doc, segment_starts: list[int]) -> None:
        token_at = {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())}
        for start in segment_starts:
            i = token_at.get(start)
            while i is not None and i < len(doc) and doc[i].is_space:
                i += 1
            if i is not None and i < len(doc):
                doc[i].is_sent_start = True


@Language.factory(
    "news_cleaner",
    assigns=["doc._.raw_text", "doc._.offset_map", "doc._.article", "doc._.removed", "doc.spans", "token.is_sent_start"],
    default_config={"date_order": "MDY"},
)
def make_cleaner(nlp: Language, name: str, *, date_order: str) -> Cleaner:
    register_extensions()
    return Cleaner(nlp.tokenizer, date_order=date_order)


def attribution_spans(doc: Doc, text: str, source: str, via: str) -> list[Span]:
    """Every whole-word occurrence of the source and via names in the clean ``text`` (a list of
    spans labelled "source" and "via"; empty when the article names neither)."""
    spans: list[Span] = []
    for label, name in (("source", source), ("via", via)):
        if not name or (label == "via" and name == source):
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=label))
    return spans


def clean_text(raw: str) -> str:
    """Return the clean text of ``raw`` (a convenience for tests and notebooks)."""
    text, _, _ = build_clean_text(raw, read_article_fields(raw, segment(raw)).segments)
    return text
