"""The dates stage: TIMEX3 detection and normalisation against the article's own date.

``news_dates`` takes its candidates from its own patterns (:mod:`newsie.dates.families`,
spans drawn as TimeML draws them) and, where none matched, from the model's DATE and TIME
entities (leading prepositions dropped, ranges split into their ends, ages and ordinals such
as "the 25th Anniversary" rejected). It reads the direction of the clause (past or future
tense), carries what the document said before (the quarter under discussion, the last year
and day named) and normalises each with :mod:`newsie.dates.timex` against the published date.
Results go to ``doc._.dates`` as plain dicts with clean offsets.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.extensions import TEMPORAL_KEY, register_extensions
from ..core.schema import TEMPORAL_LABELS
from ..core.calendar import iso_date, parse_iso_date
from ..core.intervals import Taken
from ..core.vocabulary import MONTH_STEMS
from .patterns import find_spans
from .plausible import plausible_model_span
from .timex import Context, Timex, normalise

LEADING_WORDS = {"on", "in", "at", "since", "by", "during", "until", "till", "from", "for", "of", "before", "after", "between", "through", "throughout", "around", "about"}
YEAR_RANGE = re.compile(r"^(?P<a>(?:1[5-9]|20)\d\d)\s*[-–—/]\s*(?P<b>(?:1[5-9]|20)\d\d|\d\d)$")
# Model DATE spans that are not TIMEX3: ordinals and ages ("the 25th Anniversary", "in his
# 30s"), and "annually", which TimeBank leaves untagged more often than not.
NOT_A_DATE = re.compile(
    r"\b(?:anniversary|birthday|old|aged?)\b|^\d+(?:st|nd|rd|th)$|^(?:mid-|early |late )?[1-9]0s$|^annually$"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:minute|lap|round|inning|hole)|^(?:the\s+)?(?:first|second)\s+half$",
    re.IGNORECASE,
)
# Documents that compare quarters read "a year earlier" as the same quarter a year before.
QUARTER_TALK = re.compile(r"\b(?:quarter|third-quarter|fourth-quarter|first-quarter|second-quarter)\b", re.IGNORECASE)
QUARTER_WORDS = re.compile(r"\b(?:quarter|period|quarterly|net|earnings|profit|loss|sales|revenue|a share)\b", re.IGNORECASE)
NAMED_QUARTER = re.compile(r"^(?!.*(?:ago|earlier|year-|comparable|last year's)).*\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter", re.IGNORECASE)
FUTURE_WORDS = {"will", "'ll", "shall", "scheduled", "expected", "planned", "due", "upcoming", "forthcoming", "next", "plans", "plan", "set", "schedule", "expect", "intend", "going", "hope"}
MODALS = {"would", "could", "may", "might", "should", "can", "must"}


def clause_direction(span: Span) -> int:
    """-1 when the clause governing ``span`` is in the past tense, +1 future, 0 unknown.

    Future: a modal or a planning word on the verb or the verb above it ("will meet on
    Friday", "planned to leave on Thursday", "is scheduled for December 17"), or "as early
    as", "until", "effective" just before. Past: a past-tense verb or a perfect. A present tense
    stays undecided: the parser often tags past participles as present ("hurt").
    """
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start].text.lower()
    if re.search(r"\b(?:as (?:soon|early) as|next|until|effective)$", before):
        return 1
    token = span.root
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
    if token.pos_ not in {"VERB", "AUX"}:
        return 0
    chain = [token]
    if token.dep_ in {"xcomp", "ccomp", "advcl", "conj"} and token.head is not token:
        chain.append(token.head)
    words = {t.lower_ for v in chain for t in v.children if t.dep_ in {"aux", "auxpass", "neg", "prt", "acomp"}}
    chain += [t for v in chain for t in v.children if t.dep_ in {"aux", "auxpass"}]
    words |= {v.lower_ for v in chain} | {v.lemma_.lower() for v in chain}
    if words & FUTURE_WORDS:
        return 1
    if token.tag_ in {"VB", "VBG"} and words & MODALS:
        return 1
    if "would" in words and not words & {"have", "had"}:
        return 1  # "would be paid in January"
    if "to" in words and any(v.tag_ in {"VBZ", "VBP", "MD"} for v in chain):
        return 1  # "is to be held"
    if token.lemma_ == "be" and token.tag_ in {"VBZ", "VBP"} and any(
        c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.children) for c in token.children
    ):
        return 1  # "on Wednesday, they are to travel"
    if token.tag_ == "VBD" or (token.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}):
        return -1
    if token.tag_ == "VB" and len(chain) > 1 and chain[1].tag_ in {"VBZ", "VBP", "VB"}:
        return 1
    if token.tag_ == "VB" and len(chain) > 1 and chain[1].tag_ == "VBD":
        return -1
    return -1 if token.tag_ == "VBN" else 0


class DateTagger:
    """Find TIMEX3 expressions and normalise them against ``doc._.published``."""

    def __init__(self, *, use_model_spans: bool = True) -> None:
        self.use_model_spans = use_model_spans

    def __call__(self, doc: Doc) -> Doc:
        anchor = parse_iso_date(doc._.published)
        # doc.text and has_annotation walk every token: read them once per doc, not per date.
        full = doc.text
        has_sents = doc.has_annotation("SENT_START")
        records = []
        context = Context(quarter_talk=bool(QUARTER_TALK.search(full)))
        for start, end, family in self._candidates(doc, full):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            text = full[start:end]
            sentence = span.sent.text if has_sents else text
            local = replace(
                context,
                quarter_talk=context.quarter_talk and bool(QUARTER_WORDS.search(sentence)),
                following=full[end : end + 20],
            )
            if family == "range" and re.fullmatch(r"\d\d", text) and records:
                century = records[-1]["value"][:2]
                timex = Timex("DATE", century + text) if records[-1]["value"][:4].isdigit() else None
            elif family == "range_day":
                timex = _range_day(text, records)
            else:
                timex = normalise(_with_range_year(text, full[end : end + 48]), anchor, clause_direction(span), local)
            if timex is None:
                continue
            context = _remember(context, timex, text)
            records.append(
                {
                    "start": start,
                    "end": end,
                    "text": text,
                    "type": timex.type,
                    "value": timex.value,
                    "mod": timex.mod,
                    "anchor": iso_date(anchor),
                }
            )
        for i, record in enumerate(records, start=1):
            record["date_id"] = f"D{i}"
        doc._.dates = records
        return doc

    def _candidates(self, doc: Doc, full: str) -> list[tuple[int, int, str]]:
        """The stage's own matches, then the model's DATE/TIME spans where nothing matched."""
        kept = find_spans(full)
        taken = Taken(len(full), ((start, end) for start, end, _ in kept))
        if self.use_model_spans:
            # The entities stage's DATE/TIME spans (doc.ents when it did not run).
            model = doc.spans[TEMPORAL_KEY] if TEMPORAL_KEY in doc.spans else doc.ents
            for ent in model:
                if ent.label_ not in TEMPORAL_LABELS:
                    continue
                for start, end in self._boundaries(full, ent.start_char, ent.end_char):
                    text = full[start:end]
                    if not plausible_model_span(text, full[max(0, start - 12) : start], full[end : end + 16]):
                        continue
                    if not taken.overlaps(start, end):
                        kept.append((start, end, "model"))
                        taken.take(start, end)
        return sorted(kept)

    @staticmethod
    def _boundaries(full: str, start: int, end: int) -> list[tuple[int, int]]:
        """TimeML boundaries: no leading preposition; ranges split into their two ends."""
        text = full[start:end]
        while True:
            word = re.match(r"(\w+)\s+", text)
            if word is None or word.group(1).lower() not in LEADING_WORDS:
                break
            start += word.end()
            text = text[word.end() :]
        text_stripped = text.rstrip(" ,.;:")
        end = start + len(text_stripped)
        if NOT_A_DATE.search(text_stripped) or re.fullmatch(r"\d{1,3}", text_stripped):
            # A bare small number the model calls a DATE is an age or a count ("Kopp, 44,").
            return []
        year_range = YEAR_RANGE.match(text_stripped)
        if year_range:
            a, b = year_range.span("a"), year_range.span("b")
            return [(start + a[0], start + a[1]), (start + b[0], start + b[1])]
        return [(start, end)] if start < end else []


# What follows the first end of a range up to the year both ends share: "-12, 2021",
# " through December 22, 2021", " to early Nov.2020", "-6 last year".
_RANGE_MONTH = rf"(?:{'|'.join(MONTH_STEMS)})[a-z]*\.?"
RANGE_YEAR = re.compile(
    rf"^(?:\s*[-–—]\s*\d{{1,2}}|\s*(?:through|to|until|till|and|[-–—])\s*(?:(?:early|late|mid)[\s-]+)?{_RANGE_MONTH}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?)?)"
    r"(?P<year>,?\s*(?:1[6-9]|20)\d\d\b|\s+(?:of\s+)?(?:last|this|next)\s+year\b)",
    re.IGNORECASE,
)
MONTH_WORD = re.compile(rf"\b{_RANGE_MONTH}", re.IGNORECASE)


def _with_range_year(text: str, following: str) -> str:
    """The first end of a range with the year written after the second ("December 21" in
    "December 21 through December 22, 2021" is "December 21, 2021"); "Sept.24" spaced."""
    text = re.sub(r"(?<=[A-Za-z])\.(?=\d)", ". ", text)
    if re.search(r"\d{4}", text) or not MONTH_WORD.search(text):
        return text
    match = RANGE_YEAR.match(following)
    if match is None:
        return text
    year = match.group("year").strip()
    return f"{text}, {year}" if year[0].isdigit() else f"{text} {year}"


def _range_day(text: str, records: list[dict]) -> Timex | None:
    """The second end of a day range ("12" in "March 11-12"): the first end's month and year."""
    if not records or not re.fullmatch(r"\d{4}-\d\d-\d\d", records[-1]["value"]):
        return None
    day = int(re.match(r"\d+", text).group())
    return Timex("DATE", f"{records[-1]['value'][:8]}{day:02d}") if 1 <= day <= 31 else None


def _remember(context: Context, timex: Timex, text: str) -> Context:
    """Carry the last quarter, year and day mentioned to the expressions that follow.

    Only a quarter named outright ("the third quarter") sets the quarter under discussion;
    "a year earlier" and "the year-ago period" refer back to it and must not replace it.
    """
    value = timex.value
    if re.fullmatch(r"\d{4}-Q\d", value):
        if not NAMED_QUARTER.search(text):
            return context
        return replace(context, quarter=value, last_year=int(value[:4]))
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return replace(context, last_date=parse_iso_date(value), last_year=int(value[:4]))
    if re.fullmatch(r"\d{4}(?:-\d\d)?", value):
        return replace(context, last_year=int(value[:4]))
    return context


@Language.factory(
    "news_dates",
    assigns=["doc._.dates"],
    requires=["doc.ents", "doc._.published"],
    default_config={"use_model_spans": True},
)
def make_dates(nlp: Language, name: str, *, use_model_spans: bool) -> DateTagger:
    register_extensions()
    return DateTagger(use_model_spans=use_model_spans)
