"""Title patterns: who holds which office, and the employer the office names.

Functions take a :class:`~newsie.relations.patterns.Context` and yield ``Found`` relations:
``titles`` reads runs of title and name mentions ("Deputy Foreign Minister Alibek Bakayev",
"the Secretary General of CICA, Kairat Sarybay"), ``predicate_titles`` a title in the
predicate ("X was reelected as leader of Y", "X is the chairman of Y").
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span

from .patterns import (
    AGENT_LABELS, CHAIR_TITLES, HONORIFICS, TITLE_FILLERS, TITLE_LINKS, Context, Found, agent_after, agent_before,
    conjunct_ents, found, person_after_titles, relative_antecedent, skip,
)  # fmt: skip


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
