"""Converters from other annotated corpora to newsie's gold format (DESIGN, "Gold format").

Each converter is a function ``convert(path) -> list[dict]`` that reads one file of its format
and returns gold articles as plain dicts, ready to be written one per line. ``CONVERTERS`` maps
the name used on the command line (``newsie convert NAME FILE``) to the converter, so a new
format is one module and one line here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...core.errors import InputError
from ...run.io import write_jsonl
from . import conll04, conll2003, timeml

Converter = Callable[[Path], list[dict]]

CONVERTERS: dict[str, Converter] = {
    "conll2003": conll2003.convert,
    "conll04": conll04.to_gold,
    "timeml": timeml.to_gold,
}


def convert(name: str, path: str | Path) -> list[dict]:
    """Convert ``path`` with the converter registered as ``name``."""
    if name not in CONVERTERS:
        raise InputError(str(path), f"unknown format {name!r}; known: {', '.join(sorted(CONVERTERS))}")
    return CONVERTERS[name](Path(path))


def write_gold(articles: list[dict], out: str | Path) -> Path:
    """Write gold articles as JSONL, one article per line."""
    write_jsonl(articles, out)
    return Path(out)
