"""Token features for the CRF tagger: word form, affixes, shape, position, neighbours,
gazetteer membership, STTS tags from our own tagger (``tag.default``) and the word's frequency in
general German text (``lexicons/gazetteers/wordfreq_de.tsv``: an unseen capitalised word that is
frequent in lowercase is probably a noun, a rare one probably a name).  Plain string features (crfsuite's fastest input); one pass over the
sentence computes each token's own features once, neighbours reuse them.

``FEATURE_VERSION`` is stored with a trained model; a model trained with other features is
refused at load time rather than silently mis-tagging.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .ner_gazetteer import Gazetteer

FEATURE_VERSION = "6"  # 2: STTS tags; 3: word-frequency buckets; 4: wider window, longer affixes;
# 5: gazetteer features from ISO 3166 regions, Faker names, MobIE/SmartData names;
# 6: organisations from general knowledge (organisations_general.tsv) in the curated-name features

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÀÁÂÉÈÊÍÓÔÚÇŠŽŁĆŃ"
_LOWER = "abcdefghijklmnopqrstuvwxyzäöüßàáâéèêíóôúçšžłćń"
_SHAPE_TABLE = str.maketrans(_UPPER + _LOWER + "0123456789",
                             "X" * len(_UPPER) + "x" * len(_LOWER) + "d" * 10)
_REPEATS = re.compile(r"(.)\1+")


def word_shape(word: str) -> str:
    """Collapsed shape: "Putin" -> "Xx", "US-Präsident" -> "X-Xx", "100.000" -> "d.d"."""
    return _REPEATS.sub(r"\1", word.translate(_SHAPE_TABLE))


def _own(word: str, first: bool) -> tuple[list[str], str, str]:
    lower = word.lower()
    shape = word_shape(word)
    feats = [
        "w=" + word,
        "l=" + lower,
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        "s5=" + lower[-5:],
        "p3=" + lower[:3],
        "p4=" + lower[:4],
        "sh=" + shape,
    ]
    initial = word[:1]
    if initial.isupper():
        feats.append("cap0" if first else "cap")
        if len(word) > 1 and word.isupper():
            feats.append("allcap")
    elif initial.isdigit():
        feats.append("num")
    if "-" in word and len(word) > 1:
        head, _, tail = lower.partition("-")
        feats.append("hh=" + head)
        feats.append("ht=" + tail[-4:])
    if len(word) <= 2:
        feats.append("short")
    return feats, lower, shape


@lru_cache(maxsize=1)
def word_frequency_buckets() -> dict[str, str]:
    """Lowercase word -> frequency bucket ("0" most frequent ... "13"); absent words are rare."""
    text = resources.files("chronik.lexicons.gazetteers").joinpath("wordfreq_de.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def uncommon_word(low: str) -> bool:
    """Not among the common words of general German: frequency bucket 10 or rarer, or absent."""
    bucket = word_frequency_buckets().get(low)
    return bucket is None or int(bucket) >= 10


def sentence_features(words: list[str], gazetteer: Gazetteer | None,
                      pos: list[str] | None) -> list[list[str]]:
    """Feature strings per token; ``pos`` are the tokens' STTS tags (``None``: no POS features,
    for models trained without them)."""
    n = len(words)
    own = [_own(w, i == 0) for i, w in enumerate(words)]
    gz = gazetteer.token_tags(words) if gazetteer is not None else [[] for _ in words]
    buckets = word_frequency_buckets()
    zf = ["zf=" + buckets.get(lower, "r") for _, lower, _ in own]
    out: list[list[str]] = []
    for i in range(n):
        feats, lower, shape = own[i]
        feats = feats + gz[i]
        feats.append("b")
        feats.append(zf[i])
        if words[i][:1].isupper():
            feats.append("c" + zf[i])
        if pos is not None:
            # STTS from our tagger: NE vs NN separates names from capitalised common nouns.
            feats.append("pos=" + pos[i])
            feats.append("-1pos=" + (pos[i - 1] if i else "BOS"))
            feats.append("+1pos=" + (pos[i + 1] if i < n - 1 else "EOS"))
            feats.append("pos|sh=" + pos[i] + "|" + shape)
            feats.append("zf|pos=" + zf[i][3:] + "|" + pos[i])
            if i > 1:
                feats.append("-2pos=" + pos[i - 2])
            if i < n - 2:
                feats.append("+2pos=" + pos[i + 2])
        if i == 0:
            feats.append("BOS")
        else:
            _, pl, ps = own[i - 1]
            feats.append("-1l=" + pl)
            feats.append("-1sh=" + ps)
            feats.append("-1s3=" + pl[-3:])
            feats.append("-1l|l=" + pl + "|" + lower)
            feats.extend("-1" + g for g in gz[i - 1])
            feats.append("-1" + zf[i - 1])
            if i > 1:
                feats.append("-2l=" + own[i - 2][1])
                feats.append("-2sh=" + own[i - 2][2])
                feats.append("-2" + zf[i - 2])
        if i == n - 1:
            feats.append("EOS")
        else:
            _, nl, ns = own[i + 1]
            feats.append("+1l=" + nl)
            feats.append("+1sh=" + ns)
            feats.append("+1s3=" + nl[-3:])
            feats.append("l|+1l=" + lower + "|" + nl)
            feats.extend("+1" + g for g in gz[i + 1])
            feats.append("+1" + zf[i + 1])
            if i < n - 2:
                feats.append("+2l=" + own[i + 2][1])
                feats.append("+2sh=" + own[i + 2][2])
                feats.append("+2" + zf[i + 2])
        out.append(feats)
    return out


def pos_tags(sentences: list[list[str]]) -> list[list[str]]:
    """STTS tags from the shipped tagger, exactly as ``tag.default`` sets ``Token.pos``."""
    from .tag import load_model
    from .tagger_features import fixed_tag

    tagged = load_model().tag_sentences(sentences)
    return [[fixed_tag(w) or t for w, t in zip(words, tags)] for words, tags in zip(sentences, tagged)]
