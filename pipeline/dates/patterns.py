"""The dates stage's own TIMEX3 detection: regular expressions that draw spans as TimeML does.

The patterns follow the TimeML annotation guidelines (and the conventions visible in
TimeBank): a span starts at the determiner or modifier ("the third quarter", "early next
year", "the past two months", "about 10:30 p.m.") and never at a preposition ("in", "on",
"since"); a range "1994-97" is two expressions. Each pattern is one family of expressions;
:func:`find_spans` runs them all and keeps the longest of overlapping matches. Month and
weekday names count only when capitalised, so "may" and "march" as verbs are not dates.

The patterns are written in lower case and run over the lower-cased text (faster than a
case-insensitive scan); the capitalisation checks then read the original text. A family runs
only when the text holds one of its :data:`KEYWORDS`, words every match of it contains.

The fragments (``MONTH``, ``WEEKDAY``, ``AMOUNT``, ``UNIT`` ...) are shared with
:mod:`pipeline.timex`, which normalises what is found here.
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:jan(?:uary|\.)|january|feb(?:ruary|\.)|mar(?:ch|\.)|apr(?:il|\.)|may|june|jun\.|july|jul\."
    r"|aug(?:ust|\.)|sep(?:t\.?|tember|\.)|oct(?:ober|\.)|nov(?:ember|\.)|dec(?:ember|\.))"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1,
}  # fmt: skip
# "March eighth": a day of the month in words.
DAY_WORD = r"(?:" + "|".join(sorted((w for w, n in ORDINAL_WORDS.items() if n > 0), key=len, reverse=True)) + r")"
ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|\d{1,2}(?:st|nd|rd|th))"
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
_NUMW = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{_NUMW}(?:[\s-]+(?:and\s+)?{_NUMW}){{0,3}}(?:\s+and\s+a\s+half)?)"
VAGUE = r"(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|few|several|some|many|a\s+number\s+of)"
AMOUNT = rf"(?:{NUMBER}|an?|{VAGUE}|a\s+half|half\s+an?)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies)|quarter|weekend)s?"
# Approximators TimeBank keeps inside the span ("more than four hours", "nearly two years");
# "about", "only", "over" stay outside.
APPROX = (
    r"(?:nearly|almost|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|no\s+more\s+than|no\s+less\s+than)"
)
MOD = (
    r"(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of"
    r"|the\s+rest\s+of|the\s+remainder\s+of|sometime|some\s+time)[\s-]+)"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen)[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
RELATIVE = (
    r"(?:this|last|next|that|the\s+past|the\s+previous|the\s+coming|the\s+following|the\s+current"
    r"|the\s+same|the\s+latest|the\s+most\s+recent|the\s+last|the\s+next|the\s+prior|the\s+preceding"
    r"|the\s+year-earlier|the\s+year-ago|the\s+comparable|the\s+recent|this\s+past|this\s+coming|past|previous|coming|current)"
)
CALENDAR_UNIT = r"(?:year|month|week|weekend|quarter|decade|century|half|period|spring|summer|autumn|fall|winter)"
HOLIDAY = (
    r"(?:christmas(?:\s+(?:eve|day))?|new\s+year's(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|easter(?:\s+sunday|\s+week)?"
    r"|independence\s+day|labor\s+day|memorial\s+day|election\s+day|valentine's\s+day|halloween|international\s+women's\s+day|may\s+day)"
)
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d\d|noon|midnight|midday"
    r"|\d{1,2}\s+o'clock|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)"
)
ZONE = r"(?:\s+(?:local\s+time|[ecmp][sd]t|gmt|utc)|\s+\((?:[ecmp][sd]t|gmt)\))"

_FAMILIES: dict[str, str] = {
    # Calendar dates: "Friday, Oct. 13, 1989", "March 12", "12 March 1998", "April next year".
    "full_date": (
        rf"(?:(?:(?:this\s+coming|this\s+past|this|next|last)\s+)?{WEEKDAY},?\s+)?(?:{MOD})?{MONTH}\s+(?:{DAY}|{DAY_WORD})(?:,?\s+{YEAR4}|\s+(?:of\s+)?(?:this|last|next)\s+year)?(?![\d,]*\d)"
        rf"|(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR4})?"
        rf"|(?:the\s+week\s+of\s+){MONTH}\s+{DAY}"
    ),
    "month_year": rf"(?:{MOD})?{MONTH},?\s+(?:of\s+)?(?:{YEAR4}|{SPOKEN_YEAR})|(?:{MOD})?{MONTH}\s+(?:this|last|next)\s+year",
    # A month alone: "in October", "the middle of October"; "May" and "March" need a date word before.
    "month": rf"(?:{MOD})?{MONTH}",
    "iso": r"\d{4}-\d\d-\d\d(?:t\d\d:\d\d(?::\d\d)?)?",
    "numeric_date": r"\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)",
    # Years: "1998", "fiscal 1989", "mid-1990", "the end of 1990", "post-1959".
    "year": rf"(?:{MOD})?(?:fiscal\s+(?:year\s+)?|the\s+year\s+|calendar\s+|mid-|post-|pre-)?{YEAR4}",
    "spoken_year": rf"(?:{MOD})?(?:the\s+year\s+)?{SPOKEN_YEAR}",
    "decade": (
        rf"(?:the\s+)?(?:{MOD})?(?:early|mid|late)?[\s-]*(?:1[5-9]\d0|20\d0|'\d0)'?s\b"
        rf"|(?:the\s+)?(?:early\s+|mid-|late\s+)?(?:nineteen[\s-]+)?{DECADE_WORD}"
    ),
    "century": rf"(?:the\s+)?(?:early\s+|mid-|late\s+)?{ORDINAL}[\s-]+century|(?:this|last|next|the\s+past|the\s+last|the\s+next)\s+century",
    # Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter of 1990".
    "quarter": (
        rf"(?:the\s+)?(?:this\s+year's\s+|last\s+year's\s+|next\s+year's\s+|{YEAR4}\s+|(?:comparable\s+)?year-(?:ago|earlier)\s+)?(?:fiscal\s+|calendar\s+)?"
        rf"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?(?:quarter|half)"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR4}|this\s+year|last\s+year|next\s+year|the\s+year))?"
        rf"|(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)"
        rf"|the\s+(?:latest|same|comparable|year-earlier|year-ago|comparable\s+year-(?:ago|earlier)|{YEAR4}|first|fourth|third|second)\s+(?:fiscal\s+)?(?:quarter|period)"
        rf"|the\s+(?:fiscal\s+)?quarter|(?:{MOD})?the\s+(?:full|fiscal|calendar)\s+year|(?:{MOD})?the\s+year"
    ),
    # "this year", "last week", "earlier this month", "the past year", "next spring", "last Friday".
    "relative": (
        rf"(?:{MOD})?{RELATIVE}\s+(?:fiscal\s+)?{CALENDAR_UNIT}"
        rf"|(?:{MOD})?(?:this|last|next|that)\s+(?:{MONTH}|{WEEKDAY}|{SEASON}|{HOLIDAY})"
        rf"|(?:the\s+)?(?:{MOD})?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR4}|{SPOKEN_YEAR}))?|the\s+{SEASON}\s+of\s+(?:{YEAR4}|{SPOKEN_YEAR})"
        rf"|(?:fiscal\s+)?year-(?:end|earlier|ago)|the\s+weekend|year(?:'s)?\s+end|(?:{MOD})?the\s+(?:week|month)|the\s+(?:year|month|week|day)\s+(?:before|after)"
    ),
    "deictic": (
        rf"(?:today|yesterday|tomorrow|tonight)(?:\s+{PART_OF_DAY})?"
        rf"|(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow)|(?:the\s+)?next\s+(?:day|morning)|that\s+day"
        rf"|(?:this|that|last|tomorrow|yesterday)\s+{PART_OF_DAY}|(?:later|earlier)\s+(?:this|that)\s+{PART_OF_DAY}"
        rf"|(?:the\s+)?(?:same|previous|following)\s+day|earlier\s+that\s+day"
    ),
    "weekday": rf"(?:(?:last|next|this|this\s+past|this\s+coming)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?",
    "holiday": rf"(?:(?:last|next|this)\s+)?{HOLIDAY}",
    "clock": (
        rf"(?:(?:about|around)\s+)?"
        rf"{CLOCK}{ZONE}?(?:,?\s+(?:{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\s+{DAY}))?"
        rf"|(?:{WEEKDAY}|today|yesterday|tomorrow)\s+at\s+{CLOCK}{ZONE}?"
    ),
    # "two years ago", "a year earlier", "almost four years ago".
    "ago": rf"(?:{APPROX}\s+)?{AMOUNT}[\s-]+{UNIT}\s+(?:ago|earlier|later|from\s+now|hence)",
    # Durations: "three years", "the past two months", "the first nine months", "48 hours", "five-year".
    "duration": (
        rf"(?:{APPROX}\s+)?(?:the\s+)?(?:(?:past|last|next|previous|coming|following|first|final|remaining|latest|same)\s+)?"
        rf"(?:{AMOUNT})(?:\s+(?:more|full|straight|consecutive|additional|long))?\s+{UNIT}"
        rf"|(?:{NUMBER}|a|one)-{UNIT}(?:-long)?(?!-old)"
        rf"|(?:{APPROX}\s+)?(?:an?\s+)?(?:hour|day|week|month|year|decade|minute)\s+and\s+a\s+half"
        rf"|(?:{APPROX}\s+)?(?:the\s+)?(?:past|last|next|previous|coming|following|first)\s+(?:{UNIT})(?=s)\w*"
        rf"|(?:decades|years|months|centuries)-long|(?:{APPROX}\s+)?a\s+decade"
        # "for years", "within weeks", "the first time in years": a vague stretch of time.
        rf"|(?<=\bfor\s)(?:years|months|weeks|decades|centuries)|(?<=\bwithin\s)(?:days|weeks|months|years)"
        rf"|(?<=\btime\sin\s)(?:years|months|decades)"
    ),
    # Sets: "every year", "each Thursday", "daily", "twice a week".
    "set": (
        rf"(?:every|each)\s+(?:other\s+)?(?:{AMOUNT}\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{PART_OF_DAY}|{SEASON})"
        rf"|(?:daily|weekly|monthly|yearly|hourly|nightly)"
        rf"|(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+(?:{UNIT})"
        rf"|{WEEKDAY}s(?:\s+{PART_OF_DAY}s?)?|{WEEKDAY}\s+(?:morning|afternoon|evening|night)s"
    ),
    # References to the present, past and future.
    "reference": (
        r"now|nowadays|currently|current|at\s+present|these\s+days|recently|more\s+recently|recent(?:\s+(?:years|months|weeks|days|quarters))?"
        r"|the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)\s+term|coming\s+(?:years|months|weeks|days|quarters)"
        r"|future\s+(?:years|quarters|months)|(?:past|previous)\s+years|that\s+time|the\s+time\s+being"
    ),
}
# Matched against lower-cased text (see :func:`lower_same_length`), hence no IGNORECASE.
FAMILIES: dict[str, re.Pattern] = {
    name: re.compile(rf"(?<![\w$£€'.-])(?:{pattern})(?![\w%-]|\.\d|,\d)") for name, pattern in _FAMILIES.items()
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur", "quarter")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
# Words every match of a family contains (lower case); a text without any of them is not
# scanned for that family. Families not listed always run.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "full_date": _MONTHS,
    "month_year": _MONTHS,
    "month": _MONTHS,
    "iso": ("-",),
    "numeric_date": ("/",),
    "year": ("16", "17", "18", "19", "20"),
    "spoken_year": ("nineteen", "eighteen", "thousand"),
    "decade": ("0s", "0's", "ies"),
    "century": ("century",),
    "quarter": ("quarter", "half", "period", "year"),
    "relative": (
        "year", "month", "week", "quarter", "decade", "century", "half", "period", *_SEASONS, *_MONTHS,
        "day", "christmas", "thanksgiving", "easter", "halloween",
    ),
    "deictic": ("day", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"),
    "weekday": ("day",),
    "holiday": ("christmas", "year's", "thanksgiving", "easter", "day", "halloween"),
    "clock": ("a.m", "p.m", "am", "pm", ":", "noon", "midnight", "midday", "o'clock"),
    "ago": ("ago", "earlier", "later", "now", "hence"),
    "duration": _UNITS,
    "set": ("every", "each", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "once", "twice", "times", "day"),
}  # fmt: skip
NAMES = re.compile(rf"\b(?:{MONTH}|{WEEKDAY}s?|{HOLIDAY})", re.IGNORECASE)
# Month and weekday words that are also everyday words: dates only with a date-like neighbour.
AMBIGUOUS_ALONE = re.compile(r"^(?:may|march|sun|wed|sat|fall|spring|jan\.|mar\.|sept?\.?)$", re.IGNORECASE)
# Numbers that look like years but are amounts, scores or ages in context.
NOT_A_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per\s|points?\b|people|persons|troops|shares|tons|barrels|miles|feet|meters|votes|\$|-year-old|years?\s+old)", re.IGNORECASE)
NOT_A_YEAR_BEFORE = re.compile(r"(?:\$|£|€|US\$|No\.|number|about|nearly|some|over|than|of|to)\s*$", re.IGNORECASE)
YEAR_RANGE = re.compile(rf"(?<![\w$-])(?P<a>{YEAR4})\s*[-–—/]\s*(?P<b>{YEAR4}|\d\d)(?![\w%-])")
# A day range in one month: "March 11-12", "Feb. 24-25, 2021": two expressions ("March 11", "12"
# or "25, 2021") that share the month and the year written after the second ("range_day").
DAY_RANGE = re.compile(rf"(?<![\w$-])(?P<a>(?i:{MONTH})\s*(?P<d1>{DAY}))\s*[-–—]\s*(?P<b>{DAY}(?:,?\s+{YEAR4})?)(?![\w%-]|\.\d|,\d)")
# A month abbreviation run into its day or year: "Sept.24", "Nov.2020".
GLUED_DATE = re.compile(r"(?<![\w.-])(?:(?:early|late|mid)[\s-]+)?(?i:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.(?:[12]\d|3[01]|0?[1-9]|(?:19|20)\d\d)(?![\w%-])")


def _capitalised(text: str) -> bool:
    """Every month, weekday or holiday word in ``text`` starts with a capital letter."""
    return all(m.group()[0].isupper() for m in NAMES.finditer(text))


def _plausible(name: str, text: str, before: str, after: str) -> bool:
    """Context checks that patterns alone cannot express."""
    if not _capitalised(text):
        return False
    lower = text.lower()
    if re.search(r"\bhalf$", lower) and not re.search(r"\bof\b|^\d{4}|year's", lower):
        return False  # "the second half" of a match; a half-year needs its year
    if name == "set" and text[0].isupper() and re.search(r"[A-Z][\w.]*\s+$", before):
        return False  # "LA Weekly": part of a name
    if name == "duration":
        if re.match(r"(?:1[5-9]\d\d|20\d\d)\s", text):
            return False  # "World Cup 2018 day five": a year, not an amount
        if lower in {"a second", "one second"} or (re.search(r"\bquarters?$", lower) and re.match(r"^\s+of\b", after)):
            return False  # "a second goal", "three-quarters of the vote"
    if name in {"relative", "month"} and AMBIGUOUS_ALONE.match(text):
        return False
    if name == "month" and re.fullmatch(r"(?i:may|march)", text):
        return re.search(r"\b(?:in|since|by|until|through|early|late|mid|of|from|to|last|next|this)[\s-]*$", before, re.IGNORECASE) is not None
    if name == "year":
        if NOT_A_YEAR_AFTER.match(after):
            return False
        bare = re.fullmatch(YEAR4, text) is not None
        if bare and re.search(r"\b(?!(?:In|On|At|Since|By|From|Until|Through|During|Of|Before|After|And|Or|To|For|The|That|This|These|Those|Its|Their|His|Her|Our|A|An|Each|Every|Last|Next|Late|Early|Mid|Fiscal|Spring|Summer|Autumn|Fall|Winter)\b)[A-Z][a-z]+\s$", before) and not NAMES.search(before[-10:]):
            return False  # a name with a year in it: "World Cup 2018", "Orion 1980"
        preposition = re.search(r"(?:since|in|of|by|until|from|to|before|after|during)\s*$", before[-8:])
        if bare and text < "1800" and re.match(r"^\s+(?!(?:and|or|to|in|at|on|by|for|with|when|until|the)\b)[a-z]", after):
            return False  # "1709 schoolchildren": a count
        if bare and NOT_A_YEAR_BEFORE.search(before) and not preposition:
            return False
    if name == "duration" and (
        re.match(r"^\s*(?:of\s+age|old)\b|^-old", after, re.IGNORECASE)
        or re.search(r"\b(?:aged?|age\s+of)\s+(?:\d+\s*[-–]\s*)?$", before, re.IGNORECASE)
    ):
        return False  # an age: "six years old", "aged 8-10 years", "at the age of four months"
    if name == "duration" and re.match(r"an?\s", text, re.IGNORECASE) and re.search(r"(?:\d|%|million|billion|cents|dollars?)\s*$", before, re.IGNORECASE):
        return False  # a rate: "$1.76 a year", "save $500 million a year"
    if name == "reference" and text.lower() == "current" and re.match(r"^\s+(?:account|affairs|events|law|accounts)\b", after, re.IGNORECASE):
        return False
    return True


def plausible_model_span(text: str, before: str, after: str) -> bool:
    """Checks for a span the model calls DATE/TIME: the same year and month tests as ours."""
    if re.fullmatch(YEAR4, text):
        return _plausible("year", text, before, after)
    if AMBIGUOUS_ALONE.match(text) or re.fullmatch(r"(?i:may|march)", text):
        # "the March for Life", "talks may resume": a bare "May" or "March" needs a date word before it
        return re.search(r"\b(?:in|since|by|until|through|last|next|this|early|late|mid|of|from|to)[\s-]*$", before, re.IGNORECASE) is not None
    return _capitalised(text)


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
        if _capitalised(match.group("a")):
            found.append((match.start("a"), match.end("a"), "range"))
            found.append((match.start("b"), match.end("b"), "range_day"))
    for match in GLUED_DATE.finditer(text):
        if _capitalised(match.group()):
            found.append((match.start(), match.end(), "range"))
    lower = lower_same_length(text)
    for name, pattern in FAMILIES.items():
        keywords = KEYWORDS.get(name)
        if keywords is not None and not any(k in lower for k in keywords):
            continue
        for match in pattern.finditer(lower):
            start, end = match.span()
            span = text[start:end]
            if _plausible(name, span, text[max(0, start - 12) : start], text[end : end + 16]):
                found.append((start, end, name))
    kept: list[tuple[int, int, str]] = []
    # Ranges first (they must stay split), then the longest match of each region.
    ranked = sorted(found, key=lambda s: (not s[2].startswith("range"), -(s[1] - s[0]), s[0]))
    for start, end, name in ranked:
        if not any(start < e and s < end for s, e, _ in kept):
            kept.append((start, end, name))
    return sorted(kept)
