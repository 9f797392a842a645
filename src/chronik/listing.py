"""Shared plumbing of the read-only listing commands (`chronik entities|quotes|events`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import typer


def query_rows(db: Path, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows of ``sql`` on the store at ``db``, opened read-only, as dicts; exit 2 if there is no store."""
    from .store import Store

    if not db.exists():
        typer.echo(f"error: no database at {db}", err=True)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        cur = store.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def print_rows(rows: list[dict[str, Any]], as_json: bool, describe: Callable[[dict[str, Any]], str]) -> None:
    """One JSON object per line, or one ``- description`` line per row."""
    for r in rows:
        typer.echo(json.dumps(r, ensure_ascii=False, default=str) if as_json else "- " + describe(r))
