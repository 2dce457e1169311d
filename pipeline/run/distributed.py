"""Extraction on a Dask distributed cluster (``newsie run --dask ADDRESS``).

The client streams the articles to the cluster in partitions, a few partitions per worker in
flight at a time, so a corpus of any size never sits in memory at once. Each worker loads the
pipeline once, when :class:`PipelineLoader` is registered, and keeps it for every partition it
runs. The records come back to the client, which commits them to the same store as a local
run, so an interrupted cluster run resumes like a local one.

``dask[distributed]`` is an optional extra (``pip install "newsie[dask]"``); every worker needs
newsie and the model installed, as the client does.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from itertools import islice
from typing import Iterable, Iterator

from ..core.errors import ConfigError
from .io import Article
from .records import ArticleRecords

try:
    from distributed import WorkerPlugin
except ImportError:  # the extra is not installed: connect() says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

logger = logging.getLogger(__name__)

PLUGIN_NAME = "newsie-pipeline"
NLP_ATTRIBUTE = "newsie_nlp"


def _import_distributed():
    try:
        import distributed
    except ImportError as err:
        raise ConfigError('--dask needs Dask: pip install "newsie[dask]"') from err
    return distributed


class PipelineLoader(WorkerPlugin):
    """A Dask worker plugin: build the newsie pipeline once per worker from a config text.

    Args:
        config_text: the newsie config (``Config.to_str()``), so that every worker runs
            exactly the client's pipeline.
    """

    name = PLUGIN_NAME

    def __init__(self, config_text: str) -> None:
        self.config_text = config_text

    def setup(self, worker) -> None:
        from thinc.api import Config

        from .nlp import build

        setattr(worker, NLP_ATTRIBUTE, build(Config().from_str(self.config_text)))
        logger.info("newsie pipeline loaded on worker %s", worker.address)

    def teardown(self, worker) -> None:
        if hasattr(worker, NLP_ATTRIBUTE):
            delattr(worker, NLP_ATTRIBUTE)


def process_partition(articles: list[Article], batch_size: int) -> list[ArticleRecords]:
    """Run on a worker: the partition's records in input order, with the worker's pipeline."""
    from distributed import get_worker

    from .extract import extract

    nlp = getattr(get_worker(), NLP_ATTRIBUTE)
    return [records for _, records in extract(nlp, articles, batch_size=batch_size)]


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while part := list(islice(it, size)):
        yield part


def connect(address: str, stack: ExitStack, *, n_workers: int | None = None, processes: bool = True):
    """A client for ``address``; ``"local"`` starts a ``LocalCluster`` closed with ``stack``."""
    distributed = _import_distributed()
    if address == "local":
        cluster = stack.enter_context(
            distributed.LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=None
            )
        )
        return stack.enter_context(distributed.Client(cluster))
    return stack.enter_context(distributed.Client(address))


def extract_on_dask(
    articles: Iterable[Article],
    address: str,
    config_text: str,
    *,
    batch_size: int = 32,
    partition_size: int | None = None,
    n_workers: int | None = None,
    processes: bool = True,
) -> Iterator[tuple[Article, ArticleRecords]]:
    """Yield ``(article, records)`` for every article, processed on the cluster at ``address``.

    Partitions come back in the order they finish, not the input order: the store does not
    care, and waiting for a slow partition would idle the others.

    Args:
        partition_size: articles per task (default: ``4 * batch_size``).
        n_workers, processes: for ``address="local"`` only, the ``LocalCluster``'s workers.
    """
    distributed = _import_distributed()
    size = partition_size or 4 * batch_size
    with ExitStack() as stack:
        client = connect(address, stack, n_workers=n_workers, processes=processes)
        client.register_plugin(PipelineLoader(config_text), name=PLUGIN_NAME)
        # Two partitions per worker in flight: one running, one queued, none piling up.
        in_flight = 2 * max(1, len(client.scheduler_info()["workers"]))
        parts = partitions(articles, size)
        queue = distributed.as_completed()
        # The client keeps the articles in flight rather than getting them back with the records.
        sent: dict = {}

        def submit(part: list[Article]) -> None:
            future = client.submit(process_partition, part, batch_size, pure=False)
            sent[future.key] = part
            queue.add(future)

        for part in islice(parts, in_flight):
            submit(part)
        for future in queue:
            records = future.result()
            part = sent.pop(future.key)
            future.release()
            following = next(parts, None)
            if following is not None:
                submit(following)
            yield from zip(part, records, strict=True)
