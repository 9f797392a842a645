"""Temporal expressions: TIMEX3 DATE / TIME / DURATION / SET, normalised against the article date.

``timex.rules`` fills ``Document.timexes`` from the raw text (regex grammar in ``grammar.py``,
resolution in ``extract.py``); the tag layer, when present, only informs the tense/direction of
underspecified expressions (``direction.py``).  See docs/timex.md.
"""

from __future__ import annotations

from ..doc import DocDate, Document, Timex
from ..pipeline import component
from .calendar import parse_dct
from .extract import TimexTagger

VERSION = "0.2.2"

__all__ = ["TimexTagger", "parse_dct", "tag_text", "VERSION"]

_TAGGER: TimexTagger | None = None


def tag_text(text: str, dct: DocDate | str | None, doc: Document | None = None) -> list[Timex]:
    """Time expressions in ``text``; ``dct`` as DocDate or string (``2022-02-11``, ``2022-02``)."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = TimexTagger()
    if isinstance(dct, str):
        dct = parse_dct(dct)
    return _TAGGER.tag(text, dct, doc)


@component("timex.rules", layer="timexes", version=VERSION)
def make(config):
    tagger = TimexTagger()

    def annotate(doc: Document) -> Document:
        doc.timexes = tagger.tag(doc.text, doc.date, doc)
        if doc.sentences:
            for t in doc.timexes:
                t.sentence = doc.sentence_of(t.start)
        return doc

    return annotate
