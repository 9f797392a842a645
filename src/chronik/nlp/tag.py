"""POS tags and lemmas (placeholder until its issue lands: adds nothing)."""

from ..pipeline import component


@component("tag.default", layer="tags", version="0.0.0")
def make(config):
    return lambda doc: doc
