"""Event extraction (placeholder until its issue lands: adds nothing)."""

from ..pipeline import component


@component("events.rules", layer="events", version="0.0.0")
def make(config):
    return lambda doc: doc
