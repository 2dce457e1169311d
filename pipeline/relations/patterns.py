"""Patterns for titles, and the shared machinery of the relation patterns.

Each function takes a :class:`Context` (the doc with its entities indexed by token) and yields
:class:`Found` relations; the component (:mod:`pipeline.relations`) checks them against the
schema, removes duplicates and stores them. Employers and residence from other cues are in
:mod:`pipeline.people_patterns`, places, seats and killings in :mod:`pipeline.location_patterns`,
event frames in :mod:`pipeline.events`. Patterns:

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

from bisect import bisect_left
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

    def sent_ents(self, sent: Span) -> list[Span]:
        """``sent.ents`` from the entities read once (``Span.ents`` rebuilds every entity of the doc)."""
        i = bisect_left(self.ents, sent.start, key=lambda e: e.start)
        out = []
        for ent in self.ents[i:]:
            if ent.end > sent.end:
                break
            out.append(ent)
        return out

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
    mentions = [e for e in ctx.ents if e.label_ == "GPE" and pattern.search(e.text)]
    return min(mentions, key=lambda e: abs(e.start - norp.start), default=None)


def agent_after(ctx: Context, i: int) -> Span | None:
    """An ORG/GPE after "of/at/for/with (the)" at token ``i``: "of Brazil", "at the Saudi Gazette"."""
    doc = ctx.doc
    if i < len(doc) and doc[i].lower_ in {"of", "at", "for", "with"}:
        return ctx.ent(skip(doc, i + 1, {"the"}), AGENT_LABELS)
    return None


def titles(ctx: Context) -> Iterator[Found]:
    """has_title / works_for / chairs from titles next to names."""
    seen: set[int] = set()
    for title in (e for e in ctx.ents if e.label_ == "TITLE"):
        if title.start in seen:
            continue
        run, person = person_after_titles(ctx, title.start)
        seen.update(t.start for t in run)
        if person is not None:
            # "Senators A and B": a plural office before a list holds for every name.
            for holder in listed_after(ctx, person, {"PERSON"}) if _plural(run[-1]) else [person]:
                for t in run:
                    yield found("has_title", holder, t, "title_before_name", 0.9)
            before = agent_before(ctx, run[0].start)
            org = before or agent_after(ctx, run[-1].end)
            # A country named by a nationality ("Latvian Secretary of State") may come later.
            if org is not None and (org is before or org.end <= person.start):
                yield found("works_for", person, org, "title_before_name", 0.85)
            continue
        yield from _title_apposition(ctx, run)


def _title_apposition(ctx: Context, run: list[Span]) -> Iterator[Found]:
    """"PERSON, the (ORG) Title (and Title) (of ORG)" and "the Title of ORG, PERSON"."""
    doc = ctx.doc
    first = run[0]
    k = run[-1].end
    if k + 1 < len(doc) and doc[k].lower_ in {"'s", "’s"} and (held := ctx.ent(k + 1, {"TITLE"})) is not None:
        run = [held]  # "the Latvian President's Special Envoy": the office after "'s"
    # Extend over coordinated titles: "chairman and chief executive".
    while (nxt := ctx.ent(skip(doc, run[-1].end, TITLE_LINKS | {"the"}), {"TITLE"})) is not None and nxt not in run:
        run = [*run, nxt]
    org = agent_before(ctx, first.start)
    j = org.start if org is not None and org.end <= first.start else first.start
    if (norp := ctx.ent(first.start - 1, {"NORP"})) is not None:
        j = norp.start  # "the Latvian President's ...": the country was named elsewhere
    j = skip(doc, j - 1, TITLE_FILLERS | {"'s", "’s"}, step=-1)
    after_org = agent_after(ctx, run[-1].end)
    # "Minister of X of Latvia A, Minister of X of Moldova B": an office whose "of" body
    # comes right before a name is that name's, not an apposition to the name before.
    owned = after_org is not None and ctx.ent(skip(doc, after_org.end, HONORIFICS), {"PERSON"}) is not None
    if 0 <= j < len(doc) and doc[j].text == "," and (person := ctx.ent(j - 1, {"PERSON"})) is not None and not owned:
        for t in run:
            yield found("has_title", person, t, "title_apposition", 0.85)
        for agent in (org, after_org):
            if agent is not None:
                yield found("works_for", person, agent, "title_apposition", 0.8)
        if after_org is not None and after_org.label_ == "ORG" and any(t.text.lower() in CHAIR_TITLES for t in run):
            yield found("chairs", person, after_org, "title_apposition", 0.75)
        return
    # "The Spanish Minister of Interior, José Antonio Alonso": a portfolio that is no entity.
    k = run[-1].end
    if after_org is None and k < len(doc) and doc[k].lower_ == "of":
        k += 1
        while k < len(doc) and k < run[-1].end + 6 and (doc[k].is_title or doc[k].lower_ in {"and", "the", "&"}) and ctx.ent_of[k] is None:
            k += 1
        if k + 1 < len(doc) and doc[k].text == "," and (person := ctx.ent(skip(doc, k + 1, HONORIFICS), {"PERSON"})) is not None:
            for t in run:
                yield found("has_title", person, t, "title_of_before_name", 0.8)
        return
    if after_org is not None:
        yield from _title_of_body(ctx, run, org, after_org)


def _title_of_body(ctx: Context, run: list[Span], org: Span | None, after_org: Span) -> Iterator[Found]:
    """"the President of Brazil, Luiz Inacio Lula da Silva"; "the President of the Republic of
    Korea Mr. Roh"; "the Foreign Ministers of Latvia and Mongolia, A and B"."""
    doc = ctx.doc
    bodies = listed_after(ctx, after_org, AGENT_LABELS)
    k = skip(doc, bodies[-1].end, HONORIFICS | {","})
    if k + 1 < len(doc) and doc[k].lower_ in {"'s", "’s"} and (owned := ctx.ent(k + 1, {"ORG"})) is not None:
        if ctx.ent(owned.end, {"PERSON"}) is None:
            return  # "the chief of Belarus's Security Committee, X": no office before a name
        after_org, bodies = owned, [owned]  # "Chairman of Latvia's Saeima X" -> the Saeima
        k = owned.end
    person = ctx.ent(k, {"PERSON"})
    people = listed_after(ctx, person, {"PERSON"}) if person is not None and _plural(run[-1]) else []
    if len(people) > 1 and doc[bodies[-1].end : person.start].text.count(",") <= 1:
        # "the Foreign Ministers of Latvia and Mongolia, A and B": each the office; the
        # countries in turn when there are as many.
        for p in people:
            for t in run:
                yield found("has_title", p, t, "title_of_before_name", 0.8)
        for p, body in zip(people, bodies) if len(bodies) == len(people) else ():
            yield found("works_for", p, body, "title_of_before_name", 0.75)
        return
    if person is not None and doc[after_org.end : person.start].text.count(",") <= 1:
        for t in run:
            yield found("has_title", person, t, "title_of_before_name", 0.85)
        # "US Secretary of State Madeleine Albright": with a country before the title and
        # no comma, "of State" names the office, and the country is the employer.
        employer = org if org is not None and "," not in doc[after_org.end : person.start].text else after_org
        yield found("works_for", person, employer, "title_of_before_name", 0.8)


def _plural(title: Span) -> bool:
    head = next((t.nbor(-1) for t in title[1:] if t.lower_ in {"of", "for", "on", "to"}), title[-1])
    return head.tag_ in {"NNS", "NNPS"} or head.lower_.endswith("men")


def listed_after(ctx: Context, ent: Span, labels: frozenset[str] | set[str]) -> list[Span]:
    """``ent`` and the entities listed right after it ("A, B and C" read on from A)."""
    doc = ctx.doc
    out = [ent]
    i = ent.end
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].lower_ in {",", "and"}:
            j += 1
        if j == i or (nxt := ctx.ent(j, labels)) is None or nxt.start != j:
            break
        out.append(nxt)
        i = nxt.end
    return out


def predicate_titles(ctx: Context) -> Iterator[Found]:
    """"X was reelected as leader of ORG", "X is a member of parliament in Kenya"."""
    for title in (e for e in ctx.ents if e.label_ == "TITLE"):
        root = title.root
        verb = None
        if root.dep_ == "attr":
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.pos_ in {"VERB", "AUX"}:
            verb = root.head.head
        if verb is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subj in subjects:
            # "Ozols, who is also a deputy prime minister": the name the clause is on.
            relative = subj.lower_ in {"who", "that"} and verb.dep_ == "relcl"
            for person in [p] if relative and (p := relative_antecedent(ctx, verb, {"PERSON"})) else conjunct_ents(ctx, subj, {"PERSON"}):
                yield found("has_title", person, title, "predicate_title", 0.8)
                for prep in (c for c in title.root.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "in", "for", "with"}):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        for org in conjunct_ents(ctx, obj, AGENT_LABELS):
                            yield found("works_for", person, org, "predicate_title", 0.75)
