"""Word lists that more than one stage reads, kept here so that no stage imports another's.

- ``STATE_ABBREVIATIONS``: abbreviated US state names, which keep their period ("Mo.", "Vt.")
  in a dateline place (cleaning) and in an entity span (entities).
- ``PLACE_NOUNS``: nouns for places; a name apposed to one is a place (entities: "Goma, the
  capital of North Kivu") inside the place it names (relations: located_in).

:func:`find_words` finds a list's words in a doc without visiting every token.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.tokens import Doc

STATE_ABBREVIATIONS = frozenset({
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
})  # fmt: skip
PLACE_NOUNS = frozenset({
    "capital", "city", "town", "village", "province", "state", "region", "district", "county", "island",
    "nation", "country", "port", "suburb", "republic", "territory", "resort", "municipality",
})  # fmt: skip


def find_words(doc: Doc, words: Iterable[str], attr: str = "LOWER") -> list[int]:
    """Indices of the tokens whose ``attr`` ("LOWER", "ORTH", "LEMMA") is one of ``words``:
    one scan of a hash array, where a loop over the doc would build a ``Token`` per token."""
    if not len(doc):
        return []
    hashes = np.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    return np.flatnonzero(np.isin(doc.to_array(attr), hashes)).tolist()
