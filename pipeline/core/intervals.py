"""Interval look-ups in logarithmic time, so that no stage compares every pair of spans."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterable


class Containment:
    """Does one of a fixed set of half-open intervals ``[start, end)`` contain a given one?

    Sorted by start, with the running maximum of the ends: among the intervals starting at or
    before ``start``, one contains ``[start, end)`` exactly when the largest end reaches ``end``.
    """

    def __init__(self, intervals: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(intervals)
        self._starts = [s for s, _ in pairs]
        self._reach = list(accumulate((e for _, e in pairs), max))

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


class Occupancy:
    """Which positions a set of intervals covers: does an interval overlap any of them?"""

    def __init__(self, size: int, intervals: Iterable[tuple[int, int]]) -> None:
        marks = bytearray(size)
        for start, end in intervals:
            marks[max(start, 0) : max(min(end, size), 0)] = b"\x01" * max(min(end, size) - max(start, 0), 0)
        self._prefix = list(accumulate(marks, initial=0))

    def overlaps(self, start: int, end: int) -> bool:
        start, end = max(start, 0), min(end, len(self._prefix) - 1)
        return end > start and self._prefix[end] > self._prefix[start]
