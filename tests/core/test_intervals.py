"""Interval look-ups agree with the pairwise checks they replace."""

from __future__ import annotations

import random

import pytest

from newsie.core.intervals import Containment, Occupancy


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
def test_intervals_occupancy_equals_the_pairwise_overlap_check(seed):
    rng = random.Random(seed)
    spans = intervals(rng, 20, 100)
    index = Occupancy(110, spans)
    for start, end in intervals(rng, 300, 100):
        assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)


def test_intervals_empty_sets_contain_and_overlap_nothing():
    assert not Containment([]).contains(0, 1)
    assert not Occupancy(0, []).overlaps(0, 1)
