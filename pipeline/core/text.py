"""Comparing names: the normal form two mentions of one name share."""

from __future__ import annotations

import re


def normalise(text: str) -> str:
    """Lower-cased, without a leading article, a final possessive or inner hyphens."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['’]s$", "", text)
    return re.sub(r"[\s\-‐–]+", " ", text).lower()
