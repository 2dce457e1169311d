"""Extraction: the pipeline over articles, in this process or in spaCy worker processes.

Each article becomes its records; an article that cannot be read, or that makes a stage
raise, or that overruns its time budget, becomes a failed record set with the reason, and the
batch goes on.

The time budget (:func:`budget`: ``article_timeout`` seconds for an article of up to
:data:`BUDGET_CHARS` characters, proportionally more for a longer one) is a ``SIGALRM`` timer
(:func:`time_budget`) in the process that runs the pipeline: this one, or each ``n_process``
worker (the batches run in the workers' main threads). A batch gets one article's budget: it is
a few seconds of text (:data:`MAX_BATCH_CHARS`, and a long article is a batch of its own), so
only a pathological article overruns it; the batch's articles are then run again one by one,
each with its own budget, and the one that overruns it becomes the error "timed out after N s".
Dask runs tasks in worker threads, which cannot take signals: there the budget is not enforced.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .chunks import LONG_CHARS, model_components, run_model_in_pieces
from .io import Article
from .records import ArticleRecords, failed_article, from_doc

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# Characters per batch in one process: about 32 average news articles.
MAX_BATCH_CHARS = 100_000
# Docs per nlp.pipe minibatch: articles come out (and progress moves) four at a time, at no
# measurable cost in speed against 32 (4.6 s and 4.8 s on seeds/); store batches stay as given.
PIPE_BATCH = 4
# Seconds an article of up to BUDGET_CHARS characters may take, by default (a longer article gets
# as many times that as it is longer): about ten times what the whole pipeline needs on a loaded
# machine, so only a pathological article reaches it.
DEFAULT_ARTICLE_TIMEOUT = 300.0
BUDGET_CHARS = 500_000
Processed = tuple[Article, ArticleRecords]


def make_doc(
    nlp: Language, article: Article | str, *, published: str = "", article_id: str = "", meta: dict | None = None
) -> Doc:
    """The input ``Doc`` of an article (an :class:`Article` or a raw text), with its metadata in ``doc._``.

    Give a text's publication date here, so that its relative dates resolve (ISO
    ``YYYY-MM-DD``; an article's own ``published`` wins when it has one)::

        doc = nlp(make_doc(nlp, text, published="2024-12-11"))
        docs = nlp.pipe(make_doc(nlp, text, published=date) for text, date in items)

    When the pipeline starts with ``news_cleaner``, which tokenises the clean text itself, the
    raw text travels in ``doc._.raw_text`` over an empty ``Doc``: tokenising the raw text here
    would be thrown away.
    """
    if isinstance(article, str):
        article = Article(article_id, article, published=published, **(meta or {}))
    elif published and not article.published:
        article = replace(article, published=published)
    if nlp.pipe_names and nlp.get_pipe_meta(nlp.pipe_names[0]).factory == "news_cleaner":
        doc = Doc(nlp.vocab, words=[])
        doc._.raw_text = article.text
    else:
        doc = nlp.make_doc(article.text)
    doc._.article_id = article.article_id
    doc._.published = article.published
    doc._.meta = article.meta
    return doc


class _ErrorLog:
    """A spaCy error handler that logs a stage's failure and lets the batch go on.

    spaCy then drops the failing doc (or the failing component's whole minibatch) from the
    stream; :func:`extract` notices the missing articles and processes them one by one.
    """

    def __init__(self) -> None:
        self.last = ""

    def __call__(self, proc_name: str | None, proc: object, docs: list | None, err: Exception) -> None:
        self.last = f"stage {proc_name} raised {type(err).__name__}: {err}" if proc_name else str(err)
        logger.warning("%s; its articles are retried one by one", self.last)


@contextmanager
def _tolerant(nlp: Language) -> Iterator[_ErrorLog]:
    """Install :class:`_ErrorLog` on the pipeline for the block, then restore the handlers."""
    log = _ErrorLog()
    default = nlp.default_error_handler
    saved = {}
    nlp.default_error_handler = log
    for name, proc in nlp.pipeline:
        try:
            saved[name] = proc.get_error_handler()
            proc.set_error_handler(log)
        except AttributeError:
            # Cython stages (parser, ner) cannot take a handler and raise: extract() restarts
            # the stream after them.
            saved.pop(name, None)
    try:
        yield log
    finally:
        nlp.default_error_handler = default
        for name, handler in saved.items():
            nlp.get_pipe(name).set_error_handler(handler)


class ArticleTimeout(BaseException):
    """Raised by :func:`time_budget`'s timer; a BaseException, so no stage's handler eats it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block after ``seconds`` (no limit: None or 0).

    A ``SIGALRM`` interval timer: in the main thread of a process only (elsewhere, as in a Dask
    worker's thread, the block runs without a limit).
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return
    armed = [True]

    def expire(signum: int, frame: object) -> None:
        if armed[0]:
            raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def budget(timeout: float | None, n_chars: int) -> float | None:
    """The seconds ``n_chars`` of text may take: ``timeout`` per :data:`BUDGET_CHARS` begun."""
    return timeout * max(1, -(-n_chars // BUDGET_CHARS)) if timeout else None


def _timed_batch(
    nlp: Language, batch: list[Article], log: "_ErrorLog", timeout: float | None
) -> list[Processed]:
    """The batch's records within the budget; on overrun, each article alone within its own."""
    seconds = budget(timeout, sum(len(a.text) for a in batch))
    long = len(batch) == 1 and not batch[0].error and len(batch[0].text) > LONG_CHARS
    try:
        with time_budget(seconds):
            if long:
                return [(batch[0], _one(nlp, batch[0], log, in_pieces=True))]
            return list(_stream(nlp, batch, log, batch_size=len(batch)))
    except ArticleTimeout:
        if len(batch) == 1:  # it had its own budget already
            return [(batch[0], _timed_out(batch[0], seconds))]
        logger.warning("a batch of %d articles overran %g s; its articles are run one by one", len(batch), seconds)
    out = []
    for article in batch:
        seconds = budget(timeout, len(article.text))
        try:
            with time_budget(seconds):
                records = _failed(article, article.error) if article.error else _one(nlp, article, log)
        except ArticleTimeout:
            records = _timed_out(article, seconds)
        out.append((article, records))
    return out


def _timed_out(article: Article, seconds: float | None) -> ArticleRecords:
    logger.error("article %s timed out after %g s", article.article_id, seconds)
    return _failed(article, f"timed out after {seconds:g} s")


def _failed(article: Article, reason: str) -> ArticleRecords:
    return failed_article(article.article_id, reason, published=article.published, n_chars=len(article.text))


def _one(nlp: Language, article: Article, log: _ErrorLog, *, in_pieces: bool = False) -> ArticleRecords:
    """Process one article stage by stage, so that a failure names its stage; ``in_pieces``:
    the model's components over pieces of the doc (:mod:`newsie.run.chunks`), for a long one."""
    doc = make_doc(nlp, article)
    model = model_components(nlp) if in_pieces else []
    for name, proc in nlp.pipeline:
        log.last = ""
        if name in model[1:]:
            continue  # run with the first of them
        try:
            result = run_model_in_pieces(nlp, doc, model) if name in model else proc(doc)
        except Exception as err:
            logger.error("article %s: stage %s failed: %s", article.article_id, name, err)
            return _failed(article, f"stage {name} raised {type(err).__name__}: {err}")
        if result is None:  # a trainable stage's error handler swallowed the error
            return _failed(article, log.last or f"stage {name} failed")
        doc = result
    return _records(doc, article)


def _records(doc: Doc, article: Article) -> ArticleRecords:
    try:
        return from_doc(doc)
    except Exception as err:
        logger.error("article %s: building records failed: %s", article.article_id, err)
        return _failed(article, f"records: {type(err).__name__}: {err}")


def extract(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    max_batch_chars: int = MAX_BATCH_CHARS,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    on_batch: Callable[[], None] | None = None,
) -> Iterator[Processed]:
    """Yield ``(article, records)`` for every article, in input order, streaming.

    Unreadable articles never reach the pipeline; an article that makes a stage raise is
    dropped from spaCy's stream by :class:`_ErrorLog` and processed again alone, so the
    failure is pinned on it and the others of its batch are kept.

    A batch also ends when it holds ``max_batch_chars`` characters: the model's working
    memory grows with the text of a batch, not with its article count, so this keeps peak
    memory flat however long articles happen to cluster in the input. With ``n_process > 1``
    the batches go to forked worker processes (:func:`_extract_in_processes`).

    ``article_timeout``: seconds per article (module docstring). ``on_batch`` is called after
    the records of each batch were taken, before the next batch starts (the job commits there,
    so the articles before a long one are stored before it runs).
    """
    if n_process > 1:
        yield from _extract_in_processes(
            nlp, articles, batch_size=batch_size, n_process=n_process, max_batch_chars=max_batch_chars,
            article_timeout=article_timeout,
        )  # fmt: skip
        return
    with _tolerant(nlp) as log:
        for batch in char_batches(articles, batch_size, max_batch_chars):
            yield from _timed_batch(nlp, batch, log, article_timeout)
            if on_batch is not None:
                on_batch()


# The pipeline a forked worker process inherited from its parent (see _extract_in_processes).
_WORKER_NLP: Language | None = None


def _extract_batch(batch: list[Article], article_timeout: float | None) -> list[ArticleRecords]:
    """In a worker process: the records of one batch, by the one-process path."""
    assert _WORKER_NLP is not None
    return [records for _, records in extract(_WORKER_NLP, batch, batch_size=len(batch), article_timeout=article_timeout)]


def _extract_in_processes(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, n_process: int, max_batch_chars: int,
    article_timeout: float | None,
) -> Iterator[Processed]:
    """:func:`extract` over ``n_process`` forked worker processes, in input order.

    The workers inherit the loaded pipeline through ``fork`` and send back records only:
    plain dataclasses, far smaller than the docs that ``nlp.pipe(n_process=...)`` would
    serialise back to this process. At most two batches per worker are in flight, so an
    archive of any size streams through in bounded memory.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    _WORKER_NLP = nlp
    try:
        with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque = deque()
            for batch in char_batches(articles, batch_size, max_batch_chars):
                pending.append((batch, pool.submit(_extract_batch, batch, article_timeout)))
                while len(pending) >= 2 * n_process:
                    done, future = pending.popleft()
                    yield from zip(done, future.result())
            while pending:
                done, future = pending.popleft()
                yield from zip(done, future.result())
    finally:
        _WORKER_NLP = None


def char_batches(articles: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and, unless one article alone exceeds it, ``max_chars``."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _stream(
    nlp: Language, articles: Iterable[Article], log: _ErrorLog, *, batch_size: int
) -> Iterator[Processed]:
    """:func:`extract` over one ``nlp.pipe`` stream (restarted if a stage breaks it)."""
    inflight: deque[Article] = deque()
    source = iter(articles)
    fed = [0]

    def feed() -> Iterator[Doc]:
        for article in source:
            fed[0] += 1
            inflight.append(article)
            if not article.error:
                yield make_doc(nlp, article)

    def settle_until(article_id: str | None) -> Iterator[Processed]:
        # Everything fed before the doc that just came out, and not matched, was unreadable
        # or dropped by the error handler.
        while inflight and inflight[0].article_id != article_id:
            article = inflight.popleft()
            yield article, (_failed(article, article.error) if article.error else _one(nlp, article, log))

    while True:
        fed_before = fed[0]
        try:
            for doc in nlp.pipe(feed(), batch_size=min(batch_size, PIPE_BATCH)):
                yield from settle_until(doc._.article_id)
                if inflight:
                    article = inflight.popleft()
                    yield article, _records(doc, article)
            break
        except Exception as err:
            # A stage that takes no error handler broke the stream: settle what was fed one
            # by one, then go on with the rest of the input in a new stream. A stream that
            # fails before taking any article would fail forever: give up.
            if fed[0] == fed_before:
                raise
            logger.warning("the pipeline stream failed (%s); its batch is retried one by one", err)
            yield from settle_until(None)
    yield from settle_until(None)


def process(
    nlp: Language, articles: list[Article], *, batch_size: int = 32, n_process: int = 1, progress: Progress | None = None
) -> list[ArticleRecords]:
    """Run the pipeline over the articles in memory (no store); one record set per article."""
    out = []
    for _, records in extract(nlp, articles, batch_size=batch_size, n_process=n_process):
        out.append(records)
        if progress is not None and len(out) % batch_size == 0:
            progress(len(out), len(articles))
    return out
