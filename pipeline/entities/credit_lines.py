"""Credit lines of monitored broadcasts and press: the place and the outlet an item came from.

Monitoring services (FBIS, BBC Monitoring, World News Connection) credit each item they
translate with a line "[item code] Place Outlet in Language [time GMT] date [p N]":

    BK1203101596 Bangkok Radio Thailand Network in Thai 1000 GMT 12 Mar 96
    OW0907120296 Tokyo ASAHI SHIMBUN in Japanese 8 Jul 96 p 3

and set "Place OUTLET" alone on a line above a press item ("Tokyo ASAHI SHIMBUN"). The
model reads the place and the outlet as one ORG ("Bangkok Radio Thailand Network") and
misses outlets set in capitals. The entities stage uses :func:`credit_line_spans` to put a GPE
for the place, an ORG for the outlet and a LANGUAGE for the language in their stead; the
relations stage reads the outlet's seat from them (``dateline_agency``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer

_CODE = r"[A-Z]{2}\d{10}"
_WORD = r"[A-Z][\w.'’&-]*"
_OUTLET_WORD = r"[A-Z0-9][\w.'’&-]*"
# "in Arabic 1700 GMT 7 Apr 94", "in Russian 14 Jan 94".
_TAIL = r"\s+in\s+(?P<language>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:\d{4}\s+GMT\b|\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b)"
# The tail alone, to skip texts without a credit line cheaply.
CREDIT_TAIL = re.compile(r"\d{4}\s+GMT\b|\b\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b")
# After an item code, or opening a line.
CREDIT_LINE = re.compile(
    rf"(?:(?<![\w])(?P<code>{_CODE})[ \t]+|^[ \t]*)(?P<run>{_WORD}(?:[ \t]+{_OUTLET_WORD}){{1,8}}?){_TAIL}", re.MULTILINE
)
# "Tokyo ASAHI SHIMBUN" alone on its line: a place, then an outlet in capitals.
PRESS_LINE = re.compile(r"^[ \t]*(?P<run>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}?[ \t]+[A-Z][A-Z'’&-]+(?:[ \t]+[A-Z][A-Z'’&-]+){0,3})[ \t]*$", re.MULTILINE)
MAX_PLACE_WORDS = 3


def credit_line_spans(doc: Doc, gazetteer: Gazetteer, text: str | None = None) -> list[Span]:
    """GPE, ORG and LANGUAGE spans of the credit lines in ``doc`` (an empty list without any).
    ``text``: ``doc.text``, when the caller has read it already."""
    text = doc.text if text is None else text
    out: list[Span] = []
    if " in " in text and CREDIT_TAIL.search(text):
        for m in CREDIT_LINE.finditer(text):
            spans = _split(doc, m.start("run"), m.group("run"), gazetteer, coded=bool(m.group("code")))
            language = doc.char_span(m.start("language"), m.end("language"))
            if spans and language is not None:
                out += [*spans, Span(doc, language.start, language.end, label="LANGUAGE")]
    for m in PRESS_LINE.finditer(text):
        out += _split(doc, m.start("run"), m.group("run"), gazetteer, coded=False, capitals=True)
    return out


def _split(doc: Doc, start: int, run: str, gazetteer: Gazetteer, *, coded: bool, capitals: bool = False) -> list[Span]:
    """The place and the outlet of a credit line's run of names, or nothing when no place leads it.

    The place is the longest listed place that opens the run ("Panama City ACAN"); after an item
    code, which always precedes a place, an unlisted first word is taken for one.
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    n_place = next(
        (n for n in range(min(MAX_PLACE_WORDS, len(words) - 1), 0, -1) if gazetteer.label_of(run[: words[n - 1][1]]) == "GPE"),
        1 if coded else 0,
    )
    if not n_place:
        return []
    outlet = run[words[n_place][0] :]
    # A press line sets a place in mixed case against an outlet in capitals; a headline in
    # capitals ("MOSCOW SAYS NO") is none.
    if capitals and (not outlet.isupper() or run[: words[n_place - 1][1]].isupper() or sum(c.isalpha() for c in outlet) < 4):
        return []
    place_span = doc.char_span(start, start + words[n_place - 1][1])
    outlet_span = doc.char_span(start + words[n_place][0], start + len(run))
    if place_span is None or outlet_span is None:
        return []
    return [Span(doc, place_span.start, place_span.end, label="GPE"), Span(doc, outlet_span.start, outlet_span.end, label="ORG")]
