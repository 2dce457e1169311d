"""The calendar vocabulary, defined once: month, weekday, ordinal and number words, seasons,
holidays, quarters, parts of the day and the modifiers around them.

Two kinds of names live here. Word tables (``MONTHS``, ``WEEKDAYS``, ``ORDINAL_WORDS``,
``NUMBER_WORDS``, ``SEASONS``, ``HOLIDAYS`` ...) map a word to what it means; regex fragments
(``MONTH``, ``WEEKDAY``, ``DAY``, ``YEAR4``, ``HOLIDAY`` ...) are non-capturing groups that
grammars splice into their own patterns. Fragments in lower case are written for text that has
been lower-cased first (the dates stage scans ``lower_same_length(text)``); the ``*_NAME``
fragments are case-sensitive and capitalised, for the layout forms the cleaner reads
(datelines, date lines) where capitals are what tells a date from a word.

Every stage reads its calendar words from here; no stage spells out a month or a weekday.
"""

from __future__ import annotations

# --- word tables ------------------------------------------------------------------------------

# Month names and their abbreviations, lower-cased, without a period.
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# The three letters every form of a month starts with ("sept.", "September" -> "sep").
MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1,
}  # fmt: skip
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
# Vague amounts: "a few days", "several years" (TIMEX3 writes them with an X).
VAGUE_AMOUNTS = ("a few", "few", "several", "some", "many", "a couple", "couple of", "a number of")
# Quarter (and half) ordinals -> their number: "the third quarter" -> Q3.
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
# "the eighties" -> the decade's tens digit.
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
# TIMEX3 season codes, and the month each season starts in (winter runs into the next year).
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# TIMEX3 parts of the day.
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}
# Holidays on a fixed day: name -> (month, day). Movable ones (Easter, Thanksgiving, Labor,
# Memorial and Election Day) are computed in the dates stage's calendar.
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "international women's day": (3, 8),
    "may day": (5, 1),
}  # fmt: skip
# Relative modifiers -> how many units away from the anchor: "last year" -> -1.
RELATIVE_N = {
    "this": 0, "current": 0, "same": 0, "that": 0, "latest": 0, "last": -1, "past": -1,
    "previous": -1, "prior": -1, "preceding": -1, "most recent": -1, "recent": -1,
    "this past": -1, "next": 1, "coming": 1, "following": 1, "this coming": 1,
    "year-earlier": -1, "year-ago": -1, "comparable": -1,
}  # fmt: skip

# --- regex fragments, lower case ----------------------------------------------------------------

# An abbreviation counts with its period only ("jan." but not "jan"), so "mar" and "sun" stay words.
MONTH = (
    r"(?:jan(?:uary|\.)|january|feb(?:ruary|\.)|mar(?:ch|\.)|apr(?:il|\.)|may|june|jun\.|july|jul\."
    r"|aug(?:ust|\.)|sep(?:t\.?|tember|\.)|oct(?:ober|\.)|nov(?:ember|\.)|dec(?:ember|\.))"
)
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
# "March eighth": a day of the month in words.
DAY_WORD = r"(?:" + "|".join(sorted((w for w, n in ORDINAL_WORDS.items() if n > 0), key=len, reverse=True)) + r")"
# The ordinals a century takes: "the 21st century", "the nineteenth century".
ORDINAL = r"(?:" + "|".join(w for w, n in ORDINAL_WORDS.items() if 0 < n <= 21) + r"|\d{1,2}(?:st|nd|rd|th))"
QUARTER_ORDINAL = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_NUMW = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{_NUMW}(?:[\s-]+(?:and\s+)?{_NUMW}){{0,3}}(?:\s+and\s+a\s+half)?)"
VAGUE = r"(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|few|several|some|many|a\s+number\s+of)"
AMOUNT = rf"(?:{NUMBER}|an?|{VAGUE}|a\s+half|half\s+an?)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies)|quarter|weekend)s?"
# The unit stems every duration contains ("centur" for century and centuries).
UNIT_STEMS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur", "quarter")
# Approximators TimeBank keeps inside the span ("more than four hours", "nearly two years");
# "about", "only", "over" stay outside.
APPROX = (
    r"(?:nearly|almost|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|no\s+more\s+than|no\s+less\s+than)"
)
# Modifiers that open a span and set TIMEX3's ``mod``: "early", "the end of", "mid-".
MOD = (
    r"(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of"
    r"|the\s+rest\s+of|the\s+remainder\s+of|sometime|some\s+time)[\s-]+)"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
DECADE_WORD = r"(?:" + "|".join(DECADE_WORDS) + r")"
SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen)[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
# Relative modifiers as detection reads them ("the past year", "the year-ago quarter").
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
# Words every holiday name contains (a cheap test before a holiday pattern runs).
HOLIDAY_STEMS = ("christmas", "year's", "thanksgiving", "easter", "day", "halloween")
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d\d|noon|midnight|midday"
    r"|\d{1,2}\s+o'clock|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)"
)
ZONE = r"(?:\s+(?:local\s+time|[ecmp][sd]t|gmt|utc)|\s+\((?:[ecmp][sd]t|gmt)\))"

# --- regex fragments, capitalised (case-sensitive layout forms) --------------------------------

# A month as a dateline or date line writes it: capitalised, the abbreviation's period optional
# ("Sept 4", "Dec. 30", "December 11").
MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t\.?|tember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A weekday as page time stamps write it: in full or abbreviated ("Wed", "Thurs.", "Tuesday").
WEEKDAY_ABBREVIATED = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|\.)?"
# Relative modifiers as the normaliser reads a cleaned expression (single spaces, longest first).
WHICH = (
    r"(?:this past|this coming|most recent|this|current|same|that|latest|last|past|previous|prior"
    r"|preceding|recent|next|coming|following)"
)
