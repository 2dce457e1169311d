"""Name and amount shapes the model gets wrong, read from the tokens themselves.

- Organisation and facility names by their last word (``name_heads.json``): "Civil Defense
  Authority", "Saudi Interior Ministry", "Grand Mosque", "Al-Ghaza Hotel". A nationality right
  before an organisation's name is part of it ("Greek Ministry of Culture").
- An organisation's "of/for/on" complement in capitals is part of its name ("Liberal Party of
  Kenya", "International Working Group on Afghan Women").
- A name with a model or version number is a product ("Delta 4", "Firefox 1.0") outside results
  lines.
- Amounts: a number with its unit is a QUANTITY ("28,950 lb", "365s"); a currency prefix
  belongs to the MONEY ("NZ $ 26 million", "$11.5bn").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .repairs import NAME_LABELS

JOINERS = {"of", "for", "on", "'s", "-", "&", "and"}
COMPLEMENT = {"of", "for", "on"}
NUMBER_WITH_UNIT = re.compile(r"^\d[\d,.]*(?:s|kg|km|lb|lbs|m|mm|cm|t|mph|kw|mw|gw)$", re.IGNORECASE)
VERSION = re.compile(r"^\d+(?:\.\d+)*[a-z]?$")


def _capitalised(token) -> bool:
    return token.is_title or token.is_upper and len(token) > 1 or token.text[:1].isupper() and "-" in token.text


def head_names(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Capitalised runs ending in an organisation or facility word, as ORG or FAC."""
    heads = {w: lab for lab in ("ORG", "FAC") for w in gazetteer.heads.get(lab, [])}
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    for token in doc:
        label = heads.get(token.text)
        if label is None or token.i + 1 < len(doc) and doc[token.i + 1].text in heads:
            continue
        start = token.i
        while start > 0:
            prev = doc[start - 1]
            if _capitalised(prev) and prev.is_alpha or prev.text == "-" and start > 1 and _capitalised(doc[start - 2]):
                start -= 1
            else:
                break
        end = token.i + 1
        # "Ministry of Culture": a capitalised complement.
        if end + 1 < len(doc) and doc[end].lower_ in COMPLEMENT and _capitalised(doc[end + 1]):
            end += 2
            while end < len(doc) and _capitalised(doc[end]) and doc[end].is_alpha:
                end += 1
        if end - start < 2 and label == "ORG":
            continue  # a lone "Council" is a shortened name: the model and aliases decide
        prev = ent_at.get(start - 1)
        if prev is not None and prev.label_ == "NORP" and prev.end == start and label == "ORG":
            start = prev.start  # "Greek Ministry of Culture"
        while start < end and doc[start].is_sent_start and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        out.append(Span(doc, start, end, label=label))
    return out


def replace_overlapping(ents: list[Span], new: list[Span], *, replaceable: set[str]) -> list[Span]:
    """Put each new span in, replacing the entities it covers when they have a replaceable label
    (or lie inside it); skip it when it would cut an entity in two."""
    out = list(ents)
    for span in new:
        overlapping = [e for e in out if e.start < span.end and span.start < e.end]
        if all(e.start >= span.start and e.end <= span.end and (e.label_ in replaceable or len(e) < len(span))
               for e in overlapping):  # fmt: skip
            out = [e for e in out if e not in overlapping] + [span]
    return out


def extend_complements(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG + "of/for/on" + a capitalised run: "Liberal Party of Kenya"."""
    out = []
    starts = {e.start: e for e in ents}
    drop: set[int] = set()
    for e in ents:
        if e.label_ == "ORG" and e.end + 1 < len(doc) and doc[e.end].lower_ in COMPLEMENT and _capitalised(doc[e.end + 1]):
            end = e.end + 1
            while end < len(doc) and _capitalised(doc[end]) and (doc[end].is_alpha or doc[end].text == "-"):
                end += 1
            following = starts.get(e.end + 1)
            if following is not None and following.end > end:
                end = following.end
            if following is not None:
                drop.add(following.start)
            out.append(Span(doc, e.start, end, label="ORG"))
        else:
            out.append(e)
    return [e for e in out if not (e.start in drop and e.label_ != "ORG" or e.start in drop and len(e) == 0)]


def versions_are_products(doc: Doc, ents: list[Span], in_results_line) -> list[Span]:
    """"Delta 4", "Mozilla Firefox 1.0": a name with a version number is a product.

    ``in_results_line(i)`` tells whether token ``i`` is in a results line, where a number after
    a name is a score.
    """
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON", "PRODUCT"} and not in_results_line(e.start):
            end = e.end
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and VERSION.match(nxt.text) and not nxt.ent_type_:
                end += 1
            last = doc[end - 1]
            if end - e.start > 1 and VERSION.match(last.text) and any(c.isdigit() for c in last.text):
                e = Span(doc, e.start, end, label="PRODUCT")
        out.append(e)
    return out


def amounts(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Units make a number a QUANTITY; a currency prefix belongs to the MONEY."""
    units = set(gazetteer.heads.get("units", []))
    prefixes = set(gazetteer.heads.get("currency_prefixes", []))
    out = []
    for e in ents:
        if e.label_ == "CARDINAL" and e.end < len(doc) and doc[e.end].lower_ in units:
            e = Span(doc, e.start, e.end + 1, label="QUANTITY")
        elif len(e) == 1 and NUMBER_WITH_UNIT.match(e.text) and not e[0].like_num and e.label_ not in {"DATE", "TIME", "MONEY"}:
            e = Span(doc, e.start, e.end, label="QUANTITY")
        elif e.label_ == "MONEY":
            start = e.start
            if start > 0 and doc[start - 1].text in {"$", "€", "£", "¥"}:
                start -= 1
            if start > 0 and doc[start - 1].text in prefixes and doc[start].text in {"$"}:
                start -= 1
            e = Span(doc, start, e.end, label="MONEY")
        out.append(e)
    return out
