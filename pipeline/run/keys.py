"""Corpus-wide entity keys and the casing of canonical names.

``entity_key`` names an entity across articles and runs: ``<label>:<digest>``, where the digest
is the first 12 hex digits of the SHA-1 of ``label + "\\x1f" + normal form of the key name``.
A hash rather than a slug because a slug of a long name ("Conference on Interaction and
Confidence-Building Measures in Asia") makes a long, unwieldy join column and a slug of a
non-Latin name loses its letters; the label prefix keeps the key readable and keeps
"Washington" the place apart from "Washington" the person. The key depends on nothing but the
label and the name, so it is the same in every article and every run (no counter, no corpus
state).

The key name is the entity's acronym when the article gives it one (an all-capital mention of an
ORG, such as "CICA" for "Conference on Interaction and ..."), else its canonical name: an
article that names the organisation only by its acronym then gets the same key as one that
spells it out, which is how :mod:`newsie.run.entity_index` merges them.

Canonical casing: a headline or a dateline writes names in capitals ("WASHINGTON"); the name a
table keeps is the one in running text ("Washington") when the article has it, else the
capitals turned to title case when they spell a word rather than an acronym.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

from ..core.text import normalise as _normalise

KEY_DIGITS = 12
# Numbers and amounts are no entities across a corpus; nor is a name without a capital letter
# (an event mention such as "meeting", the same word in every article): they get no key.
AMOUNT_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
# Labels whose all-capital mention is an acronym worth keying on ("CICA", "NATO").
ACRONYM_LABELS = {"ORG"}
# Labels whose names in capitals are words set in capitals, not acronyms ("WASHINGTON", "EVELYNE MUSAMBI").
WORD_LABELS = {"PERSON", "GPE", "LOC", "FAC", "NORP"}
# A word of capitals this long, with a vowel after its first letter, is no acronym ("PARIS",
# "WASHINGTON"; "USA", "UAE", "USSR" and "UNGA" are acronyms). In a dateline or a headline,
# where every word is in capitals, four letters do ("BAKU", "OSLO").
MIN_WORD_LETTERS = 5
MIN_HEADING_LETTERS = 4
VOWELS = set("AEIOUY")


def normal_name(name: str) -> str:
    """A name as compared across articles: lower case, no leading article, no full stops."""
    return _normalise(name).replace(".", "")


def entity_key(label: str, name: str) -> str:
    """The corpus-wide key of an entity: ``ORG:1a2b3c4d5e6f`` (see the module docstring); ``""``
    for an amount or a name without a capital letter, which no corpus-wide row stands for."""
    if label in AMOUNT_LABELS or not any(c.isupper() for c in name):
        return ""
    digest = hashlib.sha1(f"{label}\x1f{normal_name(name)}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"{label}:{digest[:KEY_DIGITS]}"


def key_of(label: str, canonical: str, mentions: Iterable[str]) -> str:
    """The entity_key of an article's entity from its label, canonical name and mention texts:
    ``""`` when its canonical name has no capital letter, even if an acronym stands for it."""
    if not any(c.isupper() for c in canonical):
        return ""
    return entity_key(label, key_name(label, canonical, mentions))


def is_acronym(name: str) -> bool:
    """"CICA", "U.N.": capitals (and full stops), no space, more than one letter."""
    letters = name.replace(".", "")
    return len(letters) > 1 and letters.isalpha() and letters.isupper() and " " not in name


def key_name(label: str, canonical: str, mentions: Iterable[str]) -> str:
    """The name an entity is keyed on: an ORG's acronym when it has one, else its canonical name."""
    if label in ACRONYM_LABELS and not is_acronym(canonical):
        acronyms = sorted({m for m in mentions if is_acronym(m)})
        if acronyms:
            return acronyms[0]
    return canonical


def cased(label: str, canonical: str, mentions: Iterable[str], *, heading: bool = False) -> str:
    """The canonical name in running-text case: "WASHINGTON" -> "Washington" (see above).

    ``heading``: a mention of the entity stands in the article's dateline or headline.
    """
    shortest = MIN_HEADING_LETTERS if heading else MIN_WORD_LETTERS
    if not _has_capital_word(canonical, shortest):
        return canonical
    target = normal_name(canonical)
    for mention in mentions:
        if mention != canonical and normal_name(mention) == target and not _has_capital_word(mention, shortest):
            return mention
    if label in WORD_LABELS:
        # The name is set in capitals: each of its words in capitals is a word ("ANITA SNOW").
        return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize() if _capital_word(m.group(), 2) else m.group(), canonical)
    return canonical


def _capital_word(word: str, shortest: int) -> bool:
    return word.isupper() and len(word) >= shortest and bool(VOWELS & set(word[1:]))


def _has_capital_word(name: str, shortest: int) -> bool:
    """Does the name hold a word of capitals that is no acronym?"""
    return any(_capital_word(w, shortest) for w in re.findall(r"[^\W\d_]+", name))
