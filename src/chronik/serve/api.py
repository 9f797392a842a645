"""The JSON API under /api (schema at /openapi.json, readable at /api-docs)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any, Iterator, Optional

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from . import queries
from .index import connect
from .search import RANK_MAX, SearchFilters, search as run_search, snippet

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

router = APIRouter(prefix="/api", tags=["api"])


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One DuckDB cursor per request: a connection must not be shared across threads."""
    with request.app.state.duck_lock:  # cursor() itself touches the shared connection
        cur = request.app.state.duck.cursor()
    try:
        yield cur
    finally:
        cur.close()


def index(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection to the serving index per request."""
    con = connect(request.app.state.index_path)
    try:
        yield con
    finally:
        con.close()


class Page:
    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"page size (1–{MAX_LIMIT})"),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="results to skip")):
        self.limit, self.offset = limit, offset


class DateRange:
    def __init__(self, date_from: Optional[date] = Query(None, description="ISO date YYYY-MM-DD, inclusive"),
                 date_to: Optional[date] = Query(None, description="ISO date YYYY-MM-DD, inclusive")):
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, f"date_from ({date_from}) is after date_to ({date_to})")
        self.date_from, self.date_to = date_from, date_to


def _json(data: Any) -> Response:
    """Serialise plain dicts/lists directly: FastAPI's generic encoder is several times slower."""
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body, media_type="application/json")


def _page(result: dict, page: Page) -> Response:
    return _json({"total": result["total"], "limit": page.limit, "offset": page.offset, **result})


@router.get("/documents", summary="Documents, newest first")
def documents(source: Optional[str] = None, dates: DateRange = Depends(), page: Page = Depends(),
              cur=Depends(cursor)):
    return _page(queries.list_documents(cur, source, dates.date_from, dates.date_to, page.limit, page.offset),
                 page)


@router.get("/documents/{doc_id}", summary="One document with text and every annotation layer")
def document(doc_id: str, cur=Depends(cursor), idx=Depends(index)):
    doc = queries.get_document(cur, idx, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return _json(doc)


@router.get("/entities", summary="Entities, most widely reported first")
def entities(q: Optional[str] = Query(None, description="substring of the name or id"),
             label: Optional[str] = Query(None, pattern="^(PER|LOC|ORG|MISC)$"), page: Page = Depends(),
             idx=Depends(index)):
    return _page(queries.list_entities(idx, q, label, page.limit, page.offset), page)


@router.get("/entities/{entity_id:path}",
            summary="One entity: names, aliases, roles over time, monthly activity, co-occurrences, "
                    "first 100 events and quotes")
def entity(entity_id: str, idx=Depends(index)):
    found = queries.get_entity(idx, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    found["roles"] = queries.entity_roles(idx, entity_id)
    found["activity"] = queries.entity_activity(idx, entity_id)
    found["cooccurring"] = queries.cooccurrence(idx, entity_id)
    found["events"] = queries.list_events(idx, queries.EventFilters(entity=entity_id), 100, 0)
    found["quotes"] = queries.list_quotes(idx, entity_id, None, None, None, 100, 0)
    return _json(found)


# the 16 PLOVER event types the event layer codes: any other value is a client error, not "no events"
PLOVER_TYPES = ("^(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|"
                "SANCTION|MOBILIZE|COERCE|ASSAULT)$")


@router.get("/events", summary="Event mentions ordered by event time (the timeline)")
def events(type: Optional[str] = Query(None, pattern=PLOVER_TYPES, description="PLOVER event type, e.g. CONSULT"),
           entity: Optional[str] = Query(None, description="entity id among the event's actors"),
           source: Optional[str] = Query(None, description="publisher of the article"),
           dates: DateRange = Depends(), page: Page = Depends(), idx=Depends(index)):
    f = queries.EventFilters(type, entity, source, dates.date_from, dates.date_to)
    return _page(queries.list_events(idx, f, page.limit, page.offset), page)


@router.get("/quotes", summary="Who said what, about whom, when")
def quotes(speaker: Optional[str] = Query(None, description="speaker entity id or speaker text"),
           about: Optional[str] = Query(None, description="entity id mentioned in the quoted message"),
           dates: DateRange = Depends(), page: Page = Depends(), idx=Depends(index)):
    return _page(queries.list_quotes(idx, speaker, about, dates.date_from, dates.date_to,
                                     page.limit, page.offset), page)


@router.get("/timexes", summary="Time expressions and their normalised values")
def timexes(doc_id: Optional[str] = None,
            type: Optional[str] = Query(None, pattern="^(DATE|TIME|DURATION|SET)$"),
            dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor)):
    return _page(queries.list_timexes(cur, doc_id, type, dates.date_from, dates.date_to,
                                      page.limit, page.offset), page)


@router.get("/search", summary="Full-text search with German stemming, with filters")
def search(q: str = Query("", max_length=500, description='words (all required), "phrases"'),
           source: Optional[str] = None, entity: Optional[str] = None,
           event_type: Optional[str] = Query(None, pattern=PLOVER_TYPES), speaker: Optional[str] = None,
           sort: str = Query("relevance", pattern="^(relevance|newest|oldest)$",
                             description=f"relevance (BM25) up to {RANK_MAX} matches, else newest first"),
           dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor), idx=Depends(index)):
    filters = SearchFilters(dates.date_from, dates.date_to, source, entity, event_type, speaker)
    result = run_search(idx, q, filters, page.limit, page.offset, sort)
    texts = dict(cur.execute("SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))",
                             [[r["id"] for r in result["results"]]]).fetchall()) if result["results"] else {}
    for r in result["results"]:
        r["snippet"] = "".join(t for t, _ in snippet(texts.get(r["id"], ""), result["query_stems"]))
    return _page(result, page)


@router.get("/stats", summary="Corpus dashboard figures")
def stats(cur=Depends(cursor), idx=Depends(index)):
    return _json(queries.dashboard(cur, idx))
