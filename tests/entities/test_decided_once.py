"""Facts one stage decides and the others read: event mentions outside names, the model's
DATE/TIME spans, the attribution.

The sentences are written for the tests in news style.
"""

from __future__ import annotations

from newsie.core.extensions import ATTRIBUTION_KEY, EVENTS_KEY, TEMPORAL_KEY
from newsie.relations.component import event_mentions
from newsie.run.records import from_doc

TEXT = (
    "GENEVA, Switzerland (AP) - The Conference on Disarmament opened its session on Monday.\n"
    "Delegates said the meeting with Foreign Minister Ana Ruiz would follow the World Cup final, "
    "Radio Geneva reports via Swissinfo.\n"
    "Radio Geneva said the summit in Bern was planned for June."
)


def test_event_inside_a_name_is_decided_once(nlp):
    doc = nlp(TEXT)
    events = list(doc.spans[EVENTS_KEY])
    names = [e for e in doc.ents if e.label_ not in {"EVENT", "DATE", "TIME", "CARDINAL", "ORDINAL"}]
    # The entities stage's group holds no event word of a name ("Conference on ...", "World Cup").
    assert events and not any(n.start <= e.root.i < n.end for e in events for n in names)
    assert {e.root.lower_ for e in events} >= {"session", "meeting", "summit"}
    assert not any(e.root.lower_ in {"conference", "cup"} for e in events)
    # Relations read the group (plus named EVENT entities) as it is ...
    named_events = [e for e in doc.ents if e.label_ == "EVENT"]
    assert {(s.start, s.end) for s in event_mentions(doc)} == {(s.start, s.end) for s in events + named_events}
    # ... and the events table has one row per event entity of the group and of the EVENT names.
    records = from_doc(doc)
    event_ids = {r.entity_id for r in records.entities if r.label == "EVENT"}
    assert {row.event_id for row in records.events} == event_ids
    assert {s.id_ for s in events + named_events} == event_ids


def test_attribution_is_found_by_the_cleaner_and_read_by_the_entities_stage(nlp):
    doc = nlp(TEXT)
    assert doc._.article["source"] == "Radio Geneva" and doc._.article["via"] == "Swissinfo"
    spans = doc.spans[ATTRIBUTION_KEY]
    # Every occurrence of the source and the via, as the cleaner found them in the clean text.
    assert [(s.text, s.label_) for s in spans] == [("Radio Geneva", "source"), ("Radio Geneva", "source"), ("Swissinfo", "via")]
    ents = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    assert all(ents.get((s.start_char, s.end_char)) == "ORG" for s in spans)


def test_date_and_time_spans_are_exposed_once_and_read_by_the_dates_stage(nlp, monkeypatch):
    doc = nlp(TEXT)
    temporal = [(s.start, s.end, s.label_) for s in doc.spans[TEMPORAL_KEY]]
    assert temporal == [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    assert {"Monday", "June"} <= {doc[s:e].text for s, e, _ in temporal}
    # They are no rows of the entities table; the dates table has them, normalised.
    records = from_doc(doc)
    assert not any(r.label in {"DATE", "TIME"} for r in records.entities)
    assert {"Monday", "June"} <= {d.text for d in records.dates}
    # The dates stage reads its model candidates from the group, not from doc.ents: without its
    # own grammar's matches, an emptied group leaves it nothing.
    import newsie.dates.component as dates_component

    monkeypatch.setattr(dates_component, "find_spans", lambda text: [])
    stage = nlp.get_pipe("news_dates")
    assert {"Monday", "June"} <= {d["text"] for d in stage(doc)._.dates}
    doc.spans[TEMPORAL_KEY] = []
    assert stage(doc)._.dates == []
