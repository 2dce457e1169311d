"""Reading articles and writing tables.

One explicit loader per input format: ``.txt`` (an optional `` date YYYY-MM-DD`` header, then
the article), ``.jsonl`` (one article per line: ``id``, ``text``, optional ``published``,
``source``, ``url``, ``title``) and ``.html``/``.htm`` (a web page: its main text and metadata,
extracted by :mod:`pipeline.html`; the extracted text is the article's raw text). An article that cannot be read is yielded with its ``error``
set, never dropped, so the batch goes on and the failure is recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from ..core.calendar import parse_iso_date

MAX_BYTES = 5_000_000
INPUT_SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
EXTRACTED_DIR = "extracted"
TABLE_FORMATS = ("csv", "jsonl", "parquet")


@dataclass(frozen=True)
class Article:
    """One input article, or the record of why it could not be read."""

    article_id: str
    text: str
    published: str = ""
    source: str = ""
    url: str = ""
    title: str = ""
    path: str = ""
    error: str = ""
    extracted: bool = False  # the text was extracted from HTML (and is kept beside the outputs)

    @property
    def meta(self) -> dict:
        return {"source": self.source, "url": self.url, "title": self.title, "path": self.path}


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their ``.txt``/``.jsonl`` files (sorted); keep files as given."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in INPUT_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Yield the articles of every input file, in order."""
    for path in find_inputs(paths):
        if path.suffix == ".jsonl":
            yield from read_jsonl(path)
        elif path.suffix == ".txt":
            yield read_txt(path)
        elif path.suffix in HTML_SUFFIXES:
            yield read_html(path)
        else:
            yield Article(path.stem, "", path=str(path), error=f"unsupported input type {path.suffix!r} (expected .txt, .jsonl or .html)")


def _decode(path: Path) -> tuple[str, str]:
    """Return ``(text, error)``: the file decoded as UTF-8, or why it cannot be."""
    if not path.exists():
        return "", "no such file"
    size = path.stat().st_size
    if size > MAX_BYTES:
        return "", f"file is {size} bytes, over the {MAX_BYTES} byte limit"
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "", "not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark)"
    if b"\x00" in data:
        return "", "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return "", f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded"
    return text, ""


def read_txt(path: Path) -> Article:
    text, error = _decode(path)
    if not error and not text.strip():
        error = "empty article"
    return Article(path.stem, "" if error else text, path=str(path), error=error)


def read_html(path: Path) -> Article:
    """An HTML page as an article: its extracted main text, title and metadata date."""
    from .html import extract_html

    content, error = _decode(path)
    if error:
        return Article(path.stem, "", path=str(path), error=error)
    page = extract_html(content)
    if page.error:
        return Article(path.stem, "", path=str(path), error=page.error)
    published = page.published if parse_iso_date(page.published) else ""
    return Article(
        path.stem, page.text, published=published, url=page.url, title=page.title, path=str(path), extracted=True
    )


def write_extracted(articles: Iterable[Article], out_dir: Path) -> list[Path]:
    """Write the text extracted from each HTML article as ``extracted/<id>.txt``.

    The records' offsets of an HTML article index this text, so it is kept beside them.
    """
    written = []
    for article in articles:
        if article.extracted and not article.error:
            path = out_dir / EXTRACTED_DIR / f"{article.article_id}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article.text, encoding="utf-8", newline="")
            written.append(path)
    return written


def read_jsonl(path: Path) -> Iterator[Article]:
    content, error = _decode(path)
    if error:
        yield Article(path.stem, "", path=str(path), error=error)
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.stem}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield Article(where, "", path=str(path), error=f"line {number}: invalid JSON: {err.msg}")
            continue
        if not isinstance(item, dict):
            yield Article(where, "", path=str(path), error=f"line {number}: expected a JSON object")
            continue
        article_id = str(item.get("id") or where)
        text = item.get("text")
        published = str(item.get("published") or "")
        problem = ""
        if not isinstance(text, str) or not text.strip():
            problem = f"line {number}: missing or empty 'text'"
        elif published and parse_iso_date(published) is None:
            problem = f"line {number}: 'published' is not an ISO date: {published!r}"
        yield Article(
            article_id,
            text if isinstance(text, str) and not problem else "",
            published=published[:10] if published and not problem else "",
            source=str(item.get("source") or ""),
            url=str(item.get("url") or ""),
            title=str(item.get("title") or ""),
            path=str(path),
            error=problem,
        )


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, fmt: str = "csv") -> list[Path]:
    """Write each table as ``<name>.<fmt>``; return the paths written."""
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"format must be one of {TABLE_FORMATS}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, lineterminator="\n")
        elif fmt == "jsonl":
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


def read_table(path: Path) -> pd.DataFrame:
    """Read a table written by :func:`write_tables`, keeping ids and values as strings."""
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix == ".jsonl":
        return pd.read_json(path, orient="records", lines=True, dtype=False)
    return pd.read_parquet(path)


def write_jsonl(items: Iterable[dict], path: str | Path) -> int:
    """Write plain dicts as JSON lines (UTF-8, not ASCII-escaped); return how many."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
    return n
