"""Event mentions: the meetings, summits, elections and visits a news reader tracks.

An event mention is a noun phrase headed by an event noun, without determiner, possessor or
post-modifiers, and without modifiers that only place it in time or say who holds it
(GUIDELINES, EVENT: "seventh meeting", "online meeting", "last Summit", "CSO meeting"; not
"forthcoming seventh meeting", not "next week's talks", not "Ukrainian presidential elections").

A meeting told by its verb is an event mention too, the verb alone: "met" in "X met with Y on
Thursday", "received" in "X received Y in Riga" (:func:`meeting_verbs`), so that its date, place
and participants have an event to hang on; a phone call or a letter is no meeting.

Not event mentions: a noun that modifies another noun ("launch opportunities", "election
results"), the head of a named body ("Conference on Interaction and ..."), a noun inside
another entity, a generic plural ("elections are important").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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
# "a telephone conversation" (not "a conversation"),
# "the annual pilgrimage", "this latest round of voting" (not "a pilgrimage", "rounds of fire"),
# "the November vote" (not "88% of the vote"), "the re-run" (not "a run").
NEEDS_MODIFIER = {"race", "vote", "run", "event", "pilgrimage", "round", "conversation", "call"}
# "a telephone conversation", "a phone call": a contact at a distance is an event by its means.
REMOTE_MEANS = {"phone", "telephone", "video", "online"}
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
        if start == token.i and token.tag_ in {"NNS", "NNPS"} and not any(t.dep_ in {"det", "poss"} for t in token.lefts) \
                and not _held_talks(token):  # fmt: skip
            continue
        yield Span(doc, start, token.i + 1, label="EVENT")


def _held_talks(token) -> bool:
    """"held talks with X", "negotiations between A and B": a plural that names one meeting."""
    if token.lower_ not in {"talks", "negotiations", "consultations"}:
        return False
    partner = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in token.children)
    return partner or token.dep_ == "dobj" and token.head.lemma_.lower() in {"hold", "have", "conduct"}


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
    if token.lower_ in {"conversation", "call"}:
        return any(t.lower_ in REMOTE_MEANS for t in token.lefts)
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


MEETING_VERBS = {"meet", "receive", "host"}
MEETING_NOUNS = {"meeting", "talks", "negotiations", "consultations"}
PARTY_NOUNS = {"delegation"}
PARTNER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "TITLE"}
# Words that make a contact remote rather than a meeting ("met via video link").
REMOTE_WORDS = {"phone", "telephone", "video", "videoconference", "video-conference", "videolink", "online", "virtual", "virtually", "letter", "teleconference", "call"}


def meeting_verbs(doc: Doc, ents: list[Span], nouns: list[Span]) -> Iterable[Span]:
    """Verbs that tell a meeting between named parties: "A met (with) B", "A and B met", "A
    received/hosted B", "B was received by A"; not "met with resistance", not a phone call. A
    verb that restates a meeting named by a noun (``nouns``) in its sentence or the one before
    ("before next week's talks. A and B meet Monday ...") is no mention of its own."""
    ent_at = {i: e for e in ents for i in range(e.start, e.end) if e.label_ in PARTNER_LABELS}
    for i in find_words(doc, MEETING_VERBS, attr="LEMMA"):
        verb = doc[i]
        if verb.pos_ != "VERB" or i in ent_at:
            continue
        if is_meeting(verb, ent_at) and restated_meeting(verb, nouns) is None:
            yield Span(doc, i, i + 1, label="EVENT")


def restated_meeting(verb, nouns: list[Span]) -> Span | None:
    """The meeting noun mention a meeting verb restates: the last one before it in its sentence
    or in the sentence before ("the meeting between A and B ... . A received B on May 2")."""
    sent = verb.sent
    start = doc_sentence_before(sent)
    found = [m for m in nouns if start <= m.start < verb.i and m.root.lower_ in MEETING_NOUNS]
    return found[-1] if found else None


def doc_sentence_before(sent: Span) -> int:
    """The first token of the sentence before ``sent`` (its own first token when it is the first)."""
    return sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def is_meeting(verb, ent_at: dict) -> bool:
    """Does ``verb`` (meet/receive/host) have named parties on both sides, and no remote means?"""
    def named(token) -> bool:
        # "his counterpart, X": the name apposed; "a delegation (led by X)": a party all the same
        tokens = [token, *token.conjuncts]
        return any(t.i in ent_at or t.lemma_.lower() in PARTY_NOUNS or any(c.dep_ == "appos" and c.i in ent_at for c in t.children) for t in tokens)
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    partners = [c for c in verb.children if c.dep_ == "dobj"]
    partners += [o for p in verb.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"with", "by"} for o in p.children if o.dep_ == "pobj"]
    if verb.lemma_.lower() != "meet" and not (any(named(p) for p in partners) and any(named(s) or s.lower_ in {"he", "she"} for s in subjects)):
        return False  # "A received/hosted B": a named party on both sides ("the winner will receive 500 X" is no meeting)
    together = any(len([t for t in (s, *s.conjuncts) if t.i in ent_at or t.lower_ in {"he", "she"}]) > 1 for s in subjects)
    if not (any(named(p) for p in partners) or together):
        return False
    subject_tokens = {t.i for s in subjects for t in s.subtree}
    return not any(t.lower_ in REMOTE_WORDS for t in verb.subtree if t.i not in subject_tokens)
