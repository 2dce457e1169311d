"""The names around an office: the parts of an entity that a TITLE crosses, and the holders
the model joined to an office's body or left untagged.

:func:`split_around_titles` labels each part of an entity that an office crosses on its own
("Minister of Foreign Affairs of Moldova" read as one ORG gives the TITLE and GPE "Moldova");
:func:`holders_after_offices` relabels the names around an office ("Prime Minister of Armenia
Aram Sargsyan", read by the model as one ORG after the title, gives GPE "Armenia" and PERSON
"Aram Sargsyan"). Both run in :meth:`newsie.entities.titles.TitleFinder.merge`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer, countries_of_demonym


def split_around_titles(doc: Doc, ent: Span, titles: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The parts of an entity that an office crosses, each labelled on its own.

    The model reads "Minister of Foreign Affairs of Moldova" as one ORG, "Armenia Aram
    Sargsyan" (after "Prime Minister of") as one ORG, "Latvian Minister" as one PERSON. The
    office wins; before it a listed place stays a place and a nationality a NORP; after it
    "of" and "the" are dropped, a listed place at the start is a GPE/LOC, and a capitalised
    rest is the office holder's name (PERSON).
    """
    covered = {i for t in titles for i in range(t.start, t.end)}
    pieces, start = [], None
    for i in range(ent.start, ent.end + 1):
        if i < ent.end and i not in covered:
            start = i if start is None else start
        elif start is not None:
            pieces.append((start, i))
            start = None
    out: list[Span] = []
    first_title = min(t.start for t in titles)
    for s, e in pieces:
        if s < first_title:
            out += _part_before(doc, s, e, ent.label_, gazetteer)
        else:
            out += _part_after(doc, s, e, ent.label_, gazetteer)
    return out


def _part_before(doc: Doc, s: int, e: int, label: str, gazetteer: Gazetteer) -> list[Span]:
    text = doc[s:e].text
    if listed := gazetteer.label_of(text):
        return [Span(doc, s, e, label=listed)]
    if text in gazetteer.languages or e - s == 1 and doc[s].tag_ == "JJ":
        return [Span(doc, s, e, label="NORP")]  # "Latvian" in "Latvian Minister"
    return [Span(doc, s, e, label=label)] if label != "PERSON" else []


def _part_after(doc: Doc, s: int, e: int, label: str, gazetteer: Gazetteer) -> list[Span]:
    while s < e and (doc[s].lower_ in {"of", "the", ",", "'s", "’s"} or doc[s].is_space):
        s += 1
    if s >= e:
        return []
    out: list[Span] = []
    for k in range(min(e, s + 4), s, -1):  # the longest listed place at the start
        if listed := gazetteer.label_of(doc[s:k].text):
            out.append(Span(doc, s, k, label=listed))
            s = k
            break
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    if s < e:
        name = all(t.is_title or not t.is_alpha for t in doc[s:e]) and e - s <= 4 and not _ends_like_body(doc[s:e], gazetteer)
        out.append(Span(doc, s, e, label="PERSON" if name and (out or label in {"ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART"}) else label))
    return out


def holders_after_offices(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Names around an office that the model joined or mislabelled.

    - "Prime Minister of Armenia Aram Sargsyan", "Deputy Chairman of the Board of KMG Ruslan
      Temirov": an entity after "<office> of (the)" that starts with a listed place or an
      acronym and goes on with a capitalised name is the place (or body), then a PERSON;
    - "Mongolian Foreign Minister X", "his Mongolian counterpart": a one-word PERSON or ORG right before an
      office or a common noun that is a nationality adjective is a NORP.
    """
    title_ends = {e.end for e in ents if e.label_ == "TITLE"}
    title_starts = {e.start for e in ents if e.label_ == "TITLE"}
    body_ends = {e.start: e.end for e in ents if e.label_ in {"ORG", "GPE", "NORP"}}
    out: list[Span] = []
    for ent in ents:
        i = ent.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        after_office = i >= 1 and doc[i].lower_ == "of" and i in title_ends
        if after_office and ent.label_ in {"ORG", "GPE", "NORP", "LOC", "WORK_OF_ART", "PERSON"} and len(ent) > 2:
            first = doc[ent.start]
            listed = any(gazetteer.label_of(doc[ent.start : k].text) for k in range(ent.start + 1, min(ent.end, ent.start + 4)))
            acronym = first.is_upper and first.is_alpha and len(first) > 1
            # "of the Ruritania Cyclists Association": a body named after its country stays whole
            if (listed or acronym) and not _ends_like_body(ent, gazetteer):
                parts = _part_after(doc, ent.start, ent.end, ent.label_, gazetteer)
                if not listed:  # the acronym alone is the body
                    parts = [Span(doc, ent.start, ent.start + 1, label="ORG")] + _part_after(doc, ent.start + 1, ent.end, "ORG", gazetteer)
                if len(parts) > 1:
                    out += parts
                    continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        before_role = ent.end in title_starts or nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"
        if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1 and before_role and countries_of_demonym(ent.text, gazetteer.countries):
            ent = Span(doc, ent.start, ent.end, label="NORP")
        elif ent.label_ in {"ORG", "GPE", "NORP"} and _holder_before_office(doc, ent, title_starts, gazetteer, body_ends):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Ion Vataman, Deputy Prime Minister of ..."
        out.append(ent)
    out = _join_holder_parts(doc, out, title_ends)
    out += _untagged_holders(doc, out, title_ends)
    taken = {i for e in out for i in range(e.start, e.end)}
    for start in title_starts:  # "Latvian President X": an untagged nationality before an office
        k = start - 1
        if k >= 0 and k not in taken and doc[k].is_title and countries_of_demonym(doc[k].text, gazetteer.countries):
            out.append(Span(doc, k, start, label="NORP"))
    return out


def _holder_before_office(doc: Doc, ent: Span, title_starts: set[int], gazetteer: Gazetteer, body_ends: dict[int, int]) -> bool:
    """A capitalised two- or three-word name that an apposed office follows ("X Y, Deputy
    Minister of ...", "X Y, the Ambassador of ..."), neither listed nor ending like a body."""
    k = ent.end
    if not (k + 1 < len(doc) and doc[k].text == ","):
        return False
    k += 1 + (doc[k + 1].lower_ == "the")
    k = body_ends.get(k, k)  # "X Y, CICA Secretary General"
    if k not in title_starts or not 2 <= len(ent) <= 3 or not all(t.is_title and t.is_alpha for t in ent):
        return False
    heads = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    return not gazetteer.label_of(ent.text) and not any(t.text in heads for t in ent)


def _ends_like_body(span: Span, gazetteer: Gazetteer) -> bool:
    """Does the name end on the head word of an organisation or a building ("... Association")?
    Such a name is a body's, never an office holder's."""
    heads = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    return len(span) > 0 and span[-1].text in heads


def _join_holder_parts(doc: Doc, ents: list[Span], title_ends: set[int]) -> list[Span]:
    """"Minister of Economy Janis | Ozols": two PERSON pieces side by side after an office
    (one cut from an entity the office crossed) are one name."""
    people = {e.start: e for e in ents if e.label_ == "PERSON"}
    drop: set[Span] = set()
    out: list[Span] = []
    for e in ents:
        nxt = people.get(e.end)
        if e.label_ == "PERSON" and e.start in title_ends and nxt is not None and e.end - e.start + len(nxt) <= 4:
            out.append(Span(doc, e.start, nxt.end, label="PERSON"))
            drop.add(nxt)
        elif e not in drop:
            out.append(e)
    return [e for e in out if e not in drop]


def _untagged_holders(doc: Doc, ents: list[Span], title_ends: set[int]) -> list[Span]:
    """"Minister of Foreign Affairs of Moldova Ion Vataman": an untagged capitalised name right
    after the place or body an office is "of" is the office holder."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    starts = [e.end for e in ents if e.label_ in {"GPE", "ORG"} and _after_office_of(doc, e, title_ends)]
    # "Minister of Economy Janis Ozols": a name the model left untagged, right after the office
    starts += [end for end in title_ends if end not in taken]
    out = []
    for start in starts:
        j = start
        while j < len(doc) and j not in taken and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN" and j - start < 4:
            j += 1
        if j - start >= 2 or j > start and j < len(doc) and doc[j].text == ",":
            out.append(Span(doc, start, j, label="PERSON"))
    return out


def _after_office_of(doc: Doc, ent: Span, title_ends: set[int]) -> bool:
    i = ent.start - 1 - (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    return i >= 1 and doc[i].lower_ == "of" and i in title_ends
