"""`chronik quotes [SPEAKER]`: what did a speaker say, about whom, when (from the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..listing import query_rows
from ..store import DEFAULT_DB

_QUERY = """
SELECT q.doc_id, q.idx, d.title, d.date_value, q.time_value, q.form, q.medium, q.channel, q.source_text,
       q.source_description, coalesce(e.country, q.source_country) AS source_country,
       e.name AS source_name, q.source_entity_id, q.cue_text, q.addressee_text, a.name AS addressee_name,
       q.message_text, q.start_char, q.end_char, q.attrs
FROM quotes q
JOIN documents d ON d.id = q.doc_id
LEFT JOIN doc_entities e ON e.doc_id = q.doc_id AND e.idx = q.source_doc_entity
LEFT JOIN doc_entities a ON a.doc_id = q.doc_id AND a.idx = q.addressee_doc_entity
WHERE lower(coalesce(q.source_text, '')) LIKE ? OR lower(coalesce(e.name, '')) LIKE ?
   OR lower(coalesce(q.source_description, '')) LIKE ? OR q.source_entity_id = ?
   OR upper(coalesce(e.country, q.source_country, '')) = upper(?)
ORDER BY coalesce(q.time_value, d.date_value), q.doc_id, q.idx
LIMIT ?
"""


def command(
    speaker: Optional[str] = typer.Argument(None, help="Speaker name, role, entity id or ISO country code "
                                            "(substring, case-insensitive); none lists every quotation."),
    speaker_option: Optional[str] = typer.Option(None, "--speaker", help="Same as the SPEAKER argument."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to read from."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many quotations."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
):
    """What did SPEAKER say, write or think, to and about whom, and when."""
    who = speaker_option if speaker_option is not None else (speaker or "")
    pattern = f"%{who.lower()}%"
    results = query_rows(db, _QUERY, [pattern, pattern, pattern, who, who, limit])
    for r in results:
        attrs = r.pop("attrs")
        attrs = json.loads(attrs) if isinstance(attrs, str) else (attrs or {})
        r["about"] = attrs.get("about", [])  # entities the message mentions (set by quotes.rules)
    if not results:
        typer.echo(f"no quotations found for {who!r}", err=True)
        raise typer.Exit(1)
    for r in results:
        if as_json:
            print(json.dumps(r, ensure_ascii=False, default=str))
            continue
        when = r["time_value"] or r["date_value"] or "?"
        who_ = r["source_name"] or r["source_description"] or r["source_text"] or "?"
        if r["source_country"]:
            who_ += f" [{r['source_country']}]"
        how = " ".join(x for x in (r["form"], r["medium"], f"via {r['channel']}" if r["channel"] else "") if x)
        to = r["addressee_name"] or r["addressee_text"]
        to = f" to {to}" if to else ""
        about = f"  [about: {', '.join(r['about'])}]" if r["about"] else ""
        print(f"{when}  {who_}{to} ({how}, {r['doc_id']}): {r['message_text']}{about}")
