"""One DuckDB file holds documents, rejects and every annotation layer.

Writes happen in one transaction per batch, so a killed process leaves the database as it was
after the last complete batch; re-running the same command continues from there.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb

from ..doc import DocDate, Document
from .rows import ANNOTATION_TABLES, document_rows

DEFAULT_DB = "chronik.duckdb"
EXPORT_FORMATS = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}  # format -> file extension

DOCUMENT_COLUMNS = (
    "id", "text_hash", "source", "url", "title", "text", "date_value", "date_granularity",
    "date_earliest", "date_latest", "lang", "status", "status_reason", "origin",
    "origin_location", "n_words", "meta",
)


@lru_cache(maxsize=1)
def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {"date_earliest": pa.date32(), "date_latest": pa.date32(), "n_words": pa.int32()}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, Any]:
    """Arrow types of a table's columns (JSON and VARCHAR as strings)."""
    import pyarrow as pa

    arrow = {"INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "DATE": pa.date32(),
             "BOOLEAN": pa.bool_(), "VARCHAR": pa.string(), "JSON": pa.string()}
    rows = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_schema = 'main' AND table_name = ?", [table]).fetchall()
    return {name: arrow[kind] for name, kind in rows if kind in arrow}


def _schema_sql() -> str:
    return resources.files("chronik.store").joinpath("schema.sql").read_text(encoding="utf-8")


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no database at {self.path}")
        self.con = duckdb.connect(self.path, read_only=read_only)
        # DuckDB draws its own progress bar on long queries; chronik's output (and --quiet) is ours.
        self.con.execute("SET enable_progress_bar = false")
        if not read_only:
            self.con.execute(_schema_sql())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------
    def transaction(self):
        return _Transaction(self.con)

    @contextmanager
    def memory_limit(self, n_bytes: int) -> Iterator[None]:
        """Cap DuckDB's memory for a while (see set_memory_limit), then restore the previous cap."""
        previous = self.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        self.set_memory_limit(n_bytes)
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{previous}'")

    def set_memory_limit(self, n_bytes: int) -> None:
        """Set DuckDB's memory cap; a cap below what it holds right now stays where it was."""
        try:
            self.con.execute(f"SET memory_limit = '{max(1, n_bytes // 1024)}KiB'")
        except duckdb.OutOfMemoryException:
            pass

    @contextmanager
    def auto_checkpoints_off(self) -> Iterator[None]:
        """No automatic checkpoints for a while: the caller checkpoints (see ingest.checkpoint)."""
        previous = self.con.execute("SELECT current_setting('wal_autocheckpoint')").fetchall()[0][0]
        self.con.execute("SET wal_autocheckpoint = '1TB'")
        try:
            yield
        finally:
            self.con.execute(f"SET wal_autocheckpoint = '{previous}'")

    def wal_bytes(self) -> int:
        """Size of the write-ahead log (0 for an in-memory store or after a checkpoint)."""
        try:
            return Path(self.path + ".wal").stat().st_size
        except OSError:
            return 0

    def index_memory(self) -> int:
        """Bytes held by primary-key indexes: DuckDB keeps them in memory and cannot spill them,
        so a memory cap below them fails (at a checkpoint even fatally)."""
        return self.con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                                "WHERE tag = 'ART_INDEX'").fetchone()[0]

    # -- documents ------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def first_with_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """text_hash -> id of the earliest stored non-duplicate document with that text."""
        hashes = list(set(hashes))
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT text_hash, min(id) FROM documents WHERE status <> 'duplicate' "
            "AND text_hash IN (SELECT unnest(?)) GROUP BY text_hash",
            [hashes],
        ).fetchall()
        return dict(rows)

    def insert_documents(self, rows: list[dict[str, Any]]) -> int:
        """Insert document rows; rows whose id exists already are ignored. Returns rows added.

        The batch goes in as one Arrow table: one statement instead of a round trip per row.
        """
        if not rows:
            return 0
        import pyarrow as pa

        before = self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        types = _arrow_types()
        columns = {c: [r.get(c) for r in rows] for c in DOCUMENT_COLUMNS}
        columns["meta"] = [json.dumps(m or {}, ensure_ascii=False) for m in columns["meta"]]
        batch = pa.table({c: pa.array(v, type=types.get(c, pa.string())) for c, v in columns.items()})
        # No try/finally: after a failed INSERT the aborted transaction refuses even the unregister,
        # which would hide the real error (say, out of memory); the next register replaces the view.
        self.con.register("_documents_batch", batch)
        cols = ", ".join(DOCUMENT_COLUMNS)
        self.con.execute(f"INSERT INTO documents ({cols}) SELECT {cols} FROM _documents_batch "
                         "ON CONFLICT DO NOTHING")
        self.con.unregister("_documents_batch")
        return self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0] - before

    def insert_rejects(self, rejects: list[tuple[str, str, str]]) -> None:
        if rejects:
            self.con.executemany(
                "INSERT INTO rejects (origin, location, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                rejects,
            )

    def load_document(self, doc_id: str) -> Document | None:
        row = self.con.execute(
            "SELECT id, text, title, source, url, lang, date_value, date_granularity, date_earliest, "
            "date_latest, meta FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        return _row_to_document(row) if row else None

    def documents_to_analyse(self, signature: str, batch_size: int = 200,
                             reanalyse: bool = False) -> Iterator[list[Document]]:
        """Batches of German, non-duplicate documents not yet analysed by ``signature``."""
        where = "d.status = 'ok'"
        if not reanalyse:
            where += " AND (a.pipeline IS NULL OR a.pipeline <> ?)"
        params = [] if reanalyse else [signature]
        ids = [r[0] for r in self.con.execute(
            f"SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id WHERE {where} "
            "ORDER BY d.id", params).fetchall()]
        for i in range(0, len(ids), batch_size):
            chunk = ids[i:i + batch_size]
            rows = self.con.execute(
                "SELECT id, text, title, source, url, lang, date_value, date_granularity, date_earliest, "
                "date_latest, meta FROM documents WHERE id IN (SELECT unnest(?)) ORDER BY id",
                [chunk],
            ).fetchall()
            yield [_row_to_document(r) for r in rows]

    # -- annotations ------------------------------------------------------------------------
    def write_analyses(self, docs: list[Document], signature: str,
                       errors: dict[str, str] | None = None) -> None:
        """Replace every annotation layer of ``docs`` in one transaction."""
        errors = errors or {}
        ids = [d.id for d in docs] + list(errors)
        with self.transaction():
            for table in ANNOTATION_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            for table, rows in document_rows(docs).items():
                if rows:
                    self._insert_rows(table, rows)
            self.con.execute("DELETE FROM analyses WHERE doc_id IN (SELECT unnest(?))", [ids])
            self.con.executemany(
                "INSERT INTO analyses (doc_id, pipeline, error) VALUES (?, ?, ?)",
                [[d.id, signature, None] for d in docs] + [[i, signature, e] for i, e in errors.items()],
            )

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert a batch as one Arrow table: DuckDB's executemany pays a round trip per row
        (about 10 ms under load), which made the store the slowest step of the whole pipeline."""
        import pyarrow as pa

        types = _column_types(self.con, table)
        cols = list(rows[0])
        batch = pa.table({c: pa.array([r[c] for r in rows], type=types.get(c)) for c in cols})
        name = f"_{table}_batch"
        self.con.register(name, batch)
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {name}")
        finally:
            self.con.unregister(name)

    # -- queries ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ["documents", "rejects", "analyses", "mentions", "entities", "timexes", "quotes",
                  "events", "event_clusters"]
        out = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        for status, n in self.con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall():
            out[f"documents_{status}"] = n
        return out

    def reject_reasons(self, limit: int = 10) -> dict[str, int]:
        """The commonest kinds of reject (reason up to its first colon or digit) with counts."""
        rows = self.con.execute(
            "SELECT regexp_extract(reason, '^[^:0-9(]*') AS kind, count(*) AS n FROM rejects "
            "GROUP BY kind ORDER BY n DESC, kind LIMIT ?", [limit]).fetchall()
        return {kind.strip(): n for kind, n in rows}

    def tables(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name").fetchall()]

    def export(self, table: str, fmt: str, path: str | Path) -> int:
        """Write ``table`` to ``path`` as parquet, csv or jsonl (rows in key order). Returns rows."""
        if table not in self.tables():
            raise ValueError(f"unknown table {table!r}")
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}")
        options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true",
                   "jsonl": "FORMAT json"}[fmt]
        keys = [r[0] for r in self.con.execute(
            "SELECT unnest(constraint_column_names) FROM duckdb_constraints() "
            "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [table]).fetchall()]
        order = f" ORDER BY {', '.join(keys)}" if keys else ""
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY (SELECT * FROM {table}{order}) TO '{target}' ({options})")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def _row_to_document(row) -> Document:
    (doc_id, text, title, source, url, lang, date_value, granularity, earliest, latest, meta) = row
    date = DocDate(date_value, granularity, earliest, latest) if date_value else None
    return Document(id=doc_id, text=text, title=title, source=source, url=url, lang=lang, date=date,
                    meta=json.loads(meta) if meta else {})
