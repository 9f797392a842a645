"""``ner.spacy``: NER from an installed spaCy pipeline (optional: ``pip install 'chronik[spacy]'``).

Config ``{"model": "de_core_news_lg"}`` (package name or path to a saved pipeline).  The
pipeline runs on our tokens (a ``spacy.tokens.Doc`` built from ``doc.tokens``), so mention
offsets are exact; its labels are mapped to PER/LOC/ORG/MISC and others dropped.
"""

from __future__ import annotations

from ..doc import Document, Mention
from ..pipeline import component

# spaCy's German models use PER/LOC/ORG/MISC; English-style (OntoNotes) models use these.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "FAC": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "MISC": "MISC", "OTH": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}


def load_spacy(model: str):
    try:
        import spacy
    except ImportError as exc:
        raise ImportError("ner.spacy needs spaCy: pip install 'chronik[spacy]'") from exc
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ValueError(f"ner.spacy: cannot load spaCy pipeline {model!r}: {exc}") from exc


@component("ner.spacy", layer="mentions", version="0.1.0")
def make(config):
    model = config.get("model")
    if not model:
        raise ValueError('ner.spacy needs {"model": package name or path} (e.g. --ner ner.spacy:de_core_news_lg)')
    nlp = load_spacy(model)
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"ner.spacy: pipeline {model!r} has no 'ner' component")
    label_map = {**LABEL_MAP, **config.get("labels", {})}
    from spacy.tokens import Doc

    def annotate(doc: Document) -> Document:
        tokens = doc.tokens
        if not tokens:
            doc.mentions = []
            return doc
        words = [t.text for t in tokens]
        spaces = [a.end < b.start for a, b in zip(tokens, tokens[1:])] + [False]
        sdoc = Doc(nlp.vocab, words=words, spaces=spaces)
        for _, proc in nlp.pipeline:
            sdoc = proc(sdoc)
        mentions = []
        for ent in sdoc.ents:
            label = label_map.get(ent.label_)
            if label is None:
                continue
            start, end = tokens[ent.start].start, tokens[ent.end - 1].end
            mentions.append(Mention(start, end, doc.text[start:end], label, "name",
                                    attrs={"source_label": ent.label_}))
        doc.mentions = mentions
        return doc

    return annotate
