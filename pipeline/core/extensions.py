"""Every ``Doc`` extension newsie uses, declared once.

Only plain values live here (str, int, float, lists, dicts), never ``Span`` objects, so docs
survive ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=...)``. Offsets stored in these
values index the *clean* ``doc.text``; :mod:`newsie.run.records` maps them back to the raw text
through ``doc._.offset_map``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .types import PlainDict

# name -> default. Mutable defaults are never shared: stages always assign fresh values.
DOC_EXTENSIONS: dict[str, object] = {
    # Input metadata, set by the reader before the pipeline runs.
    "article_id": "",
    "published": "",  # ISO date YYYY-MM-DD, "" when unknown; parsed only by core.calendar.parse_iso_date
    "meta": None,  # dict: source/url/title given with the input
    # Set by news_cleaner.
    "raw_text": None,  # the text exactly as read; None until cleaned
    "offset_map": None,  # list of [clean_start, raw_start, length] segments
    "article": None,  # dict of article fields (title, source, via, dateline_*, published_from)
    "removed": None,  # list of {"start", "end", "reason"} in raw offsets
    # Set by news_aliases.
    "canonical": None,  # dict entity_id -> canonical (fullest) name
    "alias_pairs": None,  # list of {"short": [start, end], "long": [start, end]}
    # Set by news_dates.
    "dates": None,  # list of {"date_id", "start", "end", "text", "type", "value", "mod", "anchor"}
    # Set by news_relations.
    "relations": None,  # list of relation dicts, see pipeline.relations
}

# Span groups (``doc.spans[key]``) written by the stages.
# EVENT mentions (meetings, summits, ...) outside every name, from news_entities (decided there
# once; news_aliases, the one later stage that makes names, drops those its new names swallow).
EVENTS_KEY = "events"
# The DATE and TIME entities as news_entities leaves them (they stay in doc.ents too), for
# news_dates; news_aliases drops those its new names swallow, as it drops them from doc.ents.
TEMPORAL_KEY = "temporal"
DATELINE_KEY = "dateline"  # the dateline's place, from news_cleaner
TITLE_KEY = "title"  # the headline, from news_cleaner
# Every occurrence of the article's source and via names in the clean text, from news_cleaner
# (labels "source" and "via"); news_entities makes them ORG entities.
ATTRIBUTION_KEY = "attribution"


def register_extensions() -> None:
    """Declare the extensions; safe to call more than once (every factory calls it)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def get_list(doc: Doc, name: str) -> list[PlainDict]:
    """Return a list-valued extension, ``[]`` when the stage that sets it has not run."""
    value = getattr(doc._, name)
    return value if value is not None else []


def get_dict(doc: Doc, name: str) -> PlainDict:
    """Return a dict-valued extension, ``{}`` when the stage that sets it has not run."""
    value = getattr(doc._, name)
    return value if value is not None else {}
