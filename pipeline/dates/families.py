"""The date grammar: one table, one entry per family of temporal expressions.

Each :class:`Family` holds what detection and normalisation need to know about it:

- ``detect``: the pattern that draws its spans as TimeML does, over lower-cased text (see
  :func:`newsie.dates.patterns.find_spans`). A span starts at the determiner or modifier ("the
  third quarter", "early next year", "the past two months") and never at a preposition;
- ``keywords``: words every match of ``detect`` contains; a text with none of them is not
  scanned for the family (a cheap gate, proven by the tests on real text);
- ``normalise``: the family's normalisation rules, each a pattern that must match the whole
  cleaned expression (lower case, single spaces, leading preposition gone) and the handler
  (:mod:`newsie.dates.absolute`, :mod:`newsie.dates.relative`) that turns its named groups
  into a TIMEX3 type and value;
- ``plausible``: the family's context check (:mod:`newsie.dates.plausible`), run after the
  checks every family shares.

Every word and fragment comes from :mod:`newsie.core.vocabulary`. An expression is normalised by
the first rule, in table order, that matches it and gives a value, whichever family found it
(the model's DATE spans belong to none): the table is ordered specific first ("the third
quarter" before "the year", "Friday night" before sets of weekdays).

To add a family, add one ``Family(...)`` to :data:`FAMILIES` at the place its rules should be
tried, with handlers registered in ``absolute.HANDLERS`` or ``relative.HANDLERS`` under the rule
names; the tests check that it has a pattern, keywords that its matches contain, and rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..core.vocabulary import (
    AMOUNT, APPROX, CALENDAR_UNIT, CLOCK, DAY, DAY_WORD, DECADE_WORD, HOLIDAY, HOLIDAY_STEMS, MOD,
    MONTH, MONTH_STEMS, NUMBER, ORDINAL, PART_OF_DAY, QUARTER_ORDINAL, RELATIVE, SEASON, SEASONS,
    SPOKEN_YEAR, UNIT, UNIT_STEMS, WEEKDAY, WHICH, YEAR4, ZONE,
)  # fmt: skip
from . import absolute, relative
from . import plausible as checks
from .timex_types import Handler

# Context check of a match: (its text, the text before, the text after) -> plausible?
Check = Callable[[str, str, str], bool]
_HANDLERS: dict[str, Handler] = {**absolute.HANDLERS, **relative.HANDLERS}
# Detection patterns match whole words: not inside a number, an amount or a hyphenated word.
_EDGES = (r"(?<![\w$£€'.-])(?:", r")(?![\w%-]|\.\d|,\d)")


@dataclass(frozen=True)
class Normaliser:
    """One normalisation rule: a pattern over the cleaned expression and its handler."""

    name: str
    pattern: re.Pattern
    handler: Handler


@dataclass(frozen=True)
class Family:
    """A family of temporal expressions: detection, keywords, normalisation, plausibility."""

    name: str
    detect: str
    keywords: tuple[str, ...]
    normalise: tuple[Normaliser, ...]
    plausible: Check = checks.always
    scanner: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Matched against lower-cased text (see ``lower_same_length``), hence no IGNORECASE.
        object.__setattr__(self, "scanner", re.compile(_EDGES[0] + self.detect + _EDGES[1]))


def family(name: str, detect: str, keywords: tuple[str, ...], rules: dict[str, str], check: Check = checks.always) -> Family:
    """A :class:`Family` whose rules (name -> pattern) take the handlers of the same names."""
    normalisers = tuple(Normaliser(rule, re.compile(pattern), _HANDLERS[rule]) for rule, pattern in rules.items())
    return Family(name, detect, tuple(keywords), normalisers, check)


def _group(name: str, fragment: str) -> str:
    """A vocabulary fragment ``(?:a|b)`` as the named group ``(?P<name>a|b)`` a handler reads."""
    if not (fragment.startswith("(?:") and fragment.endswith(")")):
        raise ValueError(f"not a (?:...) fragment: {fragment}")
    return f"(?P<{name}>{fragment[3:-1]})"


_PART = _group("part", PART_OF_DAY)
_WHICH = _group("which", WHICH)

FAMILIES: tuple[Family, ...] = (
    family("iso", r"\d{4}-\d\d-\d\d(?:t\d\d:\d\d(?::\d\d)?)?", ("-",), {
        "iso": r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:t(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?",
    }),
    family("numeric_date", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)", ("/",), {
        "numeric": r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)",
    }),
    # Years: "1998", "fiscal 1989", "mid-1990", "the end of 1990", "post-1959".
    family("year", rf"(?:{MOD})?(?:fiscal\s+(?:year\s+)?|the\s+year\s+|calendar\s+|mid-|post-|pre-)?{YEAR4}",
        ("16", "17", "18", "19", "20"), {
        "year": rf"(?:fiscal (?:year )?|the year |calendar |the |mid-|mid |post-|pre-)?(?P<y>{YEAR4})",
    }, checks.plausible_year),
    family("spoken_year", rf"(?:{MOD})?(?:the\s+year\s+)?{SPOKEN_YEAR}", ("nineteen", "eighteen", "thousand"), {
        "spoken_year": rf"(?:the year )?(?P<spoken>{SPOKEN_YEAR})",
    }),
    family("decade", (
        rf"(?:the\s+)?(?:{MOD})?(?:early|mid|late)?[\s-]*(?:1[5-9]\d0|20\d0|'\d0)'?s\b"
        rf"|(?:the\s+)?(?:early\s+|mid-|late\s+)?(?:nineteen[\s-]+)?{DECADE_WORD}"
    ), ("0s", "0's", "ies"), {
        "decade": r"(?:the )?(?:early |mid-|mid |late )?(?:(?P<dec>1[5-9]\d|20\d)0|'(?P<short>\d)0)'?s",
        "decade_word": rf"(?:the )?(?:early |mid-|late )?(?P<nineteen>nineteen[ -])?{_group('word', DECADE_WORD)}",
    }),
    family("century", (
        rf"(?:the\s+)?(?:early\s+|mid-|late\s+)?{ORDINAL}[\s-]+century"
        rf"|(?:this|last|next|the\s+past|the\s+last|the\s+next)\s+century"
    ), ("century",), {
        "century": rf"(?:the )?(?:early |mid-|late )?(?P<ord>{ORDINAL})[ -]century",
        "this_century": r"(?P<which>this|last|next|the past|the last|the next) century",
    }),
    # Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter of 1990".
    family("quarter", (
        rf"(?:the\s+)?(?:this\s+year's\s+|last\s+year's\s+|next\s+year's\s+|{YEAR4}\s+|(?:comparable\s+)?year-(?:ago|earlier)\s+)?(?:fiscal\s+|calendar\s+)?"
        rf"{QUARTER_ORDINAL}\s+(?:fiscal\s+)?(?:quarter|half)"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR4}|this\s+year|last\s+year|next\s+year|the\s+year))?"
        rf"|(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)"
        rf"|the\s+(?:latest|same|comparable|year-earlier|year-ago|comparable\s+year-(?:ago|earlier)|{YEAR4}|first|fourth|third|second)\s+(?:fiscal\s+)?(?:quarter|period)"
        rf"|the\s+(?:fiscal\s+)?quarter|(?:{MOD})?the\s+(?:full|fiscal|calendar)\s+year|(?:{MOD})?the\s+year"
    ), ("quarter", "half", "period", "year"), {
        "quarter": rf"(?:the |its )?(?:(?P<rel>this|last|next) year's |(?P<y1>{YEAR4}) |(?:comparable )?(?P<ago>year-ago|year-earlier) )?(?:fiscal |calendar )?{_group('q', QUARTER_ORDINAL)}[ -](?:fiscal )?(?P<unit>quarter|half)(?: of (?:fiscal )?(?:(?P<y2>{YEAR4})|(?P<rel2>this|last|next|the) year))?",
        "context_quarter": rf"the (?:(?P<which>latest|same|comparable|year-earlier|year-ago|comparable year-ago|comparable year-earlier|(?P<y>{YEAR4})) )?(?:fiscal )?(?P<unit>quarter|period)",
        "the_year": r"the (?:(?P<kind>full|fiscal|calendar) )?year",
    }),
    # "this year", "last week", "earlier this month", "the past year", "next spring", "last Friday".
    family("relative", (
        rf"(?:{MOD})?{RELATIVE}\s+(?:fiscal\s+)?{CALENDAR_UNIT}"
        rf"|(?:{MOD})?(?:this|last|next|that)\s+(?:{MONTH}|{WEEKDAY}|{SEASON}|{HOLIDAY})"
        rf"|(?:the\s+)?(?:{MOD})?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR4}|{SPOKEN_YEAR}))?|the\s+{SEASON}\s+of\s+(?:{YEAR4}|{SPOKEN_YEAR})"
        rf"|(?:fiscal\s+)?year-(?:end|earlier|ago)|the\s+weekend|year(?:'s)?\s+end|(?:{MOD})?the\s+(?:week|month)|the\s+(?:year|month|week|day)\s+(?:before|after)"
    ), (
        "year", "month", "week", "quarter", "decade", "century", "half", "period", *SEASONS, *MONTH_STEMS,
        "day", "christmas", "thanksgiving", "easter", "halloween",
    ), {
        "year_adj": r"(?:the )?(?:fiscal )?year(?:-|'s |\s)(?P<kind>end|earlier|ago)",
        "weekend": r"the weekend",
        "the_unit": r"the (?P<unit>week|month)",
        "unit_before": r"the (?P<unit>year|month|week|day) (?P<dir>before|after)",
        "relative": rf"(?P<the>the )?{_WHICH} (?:fiscal )?(?P<unit>year|month|week|weekend|quarter|decade|half|period|spring|summer|autumn|fall|winter)",
        "relative_month": rf"{_WHICH} (?P<month>{MONTH})",
        "season": rf"(?:the )?(?:(?:early|late|mid|the end of|the beginning of)[ -])?(?P<season>{SEASON})(?: (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR})))?",
    }, checks.plausible_alone),
    family("deictic", (
        rf"(?:today|yesterday|tomorrow|tonight)(?:\s+{PART_OF_DAY})?"
        rf"|(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow)|(?:the\s+)?next\s+(?:day|morning)|that\s+day"
        rf"|(?:this|that|last|tomorrow|yesterday)\s+{PART_OF_DAY}|(?:later|earlier)\s+(?:this|that)\s+{PART_OF_DAY}"
        rf"|(?:the\s+)?(?:same|previous|following)\s+day|earlier\s+that\s+day"
    ), ("day", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"), {
        "relative_day": rf"(?P<word>today|yesterday|tomorrow|tonight)(?: {_PART})?",
        "day_before": r"(?:the )?day (?P<dir>before|after) (?P<word>yesterday|tomorrow)",
        "narrative_day": r"(?:the )?(?P<which>next|following|previous|same|that) (?P<unit>day|morning)|earlier that day|that day",
        "part_of_day": rf"(?:(?P<which>this|that|last|tomorrow|yesterday)|(?:later|earlier) (?:this|that)) {_PART}",
    }),
    # "two years ago", "a year earlier", "almost four years ago".
    family("ago", rf"(?:{APPROX}\s+)?{AMOUNT}[\s-]+{UNIT}\s+(?:ago|earlier|later|from\s+now|hence)",
        ("ago", "earlier", "later", "now", "hence"), {
        "ago": rf"(?P<amount>{AMOUNT})[ -](?P<unit>{UNIT}) (?P<dir>ago|earlier|later|from now|hence)",
    }),
    family("clock", (
        rf"(?:(?:about|around)\s+)?"
        rf"{CLOCK}{ZONE}?(?:,?\s+(?:{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\s+{DAY}))?"
        rf"|(?:{WEEKDAY}|today|yesterday|tomorrow)\s+at\s+{CLOCK}{ZONE}?"
    ), ("a.m", "p.m", "am", "pm", ":", "noon", "midnight", "midday", "o'clock"), {
        "clock": rf"(?:(?P<wd1>{WEEKDAY}|today|yesterday|tomorrow) at )?(?P<clock>{CLOCK})(?: (?:local time|[ecmp][sd]t|gmt|utc)| \((?:[ecmp][sd]t|gmt)\))?(?:,? (?:(?P<wd2>{WEEKDAY}|today|yesterday|tomorrow)|(?P<month>{MONTH}) (?P<d>{DAY})))?",
    }),
    family("weekday", rf"(?:(?:last|next|this|this\s+past|this\s+coming)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?", ("day",), {
        "weekday": rf"(?:(?P<which>last|next|this|this past|this coming|early|late|earlier|later) )?(?P<wd>{WEEKDAY})(?: {_PART})?",
    }),
    # Calendar dates: "Friday, Oct. 13, 1989", "March 12", "12 March 1998", "the week of March 3".
    family("full_date", (
        rf"(?:(?:(?:this\s+coming|this\s+past|this|next|last)\s+)?{WEEKDAY},?\s+)?(?:{MOD})?{MONTH}\s+(?:{DAY}|{DAY_WORD})(?:,?\s+{YEAR4}|\s+(?:of\s+)?(?:this|last|next)\s+year)?(?![\d,]*\d)"
        rf"|(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR4})?"
        rf"|(?:the\s+week\s+of\s+){MONTH}\s+{DAY}"
    ), MONTH_STEMS, {
        "full_date": rf"(?:(?:(?:this coming|this past|this|next|last) )?(?P<wd>{WEEKDAY}),? )?(?:(?P<month>{MONTH}) (?P<d>{DAY}|{DAY_WORD})|(?:the )?(?P<d2>{DAY}) (?:of )?(?P<month2>{MONTH}))(?:,? (?P<y>{YEAR4})| (?:of )?(?P<rel>this|last|next) year)?",
        "week_of": rf"(?:the )?week of (?P<month>{MONTH}) (?P<d>{DAY})",
    }),
    # "October 1989", "May of 1990", "June this year".
    family("month_year", rf"(?:{MOD})?{MONTH},?\s+(?:of\s+)?(?:{YEAR4}|{SPOKEN_YEAR})|(?:{MOD})?{MONTH}\s+(?:this|last|next)\s+year",
        MONTH_STEMS, {
        "month_rel_year": rf"(?P<month>{MONTH}),? (?P<which>this|last|next) year",
        "month_year": rf"(?P<month>{MONTH}),? (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR}))",
    }),
    # A month alone: "in October", "the middle of October" (a bare "May" or "March" is left to the model's spans).
    family("month", rf"(?:{MOD})?{MONTH}", MONTH_STEMS, {
        "month": rf"(?P<month>{MONTH})",
    }, checks.plausible_alone),
    family("holiday", rf"(?:(?:last|next|this)\s+)?{HOLIDAY}", HOLIDAY_STEMS, {
        "holiday": rf"(?:(?P<which>last|next|this) )?{_group('name', HOLIDAY)}",
    }),
    # Sets: "every year", "each Thursday", "daily", "twice a week", "Mondays".
    family("set", (
        rf"(?:every|each)\s+(?:other\s+)?(?:{AMOUNT}\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{PART_OF_DAY}|{SEASON})"
        rf"|(?:daily|weekly|monthly|yearly|hourly|nightly)"
        rf"|(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+(?:{UNIT})"
        rf"|{WEEKDAY}s(?:\s+{PART_OF_DAY}s?)?|{WEEKDAY}\s+(?:morning|afternoon|evening|night)s"
    ), ("every", "each", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "once", "twice", "times", "day"), {
        "set": rf"(?:every|each) (?:other )?(?:(?P<amount>{AMOUNT}) )?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH})|{_PART}|(?P<season>{SEASON}))",
        "set_adverb": r"(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly)",
        "set_times": rf"(?:once|twice|three times|four times|\d+ times) (?:a|an|per|every) (?P<unit>{UNIT})",
        "set_weekdays": rf"(?P<wd>{WEEKDAY})(?:s(?: (?P<part>morning|afternoon|evening|night)s?)?| (?P<part2>morning|afternoon|evening|night)s)",
    }, checks.plausible_set),
    # References to the present, past and future: "now", "recently", "the future".
    family("reference", (
        r"now|nowadays|currently|current|at\s+present|these\s+days|recently|more\s+recently|recent(?:\s+(?:years|months|weeks|days|quarters))?"
        r"|the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)\s+term|coming\s+(?:years|months|weeks|days|quarters)"
        r"|future\s+(?:years|quarters|months)|(?:past|previous)\s+years|that\s+time|the\s+time\s+being"
    ), ("now", "current", "present", "these", "recent", "past", "previous", "future", "term", "coming", "time"), {
        "reference": r"(?:right )?(?P<ref>now|nowadays|currently|current|at present|these days|the time being|recently|more recently|recent|recent (?:years|months|weeks|days)|the past|in the past|(?:past|previous) years|that time|the (?:near |distant )?future|the (?:near|short|long) term|coming (?:years|months|weeks|days|quarters)|future (?:years|quarters|months))",
    }, checks.plausible_reference),
    # Durations: "three years", "the past two months", "the first nine months", "48 hours", "five-year".
    family("duration", (
        rf"(?:{APPROX}\s+)?(?:the\s+)?(?:(?:past|last|next|previous|coming|following|first|final|remaining|latest|same)\s+)?"
        rf"(?:{AMOUNT})(?:\s+(?:more|full|straight|consecutive|additional|long))?\s+{UNIT}"
        rf"|(?:{NUMBER}|a|one)-{UNIT}(?:-long)?(?!-old)"
        rf"|(?:{APPROX}\s+)?(?:an?\s+)?(?:hour|day|week|month|year|decade|minute)\s+and\s+a\s+half"
        rf"|(?:{APPROX}\s+)?(?:the\s+)?(?:past|last|next|previous|coming|following|first)\s+(?:{UNIT})(?=s)\w*"
        rf"|(?:decades|years|months|centuries)-long|(?:{APPROX}\s+)?a\s+decade"
        # "for years", "within weeks", "the first time in years": a vague stretch of time.
        rf"|(?<=\bfor\s)(?:years|months|weeks|decades|centuries)|(?<=\bwithin\s)(?:days|weeks|months|years)"
        rf"|(?<=\btime\sin\s)(?:years|months|decades)"
    ), UNIT_STEMS, {
        "vague_plural": r"(?P<unit>year|month|week|day|decade|centurie)s",
        "duration": rf"(?:the )?(?:(?P<which>past|last|next|previous|coming|following|first|final|remaining|latest|same) )?(?P<amount>{AMOUNT})(?: (?:more|full|straight|consecutive|additional|long))?[ -](?P<unit>{UNIT})(?:-long|-old)?",
        "duration_half": r"(?:an? )?(?P<unit>hour|day|week|month|year|decade|minute) and a half",
        "duration_vague": r"(?P<unit>decade|year|month|centurie|century)s-long|(?P<unit2>decade)",
    }, checks.plausible_duration),
)
BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
# Every normalisation rule, in the order they are tried.
NORMALISERS: tuple[Normaliser, ...] = tuple(rule for f in FAMILIES for rule in f.normalise)
