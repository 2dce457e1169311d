"""Gazetteers shipped as data files: places, organisations, languages, honorifics, titles.

The files under ``pipeline/data/`` hold one name a line (``#`` starts a comment):

- ``countries.txt``, ``cities.txt`` (GPE), ``regions.txt`` (LOC), ``organisations.txt`` (ORG),
  ``events.txt`` (EVENT), ``norp.txt`` (NORP): names the model misses or mislabels, matched as
  whole tokens;
- ``name_heads.json``: words that end organisation and facility names ("Ministry", "Hotel"),
  name particles ("de", "bin"), units of measure and currency prefixes;
- ``languages.txt``: names that are languages as well as nationality adjectives;
- ``honorifics.txt``: courtesy titles ("Mr.", "Dr") that a PERSON span does not include;
- ``titles.txt`` and ``title_words.json``: offices and ranks (see :mod:`newsie.entities.titles`).

Names match case-sensitively as written, and in capitals too ("BAKU", "NEW ZEALAND") since
headlines, datelines and results tables are set in capitals. Acronyms of up to three letters
match only as written, so that the pronoun "US" in a headline in capitals is not the country.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import honorifics

PLACE_FILES = {
    "countries.txt": "GPE", "cities.txt": "GPE", "regions.txt": "LOC", "organisations.txt": "ORG",
    "events.txt": "EVENT", "norp.txt": "NORP",
}  # fmt: skip


def read_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a data file."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def read_json(name: str) -> dict:
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Gazetteer:
    """Names with their labels, plus the word lists the entity rules consult."""

    names: dict[str, str]  # name as written -> label
    countries: frozenset[str]
    languages: frozenset[str]
    honorifics: frozenset[str]
    heads: dict = field(default_factory=dict)
    lowered: dict[str, str] = field(default_factory=dict)  # lowercase name -> label

    def label_of(self, text: str) -> str:
        """The label of a name (as written or in capitals), or "" when it is not listed."""
        if text in self.names:
            return self.names[text]
        if text.isupper() and len(text) > 3:
            return self.lowered.get(text.lower(), "")
        return ""

    def is_country(self, text: str) -> bool:
        return text in self.countries or (text.isupper() and text.title() in self.countries)


# Demonyms whose country no suffix rule finds ("British" -> UK); the rules in
# :func:`countries_of_demonym` derive the rest ("Azerbaijani", "Tajik", "Chinese", "Turkish").
IRREGULAR_DEMONYMS = {
    "British": ("UK", "United Kingdom", "Britain", "Great Britain"), "American": ("US", "U.S.", "USA", "United States"),
    "French": ("France",), "Dutch": ("Netherlands",), "Swiss": ("Switzerland",), "Greek": ("Greece",),
    "Filipino": ("Philippines",), "Emirati": ("UAE", "United Arab Emirates"), "Saudi": ("Saudi Arabia",),
    "Kyrgyz": ("Kyrgyzstan", "Kyrgyz Republic"), "Slovak": ("Slovakia", "Slovak Republic"), "Czech": ("Czech Republic", "Czechia"),
    "Afghan": ("Afghanistan",), "Macedonian": ("North Macedonia", "Macedonia"), "Irish": ("Ireland",), "Norwegian": ("Norway",), "Finnish": ("Finland",), "Danish": ("Denmark",), "Swedish": ("Sweden",), "Spanish": ("Spain",),
}  # fmt: skip
DEMONYM_RULES = (("", ""), ("n", ""), ("i", ""), ("ian", ""), ("ese", "a"), ("ese", ""), ("ish", "ey"), ("ish", "and"), ("", "istan"), ("", "stan"), ("", "y"), ("an", ""), ("ean", "ea"), ("ian", "y"), ("ian", "e"), ("", "land"))


def countries_of_demonym(word: str, countries: frozenset[str]) -> list[str]:
    """The country names a nationality adjective stands for: "Azerbaijani" -> Azerbaijan,
    "Tajik" -> Tajikistan, "Chinese" -> China, "Russian" -> Russia, "Russian Federation"."""
    out = list(IRREGULAR_DEMONYMS.get(word, ()))
    for suffix, replacement in DEMONYM_RULES:  # the first rule that gives a country ("Nigerian": Nigeria, not Niger)
        if not out and word.endswith(suffix) and len(word) - len(suffix) >= 3:
            name = word[: len(word) - len(suffix)] + replacement
            if name in countries and name != word:
                out.append(name)
    # "Russian Federation", "Republic of Azerbaijan": longer names of the same country; a
    # qualified name is another country ("South Sudan", "Equatorial Guinea").
    out += [c for c in sorted(countries) if c not in out and (c.startswith(word + " ") or any(c.endswith(" of " + n) for n in out))]
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the data files once per process."""
    names: dict[str, str] = {}
    for file, label in PLACE_FILES.items():
        for name in read_lines(file):
            names.setdefault(name, label)
    countries = frozenset(read_lines("countries.txt"))
    lowered = {n.lower(): lab for n, lab in names.items() if len(n) > 3 or not n.isupper()}
    return Gazetteer(
        names=names,
        countries=countries,
        languages=frozenset(read_lines("languages.txt")),
        honorifics=honorifics(),
        heads=read_json("name_heads.json"),
        lowered=lowered,
    )


def name_matcher(vocab: Vocab, tokenizer: Tokenizer, gazetteer: Gazetteer) -> PhraseMatcher:
    """A matcher of the gazetteer's names as written and in capitals; match ids are labels."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    by_label: dict[str, list[Doc]] = {}
    for name, label in gazetteer.names.items():
        variants = {name}
        if len(name) > 3 and not name.isupper():
            variants.add(name.upper())
        by_label.setdefault(label, []).extend(tokenizer(v) for v in variants)
    for label, docs in by_label.items():
        matcher.add(label, docs)
    return matcher
