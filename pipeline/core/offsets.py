"""Map character offsets between the clean ``doc.text`` and the raw article text.

The cleaning stage keeps runs ``[clean_start, raw_start, length]``: inside a run a clean
character and its raw character are the same, so a span maps by shifting it. A span that
crosses a synthetic separator (text the cleaner put where it removed something) maps to no
raw span.
"""

from __future__ import annotations

from bisect import bisect_right

from .types import Offsets


class OffsetMap:
    """Clean <-> raw offsets for one article."""

    def __init__(self, runs: list[list[int]] | None, clean_length: int) -> None:
        # A doc that never went through the cleaner: clean text is the raw text.
        self.runs = [list(r) for r in runs] if runs is not None else [[0, 0, clean_length]]
        self._clean_starts = [r[0] for r in self.runs]
        self._raw_starts = [r[1] for r in self.runs]

    def to_raw(self, start: int, end: int) -> Offsets | None:
        """Raw offsets of the clean span ``[start, end)``, ``None`` if it crosses a gap."""
        i = bisect_right(self._clean_starts, start) - 1
        if i < 0:
            return None
        clean_start, raw_start, length = self.runs[i]
        if end > clean_start + length:
            return None
        return raw_start + start - clean_start, raw_start + end - clean_start

    def to_clean(self, start: int, end: int) -> Offsets | None:
        """Clean offsets of the raw span ``[start, end)``, ``None`` if it was removed."""
        i = bisect_right(self._raw_starts, start) - 1
        if i < 0:
            return None
        clean_start, raw_start, length = self.runs[i]
        if end > raw_start + length:
            return None
        return clean_start + start - raw_start, clean_start + end - raw_start
