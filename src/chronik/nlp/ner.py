"""Named-entity recognition: the shipped CRF model plus a gazetteer/rule layer.

``ner.crf`` tags each sentence of ``doc.tokens`` with a linear-chain CRF (python-crfsuite,
model ``models/ner_crf.crfsuite``, trained by ``chronik train ner``; features include the STTS
tags of ``tag.default``), turns BIO tags into
``Mention(kind="name")`` and then lets the gazetteer fix curated names (Kreml → ORG), add names
the model missed, join institution + place ("Staatsanwaltschaft Köln") into one ORG, and add
``kind="demonym"`` mentions ("russischen", "US-" → attrs country).

Config: ``{"model": path}`` for another model file, ``{"rules": false}`` for the bare CRF.
Other backends (``ner.spacy``, ``ner.hf``) live in ``ner_spacy`` / ``ner_hf``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..doc import Document, Mention, Token
from ..eval.conll import spans as bio_spans
from ..pipeline import component
from .ner_features import FEATURE_VERSION, pos_tags, sentence_features, word_frequency_buckets
from .ner_gazetteer import default_gazetteer

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner_crf.crfsuite"
LABELS = ("PER", "LOC", "ORG", "MISC")


def sentence_token_ranges(doc: Document) -> list[tuple[int, int]]:
    """Token index ranges per sentence (the whole document when it has no sentences)."""
    if doc.sentences:
        return [(s.first_token, s.end_token) for s in doc.sentences]
    return [(0, len(doc.tokens))] if doc.tokens else []


def mentions_from_tags(text: str, tokens: list[Token], tags: list[str],
                       scores: list[float] | None = None) -> list[Mention]:
    """BIO tags over ``tokens`` → name mentions (conlleval chunking, labels outside LABELS dropped)."""
    out = []
    for i, j, label in sorted(bio_spans(tags)):
        if label not in LABELS:
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        score = min(scores[i:j]) if scores else 1.0
        out.append(Mention(start, end, text[start:end], label, "name", score=round(score, 4)))
    return out


def load_crf(path: Path):
    """Open a crfsuite model, refusing one trained with another feature set."""
    import pycrfsuite

    if not path.is_file():
        raise FileNotFoundError(f"NER model not found: {path} (train it with `chronik train ner`)")
    meta_path = path.with_suffix(".json")
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text("utf-8"))
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ValueError(f"{path}: trained with feature version {meta.get('feature_version')}, "
                             f"this code extracts version {FEATURE_VERSION}; retrain with `chronik train ner`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


# Lowercase name particles inside one person's name ("Lula da Silva", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von",
                            "der", "den", "ten", "ter", "bin", "ibn", "al", "el", "la", "le"})
COMMON_WORD_BUCKET = 11  # a word at least this frequent (wordfreq bucket) reads as ordinary German
_FINITE = ("VVFIN", "VAFIN", "VMFIN")


def _common_word(word: str, freq: dict[str, str]) -> bool:
    bucket = freq.get(word.lower())
    return bucket is not None and int(bucket) <= COMMON_WORD_BUCKET


def repair_person_names(text: str, tokens: list[Token], mentions: list[Mention], gazetteer,
                        freq: dict[str, str]) -> list[Mention]:
    """Rule fixes of the model's person names in one sentence: "Lula" + "da" + "Silva" is one
    name; "Selenskyjs Appell" is the genitive name alone; an ordinary plural noun after a finite
    verb ("forderte Garantien") is no person."""
    index = {t.start: k for k, t in enumerate(tokens)}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        first = index.get(m.start)
        if m.label != "PER" or m.kind != "name" or first is None:
            out.append(m)
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < m.end:
            last += 1
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and prev.kind == "name" and prev.end < m.start:
            gap = [t for t in tokens if prev.end <= t.start and t.end <= m.start]
            if gap and len(gap) <= 2 and all(t.text in NAME_PARTICLES for t in gap):
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "PER", "name",
                                  score=min(prev.score, m.score), attrs={**prev.attrs, **m.attrs})
                continue
        words = [t.text for t in tokens[first:last + 1]]
        if len(words) >= 2:
            possessor, noun = words[-2], words[-1]
            stem = possessor[:-1]
            known = stem in gazetteer.surnames or (
                gazetteer.names.get((stem,)) is not None and gazetteer.names[(stem,)].label == "PER")
            if (possessor.endswith("s") and known and possessor not in gazetteer.first_names
                    and noun not in gazetteer.first_names and (noun,) not in gazetteer.names
                    and _common_word(noun, freq)):
                end = tokens[last - 1].end
                out.append(Mention(m.start, end, text[m.start:end], "PER", "name", score=m.score,
                                   attrs={**m.attrs, "split": "possessed noun"}))
                continue
        elif (not m.attrs and m.score < 0.9 and first > 0 and tokens[first - 1].pos in _FINITE
              and words[0] not in gazetteer.surnames and words[0] not in gazetteer.first_names
              and (words[0],) not in gazetteer.names and _common_word(words[0], freq)):
            continue  # "forderte Garantien": an ordinary noun the model took for a surname
        out.append(m)
    return out


@component("ner.crf", layer="mentions", version="0.5.2")
def make(config):
    tagger = load_crf(Path(config.get("model") or MODEL_PATH))
    gazetteer = default_gazetteer()
    word_frequency_buckets()  # loaded here so that the first document does not pay for it
    rules = config.get("rules", True)

    def annotate(doc: Document) -> Document:
        mentions: list[Mention] = []
        for a, b in sentence_token_ranges(doc):
            tokens = doc.tokens[a:b]
            if not tokens:
                continue
            words = [t.text for t in tokens]
            # POS from tag.default when it ran (the default pipeline), else from the same tagger here.
            pos = [t.pos for t in tokens] if all(t.pos for t in tokens) else pos_tags([words])[0]
            tags = tagger.tag(sentence_features(words, gazetteer, pos))
            # Marginal probability of each predicted tag: a mention's score is its weakest token.
            scores = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
            found = mentions_from_tags(doc.text, tokens, tags, scores)
            if rules:
                # Names repaired first, so that a curated name ("Lula da Silva") matches whole.
                found = repair_person_names(doc.text, tokens, found, gazetteer, word_frequency_buckets())
                found = gazetteer.apply(doc.text, tokens, found)
                found = gazetteer.join_institutions(doc.text, tokens, found)
            mentions.extend(found)
        doc.mentions = mentions
        return doc

    return annotate


# Register the optional backends (their heavy imports happen inside their factories).
from . import ner_hf, ner_spacy  # noqa: E402,F401
