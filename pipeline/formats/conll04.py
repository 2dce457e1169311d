"""CoNLL04 (SpERT JSON) to newsie gold, and the ``conll04`` scoring scheme.

The SpERT release of CoNLL04 (Roth & Yih 2004; Eberts & Ulges 2020) holds one sentence per
item: ``tokens``, ``entities`` as token spans ``{"type", "start", "end"}`` (end-exclusive) and
``relations`` as ``{"type", "head", "tail"}`` indices into ``entities``. Each sentence becomes
one gold article whose text is the tokens joined by single spaces, so that the pipeline reads
the sentence and character offsets map back to tokens one to one.

Labels and relations map onto the design contract: Peop -> PERSON, Org -> ORG, Loc -> GPE
(CoNLL04 does not tell countries and cities from regions; the scheme scores GPE, LOC and FAC as
one location type), Other is left out (not scored); Work_For -> works_for, OrgBased_In ->
based_in, Located_In -> located_in, Live_In -> lives_in, Kill -> killed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import GoldFormatError

LABELS = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
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


def token_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """Character offsets of each token in ``" ".join(tokens)``."""
    out, pos = [], 0
    for token in tokens:
        out.append((pos, pos + len(token)))
        pos += len(token) + 1
    return out


def sentence_to_gold(item: dict, article_id: str) -> dict:
    """One SpERT sentence as one newsie gold article (a JSON-able dict)."""
    tokens = item["tokens"]
    offsets = token_offsets(tokens)
    text = " ".join(tokens)
    entities, ids = [], {}
    for i, ent in enumerate(item.get("entities", [])):
        label = LABELS.get(ent["type"])
        if label is None:
            continue
        start, end = offsets[ent["start"]][0], offsets[ent["end"] - 1][1]
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


def convert(path_in: str | Path, path_out: str | Path) -> int:
    """Write the sentences of a SpERT JSON file as newsie gold JSONL; return how many."""
    path_in = Path(path_in)
    sentences = read_sentences(path_in)
    lines = [
        json.dumps(sentence_to_gold(s, f"{path_in.stem}_{i:04d}"), ensure_ascii=False)
        for i, s in enumerate(sentences)
    ]
    Path(path_out).parent.mkdir(parents=True, exist_ok=True)
    Path(path_out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def restrict(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Predicted tables with only the relations CoNLL04 annotates."""
    out = dict(frames)
    rels = frames.get("relations")
    if rels is not None and len(rels):
        out["relations"] = rels[rels["relation"].isin(SCHEME_RELATIONS)].reset_index(drop=True)
    return out
