"""The JSON API under /api (schema at /openapi.json, interactive docs at /docs)."""

from __future__ import annotations

from datetime import date
from typing import Iterator, Optional

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request

from . import queries
from .search import SearchFilters, search as run_search, snippet

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

router = APIRouter(prefix="/api", tags=["api"])


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One DuckDB cursor per request: a connection must not be shared across threads."""
    cur = request.app.state.duck.cursor()
    try:
        yield cur
    finally:
        cur.close()


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


def _page(result: dict, page: Page) -> dict:
    return {"total": result["total"], "limit": page.limit, "offset": page.offset, **result}


@router.get("/documents", summary="Documents, newest first")
def documents(source: Optional[str] = None, dates: DateRange = Depends(), page: Page = Depends(),
              cur=Depends(cursor)):
    return _page(queries.list_documents(cur, source, dates.date_from, dates.date_to, page.limit, page.offset),
                 page)


@router.get("/documents/{doc_id}", summary="One document with text and every annotation layer")
def document(doc_id: str, cur=Depends(cursor)):
    doc = queries.get_document(cur, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return doc


@router.get("/entities", summary="Entities, most widely reported first")
def entities(q: Optional[str] = Query(None, description="substring of the name or id"),
             label: Optional[str] = Query(None, pattern="^(PER|LOC|ORG|MISC)$"), page: Page = Depends(),
             cur=Depends(cursor)):
    return _page(queries.list_entities(cur, q, label, page.limit, page.offset), page)


@router.get("/entities/{entity_id:path}", summary="One entity: names, aliases, roles over time, co-occurrences")
def entity(entity_id: str, cur=Depends(cursor)):
    found = queries.get_entity(cur, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    found["roles"] = queries.entity_roles(cur, entity_id)
    found["cooccurring"] = queries.cooccurrence(cur, entity_id)
    found["events"] = queries.list_events(cur, queries.EventFilters(entity=entity_id), 100, 0)
    found["quotes"] = queries.list_quotes(cur, entity_id, None, None, None, 100, 0)
    return found


@router.get("/events", summary="Event mentions ordered by event time (the timeline)")
def events(type: Optional[str] = Query(None, description="PLOVER type; a prefix before '.' matches subtypes"),
           entity: Optional[str] = Query(None, description="entity id among the event's actors"),
           source: Optional[str] = Query(None, description="publisher of the article"),
           dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor)):
    f = queries.EventFilters(type, entity, source, dates.date_from, dates.date_to)
    return _page(queries.list_events(cur, f, page.limit, page.offset), page)


@router.get("/quotes", summary="Who said what, about whom, when")
def quotes(speaker: Optional[str] = Query(None, description="speaker entity id or speaker text"),
           about: Optional[str] = Query(None, description="entity id mentioned in the quoted message"),
           dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor)):
    return _page(queries.list_quotes(cur, speaker, about, dates.date_from, dates.date_to,
                                     page.limit, page.offset), page)


@router.get("/timexes", summary="Time expressions and their normalised values")
def timexes(doc_id: Optional[str] = None,
            type: Optional[str] = Query(None, pattern="^(DATE|TIME|DURATION|SET)$"),
            dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor)):
    return _page(queries.list_timexes(cur, doc_id, type, dates.date_from, dates.date_to,
                                      page.limit, page.offset), page)


@router.get("/search", summary="Full-text search with German stemming, with filters")
def search(request: Request, q: str = Query("", max_length=500, description='words (all required), "phrases"'),
           source: Optional[str] = None, entity: Optional[str] = None,
           event_type: Optional[str] = None, speaker: Optional[str] = None,
           dates: DateRange = Depends(), page: Page = Depends(), cur=Depends(cursor)):
    filters = SearchFilters(dates.date_from, dates.date_to, source, entity, event_type, speaker)
    result = run_search(request.app.state.index_path, q, filters, page.limit, page.offset)
    texts = dict(cur.execute("SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))",
                             [[r["id"] for r in result["results"]]]).fetchall()) if result["results"] else {}
    for r in result["results"]:
        r["snippet"] = "".join(t for t, _ in snippet(texts.get(r["id"], ""), result["query_stems"]))
    return _page(result, page)


@router.get("/stats", summary="Corpus dashboard figures")
def stats(cur=Depends(cursor)):
    return queries.dashboard(cur)
