"""Full-text search with German stemming over the FTS5 table of the serving index (index.py).

Words are lower-cased and reduced with the Snowball German stemmer in Python before they reach
FTS5, and queries go through the same function, so "Verhandlungen" finds "Verhandlung" and
"Häuser" finds "Haus".  Filters other than dates are tokens in the ``facets`` column of the same
FTS5 table (``facet``), so FTS5 intersects posting lists instead of testing each match; dates
become row id bounds (row ids follow publication order).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)
# A query is a sequence of words and "quoted phrases".
QUERY_RE = re.compile(r'"([^"]*)"|(\S+)')

SORTS = ("relevance", "newest", "oldest")
RANK_MAX = 1_000
MAX_COUNT = 1_000

_stemmer = snowballstemmer.stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text)]


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


FACET_PREFIX = {"source": "s", "entity": "e", "event_type": "t", "speaker": "q"}


def facet(kind: str, value: str) -> str:
    """The FTS5 token standing for "this article has ``kind`` = ``value``" (a letter and hex digits,
    so any id or name becomes one plain token)."""
    return FACET_PREFIX[kind] + hashlib.md5(value.encode("utf-8")).hexdigest()[:16]


def facet_sql(kind: str, column: str) -> str:
    """The same token computed by DuckDB over ``column`` when the index is built."""
    return f"'{FACET_PREFIX[kind]}' || substr(md5({column}), 1, 16)"


def _facets(filters: SearchFilters) -> list[str]:
    terms = []
    for kind in ("source", "entity", "event_type"):
        value = getattr(filters, kind)
        if value:
            terms.append(f"facets:{facet(kind, value)}")
    if filters.speaker:
        # The speaker is an entity id or the speaker's words as written ("der Regierungssprecher").
        terms.append(f"(facets:{facet('speaker', filters.speaker)} OR facets:{facet('speaker', filters.speaker.lower())})")
    return terms


def _date_clauses(filters: SearchFilters) -> tuple[list[str], list]:
    clauses, params = [], []
    if filters.date_from:
        clauses.append("d.date_latest >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("d.date_earliest <= ?")
        params.append(filters.date_to.isoformat())
    return clauses, params


def search(idx: sqlite3.Connection, query: str, filters: SearchFilters, limit: int, offset: int,
           sort: str = "relevance") -> dict:
    """Documents matching ``query`` and ``filters``, sorted by ``sort`` (see SORTS).

    Relevance (BM25, title words weighing 3×) is computed for every match, so it is used up to
    RANK_MAX matches; broader queries come newest first, and the answer's ``sort`` says so.
    """
    text = fts_query(query or "")
    terms = ([text] if text else []) + _facets(filters)
    match = " AND ".join(terms) if terms else None
    clauses, params = _date_clauses(filters)
    # Row ids follow publication order: date bounds become row id bounds FTS5 can seek to.
    key = "fts.rowid" if match else "d.rowid"
    if filters.date_to:
        row = idx.execute("SELECT rowid FROM docs WHERE date_earliest <= ? ORDER BY date_earliest DESC, rowid DESC "
                          "LIMIT 1", [filters.date_to.isoformat()]).fetchone()
        clauses.append(f"{key} <= ?")
        params.append(row["rowid"] if row else 0)
    if filters.date_from:
        # A year-dated article may still overlap a day up to a year after its first day.
        row = idx.execute("SELECT rowid FROM docs WHERE date_earliest >= ? ORDER BY date_earliest, rowid LIMIT 1",
                          [(filters.date_from - timedelta(days=366)).isoformat()]).fetchone()
        clauses.append(f"{key} >= ?")
        params.append(row["rowid"] if row else 1 << 62)
    if match:
        base = f"FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE {' AND '.join(['fts MATCH ?'] + clauses)}"
        params = [match] + params
    else:
        base = f"FROM docs d WHERE {' AND '.join(clauses) or '1'}"
    total, exact = count_upto(idx, base, params)
    used = sort
    if sort == "relevance" and (not text or not exact or total > RANK_MAX):
        used = "newest"
    order = {"relevance": f"bm25(fts, 3.0, 1.0, 0.0), {key} DESC", "newest": f"{key} DESC", "oldest": key}[used]
    rows = idx.execute(
        f"SELECT d.doc_id AS id, d.title, d.source, d.date_value, d.date_earliest, d.date_latest {base} "
        f"ORDER BY {order} LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    return {"total": total, "total_exact": exact, "sort": used, "query_stems": stems(query or ""),
            "results": rows}


def count_upto(idx: sqlite3.Connection, sql_from_where: str, params: list) -> tuple[int, bool]:
    """(number of rows, whether that is exact): counting every match of a broad query costs more
    than the page itself, so it stops past MAX_COUNT."""
    n = idx.execute(f"SELECT count(*) AS n FROM (SELECT 1 {sql_from_where} LIMIT {MAX_COUNT + 1})",
                    params).fetchone()["n"]
    return min(n, MAX_COUNT), n <= MAX_COUNT


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
