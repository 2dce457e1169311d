"""The shared machinery of the relation patterns (titles are in :mod:`newsie.relations.titles`).

Each function takes a :class:`Context` (the doc with its entities indexed by token) and yields
:class:`Found` relations; the component (:mod:`newsie.relations.component`) checks them against
the schema, removes duplicates and stores them. Employers and residence from other cues are in
:mod:`newsie.relations.people`, places, seats and killings in :mod:`newsie.relations.places`,
meetings and memberships in :mod:`newsie.relations.meetings`, event frames in
:mod:`newsie.relations.event_frames`. Patterns:

- ``title_before_name``: "Deputy Foreign Minister Alibek Bakayev", "CICA Secretary General,
  Ambassador Kairat Sarybay", "New Zealand's Prime Minister John Key" -> has_title, and
  works_for the ORG/GPE that names the office ("CICA", "New Zealand"; a nationality gives its
  country when the doc names it: "Moldovan Foreign Minister" -> Moldova),
  also across a portfolio in capitals ("IAEA Safeguards Director Pierre Goldschmidt").
- ``title_apposition``: "Jeff Rathke, the State Department Spokesperson", "Alan Lacy, current
  chairman and chief executive of Sears" -> has_title per title, works_for the ORG/GPE before
  the title or after "of/at/for" ("chairman of Kmart" also gives chairs).
- ``title_of_before_name``: "the President of Brazil, Luiz Inacio Lula da Silva", "The
  Spanish Minister of Interior, José Antonio Alonso", "US Secretary of State Madeleine
  Albright" (works_for US: "of State" names the office).
- ``predicate_title``: "X was reelected as leader of the SPOE", "X is the chairman of Y".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from dataclasses import dataclass, field
from typing import Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..core.gazetteer import countries_of_demonym, load_gazetteer
from ..core.lexicon import honorifics
from ..core.types import Offsets

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
REGION_LABELS = frozenset({"GPE", "LOC"})
AGENT_LABELS = frozenset({"ORG", "GPE"})
# Courtesy titles (and "the") between a title and a name: "Secretary General, Mr. Sarybay".
HONORIFICS = honorifics() | {"the"}
TITLE_LINKS = {",", "and", "&"}
TITLE_FILLERS = {"the", "a", "an", "another", "current", "former", "then", "acting", "interim", "new", "retired", "also"}
CHAIR_TITLES = {"chairman", "chairwoman", "chairperson", "chair"}


@dataclass
class Found:
    """A relation found by a pattern, as clean character offsets."""

    relation: str
    head: Offsets
    head_label: str
    tail: Offsets
    tail_label: str
    evidence: Offsets
    pattern: str
    confidence: float
    tail_kind: str = "entity"


@dataclass
class Context:
    """A doc with its entities and event mentions indexed by token, built once per doc."""

    doc: Doc
    ents: tuple = ()  # doc.ents, read once (each read of doc.ents builds every Span anew)
    ent_of: list = field(default_factory=list)  # token index -> entity Span or None
    events: list = field(default_factory=list)  # event mentions (Span), in text order
    event_of: list = field(default_factory=list)  # token index -> event Span or None
    dates: list = field(default_factory=list)  # (record, Span) for DATE/TIME expressions
    lemmas: list = field(default_factory=list)  # token index -> lower-cased lemma
    lowers: list = field(default_factory=list)  # token index -> lower-cased text
    # Sentence (start, end) -> its dates, built on first use: looking a sentence's dates up
    # keeps the event frames linear in the doc (no pass over every date per event).
    _dates_by_sent: dict | None = field(default=None, repr=False)
    # Sorted look-ups built on first use (the entities of one label, with a word or matching a
    # pattern; the dates and events by start): the last, nearest or in-range ones are found by
    # bisection, not by a pass over every mention for each question.
    _sorted: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Doc, events: list[Span], dates: list[tuple[dict, Span]]) -> "Context":
        ents = doc.ents
        ent_of: list = [None] * len(doc)
        for ent in ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        event_of: list = [None] * len(doc)
        for event in events:
            for i in range(event.start, event.end):
                event_of[i] = event
        lemmas, lowers = token_words(doc)
        return cls(doc, ents, ent_of, events, event_of, dates, lemmas, lowers)

    def sent_dates(self, sent: Span) -> list[tuple[dict, Span]]:
        """The ``dates`` whose ``span.sent`` is ``sent``, in order."""
        if self._dates_by_sent is None:
            self._dates_by_sent = {}
            for record, span in self.dates:
                found = span.sent
                self._dates_by_sent.setdefault((found.start, found.end), []).append((record, span))
        return self._dates_by_sent.get((sent.start, sent.end), [])

    def dates_starting_in(self, left: int, right: int) -> list[tuple[dict, Span]]:
        """The ``dates`` whose span starts at a token from ``left`` to ``right`` (inclusive)."""
        return self._starting_in("dates", self.dates, lambda pair: pair[1].start, left, right)

    def events_starting_in(self, left: int, right: int) -> list[Span]:
        """The ``events`` that start at a token from ``left`` to ``right`` (inclusive)."""
        return self._starting_in("events", self.events, lambda event: event.start, left, right)

    def _starting_in(self, name: str, items: list, start_of, left: int, right: int) -> list:
        if name not in self._sorted:
            ordered = sorted(items, key=start_of)
            self._sorted[name] = ([start_of(item) for item in ordered], ordered)
        starts, ordered = self._sorted[name]
        return ordered[bisect_left(starts, left) : bisect_right(starts, right)]

    def sent_ents(self, sent: Span) -> list[Span]:
        """``sent.ents`` from the entities read once (``Span.ents`` rebuilds every entity of the doc)."""
        i = bisect_left(self.ents, sent.start, key=lambda e: e.start)
        out = []
        for ent in self.ents[i:]:
            if ent.end > sent.end:
                break
            out.append(ent)
        return out

    def last_ent_before(self, i: int, label: str, word: str | None = None) -> Span | None:
        """The last ``label`` entity ending at or before token ``i`` (with a token ``word``)."""
        key = ("before", label, word)
        if key not in self._sorted:
            ents = [e for e in self.ents if e.label_ == label and (word is None or any(t.lower_ == word for t in e))]
            self._sorted[key] = ([e.end for e in ents], ents)
        ends, ents = self._sorted[key]
        k = bisect_right(ends, i)
        return ents[k - 1] if k else None

    def nearest_ent(self, i: int, label: str, pattern: re.Pattern) -> Span | None:
        """The ``label`` entity whose text ``pattern`` finds, starting nearest token ``i``
        (the earlier one on a tie)."""
        key = ("nearest", label, pattern.pattern)
        if key not in self._sorted:
            ents = [e for e in self.ents if e.label_ == label and pattern.search(e.text)]
            self._sorted[key] = ([e.start for e in ents], ents)
        starts, ents = self._sorted[key]
        k = bisect_left(starts, i)
        return min(ents[max(k - 1, 0) : k + 1], key=lambda e: abs(e.start - i), default=None)

    def tokens_with(self, words: set[str] | frozenset[str], *, lemma: bool = True) -> Iterator[Token]:
        """The tokens, in order, whose lower-cased lemma (or text) is one of ``words``.

        Patterns look for a few trigger words; reading them from the plain string lists spares
        creating a ``Token`` object for every token of the doc in every pattern.
        """
        doc = self.doc
        for i, word in enumerate(self.lemmas if lemma else self.lowers):
            if word in words:
                yield doc[i]

    def ent(self, i: int, labels: frozenset[str] | set[str] | None = None) -> Span | None:
        if 0 <= i < len(self.doc) and (e := self.ent_of[i]) is not None and (labels is None or e.label_ in labels):
            return e
        return None


def token_words(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lower-cased lemma and lower-cased text, read in one array pass."""
    if not len(doc):
        return [], []
    strings = doc.vocab.strings
    seen: dict[int, str] = {}
    columns = doc.to_array([LEMMA, LOWER]).tolist()
    lemmas = [seen[h] if h in seen else seen.setdefault(h, strings[h].lower()) for h, _ in columns]
    lowers = [seen[h] if h in seen else seen.setdefault(h, strings[h].lower()) for _, h in columns]
    return lemmas, lowers


def found(relation: str, head: Span, tail: Span, pattern: str, confidence: float) -> Found:
    sent = head.sent if head.start >= tail.start else tail.sent
    return Found(
        relation, (head.start_char, head.end_char), head.label_, (tail.start_char, tail.end_char),
        tail.label_, (sent.start_char, sent.end_char), pattern, confidence,
    )  # fmt: skip


def skip(doc: Doc, i: int, words: set[str], step: int = 1) -> int:
    """The first index from ``i`` (moving by ``step``) whose token is not in ``words``."""
    while 0 <= i < len(doc) and (doc[i].lower_ in words or doc[i].is_space):
        i += step
    return i


def conjunct_ents(ctx: Context, token: Token, labels: frozenset[str] | set[str]) -> list[Span]:
    """The entities of ``token`` and of its conjuncts ("A, B and C"), titles resolved to persons."""
    out: list[Span] = []
    for t in [token, *token.conjuncts]:
        for ent in agents_at(ctx, t, labels):
            if ent not in out:
                out.append(ent)
    return out


def relative_antecedent(ctx: Context, verb: Token, labels: frozenset[str] | set[str]) -> Span | None:
    """The name a relative clause is said of: of the conjuncts the parser hangs it on ("A and B,
    who was then ..."), the last one before the relative pronoun (B)."""
    pronoun = min((t.i for t in verb.subtree), default=verb.i)
    before = [t for t in (verb.head, *verb.head.conjuncts) if t.i < pronoun]
    for t in sorted(before, key=lambda t: t.i, reverse=True):
        if (ent := ctx.ent(t.i, labels)) is not None:
            return ent
    return ctx.ent(verb.head.i, labels)


def left_list(ctx: Context, ent: Span, labels: frozenset[str] | set[str], *, closed: bool = False) -> list[Span]:
    """``ent`` and the entities listed right before it ("A, B and C" read back from C).

    With ``closed``, a list counts only when "and"/"or" stands right before ``ent``: in "A, B,
    C of X" the "of X" belongs to C alone, in "A, B and C of X" to all three.
    """
    doc = ctx.doc
    out = [ent]
    i = ent.start - 1
    if closed and not (i >= 0 and doc[i].lower_ in {"and", "or"}):
        return out
    while i >= 0:
        j = i
        while j >= 0 and doc[j].lower_ in {",", "and", "or", "the"}:
            j -= 1
        if j == i or (prev := ctx.ent(j, labels)) is None or prev.end != j + 1:
            break
        out.insert(0, prev)
        i = prev.start - 1
    return out


def agents_at(ctx: Context, token: Token, labels: frozenset[str] | set[str]) -> list[Span]:
    """The entity at ``token``; a TITLE stands for the person it introduces or is apposed to."""
    ent = ctx.ent_of[token.i]
    if ent is None:
        return []
    if ent.label_ == "TITLE" and "PERSON" in labels:
        person = person_after_titles(ctx, ent.start)[1]
        if person is None:
            person = next((p for c in token.children if c.dep_ == "appos" and (p := ctx.ent(c.i, {"PERSON"}))), None)
        if person is None and (org := agent_after(ctx, ent.end)) is not None:
            # "the President of Brazil, Luiz Inacio Lula da Silva".
            k = skip(ctx.doc, org.end, HONORIFICS | {","})
            person = ctx.ent(k, {"PERSON"})
        return [person] if person is not None else []
    return [ent] if ent.label_ in labels else []


def person_after_titles(ctx: Context, i: int) -> tuple[list[Span], Span | None]:
    """From token ``i``: a run of TITLEs ("CICA Secretary General, Ambassador") and the person after."""
    doc = ctx.doc
    titles: list[Span] = []
    while (t := ctx.ent(i, {"TITLE"})) is not None:
        titles.append(t)
        i = t.end
        j = skip(doc, i, TITLE_LINKS | HONORIFICS)
        if ctx.ent(j, {"TITLE"}) is not None:
            i = j
        else:
            break
    if not titles:
        return [], None
    # "Ambassador to Latvia Tomas Lind", "Ambassador to the country X": the post's
    # country between office and name.
    if i + 1 < len(doc) and doc[i].lower_ == "to":
        post = ctx.ent(i + 1, REGION_LABELS)
        end = post.end if post is not None and post.start == i + 1 else i + 3 if doc[i + 1].lower_ == "the" else i
        if end > i and (holder := ctx.ent(end, {"PERSON"})) is not None and holder.start == end:
            return titles, holder
    # "Secretary General, Ambassador Kairat Sarybay"; "President Mr. Roh"; not across a clause.
    j = skip(doc, i, HONORIFICS | {","}) if i - titles[-1].end == 0 else i
    person = ctx.ent(j, {"PERSON"})
    if person is not None and doc[i : person.start].text.count(",") > 1:
        person = None
    # "Greeting the Latvian Foreign Minister, Sargsyan said": across a comma, a name that is the
    # subject of its own verb is no apposition to an office that is an object.
    if person is not None and "," in doc[i : person.start].text and person.root.dep_ in {"nsubj", "nsubjpass"} \
            and titles[-1].root.dep_ in {"dobj", "pobj", "iobj"} and person.root.head != titles[-1].root:  # fmt: skip
        person = None
    return titles, person


def agent_before(ctx: Context, i: int) -> Span | None:
    """An ORG/GPE that names an office right before token ``i``: "CICA", "New Zealand's", and
    before a portfolio in capitals that no entity covers ("CNEN Radioprotection Director")."""
    doc = ctx.doc
    j = i - 1
    if j >= 0 and doc[j].lower_ in {"'s", "’s", "'"}:
        j -= 1
    agent = ctx.ent(j, AGENT_LABELS)
    if agent is None and (norp := ctx.ent(j, {"NORP"})) is not None and norp.end == j + 1:
        return country_of(ctx, norp)  # "Moldovan Foreign Minister" -> Moldova
    k = j
    while agent is None and k >= 0 and j - k < 2 and ctx.ent_of[k] is None and doc[k].is_title and doc[k].is_alpha and k > doc[k].sent.start:
        k -= 1
        agent = ctx.ent(k, AGENT_LABELS)
    return agent


def country_of(ctx: Context, norp: Span) -> Span | None:
    """The mention of the country a nationality adjective names ("Moldovan" -> the nearest
    "Moldova" or "Republic of Moldova" of the doc); None when the doc never names it."""
    names = countries_of_demonym(norp.text, load_gazetteer().countries)
    if not names:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return ctx.nearest_ent(norp.start, "GPE", pattern)


def agent_after(ctx: Context, i: int) -> Span | None:
    """An ORG/GPE after "of/at/for/with (the)" at token ``i``: "of Brazil", "at the Saudi Gazette"."""
    doc = ctx.doc
    if i < len(doc) and doc[i].lower_ in {"of", "at", "for", "with"}:
        return ctx.ent(skip(doc, i + 1, {"the"}), AGENT_LABELS)
    return None
