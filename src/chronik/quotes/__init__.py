"""Quotation attribution: who said, wrote or thought what, to whom, when (rule-based)."""

from ..pipeline import component
from .rules import make_rules


@component("quotes.rules", layer="quotes", version="0.8.0")
def make(config):
    return make_rules()
