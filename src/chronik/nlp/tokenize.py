"""Sentence splitting and tokenisation of German news text with exact character offsets.

Every token is a slice of the input (``text[t.start:t.end] == t.text``); nothing is normalised.
One regular expression proposes tokens (URLs, e-mail addresses, numbers, dates and times,
hyphenated compounds, quote marks, ellipses, punctuation); a second pass attaches the full stop
to abbreviations, initials and ordinals ("am 20. Februar"), then sentences are cut at final
punctuation (plus any closing quotes or brackets), at blank lines and at line breaks after lines
without final punctuation (headlines).  The rule tables are data files in
``chronik/lexicons/nlp/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..doc import Document, Sentence, Token
from ..pipeline import component

# Word characters plus combining marks and soft hyphens, so decomposed umlauts stay in the word.
_W = r"[\w\u0300-\u036f\u00ad]"
_L = r"[^\W\d_]"  # a letter

_TOKEN = re.compile(
    rf"""
    (?:https?://|www\.)[^\s<>"„“”»«‚‘’()\[\]{{}}]+                  # URL (trailing stop trimmed below)
  | [\w.+-]+@{_W}+(?:[.-]{_W}+)*\.{_L}{{2,}}                        # e-mail address
  | {_W}+(?:[-.]{_W}+)*\.(?:de|at|ch|com|org|net|eu|info|io)(?!\w)  # a domain name: Heise.de, derStandard.at
  | (?<![\w.])(?:{_L}{{1,2}}\.){{2,}}                               # z.B. u.a. d.h. e.V.
  | \d+(?:[.,:]\d+)*{_L}*(?:[-‐‑]{_W}+)*(?:-(?=[\s,/]))?             # 100.000 3,5 14.30 11.02.2022 20-jährige
  | {_W}+(?:['’]{_W}+|[-‐‑]{_W}+)*(?:-(?=[\s,/]))?                  # words, US-Präsident, Ein- (und Ausreise)
  | \.{{2,}} | …                                                    # ellipsis
  | [!?]+                                                           # ?! !!!
  | `` | ''                                                         # typewriter quotes
  | \S                                                              # any other single character
    """,
    re.VERBOSE,
)

_URL_TRAILING = ".,;:!?'’"
_QUOTES = frozenset("„“”\"»«‚‘’'›‹`")
_OPENING_BRACKETS = frozenset("([{")
_CLOSING_BRACKETS = frozenset(")]}")
_FINAL = frozenset({".", "…"})  # plus runs of ! and ? and "..." (see _is_final)
_ROMAN = re.compile(r"[IVX]{1,5}")


def _read_list(name: str) -> list[list[str]]:
    path = resources.files("chronik").joinpath("lexicons", "nlp", name)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    abbrev_rows = _read_list("abbreviations.tsv")
    abbreviations = frozenset(row[0] for row in abbrev_rows)
    final_abbreviations = frozenset(row[0] for row in abbrev_rows if len(row) > 1 and row[1] == "final")
    starters = frozenset(row[0] for row in _read_list("sentence_starters.tsv"))
    months = frozenset(row[0] for row in _read_list("months.tsv"))
    return abbreviations, final_abbreviations, starters, months


def _is_final(tok: str) -> bool:
    return tok in _FINAL or tok[0] in "!?" or tok.startswith("..")


def _spans(text: str) -> list[list[int]]:
    """Raw token spans [start, end] from the regular expression, URLs trimmed."""
    spans = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if text.startswith(("http", "www."), start) and end - start > 4:
            # A URL's trailing punctuation belongs to the sentence, not to the URL.
            while end > start + 4 and text[end - 1] in _URL_TRAILING:
                end -= 1
            if end < m.end():
                spans.append([start, end])
                spans.extend([i, i + 1] for i in range(end, m.end()))
                continue
        spans.append([start, end])
    return spans


def _ordinal_follows(text: str, dot_end: int, nxt: list[int] | None, starters, months) -> bool:
    """Whether a number before the stop at ``dot_end`` reads as an ordinal ("20. Februar")."""
    if nxt is None:
        return False
    gap = text[dot_end:nxt[0]]
    if not gap or "\n" in gap or not gap.isspace():
        return False
    word = text[nxt[0]:nxt[1]]
    first = word[0]
    if first.isdigit() or word in months:
        return True
    if first.islower():
        return True
    if first.isupper():
        return word not in starters
    return False


def _letter_ends_sentence(text: str, before: list[list[int]], nxt: list[int] | None, starters) -> bool:
    """Whether a capital letter and its stop end the sentence: the text ends there, the next word opens
    a sentence (a function word or a place name), or the letter names a thing ("Plattform X.", "auf
    X."), i.e. follows an ordinary capitalised noun or a preposition rather than a given name ("George
    W. Bush")."""
    from .ner_features import word_frequency_buckets
    from .ner_gazetteer import default_gazetteer

    prev = text[before[-1][0]:before[-1][1]] if before else ""
    if nxt is None:
        return True  # the end of the text: no name follows an initial there
    if prev.lower() in ("auf", "bei", "über", "via") and text[nxt[0]].isupper():
        return True  # "schrieb er auf X. Die Partei …": a platform after a preposition, not an initial
    if not text[nxt[0]].isupper() or not text[nxt[0] - 1: nxt[0]].isspace():
        return False
    word = text[nxt[0]:nxt[1]]
    gazetteer = default_gazetteer()
    place = gazetteer.names.get((word,))
    if word in starters or (place is not None and place.label == "LOC"):
        return True
    if not before:
        return False
    return (len(prev) > 2 and prev[0].isupper() and prev[1:].islower() and prev not in gazetteer.first_names
            and prev not in gazetteer.surnames and prev.lower() in word_frequency_buckets())


def _merge_stops(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Attach a full stop to the abbreviation, initial or ordinal it belongs to."""
    abbreviations, _, starters, months = _tables()
    out: list[list[int]] = []
    n = len(spans)
    i = 0
    while i < n:
        span = spans[i]
        if i + 1 < n and spans[i + 1][0] == span[1] and text[span[1]] == "." and spans[i + 1][1] == span[1] + 1:
            word = text[span[0]:span[1]]
            merged = False
            if word + "." in abbreviations:
                merged = True
            elif len(word) == 1 and word.isalpha():
                # an initial ("John F. Kennedy") or a spaced abbreviation ("z. B."), unless the
                # letter is a name ending a sentence ("auf der Plattform X. Russland sei ...")
                merged = not _letter_ends_sentence(text, out, spans[i + 2] if i + 2 < n else None, starters)
            elif (word.isdigit() and len(word) <= 3) or (_ROMAN.fullmatch(word) and out and text[out[-1][0]].isupper()):
                nxt = spans[i + 2] if i + 2 < n else None
                merged = _ordinal_follows(text, span[1] + 1, nxt, starters, months)
            if merged:
                out.append([span[0], span[1] + 1])
                i += 2
                continue
        out.append(span)
        i += 1
    return out


def _is_opening_quote(text: str, start: int, end: int) -> bool:
    before_space = start == 0 or text[start - 1].isspace() or text[start - 1] in "([{"
    after_space = end >= len(text) or text[end].isspace()
    return before_space and not after_space


def _starts_sentence(text: str, span: list[int]) -> bool:
    ch = text[span[0]]
    if ch.isupper() or ch.isdigit() or ch in _OPENING_BRACKETS:
        return True
    if ch in _QUOTES:
        return _is_opening_quote(text, span[0], span[1])
    return False


def _sentence_ends(text: str, spans: list[list[int]]) -> list[int]:
    """Exclusive token indices at which sentences end."""
    _, final_abbreviations, starters, _ = _tables()
    ends: list[int] = []
    n = len(spans)
    i = 0
    while i < n:
        start, end = spans[i]
        tok = text[start:end]
        j = i + 1
        terminal = _is_final(tok)
        if not terminal and tok in final_abbreviations and j < n:
            nxt = text[spans[j][0]:spans[j][1]]
            terminal = nxt in starters or (nxt[0] in _QUOTES and _is_opening_quote(text, *spans[j]))
        if terminal:
            # Closing quotes and brackets directly after the stop belong to this sentence.
            while j < n and spans[j][0] == spans[j - 1][1] and (
                text[spans[j][0]] in _CLOSING_BRACKETS
                or (text[spans[j][0]] in _QUOTES and not _is_opening_quote(text, *spans[j]))
            ):
                j += 1
            if j < n and _starts_sentence(text, spans[j]):
                ends.append(j)
                i = j
                continue
        if j < n:
            gap = text[spans[i][1]:spans[j][0]]
            if "\n" in gap and _line_break_ends_sentence(text, gap, spans[i], spans[j]):
                ends.append(j)
        i = j
    if n and (not ends or ends[-1] != n):
        ends.append(n)
    return ends


def _line_break_ends_sentence(text: str, gap: str, last: list[int], nxt: list[int]) -> bool:
    """Blank lines always end a sentence; a single line break does (headlines, datelines)
    unless the text plainly continues: next line in lower case, or a comma / hyphen before it."""
    if gap.count("\n") >= 2:
        return True
    if text[nxt[0]].islower():
        return False
    return text[last[1] - 1] not in ",-‐"


def tokenize(text: str) -> tuple[list[Token], list[Sentence]]:
    """Tokens and sentences of ``text``; ``Token.space_after`` tells whether whitespace follows."""
    spans = _merge_stops(text, _spans(text))
    length = len(text)
    tokens = [
        Token(s, e, text[s:e], space_after=e < length and text[e].isspace())
        for s, e in spans
    ]
    sentences = []
    first = 0
    for end in _sentence_ends(text, spans):
        sentences.append(Sentence(spans[first][0], spans[end - 1][1], first, end))
        first = end
    return tokens, sentences


@component("tokenize.rules", layer="tokens", version="0.2.2")
def make_tokenizer(config):
    _tables()  # load the rule tables once, before the first document

    def annotate(doc: Document) -> Document:
        doc.tokens, doc.sentences = tokenize(doc.text)
        return doc

    return annotate
