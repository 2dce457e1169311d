"""Meetings and memberships: ``met_with`` and ``member_of``, and the parties of a meeting event.

- ``meetings``: a meeting event (the entities stage's event mentions: the verbs "met",
  "received", "hosted" and the nouns "meeting", "talks", "negotiations") and the parties on
  each side: "A met (with) B", "A and B met", "A received/hosted B", "B was received by A",
  "A held talks with B", "A had a meeting with B", "the talks between A and B". Each pair gives
  one ``met_with`` row, head first in the text (the relation is symmetric); each party
  ``participates_in`` the event. A phone call, a video conference or a letter is no meeting
  ("held telephone talks", "an online meeting", "met via video link"). The meeting's place is a
  place after "in"/"at" in its clause, or the dateline's city when the text says "met here".
- ``memberships``: "Moldova became an EBRD member", "X, a member of ORG", "X is one of the
  founding states of the union", "Norway, a co-chairing country of the Contact Group",
  "The council comprises A, B and C as member states", "X joined ORG" -> member_of. A
  definite common noun ("the council", "the union") stands for the nearest organisation
  named before it that it can name.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator

from spacy.tokens import Span, Token

from ..core.extensions import DATELINE_KEY
from .event_frames import event_found
from .patterns import Context, Found, conjunct_ents, found

ACTORS = frozenset({"PERSON", "ORG", "GPE"})
MEMBER_LABELS = frozenset({"GPE", "ORG"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MEETING_VERBS = {"meet", "receive", "host"}
PARTY_NOUNS = {"delegation"}
MEETING_NOUNS = {"meeting", "talks", "negotiations", "consultations"}
HOLD_VERBS = {"hold", "have", "conduct"}
REMOTE_WORDS = {
    "phone", "telephone", "video", "videoconference", "video-conference", "videolink", "online",
    "virtual", "virtually", "letter", "teleconference", "call", "remotely",
}  # fmt: skip
MEMBER_NOUNS = {"member", "members", "country", "countries", "state", "states", "founder", "founders"}
CONSIST_VERBS = {"consist", "comprise", "include", "unite"}
GENERIC_BODIES = {"organisation", "organization", "bloc", "alliance", "union", "group", "body", "forum"}


def meetings(ctx: Context) -> Iterator[Found]:
    """met_with between the parties of each meeting event, participates_in for each party."""
    for event in ctx.events:
        root = event.root
        verb = root.pos_ == "VERB" and root.lemma_.lower() in MEETING_VERBS
        sides = _verb_sides(ctx, root) if verb else _noun_sides(ctx, root)
        if sides:
            yield from _meeting_rows(ctx, event, sides)
            yield from _meeting_place(ctx, event)
            if verb:
                yield from _meeting_date(ctx, event, root)
    # "before next week's talks. A and B meet Monday with C": a verb restating a meeting noun
    # states that meeting's parties and date.
    for verb in ctx.tokens_with(MEETING_VERBS):
        if verb.pos_ != "VERB" or ctx.event_of[verb.i] is not None or (event := _restated(ctx, verb)) is None:
            continue
        if sides := _verb_sides(ctx, verb):
            yield from _meeting_rows(ctx, event, sides)
            yield from _meeting_date(ctx, event, verb)


def _restated(ctx: Context, verb: Token) -> Span | None:
    """The meeting noun mention before ``verb`` in its sentence or the one before."""
    sent = verb.sent
    start = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = [e for e in ctx.events_starting_in(start, verb.i - 1) if e.root.lower_ in MEETING_NOUNS]
    return found[-1] if found else None


def _meeting_rows(ctx: Context, event: Span, sides: tuple[list[Span], list[Span]]) -> Iterator[Found]:
    left, right = sides
    pairs = [(a, b) for a in left for b in right] if right else list(combinations(left, 2))
    for a, b in pairs:
        if a.text == b.text or a.start == b.start:
            continue
        head, tail = (a, b) if a.start < b.start else (b, a)
        yield found("met_with", head, tail, "meeting", 0.8)
    for party in dict.fromkeys([*left, *right]):
        yield event_found("participates_in", party, event, "meeting", 0.75)


def _meeting_date(ctx: Context, event: Span, verb: Token) -> Iterator[Found]:
    """"The president on May 2 received ...": a date after "on" that the parser hung on the
    subject or the object of the meeting verb rather than on the verb; "meet Monday" when the
    verb restates a meeting named before."""
    args = {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}}
    sent = verb.sent
    own = event.root == verb
    for record, span in ctx.sent_dates(sent):
        root, prep = span.root, span.root.head
        on_arg = root.dep_ == "pobj" and prep.lower_ == "on" and prep.head.i in args
        on_verb = not own and (root.head == verb and root.dep_ in {"npadvmod", "tmod"} or root.dep_ == "pobj" and prep.lower_ == "on" and prep.head == verb)
        if on_arg or on_verb:
            yield Found(
                "event_date", (event.start_char, event.end_char), "EVENT", (record["start"], record["end"]),
                "DATE", (min(sent.start_char, event.sent.start_char), sent.end_char), "meeting_date", 0.65, "date",
            )  # fmt: skip


def _meeting_place(ctx: Context, event: Span) -> Iterator[Found]:
    """"A met B in Riga", "received B at the palace": a place after "in"/"at" in the clause of
    the meeting verb or noun, the parser's attachment to the partner's name notwithstanding."""
    root = event.root
    clause = root if root.pos_ == "VERB" else root.head if root.dep_ == "dobj" else root
    skip = {t.i for s in _subject_tokens(clause) for t in s.subtree}
    for prep in (t for t in clause.subtree if t.dep_ == "prep" and t.lower_ in {"in", "at"} and t.i not in skip):
        if prep.head.pos_ in {"VERB", "AUX"} and prep.head != clause:
            continue  # a place of another clause
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for place in conjunct_ents(ctx, obj, PLACE_LABELS):
                yield event_found("event_location", event, place, "meeting_place", 0.7)
    # "met here": the dateline's city ("TBILISI, Georgia, May 3. ... met here on Monday").
    if any(c.lower_ == "here" and c.dep_ == "advmod" for c in clause.children) and (city := _dateline_city(ctx)) is not None:
        yield event_found("event_location", event, city, "meeting_here", 0.65)


def _dateline_city(ctx: Context) -> Span | None:
    """The first place of the dateline (the cleaner's ``doc.spans["dateline"]``), if any."""
    datelines = ctx.doc.spans[DATELINE_KEY] if DATELINE_KEY in ctx.doc.spans else []
    for line in datelines:
        for i in range(line.start, line.end):
            if (place := ctx.ent(i, PLACE_LABELS)) is not None:
                return place
    return None


def _parties(ctx: Context, token: Token) -> list[Span]:
    """The named parties ``token`` stands for: its entities and conjuncts', names apposed ("his
    Latvian counterpart, X"), the leader or members of a delegation ("a delegation led by X",
    "the delegation consisting of A and B"); the people alone when people are among them."""
    out = conjunct_ents(ctx, token, ACTORS)
    for t in [token, *token.conjuncts]:
        out += [p for c in t.children if c.dep_ == "appos" for p in conjunct_ents(ctx, c, ACTORS) if p not in out]
        if t.lemma_.lower() not in PARTY_NOUNS:
            continue
        for acl in (c for c in t.children if c.dep_ in {"acl", "relcl", "prep"}):
            preps = [acl] if acl.dep_ == "prep" and acl.lower_ in {"including"} else [c for c in acl.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "of"}]
            if acl.dep_ == "prep" and acl.lower_ != "including":
                continue
            people = [p for pr in preps for o in pr.children if o.dep_ == "pobj" for p in conjunct_ents(ctx, o, {"PERSON"})]
            if people:
                return people  # the people who came, not the body they came from
    # "BRASÍLIA, Brazil - Mr. X, the President of Brazil, met ...": people meet, not the places
    # around their names.
    people = [p for p in out if p.label_ == "PERSON"]
    return people or out


def _remote(token: Token, skip: set[int]) -> bool:
    return any(t.lower_ in REMOTE_WORDS for t in token.subtree if t.i not in skip)


def _subject_tokens(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _verb_sides(ctx: Context, verb: Token) -> tuple[list[Span], list[Span]] | None:
    """"A met (with) B", "A and B met", "A received B", "B was received by A"."""
    subjects = _subject_tokens(verb)
    if _remote(verb, {t.i for s in subjects for t in s.subtree}):
        return None
    left = [p for s in subjects for p in _parties(ctx, s)]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"with", "by"} for o in p.children if o.dep_ == "pobj"]
    right = [p for o in objects for p in _parties(ctx, o) if p not in left]
    if not left and not right:
        return None
    if not right and len(left) < 2:
        return None
    if not left:
        return right, []
    return left, right


def _noun_sides(ctx: Context, noun: Token) -> tuple[list[Span], list[Span]] | None:
    """"A held talks with B", "A had a meeting with B", "the talks between A and B"."""
    if noun.lower_ not in MEETING_NOUNS or _remote(noun, set()):
        return None
    verb = noun.head
    if any(t.lower_ in REMOTE_WORDS for c in verb.children if c.dep_ in {"prep", "advmod"} and c != noun for t in c.subtree):
        return None  # "the talks were held via video link"
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        parties = [p for o in prep.children if o.dep_ == "pobj" for p in _parties(ctx, o)]
        if len(parties) < 2:  # "between A and B's C" parsed with A on C: every name in the phrase
            parties = _names_in(ctx, prep)
        if len(parties) > 1:
            return parties, []
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in HOLD_VERBS:
        return None
    subjects = _subject_tokens(verb)
    left = [p for s in subjects for p in _parties(ctx, s)]
    withs = [p for h in (verb, noun) for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    right = [p for o in withs for p in _parties(ctx, o) if p not in left]
    if left and right:
        return left, right
    return (left, []) if len(left) > 1 else None


def _names_in(ctx: Context, prep: Token) -> list[Span]:
    """The people named in a phrase, or else its countries and bodies, possessors left out."""
    ents = [e for e in dict.fromkeys(ctx.ent_of[t.i] for t in prep.subtree if ctx.ent_of[t.i] is not None) if e.label_ in ACTORS]
    ents = [e for e in ents if not any(c.dep_ == "case" for c in e.root.children)]
    people = [e for e in ents if e.label_ == "PERSON"]
    return people or ents


def memberships(ctx: Context) -> Iterator[Found]:
    """member_of from "member" nouns, "consists of ... as members" and "joined"."""
    for token in ctx.tokens_with(MEMBER_NOUNS | {"join"} | CONSIST_VERBS):
        lemma = token.lemma_.lower()
        if lemma == "join" and token.pos_ == "VERB":
            bodies = [b for c in token.children if c.dep_ == "dobj" if (b := _body(ctx, c))]
            members = [m for s in _subject_tokens(token) for m in conjunct_ents(ctx, s, MEMBER_LABELS)]
        elif lemma in CONSIST_VERBS and token.pos_ == "VERB":
            bodies = [b for s in _subject_tokens(token) if (b := _body(ctx, s))]
            if not bodies or not any(t.lemma_.lower() == "member" for t in token.subtree):
                continue
            members = [m for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj" for m in conjunct_ents(ctx, o, MEMBER_LABELS)]
            members += [m for c in token.children if c.dep_ == "dobj" for m in conjunct_ents(ctx, c, MEMBER_LABELS)]
        elif token.pos_ == "NOUN" and (token.lower_.startswith("member") or _co_chairing(token) or any(c.lower_ == "founding" for c in token.children)):
            bodies = _bodies_of_member(ctx, token)
            members = _members_of_noun(ctx, token) if bodies else []
        else:
            continue
        for member in members:
            for body in bodies:
                if member.start != body.start:
                    yield found("member_of", member, body, "member_of", 0.75)


def _co_chairing(token: Token) -> bool:
    """"a co-chairing country": a country named for its seat in a group."""
    return token.lower_ in {"country", "state"} and any("chair" in c.lower_ for c in token.lefts)


def _bodies_of_member(ctx: Context, noun: Token) -> list[Span]:
    """"an EBRD member", "member states of the Nordic Council", "one of the founding states of the union"."""
    bodies = [b for c in noun.children if c.dep_ in {"compound", "nmod", "amod"} if (b := ctx.ent(c.i, {"ORG"}))]
    of_objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.head.lower_ == "one":
        of_objects += [o for p in noun.children if p.lower_ == "of" for o in p.children]
    bodies += [b for o in of_objects if (b := _body(ctx, o))]
    return list(dict.fromkeys(bodies))


def _members_of_noun(ctx: Context, noun: Token) -> list[Span]:
    """Who the member noun is said of: the subject of "is/became (one of the) member(s)", the
    name it is apposed to, "A, B and C as member countries" (the object of "consist of")."""
    node = noun
    if node.dep_ == "pobj" and node.head.head.lower_ == "one":
        node = node.head.head  # "one of the founding states"
    if node.dep_ == "attr" or node.dep_ == "pobj" and node.head.lower_ == "as":
        verb = node.head if node.dep_ == "attr" else node.head.head
        return [m for s in _subject_tokens(verb) for m in conjunct_ents(ctx, s, MEMBER_LABELS)]
    if node.dep_ == "appos":
        return conjunct_ents(ctx, node.head, MEMBER_LABELS)
    return []


def _body(ctx: Context, token: Token) -> Span | None:
    """The organisation ``token`` names: an ORG, or "the council" for the last Council named."""
    if (org := ctx.ent(token.i, {"ORG"})) is not None:
        return org
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    word = token.lower_
    return ctx.last_ent_before(token.i, "ORG", None if word in GENERIC_BODIES else word)
