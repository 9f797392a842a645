"""Sentence splitting and tokenisation with exact character offsets."""

from __future__ import annotations

import re

from ..doc import Document, Sentence, Token
from ..pipeline import component

_TOKEN = re.compile(r"\w+(?:[-.'’]\w+)*|\S", re.UNICODE)
_SENT_END = {".", "!", "?"}


def tokenize(text: str) -> tuple[list[Token], list[Sentence]]:
    tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    sentences: list[Sentence] = []
    first = 0
    for i, tok in enumerate(tokens):
        if tok.text in _SENT_END or i == len(tokens) - 1:
            sentences.append(Sentence(tokens[first].start, tok.end, first, i + 1))
            first = i + 1
    return tokens, sentences


@component("tokenize.rules", layer="tokens", version="0.0.1")
def make_tokenizer(config):
    def annotate(doc: Document) -> Document:
        doc.tokens, doc.sentences = tokenize(doc.text)
        return doc

    return annotate
