"""The FastAPI application: server-rendered pages plus the JSON API (api.py).

The store is opened read-only; each request works on its own DuckDB cursor.  Pages are Jinja2
templates with autoescaping on, so article text, titles and names are always shown as text.
"""

from __future__ import annotations

import threading
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

import duckdb
import jinja2
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import api, charts, queries
from .article import segments
from .index import default_index_path, ensure_index
from .search import RANK_MAX, SORTS, SearchFilters, search, snippet

PAGE_SIZE = 50
# Above this many events and quotes the entity page draws monthly counts instead of one mark each.
ENTITY_MARKS_MAX = 100
SERVE_DIR = resources.files("chronik.serve")


QUOTE_MARKS = "\"„“”‚‘»«›‹ "


def unquoted(text: str | None) -> str:
    """A quoted message without its own outer quotation marks: the page puts them around it."""
    return (text or "").strip(QUOTE_MARKS)


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SERVE_DIR / "templates")),
                             autoescape=True)
    env.filters["unquoted"] = unquoted
    return Jinja2Templates(env=env)


class PageArgs:
    """Query parameters of an HTML page: empty form fields mean "not set", bad ones give a 422 page."""

    def __init__(self, request: Request):
        self.params = request.query_params

    def text(self, name: str) -> Optional[str]:
        value = (self.params.get(name) or "").strip()
        return value or None

    def date(self, name: str) -> Optional[date]:
        value = self.text(name)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise HTTPException(422, f"{name}: {value!r} is not a date (use YYYY-MM-DD)") from None

    def dates(self) -> tuple[Optional[date], Optional[date]]:
        date_from, date_to = self.date("date_from"), self.date("date_to")
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, f"date_from ({date_from}) is after date_to ({date_to})")
        return date_from, date_to

    def page(self) -> int:
        value = self.text("page") or "1"
        if not value.isdigit() or not 1 <= int(value) <= 10_000:
            raise HTTPException(422, f"page: {value!r} is not a page number (1–10000)")
        return int(value)

    def link(self, **changes: Any) -> str:
        """This page's query string with some parameters changed (None removes one)."""
        merged = {k: v for k, v in self.params.items() if v}
        merged.update({k: str(v) for k, v in changes.items() if v is not None})
        for k, v in changes.items():
            if v is None:
                merged.pop(k, None)
        return "?" + urlencode(merged)


def _pager(args: PageArgs, result: dict, page: int) -> dict:
    total, exact = result["total"], result.get("total_exact", True)
    pages = max(1, -(-total // PAGE_SIZE))
    return {"page": page, "pages": pages, "total": total, "exact": exact,
            "prev": args.link(page=page - 1) if page > 1 else None,
            "next": args.link(page=page + 1) if page < pages or not exact else None}


def create_app(db_path: str | Path, index_path: str | Path | None = None) -> FastAPI:
    """The app over the store at ``db_path``; the search index is (re)built first if stale."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    duck = duckdb.connect(str(db_path), read_only=True)
    index_path = Path(index_path) if index_path else default_index_path(db_path)
    ensure_index(duck, index_path)

    # FastAPI's /docs and /redoc pages load their scripts from a CDN: replaced by /api-docs.
    app = FastAPI(title="chronik", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Who did what to whom, who said what, when and where — from dated German news.")
    app.state.duck = duck
    app.state.duck_lock = threading.Lock()
    app.state.index_path = index_path
    app.mount("/static", StaticFiles(directory=str(SERVE_DIR / "static")), name="static")
    app.include_router(api.router)
    templates = _templates()

    def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return await http_exception_handler(request, exc)
        return render(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, exc)
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return render(request, "error.html", 422, status=422, message=message)

    @app.get("/api-docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return render(request, "api_docs.html", page="api", schema=app.openapi())

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, cur=Depends(api.cursor), idx=Depends(api.index)):
        data = queries.dashboard(cur, idx)
        return render(request, "dashboard.html", page="dashboard", data=data,
                      per_day=charts.bar_chart(data["articles_per_day"]),
                      heat=charts.heatmap(data["event_types_by_month"]))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, cur=Depends(api.cursor), idx=Depends(api.index)):
        args = PageArgs(request)
        date_from, date_to = args.dates()
        page = args.page()
        q = args.text("q") or ""
        # Entity fields take an id or a name ("Olaf Scholz"); the API takes ids only.
        filters = SearchFilters(date_from, date_to, args.text("source"),
                                queries.resolve_entity(idx, args.text("entity")), args.text("event_type"),
                                queries.resolve_entity(idx, args.text("speaker")))
        sort = args.text("sort") or "relevance"
        if sort not in SORTS:
            raise HTTPException(422, f"sort: {sort!r} is not one of {', '.join(SORTS)}")
        result = search(idx, q, filters, PAGE_SIZE, (page - 1) * PAGE_SIZE, sort)
        ids = [r["id"] for r in result["results"]]
        texts = dict(cur.execute("SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))",
                                 [ids]).fetchall()) if ids else {}
        for r in result["results"]:
            r["snippet"] = snippet(texts.get(r["id"], ""), result["query_stems"])
        entity_name = queries.entity_names(idx, {filters.entity}).get(filters.entity, {}).get("name") \
            if filters.entity else None
        return render(request, "search.html", page="search", q=q, args=args, result=result, sort=sort,
                      rank_max=RANK_MAX,
                      filters=filters, entity_name=entity_name, sources=queries.sources(idx),
                      event_types=queries.event_types(idx), entity_choices=queries.top_entity_names(idx),
                      paging=_pager(args, result, page))

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str, cur=Depends(api.cursor), idx=Depends(api.index)):
        doc = queries.get_document(cur, idx, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return render(request, "document.html", page="doc", doc=doc, pieces=segments(doc))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, idx=Depends(api.index)):
        args = PageArgs(request)
        page = args.page()
        label = args.text("label")
        if label and label not in ("PER", "LOC", "ORG", "MISC"):
            raise HTTPException(422, f"label: {label!r} is not one of PER, LOC, ORG, MISC")
        result = queries.list_entities(idx, args.text("q"), label, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return render(request, "entities.html", page="entities", args=args, result=result,
                      paging=_pager(args, result, page))

    @app.get("/entity/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str, idx=Depends(api.index)):
        entity = queries.get_entity(idx, entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity with id {entity_id!r}")
        roles = queries.entity_roles(idx, entity_id)
        co = queries.cooccurrence(idx, entity_id)
        events = queries.list_events(idx, queries.EventFilters(entity=entity_id), 100, 0)
        quotes = queries.list_quotes(idx, entity_id, None, None, None, 100, 0)
        items = [{"kind": "event", "earliest": e["earliest"] or e["doc_earliest"],
                  "latest": e["latest"] or e["doc_latest"], "href": f"/doc/{e['doc_id']}#event-{e['idx']}",
                  "title": f"{e['type']}: {e['trigger_text']} ({e['time_value'] or e['doc_date']})"}
                 for e in events["results"]]
        items += [{"kind": "quote", "earliest": q["doc_earliest"], "latest": q["doc_earliest"],
                   "href": f"/doc/{q['doc_id']}#quote-{q['idx']}",
                   "title": f"„{(q['message_text'] or '')[:80]}“ ({q['doc_date']})"} for q in quotes["results"]]
        # Every event and quote as its own mark while they all fit on the page; beyond that the
        # marks would cover only the first weeks, so the whole span is drawn as monthly counts.
        everything = events["total_exact"] and quotes["total_exact"] and \
            events["total"] + quotes["total"] <= ENTITY_MARKS_MAX and \
            len(events["results"]) == events["total"] and len(quotes["results"]) == quotes["total"]
        return render(request, "entity.html", page="entity", entity=entity, roles=roles,
                      role_chart=charts.role_bars(roles) if roles else None,
                      graph=charts.network(co["center"], co["nodes"], co["edges"]),
                      events=events, quotes=quotes,
                      timeline=charts.point_timeline(items) if everything else None,
                      activity=None if everything else charts.month_bars(
                          queries.entity_activity(idx, entity_id), entity_id))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, idx=Depends(api.index)):
        args = PageArgs(request)
        date_from, date_to = args.dates()
        page = args.page()
        f = queries.EventFilters(args.text("type"), queries.resolve_entity(idx, args.text("entity")),
                                 args.text("source"), date_from, date_to)
        result = queries.list_events(idx, f, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        entity_name = queries.entity_names(idx, {f.entity}).get(f.entity, {}).get("name") if f.entity else None
        return render(request, "timeline.html", page="timeline", args=args, filters=f, result=result,
                      chart=charts.event_timeline(result["results"]), entity_name=entity_name,
                      sources=queries.sources(idx), event_types=queries.event_types(idx),
                      entity_choices=queries.top_entity_names(idx), paging=_pager(args, result, page))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, idx=Depends(api.index)):
        args = PageArgs(request)
        date_from, date_to = args.dates()
        page = args.page()
        result = queries.list_quotes(idx, queries.resolve_entity(idx, args.text("speaker")),
                                     queries.resolve_entity(idx, args.text("about")), date_from, date_to,
                                     PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return render(request, "quotes.html", page="quotes", args=args, result=result,
                      entity_choices=queries.top_entity_names(idx), paging=_pager(args, result, page))

    return app
