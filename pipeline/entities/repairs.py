"""Repairs of the model's entity spans and labels.

Span repairs follow the gold conventions (GUIDELINES "Boundaries"): no leading determiner or
courtesy title, no possessor ("the country's National Elections Committee"), no trailing
punctuation (but the period of an abbreviated state: "Vt."), possessive, score or lowercase
descriptor ("Renamo party", "P. Johnson 84"), and a name list broken by scores ("Haitai 2
Samsung 0") is split at the numbers.

Label repairs fix the model's known confusions: a LAW that names no law, a listed country or
organisation under another label, a language tagged as a nationality ("in English", "the
following languages: Norwegian, Polish"), an adverbial "first".
"""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..core.gazetteer import Gazetteer
from ..core.lexicon import STATE_ABBREVIATIONS
from ..core.vocabulary import MONTHS, SEASONS, WEEKDAYS

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
TRAILING_PUNCT = {"(", ")", ",", ".", ";", ":", "-", "—", "–", "'", '"', "“", "”", "‘", "’", "'s", "’s", "s'", "`", "``", "''"}
LEADING_PUNCT = {"(", ")", ",", ";", ":", "-", "—", "–", '"', "“", "”", "‘", "’", "'", "`", "``", "''", "*", "+"}
POSSESSIVE = {"'s", "’s", "'", "’"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
AMOUNT_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
LAW_WORDS = {
    "act", "law", "laws", "treaty", "constitution", "code", "convention", "charter", "agreement",
    "accord", "accords", "declaration", "amendment", "bill", "protocol", "resolution", "statute",
    "directive", "regulation", "pact",
}  # fmt: skip
LANGUAGE_CUES = {"language", "languages", "speak", "speaks", "spoke", "spoken", "speaking", "translate",
                 "translated", "translation", "dubbed", "subtitles", "fluent", "dialect", "bilingual"}  # fmt: skip
ORDINAL_WORD = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                          r"|eleventh|twelfth|twentieth|thirtieth|fortieth|fiftieth|hundredth)$", re.IGNORECASE)
# Calendar words (months, weekdays and seasons from the shared vocabulary) and time nouns.
DATE_WORDS = {
    *MONTHS, *WEEKDAYS, *SEASONS, "day", "days",
    "week", "weeks", "month", "months", "year", "years", "century", "centuries", "decade", "decades",
    "quarter", "half", "season", "today", "yesterday",
    "tomorrow", "weekend", "morning", "evening", "night", "afternoon", "birthday", "term", "millennium",
}  # fmt: skip
SCORE = re.compile(r"^\d+(?:[-/:.,]\d+)*$")


def is_number(token: Token) -> bool:
    """A score or figure ("6-3", "74", ".556"), or a number in digits."""
    return bool(SCORE.match(token.text)) or (token.like_num and not token.is_alpha)


def trim_span(
    span: Span, honorifics: frozenset[str] = frozenset(), *, scores: bool = False, particles: frozenset[str] = frozenset()
) -> Span | None:
    """The span without what the gold conventions leave out; ``None`` when nothing is left.

    ``scores``: the span is in a results line, where a trailing number is a score.
    """
    doc = span.doc
    start, end = span.start, span.end
    # "a dozen", "a quarter": the article is part of an amount.
    determiners = DETERMINERS - {"a", "an"} if span.label_ in AMOUNT_LABELS else DETERMINERS
    while start < end and (doc[start].lower_ in determiners or doc[start].text in LEADING_PUNCT or doc[start].is_space):
        start += 1
    if span.label_ in AMOUNT_LABELS:
        while start < end - 1 and doc[start].lower_ in {"only", "just"}:
            start += 1
    # A lowercase possessor ("the country's National Elections Committee") is not the name.
    for i in range(start, end - 1):
        if doc[i].text in POSSESSIVE and i > start and all(t.is_lower for t in doc[start:i]):
            start = i + 1
            break
    if span.label_ in NAME_LABELS:
        # "vehicle miles", "Four National Basketball Association": a name does not start with
        # a common word or a number.
        while start < end and (doc[start].is_lower and doc[start].is_alpha and doc[start].lower_ not in particles
                               or doc[start].like_num and doc[start].is_alpha):  # fmt: skip
            start += 1
        # "Sears for US$11 billion", "Noroeste Farm in Cabixi": a common word ends the name.
        for i in range(start + 1, end):
            if doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in particles:
                end = i
                break
    if span.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_ in honorifics:
            start += 1
    while end > start and (doc[end - 1].text in TRAILING_PUNCT or doc[end - 1].is_space):
        end -= 1
    if span.label_ in NAME_LABELS:
        # "P. Johnson 84": a score ends no name (but "Delta 4" is a name, outside results).
        while scores and end - 1 > start and is_number(doc[end - 1]):
            end -= 1
            while end > start and (doc[end - 1].text in TRAILING_PUNCT or doc[end - 1].is_space):
                end -= 1
        # "Renamo party", "Yonhap news agency": a lowercase descriptor ends no name.
        k = end
        while k - 1 > start and doc[k - 1].is_lower and doc[k - 1].is_alpha:
            k -= 1
        if k < end and doc[k - 1].text[:1].isupper():
            end = k
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label, span_id=span.id)


def abbreviation_periods(ents: list[Span]) -> list[Span]:
    """"Cody, Wyo., and ...", "born in Burlington, Vt.": an abbreviated state name keeps its
    period, which the tokenizer splits off (and which may also end the sentence, as in Penn
    Treebank's convention)."""
    out = []
    for e in ents:
        doc = e.doc
        if e.label_ in {"GPE", "LOC"} and e.end < len(doc) and doc[e.end].text == "." and e[-1].lower_ in STATE_ABBREVIATIONS and e[-1].is_title:
            e = Span(doc, e.start, e.end + 1, label=e.label, span_id=e.id)
        out.append(e)
    return out


def in_languages_context(ent: Span) -> bool:
    """A nationality word used as a language: "in English", "languages: Norwegian, Polish"."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "NUM"}:
        return False  # "Chinese President Hu Jintao": an adjective of a noun
    if any(t.lower_ in LANGUAGE_CUES for t in ent.sent):
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_ in {"in", "into", "from"}


def repair_label(ent: Span, gazetteer: Gazetteer, person_words: set[str]) -> Span | None:
    """The entity with its label repaired, or ``None`` when it is no entity at all."""
    doc, label = ent.doc, ent.label_
    # The model tags "the Azerbaijani Chairmanship" as LAW: a LAW must name a law.
    if label == "LAW" and not any(t.lower_ in LAW_WORDS for t in ent):
        if ent[0].tag_ in {"JJ", "NNP", "NNPS"} and ent[0].is_title and len(ent) > 1:
            return Span(doc, ent.start, ent.start + 1, label="NORP")
        return None
    if label in AMOUNT_LABELS and any(t.like_url or t.like_email for t in ent):
        return None  # "GetFirefox.com"
    if label == "ORDINAL" and len(ent) == 1 and ent[0].dep_ == "advmod" and ent[0].head.pos_ in {"VERB", "AUX"}:
        return None  # "the sickest patients are treated first"
    if label == "DATE" and not any(t.lower_ in DATE_WORDS or t.is_digit for t in ent):
        # "the 12th", "the 25th Anniversary": an ordinal with no calendar word is no date.
        ordinal = next((t for t in ent if ORDINAL_WORD.match(t.text)), None)
        after = doc[ent.end] if ent.end < len(doc) else None
        names_a_thing = any(t.pos_ in {"NOUN", "PROPN"} and t != ordinal for t in ent) or (
            after is not None and after.pos_ == "NOUN"
        )
        if ordinal is not None and names_a_thing:  # "on the 29th" stays a day of the month
            return Span(doc, ordinal.i, ordinal.i + 1, label="ORDINAL")
    if label in {"NORP", "LANGUAGE", "GPE", "ORG", "PERSON"} and ent.text in gazetteer.languages \
            and not gazetteer.is_country(ent.text) and in_languages_context(ent):  # fmt: skip
        return Span(doc, ent.start, ent.end, label="LANGUAGE")
    if label in NAME_LABELS and len(ent) == 1 and ent[0].pos_ in {"ADV", "SCONJ", "ADP", "DET", "PRON", "ADJ", "VERB", "AUX"} \
            and not gazetteer.label_of(ent.text) and label != "NORP":  # fmt: skip
        return None  # "Albeit", "Presidential": a capitalised word that names nothing
    listed = gazetteer.label_of(ent.text)
    if listed and listed != label and label in NAME_LABELS | {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}:
        if label == "PERSON" and ent.text.lower() in person_words:
            return ent  # "Washington" is also a surname of someone named in full
        if listed == "GPE" and label in {"LOC", "FAC"} and not gazetteer.is_country(ent.text):
            return ent
        return Span(doc, ent.start, ent.end, label=listed)
    return ent


def person_words(ents: list[Span]) -> set[str]:
    """Lowercase words of the multi-word PERSON names of a document."""
    return {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_alpha}


class Lines:
    """The lines of a document as token ranges (lines end at newline tokens), computed once.
    ``text``: ``doc.text``, when the caller has read it already."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        n = len(doc)
        idx = doc.to_array("IDX") if n else np.zeros(0, dtype="uint64")
        breaks = sorted({int(np.searchsorted(idx, m.start(), side="right")) - 1 for m in re.finditer("\n", doc.text if text is None else text)})
        self.starts = np.zeros(n, dtype="int64")
        self.ends = np.full(n, n, dtype="int64")
        prev = 0
        for b in breaks + [n]:
            # tokens prev..b-1 form a line; the newline token b itself closes it
            self.starts[prev : b + 1] = prev
            self.ends[prev : b + 1] = b
            prev = b + 1

    def of(self, i: int) -> tuple[int, int]:
        """Token range ``(start, end)`` of the line holding token ``i``."""
        return int(self.starts[i]), int(self.ends[i])
