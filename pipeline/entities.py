"""The entities stage: titles, span and label repairs, dateline places, event mentions.

``news_entities`` runs after the model's ``ner``. It

1. repairs the model's spans: no leading determiner, no trailing punctuation, no possessive;
2. repairs known label confusions (a nationality adjective tagged LAW or ORG becomes NORP);
3. adds the dateline's all-caps places as GPE ("BAKU, Azerbaijan" -> BAKU, Azerbaijan);
4. adds TITLE entities (offices, ranks, roles) from a gazetteer and compositional patterns
   ("Deputy Foreign Minister", "Ambassador-at-Large", "Secretary General");
5. writes event mentions (meetings, summits, elections, visits, ...) to ``doc.spans["events"]``,
   as noun phrases without determiner: "seventh meeting", "last Summit", "CSO meeting".

DATE and TIME entities stay in ``doc.ents`` for the dates stage to read.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import ConfigError
from .extensions import DATELINE_KEY, EVENTS_KEY, register_extensions

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
TRAILING_PUNCT = {"(", ")", ",", ".", ";", ":", "-", "—", "–", "'", '"', "“", "”", "‘", "’", "'s", "’s", "s'"}
LEADING_PUNCT = {"(", ")", ",", ";", ":", "-", "—", "–", '"', "“", "”", "‘", "’", "'"}
LAW_WORDS = {
    "act", "law", "laws", "treaty", "constitution", "code", "convention", "charter", "agreement",
    "accord", "accords", "declaration", "amendment", "bill", "protocol", "resolution", "statute",
    "directive", "regulation", "pact",
}  # fmt: skip
EVENT_NOUNS = {
    "meeting", "summit", "session", "conference", "talks", "negotiations", "election",
    "elections", "referendum", "visit", "rally", "ceremony", "launch", "funeral", "match",
    "forum", "congress", "games", "olympics", "festival", "tournament", "championship",
    "cup", "inauguration", "parade", "protest", "protests", "demonstration", "vote", "poll",
    "hearing", "trial", "expo", "exhibition", "celebration", "race", "debate", "assembly",
}  # fmt: skip
EVENT_MODIFIER_DEPS = {"amod", "compound", "nummod", "nmod", "npadvmod", "poss", "advmod", "quantmod"}


def load_title_words() -> dict:
    with resources.files("pipeline").joinpath("data/title_words.json").open(encoding="utf-8") as f:
        return json.load(f)


def load_title_phrases() -> list[str]:
    text = resources.files("pipeline").joinpath("data/titles.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def trim_span(span: Span) -> Span | None:
    """Drop leading determiners and punctuation and trailing punctuation and possessives."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in LEADING_PUNCT or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in TRAILING_PUNCT or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label, span_id=span.id)


class EntityRepairer:
    """Repair the model's entities and add TITLE entities and event mentions.

    Args:
        vocab: the pipeline's vocab (for the matchers).
        tokenizer: the pipeline's tokenizer (title phrases are tokenised as text is).
        titles: add TITLE entities.
        events: write event mentions to ``doc.spans["events"]``.
    """

    def __init__(self, vocab, tokenizer, *, titles: bool = True, events: bool = True) -> None:
        self.titles = titles
        self.events = events
        words = load_title_words()
        self.ambiguous_lowercase = set(words["ambiguous_lowercase"])
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.phrase_matcher.add("TITLE", [tokenizer(p) for p in load_title_phrases()])
        self.matcher = Matcher(vocab)
        modifiers = [w for w in words["modifiers"] if not w.endswith("-")]
        heads = words["heads"]
        self.matcher.add(
            "TITLE",
            [
                [{"LOWER": {"IN": modifiers}, "OP": "*"}, {"LOWER": {"IN": heads}}],
                # "Vice-President", "Deputy-Director": hyphenated compounds are split tokens.
                [{"LOWER": {"IN": modifiers}}, {"ORTH": "-"}, {"LOWER": {"IN": heads}}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        ents = [s for e in doc.ents if (s := trim_span(e)) is not None]
        ents = [self._repair_label(e) for e in ents]
        ents = [e for e in ents if e is not None]
        ents = self._add_dateline_places(doc, ents)
        if self.titles:
            ents = self._add_titles(doc, ents)
        doc.ents = filter_spans(ents)
        if self.events:
            doc.spans[EVENTS_KEY] = list(self._event_mentions(doc))
        return doc

    @staticmethod
    def _repair_label(ent: Span) -> Span | None:
        # The model tags "the Azerbaijani Chairmanship" as LAW: a LAW must name a law.
        if ent.label_ == "LAW" and not any(t.lower_ in LAW_WORDS for t in ent):
            if ent[0].tag_ in {"JJ", "NNP", "NNPS"} and ent[0].ent_iob_ and ent[0].is_title and len(ent) > 1:
                return Span(ent.doc, ent.start, ent.start + 1, label="NORP")
            return None
        return ent

    @staticmethod
    def _add_dateline_places(doc: Doc, ents: list[Span]) -> list[Span]:
        if DATELINE_KEY not in doc.spans:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = list(ents)
        for place in doc.spans[DATELINE_KEY]:
            start = place.start
            for i in range(place.start, place.end + 1):
                if i == place.end or doc[i].text == ",":
                    part = doc[start:i]
                    if len(part) and not any(t.i in taken for t in part):
                        out.append(Span(doc, part.start, part.end, label="GPE"))
                    start = i + 1
        return out

    def _add_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        matches = [Span(doc, s, e, label="TITLE") for _, s, e in self.phrase_matcher(doc)]
        matches += [Span(doc, s, e, label="TITLE") for _, s, e in self.matcher(doc)]
        titles = [t for t in filter_spans(matches) if self._is_title(t)]
        out: list[Span] = []
        blocked: set[int] = set()
        for ent in ents:
            inside = [t for t in titles if t.start >= ent.start and t.end <= ent.end]
            if ent.label_ == "PERSON" and inside and inside[0].start == ent.start:
                # "Deputy Foreign Minister Alibek Bakayev" tagged whole as PERSON.
                rest = inside[-1].end
                if rest < ent.end:
                    out.append(Span(doc, rest, ent.end, label="PERSON"))
                continue
            if inside and ent.label_ in {"NORP", "GPE", "ORG"} and any(
                t.start <= ent.start and ent.end <= t.end for t in titles
            ):
                continue  # "Foreign" inside "Foreign Minister" is not a NORP
            out.append(ent)
            if ent.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
                blocked.update(range(ent.start, ent.end))
        for title in titles:
            if not any(i in blocked for i in range(title.start, title.end)):
                out.append(title)
        return out

    def _is_title(self, span: Span) -> bool:
        head = span[-1]
        if head.tag_ in {"NNS", "NNPS"}:
            return False
        if len(span) == 1 and head.lower_ in self.ambiguous_lowercase and head.is_lower:
            # "in general", "a major city": lowercase only next to a name.
            doc = span.doc
            after = doc[span.end] if span.end < len(doc) else None
            return after is not None and after.ent_type_ == "PERSON"
        if head.pos_ not in {"NOUN", "PROPN"}:
            return False
        return True

    @staticmethod
    def _event_mentions(doc: Doc) -> Iterable[Span]:
        for token in doc:
            if token.lower_ not in EVENT_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            left = [
                t for t in token.lefts if t.dep_ in EVENT_MODIFIER_DEPS and t.lower_ not in DETERMINERS
            ]
            start = min([t.left_edge.i for t in left] + [token.i])
            while start < token.i and (
                doc[start].lower_ in DETERMINERS or doc[start].dep_ in {"det", "poss", "case"}
                or doc[start].is_punct
            ):
                start += 1
            # A generic plural with no modifier is no specific event ("elections are ...").
            if start == token.i and token.tag_ == "NNS" and not any(t.dep_ == "det" for t in token.lefts):
                continue
            yield Span(doc, start, token.i + 1, label="EVENT")


@Language.factory(
    "news_entities",
    assigns=["doc.ents", "doc.spans"],
    requires=["doc.ents", "token.pos", "token.dep"],
    default_config={"titles": True, "events": True},
)
def make_entities(nlp: Language, name: str, *, titles: bool, events: bool) -> EntityRepairer:
    register_extensions()
    if not isinstance(titles, bool) or not isinstance(events, bool):
        raise ConfigError("news_entities: titles and events must be true or false")
    return EntityRepairer(nlp.vocab, nlp.tokenizer, titles=titles, events=events)
