"""Document-level evidence for names: one name, one label, every mention found.

A news article names its people, teams and places several times, and the model tags each
mention on its own local context, so it tags "Duran" PERSON in one sentence and GPE in the
next, and misses the surname after the full name. These rules use the whole document:

- a single word that is part of a person's full name elsewhere in the article is that person
  ("Bakayev" after "Alibek Bakayev", "Washington" after "MaliVai Washington");
- label voting: the mentions of one text take the label most of them have;
- propagation: later untagged occurrences of a name the article has tagged are tagged too.

(Teams named in results tables are read by :mod:`newsie.entities.layouts`.) This is the
document-level consistency of Krishnan & Manning (2006), "An effective two-stage
model for exploiting non-local dependencies in named entity
recognition", as rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer
from ..core.lexicon import find_words
from .repairs import NAME_LABELS

PROPAGATE_LABELS = {"PERSON", "ORG", "GPE", "LOC"}
# Capitalised words that start sentences and headlines but are never names on their own.
MIN_PROPAGATE_CHARS = 3


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
