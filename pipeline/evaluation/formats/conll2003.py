"""CoNLL-2003 NER files (IOB1 or IOB2) to newsie gold articles.

Tjong Kim Sang & De Meulder (2003), "Introduction to the CoNLL-2003 shared task". A file holds
one token per line (``word POS chunk NER``), a blank line between sentences and a
``-DOCSTART-`` line before each article. An article's text is its tokens joined by single
spaces, its sentences joined by newlines, so every entity span is a run of whole tokens.

The gold schema has OntoNotes labels, so each CoNLL label is written as a label that the
``conll2003`` scheme (:mod:`newsie.evaluation.schemes`) maps back to it: PER -> PERSON, ORG -> ORG,
LOC -> LOC, MISC -> NORP. Each line also carries ``id``, so the converted file is an input of
``newsie run`` as well; score the run with ``newsie evaluate --scheme conll2003``, which first
keeps only the predicted entities that are names (:func:`names_only`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Iterator

import pandas as pd

from ...core.errors import InputError

DOCSTART = "-DOCSTART-"
TO_GOLD_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "NORP"}

Sentence = list[tuple[str, str]]  # (word, IOB tag)


def read_documents(path: Path) -> Iterator[list[Sentence]]:
    """Yield each article as a list of sentences of (word, tag) pairs."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read: {err}") from err
    doc: list[Sentence] = []
    sentence: Sentence = []
    for number, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            if sentence:
                doc.append(sentence)
                sentence = []
            continue
        if parts[0] == DOCSTART:
            if sentence:
                doc.append(sentence)
                sentence = []
            if doc:
                yield doc
            doc = []
            continue
        if len(parts) < 2:
            raise InputError(str(path), "expected 'word ... TAG'", line=number)
        sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from IOB1 or IOB2 tags (end-exclusive)."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        # IOB1 opens a new entity only on B- between two of one type; IOB2 on every B-.
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in {"B", "I"} and start is None:
            start, label = i, kind
    return spans


def to_article(sentences: list[Sentence], article_id: str) -> dict:
    """One gold article: text, and entities with character offsets."""
    lines: list[str] = []
    entities: list[dict] = []
    offset = 0
    for sentence in sentences:
        words = [w for w, _ in sentence]
        starts = []
        pos = offset
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        line = " ".join(words)
        for start, end, kind in iob_spans([t for _, t in sentence]):
            if kind not in TO_GOLD_LABEL:
                continue
            s = starts[start]
            e = starts[end - 1] + len(words[end - 1])
            entities.append({
                "id": f"m{len(entities) + 1}", "start": s, "end": e,
                "label": TO_GOLD_LABEL[kind], "text": line[s - offset : e - offset],
            })  # fmt: skip
        lines.append(line)
        offset += len(line) + 1
    # "id" as well as "article_id": the same file is an input for ``newsie run`` and its gold.
    text = "\n".join(lines)
    return {"article_id": article_id, "id": article_id, "text": text, "entities": entities, "dates": [], "relations": []}


def convert(path: Path) -> list[dict]:
    """Every article of a CoNLL-2003 file; ids are ``<file stem>-<n>`` from 1."""
    return [to_article(doc, f"{path.stem}-{n:04d}") for n, doc in enumerate(read_documents(path), start=1)]


def names_only(frames: dict[str, pd.DataFrame], texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Predicted tables as CoNLL-2003 sees them: proper names only.

    CoNLL-2003 annotates names. newsie's entity table also holds the event mentions of the
    entities stage, many of them common nouns ("the match", "talks", "county championship"),
    labelled EVENT, which the scheme would count as MISC. An EVENT row with no capital letter
    names nothing and is left out; named events ("World Series", "Tour de France") stay.
    ``texts`` (article id -> text) is not needed here.
    """
    ents = frames.get("entities")
    if ents is None or not len(ents):
        return frames
    common = (ents["label"] == "EVENT") & ~ents["text"].astype(str).str.contains(r"[A-Z]", regex=True)
    return {**frames, "entities": ents[~common].reset_index(drop=True)}
