"""Token-level NER gold readers (GermEval 2014 TSV, CoNLL-2003, SmartData JSON) and a
conlleval-style exact-span scorer.

A gold sentence is a pair of lists: tokens and BIO tags.  Readers return the outer layer only.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

GoldSentence = tuple[list[str], list[str]]


def _open_text(path: Path):
    if str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_germeval(path: Path) -> list[GoldSentence]:
    """GermEval 2014 TSV: ``#`` comment line, then ``n<TAB>token<TAB>outer<TAB>inner`` rows."""
    sentences: list[GoldSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("#") and not tokens:
                continue
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise ValueError(f"{path}:{lineno}: expected >= 3 tab-separated columns")
            tokens.append(cols[1])
            tags.append(cols[2])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def read_conll(path: Path) -> list[GoldSentence]:
    """CoNLL-2003: token first, NER tag last (tab- or space-separated); ``-DOCSTART-`` skipped."""
    sentences: list[GoldSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            if len(cols) < 2:
                raise ValueError(f"{path}:{lineno}: expected token and tag columns")
            tokens.append(cols[0])
            tags.append(cols[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


# Tokens for SmartData, which ships raw text with character offsets but no tokens.  Close to
# the GermEval/CoNLL convention: words (with inner hyphens, dots of abbreviations are split
# off), numbers with separators, single punctuation marks.
_SMARTDATA_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[\w@#]+(?:[-'’]\w+)*|\S", re.UNICODE)
_SENTENCE_END = {".", "!", "?"}


def read_smartdata(path: Path, type_map: dict[str, str] | None = None) -> list[GoldSentence]:
    """SmartData v1 JSON (concatenated objects): text + ``conceptMentions`` with character spans.

    Mentions are projected onto regex tokens (a token is inside a mention when it starts inside
    it); with a ``type_map`` the fine-grained type becomes ``type_map[type]``, and types it
    does not name (or maps to ``O``) are dropped.
    """
    with _open_text(path) as fh:
        raw = fh.read()
    decoder = json.JSONDecoder()
    pos = 0
    sentences: list[GoldSentence] = []
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        doc, pos = decoder.raw_decode(raw, pos)
        text = (doc.get("text") or {}).get("string") or ""
        spans = []
        for m in ((doc.get("conceptMentions") or {}).get("array") or []):
            label = m["type"] if type_map is None else type_map.get(m["type"], "O")
            if label != "O":
                spans.append((m["span"]["start"], m["span"]["end"], label))
        sentences.extend(_project(text, spans))
    return sentences


def _project(text: str, spans: list[tuple[int, int, str]]) -> Iterator[GoldSentence]:
    # Longest spans first so that nested mentions do not split an outer one.
    spans = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    for line in re.finditer(r"[^\n]+", text):
        matches = list(_SMARTDATA_TOKEN.finditer(line.group()))
        if not matches:
            continue
        base = line.start()
        tokens: list[str] = []
        tags: list[str] = []
        prev_span = None
        for m in matches:
            start = base + m.start()
            tag = "O"
            for span in spans:
                if span[0] <= start < span[1]:
                    tag = ("I-" if span is prev_span else "B-") + span[2]
                    prev_span = span
                    break
            else:
                prev_span = None
            tokens.append(m.group())
            tags.append(tag)
            if m.group() in _SENTENCE_END and not tag.startswith("I-"):
                yield tokens, tags
                tokens, tags = [], []
                prev_span = None
        if tokens:
            yield tokens, tags


# ---------------------------------------------------------------- label mapping

DROP_DERIV_PART = "drop-deriv-part"


def parse_map(spec: str | None) -> dict[str, str]:
    """``--map`` spec: comma-separated ``FROM=TO`` on types (``OTH=MISC``) or full tags
    (``B-LOCderiv=O``), or the shorthand ``drop-deriv-part``."""
    mapping: dict[str, str] = {}
    for item in (spec or "").split(","):
        item = item.strip()
        if not item:
            continue
        if item == DROP_DERIV_PART:
            mapping["*deriv"] = "O"
            mapping["*part"] = "O"
            continue
        if "=" not in item:
            raise ValueError(f"bad --map item {item!r}: expected FROM=TO or {DROP_DERIV_PART}")
        src, dst = (x.strip() for x in item.split("=", 1))
        mapping[src] = dst
    return mapping


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or not mapping:
        return tag
    if tag in mapping:
        return mapping[tag]
    prefix, _, typ = tag.partition("-")
    if not typ:
        return mapping.get(tag, tag)
    for suffix in ("deriv", "part"):
        if typ.endswith(suffix) and mapping.get("*" + suffix) == "O":
            return "O"
    new = mapping.get(typ, typ)
    return "O" if new == "O" else f"{prefix}-{new}"


def map_sentences(sentences: Iterable[GoldSentence], mapping: dict[str, str]) -> list[GoldSentence]:
    return [(toks, [map_tag(t, mapping) for t in tags]) for toks, tags in sentences]


# ---------------------------------------------------------------- scoring

def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Chunks as conlleval reads them: an I- with a different type than the running chunk, or
    after O, starts a new chunk."""
    out: set[tuple[int, int, str]] = set()
    start, typ = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != typ)
        if typ is not None and (tag == "O" or begins):
            out.add((start, i, typ))
            start, typ = None, None
        if tag != "O" and begins:
            start, typ = i, t
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "gold": self.tp + self.fn, "predicted": self.tp + self.fp,
                "correct": self.tp}


@dataclass
class Score:
    per_type: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)

    def add(self, gold_tags: list[str], pred_tags: list[str]) -> None:
        gold, pred = spans(gold_tags), spans(pred_tags)
        for typ in {s[2] for s in gold | pred}:
            self.per_type.setdefault(typ, Counts())
        for s in gold & pred:
            self.per_type[s[2]].tp += 1
            self.overall.tp += 1
        for s in pred - gold:
            self.per_type[s[2]].fp += 1
            self.overall.fp += 1
        for s in gold - pred:
            self.per_type[s[2]].fn += 1
            self.overall.fn += 1

    def as_dict(self) -> dict:
        return {"overall": self.overall.as_dict(),
                "per_type": {t: c.as_dict() for t, c in sorted(self.per_type.items())}}

    def table(self) -> str:
        rows = [f"{'type':<8}{'prec':>8}{'rec':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
        for typ, c in sorted(self.per_type.items()) + [("overall", self.overall)]:
            rows.append(f"{typ:<8}{c.precision:8.4f}{c.recall:8.4f}{c.f1:8.4f}"
                        f"{c.tp + c.fn:8d}{c.tp + c.fp:8d}")
        return "\n".join(rows)


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> Score:
    result = Score()
    for g, p in zip(gold, pred, strict=True):
        result.add(g, p)
    return result
