"""Plausibility checks: the context tests a family's pattern alone cannot express.

Each check reads a match's original text (capitals intact), the dozen characters before it and
the sixteen after, and says whether the match is a temporal expression. :func:`plausible` runs
for every family; the others belong to one family each (see :mod:`newsie.dates.families`).
"""

from __future__ import annotations

import re

from ..core.vocabulary import HOLIDAY, MONTH, WEEKDAY, YEAR4

NAMES = re.compile(rf"\b(?:{MONTH}|{WEEKDAY}s?|{HOLIDAY})", re.IGNORECASE)
# Month and weekday words that are also everyday words: dates only with a date-like neighbour.
AMBIGUOUS_ALONE = re.compile(r"^(?:may|march|sun|wed|sat|fall|spring|jan\.|mar\.|sept?\.?)$", re.IGNORECASE)
# Numbers that look like years but are amounts, scores or ages in context.
NOT_A_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per\s|points?\b|people|persons|troops|shares|tons|barrels|miles|feet|meters|votes|\$|-year-old|years?\s+old)", re.IGNORECASE)
NOT_A_YEAR_BEFORE = re.compile(r"(?:\$|£|€|US\$|No\.|number|about|nearly|some|over|than|of|to)\s*$", re.IGNORECASE)
# Capitalised words before a bare year that do not make it part of a name ("In 1998", "Fiscal 1989").
_NOT_A_NAME = (
    r"In|On|At|Since|By|From|Until|Through|During|Of|Before|After|And|Or|To|For|The|That|This|These|Those|Its"
    r"|Their|His|Her|Our|A|An|Each|Every|Last|Next|Late|Early|Mid|Fiscal|Spring|Summer|Autumn|Fall|Winter"
)


def capitalised(text: str) -> bool:
    """Every month, weekday or holiday word in ``text`` starts with a capital letter."""
    return all(m.group()[0].isupper() for m in NAMES.finditer(text))


def plausible(text: str, before: str, after: str) -> bool:
    """The checks every family's match passes: capitalised names, a half-year with its year."""
    if not capitalised(text):
        return False
    lower = text.lower()
    if re.search(r"\bhalf$", lower) and not re.search(r"\bof\b|^\d{4}|year's", lower):
        return False  # "the second half" of a match; a half-year needs its year
    return True


def always(text: str, before: str, after: str) -> bool:
    """No check beyond :func:`plausible`."""
    return True


def plausible_set(text: str, before: str, after: str) -> bool:
    """ "LA Weekly" is part of a name."""
    return not (text[0].isupper() and re.search(r"[A-Z][\w.]*\s+$", before))


def plausible_duration(text: str, before: str, after: str) -> bool:
    """Not a year with a count after it, a second goal, a share, an age or a rate."""
    lower = text.lower()
    if re.match(r"(?:1[5-9]\d\d|20\d\d)\s", text):
        return False  # "World Cup 2018 day five": a year, not an amount
    if lower in {"a second", "one second"} or (re.search(r"\bquarters?$", lower) and re.match(r"^\s+of\b", after)):
        return False  # "a second goal", "three-quarters of the vote"
    if re.match(r"^\s*(?:of\s+age|old)\b|^-old", after, re.IGNORECASE) or re.search(
        r"\b(?:aged?|age\s+of)\s+(?:\d+\s*[-–]\s*)?$", before, re.IGNORECASE
    ):
        return False  # an age: "six years old", "aged 8-10 years", "at the age of four months"
    if re.match(r"an?\s", text, re.IGNORECASE) and re.search(r"(?:\d|%|million|billion|cents|dollars?)\s*$", before, re.IGNORECASE):
        return False  # a rate: "$1.76 a year", "save $500 million a year"
    return True


def plausible_alone(text: str, before: str, after: str) -> bool:
    """Not a month or season word alone that is also an everyday word ("may", "March", "fall",
    "spring", "Sept."): the model's DATE spans bring those, with a date word before them
    (:func:`plausible_model_span`)."""
    return not AMBIGUOUS_ALONE.match(text)


def plausible_year(text: str, before: str, after: str) -> bool:
    """A four-digit number that is a year, not an amount, a count or part of a name."""
    if NOT_A_YEAR_AFTER.match(after):
        return False
    bare = re.fullmatch(YEAR4, text) is not None
    if bare and re.search(rf"\b(?!(?:{_NOT_A_NAME})\b)[A-Z][a-z]+\s$", before) and not NAMES.search(before[-10:]):
        return False  # a name with a year in it: "World Cup 2018", "Orion 1980"
    preposition = re.search(r"(?:since|in|of|by|until|from|to|before|after|during)\s*$", before[-8:])
    if bare and text < "1800" and re.match(r"^\s+(?!(?:and|or|to|in|at|on|by|for|with|when|until|the)\b)[a-z]", after):
        return False  # "1709 schoolchildren": a count
    if bare and NOT_A_YEAR_BEFORE.search(before) and not preposition:
        return False
    return True


def plausible_reference(text: str, before: str, after: str) -> bool:
    """ "current account", "current affairs": an adjective, not the present."""
    return not (text.lower() == "current" and re.match(r"^\s+(?:account|affairs|events|law|accounts)\b", after, re.IGNORECASE))


def plausible_model_span(text: str, before: str, after: str) -> bool:
    """Checks for a span the model calls DATE/TIME: the same year and month tests as ours."""
    if re.fullmatch(YEAR4, text):
        return plausible(text, before, after) and plausible_year(text, before, after)
    if AMBIGUOUS_ALONE.match(text) or re.fullmatch(r"(?i:may|march)", text):
        # "the March for Life", "talks may resume": a bare "May" or "March" needs a date word before it
        return re.search(r"\b(?:in|since|by|until|through|last|next|this|early|late|mid|of|from|to)[\s-]*$", before, re.IGNORECASE) is not None
    return capitalised(text)
