"""newsie: information extraction from news articles.

The stages are spaCy components registered through the ``spacy_factories`` entry point
(``news_cleaner``, ``news_entities``, ``news_aliases``, ``news_dates``, ``news_relations``);
:func:`pipeline.nlp.load` assembles them around an English model from ``newsie.cfg``.
"""

__version__ = "0.1.0"
