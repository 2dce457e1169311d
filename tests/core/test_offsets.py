"""Clean <-> raw offsets."""

from __future__ import annotations

import pytest

from newsie.core.offsets import OffsetMap

# raw: "HEADER Hello world.\nPROMO\nBye." ; clean: "Hello world.\n\nBye."
RAW = "HEADER Hello world.\nPROMO\nBye."
CLEAN = "Hello world.\n\nBye."
RUNS = [[0, 7, 12], [14, 26, 4]]


@pytest.mark.parametrize(
    "clean_span,raw_span",
    [((0, 5), (7, 12)), ((6, 12), (13, 19)), ((14, 17), (26, 29)), ((12, 14), None), ((10, 16), None)],
)
def test_offsets_to_raw(clean_span, raw_span):
    offsets = OffsetMap(RUNS, len(CLEAN))
    assert offsets.to_raw(*clean_span) == raw_span
    if raw_span:
        assert RAW[raw_span[0] : raw_span[1]] == CLEAN[clean_span[0] : clean_span[1]]


def test_offsets_to_clean_and_removed_text():
    offsets = OffsetMap(RUNS, len(CLEAN))
    assert offsets.to_clean(26, 29) == (14, 17)
    assert offsets.to_clean(20, 25) is None  # PROMO was removed
    assert offsets.to_clean(0, 6) is None  # so was the header


def test_offsets_identity_without_cleaner():
    offsets = OffsetMap(None, 10)
    assert offsets.to_raw(2, 5) == (2, 5)
