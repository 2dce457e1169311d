"""The dates stage's detection: every family's pattern run over the text, overlaps resolved.

The patterns (:mod:`newsie.dates.families`) follow the TimeML annotation guidelines and the
conventions visible in TimeBank; :func:`find_spans` runs them all and keeps the longest of
overlapping matches. Ranges are found first and stay split: "1994-97" is two expressions
("range"), "March 11-12" too ("range", "range_day"), and a glued "Sept.24" is one. Month and weekday names count only
when capitalised, so "may" and "march" as verbs are not dates.

The patterns are written in lower case and run over the lower-cased text (faster than a
case-insensitive scan); the capitalisation checks then read the original text. A family runs
only when the text holds one of its keywords, words every match of it contains.
"""

from __future__ import annotations

import re

from ..core.intervals import Taken
from ..core.vocabulary import DAY, MONTH, YEAR4
from .families import FAMILIES
from .plausible import capitalised, plausible

__all__ = ["DAY_RANGE", "GLUED_DATE", "YEAR_RANGE", "find_spans", "lower_same_length"]

YEAR_RANGE = re.compile(rf"(?<![\w$-])(?P<a>{YEAR4})\s*[-–—/]\s*(?P<b>{YEAR4}|\d\d)(?![\w%-])")
# A day range in one month: "March 11-12", "Feb. 24-25, 2021": two expressions ("March 11", "12"
# or "25, 2021") that share the month and the year written after the second ("range_day").
DAY_RANGE = re.compile(rf"(?<![\w$-])(?P<a>(?i:{MONTH})\s*(?P<d1>{DAY}))\s*[-–—]\s*(?P<b>{DAY}(?:,?\s+{YEAR4})?)(?![\w%-]|\.\d|,\d)")
# A month abbreviation run into its day or year: "Sept.24", "Nov.2020".
GLUED_DATE = re.compile(r"(?<![\w.-])(?:(?:early|late|mid)[\s-]+)?(?i:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.(?:[12]\d|3[01]|0?[1-9]|(?:19|20)\d\d)(?![\w%-])")


def lower_same_length(text: str) -> str:
    """``text`` lower-cased character by character, so every offset stays valid.

    ``str.lower`` turns a few characters into two ("İ"); those are left as they are.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def find_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, family)`` of every expression found, overlaps resolved longest first."""
    found: list[tuple[int, int, str]] = []
    for match in YEAR_RANGE.finditer(text):
        found.append((match.start("a"), match.end("a"), "range"))
        found.append((match.start("b"), match.end("b"), "range"))
    for match in DAY_RANGE.finditer(text):
        if capitalised(match.group("a")):
            found.append((match.start("a"), match.end("a"), "range"))
            found.append((match.start("b"), match.end("b"), "range_day"))
    for match in GLUED_DATE.finditer(text):
        if capitalised(match.group()):
            found.append((match.start(), match.end(), "range"))
    lower = lower_same_length(text)
    for family in FAMILIES:
        if not any(k in lower for k in family.keywords):
            continue
        for match in family.scanner.finditer(lower):
            start, end = match.span()
            span, before, after = text[start:end], text[max(0, start - 12) : start], text[end : end + 16]
            if plausible(span, before, after) and family.plausible(span, before, after):
                found.append((start, end, family.name))
    kept: list[tuple[int, int, str]] = []
    taken = Taken(len(text))
    # Ranges first (they must stay split), then the longest match of each region.
    ranked = sorted(found, key=lambda s: (not s[2].startswith("range"), -(s[1] - s[0]), s[0]))
    for start, end, name in ranked:
        if not taken.overlaps(start, end):
            kept.append((start, end, name))
            taken.take(start, end)
    return sorted(kept)
