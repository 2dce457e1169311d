"""Label maps that let the scorer score newsie's output against other annotation schemes.

A scheme maps a newsie/OntoNotes label to the scheme's label, or to ``None`` when the scheme
does not annotate it; the map is applied to gold and predictions alike
(:func:`newsie.evaluation.scoring.evaluate`, ``label_map``). Labels absent from a map are not scored.
``SCHEMES`` is keyed by the name ``newsie evaluate --scheme NAME`` takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Callable

import pandas as pd

from ..core.errors import ConfigError
from .formats import conll04, conll2003
from ..core.schema import ENTITY_LABELS

# CoNLL-2003 (PER, ORG, LOC, MISC); the converter writes MISC as NORP, which maps back here.
CONLL2003: dict[str, str | None] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC",
}  # fmt: skip

SCHEMES: dict[str, dict[str, str | None] | None] = {
    "newsie": None,  # the labels as they are
    "conll2003": CONLL2003,
    "conll04": conll04.SCHEME_LABELS,
}
# Schemes that also restrict or rename the predicted tables before scoring (CoNLL-2003: names
# only; CoNLL04: its relations and argument spans); they are given the article texts (by
# article id) for the words that no predicted entity covers.
PREPARE: dict[str, Callable[[dict[str, pd.DataFrame], Mapping[str, str] | None], dict[str, pd.DataFrame]]] = {
    "conll2003": conll2003.names_only,
    "conll04": conll04.restrict,
}


def label_map(name: str) -> dict[str, str | None] | None:
    """The label map of scheme ``name`` (``None`` for newsie's own labels), every label covered."""
    if name not in SCHEMES:
        raise ConfigError(f"unknown scheme {name!r}; known: {', '.join(SCHEMES)}")
    mapping = SCHEMES[name]
    if mapping is None:
        return None
    return {label: mapping.get(label) for label in ENTITY_LABELS}


def prepare(name: str, frames: dict[str, pd.DataFrame], texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The predicted tables as scheme ``name`` scores them (``texts``: article id -> raw text)."""
    return PREPARE[name](frames, texts) if name in PREPARE else frames
