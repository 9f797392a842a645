"""`chronik serve` (placeholder until its issue lands)."""

import typer


def command():
    """Not implemented yet."""
    typer.echo("chronik serve: not implemented yet", err=True)
    raise typer.Exit(2)
