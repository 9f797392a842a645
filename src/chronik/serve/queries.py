"""Read-only queries shared by the REST API and the HTML pages.

Entity, event and quote queries read the serving index (``idx``, SQLite, see index.py): their
time-ordered indexes keep them fast on large stores.  Document texts, mentions, time expressions
and corpus counts come from the DuckDB store (``cur``, one cursor per request).  Functions return
plain dicts and lists ready for JSON; dates are ``datetime.date``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from .index import SHORT_SPAN_DAYS, UNKNOWN_TIME
from .search import count_upto

Cursor = duckdb.DuckDBPyConnection
Index = sqlite3.Connection

DOC_FIELDS = ("id", "title", "source", "url", "date_value", "date_granularity", "date_earliest",
              "date_latest", "lang", "n_words")
DATE_FIELDS = ("earliest", "latest", "doc_earliest", "doc_latest", "first", "last")


def _rows(cur: Cursor, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
    cur.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _dates(rows: list[dict]) -> list[dict]:
    """ISO strings from the index as dates (the unknown-time sentinel as None)."""
    for row in rows:
        for key in DATE_FIELDS:
            value = row.get(key)
            if isinstance(value, str):
                row[key] = None if value == UNKNOWN_TIME else date.fromisoformat(value)
    return rows


def _json(value: str | None, default: Any) -> Any:
    if value is None:
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


@dataclass(slots=True)
class EventFilters:
    type: str | None = None
    entity: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None


# -- entities -----------------------------------------------------------------------------------


def entity_names(idx: Index, ids: set[str | None]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, label} for the given corpus entity ids."""
    ids = sorted(i for i in ids if i)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {r["id"]: r for r in idx.execute(f"SELECT id, name, label FROM entities WHERE id IN ({marks})", ids)}


def resolve_entity(idx: Index, value: str | None) -> str | None:
    """The entity id a page's filter field means: an id as it is, else the most widely reported
    entity with that name or alias (case-insensitive), else the value unchanged (matching nothing)."""
    if not value:
        return value
    if idx.execute("SELECT 1 FROM entities WHERE id = ?", [value]).fetchone():
        return value
    row = idx.execute("SELECT entity_id FROM entity_names WHERE key = ? ORDER BY n_docs DESC, entity_id LIMIT 1",
                      [value.lower()]).fetchone()
    return row["entity_id"] if row else value


def top_entity_names(idx: Index, k: int = 200) -> list[str]:
    """Names of the ``k`` most widely reported entities, offered as suggestions in filter fields."""
    rows = idx.execute("SELECT name FROM entities WHERE name IS NOT NULL ORDER BY n_docs DESC, id LIMIT ?",
                       [k]).fetchall()
    return list(dict.fromkeys(r["name"] for r in rows))


def list_entities(idx: Index, q: str | None, label: str | None, limit: int, offset: int) -> dict:
    clauses, params = [], []
    if q:
        clauses.append("(name LIKE ? OR id LIKE ?)")
        params += [f"%{q}%", f"%{q}%"]
    if label:
        clauses.append("label = ?")
        params.append(label)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    total = idx.execute(f"SELECT count(*) AS n FROM entities {where}", params).fetchone()["n"]
    rows = idx.execute(f"SELECT id, name, label, country, sector, n_docs, n_mentions FROM entities {where} "
                       "ORDER BY n_docs DESC, id LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    return {"total": total, "results": rows}


def get_entity(idx: Index, entity_id: str) -> dict | None:
    """Names, aliases, labels and counts of one entity; None when it is unknown."""
    row = idx.execute("SELECT * FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row:
        row["aliases"] = _json(row["aliases"], [])
    return row


def entity_roles(idx: Index, entity_id: str) -> list[dict]:
    """Each role phrase with the first and last article date it was seen with the entity."""
    return _dates(idx.execute("SELECT role, first, last, n_docs FROM entity_roles WHERE entity_id = ? "
                              "ORDER BY first, role", [entity_id]).fetchall())


def entity_activity(idx: Index, entity_id: str) -> list[dict]:
    """Per month: how many events the entity is an actor in (``event``) and how many quotes it
    said (``quote``), over the whole corpus."""
    return idx.execute("SELECT month, kind, n FROM entity_months WHERE entity_id = ? ORDER BY month, kind",
                       [entity_id]).fetchall()


def cooccurrence(idx: Index, entity_id: str, k: int = 12) -> dict:
    """The ``k`` entities sharing most articles with ``entity_id``, and the links among them."""
    nodes = idx.execute("SELECT c.other_id AS id, c.n_docs, e.name, e.label FROM cooc c "
                        "LEFT JOIN entities e ON e.id = c.other_id WHERE c.entity_id = ? "
                        "ORDER BY c.n_docs DESC, c.other_id LIMIT ?", [entity_id, k]).fetchall()
    ids = [n["id"] for n in nodes]
    marks = ", ".join("?" for _ in ids)
    edges = idx.execute(f"SELECT entity_id AS a, other_id AS b, n_docs FROM cooc WHERE entity_id IN ({marks}) "
                        f"AND other_id IN ({marks}) AND entity_id < other_id", ids + ids).fetchall() if ids else []
    center = entity_names(idx, {entity_id}).get(entity_id, {"id": entity_id, "name": None, "label": None})
    return {"center": center, "nodes": nodes, "edges": edges}


# -- events ---------------------------------------------------------------------------------------

EVENT_COLUMNS = """e.doc_id, e.idx, e.type, e.mode, e.modality, e.trigger_text, e.trigger_start, e.trigger_end,
    e.sentence_text, e.sources, e.targets, e.location, e.source_codes, e.target_codes, e.time_value,
    e.earliest, e.latest, e.cluster_id, e.doc_title, e.doc_source, e.doc_date, e.doc_earliest, e.doc_latest"""


def _time_ordered(idx: Index, select: str, frm: str, count_frm: str, clauses: list[str], params: list,
                  alias: str, id_column: str, date_from: date | None, limit: int,
                  offset: int) -> tuple[int, bool, list[dict]]:
    """A page of rows in time order (``alias.t_first``), with their count.

    "Overlaps ``date_from``" (t_last >= date_from) is not an index range on t_first, so it is read
    as two: the few long items starting earlier, then everything from SHORT_SPAN_DAYS before.
    """
    if date_from is None:
        parts = [(clauses, params)]
    else:
        lo, start = (date_from - timedelta(days=SHORT_SPAN_DAYS)).isoformat(), date_from.isoformat()
        parts = [(clauses + [f"{alias}.long = 1", f"{alias}.t_first < ?", f"{alias}.t_last >= ?"], params + [lo, start]),
                 (clauses + [f"{alias}.t_first >= ?", f"{alias}.t_last >= ?"], params + [lo, start])]
    order = f"{alias}.t_first, {alias}.t_last, {alias}.{id_column}"
    total, exact, rows, skip = 0, True, [], offset
    for part_clauses, part_params in parts:
        where = " AND ".join(part_clauses) or "1"
        n, part_exact = count_upto(idx, f"{count_frm} WHERE {where}", part_params)
        total, exact = total + n, exact and part_exact
        if len(rows) < limit and (skip < n or not part_exact):
            rows += idx.execute(f"SELECT {select} {frm} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                                part_params + [limit - len(rows), skip]).fetchall()
            skip = 0
        else:
            skip = max(0, skip - n)
    return total, exact, rows


def list_events(idx: Index, f: EventFilters, limit: int, offset: int) -> dict:
    """Event mentions ordered by event time (publication date where the event has none)."""
    alias = "a" if f.entity else "e"
    clauses, params = [], []
    if f.entity:
        clauses.append("a.entity_id = ?")
        params.append(f.entity)
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type)
    if f.source:
        clauses.append("e.doc_source = ?")
        params.append(f.source)
    if f.date_to:
        clauses.append(f"{alias}.t_first <= ?")
        params.append(f.date_to.isoformat())
    if f.entity:
        frm = "FROM event_actors a JOIN events e ON e.eid = a.eid"
        # Without event-level conditions the entity's events are counted without the join.
        count_frm = frm if (f.type or f.source) else "FROM event_actors a"
    else:
        frm = count_frm = "FROM events e"
    total, exact, rows = _time_ordered(idx, EVENT_COLUMNS, frm, count_frm, clauses, params, alias, "eid",
                                       f.date_from, limit, offset)
    return {"total": total, "total_exact": exact, "results": _events(idx, rows)}


def document_events(idx: Index, doc_id: str) -> list[dict]:
    return _events(idx, idx.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.doc_id = ? ORDER BY e.idx",
                                    [doc_id]).fetchall())


def _events(idx: Index, rows: list[dict]) -> list[dict]:
    for e in rows:
        e["sources"] = _json(e["sources"], [])
        e["targets"] = _json(e["targets"], [])
        e["location"] = _json(e["location"], None)
    actors = [a for e in rows for a in e["sources"] + e["targets"] + ([e["location"]] if e["location"] else [])]
    names = entity_names(idx, {a["entity_id"] for a in actors})
    for a in actors:
        a["entity_name"] = names.get(a["entity_id"], {}).get("name") if a["entity_id"] else None
    return _dates(rows)


def event_types(idx: Index) -> list[str]:
    return [r["type"] for r in idx.execute("SELECT DISTINCT type FROM events ORDER BY type")]


# -- quotes -----------------------------------------------------------------------------------------

QUOTE_COLUMNS = """q.doc_id, q.idx, q.form, q.medium, q.cue_text, q.source_text, q.message_text,
    q.addressee_text, q.source_description, q.source_country, q.channel, q.time_value, q.start_char,
    q.end_char, q.cue, q.source, q.message, q.speaker_id, q.addressee_id, q.about,
    q.doc_title, q.doc_source, q.doc_date, q.doc_earliest"""


def list_quotes(idx: Index, speaker: str | None, about: str | None, date_from: date | None,
                date_to: date | None, limit: int, offset: int) -> dict:
    """Who said what (``speaker``: entity id or speaker text), about whom, when."""
    alias = "a" if about else "q"
    clauses, params = [], []
    if about:
        clauses.append("a.entity_id = ?")
        params.append(about)
    if speaker:
        clauses.append("(q.speaker_id = ? OR q.speaker_text = ?)")
        params += [speaker, speaker.lower()]
    if date_to:
        clauses.append(f"{alias}.t_first <= ?")
        params.append(date_to.isoformat())
    frm = "FROM quote_about a JOIN quotes q ON q.qid = a.qid" if about else "FROM quotes q"
    total, exact, rows = _time_ordered(idx, QUOTE_COLUMNS, frm, frm, clauses, params, alias, "qid",
                                       date_from, limit, offset)
    return {"total": total, "total_exact": exact, "results": _quotes(idx, rows)}


def document_quotes(idx: Index, doc_id: str) -> list[dict]:
    return _quotes(idx, idx.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes q WHERE q.doc_id = ? ORDER BY q.idx",
                                    [doc_id]).fetchall())


def _quotes(idx: Index, rows: list[dict]) -> list[dict]:
    for q in rows:
        for part in ("cue", "source", "message"):
            q[f"{part}_spans"] = _json(q.pop(part), [])
        q["about"] = _json(q["about"], [])
    names = entity_names(idx, {i for q in rows for i in [q["speaker_id"], q["addressee_id"], *q["about"]]})
    for q in rows:
        q["speaker_name"] = names.get(q["speaker_id"], {}).get("name")
        q["addressee_name"] = names.get(q["addressee_id"], {}).get("name")
        q["about"] = [{"id": i, "name": names.get(i, {}).get("name") or i} for i in q["about"]]
    return _dates(rows)


# -- documents and time expressions ---------------------------------------------------------------


def list_documents(cur: Cursor, source: str | None, date_from: date | None, date_to: date | None,
                   limit: int, offset: int) -> dict:
    clauses, params = ["status = 'ok'"], []
    if source:
        clauses.append("source = ?")
        params.append(source)
    if date_from:
        clauses.append("date_latest >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("date_earliest <= ?")
        params.append(date_to)
    where = " AND ".join(clauses)
    total = cur.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchone()[0]
    rows = _rows(cur, f"SELECT {', '.join(DOC_FIELDS)} FROM documents WHERE {where} "
                      "ORDER BY date_earliest DESC NULLS LAST, id LIMIT ? OFFSET ?", params + [limit, offset])
    return {"total": total, "results": rows}


def get_document(cur: Cursor, idx: Index, doc_id: str) -> dict | None:
    """A document with its text and every annotation layer."""
    docs = _rows(cur, f"SELECT {', '.join(DOC_FIELDS)}, text, status, status_reason FROM documents WHERE id = ?",
                 [doc_id])
    if not docs:
        return None
    doc = docs[0]
    doc["entities"] = _rows(cur, "SELECT idx, entity_id, label, name, roles, country, sector FROM doc_entities "
                                 "WHERE doc_id = ? ORDER BY idx", [doc_id])
    for e in doc["entities"]:
        e["roles"] = _json(e["roles"], [])
    doc["mentions"] = _rows(cur, "SELECT idx, start_char, end_char, text, label, kind, doc_entity, entity_id "
                                 "FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])
    doc["timexes"] = _rows(cur, "SELECT idx, start_char, end_char, text, type, value, earliest, latest, mod "
                                "FROM timexes WHERE doc_id = ? ORDER BY start_char", [doc_id])
    doc["quotes"] = document_quotes(idx, doc_id)
    doc["events"] = document_events(idx, doc_id)
    return doc


def list_timexes(cur: Cursor, doc_id: str | None, type_: str | None, date_from: date | None,
                 date_to: date | None, limit: int, offset: int) -> dict:
    clauses, params = [], []
    if doc_id:
        clauses.append("t.doc_id = ?")
        params.append(doc_id)
    if type_:
        clauses.append("t.type = ?")
        params.append(type_)
    if date_from:
        clauses.append("t.latest >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("t.earliest <= ?")
        params.append(date_to)
    where = " AND ".join(clauses) or "TRUE"
    total = cur.execute(f"SELECT count(*) FROM timexes t WHERE {where}", params).fetchone()[0]
    rows = _rows(cur, f"""SELECT t.doc_id, t.idx, t.start_char, t.end_char, t.text, t.type, t.value,
                                 t.earliest, t.latest, t.mod, t.anchor, d.date_value AS doc_date
                          FROM timexes t JOIN documents d ON d.id = t.doc_id WHERE {where}
                          ORDER BY t.earliest NULLS LAST, t.doc_id, t.idx LIMIT ? OFFSET ?""",
                 params + [limit, offset])
    return {"total": total, "results": rows}


# -- corpus overview -----------------------------------------------------------------------------------


def sources(idx: Index) -> list[str]:
    return [r["source"] for r in idx.execute("SELECT DISTINCT source FROM docs WHERE source IS NOT NULL "
                                             "ORDER BY source")]


def dashboard(cur: Cursor, idx: Index) -> dict:
    per_day = _rows(cur, "SELECT date_earliest AS day, count(*) AS n FROM documents WHERE status = 'ok' "
                         "AND date_granularity IN ('day', 'instant') GROUP BY 1 ORDER BY 1")
    totals = dict(zip(("documents", "undated"), cur.execute(
        "SELECT count(*), count(*) FILTER (WHERE date_earliest IS NULL) FROM documents WHERE status = 'ok'"
    ).fetchone()))
    # Counted once when the index was built (see index._build_summaries).
    totals.update({r["name"]: r["n"] for r in idx.execute("SELECT name, n FROM counts")})
    totals["timexes"] = cur.execute("SELECT count(*) FROM timexes").fetchone()[0]
    by_month = idx.execute("SELECT type, month, n FROM event_type_months ORDER BY month, type").fetchall()
    return {"totals": totals, "articles_per_day": per_day, "top_actors": list_entities(idx, None, None, 15, 0)["results"],
            "event_types_by_month": by_month}
