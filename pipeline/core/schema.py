"""The label and relation schema of the design contract, shared by the stages, gold and scoring."""

from __future__ import annotations

ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "TITLE",
)  # fmt: skip
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")
# The model's labels for calendar expressions: they stay in ``doc.ents`` (later stages read them as
# taken tokens), are exposed in ``doc.spans["temporal"]`` by news_entities for news_dates, and are
# no rows of the entities table (the dates table holds them, normalised).
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})

# relation -> (head labels, tail labels); "DATE" as tail means a `dates` row.
RELATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "has_title": (frozenset({"PERSON"}), frozenset({"TITLE"})),
    "works_for": (frozenset({"PERSON"}), frozenset({"ORG", "GPE"})),
    "located_in": (frozenset({"GPE", "LOC", "FAC"}), frozenset({"GPE", "LOC"})),
    "based_in": (frozenset({"ORG"}), frozenset({"GPE", "LOC"})),
    "lives_in": (frozenset({"PERSON"}), frozenset({"GPE", "LOC"})),
    "killed": (frozenset({"PERSON"}), frozenset({"PERSON"})),
    "alias_of": (frozenset(ENTITY_LABELS), frozenset(ENTITY_LABELS)),
    "chairs": (frozenset({"PERSON", "GPE", "ORG"}), frozenset({"ORG", "EVENT"})),
    "participates_in": (frozenset({"PERSON", "ORG", "GPE"}), frozenset({"EVENT"})),
    "event_date": (frozenset({"EVENT"}), frozenset({"DATE"})),
    "event_location": (frozenset({"EVENT"}), frozenset({"GPE", "LOC", "FAC"})),
    "met_with": (frozenset({"PERSON", "ORG", "GPE"}), frozenset({"PERSON", "ORG", "GPE"})),
    "member_of": (frozenset({"GPE", "ORG"}), frozenset({"ORG"})),
}
ARTICLE_FIELDS = ("title", "source", "via", "dateline_place", "dateline_date")
