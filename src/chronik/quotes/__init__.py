"""Quotation attribution (placeholder until its issue lands: adds nothing)."""

from ..pipeline import component


@component("quotes.rules", layer="quotes", version="0.0.0")
def make(config):
    return lambda doc: doc
