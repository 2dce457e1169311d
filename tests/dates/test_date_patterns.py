"""The date patterns' fast scan: lower-cased text and keyword gates find what a full scan finds."""

from __future__ import annotations

import re

import pytest

from newsie.dates.families import BY_NAME, FAMILIES
from newsie.dates.patterns import find_spans, lower_same_length
from newsie.evaluation.formats.timeml import read_corpus
from newsie.run.io import read_articles

from tests.conftest import SEEDS, shared_data

# The families as a case-insensitive scan of the original text would run them.
CASELESS = {
    family.name: re.compile(rf"(?<![\w$£€'.-])(?:{family.detect})(?![\w%-]|\.\d|,\d)", re.IGNORECASE)
    for family in FAMILIES
}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Real news text: the seeds and the TimeML corpus (1,800 expressions), and a few rarer forms."""
    seeds = [a.text for a in read_articles([SEEDS])]
    # Forms the corpus has few of: numeric dates, spoken years.
    rare = ["The order dated 12/25/1998 and 3/4/99 stands.", "In nineteen ninety-one and two thousand and two."]
    return seeds + rare + [doc.text for doc in read_corpus(shared_data("timeml"))]


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_every_match_of_a_family_holds_one_of_its_keywords(texts, name):
    matches = [m.group() for text in texts for m in CASELESS[name].finditer(text)]
    assert matches, f"no {name} expression in the corpus: the check would prove nothing"
    missing = [m for m in matches if not any(k in m.lower() for k in BY_NAME[name].keywords)]
    assert missing == []


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_lower_cased_scan_finds_what_a_caseless_scan_finds(texts, name):
    for text in texts:
        lower = lower_same_length(text)
        assert [m.span() for m in BY_NAME[name].scanner.finditer(lower)] == [m.span() for m in CASELESS[name].finditer(text)]


@pytest.mark.parametrize(
    ("text", "span", "family"),
    [
        ("in nineteen eighty-four", "nineteen eighty-four", "spoken_year"),
        ("the 21st century", "the 21st century", "century"),
        ("in the 1990s", "the 1990s", "decade"),
        ("three years ago", "three years ago", "ago"),
        ("at 10:30 p.m. EST", "10:30 p.m. EST", "clock"),
        ("over the past two quarters", "the past two quarters", "duration"),
        ("next spring", "next spring", "relative"),
        ("twice a week", "twice a week", "set"),
        ("on 1998-02-06T10:00", "1998-02-06T10:00", "iso"),
    ],
)
def test_gated_families_still_find_their_expressions(text, span, family):
    assert [(text[s:e], f) for s, e, f in find_spans(text)] == [(span, family)]


def test_lower_same_length_keeps_offsets_of_characters_that_lower_into_two():
    text = "İstanbul, March 3"
    lower = lower_same_length(text)
    assert len(lower) == len(text)
    assert find_spans(text) == [(10, 17, "full_date")]
