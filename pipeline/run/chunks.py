"""A long article through the statistical model in pieces, so that its cost per word stays flat.

The model's own cost per word grows with the length of one ``Doc``: a 100,000-word doc takes
about twice the time per word of a short article, because every layer's arrays for the whole doc
outgrow the processor's caches. Short articles never meet this, as ``nlp.pipe`` hands the model
minibatches of small docs. :func:`run_model_in_pieces` does the same for one long doc: it cuts
the clean doc at sentence starts (which the cleaner set and the parser keeps) into pieces of at
most ``max_tokens`` tokens, runs the model's components over the pieces as a stream, and copies
the annotations (tags, morphology, lemmas, the parse, entities and the tensor) back onto the doc,
whose extensions (raw text, offset map, article fields) stay as they were. The newsie stages then
run on the whole doc as usual.

Only an article longer than :data:`LONG_CHARS` takes this path (it is a batch of its own); a
sentence never spans two pieces, and the context the model reads around a token (a few tokens)
crosses a piece boundary only at a sentence start.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

LONG_CHARS = 100_000  # as extract.MAX_BATCH_CHARS: longer articles are batches of their own
MAX_PIECE_TOKENS = 1_000
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def model_components(nlp: Language) -> list[str]:
    """The pipeline's statistical components: every stage not made by a ``news_`` factory."""
    return [name for name in nlp.pipe_names if not nlp.get_pipe_meta(name).factory.startswith("news_")]


def piece_bounds(doc: Doc, max_tokens: int) -> list[tuple[int, int]]:
    """``(start, end)`` token bounds of pieces of whole sentences, each at most ``max_tokens``
    long unless one sentence alone is longer (then it is cut at ``max_tokens``)."""
    starts = np.flatnonzero(doc.to_array("SENT_START") == 1).tolist() if len(doc) else []
    starts = [i for i in starts if i > 0]
    bounds, start, last = [], 0, 0
    for cut in [*starts, len(doc)]:
        if cut - start > max_tokens and last > start:
            bounds.append((start, last))
            start = last
        while cut - start > max_tokens:
            bounds.append((start, start + max_tokens))
            start += max_tokens
        last = cut
    if start < len(doc):
        bounds.append((start, len(doc)))
    return bounds


def run_model_in_pieces(nlp: Language, doc: Doc, names: list[str], *, max_tokens: int = MAX_PIECE_TOKENS) -> Doc:
    """Run the components ``names`` over ``doc`` in pieces of whole sentences; annotate ``doc``."""
    # The doc's arrays once: ``Span.as_doc`` would otherwise copy the whole doc for every piece.
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    pieces = [doc[start:end].as_doc(array_head=head, array=array) for start, end in piece_bounds(doc, max_tokens)]
    for name in names:
        proc = nlp.get_pipe(name)
        pieces = list(proc.pipe(pieces)) if hasattr(proc, "pipe") else [proc(piece) for piece in pieces]
    doc.from_array(ATTRS, np.concatenate([piece.to_array(ATTRS) for piece in pieces]))
    tensors = [piece.tensor for piece in pieces]
    if all(getattr(t, "ndim", 0) == 2 and len(t) == len(p) for t, p in zip(tensors, pieces)) and len({t.shape[1] for t in tensors}) == 1:
        doc.tensor = np.concatenate(tensors)
    return doc
