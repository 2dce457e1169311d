"""Interval look-ups in logarithmic time, so that no stage compares every pair of spans."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate
from typing import Any, Iterable, Iterator


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


class SpanIndex:
    """A changing set of spans (anything with token ``start`` and ``end``), kept in the order
    they were added and indexed by the tokens they cover: the spans overlapping a range are
    found through that range's tokens, not by a pass over every span."""

    def __init__(self, spans: Iterable = ()) -> None:
        self._spans: dict[int, Any] = {}
        self._at: defaultdict[int, set[int]] = defaultdict(set)
        self._added = 0
        for span in spans:
            self.add(span)

    def __iter__(self) -> Iterator:
        return iter(self._spans.values())

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, span: Any) -> None:
        key, self._added = self._added, self._added + 1
        self._spans[key] = span
        for i in range(span.start, span.end):
            self._at[i].add(key)

    def overlapping(self, start: int, end: int) -> list:
        """The spans sharing a token with ``[start, end)``, in the order they were added."""
        return [self._spans[key] for key in self._keys(start, end)]

    def remove_overlapping(self, start: int, end: int) -> None:
        """Drop every span sharing a token with ``[start, end)``."""
        for key in self._keys(start, end):
            span = self._spans.pop(key)
            for i in range(span.start, span.end):
                self._at[i].discard(key)

    def _keys(self, start: int, end: int) -> list[int]:
        return sorted({key for i in range(start, end) if i in self._at for key in self._at[i]})


class Taken:
    """The positions taken among ``size`` (a doc's tokens, a text's characters), from the given
    intervals and those taken later: does a range overlap them, and take a range, each in the
    range's length."""

    def __init__(self, size: int, intervals: Iterable[tuple[int, int]] = ()) -> None:
        self._marks = bytearray(size)
        for start, end in intervals:
            self.take(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        return self._marks.find(1, max(start, 0), max(end, 0)) != -1

    def take(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self._marks))
        if end > start:
            self._marks[start:end] = b"\x01" * (end - start)
