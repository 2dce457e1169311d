"""Reading articles: one explicit loader per input format, every field checked at the door.

``.txt`` (an optional `` date YYYY-MM-DD`` header, then the article; id = file stem),
``.jsonl`` (one article per line: ``id``, ``text``, optional ``published``, ``source``, ``url``,
``title``; read line by line, so a file of any size streams) and ``.html``/``.htm`` (a web
page: its main text and metadata, extracted by :mod:`newsie.run.html`). An article that
cannot be read is yielded with its ``error`` set, never dropped, so the batch goes on and the
failure is recorded.

What the door repairs, and what it refuses (README, "Input"):

- Text: a lone surrogate (valid JSON ``"\\ud800"``, no valid UTF-8) becomes U+FFFD, and a
  control character other than tab, line feed, vertical tab, form feed and carriage return
  (NUL included) becomes a space. One character for one, so offsets into the repaired text
  hold; the repaired text is the article's raw text. Empty or blank text is an error.
- ``id``: a string or an integer (``0`` is the id ``"0"``); missing, ``null`` or blank gives
  ``<file stem>:<line>``; any other type is an error. Control characters and lone surrogates
  in an id (tab and line breaks too) are written as ``\\uXXXX`` escapes. Ids are unique by construction: an article
  whose id was already read becomes an error row naming both sources (:func:`read_articles`).
- ``title``, ``source``, ``url``: a string, a number or ``null``; repaired as text is; any other
  type is an error.
- ``published``: an ISO 8601 date (``2024-02-28``, or the basic form ``20240228``) or
  datetime (``2024-02-28T10:00``, ``2024-02-28 10:00:00+02:00``), kept as its date
  ``YYYY-MM-DD``; anything else (``2024-02-28 garbage``, ``2024-02-30``) is an error.
- Size: at most :data:`MAX_BYTES` per article (one ``.txt``/``.html`` file, or one JSONL
  line); a longer article is an error row and the rest of its file is read on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

MAX_BYTES = 5_000_000  # per article
INPUT_SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
META_FIELDS = ("source", "url", "title")

# C0 controls but tab, LF, VT, FF and CR; and DEL. Lone surrogates are matched apart.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
ID_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # in an id, tab and line breaks too
ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
ISO_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")


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
    """Expand folders into their ``.txt``/``.jsonl``/``.html`` files (sorted); keep files as given."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in INPUT_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Yield the articles of every input file, in order, with unique ids.

    The first article read under an id keeps it; a later one becomes an error row under the
    id ``<id>@<its source>`` whose error names both sources, so nothing is dropped silently
    and the same input always gives the same ids.
    """
    sources: dict[str, str] = {}
    for article, source in _read_all(paths):
        if article.article_id in sources:
            article = _duplicate(article, source, sources)
        sources[article.article_id] = source
        yield article


def _duplicate(article: Article, source: str, sources: dict[str, str]) -> Article:
    qualified = f"{article.article_id}@{source}"
    n = 2
    while qualified in sources:
        qualified, n = f"{article.article_id}@{source}~{n}", n + 1
    error = f"duplicate article id {article.article_id!r}: already read from {sources[article.article_id]}; give this one (from {source}) another id"
    return Article(qualified, "", path=article.path, error=error)


def _read_all(paths: Iterable[str | Path]) -> Iterator[tuple[Article, str]]:
    """``(article, source)`` for every input, the source being ``path`` or ``path:line``."""
    for path in find_inputs(paths):
        if path.suffix == ".jsonl":
            yield from read_jsonl_sourced(path)
        elif path.suffix == ".txt":
            yield read_txt(path), str(path)
        elif path.suffix in HTML_SUFFIXES:
            yield read_html(path), str(path)
        else:
            error = f"unsupported input type {path.suffix!r} (expected .txt, .jsonl or .html)"
            yield Article(path.stem, "", path=str(path), error=error), str(path)


def _decode(path: Path) -> tuple[str, str]:
    """Return ``(text, error)``: the file decoded as UTF-8, or why it cannot be."""
    if not path.exists():
        return "", "no such file"
    size = path.stat().st_size
    if size > MAX_BYTES:
        return "", f"article is {size} bytes, over the {MAX_BYTES} byte limit per article"
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "", "not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark)"
    if b"\x00" in data:
        return "", "binary file (contains NUL bytes)"
    return _utf8(data)


def _utf8(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as err:
        return "", f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded"


def repair_text(text: str) -> str:
    """Lone surrogates to U+FFFD, control characters to spaces: one character for one."""
    if SURROGATE.search(text):
        text = SURROGATE.sub("\ufffd", text)
    return CONTROL.sub(" ", text) if CONTROL.search(text) else text


def read_txt(path: Path) -> Article:
    text, error = _decode(path)
    if not error and not text.strip():
        error = "empty article"
    return Article(path.stem, "" if error else repair_text(text), path=str(path), error=error)


def read_html(path: Path) -> Article:
    """An HTML page as an article: its extracted main text, title and metadata date."""
    from .html import extract_html

    content, error = _decode(path)
    if error:
        return Article(path.stem, "", path=str(path), error=error)
    page = extract_html(content)
    if page.error:
        return Article(path.stem, "", path=str(path), error=page.error)
    published, _ = normalise_published(page.published)
    return Article(
        path.stem, repair_text(page.text), published=published, url=_meta_text(page.url), title=_meta_text(page.title),
        path=str(path), extracted=True,
    )  # fmt: skip


def read_jsonl(path: Path) -> Iterator[Article]:
    """The articles of a JSONL file, one per non-blank line (streamed, never read whole)."""
    for article, _ in read_jsonl_sourced(path):
        yield article


def read_jsonl_sourced(path: Path) -> Iterator[tuple[Article, str]]:
    if not path.exists():
        yield Article(path.stem, "", path=str(path), error="no such file"), str(path)
        return
    with path.open("rb") as f:
        for number, data in enumerate(_lines(f), start=1):
            where = f"{path}:{number}"
            if data is None:
                error = f"line {number}: over the {MAX_BYTES} byte limit per article"
                yield Article(f"{path.stem}:{number}", "", path=str(path), error=error), where
            elif data.strip():
                yield _jsonl_article(data, path, number), where


def _lines(f: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines as bytes; ``None`` for a line over :data:`MAX_BYTES` (skipped unread)."""
    while True:
        line = f.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line, in chunks
                line = f.readline(1 << 20)
            yield None
            continue
        yield line


def _jsonl_article(data: bytes, path: Path, number: int) -> Article:
    fallback = f"{path.stem}:{number}"
    content, error = _utf8(data[3:] if number == 1 and data.startswith(b"\xef\xbb\xbf") else data)
    if error:
        return Article(fallback, "", path=str(path), error=f"line {number}: {error}")
    try:
        item = json.loads(content)
    except json.JSONDecodeError as err:
        return Article(fallback, "", path=str(path), error=f"line {number}: invalid JSON: {err.msg}")
    if not isinstance(item, dict):
        return Article(fallback, "", path=str(path), error=f"line {number}: expected a JSON object")
    article_id, problem = _id_field(item.get("id"), fallback)
    fields: dict[str, str] = {}
    for name in META_FIELDS:
        value = item.get(name)
        if value is not None and not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problem = problem or f"{name!r} must be a string, not {type(value).__name__}"
        fields[name] = _meta_text(value)
    text = item.get("text")
    if not problem and (not isinstance(text, str) or not text.strip()):
        problem = "missing or empty 'text'"
    published, bad_date = normalise_published(item.get("published"))
    problem = problem or bad_date
    if problem:
        return Article(article_id, "", path=str(path), error=f"line {number}: {problem}", **fields)
    return Article(article_id, repair_text(text), published=published, path=str(path), **fields)


def _id_field(value: object, fallback: str) -> tuple[str, str]:
    """``(id, problem)``: a string or an integer id, escaped; the fallback when it is absent."""
    if isinstance(value, bool) or not isinstance(value, (str, int, type(None))):
        return fallback, f"'id' must be a string or an integer, not {type(value).__name__}"
    text = "" if value is None else str(value)
    if not text.strip():
        return fallback, ""
    return SURROGATE.sub(_escape, ID_CONTROL.sub(_escape, text)), ""


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def _meta_text(value: object) -> str:
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return repair_text(str(value))


def normalise_published(value: object) -> tuple[str, str]:
    """``(YYYY-MM-DD, problem)`` of a ``published`` value; ``("", "")`` when it is absent."""
    if value is None or value == "":
        return "", ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return "", f"'published' must be an ISO date string, not {type(value).__name__}"
    text = str(value).strip()
    date = _iso_date(text)
    if date is None:
        shown = text if len(text) <= 60 else text[:60] + "..."
        return "", f"'published' is not an ISO date or datetime: {repair_text(shown)!r}"
    return date.isoformat(), ""


def _iso_date(text: str) -> dt.date | None:
    match = ISO_DATE.match(text)
    if match is None or (match.group().count("-") == 1):
        return None
    rest = text[match.end() :]
    if rest:
        time = ISO_TIME.fullmatch(rest[1:]) if rest[0] in "T " else None
        if time is None or int(time.group(1)) > 23 or int(time.group(2)) > 59 or int(time.group(3) or 0) > 60:
            return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
