"""The entities stage: repairs, gazetteer names, titles, document consistency, event mentions.

``news_entities`` runs after the model's ``ner``. In order, it

1. repairs the model's spans and labels (:mod:`pipeline.repairs`): no leading determiner,
   courtesy title or possessor, no trailing punctuation, possessive, score or descriptor;
   LAW that names no law, listed countries and organisations, languages, adverbial "first";
   drops the section word of a headline in capitals ("CRICKET - ...");
2. splits credit lines into place, outlet and language (:mod:`pipeline.credit_lines`:
   "Bangkok Radio Thailand Network in Thai 1000 GMT"); adds names the model missed: the
   dateline's places ("BAKU, Azerbaijan"), the source and credited outlet of an attribution
   ("Trend reports via CICA"), gazetteer names
   (:mod:`pipeline.gazetteer`), "P. Simmons"-style names, the name after a title or honorific;
   relabels names by their context (:mod:`pipeline.names`): an age or an apposed role makes a
   person ("Holm, 53,"), so does being killed ("shot Lincoln"), an apposed place noun a place;
3. makes the document consistent (:mod:`pipeline.consistency`): teams in results lines,
   surnames, label voting, propagation of names to their untagged repeats;
4. adds TITLE entities (:mod:`pipeline.titles`);
5. writes event mentions to ``doc.spans["events"]`` (:mod:`pipeline.events`) and drops the
   numbers inside them ("seventh" in "seventh meeting" is part of the EVENT).

DATE and TIME entities stay in ``doc.ents`` for the dates stage to read.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .credit_lines import credit_line_spans
from .consistency import list_labels, person_parts, propagate, results_lines, team_labels, vote_labels
from ..core.errors import ConfigError
from .events import event_mentions, meeting_verbs
from ..core.extensions import DATELINE_KEY, EVENTS_KEY, get_dict, register_extensions
from ..core.gazetteer import Gazetteer, load_gazetteer, name_matcher
from .names import (
    amounts, awards, descriptor_orgs, extend_complements, head_names, named_days, split_team_player, ordinals, people_by_context, person_extents,
    place_appositions, places_by_apposition, untagged_people,
    replace_overlapping, versions_are_products,
)  # fmt: skip
from .repairs import Lines, abbreviation_periods, is_topic_label, person_words, repair_label, split_at_numbers, trim_span
from .titles import TitleFinder

NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY"}
INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\. ){1,2}[A-Z][a-z]+(?:['’-](?!s(?!\w))[A-Za-z]+)?(?!\w)")


class EntityRepairer:
    """Repair the model's entities; add names, TITLE entities and event mentions.

    Args:
        vocab: the pipeline's vocab (for the matchers).
        tokenizer: the pipeline's tokenizer (gazetteer phrases are tokenised as text is).
        titles: add TITLE entities.
        events: write event mentions to ``doc.spans["events"]``.
        gazetteer: add and relabel names from the packaged gazetteers.
        consistency: apply the document-level rules (teams, surnames, voting, propagation).
    """

    def __init__(
        self, vocab, tokenizer, *, titles: bool = True, events: bool = True, gazetteer: bool = True,
        consistency: bool = True,
    ) -> None:  # fmt: skip
        self.titles = titles
        self.events = events
        self.use_gazetteer = gazetteer
        self.consistency = consistency
        self.gazetteer: Gazetteer = load_gazetteer()
        self.names = name_matcher(vocab, tokenizer, self.gazetteer)
        self.title_finder = TitleFinder(vocab, tokenizer)
        self.honorifics = PhraseMatcher(vocab, attr="LOWER")
        self.honorifics.add("HON", [tokenizer(h) for h in self.gazetteer.honorifics])

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer if self.use_gazetteer else Gazetteer({}, frozenset(), frozenset(), self.gazetteer.honorifics)
        text = doc.text  # built from every token on each read: read it once
        lines = Lines(doc, text)
        score_lines = results_lines(doc, lines)

        def in_results_line(i: int) -> bool:
            return lines.of(i)[0] in score_lines

        particles = frozenset(self.gazetteer.heads.get("name_particles", []))
        ents = [
            s for e in doc.ents
            if (s := trim_span(e, gaz.honorifics, scores=in_results_line(e.start), particles=particles)) is not None
        ]  # fmt: skip
        ents = [part for e in ents for part in (split_at_numbers(e) if in_results_line(e.start) else [e])]
        ents = amounts(doc, ents, self.gazetteer)
        ents = versions_are_products(doc, ents, in_results_line)
        ents = descriptor_orgs(doc, ents, self.gazetteer)
        ents = place_appositions(doc, ents, self.gazetteer)
        ents = named_days(doc, ents)
        ents = awards(doc, ents)
        ents = split_team_player(doc, ents)
        people = person_words(ents)
        ents = [r for e in ents if (r := repair_label(e, gaz, people)) is not None and not is_topic_label(r, gaz, lines)]
        ents = self._replace(ents, credit_line_spans(doc, gaz, text))
        ents = self._relabel_or_add(ents, [p for p in self._dateline_places(doc) if not is_topic_label(p, gaz, lines)])
        ents = self._relabel_or_add(ents, self._attribution(doc, text))
        ents = self._add_initials(doc, ents, text)
        if self.use_gazetteer:
            ents = self._add(ents, [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.names(doc)])
            ents = replace_overlapping(ents, head_names(doc, ents, gaz), replaceable={"NORP", "GPE", "PERSON", "LOC", "FAC"})
            ents = extend_complements(doc, ents)
        if self.titles:
            ents = self.title_finder.merge(doc, ents)
            ents = self._people_after_titles(doc, ents)
        ents = places_by_apposition(people_by_context(doc, ents, self.gazetteer, self.title_finder.head_words), self.gazetteer)
        ents = self._add(ents, untagged_people(doc, ents, self.title_finder.head_words, text))
        if self.consistency:
            ents = team_labels(doc, ents, gaz, score_lines, lines)
            ents = person_parts(doc, ents, gaz)
            ents = list_labels(doc, filter_spans(ents), gaz)
            ents = vote_labels(ents, frozenset(self.gazetteer.heads.get("descriptors", [])))
            ents = propagate(doc, ents, gaz)
            ents = versions_are_products(doc, ents, in_results_line)  # propagated product names
        ents = self._add(ents, self._names_after(doc, ents))
        ents = person_extents(doc, filter_spans(ents), self.gazetteer)
        ents = abbreviation_periods(ents)
        ents = self._add(ents, self._bracketed_acronyms(doc, ents))
        ents = ordinals(doc, ents, text)
        ents = filter_spans(ents)
        if self.events:
            mentions = list(event_mentions(doc, ents))
            mentions = sorted([*mentions, *meeting_verbs(doc, ents, mentions)], key=lambda m: m.start)
            inside = {i for m in mentions for i in range(m.start, m.end)}
            ents = [e for e in ents if not (e.label_ in NUMERIC_LABELS and all(i in inside for i in range(e.start, e.end)))]
            doc.spans[EVENTS_KEY] = mentions
        doc.ents = ents
        return doc

    @staticmethod
    def _add(ents: list[Span], new: list[Span]) -> list[Span]:
        """Add the new spans that overlap no entity (the model's and earlier rules' win)."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = list(ents)
        for span in sorted(new, key=lambda s: (s.start, -len(s))):
            if not any(i in taken for i in range(span.start, span.end)):
                out.append(span)
                taken.update(range(span.start, span.end))
        return out

    @staticmethod
    def _replace(ents: list[Span], new: list[Span]) -> list[Span]:
        """Put the new spans in place of every entity they overlap."""
        if not new:
            return ents
        return [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)] + new

    @classmethod
    def _relabel_or_add(cls, ents: list[Span], new: list[Span]) -> list[Span]:
        """Add spans the article's layout vouches for (the dateline's places, the credited
        outlet): an entity of the same words takes their label ("DAYTON, Ohio (AP)": the model
        reads the capitals of "DAYTON" as an ORG and "AP" as a place), others are added where
        they overlap no entity."""
        by_span = {(s.start, s.end): s for s in new}
        out = [Span(e.doc, e.start, e.end, label=by_span[(e.start, e.end)].label) if (e.start, e.end) in by_span else e for e in ents]
        return cls._add(out, new)

    @staticmethod
    def _dateline_places(doc: Doc) -> list[Span]:
        """The dateline's places, split at commas: "BAKU, Azerbaijan" -> two GPE."""
        out: list[Span] = []
        for place in doc.spans[DATELINE_KEY] if DATELINE_KEY in doc.spans else []:
            start = place.start
            for i in range(place.start, place.end + 1):
                if i == place.end or doc[i].text == ",":
                    if i > start:
                        out.append(Span(doc, start, i, label="GPE"))
                    start = i + 1
        return out

    @staticmethod
    def _attribution(doc: Doc, text: str) -> list[Span]:
        """The source and credited outlet the cleaner read ("Trend reports via CICA") as ORG."""
        fields = get_dict(doc, "article")
        names = {fields.get("source", ""), fields.get("via", "")} - {""}
        out = []
        for name in names:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    out.append(Span(doc, span.start, span.end, label="ORG"))
        return out

    def _add_initials(self, doc: Doc, ents: list[Span], text: str | None = None) -> list[Span]:
        """"P. Simmons", "J. R. Ewing", "Ulrik B. Stenberg": initials and a capitalised surname (and
        a given name before them) are a person, whatever the model made of them (found in the
        text first: a regex over every token is slow)."""
        out = list(ents)
        for m in INITIALS.finditer(doc.text if text is None else text):
            span = doc.char_span(m.start(), m.end())
            if span is None:
                continue
            s, e = span.start, span.end
            if self.gazetteer.label_of(doc[e - 1].text) or doc[e - 1].ent_type_ in {"GPE", "NORP"}:
                continue  # "S. Korea"
            given = doc[s - 1] if s > 0 else None
            if given is not None and given.is_title and given.is_alpha and given.pos_ == "PROPN" and not given.is_stop \
                    and (given.ent_type_ in {"", "PERSON"} or any(x.start == s - 1 and x.end > s for x in out)) \
                    and given.lower_ not in self.gazetteer.honorifics \
                    and not (s > 1 and doc[s - 2].is_title):  # fmt: skip
                s -= 1  # "Ulrik B. Stenberg": a given name before the initials
            out = [x for x in out if not (x.start < e and s < x.end and x.label_ != "PERSON" or x.start >= s and x.end <= e)]
            if not any(x.start < e and s < x.end for x in out):
                out.append(Span(doc, s, e, label="PERSON"))
        return out

    def _people_after_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Deputy Jamil Murad": a capitalised name right after a title is a person, whatever
        label the model gave it (places and organisations follow no title directly)."""
        title_ends = {e.end for e in ents if e.label_ == "TITLE"}
        honorific_ends = {end for _, _, end in self.honorifics(doc)}
        # Surnames a title or honorific vouches for: "Ms. Atimadi" makes "Homira Atimadi" a person.
        vouched = {e[-1].text for e in ents if e.start in title_ends | honorific_ends and e[0].is_title}
        org_words = set(self.gazetteer.heads.get("ORG", [])) | set(self.gazetteer.heads.get("FAC", []))
        out = []
        for e in ents:
            if e.start in honorific_ends and e.label_ in {"GPE", "ORG", "NORP", "LOC", "FAC"} and e[0].is_title:
                e = Span(doc, e.start, e.end, label="PERSON")  # "Dr Maathai", "Mr. Nunes"
            elif e.label_ in {"GPE", "ORG", "NORP", "LOC", "FAC"} and 1 < len(e) <= 3 and e[-1].text in vouched \
                    and all(t.is_title for t in e) and not any(t.text in org_words for t in e) \
                    and not self.gazetteer.label_of(e.text):  # fmt: skip
                e = Span(doc, e.start, e.end, label="PERSON")
            elif e.start in title_ends and e.label_ in {"GPE", "ORG", "NORP", "LOC", "FAC"} and len(e) > 1 \
                    and all(t.is_title for t in e if t.is_alpha) and not self.gazetteer.label_of(e.text):  # fmt: skip
                e = Span(doc, e.start, e.end, label="PERSON")
            out.append(e)
        return out

    @staticmethod
    def _bracketed_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Austrian Social Democrat Party (SPOE)": an acronym in brackets right after a name is a
        mention of it, even when its letters come from another language."""
        ends = {e.end: e for e in ents if e.label_ in {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT"}}
        out = []
        for end, ent in ends.items():
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                inner = doc[end + 1]
                if inner.is_upper and inner.is_alpha and 2 <= len(inner) <= 8:
                    out.append(Span(doc, end + 1, end + 2, label=ent.label))
        return out

    def _names_after(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An untagged capitalised run right after a title or honorific names a person."""
        starts = [e.end for e in ents if e.label_ == "TITLE"]
        starts += [e for _, s, e in self.honorifics(doc)]
        out = []
        for i in starts:
            j = i
            while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].pos_ == "PROPN":
                j += 1
            if j > i:
                out.append(Span(doc, i, j, label="PERSON"))
        return out


@Language.factory(
    "news_entities",
    assigns=["doc.ents", "doc.spans"],
    requires=["doc.ents", "token.pos", "token.dep"],
    default_config={"titles": True, "events": True, "gazetteer": True, "consistency": True},
)
def make_entities(
    nlp: Language, name: str, *, titles: bool, events: bool, gazetteer: bool, consistency: bool
) -> EntityRepairer:
    register_extensions()
    for option, value in (("titles", titles), ("events", events), ("gazetteer", gazetteer), ("consistency", consistency)):
        if not isinstance(value, bool):
            raise ConfigError(f"news_entities: {option} must be true or false, not {value!r}")
    return EntityRepairer(nlp.vocab, nlp.tokenizer, titles=titles, events=events, gazetteer=gazetteer, consistency=consistency)
