"""The entities stage: the model's entities repaired by an ordered list of named passes.

``news_entities`` runs after the model's ``ner``. Its passes (:mod:`newsie.entities.passes`
declares the registry and the one order) in turn

1. repair the model's spans and labels (:mod:`newsie.entities.repairs`,
   :mod:`newsie.entities.names`): no leading determiner, courtesy title or possessor, no
   trailing punctuation, possessive, score or descriptor; amounts, versions, named days,
   awards; LAW that names no law, listed countries and organisations, languages;
2. read the layouts of some corpora (:mod:`newsie.entities.layouts`): results tables,
   section words of headlines in capitals, monitoring credit lines;
3. add names the model missed: the dateline's places ("BAKU, Azerbaijan"), the source and
   credited outlet the cleaner found ("Trend reports via CICA"), "P. Simmons"-style names,
   gazetteer names, names after a title or honorific, and relabel names by their context: an
   age or an apposed role makes a person ("Holm, 53,"), so does being killed ("shot Lincoln");
4. make the document consistent (:mod:`newsie.entities.consistency`): surnames, lists of
   people, label voting, propagation of names to their untagged repeats;
5. add TITLE entities (:mod:`newsie.entities.titles`);
6. write event mentions to ``doc.spans["events"]`` (:mod:`newsie.entities.events`), only
   those outside every name, and drop the numbers inside them.

DATE and TIME entities stay in ``doc.ents``; the dates stage reads them there.

Config (``[components.news_entities]``): ``titles``, ``events``, ``gazetteer``, ``consistency``
switch a group of passes off; ``skip_passes`` lists passes to switch off; ``passes`` (null: all)
lists the only passes to run. Names are checked when the pipeline is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..core.errors import ConfigError
from ..core.extensions import register_extensions
from .passes import EntityPass, PassContext, Resources
from .registry import select_passes


class EntityRepairer:
    """Run the selected entity passes over each doc.

    Args:
        vocab: the pipeline's vocab (for the matchers).
        tokenizer: the pipeline's tokenizer (gazetteer phrases are tokenised as text is).
        titles, events, gazetteer, consistency: switch the passes of that group on or off;
            ``gazetteer = false`` also hides the listed names from the other passes.
        passes: the only passes to run (null: all), in :data:`ORDER` whatever their order here.
        skip_passes: passes to switch off.

    The resources (gazetteer, matchers, title lists) are built by :meth:`initialize`, which
    ``nlp.initialize()`` calls; ``spacy.load`` does not, so the first doc builds them when
    :meth:`initialize` has not run.
    """

    def __init__(
        self, vocab: Vocab, tokenizer: Tokenizer, *, titles: bool = True, events: bool = True, gazetteer: bool = True,
        consistency: bool = True, passes: list[str] | None = None, skip_passes: Iterable[str] = (),
    ) -> None:  # fmt: skip
        switches = {"titles": titles, "events": events, "gazetteer": gazetteer, "consistency": consistency}
        for option, value in switches.items():
            if not isinstance(value, bool):
                raise ConfigError(f"news_entities: {option} must be true or false, not {value!r}")
        self.passes: list[EntityPass] = select_passes(passes=passes, skip_passes=skip_passes, switches=switches)
        self.enabled = frozenset(p.name for p in self.passes)
        self.vocab, self.tokenizer, self.use_gazetteer = vocab, tokenizer, gazetteer
        self._resources: Resources | None = None

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language | None = None) -> None:
        """Build the resources (spaCy's component API; called by ``nlp.initialize()``)."""
        self._resources = Resources(self.vocab, self.tokenizer, gazetteer=self.use_gazetteer)

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self.initialize()
        return self._resources

    def __call__(self, doc: Doc) -> Doc:
        ctx = PassContext(doc, self.resources, self.enabled)
        ents: list[Span] = list(doc.ents)
        for entity_pass in self.passes:
            ents = entity_pass.run(ctx, ents)
        doc.ents = ents
        return doc


@Language.factory(
    "news_entities",
    assigns=["doc.ents", "doc.spans"],
    requires=["doc.ents", "token.pos", "token.dep"],
    default_config={
        "titles": True, "events": True, "gazetteer": True, "consistency": True, "passes": None, "skip_passes": [],
    },
)  # fmt: skip
def make_entities(
    nlp: Language, name: str, *, titles: bool, events: bool, gazetteer: bool, consistency: bool,
    passes: list[str] | None, skip_passes: list[str],
) -> EntityRepairer:  # fmt: skip
    register_extensions()
    return EntityRepairer(
        nlp.vocab, nlp.tokenizer, titles=titles, events=events, gazetteer=gazetteer, consistency=consistency,
        passes=passes, skip_passes=skip_passes,
    )  # fmt: skip
