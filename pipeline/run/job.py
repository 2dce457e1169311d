"""The main job: read articles, process the new and changed ones, export the tables.

The SQLite store under the output folder (:mod:`newsie.run.store`) is the record: a run reads
every input, skips the articles already stored under the same content hash and versions,
runs the pipeline over the rest (in this process, in ``n_process`` processes, or on a Dask
cluster) and commits each batch in one transaction; then it exports the tables from the store
and writes ``run.json``. A failed article (unreadable input, or a stage raising on it) becomes
an ``articles`` row with ``status=error`` and the reason; the batch goes on. One process
writes an output folder at a time (:mod:`newsie.run.lock`); every file is written atomically.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
import spacy
from spacy.language import Language
from spacy.util import get_model_meta, get_package_path
from thinc.api import Config

from .. import __version__
from ..core.errors import InputError, ModelError
from .entity_index import entity_index
from .extract import DEFAULT_ARTICLE_TIMEOUT, Progress, extract
from .io import Article, read_articles, write_extracted, write_tables, write_text_atomic
from .lock import folder_lock
from .nlp import build, config_hash, model_info, read_config
from .records import TABLES, ArticleRecords
from .store import STORE_NAME, PipelineKey, Store, content_hash

logger = logging.getLogger(__name__)

Step = Callable[[str], None]


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
        """The tables of this run's articles (the view the run wrote), as :func:`records.to_frames` builds them."""
        if self._frames is None:
            with Store(self.store_path) as store:
                self._frames = store.frames(article_ids=self.info.get("article_ids"))
        return self._frames

    def frames_for(self, article_ids: Iterable[str]) -> dict[str, pd.DataFrame]:
        """The rows of some articles only (what scoring against gold needs)."""
        with Store(self.store_path) as store:
            return store.frames(article_ids=sorted(set(article_ids)))


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


def dated(articles: Iterable[Article], published: str) -> Iterator[Article]:
    """The articles, those whose input gives no publication date dated ``published``.

    ``published`` is input metadata, as a JSONL line's ``published`` is: it takes the place of a
    ``.txt`` file's `` date`` header and of the dateline's date; a date of the input itself wins.
    """
    for article in articles:
        if published and not article.published and not article.error:
            article = replace(article, published=published)
        yield article


def _plan(
    paths: list, store: Store, key: PipelineKey, *, force: bool, limit: int | None, published: str = ""
) -> _Plan:
    """First pass over the input: which articles are new or changed (ids only, in order)."""
    stored = {} if force else store.keys()
    plan = _Plan()
    seen = plan.ids
    for article in dated(read_articles(paths), published):  # ids unique by construction (readers)
        plan.n_inputs += 1
        if article.error.startswith("duplicate article id"):
            plan.n_duplicates += 1
            logger.warning("%s", article.error)
        seen.add(article.article_id)
        if stored.get(article.article_id) == Store.key_of(content_hash(article), key):
            plan.n_skipped += 1
        else:
            plan.todo.append(article.article_id)
    plan.n_new = len(plan.todo)
    if limit is not None:
        plan.todo = plan.todo[:limit]
    return plan


def _todo_articles(paths: list, todo: set[str], published: str = "") -> Iterator[Article]:
    """Second pass: the articles to process, read again so that only ids were held."""
    done: set[str] = set()
    for article in dated(read_articles(paths), published):
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
    published: str = "",
    steps: Step | None = None,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> RunResult:
    """Process the new and changed articles under ``paths`` into ``out_dir``'s store; export
    the tables of these articles (the store keeps every article of every run).

    Args:
        nlp: a pipeline already built from ``config_path`` (else it is built when needed).
        progress: called with ``(done, total)`` after each committed batch.
        force: process every article, even those stored under the same key.
        limit: process at most this many new or changed articles (the rest wait for a later run).
        n_process: spaCy worker processes on this machine.
        dask: address of a Dask scheduler, or ``"local"`` for a local cluster.
        published: publication date (``YYYY-MM-DD``) of the articles whose input gives none.
        steps: called with a line for each step a person waits on (loading the model).
        article_timeout: seconds an article (per 500,000 characters) may take before it becomes
            an error row (None: no limit); not enforced on Dask (:mod:`newsie.run.extract`).

    Raises :class:`~newsie.core.errors.OutputLockedError` when another process writes ``out_dir``.
    """
    started = time.perf_counter()
    paths = list(paths)
    out = Path(out_dir)
    config = read_config(config_path, model=model)
    key = pipeline_key(config, nlp)
    previous = previous_inputs(out)
    with folder_lock(out), Store.in_folder(out) as store:
        plan = _plan(paths, store, key, force=force, limit=limit, published=published)
        commits = _Commits(store, key, out, batch_size=batch_size, total=len(plan.todo), progress=progress)
        if plan.todo:
            articles = _todo_articles(paths, set(plan.todo), published)
            extraction = dict(dask=dask, batch_size=batch_size, n_process=n_process, steps=steps, timeout=article_timeout)
            commits.consume(_extraction(articles, config, key, nlp, **extraction, on_batch=commits.flush))
        processed = commits.processed
        errors = _errors_of_inputs(store, plan.ids)
        ids = sorted(plan.ids)
        written, counts = _export(store, out, fmt, paths, ids)
        info = _info(key, paths, plan, processed, errors, counts, published=published, n_process=n_process, dask=dask)
        info["store"] = {"path": str((out / store.path.name).resolve()), "n_articles": store.count("articles")}
        info["replaced_inputs"] = previous if previous and previous != info["inputs"] else []
        info["wall_time_s"] = round(time.perf_counter() - started, 3)
        store.log_run(info)
        run_json = write_text_atomic(out / "run.json", json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    return RunResult(info, out / store.path.name, [*written, run_json])


def _extraction(
    articles: Iterable[Article], config: Config, key: PipelineKey, nlp: Language | None,
    *, dask: str | None, batch_size: int, n_process: int, steps: Step | None, timeout: float | None,
    on_batch: Callable[[], None],
) -> Iterable[tuple[Article, ArticleRecords]]:
    """The records of the articles, on Dask or here (loading the pipeline when not given).

    Here, each article has its time budget and ``on_batch`` commits what came before a batch;
    Dask runs tasks in threads, where no budget is enforced.
    """
    if dask:
        from .distributed import extract_on_dask

        return extract_on_dask(articles, dask, config.to_str(), batch_size=batch_size)
    if nlp is None:
        if steps is not None:
            steps(f"loading the pipeline ({key.model} {key.model_version})")
        nlp = build(config)
    return extract(nlp, articles, batch_size=batch_size, n_process=n_process, article_timeout=timeout, on_batch=on_batch)


def _info(
    key: PipelineKey, paths: list, plan: _Plan, processed: int, errors: list[dict], counts: dict[str, int],
    *, published: str, n_process: int, dask: str | None,
) -> dict:
    """run.json: versions, inputs (absolute, so that a later command finds them from anywhere),
    counts of the tables written, errors and the ids of the run's articles."""
    return {
        "newsie_version": __version__,
        "spacy_version": spacy.__version__,
        "model": {"name": key.model, "version": key.model_version},
        "config_hash": key.config_hash,
        "inputs": [str(Path(p).resolve()) for p in paths],
        "published": published,
        "n_articles": plan.n_inputs,
        "n_processed": processed,
        "n_skipped": plan.n_skipped,
        "n_duplicates": plan.n_duplicates,
        "n_pending": plan.n_new - processed,
        "n_failed": len(errors),
        "counts": counts,
        "store": {},
        "replaced_inputs": [],
        "errors": errors,
        "n_process": n_process,
        "dask": dask or "",
        "wall_time_s": 0.0,
        "article_ids": sorted(plan.ids),
    }


class _Commits:
    """Commits the extracted records to the store, one transaction per batch of ``batch_size``,
    and whenever :meth:`flush` is called (before each extraction batch: the articles before a
    long one are stored before it runs). Progress moves per article extracted."""

    def __init__(self, store: Store, key: PipelineKey, out: Path, *, batch_size: int, total: int, progress: Progress | None) -> None:
        self.store, self.key, self.out = store, key, out
        self.batch_size, self.total, self.progress = batch_size, total, progress
        self.batch: list[tuple[ArticleRecords, str]] = []
        self.processed = 0

    def consume(self, stream: Iterable[tuple[Article, ArticleRecords]]) -> int:
        """Commit every record set of the stream; the number of articles committed."""
        if self.progress is not None and self.total:
            self.progress(0, self.total)  # the model is loaded (or the cluster reached): the articles start
        for article, records in stream:
            self.batch.append((records, content_hash(article)))
            # HTML input: the records index the extracted text, kept beside the tables.
            write_extracted([article], self.out)
            if len(self.batch) >= self.batch_size:
                self.flush()
            if self.progress is not None:  # per article extracted; the store commits per batch
                self.progress(self.processed + len(self.batch), self.total)
        self.flush()
        if self.progress is not None and self.total == 0:
            self.progress(self.processed, self.total)
        return self.processed

    def flush(self) -> None:
        if self.batch:
            self.processed += self.store.write(self.batch, self.key)
            self.batch = []


def _export(store: Store, out: Path, fmt: str, paths: list, ids: list[str] | None) -> tuple[list[Path], dict[str, int]]:
    """Export the tables of the articles ``ids`` (every article when None) from the store, and
    the corpus-level entity index of those articles beside them.

    Returns the paths written and the number of rows per table.
    """
    if fmt == "timeml":  # one .tml per article, for the TempEval-3 tools
        from .timeml import write_articles

        wanted = set(ids) if ids is not None else None
        articles = (a for a in read_articles(paths) if wanted is None or a.article_id in wanted)
        dates = store.frame("dates", article_ids=ids).to_dict("records")
        return write_articles(articles, dates, out), {"dates": len(dates)}
    written = store.export(out, fmt, article_ids=ids)
    counts = {name: store.count_of(name, ids) for name in TABLES}
    # Across articles, so not one of the per-article tables of the store.
    index = entity_index(store.frame("entities", article_ids=ids))
    written += write_tables({"entities_index": index}, out, fmt)
    return written, counts | {"entities_index": len(index)}


def export(store_dir: str | Path, out_dir: str | Path, *, fmt: str = "csv", article_ids: Iterable[str] | None = None) -> dict:
    """Write the tables of a store (every article, or the given ones) to ``out_dir``.

    Returns what was written: ``{"paths": [...], "counts": {table: rows}, "n_articles": n}``.
    """
    path = Path(store_dir) / STORE_NAME
    if not path.exists():
        raise InputError(f"{store_dir}: no newsie store ({STORE_NAME}); run `newsie run` first")
    ids = sorted(set(article_ids)) if article_ids is not None else None
    with Store(path) as store:
        written, counts = _export(store, Path(out_dir), fmt, [], ids)
    return {"paths": [str(p) for p in written], "counts": counts, "n_articles": counts.get("articles", 0)}


def previous_inputs(out: Path) -> list[str]:
    """The inputs of the run that last wrote ``out`` (from its run.json), ``[]`` when none."""
    try:
        return list(json.loads((out / "run.json").read_text(encoding="utf-8")).get("inputs", []))
    except (OSError, ValueError, AttributeError):
        return []


def _errors_of_inputs(store: Store, ids: set[str]) -> list[dict]:
    """Failed articles among this run's inputs, processed now or in an earlier run."""
    rows = store.conn.execute("SELECT article_id, error FROM articles WHERE status != 'ok' ORDER BY article_id")
    return [{"article_id": i, "error": e} for i, e in rows if i in ids]
