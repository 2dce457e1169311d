"""The normalisation rules: one regular expression per family, tried in order.

Each rule reads a cleaned, lower-case expression (see :mod:`pipeline.timex`) and names the
handler that turns its groups into a TIMEX3 type and value: expressions that name their time
in :mod:`pipeline.timex_absolute`, relative ones, durations, sets and references in
:mod:`pipeline.timex_relative`. Order matters where two rules could match: the more specific
first ("the third quarter" before "the year", "Friday night" before sets of weekdays).
"""

from __future__ import annotations

import datetime as dt
import re

from . import absolute
from . import relative
from .patterns import AMOUNT, CLOCK, DAY, DAY_WORD, MONTH, ORDINAL, SEASON, SPOKEN_YEAR, UNIT, WEEKDAY, YEAR4
from .timex_types import Context, Rule, Timex

__all__ = ["RULES", "Context", "Timex", "apply_rule"]

_WHICH = r"(?P<which>this past|this coming|most recent|this|current|same|that|latest|last|past|previous|prior|preceding|recent|next|coming|following)"
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)"
_Q = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"

PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:t(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?"),
    ("numeric", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)"),
    ("year", rf"(?:fiscal (?:year )?|the year |calendar |the |mid-|mid |post-|pre-)?(?P<y>{YEAR4})"),
    ("spoken_year", rf"(?:the year )?(?P<spoken>{SPOKEN_YEAR})"),
    ("decade", r"(?:the )?(?:early |mid-|mid |late )?(?:(?P<dec>1[5-9]\d|20\d)0|'(?P<short>\d)0)'?s"),
    ("decade_word", r"(?:the )?(?:early |mid-|late )?(?P<nineteen>nineteen[ -])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("century", rf"(?:the )?(?:early |mid-|late )?(?P<ord>{ORDINAL})[ -]century"),
    ("this_century", r"(?P<which>this|last|next|the past|the last|the next) century"),
    ("quarter", rf"(?:the |its )?(?:(?P<rel>this|last|next) year's |(?P<y1>{YEAR4}) |(?:comparable )?(?P<ago>year-ago|year-earlier) )?(?:fiscal |calendar )?{_Q}[ -](?:fiscal )?(?P<unit>quarter|half)(?: of (?:fiscal )?(?:(?P<y2>{YEAR4})|(?P<rel2>this|last|next|the) year))?"),
    ("context_quarter", rf"the (?:(?P<which>latest|same|comparable|year-earlier|year-ago|comparable year-ago|comparable year-earlier|(?P<y>{YEAR4})) )?(?:fiscal )?(?P<unit>quarter|period)"),
    ("the_year", r"the (?:(?P<kind>full|fiscal|calendar) )?year"),
    ("year_adj", r"(?:the )?(?:fiscal )?year(?:-|'s |\s)(?P<kind>end|earlier|ago)"),
    ("weekend", r"the weekend"),
    ("the_unit", r"the (?P<unit>week|month)"),
    ("unit_before", r"the (?P<unit>year|month|week|day) (?P<dir>before|after)"),
    ("vague_plural", r"(?P<unit>year|month|week|day|decade|centurie)s"),
    ("relative", rf"(?P<the>the )?{_WHICH} (?:fiscal )?(?P<unit>year|month|week|weekend|quarter|decade|half|period|spring|summer|autumn|fall|winter)"),
    ("relative_month", rf"{_WHICH} (?P<month>{MONTH})"),
    ("month_rel_year", rf"(?P<month>{MONTH}),? (?P<which>this|last|next) year"),
    ("season", rf"(?:the )?(?:(?:early|late|mid|the end of|the beginning of)[ -])?(?P<season>{SEASON})(?: (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR})))?"),
    ("relative_day", rf"(?P<word>today|yesterday|tomorrow|tonight)(?: {_PART})?"),
    ("day_before", r"(?:the )?day (?P<dir>before|after) (?P<word>yesterday|tomorrow)"),
    ("narrative_day", r"(?:the )?(?P<which>next|following|previous|same|that) (?P<unit>day|morning)|earlier that day|that day"),
    ("part_of_day", rf"(?:(?P<which>this|that|last|tomorrow|yesterday)|(?:later|earlier) (?:this|that)) {_PART}"),
    ("ago", rf"(?P<amount>{AMOUNT})[ -](?P<unit>{UNIT}) (?P<dir>ago|earlier|later|from now|hence)"),
    ("clock", rf"(?:(?P<wd1>{WEEKDAY}|today|yesterday|tomorrow) at )?(?P<clock>{CLOCK})(?: (?:local time|[ecmp][sd]t|gmt|utc)| \((?:[ecmp][sd]t|gmt)\))?(?:,? (?:(?P<wd2>{WEEKDAY}|today|yesterday|tomorrow)|(?P<month>{MONTH}) (?P<d>{DAY})))?"),
    ("weekday", rf"(?:(?P<which>last|next|this|this past|this coming|early|late|earlier|later) )?(?P<wd>{WEEKDAY})(?: {_PART})?"),
    ("full_date", rf"(?:(?:(?:this coming|this past|this|next|last) )?(?P<wd>{WEEKDAY}),? )?(?:(?P<month>{MONTH}) (?P<d>{DAY}|{DAY_WORD})|(?:the )?(?P<d2>{DAY}) (?:of )?(?P<month2>{MONTH}))(?:,? (?P<y>{YEAR4})| (?:of )?(?P<rel>this|last|next) year)?"),
    ("week_of", rf"(?:the )?week of (?P<month>{MONTH}) (?P<d>{DAY})"),
    ("month_year", rf"(?P<month>{MONTH}),? (?:of )?(?:(?P<y>{YEAR4})|(?P<spoken>{SPOKEN_YEAR}))"),
    ("month", rf"(?P<month>{MONTH})"),
    ("holiday", r"(?:(?P<which>last|next|this) )?(?P<name>christmas(?: eve| day)?|new year's(?: eve| day)?|thanksgiving(?: day)?|easter(?: sunday| week)?|independence day|labor day|memorial day|election day|valentine's day|halloween|international women's day|may day)"),
    ("set", rf"(?:every|each) (?:other )?(?:(?P<amount>{AMOUNT}) )?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH})|{_PART}|(?P<season>{SEASON}))"),
    ("set_adverb", r"(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly)"),
    ("set_times", rf"(?:once|twice|three times|four times|\d+ times) (?:a|an|per|every) (?P<unit>{UNIT})"),
    ("set_weekdays", rf"(?P<wd>{WEEKDAY})(?:s(?: (?P<part>morning|afternoon|evening|night)s?)?| (?P<part2>morning|afternoon|evening|night)s)"),
    ("reference", r"(?:right )?(?P<ref>now|nowadays|currently|current|at present|these days|the time being|recently|more recently|recent|recent (?:years|months|weeks|days)|the past|in the past|(?:past|previous) years|that time|the (?:near |distant )?future|the (?:near|short|long) term|coming (?:years|months|weeks|days|quarters)|future (?:years|quarters|months))"),
    ("duration", rf"(?:the )?(?:(?P<which>past|last|next|previous|coming|following|first|final|remaining|latest|same) )?(?P<amount>{AMOUNT})(?: (?:more|full|straight|consecutive|additional|long))?[ -](?P<unit>{UNIT})(?:-long|-old)?"),
    ("duration_half", r"(?:an? )?(?P<unit>hour|day|week|month|year|decade|minute) and a half"),
    ("duration_vague", r"(?P<unit>decade|year|month|centurie|century)s-long|(?P<unit2>decade)"),
]  # fmt: skip
RULES: list[tuple[str, re.Pattern]] = [(name, re.compile(pattern)) for name, pattern in PATTERNS]


def apply_rule(name: str, m: re.Match, anchor: dt.date | None, direction: int, context: Context) -> Timex | None:
    """The value of rule ``name`` for match ``m``, or ``None`` when the rule does not apply."""
    g = m.groupdict()
    handler = HANDLERS.get(name)
    return handler(g, anchor, direction, context) if handler else None


HANDLERS: dict[str, Rule] = {**absolute.HANDLERS, **relative.HANDLERS}
