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
from importlib import resources

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
    if text in _BRACKETS_QUOTES_DASHES or text in ("``", "''"):
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


def word_features(word: str, verbs: "VerbLexicon | None" = None) -> list[tuple[int, str]]:
    """(role index, feature name) of ``word`` for every role in ``ROLES``."""
    if word == BOUNDARY:
        return [(r, f"{role}:BOUNDARY") for r, role in enumerate(ROLES)]
    low = word.lower()
    sh = shape(word)
    common = [
        "bias",
        f"l={low}",
        f"p2={low[:2]}",
        f"p3={low[:3]}",
    ]
    for k in (1, 2, 3, 4, 5):
        if len(low) > k:
            common.append(f"s{k}={low[-k:]}")
    if "-" in word[1:-1]:
        head = low.rsplit("-", 1)[1]
        common.append(f"head={head}")
        common.append(f"hs3={head[-3:]}")
    capitalised = len(word) > 1 and word[0].isupper()
    out = [(0, f) for f in common] + [(1, f) for f in common]
    out += [(0, f"ow={word}"), (0, f"osh={sh}"), (1, f"fw={word}"), (1, f"fsh={sh}"), (1, "first")]
    if capitalised:
        out += [(0, "ocap"), (1, "fcap")]
    if verbs is not None:
        for c in verbs.classes(low):
            out.append((1, f"v={c}"))
            if not capitalised:
                out.append((0, f"v={c}"))
    s3 = low[-3:]
    for r, short in ((2, "l1"), (3, "r1"), (4, "l2"), (5, "r2")):
        out.append((r, f"{short}l={low}"))
        out.append((r, f"{short}sh={sh}"))
        if r < 4:
            out.append((r, f"{short}s3={s3}"))
    return out


def features(word: str, role: str, verbs: "VerbLexicon | None" = None) -> list[str]:
    """Feature names of ``word`` seen from position ``role`` (used in training)."""
    r = ROLES.index(role)
    return [f for i, f in word_features(word, verbs) if i == r]


class VerbLexicon:
    """Which verb forms a word could be, given a set of known verb lemmas (infinitives).

    Gives the tagger evidence that generalises across a paradigm: having seen "danken" as a
    lemma, "dankte" looks like a weak past even if that form never occurred in training.
    """

    def __init__(self, lemmas: set[str], strong: dict[str, str], finite: set[str], prefixes: list[str]):
        self.lemmas = lemmas
        self.strong = strong  # strong verb form -> kind (past, sub2, pres3, part)
        self.finite = finite  # forms of auxiliaries and modals
        self.prefixes = prefixes

    def _stem_known(self, stem: str) -> bool:
        if stem.endswith("e") and stem[-2:-1] in ("t", "d") and stem[:-1] + "en" in self.lemmas:
            return True
        return stem + "en" in self.lemmas or stem + "n" in self.lemmas

    def classes(self, low: str) -> list[str]:
        out = []
        if low in self.finite:
            out.append("fin")
        if low in self.lemmas:
            out.append("inf")
        kind = self.strong.get(low)
        if kind is None:
            for prefix in self.prefixes:
                if low.startswith(prefix):
                    kind = self.strong.get(low[len(prefix):])
                    if kind is not None:
                        break
        if kind is not None:
            out.append("strong_" + kind)
        for ending in ("test", "tet", "ten", "te"):
            if low.endswith(ending) and self._stem_known(low[: -len(ending)]):
                out.append("past")
                break
        if low.endswith("t") and self._stem_known(low[:-1]):
            out.append("pres_t")
        body = low
        for prefix in self.prefixes:
            if body.startswith(prefix) and body[len(prefix):].startswith("ge"):
                body = body[len(prefix):]
                break
        if body.startswith("ge") and body.endswith("t") and self._stem_known(body[2:-1]):
            out.append("part")
        if "zu" in low[1:-4]:
            at = low.find("zu", 1)
            if low[:at] + low[at + 2:] in self.lemmas:
                out.append("izu")
        return out


def _lexicon_rows(name: str) -> list[list[str]]:
    text = resources.files("chronik").joinpath("lexicons", "nlp", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_verb_lexicon(lemmas) -> VerbLexicon:
    """A ``VerbLexicon`` over ``lemmas`` plus the shipped strong-verb and paradigm tables."""
    strong: dict[str, str] = {}
    known = set(lemmas)
    for inf, pres3, past, sub2, part in _lexicon_rows("strong_verbs.tsv"):
        known.add(inf)
        for form, kind in ((past, "past"), (past + ("n" if past.endswith("e") else "en"), "past"),
                           (sub2, "sub2"), (pres3, "pres3"), (part, "part")):
            strong.setdefault(form, kind)
    finite = {row[0] for row in _lexicon_rows("verb_paradigms.tsv")}
    prefixes = sorted((row[0] for row in _lexicon_rows("verb_prefixes.tsv")), key=len, reverse=True)
    return VerbLexicon(known, strong, finite, prefixes)
