"""Which way an underspecified expression points from the article date: forward, backward or nearest.

Rules (documented in docs/timex.md), applied to the clause around the expression and, when the
clause has no cue, to its sentence:

0. A modal with a perfect infinitive reports the past ("soll sich ereignet haben") -> ``backward``.
1. Plan and future cues win (werden/wird, wollen/will, sollen/soll, geplant, voraussichtlich,
   ...) -> ``forward``; so do announcement participles (vorgeschlagen, angekündigt) unless the
   announcing itself is told in the perfect or past ("hat am Samstag angekündigt").  "für Montag"
   (checked by the caller) points ahead even in a past report ("habe ein Telefonat für Montag
   vorgeschlagen").
2. Otherwise past cues -> ``backward``: finite verbs in the past tense (``Tense=Past`` in the tag
   layer; without tags: common strong past forms and lower-case ``-te/-ten/-tet`` verbs not preceded
   by an article), the perfect (hat/haben/ist/sind ... ge-t/ge-en/-iert), zuletzt, bereits, vergangene.
3. Weak forward cues (kommend, nächst-, künftig, erwartet) and a "zu"-infinitive -> ``forward``
   when nothing points back.
4. No cue -> ``None``: the caller uses a window around the article date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..doc import Document, Token
from .lexicon import cue_patterns

FORWARD, BACKWARD = "forward", "backward"
_WEAK_FORWARD = "weak_forward"

# Clause boundaries; brackets and quotation marks are not (a parenthesis or a quoted name must
# not cut a clause off from its verb).
_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s-\s")
# Lower-case words ending like a weak past-tense verb; filtered below.
_WEAK_PAST = re.compile(r"(?<![\w-])([a-zäöüß]{3,}(?:te|ten|tet|test))(?![\w-])")
_NOT_VERB_AFTER = re.compile(
    r"(?:\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|zum|zur|im|am|vom|beim|"
    r"diese[mnrs]?|jene[mnrs]?|sein\w*|ihr\w*|unser\w*|mein\w*|dein\w*|kein\w*|alle\w*|viele\w*|"
    r"mehrere\w*|beide\w*|wenige\w*|einige\w*|sehr|so|zu|am|aufs|mit|von|in|auf|bei|nach|für|"
    r"aus|über|unter|gegen|ohne|durch|um|vor|seit|bis)\s+)$"
)
_NOT_PAST = frozenset(
    "heute erste ersten letzte letzten zweite zweiten dritte dritten vierte vierten fünfte fünften "
    "sechste sechsten siebte siebten achte achten neunte neunten zehnte zehnten mitte beste besten "
    "meiste meisten weitesten nächsten nächste halbe halten gute guten rechte rechten linke "
    "leute staaten soldaten daten konten posten kosten arbeiten richten bitten achten betrachten "
    "beobachten fürchten erwarten warten gelten geltenden bieten bitte mitten unten hinten oben "
    "selten vorgesehenen geplanten geplante vergangene vergangenen deutsche deutschen gesamten "
    "monate monaten sekunden minuten alten alte größten neuesten ältesten jüngsten bekannten "
    # subjunctive II is no past tense
    "hätte hätten könnte könnten müsste müssten dürfte dürften möchte möchten bräuchte bräuchten".split()
)
_PERFECT = re.compile(
    r"\b(?:hat|haben|habe|hast|habt|ist|sind|sei|seien)\b.*\b"
    r"(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|um|her|hin|los|statt|teil|frei|dar|durch)?"
    r"(?!gegen\b|genau|genug|gemeinsam|generell|gestern|gerne?\b)ge[a-zäöüß]{2,}(?:t|en)\b"
)


# werden + participle is the passive ("werden ... gefunden"), not the future.
_PASSIVE = re.compile(
    r"\b(?:wird|werden|werde|wirst|würde|würden)\b.*\bge[a-zäöüß]{2,}(?:t|en)\b"
    # "konnten nur noch 3.208 Autos verkauft werden": a passive infinitive after a modal
    r"|\b(?:[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|(?:be|er|ver|zer|ent|emp)[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert)\s+werden\b")
_WERDEN = re.compile(r"\b(?:wird|werden|werde|wirst)\b")
# The perfect with a verb-final participle without ge- ("hat sich ... ereignet", "ist ... entlassen").
_PERFECT_FINAL = re.compile(
    r"\b(?:hat|haben|habe|hast|habt|ist|sind|sei|seien)\b(?!.*\bzu\s+\w+\W*$).*\b"
    r"(?:(?:be|er|ver|zer|ent|emp|miss)[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert)\W*$"
)


# A modal with a perfect infinitive reports the past ("soll sich ereignet haben", "getötet worden
# sein sollen"; not "sollen gefüllt sein", a state to come); checked on the original case so nouns ("bei den Verhandlungen sein") do not count.
_MODAL = re.compile(r"\b(?:soll|sollen|sollte|sollten|will|wollen|dürfte|dürften|könnte|könnten|muss|müssen)\b")
_PERFECT_INFINITIVE = re.compile(
    r"(?<![\w-])(?:[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert|(?:be|er|ver|zer|ent|emp)[a-zäöüß]{2,}(?:t|en))"
    r"\s+(?:haben|worden\s+sein)(?![\w-])|(?<![\w-])gewesen\s+sein(?![\w-])")
# The announcing told in the perfect or past ("hat am Samstag angekündigt"): not a plan cue.
_ANNOUNCED_PAST = re.compile(r"\b(?:hat|hatte|hatten|haben|habe|hätten|hätte|kündigte\w*|schlug\w*|bot|boten)\b")
# An infinitive with "zu" and no other cue mostly names an intention ("angekündigt, am Montag zu
# entscheiden").
_ZU_INFINITIVE = re.compile(r"(?<![\w-])zu\s+[a-zäöüß]{3,}en(?![\w-])")


@lru_cache(maxsize=4096)
def _lexical(clause: str) -> str | None:
    low = clause.lower()
    forward_re, backward_re, announce_re, weak_re = cue_patterns()
    if _MODAL.search(low) and _PERFECT_INFINITIVE.search(clause):
        return BACKWARD
    for m in forward_re.finditer(low):
        if _WERDEN.fullmatch(m.group()) and _PASSIVE.search(low):
            continue
        return FORWARD
    if announce_re.search(low) and not _ANNOUNCED_PAST.search(low):
        return FORWARD
    if backward_re.search(low) or _PERFECT.search(low) or _PERFECT_FINAL.search(low.strip()):
        return BACKWARD
    for m in _WEAK_PAST.finditer(clause):
        word = m.group(1)
        if word in _NOT_PAST or word.endswith(("boten", "raten", "bieten")):
            continue
        if _NOT_VERB_AFTER.search(clause[max(0, m.start() - 40): m.start()]):
            continue
        return BACKWARD
    if weak_re.search(low) or _ZU_INFINITIVE.search(clause):
        return _WEAK_FORWARD  # forward unless the tag layer finds a past-tense verb
    return None


_FUTURE_LEMMAS = frozenset({"werden", "wollen", "sollen"})
_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})


def _tagged(tokens: list[Token]) -> str | None:
    """Direction from the tag layer (STTS + UD morph), or None when the tokens carry no tags."""
    finite = [t for t in tokens if t.pos in _FINITE]
    if not finite:
        return None
    if any("Tense=Pres" in t.morph and t.lemma in _FUTURE_LEMMAS for t in finite):
        return FORWARD
    # Subjunctive II ("möchte", "hätte") carries Tense=Past in UD but speaks of no past.
    if any("Tense=Past" in t.morph and "Mood=Sub" not in t.morph for t in finite):
        return BACKWARD
    if any(t.lemma in ("haben", "sein") for t in finite) and any(t.pos == "VVPP" for t in tokens):
        return BACKWARD
    return None


class DirectionFinder:
    """Direction cues for positions in one document, cached per clause."""

    def __init__(self, doc: Document, sentence_spans: list[tuple[int, int]]):
        self.doc = doc
        self.sentence_spans = sentence_spans
        self.tagged = any(t.pos for t in doc.tokens[:50])
        self._token_starts = [t.start for t in doc.tokens] if self.tagged else []

    def _tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self._token_starts, start)
        out = []
        while i < len(self.doc.tokens) and self.doc.tokens[i].start < end:
            out.append(self.doc.tokens[i])
            i += 1
        return out

    def _span_direction(self, start: int, end: int, exclude: tuple[int, int]) -> str | None:
        text = self.doc.text
        # The expression itself ("kommenden", "vergangenen") is handled by the caller.
        # A placeholder keeps the words on either side of the expression apart ("Leung am #
        # sagte": "sagte" is not read as an adjective after "am").
        clause = text[start: exclude[0]] + " # " + text[exclude[1]: end]
        lexical = _lexical(clause)
        if lexical == FORWARD or not self.tagged:
            return FORWARD if lexical == _WEAK_FORWARD else lexical
        tagged = _tagged([t for t in self._tokens_in(start, end)
                          if not (exclude[0] <= t.start < exclude[1])])
        return tagged or (FORWARD if lexical == _WEAK_FORWARD else lexical)

    def direction(self, sentence: int | None, start: int, end: int) -> str | None:
        if sentence is None:
            return None
        s_start, s_end = self.sentence_spans[sentence]
        text = self.doc.text
        c_start = s_start
        for m in _CLAUSE_BREAK.finditer(text, s_start, start):
            c_start = m.end()
        m = _CLAUSE_BREAK.search(text, end, s_end)
        c_end = m.start() if m else s_end
        found = self._span_direction(c_start, c_end, (start, end))
        if found is None and (c_start, c_end) != (s_start, s_end):
            found = self._span_direction(s_start, s_end, (start, end))
        return found
