"""PLOVER event extraction (layer "events"), actor coding and cross-document merging (merge.py).

The extractor is rule-based over the earlier layers: tokens (and POS/morphology when present),
mentions and entities (actors and their country/sector codes), time expressions (event time) and
quotes (which quote an event was reported in).  Lexicons: ``chronik/lexicons/events`` and
``chronik/lexicons/modality``; the rules are described in docs/events.md.
"""

from __future__ import annotations

from ..doc import Document
from ..pipeline import component
from .extract import Extractor
from .lexicon import load

VERSION = "0.2.5"


@component("events.rules", layer="events", version=VERSION)
def make(config):
    extract = Extractor(load())

    def annotate(doc: Document) -> Document:
        doc.events = extract(doc)
        return doc

    return annotate
