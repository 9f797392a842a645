"""Full-text search with German stemming: an SQLite FTS5 index built from the DuckDB store.

The DuckDB store is opened read-only by the server, so the index lives in its own file beside it
(``<db>.search.sqlite`` unless told otherwise).  Words are lower-cased and reduced with the
Snowball German stemmer in Python before they reach FTS5, and queries go through the same
function, so "Verhandlungen" finds "verhandelt" and "Häuser" finds "Haus".

The index also holds the per-document facts the search filters need (date, source, entities,
event types, quote speakers), so a filtered search is one SQLite query.  It records a signature
of the store's contents and is rebuilt when the store has changed (``ensure_index``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import duckdb
import snowballstemmer

INDEX_VERSION = "1"
WORD_RE = re.compile(r"\w+", re.UNICODE)
# A query is a sequence of words and "quoted phrases".
QUERY_RE = re.compile(r'"([^"]*)"|(\S+)')

_stemmer = snowballstemmer.stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text)]


def default_index_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.search.sqlite")


def store_signature(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever documents or annotations in the store change."""
    parts = [INDEX_VERSION]
    for sql in (
        "SELECT count(*), count(*) FILTER (WHERE status = 'ok'), max(ingested_at) FROM documents",
        "SELECT count(*), max(analysed_at) FROM analyses",
        "SELECT count(*) FROM doc_entities",
        "SELECT count(*) FROM entities",
        "SELECT count(*) FROM quotes",
        "SELECT count(*) FROM events",
    ):
        parts.extend(str(v) for v in con.execute(sql).fetchone())
    return "|".join(parts)


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (
    rowid INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, title TEXT, source TEXT,
    date_value TEXT, date_earliest TEXT, date_latest TEXT, n_words INTEGER
);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE doc_entities (rowid INTEGER NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE doc_event_types (rowid INTEGER NOT NULL, type TEXT NOT NULL);
CREATE TABLE doc_speakers (rowid INTEGER NOT NULL, entity_id TEXT, name TEXT);
"""

INDEXES = """
CREATE INDEX docs_date ON docs (date_earliest);
CREATE INDEX docs_source ON docs (source);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id, rowid);
CREATE INDEX doc_event_types_type ON doc_event_types (type, rowid);
CREATE INDEX doc_speakers_entity ON doc_speakers (entity_id, rowid);
CREATE INDEX doc_speakers_name ON doc_speakers (name, rowid);
"""


def _batches(cur: duckdb.DuckDBPyConnection, sql: str, size: int = 5000) -> Iterator[list[tuple]]:
    cur.execute(sql)
    while rows := cur.fetchmany(size):
        yield rows


def build_index(con: duckdb.DuckDBPyConnection, index_path: str | Path) -> int:
    """(Re)build the search index for the store behind ``con``; returns the number of documents.

    Written to a temporary file and renamed into place, so a server reading the old index never
    sees a half-built one.
    """
    index_path = Path(index_path)
    signature = store_signature(con)
    fd, tmp = tempfile.mkstemp(prefix=index_path.name + ".", suffix=".tmp", dir=index_path.parent)
    os.close(fd)
    try:
        out = sqlite3.connect(tmp)
        out.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        rowids: dict[str, int] = {}
        n = 0
        for rows in _batches(con, "SELECT id, title, text, source, date_value, CAST(date_earliest AS VARCHAR), "
                                  "CAST(date_latest AS VARCHAR), n_words FROM documents "
                                  "WHERE status = 'ok' ORDER BY id"):
            docs, fts = [], []
            for doc_id, title, text, source, date_value, earliest, latest, n_words in rows:
                n += 1
                rowids[doc_id] = n
                docs.append((n, doc_id, title, source, date_value, earliest, latest, n_words))
                fts.append((n, " ".join(stems(title or "")), " ".join(stems(text or ""))))
            out.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
            out.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", fts)
        for table, sql in (
            ("doc_entities", "SELECT DISTINCT doc_id, entity_id FROM doc_entities WHERE entity_id IS NOT NULL"),
            ("doc_event_types", "SELECT DISTINCT doc_id, type FROM events"),
            ("doc_speakers", "SELECT DISTINCT doc_id, source_entity_id, "
                             "lower(coalesce(source_text, source_description)) FROM quotes"),
        ):
            for rows in _batches(con, sql):
                values = [(rowids[r[0]], *r[1:]) for r in rows if r[0] in rowids]
                marks = ", ".join("?" for _ in rows[0])
                out.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
        out.executescript(INDEXES)
        out.executemany("INSERT INTO meta VALUES (?, ?)",
                        [("signature", signature), ("documents", str(n))])
        out.commit()
        out.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        out.commit()
        out.close()
        os.replace(tmp, index_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def index_signature(index_path: str | Path) -> str | None:
    if not Path(index_path).exists():
        return None
    try:
        with closing(_connect(index_path)) as idx:
            row = idx.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError:
        return None


def ensure_index(con: duckdb.DuckDBPyConnection, index_path: str | Path, force: bool = False) -> bool:
    """Build the index when missing, stale or ``force``d; returns whether it was built."""
    if not force and index_signature(index_path) == store_signature(con):
        return False
    build_index(con, index_path)
    return True


def _connect(index_path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(index_path).resolve()}?mode=ro", uri=True)


# -- queries ---------------------------------------------------------------------------------


@dataclass(slots=True)
class SearchFilters:
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    entity: str | None = None
    event_type: str | None = None
    speaker: str | None = None


def fts_query(query: str) -> str | None:
    """Turn a user query into an FTS5 expression over stems (all terms required).

    Every term becomes a quoted FTS5 string, so no user input is read as FTS5 syntax.
    """
    parts = []
    for phrase, word in QUERY_RE.findall(query):
        words = stems(phrase if phrase else word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " AND ".join(parts) if parts else None


def _where(filters: SearchFilters) -> tuple[list[str], list]:
    clauses, params = [], []
    if filters.date_from:
        clauses.append("d.date_latest >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("d.date_earliest <= ?")
        params.append(filters.date_to.isoformat())
    if filters.source:
        clauses.append("d.source = ?")
        params.append(filters.source)
    if filters.entity:
        clauses.append("d.rowid IN (SELECT rowid FROM doc_entities WHERE entity_id = ?)")
        params.append(filters.entity)
    if filters.event_type:
        clauses.append("d.rowid IN (SELECT rowid FROM doc_event_types WHERE type = ?)")
        params.append(filters.event_type)
    if filters.speaker:
        clauses.append("d.rowid IN (SELECT rowid FROM doc_speakers WHERE entity_id = ? OR name = ?)")
        params.extend([filters.speaker, filters.speaker.lower()])
    return clauses, params


def search(index_path: str | Path, query: str, filters: SearchFilters, limit: int, offset: int) -> dict:
    """Documents matching ``query`` (best first) and ``filters``; newest first without a query."""
    match = fts_query(query or "")
    clauses, params = _where(filters)
    with closing(_connect(index_path)) as idx:
        if match:
            where = " AND ".join(["fts MATCH ?"] + clauses)
            base = f"FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE {where}"
            all_params = [match] + params
            order = "ORDER BY bm25(fts, 3.0, 1.0), d.rowid"
        else:
            where = " AND ".join(clauses) or "1"
            base = f"FROM docs d WHERE {where}"
            all_params = params
            order = "ORDER BY d.date_earliest DESC NULLS LAST, d.rowid"
        total = idx.execute(f"SELECT count(*) {base}", all_params).fetchone()[0]
        rows = idx.execute(
            f"SELECT d.doc_id, d.title, d.source, d.date_value, d.date_earliest, d.date_latest {base} "
            f"{order} LIMIT ? OFFSET ?", all_params + [limit, offset]).fetchall()
    keys = ("id", "title", "source", "date_value", "date_earliest", "date_latest")
    return {"total": total, "query_stems": stems(query or ""),
            "results": [dict(zip(keys, r)) for r in rows]}


def snippet(text: str, query_stems: list[str], width: int = 220) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first matching word, as (text, is_match) pieces."""
    wanted = set(query_stems)
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text) if stem(m.group()) in wanted]
    first = words[0][0] if words else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    pieces: list[tuple[str, bool]] = [("… ", False)] if start else []
    pos = start
    for s, e in words:
        if s < start or e > end:
            continue
        if s > pos:
            pieces.append((text[pos:s], False))
        pieces.append((text[s:e], True))
        pos = e
    pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces
