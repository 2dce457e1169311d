"""A long article runs through the model in pieces of whole sentences, with the same results."""

from __future__ import annotations

import re

import pytest
import spacy

from newsie.run.chunks import LONG_CHARS, model_components, piece_bounds, run_model_in_pieces
from newsie.run.extract import _ErrorLog, _one, extract
from newsie.run.io import Article, read_articles

from ..conftest import SEEDS


def sentenced(lengths: list[int]):
    nlp = spacy.blank("en")
    doc = nlp(" ".join("w" * 1 for _ in range(sum(lengths))))
    start = 0
    for n in lengths:
        for i in range(start, start + n):
            doc[i].is_sent_start = i == start
        start += n
    return doc


@pytest.mark.parametrize(
    "lengths, max_tokens, bounds",
    [
        ([3, 3, 3], 6, [(0, 6), (6, 9)]),
        ([3, 3, 3], 9, [(0, 9)]),
        ([2, 10, 2], 4, [(0, 2), (2, 6), (6, 10), (10, 14)]),  # a long sentence is cut
        ([5], 5, [(0, 5)]),
    ],
)
def test_chunks_pieces_are_whole_sentences_up_to_the_limit(lengths, max_tokens, bounds):
    assert piece_bounds(sentenced(lengths), max_tokens) == bounds


def test_chunks_model_components_are_the_non_newsie_stages(nlp):
    assert model_components(nlp) == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def long_article() -> Article:
    bodies = [re.sub(r"^ date \S+\s*", "", a.text) for a in read_articles([SEEDS]) if not a.error]
    text = "\n\n".join(bodies * 3)
    assert len(text) > LONG_CHARS
    return Article("long", text, published="2024-12-11")


@pytest.mark.slow
def test_chunks_long_article_in_pieces_agrees_with_the_whole_doc(nlp):
    article = long_article()
    whole = _one(nlp, article, _ErrorLog())
    pieces = _one(nlp, article, _ErrorLog(), in_pieces=True)
    assert pieces.article == whole.article
    for table, key in (("entities", ("start", "end", "label")), ("dates", ("start", "end", "value"))):
        a = {tuple(getattr(r, k) for k in key) for r in getattr(whole, table)}
        b = {tuple(getattr(r, k) for k in key) for r in getattr(pieces, table)}
        assert len(a & b) >= 0.99 * max(len(a), len(b)), table
    ((_, through_run),) = list(extract(nlp, [article], article_timeout=None))
    assert through_run == pieces  # a run takes the piecewise path for a long article


def test_chunks_annotations_come_back_onto_the_doc(nlp):
    doc = nlp.get_pipe("news_cleaner")(nlp.make_doc("Ada Quill met Bo Reed in Paris. They talked. It rained in Rome."))
    run_model_in_pieces(nlp, doc, model_components(nlp), max_tokens=5)
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG") and doc.has_annotation("LEMMA")
    assert {e.text for e in doc.ents} >= {"Paris", "Rome"}
    assert doc.tensor.shape[0] == len(doc)
