"""Patterns for people beyond titles: employers, teams and residence.

Functions take a :class:`newsie.relations.patterns.Context` and yield ``Found`` relations.

- ``parenthetical_role``: "Roger Agnelli (Vale do Rio Doce company president)".
- ``role_before_name``: "Pacers guard Anthony Johnson", "New Zealand bowler Daniel Vettori",
  "Detroit Pistons Chauncey Billups, Elden Campbell and ..." -> works_for.
- ``person_of``: "A, B and C of the Pacers", "Ellen Marsh, of the Vermont Historical Society"
  -> works_for (a closed list only: in "A, B, C of X" the phrase belongs to C); "diver Brian Michaud of Millinocket", "X, 50, of Bethany,
  Conn.", "Wangari Maathai from Kenya" -> lives_in.
- ``appositive_employer``: "David Nabarro, head of crisis operations at the World Health
  Organization" -> works_for; ``work_verb``: "X, who works at the Pentagon" -> works_for.
- ``signoff``: a reporter's line "Purnell Murdock, VOA News." / "Lisa Schlein for VOA News".
- ``residence``: "a native of Chisholm", "was born in North Bend", "An Afghan refugee in
  Switzerland, Homira Atimadi", "X is from Y" -> lives_in; ``home``: "Sohn's New Jersey home",
  "X returned to her Kansas hometown", "X campaigned in his native Ohio".
- ``counterparts``: "his Latvian counterpart Janis Ozols" -> works_for Latvia (when named).
- ``apposition_modifier``: "X, an Emery employee" -> works_for; "X, a Netherlands
  businessman" -> lives_in. ``copular_role``: "X is a member of the Y Commission" -> works_for.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from .patterns import (
    AGENT_LABELS, REGION_LABELS, Context, Found, agent_before, conjunct_ents, found, left_list, skip,
)  # fmt: skip

RESIDENCE_NOUNS = {"native", "resident", "citizen", "refugee", "inhabitant", "townsman", "son", "daughter"}
RESIDENCE_VERBS = {"live", "reside", "bear", "grow", "settle", "raise"}
# Lemmas ``residence`` looks at: "be" (origin: "is from Y") and the two lists above.
HOME_WORDS = frozenset({"home", "hometown", "homeland", "birthplace"})
RESIDENCE_TRIGGERS = frozenset({"be"} | RESIDENCE_NOUNS | RESIDENCE_VERBS)
EMPLOYER_PREPS = {"of", "at", "for", "with", "in"}
WORK_VERBS = {"work", "serve", "teach", "join", "head", "lead", "direct", "run", "operate", "represent", "manage", "chair", "found", "command", "own"}
OBJECT_WORK_VERBS = {"join", "head", "lead", "direct", "run", "operate", "represent", "manage", "chair", "found", "command", "own"}
# Verbs whose "for ORG" names an employer ("has covered education for the AP"), not a beneficiary.
FOR_VERBS = {"cover", "write", "report", "play", "coach", "broadcast", "edit", "photograph"}
PATH_DEPS = {"prep", "pobj", "conj", "cc", "compound", "amod", "nmod", "appos"}


def _abbreviated_office(token: Token) -> bool:
    """"Gov.", "Sen.", "Rep.": a capitalised abbreviation before a name."""
    return token.text.endswith(".") and token.text[:1].isupper() and 3 <= len(token.text) <= 5 and token.text[:-1].isalpha()


def roles(ctx: Context) -> Iterator[Found]:
    """"Pacers guard Anthony Johnson", "Detroit Pistons Chauncey Billups, Elden Campbell and ..."."""
    doc = ctx.doc
    for agent in (e for e in ctx.ents if e.label_ in AGENT_LABELS):
        i = agent.end
        # Up to two lower-case role nouns ("bowler", "test player"), not a TITLE (handled above).
        role = 0
        while role < 2 and i < len(doc) and ctx.ent_of[i] is None and (
            (doc[i].tag_ == "NN" and doc[i].is_lower) or _abbreviated_office(doc[i])
        ):
            i += 1
            role += 1
        # "Rochester teacher union leader Adam Urbanski": role nouns, then a title.
        if role and (title := ctx.ent(i, {"TITLE"})) is not None:
            i = title.end
        person = ctx.ent(i, {"PERSON"})
        if person is None or (role == 0 and agent.label_ != "ORG"):
            continue
        # "Secretary of State Madeleine Albright": an ORG after "of" is part of an office name.
        if role == 0 and agent.start > 0 and doc[agent.start - 1].lower_ == "of":
            continue
        for p in conjunct_ents(ctx, person.root, {"PERSON"}):
            yield found("works_for", p, agent, "role_before_name", 0.75 if role else 0.65)


def person_of(ctx: Context) -> Iterator[Found]:
    """"X of the Pacers" -> works_for; "X of Millinocket", "X, 50, of Bethany, Conn." -> lives_in."""
    doc = ctx.doc
    for person in (e for e in ctx.ents if e.label_ == "PERSON"):
        i = person.end
        # "Marie Ferraro, 50, of Bethany": an age between commas; "Ellen Marsh, of the Vermont
        # Historical Society": a comma alone.
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
            i += 3
        elif i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in {"of", "from"}:
            i += 1
        if i >= len(doc) or doc[i].lower_ not in {"of", "from", "at"}:
            continue
        # "shot X at Ford's Theatre": a phrase on the verb says where, not whom X works for.
        if doc[i].lower_ == "at" and doc[i].head.i not in range(person.start, person.end):
            continue
        target = ctx.ent(skip(doc, i + 1, {"the"}))
        if target is None or doc[i - 1].text == "," and "," in target.text:
            continue  # "Anne Keller, of Bangor, Maine": no employer read as one name
        group = left_list(ctx, person, {"PERSON"}, closed=True) if doc[i].lower_ == "of" else [person]
        if target.label_ == "ORG" and doc[i].lower_ in {"of", "at"}:
            for p in group:
                yield found("works_for", p, target, "person_of", 0.75)
            # "Phillip Lieberman of Brown University in Providence, R.I." -> lives_in too.
            k = target.end
            if k + 1 < len(doc) and doc[k].lower_ in {"in", "at"} and (place := ctx.ent(k + 1, REGION_LABELS)) is not None:
                places = [place] + ([st] if place.end + 1 < len(doc) and doc[place.end].text == "," and (st := ctx.ent(place.end + 1, REGION_LABELS)) else [])
                for p in group:
                    for pl in places:
                        yield found("lives_in", p, pl, "person_of", 0.6)
        elif target.label_ in REGION_LABELS and doc[i].lower_ in {"of", "from"}:
            places = [target]
            k = target.end
            if k + 1 < len(doc) and doc[k].text == "," and (state := ctx.ent(k + 1, REGION_LABELS)) is not None:
                places.append(state)
            for p in group:
                for place in places:
                    yield found("lives_in", p, place, "person_of", 0.7)


def parenthetical_role(ctx: Context) -> Iterator[Found]:
    """"Roger Agnelli (Vale do Rio Doce company president)", "Eduardo Dutra (Petrobras,
    government oil company, president)": a role in brackets after a name."""
    doc = ctx.doc
    for person in (e for e in ctx.ents if e.label_ == "PERSON"):
        k = person.end
        if k >= len(doc) or doc[k].text != "(":
            continue
        close = next((t.i for t in doc[k + 1 : k + 12] if t.text == ")"), None)
        title = ctx.ent(close - 1, {"TITLE"}) if close is not None else None
        if title is None or title.end != close:
            continue
        yield found("has_title", person, title, "parenthetical_role", 0.8)
        org = ctx.ent(k + 1, {"ORG"})
        if org is not None:
            yield found("works_for", person, org, "parenthetical_role", 0.75)


def signoff(ctx: Context) -> Iterator[Found]:
    """A reporter's sign-off: "Purnell Murdock, VOA News." / "Lisa Schlein for VOA News, Geneva."."""
    doc = ctx.doc
    for person in (e for e in ctx.ents if e.label_ == "PERSON"):
        # The name opens a sentence or a line ("... resolve.\n\nPurnell Murdock, VOA News.").
        prev = doc[person.start - 1] if person.start else None
        if prev is not None and not (person.start == person.sent.start or "\n" in prev.text or prev.text in {".", "\n"}):
            continue
        k = person.end
        if k < len(doc) and doc[k].lower_ in {",", "for"} and (org := ctx.ent(k + 1, {"ORG"})) is not None:
            rest = []
            for t in doc[org.end :]:
                if "\n" in t.text:
                    break
                rest.append(t)
            if rest and all(t.is_punct or t.is_space or ctx.ent_of[t.i] is not None for t in rest) and rest[-1].text == ".":
                yield found("works_for", person, org, "signoff", 0.8)


def residence(ctx: Context) -> Iterator[Found]:
    """"a native of Chisholm", "was born in North Bend, Ohio", "a refugee in Switzerland, X"."""
    doc = ctx.doc
    for token in ctx.tokens_with(RESIDENCE_TRIGGERS):
        lemma = token.lemma_.lower()
        # "Mrs. X is from Y": a person said to be from a place.
        origin = lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
        # The tagger often reads "native" as an adjective ("a Memphis native").
        noun = token.pos_ == "NOUN" or (lemma == "native" and token.pos_ == "ADJ")
        if not (origin or (noun and lemma in RESIDENCE_NOUNS) or (token.pos_ == "VERB" and lemma in RESIDENCE_VERBS)):
            continue
        preps = {"from"} if origin else {"in", "of", "at"}
        places = [
            place
            for prep in token.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj"
            for place in conjunct_ents(ctx, obj, REGION_LABELS)
        ]  # fmt: skip
        # "a Memphis native", "Modesto native George Lucas": the place modifies the noun.
        modifier = noun and lemma in {"native", "resident", "citizen", "townsman"}
        places += [p for c in token.children if modifier and c.dep_ in {"compound", "nmod", "amod"} if (p := ctx.ent(c.i, REGION_LABELS))]
        # "X, a Memphis native" parsed the other way round: the place apposed, "native" on it.
        if modifier and token.dep_ == "amod" and token.head.dep_ == "appos" and (place := ctx.ent(token.head.i, REGION_LABELS)):
            places.append(place)
        if not places:
            continue
        if lemma in {"son", "daughter"} and not any(p.label_ == "GPE" for p in places):
            continue
        people = _person_of_predicate(ctx, token)
        if not people and token.dep_ in {"compound", "nmod"}:
            people = [p] if (p := ctx.ent(token.head.i, {"PERSON"})) is not None else []
        if not people and token.dep_ == "amod" and token.head.dep_ == "appos":
            people = [p] if (p := ctx.ent(token.head.head.i, {"PERSON"})) is not None else []
        for person in people:
            for place in dict.fromkeys(places):
                yield found("lives_in", person, place, "residence", 0.7)
                k = place.end
                if k + 1 < len(doc) and doc[k].text == "," and (state := ctx.ent(k + 1, REGION_LABELS)) is not None:
                    yield found("lives_in", person, state, "residence", 0.65)


def _person_of_predicate(ctx: Context, token: Token) -> list[Span]:
    """Who a predicate noun or verb is said of: its subject, apposition or modified name."""
    node = token
    for _ in range(3):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "X, who was born in Y": the relative pronoun stands for the name it hangs on.
        if subj and subj[0].lower_ in {"who", "that"} and node.dep_ == "relcl":
            return conjunct_ents(ctx, node.head, {"PERSON"})
        if subj:
            # A misparse may give two subjects ("Today's Highlight ...: X was born in Y").
            return next((people for s in subj if (people := conjunct_ents(ctx, s, {"PERSON"}))), [])
        if node.dep_ == "appos" or (node.dep_ in {"acl", "relcl"} and node.pos_ == "VERB"):
            people = conjunct_ents(ctx, node.head, {"PERSON"})
            if people:
                return people
        # "a refugee in Switzerland, Homira Atimadi": the name is often parsed onto the place.
        apposed = [c for c in node.children if c.dep_ == "appos"]
        apposed += [a for p in node.children if p.dep_ == "prep" for o in p.children for a in o.children if a.dep_ == "appos" and ctx.ent(a.i, {"PERSON"})]
        if apposed:
            return conjunct_ents(ctx, apposed[0], {"PERSON"})
        if node.dep_ in {"attr", "pobj", "prep", "acomp", "xcomp", "conj"}:
            node = node.head
            continue
        break
    return []


def appositive_employer(ctx: Context) -> Iterator[Found]:
    """"Walter R. Mears, vice president and columnist for The Associated Press", "Marcos
    Victorica, director of the Institute of Contemporary Studies" -> works_for: an ORG in a
    noun phrase apposed to the person, reached through "of/at/for/with" only."""
    for person in (e for e in ctx.ents if e.label_ == "PERSON"):
        for appos in (c for c in person.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
            for org in _orgs_below(ctx, appos):
                yield found("works_for", person, org, "appositive_employer", 0.7)
            # "David Cicippio, an electronics technician from North Wales, Pa." -> lives_in.
            for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ == "from"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for place in conjunct_ents(ctx, obj, REGION_LABELS):
                        yield found("lives_in", person, place, "appositive_employer", 0.65)
                        k = place.end
                        if k + 1 < len(ctx.doc) and ctx.doc[k].text == "," and (st := ctx.ent(k + 1, REGION_LABELS)) is not None:
                            yield found("lives_in", person, st, "appositive_employer", 0.6)


def _orgs_below(ctx: Context, noun: Token, max_preps: int = 3) -> list[Span]:
    out: list[Span] = []
    for token in noun.subtree:
        org = ctx.ent(token.i, {"ORG"})
        if org is None or token != org.root or org in out:
            continue
        node, preps, ok = token, 0, False
        while node != noun:
            if node.dep_ not in PATH_DEPS or (node.dep_ == "prep" and node.lower_ not in EMPLOYER_PREPS):
                break
            preps += node.dep_ == "prep"
            node = node.head
        else:
            ok = 0 < preps <= max_preps
        if ok:
            out.append(org)
    return out


def work_verbs(ctx: Context) -> Iterator[Found]:
    """"X works at the Pentagon", "X, who served 24 years in Congress", "X heads the SPOE"."""
    for verb in (t for t in ctx.tokens_with(WORK_VERBS | FOR_VERBS) if t.pos_ == "VERB"):
        preps = {"for"} if verb.lemma_.lower() in FOR_VERBS else {"at", "for", "in", "with"}
        orgs = [
            org for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj" for org in conjunct_ents(ctx, obj, {"ORG"})
        ]  # fmt: skip
        if verb.lemma_.lower() in FOR_VERBS:
            # "covered the courts for the AP": the parser often hangs "for" on the object.
            orgs += [
                org for obj in verb.children if obj.dep_ == "dobj" for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for o in prep.children if o.dep_ == "pobj" for org in conjunct_ents(ctx, o, {"ORG"})
            ]  # fmt: skip
        if verb.lemma_.lower() in OBJECT_WORK_VERBS:
            orgs += [org for c in verb.children if c.dep_ == "dobj" for org in conjunct_ents(ctx, c, {"ORG"})]
        if not orgs:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        people: list[Span] = []
        if subj is not None and subj.lower_ in {"who", "that"} and verb.dep_ == "relcl":
            people = [p] if (p := ctx.ent(verb.head.i, {"PERSON"})) is not None else []
        elif subj is not None:
            people = conjunct_ents(ctx, subj, {"PERSON"})
        for person in people:
            for org in orgs:
                yield found("works_for", person, org, "work_verb", 0.7)


NOT_ROLES = {"native", "resident", "citizen", "townsman", "fan", "friend", "critic", "supporter", "guest", "victim", "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "opponent", "rival", "admirer", "student"}  # fmt: skip


def apposition_modifier(ctx: Context) -> Iterator[Found]:
    """"Gary Hess, an Emery employee" -> works_for; "Daniel L. Bakst, a West Palm Beach, Fla.,
    lawyer", "Robert C. Corduwener, a Netherlands businessman" -> lives_in: a name, then an
    indefinite noun phrase whose modifier is an organisation or a place."""
    doc = ctx.doc
    for person in (e for e in ctx.ents if e.label_ == "PERSON"):
        k = person.end
        if not (k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"a", "an", "another", "the"}):
            continue
        first = ctx.ent(k + 2)
        if first is None or first.label_ not in {"ORG", "GPE", "LOC"}:
            continue
        mods = [first]
        j = first.end
        if j + 2 < len(doc) and doc[j].text == "," and (state := ctx.ent(j + 1, REGION_LABELS)) is not None and doc[state.end : state.end + 1].text == ",":
            mods.append(state)
            j = state.end + 1
        # Walk to the head noun: "construction firm", "electronics technician".
        while j + 1 < len(doc) and doc[j].is_lower and doc[j + 1].is_lower and doc[j + 1].pos_ in {"ADJ", "NOUN"} and ctx.ent_of[j + 1] is None:
            j += 1
        head = doc[j] if j < len(doc) else None
        if head is None or head.pos_ != "NOUN" or not head.is_lower or head.lemma_.lower() in NOT_ROLES:
            continue
        for mod in mods:
            name = "works_for" if mod.label_ == "ORG" else "lives_in"
            yield found(name, person, mod, "apposition_modifier", 0.7)


def copular_roles(ctx: Context) -> Iterator[Found]:
    """"Barrett is a member of the Illinois Commerce Commission", "X was acting comptroller at
    the American University of Beirut" -> works_for."""
    for verb in (t for t in ctx.tokens_with({"be"}) if t.lemma_ == "be"):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if subj is None or attr is None or attr.lemma_.lower() in NOT_ROLES or ctx.ent_of[attr.i] is not None:
            continue
        people = conjunct_ents(ctx, subj, {"PERSON"})
        for prep in (c for c in attr.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "with"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for org in conjunct_ents(ctx, obj, {"ORG"}):
                    for person in people:
                        yield found("works_for", person, org, "copular_role", 0.65)


def homes(ctx: Context) -> Iterator[Found]:
    """"Sohn's New Jersey home", "Hernandez Galicia's Ciudad Madero home", "X's hometown of
    Grants" -> lives_in: a person's home named by a place."""
    for token in ctx.tokens_with(HOME_WORDS):
        if token.lemma_.lower() not in HOME_WORDS or token.pos_ != "NOUN":
            continue
        owner = next((p for c in token.children if c.dep_ == "poss" if (p := ctx.ent(c.i, {"PERSON"}))), None)
        if owner is None and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in token.children):
            owner = _clause_subject(ctx, token)  # "returning to her Kansas hometown"
        if owner is None:
            continue
        places = [p for c in token.children if c.dep_ in {"compound", "nmod", "amod"} if (p := ctx.ent(c.i, REGION_LABELS))]
        places += [
            p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}
            for obj in prep.children if obj.dep_ == "pobj" for p in conjunct_ents(ctx, obj, REGION_LABELS)
        ]  # fmt: skip
        for place in dict.fromkeys(places):
            yield found("lives_in", owner, place, "home", 0.7)
    # "campaigning in his native Ohio": the subject's native place.
    for place in (e for e in ctx.ents if e.label_ in REGION_LABELS):
        children = list(place.root.children)
        if any(c.dep_ == "amod" and c.lower_ == "native" for c in children) and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in children):
            if (owner := _clause_subject(ctx, place.root)) is not None:
                yield found("lives_in", owner, place, "home", 0.7)


def _clause_subject(ctx: Context, token: Token) -> Span | None:
    """The named subject of the clause a noun phrase stands in ("his" in it refers to it)."""
    node = token
    for _ in range(5):
        if node.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                # "The singer Ann Vale is returning": the name apposed to the subject noun.
                return ctx.ent(subj.i, {"PERSON"}) or next((p for c in subj.children if c.dep_ == "appos" if (p := ctx.ent(c.i, {"PERSON"}))), None)
            if node.dep_ not in {"xcomp", "advcl", "conj"}:
                return None  # "spent the weekend campaigning in ...": the subject is above
        if node.head == node:
            break
        node = node.head
    return None


def counterparts(ctx: Context) -> Iterator[Found]:
    """"his Latvian counterpart Janis Ozols", "Moldova's counterpart, X" -> works_for the
    country the nationality or possessor names."""
    doc = ctx.doc
    for token in ctx.tokens_with({"counterpart"}):
        country = agent_before(ctx, token.i)
        person = ctx.ent(skip(doc, token.i + 1, {","}), {"PERSON"})
        if country is not None and person is not None:
            yield found("works_for", person, country, "counterpart", 0.75)
