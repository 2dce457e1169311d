"""Word lists that more than one stage reads, kept here so that no stage imports another's.

- ``STATE_ABBREVIATIONS``: abbreviated US state names, which keep their period ("Mo.", "Vt.")
  in a dateline place (cleaning) and in an entity span (entities).
- ``PLACE_NOUNS``: nouns for places; a name apposed to one is a place (entities: "Goma, the
  capital of North Kivu") inside the place it names (relations: located_in).
- ``KILLING_VERBS``, ``KILLING_AGENTS``, ``KILLING_ACTS`` (lemmas): the victim of a killing is
  a person (entities: "shot Lincoln", "the assassin of Lincoln") and the tail of ``killed``
  (relations).
- ``EVENT_NOUNS``: nouns that head an event mention (entities: the ``events`` span group), of
  which ``SCHEDULED_EVENT_NOUNS`` stop a path from an event to its date or place (relations).
- :func:`honorifics`: the courtesy titles of ``data/honorifics.txt`` ("Mr.", "Dr"), which no
  PERSON span includes (entities) and which stand between a title and a name (relations).

:func:`find_words` finds a list's words in a doc without visiting every token.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

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
KILLING_VERBS = frozenset({
    "kill", "assassinate", "murder", "slay", "shoot", "stab", "strangle", "execute", "behead", "poison", "lynch",
})  # fmt: skip
KILLING_AGENTS = frozenset({"assassin", "killer", "murderer", "slayer", "gunman"})
KILLING_ACTS = frozenset({"assassination", "murder", "killing", "slaying", "shooting", "execution"})
# The nouns of scheduled events (meetings, summits, elections, visits, games); a path from an
# event to its date or place stops at one of them (relations: event frames).
SCHEDULED_EVENT_NOUNS = frozenset({
    "meeting", "summit", "session", "conference", "talks", "election", "elections", "visit", "rally", "game", "match",
})  # fmt: skip
EVENT_NOUNS = SCHEDULED_EVENT_NOUNS | {
    "meetings", "negotiations", "referendum", "ceremony", "launch", "funeral", "forum", "congress",
    "games", "olympics", "festival", "tournament", "championship", "inauguration", "parade",
    "protest", "protests", "demonstration", "demonstrations", "hearing", "expo", "exhibition",
    "celebration", "debate", "assembly", "dinner", "lunch", "luncheon", "banquet", "convention",
    "primary", "primaries", "runoff", "run-off", "referendums", "strike", "marathon", "concert",
    "vote", "race", "run", "event", "pilgrimage", "round", "conversation", "call",
}  # fmt: skip


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """The courtesy titles of ``data/honorifics.txt``, lowercase."""
    text = resources.files(__package__).joinpath("data", "honorifics.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def find_words(doc: Doc, words: Iterable[str], attr: str = "LOWER") -> list[int]:
    """Indices of the tokens whose ``attr`` ("LOWER", "ORTH", "LEMMA") is one of ``words``:
    one scan of a hash array, where a loop over the doc would build a ``Token`` per token."""
    if not len(doc):
        return []
    hashes = np.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    return np.flatnonzero(np.isin(doc.to_array(attr), hashes)).tolist()
