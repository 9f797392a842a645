"""Features of the POS tagger, shared by training and tagging.

Every feature belongs to one token at one relative position (the token itself, or its
neighbour one or two places to the left or right), so a token's score vector is a sum of
per-word vectors that can be cached by word: ``score[i] = own(w_i) + left1(w_{i-1}) +
right1(w_{i+1}) + left2(w_{i-2}) + right2(w_{i+2})``.  That decomposition is what makes the
tagger fast (see ``tagger_model.py``).  The roles below name those positions; ``own_first`` is the
sentence-initial variant of ``own`` (capitalisation means little on the first word).
"""

from __future__ import annotations

import re

ROLES = ("own", "own_first", "left1", "right1", "left2", "right2")
BOUNDARY = "<s>"  # the padding word before the first and after the last token

_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_ORDINAL = re.compile(r"(?:\d{1,3}|[IVX]{1,5})\.")
_PUNCT_TAGS = {".": "$.", "!": "$.", "?": "$.", ";": "$.", ":": "$.", ",": "$,", "…": "$(", "...": "$("}
_BRACKETS_QUOTES_DASHES = frozenset("„“”\"»«‚‘’'›‹()[]{}–—-/")


def fixed_tag(text: str) -> str | None:
    """Tags that follow from the surface form alone (punctuation, digits, ordinals)."""
    tag = _PUNCT_TAGS.get(text)
    if tag is not None:
        return tag
    if text[0] in "!?" and all(ch in "!?" for ch in text):
        return "$."
    if text in _BRACKETS_QUOTES_DASHES:
        return "$("
    if text[0].isdigit() or text[0] in "IVX":
        if _NUMBER.fullmatch(text):
            return "CARD"
        if _ORDINAL.fullmatch(text):
            return "ADJA"
    return None


def shape(word: str) -> str:
    """A coarse word shape: Xx, x, X, d, X-d, punctuation, ..."""
    if not word:
        return "_"
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch if ch in "-.,'’/:" else "p"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:5])


def features(word: str, role: str) -> list[str]:
    """Feature names of ``word`` seen from position ``role``."""
    if word == BOUNDARY:
        return [f"{role}:BOUNDARY"]
    low = word.lower()
    sh = shape(word)
    if role in ("own", "own_first"):
        tag = "o" if role == "own" else "f"
        feats = [
            "bias",
            f"{tag}w={word}",
            f"l={low}",
            f"{tag}sh={sh}",
            f"p2={low[:2]}",
            f"p3={low[:3]}",
        ]
        for k in (1, 2, 3, 4, 5):
            if len(low) > k:
                feats.append(f"s{k}={low[-k:]}")
        if "-" in word[1:-1]:
            head = low.rsplit("-", 1)[1]
            feats.append(f"head={head}")
            feats.append(f"hs3={head[-3:]}")
        if len(word) > 1 and word[0].isupper():
            feats.append(f"{tag}cap")
        if role == "own_first":
            feats.append("first")
        return feats
    short = role[0] + role[-1]  # l1, r1, l2, r2
    feats = [f"{short}l={low}", f"{short}sh={sh}"]
    if role in ("left1", "right1"):
        feats.append(f"{short}s3={low[-3:]}")
    return feats
