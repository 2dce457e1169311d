"""newsie: information extraction from news articles.

One package per stage, each a spaCy component registered through the ``spacy_factories``
entry point and standing only on the shared vocabulary of :mod:`newsie.core`:
:mod:`newsie.cleaning` (``news_cleaner``), :mod:`newsie.entities` (``news_entities``),
:mod:`newsie.aliases` (``news_aliases``), :mod:`newsie.dates` (``news_dates``) and
:mod:`newsie.relations` (``news_relations``). :mod:`newsie.run` assembles them around an English
model from ``newsie.cfg`` (:func:`newsie.run.nlp.load`), turns docs into records and keeps the
store; :mod:`newsie.evaluation` scores the tables against gold; :mod:`newsie.report` draws them;
:mod:`newsie.cli` is the ``newsie`` command.
"""

__version__ = "0.1.0"
