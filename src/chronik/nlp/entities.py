"""In-document entity consolidation (placeholder until its issue lands: adds nothing)."""

from ..pipeline import component


@component("entities.rules", layer="entities", version="0.0.0")
def make(config):
    return lambda doc: doc


def consolidate_corpus(store) -> None:
    """Corpus-wide entity ids (placeholder until its issue lands)."""
