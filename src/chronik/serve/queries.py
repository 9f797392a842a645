"""Read-only queries over the DuckDB store, shared by the REST API and the HTML pages.

Every function takes a DuckDB cursor (one per request: connections are not thread-safe) and
returns plain dicts and lists ready for JSON.  Corpus-wide entity ids come from
``doc_entities.entity_id`` (rewritten by corpus consolidation); the ``entities`` table gives their
names where consolidation has run, otherwise the most frequent in-document name stands in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

Cursor = duckdb.DuckDBPyConnection

DOC_FIELDS = ("id", "title", "source", "url", "date_value", "date_granularity", "date_earliest",
              "date_latest", "lang", "n_words")


def _rows(cur: Cursor, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
    cur.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


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


def entity_names(cur: Cursor, ids: set[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, label} for the given corpus entity ids."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    out = {r["id"]: r for r in _rows(
        cur, "SELECT id, name, label FROM entities WHERE id IN (SELECT unnest(?))", [list(ids)])}
    missing = ids - set(out)
    if missing:
        for r in _rows(cur, "SELECT entity_id AS id, mode(name) AS name, mode(label) AS label "
                            "FROM doc_entities WHERE entity_id IN (SELECT unnest(?)) GROUP BY entity_id",
                       [list(missing)]):
            out[r["id"]] = r
    return out


def has_consolidated_entities(cur: Cursor) -> bool:
    return cur.execute("SELECT count(*) > 0 FROM entities").fetchone()[0]


def list_entities(cur: Cursor, q: str | None, label: str | None, limit: int, offset: int) -> dict:
    if has_consolidated_entities(cur):
        base = "SELECT id, name, label, country, sector, n_docs, n_mentions FROM entities"
    else:
        base = ("SELECT entity_id AS id, mode(name) AS name, mode(label) AS label, mode(country) AS country, "
                "mode(sector) AS sector, count(DISTINCT doc_id) AS n_docs, NULL::INTEGER AS n_mentions "
                "FROM doc_entities WHERE entity_id IS NOT NULL GROUP BY entity_id")
    clauses, params = [], []
    if q:
        clauses.append("(name ILIKE ? OR id ILIKE ?)")
        params += [f"%{q}%", f"%{q}%"]
    if label:
        clauses.append("label = ?")
        params.append(label)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    total = cur.execute(f"SELECT count(*) FROM ({base}) e {where}", params).fetchone()[0]
    rows = _rows(cur, f"SELECT * FROM ({base}) e {where} ORDER BY n_docs DESC NULLS LAST, id LIMIT ? OFFSET ?",
                 params + [limit, offset])
    return {"total": total, "results": rows}


def get_entity(cur: Cursor, entity_id: str) -> dict | None:
    """Names, aliases, labels and counts of one entity; None when it is unknown."""
    stats = cur.execute(
        "SELECT count(DISTINCT doc_id), mode(name), mode(label), mode(country), mode(sector) "
        "FROM doc_entities WHERE entity_id = ?", [entity_id]).fetchone()
    row = _rows(cur, "SELECT * FROM entities WHERE id = ?", [entity_id])
    if not row and not stats[0]:
        return None
    forms: dict[str, int] = {}
    for (doc_forms,) in cur.execute("SELECT forms FROM doc_entities WHERE entity_id = ?", [entity_id]).fetchall():
        for form in _json(doc_forms, []):
            forms[form] = forms.get(form, 0) + 1
    for (name, n) in cur.execute("SELECT name, count(*) FROM doc_entities WHERE entity_id = ? GROUP BY name",
                                 [entity_id]).fetchall():
        if name:
            forms.setdefault(name, n)
    if row:
        e = row[0]
        for form in _json(e.get("forms"), []):
            forms.setdefault(form, 0)
        e["forms"] = _json(e.get("forms"), [])
    else:
        e = {"id": entity_id, "name": stats[1], "label": stats[2], "country": stats[3], "sector": stats[4],
             "external_id": None, "n_docs": stats[0], "n_mentions": None, "forms": []}
    e["aliases"] = [f for f, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])) if f != e["name"]]
    return e


def entity_roles(cur: Cursor, entity_id: str) -> list[dict]:
    """Each role phrase with the first and last article date it was seen with the entity."""
    rows = _rows(cur, "SELECT role, min(date_earliest) AS first, max(date_latest) AS last, "
                      "count(DISTINCT doc_id) AS n_docs FROM entity_roles WHERE entity_id = ? "
                      "GROUP BY role ORDER BY first NULLS LAST, role", [entity_id])
    if rows:
        return rows
    # Before corpus consolidation fills entity_roles, read the roles of the in-document entities.
    return _rows(cur, """
        SELECT r.role, min(d.date_earliest) AS first, max(d.date_latest) AS last,
               count(DISTINCT de.doc_id) AS n_docs
        FROM doc_entities de JOIN documents d ON d.id = de.doc_id,
             unnest(CAST(coalesce(de.roles, '[]') AS VARCHAR[])) AS r(role)
        WHERE de.entity_id = ? GROUP BY r.role ORDER BY first NULLS LAST, r.role""", [entity_id])


def cooccurrence(cur: Cursor, entity_id: str, k: int = 12) -> dict:
    """The ``k`` entities sharing most articles with ``entity_id``, and the links among them."""
    nodes = _rows(cur, """
        WITH mine AS (SELECT DISTINCT doc_id FROM doc_entities WHERE entity_id = ?)
        SELECT de.entity_id AS id, count(DISTINCT de.doc_id) AS n_docs
        FROM doc_entities de JOIN mine USING (doc_id)
        WHERE de.entity_id IS NOT NULL AND de.entity_id <> ?
        GROUP BY de.entity_id ORDER BY n_docs DESC, id LIMIT ?""", [entity_id, entity_id, k])
    ids = [n["id"] for n in nodes]
    edges = []
    if len(ids) > 1:
        edges = _rows(cur, """
            WITH mine AS (SELECT DISTINCT doc_id FROM doc_entities WHERE entity_id = ?),
                 near AS (SELECT DISTINCT de.doc_id, de.entity_id FROM doc_entities de JOIN mine USING (doc_id)
                          WHERE de.entity_id IN (SELECT unnest(?)))
            SELECT a.entity_id AS a, b.entity_id AS b, count(*) AS n_docs
            FROM near a JOIN near b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
            GROUP BY 1, 2""", [entity_id, ids])
    names = entity_names(cur, set(ids) | {entity_id})
    for n in nodes:
        n.update({k2: names.get(n["id"], {}).get(k2) for k2 in ("name", "label")})
    return {"center": {"id": entity_id, **{k2: names.get(entity_id, {}).get(k2) for k2 in ("name", "label")}},
            "nodes": nodes, "edges": edges}


# -- events ---------------------------------------------------------------------------------------

_ACTOR_IDS = """list_concat(
    CAST(coalesce(json_extract(e.sources, '$[*].entity'), '[]') AS INTEGER[]),
    CAST(coalesce(json_extract(e.targets, '$[*].entity'), '[]') AS INTEGER[]))"""


def _event_where(f: EventFilters) -> tuple[str, list]:
    clauses, params = [], []
    if f.type:
        clauses.append("(e.type = ? OR e.type LIKE ?)")
        params += [f.type, f"{f.type}.%"]
    if f.source:
        clauses.append("d.source = ?")
        params.append(f.source)
    if f.date_from:
        clauses.append("coalesce(e.latest, d.date_latest) >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("coalesce(e.earliest, d.date_earliest) <= ?")
        params.append(f.date_to)
    if f.entity:
        # An event belongs to an entity when one of its actors is that entity in its document.
        clauses.append(f"""EXISTS (SELECT 1 FROM doc_entities de WHERE de.doc_id = e.doc_id
                              AND de.entity_id = ? AND list_contains({_ACTOR_IDS}, de.idx))""")
        params.append(f.entity)
    return (" AND ".join(clauses) or "TRUE"), params


def list_events(cur: Cursor, f: EventFilters, limit: int, offset: int) -> dict:
    """Event mentions ordered by event time (publication date where the event has none)."""
    where, params = _event_where(f)
    frm = f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}"
    total = cur.execute(f"SELECT count(*) {frm}", params).fetchone()[0]
    rows = _rows(cur, f"""
        SELECT e.doc_id, e.idx, e.type, e.mode, e.modality, e.trigger_text, e.sources, e.targets,
               e.location, e.source_codes, e.target_codes, e.time_value, e.earliest, e.latest,
               e.cluster_id, e.sentence_start, e.sentence_end,
               substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text,
               d.title AS doc_title, d.source AS doc_source, d.date_value AS doc_date,
               d.date_earliest AS doc_earliest, d.date_latest AS doc_latest
        {frm} ORDER BY coalesce(e.earliest, d.date_earliest) NULLS LAST, e.doc_id, e.idx
        LIMIT ? OFFSET ?""", params + [limit, offset])
    _resolve_actors(cur, rows)
    return {"total": total, "results": rows}


def _resolve_actors(cur: Cursor, events: list[dict]) -> None:
    """Parse actor JSON and attach corpus entity ids and names to each actor."""
    doc_ids = list({e["doc_id"] for e in events})
    by_doc_idx = {}
    if doc_ids:
        for doc_id, idx, entity_id in cur.execute(
                "SELECT doc_id, idx, entity_id FROM doc_entities WHERE doc_id IN (SELECT unnest(?))",
                [doc_ids]).fetchall():
            by_doc_idx[(doc_id, idx)] = entity_id
    for e in events:
        for field in ("sources", "targets"):
            actors = _json(e.get(field), [])
            e[field] = actors if isinstance(actors, list) else []
        location = _json(e.get("location"), None)
        e["location"] = location if isinstance(location, dict) else None
        for actor in e["sources"] + e["targets"] + ([e["location"]] if e["location"] else []):
            entity_id = by_doc_idx.get((e["doc_id"], actor.get("entity"))) if actor.get("entity") is not None else None
            actor["entity_id"] = entity_id or actor.get("entity_id") or actor.get("entity_key") or None
    names = entity_names(cur, {a["entity_id"] for e in events
                               for a in e["sources"] + e["targets"] + ([e["location"]] if e["location"] else [])})
    for e in events:
        for actor in e["sources"] + e["targets"] + ([e["location"]] if e["location"] else []):
            actor["entity_name"] = names.get(actor["entity_id"], {}).get("name") if actor["entity_id"] else None


def event_types(cur: Cursor) -> list[str]:
    return [r[0] for r in cur.execute("SELECT DISTINCT type FROM events ORDER BY type").fetchall()]


# -- quotes -----------------------------------------------------------------------------------------

_SPEAKER = "coalesce(sde.entity_id, q.source_entity_id)"


def list_quotes(cur: Cursor, speaker: str | None, about: str | None, date_from: date | None,
                date_to: date | None, limit: int, offset: int, doc_id: str | None = None) -> dict:
    """Who said what (``speaker``: entity id or speaker text), about whom, when."""
    clauses, params = [], []
    if speaker:
        clauses.append(f"({_SPEAKER} = ? OR lower(coalesce(q.source_text, q.source_description)) = lower(?))")
        params += [speaker, speaker]
    if about:
        clauses.append("""EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id AND m.entity_id = ?
                          AND m.start_char >= q.start_char AND m.end_char <= q.end_char)""")
        params.append(about)
    if date_from:
        clauses.append("d.date_latest >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("d.date_earliest <= ?")
        params.append(date_to)
    if doc_id:
        clauses.append("q.doc_id = ?")
        params.append(doc_id)
    where = " AND ".join(clauses) or "TRUE"
    frm = f"""FROM quotes q JOIN documents d ON d.id = q.doc_id
              LEFT JOIN doc_entities sde ON sde.doc_id = q.doc_id AND sde.idx = q.source_doc_entity
              LEFT JOIN doc_entities ade ON ade.doc_id = q.doc_id AND ade.idx = q.addressee_doc_entity
              WHERE {where}"""
    total = cur.execute(f"SELECT count(*) {frm}", params).fetchone()[0]
    rows = _rows(cur, f"""
        SELECT q.doc_id, q.idx, q.form, q.medium, q.cue_text, q.source_text, q.message_text,
               q.addressee_text, q.source_description, q.source_country, q.channel, q.time_value,
               q.message, q.start_char, q.end_char,
               {_SPEAKER} AS speaker_id, coalesce(ade.entity_id, q.addressee_entity_id) AS addressee_id,
               d.title AS doc_title, d.source AS doc_source, d.date_value AS doc_date,
               d.date_earliest AS doc_earliest
        {frm} ORDER BY d.date_earliest NULLS LAST, q.doc_id, q.idx LIMIT ? OFFSET ?""",
                 params + [limit, offset])
    _quote_subjects(cur, rows)
    return {"total": total, "results": rows}


def _quote_subjects(cur: Cursor, quotes: list[dict]) -> None:
    """Attach the entities mentioned inside each quote's message ("about whom") and names."""
    doc_ids = list({q["doc_id"] for q in quotes})
    mentions: dict[str, list[tuple]] = {}
    if doc_ids:
        for doc_id, start, end, entity_id in cur.execute(
                "SELECT doc_id, start_char, end_char, entity_id FROM mentions "
                "WHERE doc_id IN (SELECT unnest(?)) AND entity_id IS NOT NULL ORDER BY doc_id, start_char",
                [doc_ids]).fetchall():
            mentions.setdefault(doc_id, []).append((start, end, entity_id))
    for q in quotes:
        spans = _json(q.pop("message"), [])
        about = []
        for start, end, entity_id in mentions.get(q["doc_id"], []):
            if entity_id != q["speaker_id"] and entity_id not in about and \
                    any(s <= start and end <= e for s, e in spans):
                about.append(entity_id)
        q["about_ids"] = about
    names = entity_names(cur, {i for q in quotes for i in [q["speaker_id"], q["addressee_id"], *q["about_ids"]]})
    for q in quotes:
        q["speaker_name"] = names.get(q["speaker_id"], {}).get("name")
        q["addressee_name"] = names.get(q["addressee_id"], {}).get("name")
        q["about"] = [{"id": i, "name": names.get(i, {}).get("name") or i} for i in q.pop("about_ids")]


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


def get_document(cur: Cursor, doc_id: str) -> dict | None:
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
    quotes = list_quotes(cur, None, None, None, None, 1000, 0, doc_id=doc_id)["results"]
    spans = {r["idx"]: r for r in _rows(cur, "SELECT idx, cue, source, message FROM quotes WHERE doc_id = ?",
                                        [doc_id])}
    for q in quotes:
        for part in ("cue", "source", "message"):
            q[f"{part}_spans"] = _json(spans.get(q["idx"], {}).get(part), [])
    doc["quotes"] = quotes
    events = _rows(cur, "SELECT doc_id, idx, type, mode, modality, trigger_start, trigger_end, trigger_text, "
                        "sources, targets, location, source_codes, target_codes, time_value, earliest, latest, "
                        "cluster_id FROM events e WHERE doc_id = ? ORDER BY trigger_start", [doc_id])
    _resolve_actors(cur, events)
    doc["events"] = events
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


def sources(cur: Cursor) -> list[str]:
    return [r[0] for r in cur.execute("SELECT DISTINCT source FROM documents WHERE status = 'ok' "
                                      "AND source IS NOT NULL ORDER BY source").fetchall()]


def dashboard(cur: Cursor) -> dict:
    per_day = _rows(cur, "SELECT date_earliest AS day, count(*) AS n FROM documents WHERE status = 'ok' "
                         "AND date_granularity IN ('day', 'instant') GROUP BY 1 ORDER BY 1")
    totals = dict(zip(("documents", "undated"), cur.execute(
        "SELECT count(*), count(*) FILTER (WHERE date_earliest IS NULL) FROM documents WHERE status = 'ok'"
    ).fetchone()))
    for table in ("entities", "quotes", "events", "timexes"):
        totals[table] = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if not totals["entities"]:
        totals["entities"] = cur.execute("SELECT count(DISTINCT entity_id) FROM doc_entities").fetchone()[0]
    top_actors = list_entities(cur, None, None, 15, 0)["results"]
    by_month = _rows(cur, """
        SELECT e.type, strftime(date_trunc('month', coalesce(e.earliest, d.date_earliest)), '%Y-%m') AS month,
               count(*) AS n
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE coalesce(e.earliest, d.date_earliest) IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1""")
    return {"totals": totals, "articles_per_day": per_day, "top_actors": top_actors,
            "event_types_by_month": by_month}
