"""CoNLL04 (SpERT JSON) to newsie gold, and the ``conll04`` scoring scheme.

The SpERT release of CoNLL04 (Roth & Yih 2004; Eberts & Ulges 2020) holds one sentence per
item: ``tokens``, ``entities`` as token spans ``{"type", "start", "end"}`` (end-exclusive) and
``relations`` as ``{"type", "head", "tail"}`` indices into ``entities``. Each sentence becomes
one gold article whose text is the sentence detokenised ("Concord , Mass ." -> "Concord,
Mass."): the pipeline reads news text as written, and the gold spans keep the annotated tokens
exactly (character offsets of the first and last token of each entity).

Labels and relations map onto the design contract: Peop -> PERSON, Org -> ORG, Loc -> LOC when
its last word names a natural region ("River", "Ocean", "Mountains", "Forest", ...) and GPE
otherwise (CoNLL04 does not tell countries and cities from regions; the scheme scores GPE, LOC
and FAC as one location type), Other is left out (not scored); Work_For -> works_for, OrgBased_In ->
based_in, Located_In -> located_in, Live_In -> lives_in, Kill -> killed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import GoldFormatError
from ..io import write_jsonl

LABELS = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
# A CoNLL04 Loc whose last word is one of these is a region (OntoNotes LOC), not a GPE.
REGION_WORDS = {
    "river", "rivers", "ocean", "sea", "gulf", "bay", "lake", "mountain", "mountains", "mount",
    "valley", "desert", "forest", "island", "islands", "coast", "peninsula", "strait", "canal",
    "basin", "plain", "plains", "range", "continent", "hemisphere", "channel", "foothills",
}  # fmt: skip
RELATIONS = {
    "Work_For": "works_for",
    "OrgBased_In": "based_in",
    "Located_In": "located_in",
    "Live_In": "lives_in",
    "Kill": "killed",
}
# The scheme: newsie labels as CoNLL04 sees them (None: not scored), and the relations it has.
SCHEME_LABELS: dict[str, str | None] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": None, "PRODUCT": None, "EVENT": None, "WORK_OF_ART": None, "LAW": None,
    "LANGUAGE": None, "MONEY": None, "PERCENT": None, "QUANTITY": None, "CARDINAL": None,
    "ORDINAL": None, "TITLE": None,
}  # fmt: skip
SCHEME_RELATIONS = frozenset(RELATIONS.values())
PLACE_LABELS = ("GPE", "LOC", "FAC")


# Tokens written without a space before them, and after them (Penn Treebank detokenisation).
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "'", "''", "'s", "'t", "'re", "'ll", "'ve", "'d", "'m", "n't"}
NO_SPACE_AFTER = {"(", "[", "`", "``", "$"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text and the character offsets of each token in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        if i and not (token in NO_SPACE_BEFORE or tokens[i - 1] in NO_SPACE_AFTER):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), offsets


def sentence_to_gold(item: dict, article_id: str) -> dict:
    """One SpERT sentence as one newsie gold article (a JSON-able dict)."""
    text, offsets = detokenize(item["tokens"])
    entities, ids = [], {}
    for i, ent in enumerate(item.get("entities", [])):
        label = LABELS.get(ent["type"])
        if label is None:
            continue
        start, end = offsets[ent["start"]][0], offsets[ent["end"] - 1][1]
        if label == "GPE" and text[start:end].split()[-1].lower().strip(".") in REGION_WORDS:
            label = "LOC"
        ids[i] = f"m{len(entities) + 1}"
        entities.append({"id": ids[i], "start": start, "end": end, "label": label, "text": text[start:end]})
    relations = []
    for rel in item.get("relations", []):
        name = RELATIONS.get(rel["type"])
        if name is not None and rel["head"] in ids and rel["tail"] in ids:
            relations.append({"head": ids[rel["head"]], "relation": name, "tail": ids[rel["tail"]]})
    return {"article_id": article_id, "text": text, "published": "", "entities": entities, "dates": [], "relations": relations, "articles": {}}


def read_sentences(path: str | Path) -> list[dict]:
    """The sentences of a SpERT JSON file; a clear error for anything else."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldFormatError(str(path), 0, f"not a SpERT JSON file: {err}") from err
    if not isinstance(data, list) or not all(isinstance(s, dict) and "tokens" in s for s in data):
        raise GoldFormatError(str(path), 0, "expected a JSON list of sentences with 'tokens'")
    return data


def to_gold(path: str | Path) -> list[dict]:
    """The sentences of a SpERT JSON file as newsie gold articles, one per sentence."""
    path = Path(path)
    return [sentence_to_gold(s, f"{path.stem}_{i:04d}") for i, s in enumerate(read_sentences(path))]


def convert(path_in: str | Path, path_out: str | Path) -> int:
    """Write the sentences of a SpERT JSON file as newsie gold JSONL; return how many."""
    return write_jsonl(to_gold(path_in), path_out)


def restrict(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Predicted tables as CoNLL04 sees them: its five relations only.

    CoNLL04's Work_For takes an Org; a person serving a place ("Illinois Gov. James Thompson",
    "U.S. Ambassador Vernon A. Walters") is annotated Live_In there. So a ``works_for`` whose
    tail is a GPE/LOC is scored as ``lives_in`` under this scheme.
    """
    out = dict(frames)
    rels = frames.get("relations")
    if rels is None or not len(rels):
        return out
    rels = rels[rels["relation"].isin(SCHEME_RELATIONS)].copy()
    ents = frames.get("entities")
    if ents is not None and len(ents):
        place_ids = set(zip(ents.loc[ents["label"].isin(PLACE_LABELS), "article_id"], ents.loc[ents["label"].isin(PLACE_LABELS), "entity_id"]))
        to_place = [(a, t) in place_ids for a, t in zip(rels["article_id"], rels["tail_id"])]
        rels.loc[(rels["relation"] == "works_for") & pd.Series(to_place, index=rels.index), "relation"] = "lives_in"
        rels = rels.drop_duplicates(subset=["article_id", "head_start", "head_end", "relation", "tail_start", "tail_end"])
    out["relations"] = rels.reset_index(drop=True)
    return out


# The scoring scheme ``newsie evaluate --scheme conll04`` uses.
SCHEME = {"labels": SCHEME_LABELS, "relations": SCHEME_RELATIONS, "prepare": restrict}
