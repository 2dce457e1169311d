"""Event mentions: the meetings, summits, elections and visits a news reader tracks.

An event mention is a noun phrase headed by an event noun, without determiner, possessor or
post-modifiers, and without modifiers that only place it in time or say who holds it
(GUIDELINES, EVENT: "seventh meeting", "online meeting", "last Summit", "CSO meeting"; not
"forthcoming seventh meeting", not "next week's talks", not "Ukrainian presidential elections").

Not event mentions: a noun that modifies another noun ("launch opportunities", "election
results"), the head of a named body ("Conference on Interaction and ..."), a noun inside
another entity, a generic plural ("elections are important").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..core.lexicon import EVENT_NOUNS, find_words
from .repairs import DETERMINERS

MODIFIER_DEPS = {"amod", "compound", "nummod", "nmod", "npadvmod", "advmod", "quantmod"}
# Modifiers that place an event in time rather than name it ("the forthcoming meeting").
TIME_MODIFIERS = {
    "forthcoming", "upcoming", "coming", "early", "late", "afternoon", "morning",
    "evening", "night", "planned", "scheduled", "weekly", "monthly", "yearly", "today",
}  # fmt: skip
NAME_PREPOSITIONS = {"on", "for", "of"}
# Nouns that are events only in some uses: "the presidential race" (not "race relations"),
# "the annual pilgrimage", "this latest round of voting" (not "a pilgrimage", "rounds of fire"),
# "the November vote" (not "88% of the vote"), "the re-run" (not "a run").
NEEDS_MODIFIER = {"race", "vote", "run", "event", "pilgrimage", "round"}
COUNTED = {"game", "games", "match", "matches", "session", "sessions", "vote", "votes"}


def event_mentions(doc: Doc, ents: list[Span]) -> list[Span]:
    """The event mentions of ``doc`` (label EVENT); ``ents`` are its entities.

    This is the one place that decides that an event word inside a name is part of the name
    ("World Cup", "Council of Foreign Ministers", "Conference on Interaction and ..."): the
    ``events`` span group holds only events outside every name, and the later stages read it.
    """
    return list(_mentions(doc, ents)) if len(doc) else []


def _mentions(doc: Doc, ents: list[Span]) -> Iterator[Span]:
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    for i in find_words(doc, EVENT_NOUNS):  # only the event nouns' tokens are visited
        token = doc[i]
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.i in ent_at:
            continue  # part of a name ("World Cup", "Council of Foreign Ministers")
        if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i:
            continue  # "launch opportunities", "election results"
        nxt = doc[token.i + 1 : token.i + 3]
        if token.is_title and len(nxt) == 2 and nxt[0].lower_ in NAME_PREPOSITIONS and nxt[1].is_title:
            continue  # "Conference on Interaction and ...": the head of a name
        if token.lower_ in COUNTED and any(t.dep_ == "nummod" for t in token.lefts):
            continue  # "suspended for 30 games": a count, not an event
        if token.lower_ in NEEDS_MODIFIER and not _event_sense(doc, token):
            continue
        if token.dep_ == "attr" and not any(t.dep_ == "expl" for t in token.head.children):
            continue  # "the launch is a demonstration": a description ("there was a dinner" is not)
        start = _modifier_start(doc, token, ent_at)
        if token.lower_ == "run" and token.i >= 2 and doc[token.i - 1].text == "-":
            start = token.i - 2  # "re-run" is split "re", "-", "run"
        # A generic plural with no modifier is no specific event ("elections are ...").
        if start == token.i and token.tag_ in {"NNS", "NNPS"} and not any(t.dep_ in {"det", "poss"} for t in token.lefts):
            continue
        yield Span(doc, start, token.i + 1, label="EVENT")


def _event_sense(doc: Doc, token) -> bool:
    """Whether a ``NEEDS_MODIFIER`` noun names an event here."""
    prev = doc[token.i - 1] if token.i > 0 else None
    if token.lower_ == "run":
        # "re-run" is split "re", "-", "run"
        return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "re"
    if token.lower_ == "event":
        # "present at the event" names one; "an event of 1-in-2 probability" is a statistic
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return prev is not None and prev.lower_ in {"the", "this", "that"} and not (nxt is not None and nxt.lower_ == "of")
    if token.lower_ == "vote":
        before = doc[token.i - 2] if token.i >= 2 else None
        return not (before is not None and before.lower_ == "of" or prev is not None and prev.lower_ == "of")
    return any(t.dep_ in {"amod", "compound"} for t in token.lefts)


def _modifier_start(doc: Doc, head, ent_at: dict) -> int:
    """First token of the head's pre-modifiers that belong to the mention."""
    left = [t for t in head.lefts if t.dep_ in MODIFIER_DEPS and t.lower_ not in DETERMINERS]
    start = min([t.left_edge.i for t in left] + [head.i])
    # Possessors and what precedes them are not part of the mention ("next week's talks").
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].dep_ == "case" or doc[i].text in {"'s", "’s", "'"}:
            start = i + 1
            break
    while start < head.i:
        t = doc[start]
        ent = ent_at.get(start)
        # A nationality, a place or a calendar date before the noun says whose or when, not
        # which ("Ukrainian presidential elections", "the Friday, November 19th game"); a
        # duration ("two day rally") or a month ("the November vote") stays.
        if ent is not None and (ent.label_ in {"NORP", "GPE"} or ent.label_ in {"DATE", "TIME"} and any(
            c.isdigit() for c in ent.text
        )):  # fmt: skip
            start = ent.end
            continue
        if t.lower_ == "re" and start + 1 < head.i and doc[start + 1].text == "-":
            break  # "re-run"
        if t.lower_ in DETERMINERS or t.lower_ in TIME_MODIFIERS or t.dep_ in {"det", "poss", "case", "punct"} or t.is_punct:
            start += 1
            continue
        break
    return min(start, head.i)
