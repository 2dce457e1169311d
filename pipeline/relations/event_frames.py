"""Event frames: who chairs and takes part in an event, when and where it takes place.

Events are the entities stage's event mentions (``doc.spans["events"]``: "seventh meeting",
"last Summit") and named EVENT entities ("International Women's Day"). A frame is built from
the parse around the mention and its governing clause:

- ``chaired_by``: "the meeting ..., chaired by A and B" -> chairs, one per conjunct;
  "X chaired/presided over the meeting" -> chairs.
- ``chairmanship``: "the chairmanship of CICA will pass from Kazakhstan to Azerbaijan" -> chairs.
- ``participation``: "held with the participation of X" -> participates_in.
- ``event_of``: "meeting of the Committee of Senior Officials", "CSO meeting", "APEC summit"
  -> the ORG participates_in the event.
- ``event_with``: "a news conference with US Vice President Al Gore", "the game between the
  Pistons and the Pacers" -> participates_in.
- ``event_subject``: "Bush made his first official state visit", "Mr. Netanyahu suggested ...
  at a news conference", "he will be the top candidate for the election" -> participates_in.
- ``event_present``: "Some ministers were present at the event: A, B, ..." -> participates_in.
- ``event_date``/``event_location``: a date, or a place after "in/at" ("to" for visits), that
  modifies the event mention or the clause that has the event as subject or object ("the
  meeting ... scheduled for December 17", "The election was held on December 1", "the last
  Summit in Astana in 2022", "the first meeting set to take place in Christchurch on May 16").

The ``events`` table is built from these relations by :mod:`newsie.run.views`.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from ..core.lexicon import SCHEDULED_EVENT_NOUNS
from .patterns import Context, Found, conjunct_ents

ACTORS = frozenset({"PERSON", "ORG", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CHAIR_VERBS = {"chair", "preside", "moderate"}
# Verbs whose subject takes part in the event that is their object ("made a visit", "won the match").
TAKE_PART_VERBS = {
    "attend", "make", "pay", "have", "hold", "win", "lose", "contest", "join", "participate",
    "address", "play", "boycott", "run", "compete", "claim", "enter", "begin", "speak", "meet",
    "lead", "visit", "open", "tip",
}  # fmt: skip
PRESENCE_PREPS = {"at", "during", "in"}
CANDIDACY = {"candidate", "nominee", "contender", "present", "victory", "part"}
LINK_DEPS = {"prep", "pobj", "npadvmod", "tmod", "attr", "appos", "nummod", "compound", "poss", "amod", "nmod", "advmod", "conj", "cc"}
EVENT_WORDS = SCHEDULED_EVENT_NOUNS
VISIT_NOUNS = {"visit", "trip", "tour", "pilgrimage", "journey"}


def event_found(relation: str, head: Span, tail: Span, pattern: str, confidence: float, *, tail_kind: str = "entity", tail_label: str | None = None) -> Found:
    sent = head.sent
    return Found(
        relation, (head.start_char, head.end_char), head.label_, (tail.start_char, tail.end_char),
        tail_label or tail.label_, (sent.start_char, sent.end_char), pattern, confidence, tail_kind,
    )  # fmt: skip


def frames(ctx: Context) -> Iterator[Found]:
    """Every event-frame relation of the doc."""
    for event in ctx.events:
        clause = clause_heads(event)
        yield from _chairs(ctx, event)
        yield from _participants(ctx, event, clause)
        yield from _date_and_place(ctx, event, clause)
    yield from chairmanship(ctx)


def clause_heads(event: Span) -> list[Token]:
    """The tokens a date or place may hang on to belong to the event: the mention's head, the verb
    that has it as subject/object ("was held", "made ... visit"), verbs in a clause on the mention
    ("scheduled for", "which is due to begin") and their open complements ("set to take place")."""
    root = event.root
    heads = [root]
    verb = None
    if root.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in {"VERB", "AUX"}:
        verb = root.head.head
    if verb is not None and verb.pos_ in {"VERB", "AUX"}:
        heads.append(verb)
    heads += [c for c in root.children if c.dep_ in {"acl", "relcl"}]
    # "set to take place in ...", "is due to begin in ...": open and infinitival complements of
    # the clause verbs, followed down the chain.
    frontier = list(heads[1:])
    while frontier:
        h = frontier.pop()
        for c in h.children:
            if c not in heads and (c.dep_ in {"xcomp", "acomp"} or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))):
                heads.append(c)
                frontier.append(c)
    return heads


def _linked(token: Token, heads: list[Token], max_steps: int = 4) -> bool:
    """Does ``token`` hang on one of ``heads`` through prepositions and modifiers only?

    A clause verb must govern the token directly ("scheduled for December 17"); the event's
    own head may reach it through one noun ("Summit in Astana in 2022"), but never through
    another event or a verb ("the meeting, which will present ... since the Summit in 2022").
    """
    node, nouns = token, 0
    for _ in range(max_steps):
        if node.dep_ not in LINK_DEPS or node.head == node:
            return False
        node = node.head
        if node in heads:
            return node == heads[0] or nouns == 0
        if node.pos_ in {"VERB", "AUX"} or node.lower_ in EVENT_WORDS:
            return False
        nouns += node.pos_ in {"NOUN", "PROPN"}
        if nouns > 1:
            return False
    return False


def _date_and_place(ctx: Context, event: Span, heads: list[Token]) -> Iterator[Found]:
    sent = event.sent
    for record, span in ctx.sent_dates(sent):
        root = span.root
        inside = event.start <= span.start and span.end <= event.end
        if not inside and span.start < event.end and event.start < span.end:
            continue
        if inside or _linked(root, heads) or (root.head in heads and root.dep_ in {"npadvmod", "tmod", "poss", "nummod", "compound", "attr"}):
            yield Found(
                "event_date", (event.start_char, event.end_char), "EVENT", (record["start"], record["end"]),
                "DATE", (sent.start_char, sent.end_char), "event_date", 0.7, "date",
            )  # fmt: skip
    preps = {"in", "at"} | ({"to"} if event.root.lemma_.lower() in VISIT_NOUNS else set())
    for ent in (e for e in ctx.sent_ents(sent) if e.label_ in PLACE_LABELS):
        if ent.start >= event.start and ent.end <= event.end:
            continue
        root = ent.root
        # "in the capital, Abuja" / "to Canada's capital city, Ottawa": a place apposed to the object.
        obj = root.head if root.dep_ in {"appos", "npadvmod"} and root.head.dep_ == "pobj" and root.head.pos_ == "NOUN" else root
        prep = obj.head
        if obj.dep_ == "pobj" and prep.lower_ in preps and (prep.head in heads or _linked(prep, heads, 2)):
            for place in conjunct_ents(ctx, root, PLACE_LABELS):
                yield event_found("event_location", event, place, "event_location", 0.7)


def _chairs(ctx: Context, event: Span) -> Iterator[Found]:
    root = event.root
    for token in root.subtree:
        # chaired_by: "meeting ..., chaired by A and B".
        if token.lower_ == "by" and token.head.lemma_.lower() in CHAIR_VERBS | {"host", "lead"} and token.head.head == root:
            for obj in (c for c in token.children if c.dep_ == "pobj"):
                for person in conjunct_ents(ctx, obj, ACTORS):
                    yield event_found("chairs", person, event, "chaired_by", 0.85)
    if root.dep_ == "dobj" and root.head.lemma_.lower() in CHAIR_VERBS:
        for subj in (c for c in root.head.children if c.dep_ == "nsubj"):
            for agent in conjunct_ents(ctx, subj, ACTORS):
                yield event_found("chairs", agent, event, "chaired_by", 0.8)


def _participants(ctx: Context, event: Span, heads: list[Token]) -> Iterator[Found]:
    root = event.root
    # event_of: an organisation named in the mention ("CSO meeting") or after "of".
    for i in range(event.start, event.end):
        org = ctx.ent(i, {"ORG"})
        if org is not None and org.end <= root.i:
            yield event_found("participates_in", org, event, "event_of", 0.75)
    for prep in (c for c in root.children if c.dep_ == "prep"):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objs:
            if prep.lower_ == "of":
                for org in conjunct_ents(ctx, obj, {"ORG"}):
                    yield event_found("participates_in", org, event, "event_of", 0.75)
                # "with the participation of X".
            elif prep.lower_ in {"with", "between"}:
                for agent in conjunct_ents(ctx, obj, ACTORS):
                    yield event_found("participates_in", agent, event, "event_with", 0.7)
    for token in root.head.subtree if root.dep_ != "ROOT" else root.subtree:
        if token.lower_ == "participation" and token.i > root.i:
            for prep in (c for c in token.children if c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for agent in conjunct_ents(ctx, obj, ACTORS):
                        yield event_found("participates_in", agent, event, "participation", 0.8)
    yield from _subjects(ctx, event)


def _subjects(ctx: Context, event: Span) -> Iterator[Found]:
    """The named subject of the clause the event is an object of, or "at"/"during" which it acts."""
    root = event.root
    verb, via = None, None
    if root.dep_ in {"dobj", "attr"}:
        verb, via = root.head, "object"
    elif root.dep_ == "pobj" and root.head.dep_ == "prep":
        prep = root.head
        if prep.head.pos_ in {"VERB", "AUX"} and prep.lower_ in PRESENCE_PREPS:
            verb, via = prep.head, "presence"
        elif prep.head.lemma_.lower() in CANDIDACY and prep.lower_ in {"for", "at", "in"}:
            verb, via = prep.head, "predicate"
        elif prep.lower_ == "for" and any(c.dep_ == "attr" and c.lemma_.lower() in CANDIDACY for c in prep.head.children):
            # "Gusenbauer will be the party's top candidate for the next election".
            verb, via = prep.head, "predicate"
    if verb is None:
        return
    if via == "object" and verb.lemma_.lower() not in TAKE_PART_VERBS:
        return
    if via == "object":
        # "had lunch today with the President of Brazil, Lula": the partner hangs on the verb.
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for agent in conjunct_ents(ctx, obj, ACTORS):
                    yield event_found("participates_in", agent, event, "event_with", 0.65)
    if via == "presence" and prep.lower_ == "in" and verb.lemma_.lower() not in TAKE_PART_VERBS | {"claim", "vote"}:
        return
    node = verb
    for _ in range(3):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            agents = conjunct_ents(ctx, subj[0], ACTORS)
            # "Moi's Kenya African National Union party lost the race": the name before the noun.
            agents = agents or [e for c in subj[0].children if c.dep_ in {"compound", "nmod"} if (e := ctx.ent(c.i, {"ORG", "GPE"}))][:1]
            for agent in agents:
                yield event_found("participates_in", agent, event, "event_subject", 0.65)
            break
        if node.dep_ in {"attr", "acomp", "xcomp", "advcl", "pobj", "prep"}:
            node = node.head
            continue
        break
    if via == "predicate" and verb.lemma_.lower() == "present":
        # "were present at the event: A (Economy), B (...)": the names listed after the colon.
        sent = event.sent
        colon = next((t.i for t in ctx.doc[event.end : sent.end] if t.text == ":"), None)
        if colon is not None:
            for ent in (e for e in ctx.sent_ents(sent) if e.start > colon and e.label_ == "PERSON"):
                yield event_found("participates_in", ent, event, "event_present", 0.7)


def chairmanship(ctx: Context) -> Iterator[Found]:
    """"the chairmanship of CICA will pass from Kazakhstan to Azerbaijan" -> both chair CICA."""
    for token in ctx.tokens_with({"chairmanship", "presidency", "chairship"}, lemma=False):
        if token.lower_ not in {"chairmanship", "presidency", "chairship"}:
            continue
        of = next((c for c in token.children if c.lower_ == "of"), None)
        org = next((e for c in of.children if c.dep_ == "pobj" if (e := ctx.ent(c.i, {"ORG", "EVENT"}))), None) if of else None
        if org is None:
            continue
        verb = token.head
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "to"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for agent in conjunct_ents(ctx, obj, ACTORS):
                    yield event_found("chairs", agent, org, "chairmanship", 0.75)
