"""The store of record: an SQLite database under the output folder.

Every processed article is kept with the key it was processed under: its id, the hash of its
content and the versions of newsie, spaCy, the model and the config (:class:`PipelineKey`).
A run asks the store which articles are new or changed (:meth:`Store.is_current`), processes
only those and writes each batch of results in one transaction (:meth:`Store.write`), replacing
a changed article's rows atomically and leaving the rest untouched. Because SQLite commits are
atomic and durable, a run killed at any point (even with SIGKILL) loses nothing it committed
and the next run resumes after it. The output tables are exported from the store
(:meth:`Store.export`), so they always match it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from ..core.errors import StoreError
from .io import TABLE_FORMATS, Article, atomic_path
from .writers import escape_frame
from .records import SORT_KEYS, TABLES, ArticleRecords, columns

logger = logging.getLogger(__name__)

STORE_NAME = "newsie.sqlite"
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL"}
EXPORT_CHUNK = 20_000  # rows per chunk when streaming a table out of the store
LOCK_WAIT_S = 10.0  # how long a statement waits for another process's lock on the store


@dataclass(frozen=True)
class PipelineKey:
    """The versions an article was processed under; any change means processing it again."""

    newsie_version: str
    spacy_version: str
    model: str
    model_version: str
    config_hash: str


def content_hash(article: Article) -> str:
    """Hash of everything the pipeline reads of an article (text and input metadata)."""
    parts = (article.text, article.published, article.source, article.url, article.title, article.error)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _schema() -> str:
    """The tables' columns and types: a store written under another schema is rebuilt."""
    return json.dumps({name: _table_sql(name) for name in TABLES}, sort_keys=True)


def _table_sql(name: str) -> str:
    types = {f.name: SQL_TYPES.get(str(f.type), "TEXT") for f in dataclasses.fields(TABLES[name])}
    cols = ", ".join(f'"{col}" {types[col]}' for col in columns(name))
    primary = ", PRIMARY KEY (article_id)" if name == "articles" else ""
    return f"CREATE TABLE IF NOT EXISTS {name} ({cols}{primary})"


KEY_COLUMNS = [f.name for f in dataclasses.fields(PipelineKey)]
SOURCES_SQL = (
    "CREATE TABLE IF NOT EXISTS sources (article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, "
    + ", ".join(f"{c} TEXT NOT NULL" for c in KEY_COLUMNS)
    + ")"
)
RUNS_SQL = "CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY AUTOINCREMENT, info TEXT NOT NULL)"


class Store:
    """An open newsie store; use as a context manager or call :meth:`close`.

    Args:
        path: the database file (created with its tables when absent).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: transactions are opened explicitly, one per batch.
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT_S)
            # WAL: a reader (an export, a test) never blocks the writer, and a killed writer
            # leaves every committed transaction intact.
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._create()
        except sqlite3.Error as err:
            raise store_error(self.path, err) from None

    @classmethod
    def in_folder(cls, out_dir: str | Path) -> "Store":
        return cls(Path(out_dir) / STORE_NAME)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _create(self) -> None:
        with self._transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            found = self.conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if found is not None and found[0] != _schema():
                # The record columns changed since this store was written: its rows cannot be
                # exported as they are, so start afresh (every article is processed again).
                logger.warning("%s was written under other table columns: it is rebuilt, and every article is processed again", self.path)
                for name in [*TABLES, "sources"]:
                    self.conn.execute(f"DROP TABLE IF EXISTS {name}")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (_schema(),))
            for name in TABLES:
                self.conn.execute(_table_sql(name))
                if name != "articles":
                    self.conn.execute(f"CREATE INDEX IF NOT EXISTS {name}_article ON {name} (article_id)")
            self.conn.execute(SOURCES_SQL)
            self.conn.execute(RUNS_SQL)

    def _transaction(self):
        return _Transaction(self.conn)

    # -- reading the keys -------------------------------------------------------------------

    def keys(self) -> dict[str, tuple]:
        """``article_id -> (content_hash, *versions)`` for every stored article."""
        cols = ", ".join(["content_hash", *KEY_COLUMNS])
        rows = self.conn.execute(f"SELECT article_id, {cols} FROM sources")
        return {row[0]: tuple(row[1:]) for row in rows}

    @staticmethod
    def key_of(digest: str, key: PipelineKey) -> tuple:
        return (digest, *dataclasses.astuple(key))

    # -- writing ----------------------------------------------------------------------------

    def write(self, batch: Iterable[tuple[ArticleRecords, str]], key: PipelineKey) -> int:
        """Replace the rows of each article in ``batch`` (records, content hash) atomically.

        One transaction for the whole batch: either every article of it is stored, or none.
        """
        batch = list(batch)
        if not batch:
            return 0
        ids = [(rec.article.article_id,) for rec, _ in batch]
        versions = dataclasses.astuple(key)
        with self._transaction():
            for name in TABLES:
                self.conn.executemany(f"DELETE FROM {name} WHERE article_id = ?", ids)
            self.conn.executemany("DELETE FROM sources WHERE article_id = ?", ids)
            for name, rows in _rows(rec for rec, _ in batch).items():
                marks = ", ".join("?" for _ in columns(name))
                self.conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
            marks = ", ".join("?" for _ in range(2 + len(versions)))
            self.conn.executemany(
                f"INSERT INTO sources VALUES ({marks})",
                [(rec.article.article_id, digest, *versions) for rec, digest in batch],
            )
        return len(batch)

    def log_run(self, info: dict) -> None:
        with self._transaction():
            self.conn.execute("INSERT INTO runs (info) VALUES (?)", (json.dumps(info, ensure_ascii=False),))

    # -- reading the tables -----------------------------------------------------------------

    def statuses(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``article_id -> (status, error)`` for the given ids that are stored."""
        out = {}
        for chunk in _chunks(list(article_ids), 500):
            marks = ", ".join("?" for _ in chunk)
            query = f"SELECT article_id, status, error FROM articles WHERE article_id IN ({marks})"
            out.update({row[0]: (row[1], row[2]) for row in self.conn.execute(query, chunk)})
        return out

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {_checked(table)}").fetchone()[0]

    def iter_chunks(
        self, table: str, *, article_ids: list[str] | None = None, size: int = EXPORT_CHUNK
    ) -> Iterator[pd.DataFrame]:
        """The table's rows in output order (sort keys, then insertion), as DataFrame chunks."""
        cols = columns(_checked(table))
        select = ", ".join(f'"{c}"' for c in cols)
        where, params = "", []
        if article_ids is not None:
            where = f" WHERE article_id IN ({self._selection(article_ids)})"
        order = ", ".join(f'"{c}"' for c in SORT_KEYS[table]) + ", rowid"
        cursor = self.conn.execute(f"SELECT {select} FROM {table}{where} ORDER BY {order}", params)
        while True:
            rows = cursor.fetchmany(size)
            if not rows:
                break
            yield pd.DataFrame(rows, columns=cols)

    def _selection(self, article_ids: list[str]) -> str:
        """SQL naming the given ids: placeholders-free, through a temporary table, so that a
        selection of any size (an archive's 500,000 ids) stays one query."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS selection (article_id TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM selection")
        self.conn.executemany("INSERT OR IGNORE INTO selection VALUES (?)", ((i,) for i in article_ids))
        return "SELECT article_id FROM selection"

    def count_of(self, table: str, article_ids: list[str] | None = None) -> int:
        """Rows of ``table`` (of the given articles only, when ids are given)."""
        if article_ids is None:
            return self.count(table)
        query = f"SELECT COUNT(*) FROM {_checked(table)} WHERE article_id IN ({self._selection(article_ids)})"
        return self.conn.execute(query).fetchone()[0]

    def frame(self, table: str, *, article_ids: list[str] | None = None) -> pd.DataFrame:
        """One whole table (or the rows of some articles), as :func:`records.to_frames` builds it."""
        chunks = list(self.iter_chunks(table, article_ids=article_ids))
        if not chunks:
            return pd.DataFrame([], columns=columns(table))
        return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]

    def frames(self, *, article_ids: list[str] | None = None) -> dict[str, pd.DataFrame]:
        return {name: self.frame(name, article_ids=article_ids) for name in TABLES}

    def export(
        self, out_dir: str | Path, fmt: str = "csv", *, article_ids: list[str] | None = None
    ) -> list[Path]:
        """Write every table as ``<name>.<fmt>``, streamed from the store (the rows of the given
        articles only, when ids are given); return the paths.

        Each file is written beside its final name and moved into place, so a reader never
        sees a half-written table.
        """
        if fmt not in TABLE_FORMATS:
            raise ValueError(f"format must be one of {TABLE_FORMATS}, not {fmt!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            path = out / f"{name}.{fmt}"
            with atomic_path(path) as tmp:
                _EXPORTERS[fmt](name, self.iter_chunks(name, article_ids=article_ids), tmp)
            written.append(path)
        return written

    def delete(self, article_ids: Iterable[str]) -> int:
        """Drop every row of the given articles (one transaction); the number of articles dropped."""
        ids = [(i,) for i in article_ids]
        with self._transaction():
            for name in TABLES:
                self.conn.executemany(f"DELETE FROM {name} WHERE article_id = ?", ids)
            before = self.conn.total_changes
            self.conn.executemany("DELETE FROM sources WHERE article_id = ?", ids)
            return self.conn.total_changes - before


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` when the block raises)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise store_error(Path(self.conn.execute("PRAGMA database_list").fetchone()[2]), err) from None

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def store_error(path: Path, err: sqlite3.Error) -> StoreError:
    """A clear message for a store that another program holds, or that is no database."""
    if "locked" in str(err) or "busy" in str(err):
        return StoreError(
            f"the store {path} is locked by another program (waited {LOCK_WAIT_S:g} s): "
            "close whatever has it open (a database browser, another run) and try again"
        )
    return StoreError(f"cannot use the store {path}: {err}")


def _checked(table: str) -> str:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    return table


def _rows(records: Iterable[ArticleRecords]) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for rec in records:
        rows["articles"].append(dataclasses.astuple(rec.article))
        for name in TABLES:
            if name != "articles":
                rows[name].extend(dataclasses.astuple(r) for r in getattr(rec, name))
    return rows


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _export_csv(name: str, chunks: Iterable[pd.DataFrame], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        header = True
        for chunk in chunks:  # formula-like cells escaped for spreadsheets (writers.csv_cell)
            escape_frame(chunk).to_csv(f, index=False, header=header, lineterminator="\n")
            header = False
        if header:  # an empty table still gets its header
            pd.DataFrame([], columns=columns(name)).to_csv(f, index=False, lineterminator="\n")


def _export_jsonl(name: str, chunks: Iterable[pd.DataFrame], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        empty = True
        for chunk in chunks:
            text = chunk.to_json(orient="records", lines=True, force_ascii=False)
            f.write(text if text.endswith("\n") else text + "\n")
            empty = False
        if empty:  # as pandas writes an empty table, so that readers accept it
            f.write(pd.DataFrame([], columns=columns(name)).to_json(orient="records", lines=True))


def _export_parquet(name: str, chunks: Iterable[pd.DataFrame], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    fields = dataclasses.fields(TABLES[name])
    schema = pa.schema([(f.name, arrow_types.get(str(f.type), pa.string())) for f in fields])
    with closing(pq.ParquetWriter(path, schema)) as writer:
        for chunk in chunks:
            writer.write_table(pa.Table.from_pandas(chunk, schema=schema, preserve_index=False))


_EXPORTERS = {"csv": _export_csv, "jsonl": _export_jsonl, "parquet": _export_parquet}
