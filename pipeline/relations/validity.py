"""How and when a relation holds: its ``qualifier`` and its ``valid_from``/``valid_to`` bounds.

Read from the relation's own clause, after the patterns have found it:

- ``qualifier``: a word before a title says the office is no longer, not yet or not fully held
  ("former Prime Minister Mark Rutte", "acting Foreign Minister", "the outgoing chairman",
  "Prime Minister-designate Tom Reed", "ex-President"): the has_title row takes it, and so do
  the person's works_for and chairs rows stated in the same sentence as that title.
- a hand-over: "the chairmanship of X will transition from A to B during the meeting ...
  scheduled for December 17": the agent after "from" holds the relation until the date in the
  verb's clause (``valid_to``), the agent after "to" from that date (``valid_from``). The date
  is the DATE expression in the subtree of the change verb, the nearest to it.
- a term: "the Azerbaijani Chairmanship in 2024-2026", "his presidency from 2019 to 2023": a
  term noun, the agent in front of it (a name or its adjective, "Azerbaijani" for
  "Azerbaijan", matched on the shared stem) and the DATE expressions right after it bound the
  agent's chairs rows: the first is ``valid_from``, the last ``valid_to``.

When two cues bound one side, the finer value within the coarser wins ("2024-12-17" within
"2024").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .patterns import Context, Found

# Word before (or, hyphenated, after) a title -> qualifier.
QUALIFIERS = {
    "former": "former", "ex": "former", "acting": "acting", "interim": "acting", "outgoing": "outgoing",
    "incoming": "incoming", "designate": "designate", "elect": "incoming",
}  # fmt: skip
# Words that may stand between the qualifier and the title ("former US Secretary of State").
BETWEEN = {"the", "a", "an", "-", "'s", "’s", "then"}
CHANGE_VERBS = {"transition", "pass", "move", "shift", "rotate", "transfer", "hand", "switch"}
TERM_NOUNS = {"chairmanship", "chairship", "presidency", "chairpersonship", "term", "tenure", "mandate"}
TERM_LINKS = {"in", "for", "during", "from", "of", "over"}
RANGE_LINKS = {"-", "–", "to", "until", "till", "through", "and"}
HELD_RELATIONS = {"chairs", "works_for", "has_title", "member_of"}


@dataclass
class Bounds:
    qualifier: str = ""
    valid_from: str = ""
    valid_to: str = ""

    def bound(self, *, start: str = "", end: str = "") -> None:
        self.valid_from = finer(self.valid_from, start)
        self.valid_to = finer(self.valid_to, end)

    def as_dict(self) -> dict[str, str]:
        return {"qualifier": self.qualifier, "valid_from": self.valid_from, "valid_to": self.valid_to}


def finer(old: str, new: str) -> str:
    """Of two TIMEX3 values for one bound, the finer one when one lies within the other."""
    if not old or not new:
        return old or new
    return new if new.startswith(old) else old


def bounds(ctx: Context, relations: Iterable[Found]) -> dict[int, Bounds]:
    """``id(relation) -> Bounds`` for every relation whose text qualifies or bounds it."""
    relations = list(relations)
    out: dict[int, Bounds] = {id(r): Bounds() for r in relations}
    titled: dict[tuple[int, int], list[tuple[tuple[int, int], str]]] = {}  # person -> (sentence, qualifier)
    for rel in relations:
        if rel.relation == "has_title" and (title := _span(ctx.doc, rel.tail)) is not None:
            out[id(rel)].qualifier = title_qualifier(ctx, title)
            if out[id(rel)].qualifier:
                titled.setdefault(rel.head, []).append(((title.sent.start_char, title.sent.end_char), out[id(rel)].qualifier))
    terms = list(_terms(ctx))
    for rel in relations:
        b = out[id(rel)]
        head = _span(ctx.doc, rel.head)
        if head is None or rel.relation not in HELD_RELATIONS:
            continue
        if rel.relation != "has_title":  # a title's own words alone qualify it
            b.qualifier = next((q for sent, q in titled.get(rel.head, []) if sent[0] <= head.start_char < sent[1]), "")
        start, end = handover(ctx, head)
        b.bound(start=start, end=end)
        if rel.relation == "chairs":
            for agent_words, first, last in terms:
                if _same_stem(agent_words, head.text):
                    b.bound(start=first, end=last)
    return {key: b for key, b in out.items() if b.qualifier or b.valid_from or b.valid_to}


def title_qualifier(ctx: Context, title: Span) -> str:
    """"former" of "former (US) Prime Minister", "designate" of "Prime Minister-designate"."""
    doc = ctx.doc
    inside = [QUALIFIERS.get(t.lower_, "") for t in title if t.lower_ in QUALIFIERS]
    if inside:
        return inside[0]
    i = title.start - 1
    sent_start = title.sent.start
    while i >= sent_start:
        word = doc[i].lower_
        if word in QUALIFIERS:
            return QUALIFIERS[word]
        agent = ctx.ent(i, {"ORG", "GPE", "NORP"})
        if agent is not None:
            i = agent.start - 1
        elif word in BETWEEN:
            i -= 1
        else:
            break
    j = title.end
    if j + 1 < len(doc) and doc[j].text in {"-", "–"} and doc[j + 1].lower_ in QUALIFIERS:
        return QUALIFIERS[doc[j + 1].lower_]
    return ""


def handover(ctx: Context, head: Span) -> tuple[str, str]:
    """``(valid_from, valid_to)`` of an agent named after "to"/"from" of a change verb."""
    root = head.root
    prep = root.head if root.dep_ in {"pobj", "conj"} else None
    while prep is not None and prep.dep_ == "conj" and prep.head is not prep:  # "to A and B"
        prep = prep.head
    if prep is None or prep.lower_ not in {"from", "to"} or prep.head.lemma_.lower() not in CHANGE_VERBS:
        return "", ""
    value = _clause_date(ctx, prep.head)
    if not value:
        return "", ""
    return (value, "") if prep.lower_ == "to" else ("", value)


def _clause_date(ctx: Context, verb: Token) -> str:
    """The value of the DATE expression in the verb's subtree nearest to the verb."""
    left, right = verb.left_edge.i, verb.right_edge.i
    inside = [(abs(span.start - verb.i), rec["value"]) for rec, span in ctx.dates_starting_in(left, right) if rec["type"] == "DATE"]
    return min(inside)[1] if inside else ""


def _terms(ctx: Context) -> Iterable[tuple[str, str, str]]:
    """``(agent words, first value, last value)`` for "the Azerbaijani Chairmanship in 2024-2026"."""
    doc = ctx.doc
    starts = {span.start: rec for rec, span in ctx.dates if rec["type"] == "DATE"}
    ends = {span.start: span.end for _, span in ctx.dates}
    for token in ctx.tokens_with(TERM_NOUNS, lemma=False):
        agent = doc[token.i - 1] if token.i > token.sent.start else None
        if agent is None or not (agent.is_title or agent.is_upper):
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].lower_ in TERM_LINKS:
            i += 1
        first = starts.get(i)
        if first is None:
            continue
        last = first
        j = ends[i]
        if j < len(doc) and doc[j].text in RANGE_LINKS and (nxt := starts.get(j + 1)) is not None:
            last = nxt
        yield agent.text, first["value"], last["value"]


def _same_stem(adjective: str, name: str) -> bool:
    """"Azerbaijani" and "Azerbaijan", "Kazakh" and "Kazakhstan": one is the other's stem plus an
    ending; the shared stem covers all but the last letters of the shorter word."""
    a, b = adjective.lower(), name.lower()
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= 4 and shared >= min(len(a), len(b)) - 1


def _span(doc: Doc, offsets: tuple[int, int]) -> Span | None:
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")
