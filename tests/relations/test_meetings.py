"""Offices as a grammar, employers from offices, meetings and memberships, on sentences written
for these tests in the form of agency wire stories (invented people, real countries, made-up
facts)."""

from __future__ import annotations

import pytest

from newsie.core.gazetteer import countries_of_demonym, load_gazetteer
from newsie.core.schema import RELATIONS

from tests.relations.test_relations import _matches, _triples

Triple = tuple[str, str, str]

# (sentence, TITLE spans that must be entities, labels that given names must have)
OFFICES: list[tuple[str, list[str], dict[str, str]]] = [
    ("Minister of Foreign Affairs of Moldova Ion Vataman arrived in Chisinau.",
     ["Minister of Foreign Affairs"], {"Moldova": "GPE", "Ion Vataman": "PERSON"}),
    ("Prime Minister of Armenia Aram Sargsyan opened the forum.", ["Prime Minister"], {"Armenia": "GPE", "Aram Sargsyan": "PERSON"}),
    ("Latvian Minister of Ecology and Natural Resources Janis Ozols spoke first.",
     ["Minister of Ecology and Natural Resources"], {"Janis Ozols": "PERSON"}),
    ("Deputy Chairman of the Board of KMG Ruslan Temirov signed the deal.",
     ["Deputy Chairman of the Board"], {"KMG": "ORG", "Ruslan Temirov": "PERSON"}),
    ("Head of the Foreign Policy Affairs Department of the Presidential Administration Orkhan Veliyev briefed reporters.",
     ["Head of the Foreign Policy Affairs Department of the Presidential Administration"], {"Orkhan Veliyev": "PERSON"}),
    ("Mongolian First Deputy Foreign Minister Batbold Ganzorig and Ambassador-at-Large Tomas Lind attended.",
     ["First Deputy Foreign Minister", "Ambassador-at-Large"], {"Batbold Ganzorig": "PERSON", "Tomas Lind": "PERSON"}),
    ("He was met by the deputy secretary of the Foreign Ministry, Lars Holm.",
     ["deputy secretary"], {"Foreign Ministry": "ORG", "Lars Holm": "PERSON"}),
    ("Assistant to the President Nodir Karimov and Representative on Special Assignments Elchin Rzayev were present.",
     ["Assistant to the President", "Representative on Special Assignments"], {"Nodir Karimov": "PERSON", "Elchin Rzayev": "PERSON"}),
]  # fmt: skip


@pytest.mark.parametrize("text,titles,labels", OFFICES, ids=[c[0][:40] for c in OFFICES])
def test_offices_are_whole_titles_and_holders_are_people(nlp, text, titles, labels):
    doc = nlp(text)
    ents = {e.text: e.label_ for e in doc.ents}
    for title in titles:
        assert ents.get(title) == "TITLE", f"{title!r} not a TITLE: {ents}"
    for name, label in labels.items():
        assert ents.get(name) == label, f"{name!r} not {label}: {ents}"


def test_a_spending_head_of_department_is_no_office(nlp):
    doc = nlp("The head of the company said sales rose.")
    assert not [e for e in doc.ents if e.label_ == "TITLE"]


CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # employers from offices: a nationality (when the country is named), "of X", "X's"
    ("Georgia and Moldova signed a deal. Georgian Foreign Minister Nika Beridze welcomed it.",
     [("Nika Beridze", "has_title", "Foreign Minister"), ("Nika Beridze", "works_for", "Georgia")], []),
    ("Georgian Foreign Minister Nika Beridze welcomed the deal.", [("Nika Beridze", "has_title", "Foreign Minister")], [("*", "works_for", "*")]),
    ("Moldova's Minister of Foreign Affairs Ion Vataman welcomed the deal.", [("Ion Vataman", "works_for", "Moldova")], []),
    ("Deputy Chairman of the Board of KMG Ruslan Temirov signed the deal.",
     [("Ruslan Temirov", "has_title", "Deputy Chairman of the Board"), ("Ruslan Temirov", "works_for", "KMG")], []),
    ("Mongolia has good ties with Latvia, said his Mongolian counterpart Batbold Ganzorig.", [("Batbold Ganzorig", "works_for", "Mongolia")], []),
    ("Ion Vataman, Deputy Prime Minister of Moldova, arrived on Monday.",
     [("Ion Vataman", "has_title", "Deputy Prime Minister"), ("Ion Vataman", "works_for", "Moldova")], []),
    ("The Foreign Ministers of Latvia and Mongolia, Janis Ozols and Batbold Ganzorig, signed it.",
     [("Janis Ozols", "has_title", "Foreign Ministers"), ("Batbold Ganzorig", "has_title", "Foreign Ministers"),
      ("Janis Ozols", "works_for", "Latvia"), ("Batbold Ganzorig", "works_for", "Mongolia")],
     [("Janis Ozols", "works_for", "Mongolia")]),
    ("President Aram Sargsyan received a delegation consisting of Senators Mark Ellison and Paul McCready.",
     [("Mark Ellison", "has_title", "Senators"), ("Paul McCready", "has_title", "Senators"),
      ("Aram Sargsyan", "met_with", "Mark Ellison"), ("Aram Sargsyan", "met_with", "Paul McCready")], []),
    ("General Motors and General Electric Company reported higher sales.", [], [("*", "has_title", "*")]),
    # meetings: who met, when and where; not calls
    ("Latvian Foreign Minister Janis Ozols on Thursday met with Mongolian Ambassador Batbold Ganzorig in Riga.",
     [("Janis Ozols", "met_with", "Batbold Ganzorig"), ("Janis Ozols", "participates_in", "met"),
      ("met", "event_date", "Thursday"), ("met", "event_location", "Riga")], []),
    ("President Aram Sargsyan received Ion Vataman in Yerevan on March 15.",
     [("Aram Sargsyan", "met_with", "Ion Vataman"), ("received", "event_date", "March 15"), ("received", "event_location", "Yerevan")], []),
    ("Nika Beridze held talks with Ion Vataman in Tbilisi on Wednesday.",
     [("Nika Beridze", "met_with", "Ion Vataman"), ("talks", "event_location", "Tbilisi"), ("talks", "event_date", "Wednesday")], []),
    ("The meeting between Nika Beridze and Moldova's Ion Vataman was held behind closed doors.", [("Nika Beridze", "met_with", "Ion Vataman")], []),
    ("Nika Beridze met with a delegation led by Ion Vataman.", [("Nika Beridze", "met_with", "Ion Vataman")], []),
    ("Nika Beridze held a telephone conversation with Ion Vataman on Friday.",
     [("telephone conversation", "event_date", "Friday")], [("*", "met_with", "*")]),
    ("Nika Beridze met Ion Vataman via video link.", [], [("*", "met_with", "*")]),
    ("The proposal met with strong resistance from the unions.", [], [("*", "met_with", "*"), ("*", "participates_in", "*")]),
    # memberships
    ("Moldova became an EBRD member in 1992.", [("Moldova", "member_of", "EBRD")], []),
    ("The Nordic Council was founded in 1952. The council consists of Denmark, Finland and Sweden as member countries.",
     [("Denmark", "member_of", "Nordic Council"), ("Sweden", "member_of", "Nordic Council")], []),
    ("Latvia joined NATO in 2004.", [("Latvia", "member_of", "NATO")], []),
    ("Mongolia wants to join the Asian Infrastructure Investment Bank.", [], [("*", "member_of", "*")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,forbidden", CASES, ids=[c[0][:40] for c in CASES])
def test_offices_meetings_memberships(nlp, text, expected, forbidden):
    found = _triples(nlp(text))
    missing = [w for w in expected if not any(_matches(p, w) for p in found)]
    wrong = [p for p in found if any(_matches(p, f) for f in forbidden)]
    assert not missing and not wrong, f"missing {missing}, forbidden {wrong}, found {found}"


def test_met_here_is_the_dateline_city(nlp):
    doc = nlp("TBILISI, Georgia, May 3. Nika Beridze met with Ion Vataman here on Monday.")
    assert ("met", "event_location", "TBILISI") in _triples(doc)


def test_met_with_is_one_row_per_pair_head_first(nlp):
    doc = nlp("Nika Beridze met Ion Vataman in Tbilisi. Nika Beridze and Ion Vataman also met on Friday.")
    pairs = [t for t in _triples(doc) if t[1] == "met_with"]
    assert pairs and all(t[0] == "Nika Beridze" for t in pairs)


def test_schema_has_meetings_and_memberships():
    assert RELATIONS["met_with"] == (frozenset({"PERSON", "ORG", "GPE"}), frozenset({"PERSON", "ORG", "GPE"}))
    assert RELATIONS["member_of"] == (frozenset({"GPE", "ORG"}), frozenset({"ORG"}))


@pytest.mark.parametrize("word,country", [("Azerbaijani", "Azerbaijan"), ("Tajik", "Tajikistan"), ("Chinese", "China"),
                                          ("Turkish", "Turkey"), ("Georgian", "Georgia"), ("British", "UK"), ("Italian", "Italy")])  # fmt: skip
def test_demonyms_name_their_countries(word, country):
    assert country in countries_of_demonym(word, load_gazetteer().countries)


def test_a_word_that_is_no_demonym_names_no_country():
    assert countries_of_demonym("Minister", load_gazetteer().countries) == []


# Offices before bodies named after a country, and offices "to" another office (invented names).
BODY_AND_TO_OFFICES: list[tuple[str, list[Triple], list[Triple]]] = [
    ("Ola Berg, secretary-general of the Norway Bicycle Makers Association, said sales rose.",
     [("Ola Berg", "has_title", "secretary-general"), ("Ola Berg", "works_for", "Norway Bicycle Makers Association")],
     [("Bicycle Makers Association", "has_title", "*")]),
    ("Replying to the Special Assistant to the Prosecutor General Ola Berg, the witness spoke of the camp.",
     [("Ola Berg", "has_title", "Special Assistant to the Prosecutor General")],
     [("*", "has_title", "Prosecutor")]),
    ("Ola Berg, Assistant to the Attorney General for Legal Affairs, questioned him.",
     [("Ola Berg", "has_title", "Assistant to the Attorney General for Legal Affairs")], []),
    ("Dr Lena Roth, Director of the National Salt Survey, spoke.",
     [("Lena Roth", "has_title", "Director")], [("*", "has_title", "Director of the National")]),
    ("Attorney General Ola Berg said the Mayor's Office of Oslo had erred.",
     [("Ola Berg", "has_title", "Attorney General")], [("*", "has_title", "Mayor")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,forbidden", BODY_AND_TO_OFFICES, ids=[c[0][:40] for c in BODY_AND_TO_OFFICES])
def test_body_named_after_a_country_and_offices_to_offices(nlp, text, expected, forbidden):
    found = _triples(nlp(text))
    assert [w for w in expected if not any(_matches(p, w) for p in found)] == [], found
    assert [f for f in forbidden if any(_matches(p, f) for p in found)] == [], found


def test_receiving_a_sum_is_no_meeting(nlp):
    doc = nlp("The second winner will receive 2,000 EUR, and Lena Roth received Ola Berg in Oslo.")
    found = _triples(doc)
    assert not any(_matches(p, ("EUR", "participates_in", "*")) for p in found), found
    assert any(_matches(p, ("Lena Roth", "met_with", "Ola Berg")) or _matches(p, ("Ola Berg", "met_with", "Lena Roth")) for p in found), found


def test_relative_clause_is_said_of_the_last_conjunct(nlp):
    found = _triples(nlp("Talks began after Smith met in Oslo with President Berg and Ola Nordmann, who was then the president of Norway."))
    assert any(_matches(p, ("Ola Nordmann", "works_for", "Norway")) for p in found), found
    assert not any(_matches(p, ("Berg", "works_for", "Norway")) or _matches(p, ("Berg", "has_title", "president")) for p in found), found


@pytest.mark.parametrize("word,country,other", [("Nigerian", "Nigeria", "Niger"), ("Sudanese", "Sudan", "South Sudan"), ("Guinean", "Guinea", "Equatorial Guinea")])
def test_a_demonym_names_its_own_country_not_a_neighbour_named_after_it(word, country, other):
    found = countries_of_demonym(word, load_gazetteer().countries)
    assert country in found and other not in found, found


@pytest.mark.parametrize("word,country", [("Ukrainian", "Ukraine"), ("Thai", "Thailand"), ("Russian", "Russian Federation")])
def test_demonym_rules_and_long_forms(word, country):
    assert country in countries_of_demonym(word, load_gazetteer().countries)
