"""Type aliases shared across stages."""

from __future__ import annotations

from typing import Any

# A character span into the article's text, end-exclusive.
Offsets = tuple[int, int]
# One JSON-like record held in ``doc._`` (plain values only, so docs pickle).
PlainDict = dict[str, Any]
