"""`chronik events [ACTOR]`: the stored events (one line per mention), or the merged events.

    chronik events --db corpus.duckdb                    # every event mention, in text order
    chronik events Putin --type CONSULT --db corpus.duckdb
    chronik events --clusters --db corpus.duckdb         # cross-document events with their counts
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..listing import print_rows, query_rows
from ..store import DEFAULT_DB

_MENTIONS = """
SELECT e.doc_id, e.idx, e.type, e.mode, e.modality, e.sources, e.targets, e.location, e.time_value,
       e.earliest, e.latest, e.quantities, e.sentence, e.trigger_start, e.trigger_end, e.trigger_text,
       e.cluster_id, e.attrs, c.n_articles
FROM events e LEFT JOIN event_clusters c ON c.id = e.cluster_id
WHERE (? IS NULL OR e.type = ?)
  AND (? IS NULL OR lower(e.sources || e.targets) LIKE ? OR lower(coalesce(e.source_codes, '')) LIKE ?
       OR lower(coalesce(e.target_codes, '')) LIKE ?)
ORDER BY e.doc_id, e.idx
LIMIT ?
"""

_CLUSTERS = """
SELECT id, type, mode, modality, actors, time_value, earliest, latest, n_mentions, n_articles, sources,
       linked_to
FROM event_clusters
WHERE (? IS NULL OR type = ?) AND (? IS NULL OR lower(actors::VARCHAR) LIKE ?)
ORDER BY n_articles DESC, earliest NULLS LAST, id
LIMIT ?
"""


def _who(actors: list[dict]) -> str:
    return " + ".join(f"{a['text']} ({' '.join(x for x in (a.get('country'), a.get('sector')) if x) or '?'})"
                      for a in actors) or "-"


def describe_row(r: dict) -> str:
    """One stored event mention as a line: type/mode, modality, actors, time, place, quantities, evidence."""
    attrs = json.loads(r["attrs"] or "{}")
    arrow = "<->" if attrs.get("symmetric") else "->"
    when = r["time_value"] or "no timex"
    if attrs.get("time_relation"):
        when = f"{attrs['time_relation']} {when}"
    parts = [f"{r['type']}/{r['mode'] or '-'}", r["modality"],
             f"{_who(json.loads(r['sources']))} {arrow} {_who(json.loads(r['targets']))}",
             f"time {when} [{r['earliest'] or '…'} .. {r['latest'] or '…'}]"]
    if r["location"]:
        loc = json.loads(r["location"])
        parts.append(f"at '{loc['text']}' ({loc.get('country') or '?'})")
    for q in json.loads(r["quantities"] or "[]"):
        parts.append(f"{q['qualifier']} {q['value']:g} {q['unit']}")
    parts.append(f"evidence {r['doc_id']} s{r['sentence']} {r['trigger_start']}:{r['trigger_end']} "
                 f"'{r['trigger_text']}'")
    return " | ".join(parts)


def _describe_cluster(r: dict) -> str:
    actors = json.loads(r["actors"] or "[]")
    who = ", ".join(f"{a['name']} ({' '.join(x for x in (a.get('country'), a.get('sector')) if x) or '?'}, "
                    f"{a['side']})" for a in actors) or "-"
    links = json.loads(r["linked_to"] or "[]")
    line = (f"{r['id']} {r['type']}/{r['mode'] or '-'} {r['modality']} | {who} | time {r['time_value'] or '-'} "
            f"[{r['earliest'] or '…'} .. {r['latest'] or '…'}] | {r['n_mentions']} mention(s) in "
            f"{r['n_articles']} article(s) ({', '.join(json.loads(r['sources'] or '[]'))})")
    return line + (f" | linked to {', '.join(links)}" if links else "")


def command(
    actor: str = typer.Argument(None, help="Only events with this actor (text or country code, substring)."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to read from."),
    etype: str = typer.Option(None, "--type", help="Only this PLOVER type (CONSULT, ASSAULT, ...)."),
    clusters: bool = typer.Option(False, "--clusters", help="Merged cross-document events instead of mentions."),
    limit: int = typer.Option(200, "--limit", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
):
    """Who did what to whom, when and where: stored event mentions or merged events."""
    etype = etype.upper() if etype else None
    pattern = f"%{actor.lower()}%" if actor else None
    if clusters:
        rows = query_rows(db, _CLUSTERS, [etype, etype, pattern, pattern, limit])
    else:
        rows = query_rows(db, _MENTIONS, [etype, etype, pattern, pattern, pattern, pattern, limit])
    print_rows(rows, as_json, _describe_cluster if clusters else describe_row)
