"""``ner.hf``: NER from a Hugging Face token-classification model directory (optional:
``pip install 'chronik[hf]'``, which brings transformers and torch).

Config ``{"model": "/path/to/dir"}`` (a saved model + fast tokenizer; nothing is downloaded).
Each sentence's tokens are fed as pre-split words; the label of a word is the model's label for
its first subword, so mentions keep our token offsets exactly.  Labels are read from the model's
``id2label`` (``B-PER``, ``I-LOC``, GermEval ``B-OTH`` → MISC, ``*deriv``/``*part`` dropped).
"""

from __future__ import annotations

from pathlib import Path

from ..doc import Document
from ..pipeline import component

MAX_WORDS = 120  # words per model call; longer sentences are cut into windows
BATCH = 16

TYPE_MAP = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG",
            "MISC": "MISC", "OTH": "MISC"}


def normalise_label(label: str) -> str:
    """``B-PER`` → ``B-PER``; ``I-OTH`` → ``I-MISC``; ``B-LOCderiv``, ``B-DATE``, ``O`` → ``O``."""
    prefix, _, typ = label.partition("-")
    if not typ or prefix not in ("B", "I"):
        return "O"
    mapped = TYPE_MAP.get(typ)
    return f"{prefix}-{mapped}" if mapped else "O"


def load_hf(model_dir: str):
    try:
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer
    except ImportError as exc:
        raise ImportError("ner.hf needs transformers and torch: pip install 'chronik[hf]'") from exc
    path = Path(model_dir)
    if not path.is_dir():
        raise ValueError(f"ner.hf: model directory not found: {model_dir}")
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    if not tokenizer.is_fast:
        raise ValueError(f"ner.hf: {model_dir} needs a fast tokenizer (tokenizer.json) to align subwords")
    model = AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True)
    model.eval()
    torch.set_grad_enabled(False)
    return tokenizer, model


@component("ner.hf", layer="mentions", version="0.1.0")
def make(config):
    from .ner import mentions_from_tags, sentence_token_ranges

    model_dir = config.get("model")
    if not model_dir:
        raise ValueError('ner.hf needs {"model": directory} (e.g. --ner ner.hf:/models/gbert-germeval)')
    tokenizer, model = load_hf(model_dir)
    id2label = {int(i): normalise_label(l) for i, l in model.config.id2label.items()}

    def tag_windows(windows: list[list[str]]) -> list[list[str]]:
        enc = tokenizer(windows, is_split_into_words=True, truncation=True, padding=True,
                        return_tensors="pt")
        best = model(**enc).logits.argmax(-1).tolist()
        out = []
        for b, words in enumerate(windows):
            tags = ["O"] * len(words)
            seen = set()
            for pos, w in enumerate(enc.word_ids(b)):
                if w is not None and w not in seen:
                    seen.add(w)
                    tags[w] = id2label.get(best[b][pos], "O")
            out.append(tags)
        return out

    def annotate(doc: Document) -> Document:
        windows: list[tuple[int, int]] = []
        for a, b in sentence_token_ranges(doc):
            windows.extend((s, min(s + MAX_WORDS, b)) for s in range(a, b, MAX_WORDS))
        mentions = []
        for k in range(0, len(windows), BATCH):
            batch = windows[k:k + BATCH]
            tagged = tag_windows([[t.text for t in doc.tokens[a:b]] for a, b in batch])
            for (a, b), tags in zip(batch, tagged):
                mentions.extend(mentions_from_tags(doc.text, doc.tokens[a:b], tags))
        doc.mentions = mentions
        return doc

    return annotate
