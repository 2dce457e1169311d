"""Patterns for where places and organisations are: located_in and based_in.

- ``place_comma_place``: "BAKU, Azerbaijan", "Aceh, Indonesia", "the Savannah River Plant, in
  Aiken, S.C." -> located_in (not inside a list of places: "Sweden, Belgium, England").
- ``place_apposition``: "Lagos, the largest city in Nigeria", "Goma, the capital of North
  Kivu province" -> located_in.
- ``place_in_place``: "St. John's and Gander in Newfoundland", "Dan Sai District in Loei
  Province" -> located_in, one per conjunct.
- ``possessive_place``: "Nigeria's southern commercial capital Lagos", "Canada's capital city,
  Ottawa", "Mecca's Grand Mosque" -> located_in; "Japan's Defence Agency", "North Korea's main
  news agency Korean Central News Agency" -> based_in.
- ``x_based``: "the Astana-based secretariat"; ``based_verb``: "based near Chicago",
  "headquartered in Paris".
- ``org_in_place``: "the Red Cross in Kenya", "Johns Hopkins University Hospital in Baltimore,
  Maryland", "University of Sheffield of the UK", "MIT and Colorado State University of the US"
  -> based_in (each conjunct; both places of "City, State").
- ``org_apposition``: "Sun Hung Kai Properties, a Hong Kong construction firm" -> based_in.
- ``dateline_agency``: "Paris AFP in English" -> based_in; ``place_before_org``: "the U.S.
  Congress" -> based_in.
- ``killed``: killing verbs with a named killer and victim ("Oswald acted alone in killing
  Kennedy", "X was shot by Y", "X, who assassinated President Lincoln", "Ruby shot and
  mortally wounded Oswald", "Oswald acted alone when he killed Kennedy"), killer nouns ("King
  assassin James Earl Ray") and "the assassination of X by Y".
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from ..core.calendar import MONTHS
from ..core.lexicon import KILLING_ACTS, KILLING_AGENTS, KILLING_VERBS, PLACE_NOUNS
from .patterns import PLACE_LABELS, REGION_LABELS, Context, Found, conjunct_ents, found, left_list, skip

POSSESSIVE = {"'s", "’s", "'"}
KILL_VERBS, KILL_NOUNS, KILL_EVENTS = KILLING_VERBS, KILLING_AGENTS, KILLING_ACTS
ORG_HEAD_NOUNS = {"company", "firm", "group", "bank", "agency", "party", "corporation", "maker", "manufacturer", "newspaper", "station", "university", "organization", "organisation", "institute", "union", "team", "club", "movement"}  # fmt: skip
# Verbs whose subject did the killing named by their object: "convicted of the murder of X".
JUSTICE_VERBS = {"convict", "charge", "arrest", "sentence", "serve", "jail", "imprison", "accuse", "try", "indict", "confess", "plead", "admit", "commit", "execute", "hang"}  # fmt: skip


def _state_after(ctx: Context, place: Span) -> Span | None:
    """"Baltimore, Maryland": the region after a comma, when it ends the place phrase."""
    doc = ctx.doc
    k = place.end
    if k + 1 < len(doc) and doc[k].text == "," and (state := ctx.ent(k + 1, REGION_LABELS)) is not None:
        after = doc[state.end] if state.end < len(doc) else None
        if after is None or not (after.lower_ in {"and", "or"} or ctx.ent(state.end + 1, PLACE_LABELS) and after.text == ","):
            return state
    return None


def _list_follows(ctx: Context, i: int, *, regions: bool = False) -> bool:
    """"..., Belgium, and England" / "..., the Maldives": token ``i`` goes on with a list.

    With ``regions`` (two LOCs such as "Europe, North America, and other parts of the
    world"), an open ", and ..." also counts as a list; "Baltimore, Maryland, and former
    President" does not.
    """
    doc = ctx.doc
    if i >= len(doc) or doc[i].text != ",":
        return False
    j = skip(doc, i + 1, {"and", "or", "the"})
    if ctx.ent(j, PLACE_LABELS) is not None:
        return True
    if i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    # "Poland, Hungary, Czech Formally Join NATO": another name goes on with the list; a date
    # does not ("BAKU, Azerbaijan, December 11").
    # "BAKU, Azerbaijan, Sept.24": a month run into its day is a date too.
    if nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ not in {"DATE", "TIME"} and nxt.lower_.split(".")[0] not in MONTHS:
        # ... unless that name is the subject of what follows ("Rockville, Md., Bernero said").
        k = i + 1
        while k < len(doc) and doc[k].is_title:
            k += 1
        return not (k < len(doc) and doc[k].pos_ in {"VERB", "AUX"})
    return nxt.lower_ == "the" or (regions and nxt.lower_ in {"and", "or"})


def _abbreviated_state(place: Span) -> bool:
    """"Calif.", "N.Y.", "S.C.": an abbreviated state or province name."""
    text = place.text
    return text.endswith(".") and len(text) <= 6 and text[:1].isupper()


def place_comma_place(ctx: Context) -> Iterator[Found]:
    doc = ctx.doc
    ents = list(ctx.ents)
    for a, b in zip(ents, ents[1:]):
        if a.label_ not in PLACE_LABELS or b.label_ not in REGION_LABELS:
            continue
        between = [t.text for t in doc[a.end : b.start]]
        if between not in ([","], [",", "in"]):
            continue
        # "Fire Island National Seashore, Patchogue, N.Y.": a site, its town and the town's
        # state (an abbreviated state name ends the chain), not a list.
        state = ctx.ent(b.end + 1, REGION_LABELS) if b.end + 1 < len(doc) and doc[b.end].text == "," else None
        if state is not None and _abbreviated_state(state) and not _list_follows(ctx, state.end):
            yield found("located_in", a, b, "place_comma_place", 0.8)
            yield found("located_in", b, state, "place_comma_place", 0.8)
            yield found("located_in", a, state, "place_comma_place", 0.75)
            continue
        # "Cody, Wyo., and Aspen, Colo.": an abbreviated state closes a pair, also in a list.
        if _abbreviated_state(b) and a.label_ != "FAC":
            yield found("located_in", a, b, "place_comma_place", 0.8)
            continue
        # "Sweden, Belgium, England": a list, not a place in a place.
        after = doc[b.end] if b.end < len(doc) else None
        if after is not None and (_list_follows(ctx, b.end, regions=a.label_ == b.label_ == "LOC") or after.lower_ in {"and", "or", "in", "of"}):
            continue
        # "Lima, Quito to hold talks", "Lima, Quito eye trade": two subjects, not a place in a place.
        if after is not None and (after.lower_ == "to" or after.pos_ in {"VERB", "AUX"}) and after.i == b.end:
            continue
        if a.start >= 2 and doc[a.start - 1].text == "," and ctx.ent(a.start - 2, PLACE_LABELS) and ctx.ent(a.start - 2).label_ != "FAC":
            continue
        yield found("located_in", a, b, "place_comma_place", 0.8)


def place_apposition(ctx: Context) -> Iterator[Found]:
    """"Lagos, the largest city in Nigeria", "Goma, the capital of North Kivu province": a
    place apposed to a place noun "of/in" another place."""
    for place in (e for e in ctx.ents if e.label_ in PLACE_LABELS):
        for appos in (c for c in place.root.children if c.dep_ == "appos" and c.i > place.end and c.lemma_.lower() in PLACE_NOUNS):
            for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    # "the capital of North Kivu province": the name is a compound of the noun.
                    named = conjunct_ents(ctx, obj, REGION_LABELS) or [e for c in obj.children if c.dep_ == "compound" for e in region_at(ctx, c)]
                    for outer in named:
                        if outer != place:
                            yield found("located_in", place, outer, "place_apposition", 0.7)


def region_at(ctx: Context, token: Token) -> list[Span]:
    """The region named at ``token``, as a list."""
    ent = ctx.ent(token.i, REGION_LABELS)
    return [ent] if ent is not None else []


def place_in_place(ctx: Context) -> Iterator[Found]:
    """"Gander in Newfoundland": the preposition right after the place (or after a closed list
    of places), not hanging on a verb."""
    doc = ctx.doc
    for place in (e for e in ctx.ents if e.label_ in PLACE_LABELS):
        k = place.end
        if k + 1 >= len(doc) or doc[k].lower_ != "in" or doc[k].head.pos_ == "VERB":
            continue
        j = skip(doc, k + 1, {"the"})
        # "Kassala in eastern Sudan": a compass or size adjective may come first.
        while j < len(doc) and j < k + 4 and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        outer = ctx.ent(j, REGION_LABELS)
        if outer is None or _list_follows(ctx, outer.end):
            continue
        # "Yatsushiro in Kumamoto Prefecture in southern Japan": the inner place is in both.
        outers = [outer]
        k2 = outer.end
        if k2 + 1 < len(doc) and doc[k2].lower_ == "in":
            j = skip(doc, k2 + 1, {"the"})
            while j < len(doc) and j < k2 + 4 and doc[j].is_lower and doc[j].pos_ == "ADJ":
                j += 1
            if (further := ctx.ent(j, REGION_LABELS)) is not None and not _list_follows(ctx, further.end):
                outers.append(further)
        for inner in left_list(ctx, place, PLACE_LABELS, closed=True):
            for o in outers:
                yield found("located_in", inner, o, "place_in_place", 0.75 if o is outer else 0.7)


def possessives(ctx: Context) -> Iterator[Found]:
    """"GPE's (words) PLACE" -> located_in, "GPE's (words) ORG" -> based_in."""
    doc = ctx.doc
    for gpe in (e for e in ctx.ents if e.label_ in REGION_LABELS):
        if gpe.end >= len(doc) or doc[gpe.end].lower_ not in POSSESSIVE:
            continue
        i = gpe.end + 1
        words = 0
        # "southern commercial capital", "main news agency", "ruling party, the".
        # Only modifiers may stand between ("main news agency"), not "accession to NATO".
        while i < len(doc) and ctx.ent_of[i] is None and words < 5 and (
            (doc[i].is_lower and doc[i].pos_ in {"ADJ", "NOUN", "VERB"} and doc[i].tag_ != "VB" and doc[i].dep_ != "ROOT") or doc[i].lower_ in {",", "the"}
        ):
            if doc[i].text == "," and not (i + 1 < len(doc) and (ctx.ent_of[i + 1] is not None or doc[i + 1].lower_ == "the")):
                break
            i += 1
            words += 1
        target = ctx.ent(i)
        if target is None:
            continue
        if target.label_ in PLACE_LABELS:
            yield found("located_in", target, gpe, "possessive_place", 0.75)
        elif target.label_ == "ORG":
            yield found("based_in", target, gpe, "possessive_place", 0.75)


def based(ctx: Context) -> Iterator[Found]:
    doc = ctx.doc
    for ent in ctx.ents:
        # x_based: "GPE-based ORG" (tokens: GPE, "-", "based", ..., ORG).
        if ent.label_ in PLACE_LABELS and ent.end + 2 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based":
            i = ent.end + 2
            while i < len(doc) and ctx.ent_of[i] is None and doc[i].is_lower and i < ent.end + 5:
                i += 1
            org = ctx.ent(i, {"ORG"})
            if org is not None:
                yield found("based_in", org, ent, "x_based", 0.85)
    for token in ctx.tokens_with({"headquarters", "hq", "based", "headquartered"}, lemma=False):
        if token.lower_ in {"headquarters", "hq"}:
            # "NRC headquarters in nearby Rockville, Md.", "the company's headquarters in Paris".
            org = next((e for c in token.children if c.dep_ in {"compound", "poss", "nmod"} if (e := ctx.ent(c.i, {"ORG"}))), None)
            k = token.i + 1
            if org is not None and k < len(doc) and doc[k].lower_ in {"in", "at"}:
                j = skip(doc, k + 1, {"the", "nearby"})
                place = ctx.ent(j, REGION_LABELS)
                if place is not None:
                    for p in [place] + ([s] if (s := _state_after(ctx, place)) is not None else []):
                        yield found("based_in", org, p, "headquarters", 0.8)
            continue
        if token.lower_ not in {"based", "headquartered"} or token.i == 0 or doc[token.i - 1].text == "-":
            continue
        places = [
            p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"in", "near", "at"}
            for obj in prep.children if obj.dep_ == "pobj" for p in conjunct_ents(ctx, obj, REGION_LABELS)
        ]  # fmt: skip
        places += [s for p in places if (s := _state_after(ctx, p)) is not None and s not in places]
        if not places:
            continue
        org = _org_for(ctx, token)
        if org is not None:
            for place in places:
                yield found("based_in", org, place, "based_verb", 0.75)


def _org_for(ctx: Context, token: Token) -> Span | None:
    """The organisation that "based"/"headquartered" is said of: subject or modified noun,
    else the nearest ORG before it in the sentence."""
    node = token
    for _ in range(3):
        for c in node.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and (org := ctx.ent(c.i, {"ORG"})):
                return org
        if node.dep_ in {"acl", "relcl", "appos"} and (org := ctx.ent(node.head.i, {"ORG"})):
            return org
        node = node.head
    org = ctx.last_ent_before(token.i, "ORG")  # any earlier one lies farther away
    return org if org is not None and token.sent.start <= org.start and token.i - org.end <= 12 else None


def orgs_in_places(ctx: Context) -> Iterator[Found]:
    doc = ctx.doc
    for org in (e for e in ctx.ents if e.label_ == "ORG"):
        # org_in_place: "ORG in/of (the) PLACE" right after the name; the parse decides only
        # that the phrase does not hang on a verb ("elected to Parliament in 2002").
        k = org.end
        if k + 1 < len(doc) and doc[k].lower_ in {"in", "of"} and doc[k].head.pos_ not in {"VERB", "AUX"}:
            place = ctx.ent(skip(doc, k + 1, {"the"}), REGION_LABELS)
            if place is not None:
                targets = [place] + ([s] if (s := _state_after(ctx, place)) is not None else [])
                for o in left_list(ctx, org, {"ORG"}, closed=True):
                    for t in targets:
                        yield found("based_in", o, t, "org_in_place", 0.75)
        # org_apposition: "ORG, a Hong Kong construction firm" / "ORG, a ... company in GPE".
        k = org.end
        if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"a", "an", "the"}:
            j = k + 2
            while j < len(doc) and j < k + 8 and doc[j].text not in {",", ".", ";"}:
                place = ctx.ent(j, REGION_LABELS)
                head = place.root.head if place is not None else None
                if place is not None and head is not None and head.lower_ in ORG_HEAD_NOUNS and place.root.dep_ in {"compound", "nmod", "amod"}:
                    yield found("based_in", org, place, "org_apposition", 0.7)
                    break
                j = place.end if place is not None else j + 1


def dateline_agency(ctx: Context) -> Iterator[Found]:
    """Broadcast credit lines: "Paris AFP in English", "Havana Radio Reloj Network in Spanish"
    name the station's seat. A bracketed wire agency after a dateline ("KHARTOUM, Sudan (AP)")
    says where a story was filed, not where the agency is based, and gives nothing.

    Also "the U.S. Congress", "the U.S. 6th Fleet": a country naming its own institution.
    """
    doc = ctx.doc
    for ent in ctx.ents:
        if ent.label_ not in REGION_LABELS or ent.end >= len(doc) or (org := ctx.ent(ent.end, {"ORG"})) is None:
            continue
        if org.end + 1 < len(doc) and doc[org.end].lower_ == "in" and doc[org.end + 1].ent_type_ in {"LANGUAGE", "NORP"}:
            yield found("based_in", org, ent, "dateline_agency", 0.75)
        elif ent.label_ == "GPE" and org.root.dep_ != "ROOT":
            yield found("based_in", org, ent, "place_before_org", 0.6)
        elif ent.label_ == "GPE" and ent.start == ent.sent.start and all(t.is_punct or t.is_space for t in doc[org.end : ent.sent.end]):
            # A credit line on its own: "Moscow INTERFAX", "Paris AFP".
            yield found("based_in", org, ent, "credit_line", 0.7)


def killed(ctx: Context) -> Iterator[Found]:
    doc = ctx.doc
    people = {"PERSON"}
    for token in ctx.tokens_with(KILL_VERBS | KILL_NOUNS | KILL_EVENTS):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in KILL_VERBS:
            victims = [p for c in token.children if c.dep_ == "dobj" for p in conjunct_ents(ctx, c, people)]
            if not victims:
                # "Ruby shot and mortally wounded Oswald": the object of a coordinated verb.
                victims = [p for v in token.conjuncts if v.i > token.i and v.pos_ == "VERB" for c in v.children if c.dep_ == "dobj" for p in conjunct_ents(ctx, c, people)]
            killers = [p for c in token.children if c.dep_ == "agent" for o in c.children for p in conjunct_ents(ctx, o, people)]
            if killers:
                victims = [p for c in token.children if c.dep_ == "nsubjpass" for p in _named(ctx, c, token)]
            else:
                killers = _subject(ctx, token)
            for k in killers:
                for v in victims:
                    if k != v:
                        yield found("killed", k, v, "killed", 0.8)
        elif lemma in KILL_NOUNS and (victim := _possessor(ctx, token)) is not None and (killer := ctx.ent(token.i + 1, people)) is not None:
            # "King assassin James Earl Ray", "William McKinley's assassin Leon Czolgosz".
            if killer != victim:
                yield found("killed", killer, victim, "killed", 0.75)
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in KILL_NOUNS:
            # "King assassin James Earl Ray", "Kennedy's assassin, Oswald", "X, the killer of Y".
            victim = next((p for c in token.children if c.dep_ in {"compound", "poss"} for p in agents(ctx, c)), None)
            if victim is None:
                victim = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children for p in agents(ctx, o)), None)
            killer = ctx.ent(skip(doc, token.i + 1, {","}), people)
            if killer is None and token.dep_ == "appos":
                killer = ctx.ent(token.head.i, people)
            if killer is not None and victim is not None and killer != victim:
                yield found("killed", killer, victim, "killed", 0.75)
        elif token.pos_ == "NOUN" and lemma in KILL_EVENTS:
            # "the assassination of President Lincoln by John Wilkes Booth".
            objs = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            victims = [p for o in objs for p in agents(ctx, o)]
            # "by" hangs on the noun or, as often parsed, on its object: "of X by Y".
            bys = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"]
            bys += [c for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "by"]
            killers = [p for c in bys for o in c.children if o.dep_ == "pobj" for p in agents(ctx, o)]
            # "Kennedy's slaying", "the Kennedy slaying": the name on the noun is the victim's.
            owners = [p for c in token.children if c.dep_ in {"poss", "compound"} for p in agents(ctx, c)]
            if victims:
                killers += owners
                # "serving 99 years for the murder of King", "convicted of the killing of X".
                killers = killers or _subject(ctx, token, verbs=JUSTICE_VERBS)
            else:
                # "Sirhan was convicted of Kennedy's killing": the owner is the victim.
                victims = owners
                killers = killers or _subject(ctx, token)
            for k in killers:
                for v in victims:
                    if k != v:
                        yield found("killed", k, v, "killed", 0.75)


def agents(ctx: Context, token: Token) -> list[Span]:
    return conjunct_ents(ctx, token, {"PERSON"})


def _named(ctx: Context, token: Token, verb: Token) -> list[Span]:
    """The people a verb argument names; a relative pronoun stands for the noun it hangs on."""
    if token.lower_ in {"who", "whom", "that"} and verb.dep_ == "relcl":
        person = ctx.ent(verb.head.i, {"PERSON"})
        return [person] if person is not None else []
    people = conjunct_ents(ctx, token, {"PERSON"})
    # "the notorious outlaw Jesse James was shot": the name apposed to a role noun.
    return people or [p for c in token.children if c.dep_ == "appos" for p in conjunct_ents(ctx, c, {"PERSON"})]


def _possessor(ctx: Context, token: Token) -> Span | None:
    """The person right before ``token``, possessive or not ("King assassin", "McKinley's assassin")."""
    i = token.i - 1
    if i >= 0 and ctx.doc[i].lower_ in POSSESSIVE:
        i -= 1
    return ctx.ent(i, {"PERSON"})


def _subject(ctx: Context, verb: Token, verbs: set[str] | None = None) -> list[Span]:
    """The named subject of a verb, climbing through "in killing", "who killed", "tried to
    kill", "convicted of murdering" and "fired the shots that killed"."""
    node = verb
    for _ in range(6):
        # "convicted Millikan of killing X": a justice verb's object did the killing.
        if node != verb and node.lemma_.lower() in JUSTICE_VERBS:
            convicted = [p for c in node.children if c.dep_ == "dobj" for p in conjunct_ents(ctx, c, {"PERSON"})]
            if convicted:
                return convicted
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj and verbs is not None and node.lemma_.lower() not in verbs:
            return []
        if subj:
            s = subj[0]
            if s.lower_ in {"who", "that", "which"} and node.dep_ == "relcl":
                person = ctx.ent(node.head.i, {"PERSON"})
                if person is not None:
                    return [person]
                node = node.head.head  # "the shots that killed": go on from "fired".
                continue
            if s.lower_ in {"he", "she"} and node.dep_ in {"advcl", "ccomp", "conj"}:
                # "Oswald acted alone when he killed Kennedy", "Chapman said he got the idea
                # for killing Lennon": the pronoun stands for the subject of the clause above.
                node = node.head
                continue
            return conjunct_ents(ctx, s, {"PERSON"}) if s.dep_ == "nsubj" or node != verb else []
        if node.dep_ in {"relcl", "acl"} and (person := ctx.ent(node.head.i, {"PERSON"})) is not None:
            return [person]
        # "Sirhan, the man convicted of killing Kennedy": the noun is apposed to the name.
        if node.dep_ in {"relcl", "acl"} and node.head.dep_ == "appos" and (person := ctx.ent(node.head.head.i, {"PERSON"})) is not None:
            return [person]
        if node.dep_ in {"xcomp", "pcomp", "advcl", "conj", "pobj", "prep", "acl", "relcl", "acomp"}:
            node = node.head
            continue
        break
    return []
