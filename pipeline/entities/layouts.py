"""Layout passes: repairs that serve one corpus's form rather than news in general.

Each pass here reads a layout that some news collections use and others never do; all are on
by default, and each can be switched off (``skip_passes``) for text that never has the form:

- ``results_rows`` and ``results_teams``: **sports results tables** as CoNLL-2003 (Reuters
  1996) prints them, one result or standing per line ("Atlanta 5 PITTSBURGH 1",
  "Leicestershire 22 points , Somerset 4", "NEW YORK 74 59 .556"). A name list broken by
  scores is split at the numbers ("Haitai 2 Samsung 0" -> "Haitai", "Samsung"), and a name
  followed by a score is a team (ORG), unless it is a country (national sides stay GPE) or a
  person's full name. The lines are found by :func:`results_lines`; the general ``trim`` and
  ``versions`` passes read them too (a number after a name there is a score, no version).
- ``topic_headlines``: **section words of headlines in capitals**, the Reuters form
  "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP": the section word before the dash is no entity
  (and no dateline place).
- ``credit_lines``: **credit lines of monitored broadcasts and press** (FBIS, BBC Monitoring:
  "BK1203101596 Bangkok Radio Thailand Network in Thai 1000 GMT 12 Mar 96", "Tokyo ASAHI
  SHIMBUN" above a press item): the place, the outlet and the language in the place of the
  model's one ORG (:mod:`newsie.entities.credit_lines`).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer
from .credit_lines import credit_line_spans
from .passes import EntityPass, PassContext, entity_pass, put_in_place
from .repairs import NAME_LABELS, Lines, is_number

# Token shapes of scores and figures: "dd", "d-dd", "dd.dd", ".ddd", "d/d"
NUMBER_SHAPE = re.compile(r"^[.]?d[d,./:-]*$")
PASSES: dict[str, EntityPass] = {}


def results_line_starts(ctx: PassContext) -> set[int]:
    """The start tokens of the document's results lines (:func:`results_lines`), found once."""
    return ctx.memo("results_lines", lambda: results_lines(ctx.doc, ctx.lines))


def in_results_line(ctx: PassContext, i: int) -> bool:
    """Is token ``i`` in a results line?"""
    return ctx.lines.of(i)[0] in results_line_starts(ctx)


def section_word(ctx: PassContext, span: Span) -> bool:
    """Is ``span`` the section word of a headline in capitals, while ``topic_headlines`` runs?"""
    return "topic_headlines" in ctx.enabled and is_topic_label(span, ctx.names_gazetteer, ctx.lines)


@entity_pass(PASSES, "results_rows", layout=True)
def results_rows(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Names in a results line split at the scores ("Haitai 2 Samsung 0")."""
    return [part for e in ents for part in (split_at_numbers(e) if in_results_line(ctx, e.start) else [e])]


@entity_pass(PASSES, "results_teams", group="consistency", layout=True)
def results_teams(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Names followed by a score in a results line are teams (:func:`team_labels`)."""
    return team_labels(ctx.doc, ents, ctx.names_gazetteer, results_line_starts(ctx), ctx.lines)


@entity_pass(PASSES, "topic_headlines", layout=True)
def topic_headlines(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """No section word of a headline in capitals ("CRICKET - ...") is an entity."""
    return [e for e in ents if not section_word(ctx, e)]


@entity_pass(PASSES, "credit_lines", layout=True)
def credit_lines(ctx: PassContext, ents: list[Span]) -> list[Span]:
    """Place, outlet and language of monitoring credit lines, in the place of the model's spans."""
    return put_in_place(ents, credit_line_spans(ctx.doc, ctx.names_gazetteer, ctx.text))


def results_lines(doc: Doc, lines: Lines) -> set[int]:
    """Start tokens of lines that read as sports results or standings: at least two scores, a
    quarter of the words numbers, at most one verb. Counted over token attribute arrays, as
    results tables are long."""
    if not len(doc):
        return set()
    strings = doc.vocab.strings
    shape, punct, space, pos, ent, upper = doc.to_array(["SHAPE", "IS_PUNCT", "IS_SPACE", "POS", "ENT_TYPE", "IS_UPPER"]).T
    numeric = [h for h in np.unique(shape) if NUMBER_SHAPE.match(strings[h])]
    dates = [strings.add(label) for label in ("DATE", "TIME")]
    # A dateline's date ("BUCHAREST 1996-08-30") is no score.
    is_number = np.isin(shape, numeric) & ~np.isin(ent, dates)
    is_word = (punct == 0) & (space == 0)
    is_verb = np.isin(pos, [VERB, AUX]) & (upper == 0)
    line = lines.starts
    n_lines = int(line.max()) + 1
    words = np.bincount(line, weights=is_word, minlength=n_lines)
    numbers = np.bincount(line, weights=is_number & is_word, minlength=n_lines)
    verbs = np.bincount(line, weights=is_verb & is_word, minlength=n_lines)
    hits = (numbers >= 2) & (numbers >= 0.25 * np.maximum(words, 1)) & (verbs <= 1)
    return set(np.flatnonzero(hits).tolist())


def team_labels(doc: Doc, ents: list[Span], gazetteer: Gazetteer, lines: set[int], index: Lines) -> list[Span]:
    """Names followed by a score in a results line (``lines``: their start tokens) are teams."""
    if not lines:
        return ents
    out = []
    for ent in ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (
            ent.label_ in {"GPE", "LOC", "NORP", "PERSON", "FAC"}
            and nxt is not None and is_number(nxt)
            and index.of(ent.start)[0] in lines
            and not gazetteer.is_country(ent.text)
            and not (ent.label_ == "PERSON" and len(ent) > 1)
        ):  # fmt: skip
            ent = Span(doc, ent.start, ent.end, label="ORG")
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    # Untagged capitalised runs before a score: "Haitai 2", "Ssangbangwool 59".
    for start in lines:
        _, end = index.of(start)
        i = start
        while i < end:
            j = i
            while j < end and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha and j not in taken:
                j += 1
            if j > i and j < end and is_number(doc[j]) and len(doc[i].text) > 1:
                label = "GPE" if gazetteer.is_country(doc[i:j].text) else "ORG"
                out.append(Span(doc, i, j, label=label))
                taken.update(range(i, j))
            i = max(j, i + 1)
    return out


def split_at_numbers(span: Span) -> list[Span]:
    """Split a name span at number tokens: "Haitai 2 Samsung 0" -> "Haitai", "Samsung"."""
    if span.label_ not in NAME_LABELS or not any(is_number(t) for t in span[1:-1]):
        return [span]
    parts, start = [], span.start
    for t in list(span) + [None]:
        if t is None or is_number(t) or t.text in {",", ";", "(", ")"}:
            end = t.i if t is not None else span.end
            if end > start and any(w.is_alpha for w in span.doc[start:end]):
                parts.append(Span(span.doc, start, end, label=span.label))
            start = (t.i + 1) if t is not None else start
    return parts


def is_caps_line(tokens: Span) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= 2 and all(t.is_upper for t in words)


def is_topic_label(ent: Span, gazetteer: Gazetteer, lines: Lines) -> bool:
    """"CRICKET" in the headline "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP": a section word."""
    doc = ent.doc
    start, end = lines.of(ent.start)
    if ent.start != start or ent.end >= end or doc[ent.end].text not in {"-", "—", "–", ":"}:
        return False
    return is_caps_line(doc[start:end]) and not gazetteer.label_of(ent.text)
