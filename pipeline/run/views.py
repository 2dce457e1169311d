"""Views over one article's records: one row per event, built from its relations."""

from __future__ import annotations

from collections import defaultdict



def event_rows(entities: list, dates: list, relations: list) -> list[dict]:
    """One row per event of one article (records in, plain dicts out): name, first mention,
    date value and text, location, chairs and participants (names joined by "; ")."""
    names = {e.entity_id: e.canonical for e in entities}
    first: dict[str, object] = {}
    for e in entities:
        # Event mentions inside a name were left out by the entities stage, which decides it once.
        if e.label == "EVENT" and e.entity_id not in first:
            first[e.entity_id] = e
    date_by_id = {d.date_id: d for d in dates}
    slots: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in sorted(relations, key=lambda r: (r.head_start, r.tail_start)):
        if r.relation in {"event_date", "event_location"} and r.head_id in first:
            key = "date" if r.relation == "event_date" else "location"
            value = date_by_id[r.tail_id].value if key == "date" and r.tail_id in date_by_id else names.get(r.tail_id, r.tail_text)
            text = r.tail_text
            if value not in slots[r.head_id][key]:
                slots[r.head_id][key].append(value)
                slots[r.head_id][key + "_text"].append(text)
        elif r.relation in {"chairs", "participates_in"} and r.tail_id in first:
            key = "chair" if r.relation == "chairs" else "participants"
            name = names.get(r.head_id, r.head_text)
            if name not in slots[r.tail_id][key]:
                slots[r.tail_id][key].append(name)
    rows = []
    for event_id, mention in first.items():
        s = slots.get(event_id, {})
        rows.append({
            "event_id": event_id, "name": names.get(event_id, mention.text), "start": mention.start,
            "end": mention.end, "date_value": "; ".join(s.get("date", [])), "date_text": "; ".join(s.get("date_text", [])),
            "location": "; ".join(s.get("location", [])), "chair": "; ".join(s.get("chair", [])),
            "participants": "; ".join(s.get("participants", [])),
        })  # fmt: skip
    return rows
