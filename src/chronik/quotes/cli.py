"""`chronik quotes SPEAKER`: what did a speaker say, about whom, when (from the store)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..store import DEFAULT_DB

_QUERY = """
SELECT q.doc_id, q.idx, d.date_value, q.time_value, q.form, q.medium, q.channel, q.source_text,
       q.source_description, q.source_country, e.name AS source_name, q.cue_text, q.addressee_text,
       q.message_text, q.message
FROM quotes q
JOIN documents d ON d.id = q.doc_id
LEFT JOIN doc_entities e ON e.doc_id = q.doc_id AND e.idx = q.source_doc_entity
WHERE lower(coalesce(q.source_text, '')) LIKE ? OR lower(coalesce(e.name, '')) LIKE ?
   OR lower(coalesce(q.source_description, '')) LIKE ? OR q.source_entity_id = ?
ORDER BY coalesce(q.time_value, d.date_value), q.doc_id, q.idx
LIMIT ?
"""


def _about(con, doc_id: str, message_spans: list[list[int]]) -> list[str]:
    """Names of the entities mentioned inside the message."""
    rows = con.execute(
        "SELECT m.start_char, m.end_char, coalesce(e.name, m.text) FROM mentions m "
        "LEFT JOIN doc_entities e ON e.doc_id = m.doc_id AND e.idx = m.doc_entity WHERE m.doc_id = ?",
        [doc_id],
    ).fetchall()
    names: list[str] = []
    for start, end, name in rows:
        if any(s <= start and end <= e for s, e in message_spans) and name not in names:
            names.append(name)
    return names


def command(
    speaker: str = typer.Argument(..., help="Speaker name, role or entity id (substring, case-insensitive)."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to read from."),
    limit: int = typer.Option(50, "--limit", help="At most this many quotations."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
):
    """What did SPEAKER say, write or think, about whom, and when."""
    from ..store import Store

    if not db.exists():
        typer.echo(f"error: no database at {db}", err=True)
        raise typer.Exit(2)
    pattern = f"%{speaker.lower()}%"
    with Store(db, read_only=True) as store:
        rows = store.con.execute(_QUERY, [pattern, pattern, pattern, speaker, limit]).fetchall()
        cols = [c[0] for c in store.con.description]
        results = []
        for row in rows:
            r = dict(zip(cols, row))
            spans = json.loads(r.pop("message") or "[]")
            r["about"] = _about(store.con, r["doc_id"], spans)
            results.append(r)
    if not results:
        typer.echo(f"no quotations found for {speaker!r}", err=True)
        raise typer.Exit(1)
    for r in results:
        if as_json:
            print(json.dumps(r, ensure_ascii=False, default=str))
            continue
        when = r["time_value"] or r["date_value"] or "?"
        who = r["source_name"] or r["source_text"] or r["source_description"] or "?"
        how = " ".join(x for x in (r["form"], r["medium"], f"via {r['channel']}" if r["channel"] else "") if x)
        to = f" to {r['addressee_text']}" if r["addressee_text"] else ""
        about = f"  [about: {', '.join(r['about'])}]" if r["about"] else ""
        print(f"{when}  {who}{to} ({how}, {r['doc_id']}): {r['message_text']}{about}")
