"""Lemmas and verb morphology on top of the POS tags.

Order of evidence for each token: the auxiliary/modal paradigm table (hand-written, with
Konjunktiv I/II), the lemma lexicon learnt from the tagger's training data, the strong-verb
table (with prefix stripping), then suffix rules (weak past "-te", participles "ge-…-t",
Konjunktiv I "-e", noun plurals "-ungen", adjective endings).  Finite verbs get UD features
``Mood|Number|Person|Tense|VerbForm``; 1st-person indicative and Konjunktiv I share forms
("habe", "gebe", "werde"), and the indicative wins only when "ich" is the subject nearby.
"""

from __future__ import annotations

from importlib import resources

import numpy as np

from ..doc import Token

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_INFINITE_MORPH = {
    "VVINF": "VerbForm=Inf", "VAINF": "VerbForm=Inf", "VMINF": "VerbForm=Inf", "VVIZU": "VerbForm=Inf",
    "VVPP": "VerbForm=Part", "VAPP": "VerbForm=Part", "VMPP": "VerbForm=Part",
}
_INSEPARABLE = ("be", "ver", "ent", "emp", "er", "zer", "ge", "miss")
_NOUN_PLURALS = (
    ("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"), ("schaften", "schaft"),
    ("innen", "in"), ("ionen", "ion"), ("täten", "tät"), ("ismen", "ismus"), ("nisse", "nis"),
)
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_CLAUSE_BREAK = frozenset({"$,", "$.", "KON", "KOUS", "$("})


def _fin(mood: str, tense: str, person: int, number: str) -> str:
    return f"Mood={mood}|Number={number}|Person={person}|Tense={tense}|VerbForm=Fin"


def _rows(name: str) -> list[list[str]]:
    text = resources.files("chronik").joinpath("lexicons", "nlp", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


class Morphology:
    """Fills ``Token.lemma`` and ``Token.morph`` for tagged tokens of one sentence."""

    def __init__(self, extras: dict[str, np.ndarray]):
        self.paradigms: dict[str, tuple[str, str, list[str]]] = {}
        for form, lemma, tag, analyses in _rows("verb_paradigms.tsv"):
            self.paradigms.setdefault(form, (lemma, tag, analyses.split(";")))
        self.prefixes = sorted((row[0] for row in _rows("verb_prefixes.tsv")), key=len, reverse=True)
        self.strong: dict[str, tuple[str, str, str]] = {}  # form -> (infinitive, tense, mood/kind)
        for inf, pres3, past, sub2, part in _rows("strong_verbs.tsv"):
            self.strong.setdefault(past, (inf, "Past", "Ind"))
            self.strong.setdefault(past + ("n" if past.endswith("e") else "en"), (inf, "Past", "IndPl"))
            self.strong.setdefault(past + "st", (inf, "Past", "Ind2"))
            self.strong.setdefault(sub2, (inf, "Past", "Sub"))
            self.strong.setdefault(sub2 + "n", (inf, "Past", "SubPl"))
            self.strong.setdefault(pres3, (inf, "Pres", "Ind"))
            self.strong.setdefault(part, (inf, "", "Part"))
        self.verb_lemmas = {inf for inf, *_ in _rows("strong_verbs.tsv")}
        self.lexicon: dict[tuple[str, str], tuple[str, str]] = {}
        if "x_lex_form" in extras:
            for form, tag, lemma, morph in zip(extras["x_lex_form"], extras["x_lex_tag"],
                                               extras["x_lex_lemma"], extras["x_lex_morph"]):
                self.lexicon[(str(form), str(tag))] = (str(lemma), str(morph))
                if tag.startswith("V"):
                    self.verb_lemmas.add(str(lemma))

    # -- public ------------------------------------------------------------------------------
    def annotate(self, tokens: list[Token]) -> None:
        for i, tok in enumerate(tokens):
            tag = tok.pos = self.refine_tag(tok.text, tok.pos)
            if tag in FINITE:
                tok.lemma, tok.morph = self._finite(tokens, i)
            else:
                tok.lemma, tok.morph = self._other(tok.text, tag, i == 0)

    def refine_tag(self, word: str, tag: str) -> str:
        """The tag corrected by the verb tables: unseen strong participles look like infinitives
        to the statistical tagger ("vorgeschlagen"), and the tables know better."""
        if tag == "VVINF" and self._is_participle(word.lower()):
            return "VVPP"
        return tag

    # -- finite verbs ----------------------------------------------------------------------
    def _finite(self, tokens: list[Token], i: int) -> tuple[str, str]:
        form = tokens[i].text
        low = form.lower()
        entry = self.paradigms.get(low)
        if entry is not None:
            return entry[0], self._choose(entry[2], tokens, i)
        lemma, morph = self.lexicon.get((form, tokens[i].pos)) or self.lexicon.get((low, tokens[i].pos)) or ("", "")
        strong = self._strong(low)
        if strong is not None:
            inf, tense, kind = strong
            lemma = lemma or inf
            if kind == "Ind":
                return lemma, _fin("Ind", tense, 3, "Sing")
            if kind == "IndPl":
                return lemma, _fin("Ind", tense, 3, "Plur")
            if kind == "Ind2":
                return lemma, _fin("Ind", tense, 2, "Sing")
            if kind == "Sub":
                return lemma, _fin("Sub", "Past", 3, "Sing")
            if kind == "SubPl":
                return lemma, _fin("Sub", "Past", 3, "Plur")
        weak_lemma, analyses = self._weak(low)
        return lemma or weak_lemma, self._choose(analyses, tokens, i)

    def _strong(self, low: str) -> tuple[str, str, str] | None:
        hit = self.strong.get(low)
        if hit is not None:
            return hit
        for prefix in self.prefixes:
            if low.startswith(prefix) and len(low) - len(prefix) >= 2:
                hit = self.strong.get(low[len(prefix):])
                if hit is not None and hit[2] != "Part":
                    return prefix + hit[0], hit[1], hit[2]
        return None

    def _weak(self, low: str) -> tuple[str, list[str]]:
        """Lemma and candidate analyses of a regular finite verb form from its ending."""
        for ending, person, number in (("test", 2, "Sing"), ("tet", 2, "Plur"), ("ten", 3, "Plur"), ("te", 3, "Sing")):
            if low.endswith(ending) and len(low) > len(ending) + 1:
                stem = low[: -len(ending)]
                if stem.endswith("e") and stem[-2:-1] in ("t", "d"):
                    stem = stem[:-1]  # arbeit-ete, meld-ete
                lemma = self._infinitive(stem)
                present = self._infinitive(low[: len(low) - len(ending) + 1])
                if lemma in self.verb_lemmas or present not in self.verb_lemmas:
                    return lemma, [_fin("Ind", "Past", person, number)]
        if low.endswith("st") and len(low) > 3:
            return self._infinitive(low[:-2].removesuffix("e")), [_fin("Ind", "Pres", 2, "Sing")]
        if low.endswith("en") or (low.endswith("n") and low[-2:-1] in ("l", "r") and low[-3:-2] == "e"):
            return low, [_fin("Ind", "Pres", 3, "Plur")]
        if low.endswith("t") and len(low) > 2:
            stem = low[:-1]
            if stem.endswith("e") and stem[-2:-1] in ("t", "d"):
                stem = stem[:-1]
            return self._infinitive(stem), [_fin("Ind", "Pres", 3, "Sing")]
        if low.endswith("e") and len(low) > 2:
            return self._infinitive(low[:-1]), [_fin("Ind", "Pres", 1, "Sing"), _fin("Sub", "Pres", 3, "Sing")]
        return low, [_fin("Ind", "Pres", 3, "Sing")]

    @staticmethod
    def _infinitive(stem: str) -> str:
        if stem.endswith(("el", "er")) and len(stem) > 3 and not (stem.endswith("ier") and not stem.endswith("eier")):
            return stem + "n"
        return stem + "en"

    @staticmethod
    def _choose(analyses: list[str], tokens: list[Token], i: int) -> str:
        """One analysis: 1st person only with 'ich' as the subject nearby, else 3rd person."""
        if len(analyses) == 1:
            return analyses[0]
        has_ich = False
        for j in range(i - 1, max(i - 6, -1), -1):
            if tokens[j].pos in _CLAUSE_BREAK:
                break
            if tokens[j].text.lower() == "ich":
                has_ich = True
                break
        for j in range(i + 1, min(i + 3, len(tokens))):
            if tokens[j].text.lower() == "ich":
                has_ich = True
        wanted = "Person=1" if has_ich else "Person=3"
        for analysis in analyses:
            if wanted in analysis:
                return analysis
        return analyses[0]

    # -- everything else -------------------------------------------------------------------
    def _other(self, form: str, tag: str, first: bool) -> tuple[str, str]:
        hit = self.lexicon.get((form, tag))
        if hit is None and first:
            hit = self.lexicon.get((form.lower(), tag))
        if hit is not None and (tag != "NE" or form.startswith(hit[0])):
            return hit  # a name's lemma only drops an ending ("Putins"), never respells it
        low = form.lower()
        morph = _INFINITE_MORPH.get(tag, "")
        if tag in ("VVPP", "VAPP", "VMPP"):
            return self._participle_lemma(low), morph
        if tag == "VVIZU":
            at = low.find("zu", 1)
            return (low[:at] + low[at + 2:] if at > 0 else low), morph
        if tag.startswith("V"):
            return low, morph
        if tag == "NN":
            for plural, singular in _NOUN_PLURALS:
                if form.endswith(plural):
                    return form[: -len(plural)] + singular, morph
            return form, morph
        if tag == "ADJA":
            for ending in _ADJ_ENDINGS:
                if low.endswith(ending) and len(low) - len(ending) >= 3:
                    return low[: -len(ending)], morph
            return low, morph
        if tag in ("NE", "CARD", "FM", "XY", "TRUNC") or tag.startswith("$"):
            return form, morph
        return (low if first else form), morph

    def _is_participle(self, low: str) -> bool:
        if low.endswith("t"):
            return True  # an infinitive never ends in -t
        hit = self.strong.get(low)
        if hit is None:
            for prefix in self.prefixes:
                if low.startswith(prefix) and prefix not in _INSEPARABLE:
                    hit = self.strong.get(low[len(prefix):])
                    if hit is not None:
                        break
        return hit is not None and hit[2] == "Part" and hit[0] != low

    def _participle_lemma(self, low: str) -> str:
        hit = self.strong.get(low)
        if hit is not None and hit[2] == "Part":
            return hit[0]
        for prefix in self.prefixes:
            if low.startswith(prefix) and len(low) - len(prefix) >= 4:
                rest = low[len(prefix):]
                hit = self.strong.get(rest)
                if hit is not None and hit[2] == "Part":
                    return prefix + hit[0]
                if prefix not in _INSEPARABLE and rest.startswith("ge") and rest.endswith("t"):
                    return prefix + self._participle_stem(rest[2:])
        if low.startswith("ge") and low.endswith("t") and len(low) > 4:
            return self._participle_stem(low[2:])
        if low.endswith("t"):
            return self._participle_stem(low)  # verstärkt, informiert
        return low

    def _participle_stem(self, body: str) -> str:
        stem = body[:-1]
        if stem.endswith("e") and stem[-2:-1] in ("t", "d"):
            stem = stem[:-1]
        return self._infinitive(stem)
