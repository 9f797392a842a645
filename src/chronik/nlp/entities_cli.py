"""`chronik entities [NAME]`: the corpus-wide entities, with their name variants and dated roles.

    chronik entities --db corpus.duckdb                  # most-mentioned entities first
    chronik entities Putin --db corpus.duckdb            # name, surface form or external id (substring)
    chronik entities --type PER --json --db corpus.duckdb
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..listing import print_rows, query_rows
from ..store import DEFAULT_DB

_ENTITIES = """
SELECT e.id, e.label, e.name, e.forms, e.country, e.sector, e.external_id, e.n_docs, e.n_mentions,
       (SELECT list(role || ' (' || span || ')' ORDER BY n DESC, role) FROM (
            SELECT r.role, count(*) AS n,
                   CASE WHEN min(r.date_earliest) = max(r.date_latest) THEN min(r.date_earliest)::VARCHAR
                        ELSE coalesce(min(r.date_earliest)::VARCHAR, '?') || ' – '
                             || coalesce(max(r.date_latest)::VARCHAR, '?') END AS span
            FROM entity_roles r WHERE r.entity_id = e.id GROUP BY r.role)) AS roles
FROM entities e
WHERE (? IS NULL OR e.label = ?)
  AND (? IS NULL OR lower(e.name) LIKE ? OR lower(e.forms::VARCHAR) LIKE ? OR lower(coalesce(e.external_id, '')) LIKE ?)
ORDER BY e.n_mentions DESC, e.name
LIMIT ?
"""


def describe(r: dict) -> str:
    """One entity as a line: name, type, code, counts, other forms, dated roles."""
    code = " ".join(x for x in (r["country"], r["sector"]) if x)
    forms = [f for f in json.loads(r["forms"] or "[]") if f != r["name"]]
    parts = [f"{r['name']} [{r['label']}{', ' + code if code else ''}]",
             f"{r['n_mentions']} mention(s) in {r['n_docs']} article(s)"]
    if r["external_id"]:
        parts.append(r["external_id"])
    if forms:
        parts.append("also: " + ", ".join(forms[:12]) + (" …" if len(forms) > 12 else ""))
    if r["roles"]:
        parts.append("roles: " + "; ".join(r["roles"][:8]) + (" …" if len(r["roles"]) > 8 else ""))
    return " | ".join(parts)


def command(
    name: str = typer.Argument(None, help="Only entities whose name, surface form or external id contains this."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to read from."),
    label: str = typer.Option(None, "--type", help="Only this type: PER, LOC, ORG or MISC."),
    limit: int = typer.Option(50, "--limit", help="At most this many entities."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
):
    """The people, places and organisations of the corpus, merged across articles, with dated roles."""
    label = label.upper() if label else None
    pattern = f"%{name.lower()}%" if name else None
    rows = query_rows(db, _ENTITIES, [label, label, pattern, pattern, pattern, pattern, limit])
    print_rows(rows, as_json, describe)
