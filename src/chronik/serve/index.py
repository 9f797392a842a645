"""The serving index: an SQLite file derived from the DuckDB store, built once, read by every request.

The store is opened read-only and is laid out for analysis (wide columnar tables, actors in JSON);
the pages and the API need point lookups ("the events of this entity, in time order, 50 at a
time") that should stay fast at 100k+ articles.  So ``chronik serve`` derives one SQLite file
(``<db>.index.sqlite`` by default) holding:

* ``fts`` – an FTS5 full-text index over Snowball-stemmed words (see search.py) plus one
  ``facets`` column of filter tokens (source, entities, event types, quote speakers: see
  ``search.facet``), so a filtered search is one intersection of posting lists; ``docs`` holds
  the article metadata, row ids in publication order;
* ``entities``, ``entity_roles``, ``cooc`` – entity names, aliases, roles over time, co-occurrence;
* ``events``/``event_actors`` and ``quotes``/``quote_about`` – event and quote mentions with their
  actors, speakers and subjects resolved to corpus entity ids, with time-ordered indexes.

The file records a signature of the store's contents and is rebuilt when the store changes.
It is written to a temporary file and renamed into place, so readers never see half an index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import duckdb

from .search import facet_sql, stems

INDEX_VERSION = "10"
UNKNOWN_TIME = "9999-12-31"  # sorts undated items last
# Items whose time span is longer than this are flagged ``long``: a "from" date filter then reads
# the short ones as one index range starting SHORT_SPAN_DAYS before it, and the few long ones apart.
SHORT_SPAN_DAYS = 31
COOC_PER_ENTITY = 50

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (
    rowid INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, title TEXT, source TEXT,
    date_value TEXT, date_earliest TEXT, date_latest TEXT, n_words INTEGER
);
CREATE VIRTUAL TABLE fts USING fts5(title, body, facets, content='',
                                    tokenize='unicode61 remove_diacritics 0');
CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT, label TEXT, country TEXT, sector TEXT, external_id TEXT,
    n_docs INTEGER, n_mentions INTEGER, aliases TEXT
);
-- Every name and alias, lower-cased, so a page's filter field can take a name instead of an id.
CREATE TABLE entity_names (key TEXT, entity_id TEXT, n_docs INTEGER);
CREATE TABLE entity_roles (entity_id TEXT, role TEXT, first TEXT, last TEXT, n_docs INTEGER);
CREATE TABLE cooc (entity_id TEXT, other_id TEXT, n_docs INTEGER);
CREATE TABLE events (
    eid INTEGER PRIMARY KEY, doc_id TEXT, idx INTEGER, type TEXT, mode TEXT, modality TEXT,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, sentence_text TEXT,
    sources TEXT, targets TEXT, location TEXT, source_codes TEXT, target_codes TEXT,
    time_value TEXT, earliest TEXT, latest TEXT, cluster_id TEXT,
    t_first TEXT, t_last TEXT, long INTEGER,
    doc_title TEXT, doc_source TEXT, doc_date TEXT, doc_earliest TEXT, doc_latest TEXT
);
CREATE TABLE event_actors (entity_id TEXT, t_first TEXT, eid INTEGER, t_last TEXT, long INTEGER,
                           PRIMARY KEY (entity_id, t_first, t_last, eid)) WITHOUT ROWID;
CREATE TABLE quotes (
    qid INTEGER PRIMARY KEY, doc_id TEXT, idx INTEGER, form TEXT, medium TEXT,
    cue_text TEXT, source_text TEXT, message_text TEXT, addressee_text TEXT,
    source_description TEXT, source_country TEXT, channel TEXT, time_value TEXT,
    start_char INTEGER, end_char INTEGER, cue TEXT, source TEXT, message TEXT,
    speaker_id TEXT, speaker_text TEXT, addressee_id TEXT, about TEXT,
    t_first TEXT, t_last TEXT, long INTEGER, doc_title TEXT, doc_source TEXT, doc_date TEXT, doc_earliest TEXT
);
-- Dashboard figures that would otherwise scan every event on each visit.
CREATE TABLE event_type_months (type TEXT, month TEXT, n INTEGER);
CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER);
-- Per entity and month: events it is an actor in, quotes it said (the entity page's overview).
CREATE TABLE entity_months (entity_id TEXT, kind TEXT, month TEXT, n INTEGER,
                            PRIMARY KEY (entity_id, kind, month)) WITHOUT ROWID;
CREATE TABLE quote_about (entity_id TEXT, t_first TEXT, qid INTEGER, t_last TEXT, long INTEGER,
                          PRIMARY KEY (entity_id, t_first, t_last, qid)) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX docs_date ON docs (date_earliest);
CREATE INDEX docs_source ON docs (source);
CREATE INDEX entities_rank ON entities (n_docs DESC, id);
CREATE INDEX entity_names_key ON entity_names (key, n_docs DESC, entity_id);
CREATE INDEX entity_roles_entity ON entity_roles (entity_id, first);
CREATE INDEX cooc_entity ON cooc (entity_id, n_docs DESC);
CREATE INDEX events_time ON events (t_first, t_last, eid);
CREATE INDEX events_type ON events (type, t_first, t_last, eid);
CREATE INDEX events_source ON events (doc_source, t_first, t_last, eid);
CREATE INDEX events_long ON events (long, t_first, t_last, eid);
CREATE INDEX events_doc ON events (doc_id, idx);
CREATE INDEX event_actors_long ON event_actors (entity_id, long, t_first, t_last, eid);
CREATE INDEX quotes_time ON quotes (t_first, t_last, qid);
CREATE INDEX quotes_speaker ON quotes (speaker_id, t_first, t_last, qid);
CREATE INDEX quotes_speaker_text ON quotes (speaker_text, t_first, t_last, qid);
CREATE INDEX quotes_long ON quotes (long, t_first, t_last, qid);
CREATE INDEX quotes_doc ON quotes (doc_id, idx);
CREATE INDEX quote_about_long ON quote_about (entity_id, long, t_first, t_last, qid);
"""


def default_index_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.index.sqlite")


def store_signature(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever documents or annotations in the store change."""
    parts = [INDEX_VERSION]
    for sql in (
        "SELECT count(*), count(*) FILTER (WHERE status = 'ok'), max(ingested_at) FROM documents",
        "SELECT count(*), max(analysed_at) FROM analyses",
        "SELECT count(*) FROM doc_entities",
        "SELECT count(*), sum(n_docs) FROM entities",
        "SELECT count(*) FROM entity_roles",
        "SELECT count(*) FROM quotes",
        "SELECT count(*), count(cluster_id) FROM events",
    ):
        parts.extend(str(v) for v in con.execute(sql).fetchone())
    return "|".join(parts)


def connect(index_path: str | Path) -> sqlite3.Connection:
    """A read-only connection with rows as dicts."""
    con = sqlite3.connect(f"file:{Path(index_path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
    return con


def index_signature(index_path: str | Path) -> str | None:
    if not Path(index_path).exists():
        return None
    try:
        con = connect(index_path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        finally:
            con.close()
        return row["value"] if row else None
    except sqlite3.DatabaseError:
        return None


def ensure_index(con: duckdb.DuckDBPyConnection, index_path: str | Path, force: bool = False) -> bool:
    """Build the index when missing, stale or ``force``d; returns whether it was built."""
    if not force and index_signature(index_path) == store_signature(con):
        return False
    build_index(con, index_path)
    return True


def _batches(cur: duckdb.DuckDBPyConnection, sql: str, params: list | None = None,
             size: int = 5000) -> Iterator[list[tuple]]:
    cur.execute(sql, params or [])
    while rows := cur.fetchmany(size):
        yield rows


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _loads(value: str | None, default: Any) -> Any:
    if value is None:
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


def build_index(con: duckdb.DuckDBPyConnection, index_path: str | Path) -> int:
    """(Re)build the serving index for the store behind ``con``; returns the number of documents."""
    index_path = Path(index_path)
    signature = store_signature(con)
    fd, tmp = tempfile.mkstemp(prefix=index_path.name + ".", suffix=".tmp", dir=index_path.parent)
    os.close(fd)
    try:
        out = sqlite3.connect(tmp)
        out.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        n = _build_documents(con, out)
        _build_entities(con, out)
        _build_events_and_quotes(con, out)
        out.executescript(INDEXES)
        _build_summaries(out)
        out.executemany("INSERT INTO meta VALUES (?, ?)", [("signature", signature), ("documents", str(n))])
        out.commit()
        out.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        out.execute("ANALYZE")
        out.commit()
        out.close()
        os.replace(tmp, index_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def _build_summaries(out: sqlite3.Connection) -> None:
    out.execute("INSERT INTO event_type_months SELECT type, substr(t_first, 1, 7), count(*) FROM events "
                "WHERE t_first <> ? GROUP BY 1, 2", [UNKNOWN_TIME])
    for table in ("entities", "quotes", "events"):
        out.execute(f"INSERT INTO counts SELECT '{table}', count(*) FROM {table}")


def _build_documents(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection) -> int:
    """Full text (stemmed) with the filter facets of each article.

    Row ids follow publication order, so "newest first" is a walk down the FTS5 rowid order
    that stops after one page, however many articles match.
    """
    n = 0
    for rows in _batches(con, f"""
            WITH facets AS (
                SELECT doc_id, {facet_sql('entity', 'entity_id')} AS token FROM doc_entities WHERE entity_id IS NOT NULL
                UNION SELECT doc_id, {facet_sql('event_type', 'type')} FROM events
                UNION SELECT q.doc_id, {facet_sql('speaker', 'coalesce(de.entity_id, q.source_entity_id)')}
                      FROM quotes q LEFT JOIN doc_entities de ON de.doc_id = q.doc_id AND de.idx = q.source_doc_entity
                      WHERE coalesce(de.entity_id, q.source_entity_id) IS NOT NULL
                UNION SELECT doc_id, {facet_sql('speaker', 'lower(coalesce(source_text, source_description))')}
                      FROM quotes WHERE coalesce(source_text, source_description) IS NOT NULL),
            per_doc AS (SELECT doc_id, string_agg(token, ' ') AS tokens FROM facets GROUP BY doc_id)
            SELECT d.id, d.title, d.text, d.source, d.date_value, d.date_earliest, d.date_latest, d.n_words,
                   concat_ws(' ', CASE WHEN d.source IS NOT NULL THEN {facet_sql('source', 'd.source')} END, f.tokens)
            FROM documents d LEFT JOIN per_doc f ON f.doc_id = d.id
            WHERE d.status = 'ok' ORDER BY d.date_earliest NULLS FIRST, d.id"""):
        docs, fts = [], []
        for doc_id, title, text, source, date_value, earliest, latest, n_words, facets in rows:
            n += 1
            docs.append((n, doc_id, title, source, date_value, _iso(earliest), _iso(latest), n_words))
            fts.append((n, " ".join(stems(title or "")), " ".join(stems(text or "")), facets or ""))
        out.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
        out.executemany("INSERT INTO fts (rowid, title, body, facets) VALUES (?, ?, ?, ?)", fts)
    return n


def _build_entities(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection) -> None:
    """Entities with aliases (consolidated table where present, else from in-document entities),
    roles over time and the most frequent co-occurring entities."""
    rows = con.execute("""
        WITH agg AS (
            SELECT entity_id AS id, mode(name) AS name, mode(label) AS label, mode(country) AS country,
                   mode(sector) AS sector, mode(external_id) AS external_id, count(DISTINCT doc_id) AS n_docs
            FROM doc_entities WHERE entity_id IS NOT NULL GROUP BY entity_id),
        mentions_n AS (SELECT entity_id AS id, count(*) AS n FROM mentions WHERE entity_id IS NOT NULL GROUP BY 1),
        forms AS (
            SELECT entity_id AS id, f.form, count(*) AS n
            FROM doc_entities, unnest(CAST(coalesce(forms, '[]') AS VARCHAR[])) AS f(form)
            WHERE entity_id IS NOT NULL GROUP BY 1, 2
            UNION ALL SELECT entity_id, name, count(*) FROM doc_entities
            WHERE entity_id IS NOT NULL AND name IS NOT NULL GROUP BY 1, 2),
        aliases AS (SELECT id, list(form ORDER BY n DESC, form) AS forms FROM
                    (SELECT id, form, sum(n) AS n FROM forms GROUP BY 1, 2) GROUP BY id),
        ids AS (SELECT id FROM agg UNION SELECT id FROM entities)
        SELECT ids.id, coalesce(e.name, a.name), coalesce(e.label, a.label), coalesce(e.country, a.country),
               coalesce(e.sector, a.sector), coalesce(e.external_id, a.external_id),
               coalesce(e.n_docs, a.n_docs, 0), coalesce(e.n_mentions, m.n), al.forms,
               CAST(coalesce(e.forms, '[]') AS VARCHAR[])
        FROM ids LEFT JOIN entities e ON e.id = ids.id LEFT JOIN agg a ON a.id = ids.id
        LEFT JOIN mentions_n m ON m.id = ids.id LEFT JOIN aliases al ON al.id = ids.id""").fetchall()
    values, names = [], []
    for id_, name, label, country, sector, ext, n_docs, n_mentions, forms, consolidated in rows:
        aliases = [f for f in dict.fromkeys((forms or []) + (consolidated or [])) if f and f != name]
        values.append((id_, name, label, country, sector, ext, n_docs, n_mentions,
                       json.dumps(aliases, ensure_ascii=False)))
        names += [(key, id_, n_docs) for key in {n.lower() for n in [name, *aliases] if n}]
    out.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    out.executemany("INSERT INTO entity_names VALUES (?, ?, ?)", names)

    roles = con.execute("""
        SELECT entity_id, role, min(date_earliest), max(date_latest), count(DISTINCT doc_id)
        FROM entity_roles GROUP BY 1, 2""").fetchall()
    if not roles:  # before corpus consolidation fills entity_roles: roles of in-document entities
        roles = con.execute("""
            SELECT de.entity_id, r.role, min(d.date_earliest), max(d.date_latest), count(DISTINCT de.doc_id)
            FROM doc_entities de JOIN documents d ON d.id = de.doc_id,
                 unnest(CAST(coalesce(de.roles, '[]') AS VARCHAR[])) AS r(role)
            WHERE de.entity_id IS NOT NULL GROUP BY 1, 2""").fetchall()
    out.executemany("INSERT INTO entity_roles VALUES (?, ?, ?, ?, ?)",
                    [(e, r, _iso(a), _iso(b), n) for e, r, a, b, n in roles])

    for rows in _batches(con, """
            WITH pairs AS (SELECT DISTINCT doc_id, entity_id FROM doc_entities WHERE entity_id IS NOT NULL),
                 counts AS (SELECT a.entity_id AS e, b.entity_id AS o, count(*) AS n
                            FROM pairs a JOIN pairs b ON a.doc_id = b.doc_id AND a.entity_id <> b.entity_id
                            GROUP BY 1, 2)
            SELECT e, o, n FROM counts QUALIFY row_number() OVER (PARTITION BY e ORDER BY n DESC, o) <= ?""",
                         [COOC_PER_ENTITY]):
        out.executemany("INSERT INTO cooc VALUES (?, ?, ?)", rows)


def _build_events_and_quotes(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection) -> None:
    """Events and quotes with entity ids resolved, document by document, in id-ordered chunks."""
    doc_ids = [r[0] for r in con.execute("SELECT id FROM documents WHERE status = 'ok' ORDER BY id").fetchall()]
    eid = qid = 0
    months: Counter[tuple[str, str, str]] = Counter()
    for i in range(0, len(doc_ids), 5000):
        lo, hi = doc_ids[i], doc_ids[min(i + 5000, len(doc_ids)) - 1]
        bounds = [lo, hi]
        local = {(d, x): e for d, x, e in con.execute(
            "SELECT doc_id, idx, entity_id FROM doc_entities WHERE doc_id BETWEEN ? AND ?", bounds).fetchall()}
        docs = {r[0]: r[1:] for r in con.execute(
            "SELECT id, title, source, date_value, date_earliest, date_latest FROM documents "
            "WHERE id BETWEEN ? AND ? AND status = 'ok'", bounds).fetchall()}
        events, actors = [], []
        for row in con.execute("""
                SELECT e.doc_id, e.idx, e.type, e.mode, e.modality, e.trigger_text, e.trigger_start, e.trigger_end,
                       substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
                       e.sources, e.targets, e.location, e.source_codes, e.target_codes, e.time_value,
                       e.earliest, e.latest, e.cluster_id
                FROM events e JOIN documents d ON d.id = e.doc_id
                WHERE e.doc_id BETWEEN ? AND ? ORDER BY e.doc_id, e.idx""", bounds).fetchall():
            doc_id = row[0]
            if doc_id not in docs:
                continue
            title, source, date_value, doc_earliest, doc_latest = docs[doc_id]
            resolved = []
            for value in (row[9], row[10]):
                items = _loads(value, [])
                resolved.append([_actor(doc_id, a, local) for a in items if isinstance(a, dict)]
                                if isinstance(items, list) else [])
            location = _loads(row[11], None)
            location = _actor(doc_id, location, local) if isinstance(location, dict) else None
            earliest, latest = row[15], row[16]
            t_first = _iso(earliest or doc_earliest) or UNKNOWN_TIME
            t_last = _iso(latest or earliest or doc_latest) or UNKNOWN_TIME
            long = _is_long(t_first, t_last)
            eid += 1
            events.append((eid, doc_id, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                           json.dumps(resolved[0], ensure_ascii=False), json.dumps(resolved[1], ensure_ascii=False),
                           json.dumps(location, ensure_ascii=False) if location else None, row[12], row[13],
                           row[14], _iso(earliest), _iso(latest), row[17], t_first, t_last, long, title, source,
                           date_value, _iso(doc_earliest), _iso(doc_latest)))
            for entity_id in {a["entity_id"] for a in resolved[0] + resolved[1] if a["entity_id"]}:
                actors.append((entity_id, t_first, eid, t_last, long))
                if t_first != UNKNOWN_TIME:
                    months[entity_id, "event", t_first[:7]] += 1
        out.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 27)})", events)
        out.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?)", actors)

        mentions: dict[str, list[tuple]] = {}
        for doc_id, start, end, entity_id in con.execute(
                "SELECT doc_id, start_char, end_char, entity_id FROM mentions WHERE doc_id BETWEEN ? AND ? "
                "AND entity_id IS NOT NULL ORDER BY doc_id, start_char", bounds).fetchall():
            mentions.setdefault(doc_id, []).append((start, end, entity_id))
        quotes, about_rows = [], []
        for row in con.execute("""
                SELECT doc_id, idx, form, medium, cue_text, source_text, message_text, addressee_text,
                       source_description, source_country, channel, time_value, start_char, end_char,
                       cue, source, message, source_doc_entity, source_entity_id, addressee_doc_entity,
                       addressee_entity_id
                FROM quotes WHERE doc_id BETWEEN ? AND ? ORDER BY doc_id, idx""", bounds).fetchall():
            doc_id = row[0]
            if doc_id not in docs:
                continue
            title, source, date_value, doc_earliest, doc_latest = docs[doc_id]
            speaker = local.get((doc_id, row[17])) or row[18]
            addressee = local.get((doc_id, row[19])) or row[20]
            spans = _loads(row[16], [])
            about = []
            for start, end, entity_id in mentions.get(doc_id, []):
                if entity_id != speaker and entity_id not in about and \
                        any(s <= start and end <= e for s, e in spans):
                    about.append(entity_id)
            t_first = _iso(doc_earliest) or UNKNOWN_TIME
            t_last = _iso(doc_latest) or UNKNOWN_TIME
            long = _is_long(t_first, t_last)
            qid += 1
            quotes.append((qid, *row[:17], speaker, (row[5] or row[8] or "").lower() or None, addressee,
                           json.dumps(about, ensure_ascii=False), t_first, t_last, long,
                           title, source, date_value, _iso(doc_earliest)))
            about_rows += [(entity_id, t_first, qid, t_last, long) for entity_id in about]
            if speaker and t_first != UNKNOWN_TIME:
                months[speaker, "quote", t_first[:7]] += 1
        out.executemany(f"INSERT INTO quotes VALUES ({', '.join('?' * 29)})", quotes)
        out.executemany("INSERT INTO quote_about VALUES (?, ?, ?, ?, ?)", about_rows)
    out.executemany("INSERT INTO entity_months VALUES (?, ?, ?, ?)",
                    [(entity_id, kind, month, n) for (entity_id, kind, month), n in months.items()])


def _is_long(t_first: str, t_last: str) -> int:
    if t_first == UNKNOWN_TIME or t_last == UNKNOWN_TIME:
        return 0
    return int((date.fromisoformat(t_last) - date.fromisoformat(t_first)).days > SHORT_SPAN_DAYS)


def _actor(doc_id: str, actor: dict, local: dict) -> dict:
    """An event actor with its corpus entity id: via its in-document entity, else its stored key."""
    entity = actor.get("entity")
    entity_id = local.get((doc_id, entity)) if entity is not None else None
    return {"text": actor.get("text"), "start": actor.get("start"), "end": actor.get("end"),
            "country": actor.get("country"), "sector": actor.get("sector"),
            "entity_id": entity_id or actor.get("entity_id") or actor.get("entity_key") or None}
