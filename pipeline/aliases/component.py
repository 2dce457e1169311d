"""The aliases stage: acronyms, short names and entity ids.

``news_aliases`` groups the mentions of one entity under one ``entity_id`` ("E1", "E2", ... in
order of first mention) and names each entity by its fullest mention (``doc._.canonical``).

- Acronym definitions, in both orders: "Council of Foreign Ministers (CFM)" and
  "CFM (Council of Foreign Ministers)". The long form is found with the algorithm of
  Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
  biomedical text": walk the short form's characters right to left, matching each to a
  character of the candidate long form, the first character of the short form to the start of
  a word. The long form becomes one entity (replacing the model's pieces of it) and every later
  occurrence of the short form becomes a mention of it.
- Another name set right after a name: "United Network for Organ Sharing, or UNOS",
  "Korean People's Army [KPA]", "NORAD (North American Aerospace Defence Command)" (an acronym
  its long form spells, by Schwartz & Hearst's match), "Plaza de España (Spain Square)" (a
  place's name translated in brackets). Both names are already entities; they become one.
- Later mentions of a person by surname ("Bakayev" after "Alibek Bakayev").
- Mentions with the same normalised text (case, hyphens, "the", possessive).

Every pair of names found goes to ``doc._.alias_pairs`` with the form that gave it:
``"defined"`` (an acronym definition), ``"apposed"`` (a name after a name) or ``"translated"``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..core.errors import ConfigError
from ..core.intervals import Taken
from ..core.text import normalise
from ..core.extensions import EVENTS_KEY, TEMPORAL_KEY, register_extensions
from ..core.schema import TEMPORAL_LABELS

NOT_ENTITY_LABELS = TEMPORAL_LABELS | {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]*[A-Z0-9]$")
# Tokens after a name that may open another name of it: "X, or Y", "X or Y", "X [Y]", "X (Y)".
ALIAS_OPENERS = frozenset({",", "or", "[", "("})


def find_long_form(short: str, words: list[str]) -> int | None:
    """Return how many of the trailing ``words`` form the long form of ``short``, or ``None``.

    Schwartz & Hearst (2003), Figure 2: match the short form's characters from the right, each
    to an earlier character of the long form; the short form's first character must start a
    word. Only letters and digits of the short form count.
    """
    chars = [c.lower() for c in short if c.isalnum()]
    if len(chars) < 2:
        return None
    text = " ".join(words).lower()
    s_index, l_index = len(chars) - 1, len(text) - 1
    while s_index >= 0:
        c = chars[s_index]
        while l_index >= 0 and (
            text[l_index] != c or (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    n_words = len(text[l_index + 1 :].split())
    # S&H bound the long form to min(|A| + 5, 2|A|) words.
    if n_words > min(len(chars) + 5, 2 * len(chars)):
        return None
    return n_words


FUNCTION_WORDS = {"of", "and", "the", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&", "a", "an"}


def find_long_form_by_initials(short: str, words: list[str]) -> int | None:
    """Return how many trailing ``words`` form the long form when the short form's letters are
    the initials of its words, or ``None``.

    Letters are matched right to left to the initials of the words (and of the parts of
    hyphenated words, which arrive as separate tokens); function words may be skipped, and the
    last letter must be the initial of the last content word. This finds "Conference on
    Interaction and Confidence-Building Measures in Asia" for CICA, where Schwartz & Hearst's
    shortest match stops at "Confidence-Building Measures in Asia".
    """
    letters = [c.lower() for c in short if c.isalpha()]
    if len(letters) < 2 or len(letters) != sum(c.isalnum() for c in short):
        return None
    content = [i for i, w in enumerate(words) if w[:1].isalnum()]
    if not content or words[content[-1]][:1].lower() != letters[-1]:
        return None
    li = len(letters) - 1
    first = None
    for i in reversed(content):
        if li < 0:
            break
        if words[i][:1].lower() == letters[li]:
            first = i
            li -= 1
    if li >= 0 or first is None:
        return None
    n_content = sum(1 for i in content if i >= first and words[i].lower() not in FUNCTION_WORDS)
    if n_content > min(len(letters) + 5, 2 * len(letters)):
        return None
    return len(words) - first


class _Groups:
    """Union-find over mention offsets; a group's root is its earliest mention."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, key: tuple[int, int]) -> tuple[int, int]:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class AliasResolver:
    """Find acronym definitions and give every entity mention its entity id."""

    def __init__(self, *, max_long_form_words: int = 12) -> None:
        if isinstance(max_long_form_words, bool) or not isinstance(max_long_form_words, int) or max_long_form_words < 1:
            raise ConfigError(f"news_aliases: max_long_form_words must be a whole number >= 1, not {max_long_form_words!r}")
        self.max_long_form_words = max_long_form_words

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        pairs = list(self._acronym_definitions(doc))
        events = list(doc.spans[EVENTS_KEY]) if EVENTS_KEY in doc.spans else []
        if pairs:
            ents = self._apply_definitions(doc, ents, pairs)
            # "Conference" in "Conference on Interaction and ... (CICA)" heads a name, not an event.
            longs = [long for _, long in pairs]
            events = [e for e in events if not any(l.start <= e.end - 1 < l.end for l in longs)]
            if TEMPORAL_KEY in doc.spans:  # dates a definition swallowed leave with their entity
                kept = {(e.start, e.end) for e in ents}
                doc.spans[TEMPORAL_KEY] = [s for s in doc.spans[TEMPORAL_KEY] if (s.start, s.end) in kept]
        defined = {(s.start, s.end, l.start, l.end) for s, l in pairs}
        forms = ["defined"] * len(pairs)
        for short, long, form in self._apposed_aliases(doc, ents):
            if (short.start, short.end, long.start, long.end) not in defined:
                pairs.append((short, long))
                forms.append(form)
        ids, canonical = self._cluster(doc, ents, events, pairs)
        doc.ents = [Span(doc, e.start, e.end, label=e.label, span_id=ids.get((e.start, e.end), "")) for e in ents]
        if EVENTS_KEY in doc.spans:
            doc.spans[EVENTS_KEY] = [
                Span(doc, e.start, e.end, label=e.label, span_id=ids.get((e.start, e.end), "")) for e in events
            ]
        doc._.canonical = canonical
        doc._.alias_pairs = [
            {"short": [s.start_char, s.end_char], "long": [l.start_char, l.end_char], "form": form}
            for (s, l), form in zip(pairs, forms)
        ]
        return doc

    def _acronym_definitions(self, doc: Doc) -> Iterator[tuple[Span, Span]]:
        """Yield ``(short, long)`` token spans for "long (SHORT)" and "SHORT (long)".

        When the letters do not match (an acronym from another language: "Austrian Social
        Democrat Party (SPOE)"), a name that ends right before the bracket is the long form,
        unless it is a place.
        """
        # A place right before a bracketed acronym is a dateline's ("NEW ORLEANS (AP)",
        # "SEOUL, South Korea (AP)"), not a long form spelt in another language.
        name_ending_at = {e.end: e for e in doc.ents if e.label_ not in NOT_ENTITY_LABELS | PLACE_LABELS and e.label_ != "TITLE"}
        if not len(doc):
            return
        brackets = np.flatnonzero(doc.to_array("ORTH") == doc.vocab.strings.add("(")).tolist()
        for token in (doc[i] for i in brackets):  # only the brackets, not every token
            if token.i + 2 >= len(doc):
                continue
            inner = doc[token.i + 1]
            one_word = doc[token.i + 2].text == ")"
            if one_word and ACRONYM.match(inner.text) and sum(c.isupper() for c in inner.text) >= 2:
                start = max(token.sent.start, token.i - self.max_long_form_words)
                words = [t.text for t in doc[start : token.i]]
                # Word initials first; then a name ending at the bracket (the model's boundary is
                # better than a character match); then Schwartz & Hearst's character match.
                n = find_long_form_by_initials(inner.text, words)
                long_span = self._token_span_for_words(doc, token.i, n) if n else None
                if long_span is None and token.i in name_ending_at and len(name_ending_at[token.i]) > 1:
                    long_span = name_ending_at[token.i]
                if long_span is None:
                    n = find_long_form(inner.text, words)
                    long_span = self._token_span_for_words(doc, token.i, n) if n else None
                if long_span is not None:
                    yield doc[inner.i : inner.i + 1], long_span
            elif not one_word and token.i > 0 and ACRONYM.match(doc[token.i - 1].text):
                # "CFM (Council of Foreign Ministers)": the long form is inside the brackets.
                close = next((t.i for t in doc[token.i + 1 : token.i + 15] if t.text == ")"), None)
                if close is not None:
                    words = [t.text for t in doc[token.i + 1 : close]]
                    n_words = len(" ".join(words).split())
                    short_text = doc[token.i - 1].text
                    if n_words in {find_long_form_by_initials(short_text, words), find_long_form(short_text, words)}:
                        yield doc[token.i - 1 : token.i], doc[token.i + 1 : close]

    @staticmethod
    def _apposed_aliases(doc: Doc, ents: list[Span]) -> Iterator[tuple[Span, Span, str]]:
        """Yield ``(short, long, form)`` for a name set right after another name of it.

        "United Network for Organ Sharing, or UNOS", "Korean People's Army [KPA]": an acronym
        whose letters the name before it spells. "NORAD (North American Aerospace Defence
        Command)": the long form in brackets. "Plaza de España (Spain Square)": a place's name
        translated in brackets.
        """
        n = len(doc)
        ent_of: list[Span | None] = [None] * n
        for e in ents:
            for i in range(e.start, e.end):
                ent_of[i] = e
        for ent in ents:
            k = ent.end
            if k >= n or doc[k].lower_ not in ALIAS_OPENERS:
                continue
            for opener, closer in ((",", None), ("or", None), ("[", "]"), ("(", ")")):
                i = k
                if opener == "," and i + 1 < n and doc[i].text == "," and doc[i + 1].lower_ == "or":
                    i += 2
                elif doc[i].text == opener:
                    i += 1
                else:
                    continue
                other = ent_of[i] if i < n else None
                if other is None or other == ent or (closer and doc[other.end : other.end + 1].text != closer):
                    continue
                if opener != "(" and ACRONYM.match(other.text) and find_long_form(other.text, [t.text for t in ent]) is not None:
                    yield other, ent, "apposed"
                elif opener == "(" and ACRONYM.match(ent.text) and find_long_form(ent.text, [t.text for t in other]) is not None:
                    yield ent, other, "apposed"
                elif opener == "(" and other.label_ == ent.label_ == "FAC" and not ACRONYM.match(other.text):
                    yield other, ent, "translated"

    @staticmethod
    def _token_span_for_words(doc: Doc, end: int, n_words: int) -> Span | None:
        words = 0
        start = end
        while start > 0 and words < n_words:
            start -= 1
            words += len(doc[start].text.split()) if not doc[start].is_space else 0
        span = doc[start:end]
        # A long form of a name starts at a capital: "the country's National Elections Committee"
        # gives "National Elections Committee".
        if any(t.is_title or t.is_upper for t in span):
            while len(span) > 1 and not (span[0].is_title or span[0].is_upper or span[0].text[:1].isdigit()):
                span = span[1:]
        while len(span) and span[0].lower_ in {"the", "a", "an"}:
            span = span[1:]
        return span if len(span) else None

    @staticmethod
    def _apply_definitions(doc: Doc, ents: list[Span], pairs: list[tuple[Span, Span]]) -> list[Span]:
        new: list[Span] = []
        # Read once and indexed, not scanned once per pair: the positions of each word, and the
        # entities (sorted, non-overlapping, so their ends are sorted too) by their ends.
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(doc):
            positions.setdefault(token.text, []).append(i)
        ends = [e.end for e in ents]
        for short, long in pairs:
            overlapping = []
            for e in ents[bisect_right(ends, long.start) :]:
                if e.start >= long.end:
                    break
                overlapping.append(e)
            labels = [e.label_ for e in overlapping if e.label_ not in NOT_ENTITY_LABELS]
            label = max(set(labels), key=labels.count) if labels else "ORG"
            if any(e.label_ == "ORG" for e in overlapping):
                label = "ORG"
            new.append(Span(doc, long.start, long.end, label=label))
            new.append(Span(doc, short.start, short.end, label=label))
            for i in positions.get(short.text, []):
                if i != short.start:
                    new.append(Span(doc, i, i + 1, label=label))
        # Definitions win over the model's pieces of the long form and over its guess of
        # the short form's label.
        taken = Taken(len(doc), ((n.start, n.end) for n in new))
        kept = [e for e in ents if not taken.overlaps(e.start, e.end)]
        return sorted(filter_spans(new) + kept, key=lambda e: e.start)

    @staticmethod
    def _cluster(
        doc: Doc, ents: list[Span], events: list[Span], pairs: list[tuple[Span, Span]]
    ) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
        # Every mention gets an id; numbers and amounts are each their own entity.
        mentions = [e for e in ents if e.label_ not in TEMPORAL_LABELS] + events
        mentions.sort(key=lambda e: (e.start, e.end))
        groups = _Groups()
        parent, find, union = groups.parent, groups.find, groups.union

        by_text: dict[tuple[str, str], tuple[int, int]] = {}
        # Earlier mentions by (label, word): a mention can only shorten a name that holds its
        # first word, so only those are searched (not every earlier mention).
        seen: dict[tuple[str, str], list[Span]] = {}
        by_norm: dict[str, list[tuple[int, int]]] = {}
        for m in mentions:
            key = (m.start, m.end)
            parent[key] = key
            by_norm.setdefault(normalise(m.text), []).append(key)
            if m.label_ in NOT_ENTITY_LABELS:
                continue
            norm = (m.label_, normalise(m.text))
            words = _words(m)
            if norm in by_text:
                union(by_text[norm], key)
            else:
                by_text[norm] = key
                earlier = _shortened_form_of(m, seen.get((m.label_, words[0]), []) if words else [])
                if earlier is not None:
                    union((earlier.start, earlier.end), key)
            for word in set(words):
                seen.setdefault((m.label_, word), []).append(m)
        for short, long in pairs:
            a, b = (short.start, short.end), (long.start, long.end)
            if a in parent and b in parent:
                union(a, b)
                for other in by_norm.get(normalise(short.text), []):
                    union(a, other)

        ids: dict[tuple[int, int], str] = {}
        names: dict[tuple[int, int], str] = {}
        canonical: dict[str, str] = {}
        for m in mentions:
            root = find((m.start, m.end))
            if root not in names:
                names[root] = f"E{len(names) + 1}"
            entity_id = names[root]
            ids[(m.start, m.end)] = entity_id
            best = canonical.get(entity_id, "")
            text = m.text
            if (len(text.split()), len(text)) > (len(best.split()), len(best)):
                canonical[entity_id] = text
        return ids, canonical


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if t.is_alpha and t.lower_ not in FUNCTION_WORDS]


def _shortened_form_of(mention: Span, earlier: list[Span]) -> Span | None:
    """The most recent earlier mention that ``mention`` shortens, or ``None``.

    - PERSON: a one-word mention of a full name's surname or given name ("Bakayev");
    - ORG, FAC, LAW, EVENT: the mention's words are the longer name's last words, or all of its
      words are in it ("Council" after "Ministerial Council", "Committee" after "Committee of
      Senior Officials"); for EVENT only a bare head ("meeting" after "online meeting").
    """
    words = _words(mention)
    if not words:
        return None
    for other in reversed(earlier):
        if other.label_ != mention.label_ or len(other) <= len(mention):
            continue
        other_words = _words(other)
        if mention.label_ == "PERSON":
            if len(mention) == 1 and mention.text.istitle() and words[0] in other_words:
                return other
        elif mention.label_ == "EVENT":
            if len(mention) == 1 and other[-1].lower_ == mention[-1].lower_:
                return other
        elif mention.label_ in {"ORG", "FAC", "LAW"}:
            if other_words[-len(words):] == words or (len(words) == 1 and mention[0].is_title and words[0] in other_words):
                return other
    return None


@Language.factory(
    "news_aliases",
    assigns=["doc.ents", "doc._.canonical", "doc._.alias_pairs"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"max_long_form_words": 12},
)
def make_aliases(nlp: Language, name: str, *, max_long_form_words: int) -> AliasResolver:
    register_extensions()
    return AliasResolver(max_long_form_words=max_long_form_words)
