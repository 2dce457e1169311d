"""TimeML (TempEval-3) documents: reading gold ``.tml`` files.

A TimeML document is XML whose ``<TEXT>`` element holds the article with inline ``<TIMEX3>``,
``<EVENT>`` and ``<SIGNAL>`` tags; the creation time is the ``TIMEX3`` whose
``functionInDocument`` is ``CREATION_TIME`` (in ``<DCT>``). :func:`read_timeml` returns the
plain text of ``<TEXT>`` (tags removed, XML entities decoded) with the gold TIMEX3 as offsets
into it, so the text can go through the pipeline like any article. Predictions are written
back as TimeML by :mod:`newsie.run.timeml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import unescape

from ...core.errors import TimemlError
from ...run.io import write_jsonl

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^<>]*?)?)\s*(/?)>")
ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
ENTITIES = {"&quot;": '"', "&apos;": "'"}


@dataclass(frozen=True)
class Timex:
    """A gold TIMEX3: offsets into the document's text, end-exclusive."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDocument:
    """The text of ``<TEXT>``, the creation time and the gold TIMEX3 inside the text."""

    doc_id: str
    text: str
    dct: str  # ISO date of the creation time, "" when the file has none
    timexes: list[Timex] = field(default_factory=list)


def _attributes(raw: str) -> dict[str, str]:
    return {k: unescape(v, ENTITIES) for k, v in ATTR.findall(raw)}


def parse_timeml(markup: str, doc_id: str = "") -> TimemlDocument:
    """Parse a TimeML string; offsets index the decoded text of ``<TEXT>``."""
    dct = ""
    for match in TAG.finditer(markup):
        attrs = _attributes(match.group(3))
        if match.group(2) == "TIMEX3" and attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10]
            break
    id_match = re.search(r"<DOCID>\s*([^<]*?)\s*</DOCID>", markup)
    doc_id = doc_id or (id_match.group(1) if id_match else "")
    open_at = re.search(r"<TEXT>", markup)
    close_at = markup.rfind("</TEXT>")
    if open_at is None or close_at < 0:
        raise TimemlError(f"{doc_id or 'document'}: no <TEXT> element")
    body = markup[open_at.end() : close_at]
    # Walk the body: text between tags is decoded and appended; TIMEX3 tags record offsets.
    pieces: list[str] = []
    length = 0
    open_timex: list[tuple[dict[str, str], int]] = []
    timexes: list[Timex] = []
    position = 0
    for match in TAG.finditer(body):
        chunk = unescape(body[position : match.start()], ENTITIES)
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        if match.group(2) != "TIMEX3":
            continue
        if match.group(1):  # closing tag
            if not open_timex:
                raise TimemlError(f"{doc_id}: </TIMEX3> without an opening tag")
            attrs, start = open_timex.pop()
            timexes.append(Timex(attrs.get("tid", ""), start, length, "", attrs.get("type", ""), attrs.get("value", "")))
        elif not match.group(4):
            open_timex.append((_attributes(match.group(3)), length))
    pieces.append(unescape(body[position:], ENTITIES))
    text = "".join(pieces)
    timexes = [Timex(t.tid, t.start, t.end, text[t.start : t.end], t.type, t.value) for t in timexes]
    return TimemlDocument(doc_id, text, dct, sorted(timexes, key=lambda t: (t.start, t.end)))


def read_timeml(path: str | Path) -> TimemlDocument:
    """Read one ``.tml`` file (UTF-8); the document id is the file name without ``.tml``."""
    path = Path(path)
    try:
        markup = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TimemlError(f"{path}: {err}") from err
    return parse_timeml(markup, doc_id=path.name.removesuffix(".tml"))


def timeml_files(path: str | Path) -> list[Path]:
    """A ``.tml`` file as given, or every ``.tml`` under a folder, sorted."""
    path = Path(path)
    if path.is_dir():
        return sorted(path.rglob("*.tml"))
    if not path.exists():
        raise TimemlError(f"no such file or folder: {path}")
    return [path]


def read_corpus(path: str | Path) -> Iterator[TimemlDocument]:
    for file in timeml_files(path):
        yield read_timeml(file)


def to_record(doc: TimemlDocument) -> dict:
    """One JSONL line that is both a newsie input article and a gold article."""
    dates = [
        {"id": t.tid or f"t{i}", "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for i, t in enumerate(doc.timexes, start=1)
    ]
    return {
        "id": doc.doc_id,
        "article_id": doc.doc_id,
        "text": doc.text,
        "published": doc.dct,
        "entities": [],
        "dates": dates,
        "relations": [],
    }


def to_gold(path: str | Path) -> list[dict]:
    """A TimeML file or folder as newsie gold articles (text, published date, gold dates)."""
    return [to_record(doc) for doc in read_corpus(path)]


def convert(path_in: str | Path, path_out: str | Path) -> int:
    """Convert a TimeML file or folder to newsie JSONL; return the number of documents."""
    return write_jsonl(to_gold(path_in), path_out)
