"""The general entity passes: repairs and additions that hold for news in any layout.

Each pass is declared in :data:`PASSES` with :func:`newsie.entities.passes.entity_pass` and
runs at its place in :data:`newsie.entities.passes.ORDER`; the rules themselves live by responsibility
in :mod:`~pipeline.entities.repairs` (spans and labels), :mod:`~pipeline.entities.names`
(name and amount shapes), :mod:`~pipeline.entities.consistency` (document-level evidence),
:mod:`~pipeline.entities.titles` and :mod:`~pipeline.entities.events`. This module adds the
passes that read the cleaner's annotations (dateline places, the attribution's source and
via) and the names vouched for by initials, titles, honorifics and brackets.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..core.extensions import ATTRIBUTION_KEY, DATELINE_KEY, EVENTS_KEY, TEMPORAL_KEY
from ..core.gazetteer import Gazetteer
from ..core.schema import TEMPORAL_LABELS
from .consistency import list_labels, person_parts, propagate, vote_labels
from .events import event_mentions, meeting_verbs
from .names import (
    amounts, awards, descriptor_orgs, extend_complements, head_names, named_days, ordinals, people_by_context,
    person_extents, place_appositions, places_by_apposition, replace_overlapping, split_team_player,
    untagged_people, versions_are_products,
)  # fmt: skip
from .layouts import in_results_line, section_word
from .passes import EntityPass, PassContext, add_new, entity_pass, relabel_or_add
from .repairs import abbreviation_periods, person_words, repair_label, trim_span

NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY"}
INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\. ){1,2}[A-Z][a-z]+(?:['’-](?!s(?!\w))[A-Za-z]+)?(?!\w)")
NAME_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC"}
PASSES: dict[str, EntityPass] = {}


@entity_pass(PASSES, "trim")
def trim(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Spans without what the gold conventions leave out (:func:`repairs.trim_span`)."""
    honorifics, particles = ctx.names_gazetteer.honorifics, ctx.resources.particles
    return [
        s for e in ents
        if (s := trim_span(e, honorifics, scores=in_results_line(ctx, e.start), particles=particles)) is not None
    ]  # fmt: skip


@entity_pass(PASSES, "amounts")
def amounts_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Units make a number a QUANTITY, a currency prefix joins the MONEY (:func:`names.amounts`)."""
    return amounts(ctx.doc, ents, ctx.gazetteer)


@entity_pass(PASSES, "versions")
def versions(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Firefox 1.0": a PRODUCT, outside results lines (:func:`names.versions_are_products`)."""
    return versions_are_products(ctx.doc, ents, lambda i: in_results_line(ctx, i))


@entity_pass(PASSES, "descriptor_orgs")
def descriptor_orgs_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """A name right before "party", "company" is an ORG (:func:`names.descriptor_orgs`)."""
    return descriptor_orgs(ctx.doc, ents, ctx.gazetteer)


@entity_pass(PASSES, "place_of")
def place_of(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"the town of Yeoncheon": a place (:func:`names.place_appositions`)."""
    return place_appositions(ctx.doc, ents, ctx.gazetteer)


@entity_pass(PASSES, "named_days")
def named_days_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"International Women's Day": an EVENT (:func:`names.named_days`)."""
    return named_days(ctx.doc, ents)


@entity_pass(PASSES, "awards")
def awards_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Nobel Peace Prize": a WORK_OF_ART (:func:`names.awards`)."""
    return awards(ctx.doc, ents)


@entity_pass(PASSES, "team_player")
def team_player(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Detroit Pistons Chauncey Billups": a team, then a player (:func:`names.split_team_player`)."""
    return split_team_player(ctx.doc, ents)


@entity_pass(PASSES, "labels")
def labels(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Labels repaired, non-entities dropped (:func:`repairs.repair_label`)."""
    people = person_words(ents)
    return [r for e in ents if (r := repair_label(e, ctx.names_gazetteer, people)) is not None]


@entity_pass(PASSES, "dateline_places")
def dateline_places(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """The dateline's places (the cleaner's ``dateline`` span group), split at commas:
    "BAKU, Azerbaijan" -> two GPE, which relabel an entity of the same words."""
    doc = ctx.doc
    places: list[Span] = []
    for place in doc.spans[DATELINE_KEY] if DATELINE_KEY in doc.spans else []:
        start = place.start
        for i in range(place.start, place.end + 1):
            if i == place.end or doc[i].text == ",":
                if i > start:
                    places.append(Span(doc, start, i, label="GPE"))
                start = i + 1
    return relabel_or_add(ents, [p for p in places if not section_word(ctx, p)])


@entity_pass(PASSES, "attribution")
def attribution(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """The source and credited outlet the cleaner read ("Trend reports via CICA"), at every
    place the cleaner found them (the ``attribution`` span group), as ORG."""
    doc = ctx.doc
    found = doc.spans[ATTRIBUTION_KEY] if ATTRIBUTION_KEY in doc.spans else []
    return relabel_or_add(ents, [Span(doc, s.start, s.end, label="ORG") for s in found])


@entity_pass(PASSES, "initials")
def initials(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"P. Simmons", "J. R. Ewing", "Ulrik B. Stenberg": initials and a capitalised surname
    (and a given name before them) are a person, whatever the model made of them."""
    return add_initials(ctx.doc, ents, ctx.gazetteer, ctx.text)


def add_initials(doc: Doc, ents: list[Span], gazetteer: Gazetteer, text: str | None = None) -> list[Span]:
    """The :func:`initials` pass on its own (found in the text first: a regex over every token
    is slow); ``text`` is ``doc.text`` when the caller has read it already."""
    out = list(ents)
    for m in INITIALS.finditer(doc.text if text is None else text):
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        s, e = span.start, span.end
        if gazetteer.label_of(doc[e - 1].text) or doc[e - 1].ent_type_ in {"GPE", "NORP"}:
            continue  # "S. Korea"
        given = doc[s - 1] if s > 0 else None
        if given is not None and given.is_title and given.is_alpha and given.pos_ == "PROPN" and not given.is_stop \
                and (given.ent_type_ in {"", "PERSON"} or any(x.start == s - 1 and x.end > s for x in out)) \
                and given.lower_ not in gazetteer.honorifics \
                and not (s > 1 and doc[s - 2].is_title):  # fmt: skip
            s -= 1  # "Ulrik B. Stenberg": a given name before the initials
        out = [x for x in out if not (x.start < e and s < x.end and x.label_ != "PERSON" or x.start >= s and x.end <= e)]
        if not any(x.start < e and s < x.end for x in out):
            out.append(Span(doc, s, e, label="PERSON"))
    return out


@entity_pass(PASSES, "gazetteer_names", group="gazetteer")
def gazetteer_names(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Listed names the model missed (:mod:`newsie.core.gazetteer`)."""
    doc = ctx.doc
    return add_new(ents, [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in ctx.resources.names(doc)])


@entity_pass(PASSES, "head_names", group="gazetteer")
def head_name_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Capitalised runs ending in an organisation or facility word (:func:`names.head_names`)."""
    found = head_names(ctx.doc, ents, ctx.names_gazetteer)
    return replace_overlapping(ents, found, replaceable={"NORP", "GPE", "PERSON", "LOC", "FAC"})


@entity_pass(PASSES, "complements", group="gazetteer")
def complements(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Liberal Party of Kenya": an ORG's capitalised complement (:func:`names.extend_complements`)."""
    return extend_complements(ctx.doc, ents)


@entity_pass(PASSES, "titles", group="titles")
def titles_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """TITLE entities, splitting names that swallowed a title (:meth:`titles.TitleFinder.merge`)."""
    return ctx.resources.title_finder.merge(ctx.doc, ents)


@entity_pass(PASSES, "people_after_titles", group="titles")
def people_after_titles(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Deputy Jamil Murad": a capitalised name right after a title is a person, whatever
    label the model gave it (places and organisations follow no title directly)."""
    doc, gazetteer = ctx.doc, ctx.gazetteer
    title_ends = {e.end for e in ents if e.label_ == "TITLE"}
    honorific_ends = {end for _, _, end in ctx.resources.honorifics(doc)}
    # Surnames a title or honorific vouches for: "Ms. Atimadi" makes "Homira Atimadi" a person.
    vouched = {e[-1].text for e in ents if e.start in title_ends | honorific_ends and e[0].is_title}
    org_words = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    out = []
    for e in ents:
        if e.start in honorific_ends and e.label_ in NAME_LABELS and e[0].is_title:
            e = Span(doc, e.start, e.end, label="PERSON")  # "Dr Maathai", "Mr. Nunes"
        elif e.label_ in NAME_LABELS and 1 < len(e) <= 3 and e[-1].text in vouched \
                and all(t.is_title for t in e) and not any(t.text in org_words for t in e) \
                and not gazetteer.label_of(e.text):  # fmt: skip
            e = Span(doc, e.start, e.end, label="PERSON")
        elif e.start in title_ends and e.label_ in NAME_LABELS and len(e) > 1 \
                and all(t.is_title for t in e if t.is_alpha) and not gazetteer.label_of(e.text):  # fmt: skip
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


@entity_pass(PASSES, "people_by_context")
def people_by_context_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """An age, an apposed role or a killing makes a person (:func:`names.people_by_context`)."""
    return people_by_context(ctx.doc, ents, ctx.gazetteer, ctx.resources.title_finder.head_words)


@entity_pass(PASSES, "places_by_apposition")
def places_by_apposition_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Goma, the capital of North Kivu": a place (:func:`names.places_by_apposition`)."""
    return places_by_apposition(ents, ctx.gazetteer)


@entity_pass(PASSES, "untagged_people")
def untagged_people_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Untagged names an age or a role marks as people (:func:`names.untagged_people`)."""
    return add_new(ents, untagged_people(ctx.doc, ents, ctx.resources.title_finder.head_words, ctx.text))


@entity_pass(PASSES, "person_parts", group="consistency")
def person_parts_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """One word of a full name elsewhere is that person (:func:`consistency.person_parts`)."""
    return person_parts(ctx.doc, ents, ctx.names_gazetteer)


@entity_pass(PASSES, "list_labels", group="consistency")
def list_labels_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """The members of a list of people are people (:func:`consistency.list_labels`)."""
    return list_labels(ctx.doc, filter_spans(ents), ctx.names_gazetteer)


@entity_pass(PASSES, "vote_labels", group="consistency")
def vote_labels_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """The mentions of one name take the label most of them have (:func:`consistency.vote_labels`)."""
    return vote_labels(ents, ctx.resources.descriptors)


@entity_pass(PASSES, "propagate", group="consistency")
def propagate_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Untagged repeats of a tagged name are tagged (:func:`consistency.propagate`)."""
    return propagate(ctx.doc, ents, ctx.names_gazetteer)


@entity_pass(PASSES, "propagated_versions", group="consistency")
def propagated_versions(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Names propagated to their repeats may be products with a version ("Firefox 1.0")."""
    return versions_are_products(ctx.doc, ents, lambda i: in_results_line(ctx, i))


@entity_pass(PASSES, "names_after")
def names_after(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """An untagged capitalised run right after a title or honorific names a person."""
    doc = ctx.doc
    starts = [e.end for e in ents if e.label_ == "TITLE"]
    starts += [e for _, s, e in ctx.resources.honorifics(doc)]
    found = []
    for i in starts:
        j = i
        while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN":
            j += 1
        if j > i:
            found.append(Span(doc, i, j, label="PERSON"))
    return add_new(ents, found)


@entity_pass(PASSES, "person_extents")
def person_extents_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Person names the model cut short, completed (:func:`names.person_extents`)."""
    return person_extents(ctx.doc, filter_spans(ents), ctx.gazetteer)


@entity_pass(PASSES, "abbreviation_periods")
def abbreviation_periods_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """An abbreviated state keeps its period ("Vt.") (:func:`repairs.abbreviation_periods`)."""
    return abbreviation_periods(ents)


@entity_pass(PASSES, "bracketed_acronyms")
def bracketed_acronyms(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """"Austrian Social Democrat Party (SPOE)": an acronym in brackets right after a name is a
    mention of it, even when its letters come from another language."""
    doc = ctx.doc
    ends = {e.end: e for e in ents if e.label_ in NAME_LABELS | {"EVENT", "LAW", "PRODUCT"}}
    found = []
    for end, ent in ends.items():
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            inner = doc[end + 1]
            if inner.is_upper and inner.is_alpha and 2 <= len(inner) <= 8:
                found.append(Span(doc, end + 1, end + 2, label=ent.label))
    return add_new(ents, found)


@entity_pass(PASSES, "ordinals")
def ordinals_pass(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Ordinals the model left untagged (:func:`names.ordinals`)."""
    return ordinals(ctx.doc, ents, ctx.text)


@entity_pass(PASSES, "no_overlaps", required=True)
def no_overlaps(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """No two entities overlap (the longest, then the first, wins): ``doc.ents`` needs it."""
    return filter_spans(ents)


@entity_pass(PASSES, "events", group="events")
def events(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Event mentions to ``doc.spans["events"]``, decided here once: an event word inside a
    name is part of the name, not an event (:mod:`newsie.entities.events`). The numbers
    inside a mention go ("seventh" in "seventh meeting" is part of the EVENT)."""
    mentions = list(event_mentions(ctx.doc, ents))
    mentions = sorted([*mentions, *meeting_verbs(ctx.doc, ents, mentions)], key=lambda m: m.start)
    inside = {i for m in mentions for i in range(m.start, m.end)}
    ctx.doc.spans[EVENTS_KEY] = mentions
    return [e for e in ents if not (e.label_ in NUMERIC_LABELS and all(i in inside for i in range(e.start, e.end)))]


@entity_pass(PASSES, "temporal", required=True)
def temporal(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """The DATE and TIME entities to ``doc.spans["temporal"]``, where the dates stage reads
    them; they stay in ``doc.ents`` too."""
    ctx.doc.spans[TEMPORAL_KEY] = [e for e in ents if e.label_ in TEMPORAL_LABELS]
    return ents
