"""The main job: read articles, run the pipeline, write the tables and ``run.json``.

A failed article (unreadable input, or a stage raising on it) becomes an ``articles`` row with
``status=error`` and the reason; the batch goes on.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .io import Article, read_articles, write_extracted, write_tables
from .nlp import config_hash, model_info, read_config, build
from .entity_index import entity_index
from .records import ArticleRecords, failed_article, from_doc, to_frames

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class RunResult:
    records: list[ArticleRecords]
    frames: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    @property
    def n_failed(self) -> int:
        return sum(r.article.status != "ok" for r in self.records)


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.article_id
    doc._.published = article.published
    doc._.meta = article.meta
    return doc


def process(
    nlp: Language, articles: list[Article], *, batch_size: int = 32, progress: Progress | None = None
) -> list[ArticleRecords]:
    """Run the pipeline over the articles; one :class:`ArticleRecords` per article, in order."""
    out: list[ArticleRecords] = []
    for i in range(0, len(articles), batch_size):
        batch = articles[i : i + batch_size]
        out.extend(_process_batch(nlp, batch, batch_size))
        if progress is not None:
            progress(len(out), len(articles))
    return out


def _process_batch(nlp: Language, batch: list[Article], batch_size: int) -> list[ArticleRecords]:
    good = [a for a in batch if not a.error]
    try:
        docs = list(nlp.pipe((make_doc(nlp, a) for a in good), batch_size=batch_size))
        done = {a.article_id: from_doc(d) for a, d in zip(good, docs)}
    except Exception:  # one article broke a stage: find it by running them one by one
        logger.warning("a stage failed in a batch; retrying its articles one by one", exc_info=True)
        done = {}
        for article in good:
            try:
                done[article.article_id] = from_doc(nlp(make_doc(nlp, article)))
            except Exception as err:
                logger.error("article %s failed: %s", article.article_id, err)
                done[article.article_id] = failed_article(
                    article.article_id, f"{type(err).__name__}: {err}", published=article.published,
                    n_chars=len(article.text),
                )  # fmt: skip
    return [
        done[a.article_id] if not a.error else failed_article(a.article_id, a.error, published=a.published)
        for a in batch
    ]


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
) -> RunResult:
    """Process every article under ``paths`` and write the tables to ``out_dir``."""
    started = time.perf_counter()
    config = read_config(config_path, model=model)
    nlp = nlp if nlp is not None else build(config)
    articles = list(read_articles(paths))
    records = process(nlp, articles, batch_size=batch_size, progress=progress)
    frames = to_frames(records)
    out = Path(out_dir)
    # The corpus-level entity table: across articles, so not one of the per-article frames.
    index = entity_index(frames["entities"])
    if fmt == "timeml":  # one .tml per article, for the TempEval-3 tools
        from .formats.timeml import write_articles

        written = write_articles(articles, frames["dates"].to_dict("records"), out)
    else:
        written = write_tables(frames, out, fmt)
        written += write_tables({"entities_index": index}, out, fmt)
    written += write_extracted(articles, out)
    info = {
        "newsie_version": __version__,
        "spacy_version": spacy.__version__,
        "model": model_info(nlp),
        "config_hash": config_hash(config),
        "inputs": [str(p) for p in paths],
        "n_articles": len(articles),
        "n_failed": sum(r.article.status != "ok" for r in records),
        "counts": {name: len(frame) for name, frame in frames.items()} | {"entities_index": len(index)},
        "errors": [
            {"article_id": r.article.article_id, "error": r.article.error}
            for r in records
            if r.article.status != "ok"
        ],
        "wall_time_s": round(time.perf_counter() - started, 3),
    }
    run_json = out / "run.json"
    run_json.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(run_json)
    return RunResult(records, frames, info, written)
