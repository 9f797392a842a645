"""`chronik serve`: the web UI and REST API over a store."""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from ..store import DEFAULT_DB


def command(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to explore (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    index: Optional[Path] = typer.Option(None, "--index",
                                         help="Serving index file (default: <db>.index.sqlite)."),
    build_index: bool = typer.Option(False, "--build-index",
                                     help="Rebuild the serving index, then exit without serving."),
):
    """Serve the web UI (search, articles, entities, timeline, quotes, dashboard) and /api."""
    import duckdb

    from .index import default_index_path, ensure_index

    if not db.exists():
        typer.echo(f"error: no database at {db}", err=True)
        raise typer.Exit(2)
    index_path = index or default_index_path(db)
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        typer.echo(f"error: cannot open {db} read-only: {str(exc).splitlines()[0]}", err=True)
        raise typer.Exit(2)
    # A stop while the index is built unwinds normally, so its temporary file is removed.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        start = time.perf_counter()
        if ensure_index(con, index_path, force=build_index):
            typer.echo(f"serving index {index_path} built in {time.perf_counter() - start:.1f} s", err=True)
    except OSError as exc:
        typer.echo(f"error: cannot write the serving index {index_path}: {exc} (choose one with --index)", err=True)
        raise typer.Exit(2)
    finally:
        con.close()
        signal.signal(signal.SIGTERM, previous)
    if build_index:
        return

    import uvicorn

    from .app import create_app

    app = create_app(db, index_path)
    # Bind before printing the URL, so a busy port is a clear error rather than a dead link.
    try:
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        typer.echo(f"error: cannot listen on {host}:{port}: {reason} (choose another with --port)", err=True)
        raise typer.Exit(2)
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else (f"[{host}]" if ":" in host else host)
    typer.echo(f"chronik UI: http://{shown}:{port}/  (API: http://{shown}:{port}/api-docs)")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
