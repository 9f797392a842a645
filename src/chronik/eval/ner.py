"""`chronik eval ner`: score an NER component on GermEval 2014 TSV or CoNLL-2003 gold files.

The component runs on the gold tokens (our tokeniser is bypassed), one document per gold
sentence; its ``kind="name"`` mentions become BIO tags again and are scored conlleval-style
(exact spans, per type and overall).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from ..doc import Document, Sentence, Token
from .conll import GoldSentence, map_sentences, parse_map, read_conll, read_germeval, score

GERMEVAL_DEFAULT_MAP = "drop-deriv-part,OTH=MISC"


def detect_format(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            return "germeval" if len(cols) >= 3 and cols[0].isdigit() else "conll"
    return "conll"


def gold_document(index: int, tokens: list[str]) -> Document:
    offsets, pos = [], 0
    for tok in tokens:
        offsets.append(Token(pos, pos + len(tok), tok))
        pos += len(tok) + 1
    doc = Document(id=f"gold-{index}", text=" ".join(tokens))
    doc.tokens = offsets
    doc.sentences = [Sentence(0, len(doc.text), 0, len(offsets))] if offsets else []
    return doc


def tags_from_mentions(doc: Document) -> list[str]:
    start_index = {t.start: i for i, t in enumerate(doc.tokens)}
    end_index = {t.end: i for i, t in enumerate(doc.tokens)}
    tags = ["O"] * len(doc.tokens)
    for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
        if m.kind != "name" or m.start not in start_index or m.end not in end_index:
            continue
        i, j = start_index[m.start], end_index[m.end]
        if any(t != "O" for t in tags[i:j + 1]):
            continue  # nested or overlapping: the outer, earlier mention wins
        tags[i] = "B-" + m.label
        for k in range(i + 1, j + 1):
            tags[k] = "I-" + m.label
    return tags


def parse_component(spec: str) -> tuple[str, dict]:
    """``ner.spacy:de_core_news_lg`` or ``spacy:de_core_news_lg`` (as ``chronik run --ner`` takes it)
    → ("ner.spacy", {"model": "de_core_news_lg"})."""
    name, _, arg = spec.partition(":")
    if not name.startswith("ner."):
        name = "ner." + name
    return name, ({"model": arg} if arg else {})


def run_component(spec: str, sentences: list[GoldSentence]) -> tuple[list[list[str]], float]:
    from ..pipeline import REGISTRY, load_builtins

    load_builtins()
    name, config = parse_component(spec)
    if name not in REGISTRY or REGISTRY[name].layer != "mentions":
        known = ", ".join(sorted(n for n, s in REGISTRY.items() if s.layer == "mentions"))
        raise ValueError(f"unknown NER component {name!r}; known: {known}")
    annotate = REGISTRY[name].factory(config)
    t0 = time.perf_counter()
    predictions = []
    for i, (tokens, _) in enumerate(sentences):
        predictions.append(tags_from_mentions(annotate(gold_document(i, tokens))))
    return predictions, time.perf_counter() - t0


def command(
    gold: Path = typer.Option(..., "--gold", help="Gold file (GermEval 2014 TSV or CoNLL-2003)."),
    fmt: str = typer.Option("auto", "--format", help="auto | germeval | conll"),
    mapping: str = typer.Option(None, "--map", help="Gold label mapping, e.g. 'drop-deriv-part,OTH=MISC' or "
                                "'B-LOCderiv=O,I-LOCderiv=O'. Default for GermEval: " + GERMEVAL_DEFAULT_MAP),
    ner: str = typer.Option("ner.crf", "--ner", help="NER component NAME[:ARG], ARG = model (package, path or dir)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
):
    """Precision/recall/F1 per type and overall (exact spans, outer layer)."""
    if not gold.is_file():
        typer.echo(f"error: gold file not found: {gold}", err=True)
        raise typer.Exit(2)
    fmt = detect_format(gold) if fmt == "auto" else fmt
    if fmt not in ("germeval", "conll"):
        typer.echo(f"error: unknown --format {fmt!r} (germeval | conll)", err=True)
        raise typer.Exit(2)
    try:
        sentences = read_germeval(gold) if fmt == "germeval" else read_conll(gold)
        spec = mapping if mapping is not None else (GERMEVAL_DEFAULT_MAP if fmt == "germeval" else "")
        sentences = map_sentences(sentences, parse_map(spec))
        predictions, seconds = run_component(ner, sentences)
    except (ValueError, ImportError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    result = score([tags for _, tags in sentences], predictions)
    n_tokens = sum(len(t) for t, _ in sentences)
    speed = n_tokens / seconds if seconds else 0.0
    if as_json:
        print(json.dumps({"gold": str(gold), "format": fmt, "map": spec, "ner": ner,
                          "sentences": len(sentences), "tokens": n_tokens,
                          "tokens_per_second": round(speed), **result.as_dict()}, indent=1))
    else:
        print(f"{gold} ({fmt}, map {spec or 'none'}), {len(sentences)} sentences, {n_tokens} tokens, ner {ner}")
        print(result.table())
        typer.echo(f"{speed:,.0f} tokens/s (component only)", err=True)
