"""The entity passes: a registry of small named repairs and the one order they run in.

A pass is a function ``(ctx, ents) -> ents``: it reads the document through ``ctx``
(:class:`PassContext`: ``ctx.doc``, its text and lines, the resources) and returns the new list
of entity spans. Passes are declared with :func:`entity_pass` in the ``PASSES`` table of their
module: general news passes in :mod:`newsie.entities.general`, passes that serve one corpus's
layout in :mod:`newsie.entities.layouts`; :mod:`newsie.entities.registry` joins the tables
(``REGISTRY``: name -> :class:`EntityPass`) and selects the passes a config asks for.
:data:`ORDER`, here, is the one place that says in which order they run.

Each pass can be switched off in ``[components.news_entities]``: ``skip_passes = ["name", ...]``,
or ``passes = [...]`` to run only the named ones (always in :data:`ORDER`); the group switches
``titles``, ``events``, ``gazetteer`` and ``consistency`` switch off the passes of their group.
The ``required`` passes (``no_overlaps``, which ``doc.ents`` needs, and ``temporal``, which the
dates stage reads) always run; naming one in ``skip_passes`` is an error.

To add a pass: write ``@entity_pass(PASSES, "my_pass")`` (optionally ``group=...``,
``layout=True``) over a function ``(ctx: PassContext, ents: list[Span]) -> list[Span]`` in
``general.py`` or ``layouts.py`` (a new module of passes adds its ``PASSES`` to
``registry.REGISTRY``), and put ``"my_pass"`` at its place in :data:`ORDER`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..core.gazetteer import Gazetteer, load_gazetteer, name_matcher
from ..core.intervals import SpanIndex
from .repairs import Lines
from .titles import TitleFinder

PassFunction = Callable[["PassContext", list[Span]], list[Span]]


@dataclass(frozen=True)
class EntityPass:
    """One registered pass: its function, the config group that switches it, its layout."""

    name: str
    run: PassFunction
    group: str = ""  # "titles", "events", "gazetteer", "consistency" or "" (no group switch)
    layout: bool = False  # serves one corpus's layout (see pipeline.entities.layouts)
    required: bool = False  # cannot be switched off


GROUPS = ("titles", "events", "gazetteer", "consistency")

# The order the passes run in, declared once (general and layout passes together).
ORDER: tuple[str, ...] = (
    "trim", "results_rows", "amounts", "versions", "descriptor_orgs", "place_of", "named_days",
    "awards", "team_player", "labels", "topic_headlines", "credit_lines", "dateline_places",
    "attribution", "initials", "gazetteer_names", "head_names", "complements", "titles",
    "people_after_titles", "people_by_context", "places_by_apposition", "untagged_people",
    "results_teams", "person_parts", "list_labels", "vote_labels", "propagate",
    "propagated_versions", "names_after", "person_extents", "abbreviation_periods",
    "bracketed_acronyms", "ordinals", "no_overlaps", "events", "temporal",
)  # fmt: skip


def entity_pass(
    table: dict[str, EntityPass], name: str, *, group: str = "", layout: bool = False, required: bool = False
) -> Callable[[PassFunction], PassFunction]:  # fmt: skip
    """Declare the decorated function as the pass ``name`` in its module's ``table`` (the
    module's ``PASSES``); the name must appear in :data:`ORDER`."""
    if group and group not in GROUPS:
        raise ValueError(f"entity pass {name!r}: unknown group {group!r}")

    def register(fn: PassFunction) -> PassFunction:
        if name in table:
            raise ValueError(f"entity pass {name!r} is declared twice")
        table[name] = EntityPass(name, fn, group, layout, required)
        return fn

    return register


class Resources:
    """What the passes look up: gazetteer, matchers, titles. Built once per component."""

    def __init__(self, vocab: Vocab, tokenizer: Tokenizer, *, gazetteer: bool = True) -> None:
        self.gazetteer: Gazetteer = load_gazetteer()
        # With gazetteer = false the passes see no listed names (but still the honorifics).
        self.names_gazetteer = self.gazetteer if gazetteer else Gazetteer({}, frozenset(), frozenset(), self.gazetteer.honorifics)
        self.names = name_matcher(vocab, tokenizer, self.gazetteer)
        self.title_finder = TitleFinder(vocab, tokenizer)
        self.honorifics = PhraseMatcher(vocab, attr="LOWER")
        self.honorifics.add("HON", [tokenizer(h) for h in self.gazetteer.honorifics])
        self.particles = frozenset(self.gazetteer.heads.get("name_particles", []))
        self.descriptors = frozenset(self.gazetteer.heads.get("descriptors", []))


class PassContext:
    """One document as the passes read it: ``doc``, its text and lines read once, the resources,
    the names of the passes that run, and :meth:`memo` for facts several passes read."""

    def __init__(self, doc: Doc, resources: Resources, enabled: frozenset[str]) -> None:
        self.doc = doc
        self.text = doc.text  # built from every token on each read: read it once
        self.lines = Lines(doc, self.text)
        self.resources = resources
        self.gazetteer = resources.gazetteer  # every listed name, whatever the switches
        self.names_gazetteer = resources.names_gazetteer  # empty names when gazetteer = false
        self.enabled = enabled
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, called once per document and key (e.g. the results lines)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def add_new(ents: list[Span], new: list[Span]) -> list[Span]:
    """Add the new spans that overlap no entity (the model's and earlier passes' win)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for span in sorted(new, key=lambda s: (s.start, -len(s))):
        if not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return out


def put_in_place(ents: list[Span], new: list[Span]) -> list[Span]:
    """Put the new spans in place of every entity they overlap."""
    if not new:
        return ents
    index = SpanIndex(new)
    return [e for e in ents if not index.overlapping(e.start, e.end)] + new


def relabel_or_add(ents: list[Span], new: list[Span]) -> list[Span]:
    """Add spans the article's layout vouches for (the dateline's places, the credited
    outlet): an entity of the same words takes their label ("DAYTON, Ohio (AP)": the model
    reads the capitals of "DAYTON" as an ORG and "AP" as a place), others are added where
    they overlap no entity."""
    by_span = {(s.start, s.end): s for s in new}
    out = [Span(e.doc, e.start, e.end, label=by_span[(e.start, e.end)].label) if (e.start, e.end) in by_span else e for e in ents]
    return add_new(out, new)
