"""Shared helpers of the quotes.rules tests: tokeniser + quotes only, optionally with tags or names
set by hand the way the tagger, NER and entity layers would set them."""

from __future__ import annotations

from chronik.doc import Document, Entity, Mention
from chronik.pipeline import Pipeline


def rules_pipeline() -> Pipeline:
    return Pipeline(["tokenize.rules", "quotes.rules"])


def span(doc, spans):
    return " … ".join(doc.text[s:e] for s, e in spans)


def quotes(pipe, text, prepare=None, tags=None):
    """``prepare(doc)`` runs between the two layers; ``tags`` maps words to STTS tags (other words:
    nouns by capital, else adverb)."""
    doc = pipe.steps[0][1](Document("t", text))
    if tags is not None:
        for t in doc.tokens:
            t.pos = tags.get(t.text, "NN" if t.text[:1].isupper() else "ADV")
    if prepare:
        prepare(doc)
    doc = pipe.steps[1][1](doc)
    return doc, doc.quotes


def only(pipe, text, prepare=None, tags=None):
    doc, qs = quotes(pipe, text, prepare, tags)
    assert len(qs) == 1, [(q.form, span(doc, q.cue), span(doc, q.message)) for q in qs]
    return doc, qs[0]


def names(doc, *pairs):
    """Mentions and entities for (surface, label) pairs, as the NER and entity layers would add them."""
    doc.entities, doc.mentions = [], []
    for k, (surface, label) in enumerate(pairs):
        at = doc.text.index(surface)
        doc.entities.append(Entity(label, surface))
        doc.mentions.append(Mention(at, at + len(surface), surface, label, entity=k))
