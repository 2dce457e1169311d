"""Interval look-ups agree with the pairwise checks they replace."""

from __future__ import annotations

import random
from typing import NamedTuple

import pytest

from newsie.core.intervals import Containment, SpanIndex, Taken


class Item(NamedTuple):
    start: int
    end: int
    name: int


def intervals(rng: random.Random, n: int, size: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(size)
        out.append((start, start + rng.randrange(1, 8)))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_intervals_containment_equals_the_pairwise_check(seed):
    rng = random.Random(seed)
    spans = intervals(rng, 40, 100)
    index = Containment(spans)
    for start, end in intervals(rng, 300, 100):
        assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)


@pytest.mark.parametrize("seed", range(5))
def test_intervals_taken_intervals_equal_the_pairwise_overlap_check(seed):
    rng = random.Random(seed)
    spans = intervals(rng, 20, 100)
    index = Taken(110, spans)
    for start, end in intervals(rng, 300, 100):
        assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)


def test_intervals_empty_sets_contain_and_overlap_nothing():
    assert not Containment([]).contains(0, 1)
    assert not Taken(0, []).overlaps(0, 1)


@pytest.mark.parametrize("seed", range(5))
def test_intervals_span_index_replaces_as_the_pairwise_list_does(seed):
    # The list-and-filter code the index replaces: overlapping spans out, the new one appended.
    rng = random.Random(seed)
    items = [Item(s, e, i) for i, (s, e) in enumerate(intervals(rng, 30, 100))]
    index, plain = SpanIndex(items), list(items)
    for n, (start, end) in enumerate(intervals(rng, 200, 100)):
        overlapping = [e for e in plain if e.start < end and start < e.end]
        assert index.overlapping(start, end) == overlapping
        if n % 3 == 0:
            new = Item(start, end, 1000 + n)
            plain = [e for e in plain if e not in overlapping] + [new]
            index.remove_overlapping(start, end)
            index.add(new)
        assert list(index) == plain and len(index) == len(plain)


@pytest.mark.parametrize("seed", range(5))
def test_intervals_taken_equals_the_pairwise_check_of_kept_ranges(seed):
    rng = random.Random(seed)
    taken, kept = Taken(110), []
    for start, end in intervals(rng, 300, 100):
        assert taken.overlaps(start, end) == any(s < end and start < e for s, e in kept)
        if rng.random() < 0.3:
            kept.append((start, end))
            taken.take(start, end)


def test_intervals_taken_clips_ranges_to_its_size():
    taken = Taken(5)
    taken.take(3, 9)
    assert taken.overlaps(4, 20) and not taken.overlaps(0, 3) and not taken.overlaps(-4, 2)
