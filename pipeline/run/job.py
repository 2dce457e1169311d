"""The main job: read articles, process the new and changed ones, export the tables.

The SQLite store under the output folder (:mod:`pipeline.store`) is the record: a run reads
every input, skips the articles already stored under the same content hash and versions,
runs the pipeline over the rest (in this process, in ``n_process`` processes, or on a Dask
cluster) and commits each batch in one transaction; then it exports the tables from the store
and writes ``run.json``. A failed article (unreadable input, or a stage raising on it) becomes
an ``articles`` row with ``status=error`` and the reason; the batch goes on.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_model_meta, get_package_path
from thinc.api import Config

from .. import __version__
from .entity_index import entity_index
from ..core.errors import ModelError
from .io import Article, read_articles, write_extracted, write_tables
from .nlp import build, config_hash, model_info, read_config
from .records import TABLES, ArticleRecords, failed_article, from_doc
from .store import PipelineKey, Store, content_hash

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# Characters per batch in one process: about 32 average news articles.
MAX_BATCH_CHARS = 100_000
Processed = tuple[Article, ArticleRecords]


@dataclass
class RunResult:
    """What a run did; the tables themselves are read from the store on demand."""

    info: dict
    store_path: Path
    written: list[Path] = field(default_factory=list)
    _frames: dict | None = field(default=None, repr=False)

    @property
    def n_failed(self) -> int:
        """Articles of this run's input whose stored row has ``status=error``."""
        return self.info["n_failed"]

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table of the store, as :func:`pipeline.records.to_frames` builds them."""
        if self._frames is None:
            with Store(self.store_path) as store:
                self._frames = store.frames()
        return self._frames

    def frames_for(self, article_ids: Iterable[str]) -> dict[str, pd.DataFrame]:
        """The rows of some articles only (what scoring against gold needs)."""
        with Store(self.store_path) as store:
            return store.frames(article_ids=sorted(set(article_ids)))


def make_doc(nlp: Language, article: Article) -> Doc:
    """The input ``Doc`` of an article, with its metadata in ``doc._``.

    When the pipeline starts with ``news_cleaner``, which tokenises the clean text itself, the
    raw text travels in ``doc._.raw_text`` over an empty ``Doc``: tokenising the raw text here
    would be thrown away.
    """
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


def _failed(article: Article, reason: str) -> ArticleRecords:
    return failed_article(article.article_id, reason, published=article.published, n_chars=len(article.text))


def _one(nlp: Language, article: Article, log: _ErrorLog) -> ArticleRecords:
    """Process one article stage by stage, so that a failure names its stage."""
    doc = make_doc(nlp, article)
    for name, proc in nlp.pipeline:
        log.last = ""
        try:
            result = proc(doc)
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
) -> Iterator[Processed]:
    """Yield ``(article, records)`` for every article, in input order, streaming.

    Unreadable articles never reach the pipeline; an article that makes a stage raise is
    dropped from spaCy's stream by :class:`_ErrorLog` and processed again alone, so the
    failure is pinned on it and the others of its batch are kept.

    A batch also ends when it holds ``max_batch_chars`` characters: the model's working
    memory grows with the text of a batch, not with its article count, so this keeps peak
    memory flat however long articles happen to cluster in the input. With ``n_process > 1``
    the batches go to forked worker processes (:func:`_extract_in_processes`).
    """
    if n_process > 1:
        yield from _extract_in_processes(nlp, articles, batch_size=batch_size, n_process=n_process, max_batch_chars=max_batch_chars)
        return
    with _tolerant(nlp) as log:
        for batch in char_batches(articles, batch_size, max_batch_chars):
            yield from _stream(nlp, batch, log, batch_size=len(batch))


# The pipeline a forked worker process inherited from its parent (see _extract_in_processes).
_WORKER_NLP: Language | None = None


def _extract_batch(batch: list[Article]) -> list[ArticleRecords]:
    """In a worker process: the records of one batch, by the one-process path."""
    assert _WORKER_NLP is not None
    return [records for _, records in extract(_WORKER_NLP, batch, batch_size=len(batch))]


def _extract_in_processes(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, n_process: int, max_batch_chars: int
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
                pending.append((batch, pool.submit(_extract_batch, batch)))
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
            for doc in nlp.pipe(feed(), batch_size=batch_size):
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


def pipeline_key(config: Config, nlp: Language | None = None) -> PipelineKey:
    """The versions results depend on, read without loading the model when ``nlp`` is None."""
    if nlp is not None:
        info = model_info(nlp)
        name, version = info["name"], info["version"]
    else:
        model = str(config["model"]["name"])
        try:
            path = Path(model) if Path(model).exists() else get_package_path(model)
            meta = get_model_meta(path)
        except Exception as err:  # spaCy raises several types for a missing package
            raise ModelError(f"cannot find the spaCy pipeline {model!r}: {err}") from err
        name, version = f"{meta.get('lang', '')}_{meta.get('name', '')}", meta.get("version", "")
    return PipelineKey(__version__, spacy.__version__, name, version, config_hash(config))


@dataclass
class _Plan:
    n_inputs: int = 0
    todo: list[str] = field(default_factory=list)
    n_skipped: int = 0
    n_duplicates: int = 0
    n_new: int = 0  # new or changed, before --limit
    ids: set[str] = field(default_factory=set)


def _plan(paths: list, store: Store, key: PipelineKey, *, force: bool, limit: int | None) -> _Plan:
    """First pass over the input: which articles are new or changed (ids only, in order)."""
    stored = {} if force else store.keys()
    plan = _Plan()
    seen = plan.ids
    for article in read_articles(paths):
        plan.n_inputs += 1
        if article.article_id in seen:
            plan.n_duplicates += 1
            logger.warning("article id %s appears twice in the input; the first is kept", article.article_id)
            continue
        seen.add(article.article_id)
        if stored.get(article.article_id) == Store.key_of(content_hash(article), key):
            plan.n_skipped += 1
        else:
            plan.todo.append(article.article_id)
    plan.n_new = len(plan.todo)
    if limit is not None:
        plan.todo = plan.todo[:limit]
    return plan


def _todo_articles(paths: list, todo: set[str]) -> Iterator[Article]:
    """Second pass: the articles to process, read again so that only ids were held."""
    done: set[str] = set()
    for article in read_articles(paths):
        if article.article_id in todo and article.article_id not in done:
            done.add(article.article_id)
            yield article


def run(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    config_path: str | Path | None = None,
    model: str | None = None,
    fmt: str = "csv",
    batch_size: int = 32,
    nlp: Language | None = None,
    progress: Progress | None = None,
    force: bool = False,
    limit: int | None = None,
    n_process: int = 1,
    dask: str | None = None,
) -> RunResult:
    """Process the new and changed articles under ``paths`` into ``out_dir``'s store; export.

    Args:
        nlp: a pipeline already built from ``config_path`` (else it is built when needed).
        progress: called with ``(done, total)`` after each committed batch.
        force: process every article, even those stored under the same key.
        limit: process at most this many new or changed articles (the rest wait for a later run).
        n_process: spaCy worker processes on this machine.
        dask: address of a Dask scheduler, or ``"local"`` for a local cluster.
    """
    started = time.perf_counter()
    paths = list(paths)
    out = Path(out_dir)
    config = read_config(config_path, model=model)
    key = pipeline_key(config, nlp)
    with Store.in_folder(out) as store:
        plan = _plan(paths, store, key, force=force, limit=limit)
        total = len(plan.todo)
        processed = 0
        if total:
            articles = _todo_articles(paths, set(plan.todo))
            if dask:
                from .distributed import extract_on_dask

                stream = extract_on_dask(articles, dask, config.to_str(), batch_size=batch_size)
            else:
                nlp = nlp if nlp is not None else build(config)
                stream = extract(nlp, articles, batch_size=batch_size, n_process=n_process)
            batch: list[tuple[ArticleRecords, str]] = []
            extracted: list[Path] = []
            for article, records in stream:
                batch.append((records, content_hash(article)))
                # HTML input: the records index the extracted text, kept beside the tables.
                extracted += write_extracted([article], out)
                if len(batch) >= batch_size:
                    processed += store.write(batch, key)
                    batch = []
                    if progress is not None:
                        progress(processed, total)
            processed += store.write(batch, key)
            if progress is not None:
                progress(processed, total)
        errors = _errors_of_inputs(store, plan.ids)
        written, n_index = _export(store, out, fmt, paths, plan.ids)
        counts = {name: store.count(name) for name in TABLES} | {"entities_index": n_index}
        info = {
            "newsie_version": __version__,
            "spacy_version": spacy.__version__,
            "model": {"name": key.model, "version": key.model_version},
            "config_hash": key.config_hash,
            "inputs": [str(p) for p in paths],
            "n_articles": plan.n_inputs,
            "n_processed": processed,
            "n_skipped": plan.n_skipped,
            "n_duplicates": plan.n_duplicates,
            "n_pending": plan.n_new - processed,
            "n_failed": len(errors),
            "counts": counts,
            "errors": errors,
            "n_process": n_process,
            "dask": dask or "",
            "wall_time_s": round(time.perf_counter() - started, 3),
        }
        store.log_run(info)
    run_json = out / "run.json"
    run_json.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return RunResult(info, out / store.path.name, [*written, run_json])


def _export(store: Store, out: Path, fmt: str, paths: list, ids: set[str]) -> tuple[list[Path], int]:
    """Export the tables from the store, and the corpus-level entity index beside them.

    Returns the paths written and the number of rows of the entity index.
    """
    if fmt == "timeml":  # one .tml per article, for the TempEval-3 tools
        from ..evaluation.formats.timeml import write_articles

        articles = (a for a in read_articles(paths) if a.article_id in ids)
        return write_articles(articles, store.frame("dates").to_dict("records"), out), 0
    written = store.export(out, fmt)
    # Across articles, so not one of the per-article tables of the store.
    index = entity_index(store.frame("entities"))
    written += write_tables({"entities_index": index}, out, fmt)
    return written, len(index)


def _errors_of_inputs(store: Store, ids: set[str]) -> list[dict]:
    """Failed articles among this run's inputs, processed now or in an earlier run."""
    rows = store.conn.execute("SELECT article_id, error FROM articles WHERE status != 'ok' ORDER BY article_id")
    return [{"article_id": i, "error": e} for i, e in rows if i in ids]
