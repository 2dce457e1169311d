"""Pruning: drop from the store the articles whose input is gone (deleted or renamed).

A run keeps every article it ever stored, so that a run over part of an archive loses nothing.
When inputs are deleted or renamed for good, :func:`prune` reads the inputs as they are now,
drops every stored article whose id is not among them (one transaction) and writes the tables
again from the store. It holds the output folder's lock like a run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .entity_index import entity_index
from .io import read_articles, write_tables
from .lock import folder_lock
from .store import STORE_NAME, Store


def prune(paths: Iterable[str | Path], out_dir: str | Path, *, fmt: str = "csv") -> list[str]:
    """Drop the stored articles that are not among the inputs under ``paths``; their ids, sorted."""
    out = Path(out_dir)
    if not (out / STORE_NAME).exists():
        return []
    present = {article.article_id for article in read_articles(paths)}
    with folder_lock(out), Store.in_folder(out) as store:
        gone = sorted(set(store.keys()) - present)
        store.delete(gone)
        store.export(out, fmt)
        write_tables({"entities_index": entity_index(store.frame("entities"))}, out, fmt)
    return gone
