"""The line segments the cleaner splits a raw article into, each with its role."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A raw-text range with the role the cleaner gave it."""

    start: int
    end: int
    role: str  # header | title | date_line | byline | dateline | body | removed
    reason: str = ""
