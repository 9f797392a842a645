"""The `chronik` command line: ingest, run, status, export, eval, train, serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .store import DEFAULT_DB

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score a component against gold files.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models chronik ships.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

console = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to write to / read from.")


@app.command()
def status(db: Path = DbOption, as_json: bool = typer.Option(False, "--json")):
    """Counts of documents, rejects and annotations in the store."""
    from .store import Store

    if not db.exists():
        console.print(f"[red]error:[/] no database at {db}")
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        counts = store.counts()
    if as_json:
        print(json.dumps(counts))
    else:
        for k, v in counts.items():
            print(f"{k:>20}  {v}")


def _register_subcommands() -> None:
    """Each area owns its command in its own module; registering here keeps this file small."""
    from .eval import events as eval_events, ner as eval_ner, quotes as eval_quotes, timex as eval_timex
    from .nlp import train as train_ner
    from .serve import cli as serve_cli

    eval_app.command("ner")(eval_ner.command)
    eval_app.command("timex")(eval_timex.command)
    eval_app.command("quotes")(eval_quotes.command)
    eval_app.command("events")(eval_events.command)
    train_app.command("ner")(train_ner.command)
    app.command("serve")(serve_cli.command)


_register_subcommands()
