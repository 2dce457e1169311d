"""The shared calendar: one ISO parser, one year policy, one vocabulary every stage reads."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsie.core import vocabulary
from newsie.core.calendar import iso_date, month_number, parse_iso_date, resolve_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-12-11", dt.date(2024, 12, 11)), ("2024-12-11T10:30:00", dt.date(2024, 12, 11)), ("", None), ("12/11/2024", None), ("2024-13-01", None)],
)  # fmt: skip
def test_core_parse_iso_date(text, expected):
    assert parse_iso_date(text) == expected


def test_core_iso_date_writes_empty_for_no_date():
    assert iso_date(dt.date(2024, 1, 2)) == "2024-01-02"
    assert iso_date(None) == ""


@pytest.mark.parametrize(
    ("month", "day", "anchor", "direction", "year"),
    [
        (3, 12, dt.date(1999, 3, 13), 0, 1999),  # the day before
        (12, 30, dt.date(2006, 1, 2), 0, 2005),  # across New Year's Eve
        (1, 2, dt.date(2005, 12, 30), 0, 2006),  # across New Year's Day
        (3, 12, dt.date(2023, 11, 1), 0, 2023),  # eight months back: news leans to the past
        (8, 8, dt.date(1998, 2, 6), 0, 1998),  # six months ahead
        (8, 8, dt.date(1998, 2, 6), -1, 1997),  # ... unless the clause is past
        (12, 1, dt.date(1998, 2, 6), 0, 1997),  # ten months ahead: last December
        (1, 5, dt.date(1998, 11, 20), 1, 1999),  # a future clause looks forward
    ],
)  # fmt: skip
def test_core_resolve_year_policy(month, day, anchor, direction, year):
    assert resolve_year(month, day, anchor, direction) == year


def test_core_resolve_year_strict_moves_off_the_anchor_month():
    anchor = dt.date(2024, 5, 20)
    assert resolve_year(5, None, anchor, -1, strict=True) == 2023  # "last May"
    assert resolve_year(5, None, anchor, 1, strict=True) == 2025  # "next May"
    assert resolve_year(3, None, anchor, 1, strict=True) == 2025


def test_core_month_number_reads_names_and_abbreviations():
    assert [month_number(w) for w in ("January", "jan.", "Sept.", "sep", "December")] == [1, 1, 9, 9, 12]


def test_core_vocabulary_fragments_match_their_words():
    month = re.compile(vocabulary.MONTH)
    assert all(month.fullmatch(w) for w in ("january", "jan.", "sept.", "sept", "may", "june", "dec."))
    assert not month.fullmatch("jan") and not month.fullmatch("mar")  # an abbreviation needs its period
    name = re.compile(vocabulary.MONTH_NAME)
    assert all(name.fullmatch(w) for w in ("January", "Jan", "Sept", "Dec.")) and not name.fullmatch("january")
    assert re.fullmatch(vocabulary.WEEKDAY_NAME, "Wednesday") and re.fullmatch(vocabulary.WEEKDAY, "wednesday")
    assert re.fullmatch(vocabulary.HOLIDAY, "new year's eve") and re.fullmatch(vocabulary.DAY_WORD, "twenty-first")
    assert set(vocabulary.QUARTERS) == set(re.findall(r"\w+", vocabulary.QUARTER_ORDINAL))
    assert {vocabulary.MONTHS[s] for s in vocabulary.MONTH_STEMS} == set(range(1, 13))
    assert list(vocabulary.SEASONS) == re.findall(r"\w+", vocabulary.SEASON)


def test_core_stages_read_calendar_words_from_core_only():
    # No stage spells out a month name in a pattern of its own: the vocabulary is the one place.
    from pathlib import Path

    import newsie

    root = Path(newsie.__file__).parent
    spelled = [
        str(p.relative_to(root))
        for p in root.glob("*/*.py")
        if p.parent.name in {"cleaning", "dates"} and re.search(r"jan\(\?:uary|Jan\(\?:uary|\(\?:Mon\|Tues", p.read_text())
    ]
    assert spelled == []
