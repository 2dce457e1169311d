"""Writing tables and files: atomically, under unique temporary names, safe for spreadsheets.

- Every file is written beside its final name under a temporary name of its own
  (``tempfile.mkstemp``) and moved into place with ``os.replace``: a reader never sees a
  half-written file, and two writers never share a temporary file.
- CSV cells that a spreadsheet would read as a formula are escaped by the OWASP rule
  (:func:`csv_cell`); JSONL and Parquet keep the exact text.
- Per-article files are named by :func:`safe_name`: distinct ids never share a file name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .readers import Article

EXTRACTED_DIR = "extracted"
TABLE_FORMATS = ("csv", "jsonl", "parquet")
# OWASP, "CSV Injection": a cell starting with one of these is a formula to a spreadsheet. A
# leading apostrophe is escaped as well, so that unescaping (read_table) is exact.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
HASHED_NAME = re.compile(r".*-[0-9a-f]{12}")


def csv_cell(value: object) -> object:
    """A text cell as a CSV file must hold it: ``'`` before a formula start, else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_uncell(value: object) -> object:
    """The inverse of :func:`csv_cell`."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell escaped by :func:`csv_cell` (numbers are left alone)."""
    text_columns = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    if not text_columns:
        return frame
    out = frame.copy()
    for column in text_columns:
        out[column] = out[column].map(csv_cell)
    return out


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``, unique to this writer, moved onto ``path`` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:80]}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (the old file stays if encoding fails)."""
    data = text.encode("utf-8")
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def safe_name(article_id: str, suffix: str) -> str:
    """A file name for an article: the id itself when it is a plain, short name, else its
    characters made safe and cut to 80, plus ``-`` and 12 hex digits of the id's hash.

    A plain name never ends like a hashed one (those are hashed too), so two ids give two names.
    """
    if PLAIN_NAME.fullmatch(article_id) and not HASHED_NAME.fullmatch(article_id):
        return article_id + suffix
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return re.sub(r"[^A-Za-z0-9_.-]", "_", article_id)[:80].lstrip(".") + f"-{digest}{suffix}"


def write_extracted(articles: Iterable[Article], out_dir: Path) -> list[Path]:
    """Write the text extracted from each HTML article as ``extracted/<safe name>.txt``.

    The records' offsets of an HTML article index this text, so it is kept beside them.
    """
    written = []
    for article in articles:
        if article.extracted and not article.error:
            path = out_dir / EXTRACTED_DIR / safe_name(article.article_id, ".txt")
            written.append(write_text_atomic(path, article.text))
    return written


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, fmt: str = "csv") -> list[Path]:
    """Write each table as ``<name>.<fmt>``, atomically; return the paths written."""
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"format must be one of {TABLE_FORMATS}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out_dir / f"{name}.{fmt}"
        with atomic_path(path) as tmp:
            if fmt == "csv":
                escape_frame(frame).to_csv(tmp, index=False, lineterminator="\n")
            elif fmt == "jsonl":
                frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
            else:
                frame.to_parquet(tmp, index=False)
        written.append(path)
    return written


def read_table(path: Path) -> pd.DataFrame:
    """Read a table written by :func:`write_tables`, keeping ids and values as strings."""
    if path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        return frame.map(csv_uncell) if len(frame) else frame
    if path.suffix == ".jsonl":
        return pd.read_json(path, orient="records", lines=True, dtype=False)
    return pd.read_parquet(path)


def write_jsonl(items: Iterable[dict], path: str | Path) -> int:
    """Write plain dicts as JSON lines (UTF-8, not ASCII-escaped), atomically; return how many."""
    n = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
    return n
