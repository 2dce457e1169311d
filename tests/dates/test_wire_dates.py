"""Dates in wire stories: day ranges share their month and year, glued abbreviations, tense.

All sentences are invented.
"""

from __future__ import annotations

import pytest

from newsie.dates.patterns import find_spans


def dates_of(nlp, text: str, published: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return [(d["text"], d["value"]) for d in nlp(doc)._.dates]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The president will visit Lima on March 11-12, the minister said.", "2021-03-04",
         [("March 11", "2021-03-11"), ("12", "2021-03-12")]),
        ("He went to Quito on Feb. 24-25. Then, on March 2-3, he visited Lima.", "2021-03-04",
         [("Feb. 24", "2021-02-24"), ("25", "2021-02-25"), ("March 2", "2021-03-02"), ("3", "2021-03-03")]),
        ("A club met in Vienna on March 5-6 last year with guests.", "2019-03-07",
         [("March 5", "2018-03-05"), ("6", "2018-03-06"), ("last year", "2018")]),
        ("The forum was held from December 21 through December 22, 2021, in Lima.", "2023-09-29",
         [("December 21", "2021-12-21"), ("December 22, 2021", "2021-12-22")]),
        ("The fair ran on December 21-22, 2021 in Oslo.", "2023-09-29",
         [("December 21", "2021-12-21"), ("22, 2021", "2021-12-22")]),
        ("The campaign (from late Sept. to early Nov.2020) ended.", "2021-05-29",
         [("late Sept.", "2020-09"), ("early Nov.2020", "2020-11")]),
        ("The premier met the minister on Sept.24, officials said.", "2020-09-24", [("Sept.24", "2020-09-24")]),
    ],
)
def test_wire_dates_ranges_share_month_and_year(nlp, text, published, expected):
    assert dates_of(nlp, text, published) == expected


def test_wire_dates_range_is_two_expressions():
    text = "on March 11-12 in Lima"
    assert [text[s:e] for s, e, _ in find_spans(text)] == ["March 11", "12"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The next summit will be held in November in Oslo.", ("November", "2023-11")),
        ("The summit was held in November in Oslo.", ("November", "2022-11")),
        ("The ministers will meet on Thursday in Oslo.", ("Thursday", "2023-03-16")),
        ("The ministers met on Thursday in Oslo.", ("Thursday", "2023-03-09")),
    ],
)
def test_wire_dates_bare_month_or_weekday_follows_the_tense(nlp, text, expected):
    assert dates_of(nlp, text, "2023-03-10") == [expected]
