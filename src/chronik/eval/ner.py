"""`chronik eval ner`: score against gold files (placeholder until its issue lands)."""

from pathlib import Path

import typer


def command(gold: Path = typer.Option(..., "--gold", help="Gold file or directory.")):
    """Not implemented yet."""
    typer.echo("chronik eval ner: not implemented yet", err=True)
    raise typer.Exit(2)
