"""Document-level evidence for names: one name, one label, every mention found.

A news article names its people, teams and places several times, and the model tags each
mention on its own local context, so it tags "Duran" PERSON in one sentence and GPE in the
next, and misses the surname after the full name. These rules use the whole document:

- results lines ("Atlanta 5 PITTSBURGH 1", "Leicestershire 22 points , Somerset 4",
  standings "NEW YORK 74 59 .556"): a name followed by a score is a team (ORG), unless it is a
  country (national sides stay GPE) or a person's full name;
- a single word that is part of a person's full name elsewhere in the article is that person
  ("Bakayev" after "Alibek Bakayev", "Washington" after "MaliVai Washington");
- label voting: the mentions of one text take the label most of them have;
- propagation: later untagged occurrences of a name the article has tagged are tagged too.

This is the document-level consistency of Krishnan & Manning (2006), "An effective two-stage
model for exploiting non-local dependencies in named entity recognition", as rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer
from ..core.lexicon import find_words
from .repairs import NAME_LABELS, Lines, is_number

PROPAGATE_LABELS = {"PERSON", "ORG", "GPE", "LOC"}
# Token shapes of scores and figures: "dd", "d-dd", "dd.dd", ".ddd", "d/d"
NUMBER_SHAPE = re.compile(r"^[.]?d[d,./:-]*$")
# Capitalised words that start sentences and headlines but are never names on their own.
MIN_PROPAGATE_CHARS = 3


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


def vote_labels(ents: list[Span], descriptors: frozenset[str] = frozenset()) -> list[Span]:
    """Give every mention of a name the label most of its mentions have.

    A mention with its own evidence counts three times: an ORG followed by a descriptor ("the
    ruling Frelimo party"), a PERSON right after a title ("General Abacha").
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    title_ends = {e.end for e in ents if e.label_ == "TITLE"}
    for e in ents:
        if e.label_ in NAME_LABELS:
            doc = e.doc
            nxt = doc[e.end] if e.end < len(doc) else None
            strong = (e.label_ == "ORG" and nxt is not None and nxt.lower_ in descriptors) or (
                e.label_ == "PERSON" and e.start in title_ends
            )
            votes[e.text.lower()][e.label_] += 3 if strong else 1
    out = []
    for e in ents:
        counts = votes.get(e.text.lower())
        if e.label_ in NAME_LABELS and counts and len(counts) > 1:
            (best, n), *rest = counts.most_common()
            if n > rest[0][1]:
                e = Span(e.doc, e.start, e.end, label=best)
        out.append(e)
    return out


def list_labels(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Members of a list of people are people: "Zeus, Hera, Poseidon, Aphrodite, and Athena";
    "James Franklin, Darryl Tuffey and Shane Bond".

    A coordination (the parser's ``conj`` chains) with at least two PERSON members, and people
    as two thirds of its tagged members, makes its other capitalised members people too.
    """
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    groups: dict[int, list] = defaultdict(list)
    for e in ents:
        if e.label_ not in NAME_LABELS:
            continue
        root = e.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        groups[root.i].append(e)
    relabel: dict[tuple[int, int], Span] = {}
    added: list[Span] = []
    for root_i, members in groups.items():
        people = [m for m in members if m.label_ == "PERSON"]
        if len(people) < 2 or 3 * len(people) < 2 * len(members):
            continue
        for m in members:
            if m.label_ != "PERSON" and all(t.is_title for t in m) and not gazetteer.label_of(m.text):
                relabel[(m.start, m.end)] = Span(doc, m.start, m.end, label="PERSON")
        # Untagged conjuncts of the list: "Poseidon", "Shane Bond".
        for token in doc[root_i].conjuncts:
            if token.i in ent_at or not token.is_title or token.pos_ != "PROPN":
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title and start - 1 not in ent_at:
                start -= 1
            added.append(Span(doc, start, token.i + 1, label="PERSON"))
    out = [relabel.get((e.start, e.end), e) for e in ents]
    taken = {i for e in out for i in range(e.start, e.end)}
    out += [a for a in added if not any(i in taken for i in range(a.start, a.end))]
    return out


def person_parts(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """A single word of a full PERSON name elsewhere in the article is that person."""
    parts: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) > 1:
            words = [t for t in e if t.is_alpha and len(t) > 1 and (t.is_title or t.is_upper)]
            if words:
                parts.add(words[-1].lower_)
    if not parts:
        return ents
    out = []
    for e in ents:
        if e.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"} and len(e) == 1 and e.text.lower() in parts \
                and not gazetteer.is_country(e.text):  # fmt: skip
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def propagate(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Tag untagged occurrences of names (and surnames) the article has tagged elsewhere."""
    known: dict[tuple[str, ...], str] = {}
    for e in ents:
        if e.label_ in PROPAGATE_LABELS and len(e.text) >= MIN_PROPAGATE_CHARS and any(t.is_alpha for t in e):
            known.setdefault(tuple(t.text for t in e), e.label_)
            if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title and len(e[-1]) >= MIN_PROPAGATE_CHARS:
                known.setdefault((e[-1].text,), "PERSON")
            # "Detroit Pistons" ... "the Pistons": a team or group is named by its plural last word.
            if e.label_ == "ORG" and len(e) > 1 and e[-1].tag_ == "NNPS" and e[-1].is_title:
                known.setdefault((e[-1].text,), "ORG")
        # "Mozilla Firefox 1.0" ... "Firefox": a product is named without maker or version.
        if e.label_ == "PRODUCT" and len(e) > 1:
            # the word before the version number: "Firefox" in "Mozilla Firefox 1.0", "Delta" in
            # "Delta 4 Heavy"
            number = next((t.i for t in e if any(c.isdigit() for c in t.text)), None)
            words = [t for t in e if t.is_alpha and t.is_title and (number is None or t.i < number)]
            if number is not None and words and len(words[-1]) >= MIN_PROPAGATE_CHARS:
                known.setdefault((words[-1].text,), "PRODUCT")
    if not known:
        return ents
    # "the Pacers" after "the Indiana Pacers": the team, whatever the model made of it.
    teams = {key[0] for key, label in known.items() if label == "ORG" and len(key) == 1}
    ents = [
        Span(doc, e.start, e.end, label="ORG") if len(e) == 1 and e.text in teams and e[0].tag_ == "NNPS"
        and e.label_ in {"PERSON", "NORP", "GPE"} else e
        for e in ents
    ]  # fmt: skip
    products = {key[0] for key, label in known.items() if label == "PRODUCT"}
    ents = [
        Span(doc, e.start, e.end, label="PRODUCT") if len(e) == 1 and e.text in products and e.label_ in {"PERSON", "ORG"} else e
        for e in ents
    ]  # fmt: skip
    taken = {i for e in ents for i in range(e.start, e.end)}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in known:
        by_first[key[0]].append(key)
    out = list(ents)
    for i in find_words(doc, by_first, "ORTH"):
        token = doc[i]
        if token.i in taken or not (token.is_title or token.is_upper):
            continue
        for key in sorted(by_first[token.text], key=len, reverse=True):
            end = token.i + len(key)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == key and not any(
                i in taken for i in range(token.i, end)
            ):
                if len(key) == 1 and token.is_sent_start and token.pos_ not in {"PROPN"}:
                    break  # a capitalised sentence opener: weak evidence
                out.append(Span(doc, token.i, end, label=known[key]))
                taken.update(range(token.i, end))
                break
    return out
