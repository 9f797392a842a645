"""Hand-written lexicons for quotation attribution: reporting verbs, cue patterns, channels,
Konjunktiv forms and source role nouns (data files in ``chronik/lexicons/quotes``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..nlp.inflect import INSEPARABLE_PREFIXES, takes_linking_e, verb_stem

_PACKAGE = "chronik.lexicons.quotes"


@dataclass(slots=True, frozen=True)
class Verb:
    lemma: str
    medium: str  # speech | writing | thought
    particle: str  # separable prefix, "" if none
    addressee: str  # dat | acc | an | ""
    reported: bool  # "X <verb> <object>" is reported speech
    channel: str | None = None


@dataclass(slots=True, frozen=True)
class VerbForm:
    verb: Verb
    kind: str  # finite | fused | participle | infinitive


@dataclass(slots=True)
class Lexicon:
    forms: dict[str, list[VerbForm]]
    cue_words: dict[str, set[str]]
    channels: list[tuple[str, str, str, str]]  # (match, key, channel, medium)
    konjunktiv: dict[str, str]  # form -> "I" | "II"
    role_nouns: dict[str, str]  # noun -> PER | ORG
    infinitives: set[str]  # lemma forms (also present plural), ambiguous with the infinitive
    name_genders: dict[str, str]  # given name -> "m" | "f" (only names whose gender is unambiguous)

    def is_role_noun(self, word: str) -> bool:
        """A source role noun or a compound ending in one ("Sprecher", "Regierungssprecher", "Regierungskreisen"),
        also in the genitive ("Sprechers"), the plural ("Ökonomen") and the dative plural ("von
        US-Regierungsvertretern")."""
        low = word.lower()
        if low.endswith("s") and len(low) > 5:
            low = low[:-1]  # genitive: "eines Sprechers"
        forms = [low, low[:-1]] if low.endswith(("ern", "en")) and len(low) > 5 else [low]
        if low.endswith("en") and len(low) > 6:
            forms.append(low[:-2])  # the plural of a noun in -en: "Ökonomen", "Soldaten"
        return any(f.endswith(r.lower()) for f in forms for r in self.role_nouns)


def _rows(name: str) -> list[list[str]]:
    text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _weak_forms(base: str) -> tuple[str, str, str]:
    """present 3sg, preterite 3sg, participle (without particle) of a weak verb."""
    stem = verb_stem(base)
    needs_e = takes_linking_e(stem)
    present = stem + ("et" if needs_e else "t")
    preterite = stem + ("ete" if needs_e else "te")
    if base.endswith("ieren") or base.startswith(INSEPARABLE_PREFIXES):
        participle = present
    else:
        participle = "ge" + present
    return present, preterite, participle


def verb_forms(verb: Verb, irregular: str) -> list[tuple[str, str]]:
    """All (form, kind) pairs of one lexicon verb."""
    base = verb.lemma[len(verb.particle):].strip() if verb.particle else verb.lemma
    if irregular.strip():
        present, preterite, participle = irregular.split()
    else:
        present, preterite, participle = _weak_forms(base)
    stem = verb_stem(base)
    preterite_pl = preterite + ("n" if preterite.endswith("e") else "en")
    present_pl = base
    subjunctive = stem + "e"
    finite = {present, preterite, preterite_pl, present_pl, subjunctive, stem + "t"}
    out: list[tuple[str, str]] = []
    if " " in verb.particle:  # a phrase: "zu bedenken geben" ("gab zu bedenken", "zu bedenken gegeben")
        out += [(f, "finite") for f in finite]
        out.append((participle, "split_participle"))
    elif verb.particle:
        out += [(f, "finite") for f in finite]
        out += [(verb.particle + f, "fused") for f in finite]
        out.append((verb.particle + participle, "participle"))
        out.append((participle, "split_participle"))  # "bekannt gegeben"
        out.append((verb.particle + "zu" + base, "infinitive"))
    else:
        out += [(f, "finite") for f in finite]
        out.append((participle, "participle"))
    return out


@lru_cache(maxsize=1)
def load() -> Lexicon:
    forms: dict[str, list[VerbForm]] = {}
    for row in _rows("verbs.tsv"):
        row += [""] * (7 - len(row))
        lemma, medium, particle, addressee, reported, irregular, channel = row[:7]
        verb = Verb(lemma, medium, particle, "" if addressee == "-" else addressee, reported == "yes",
                    channel or None)
        for form, kind in verb_forms(verb, irregular):
            bucket = forms.setdefault(form, [])
            if all(f.verb.lemma != lemma or f.kind != kind for f in bucket):
                bucket.append(VerbForm(verb, kind))
    cue_words: dict[str, set[str]] = {}
    for row in _rows("cues.tsv"):
        cue_words.setdefault(row[0], set()).update(row[1].split())
    channels = [(r[0], r[1].lower(), r[2], r[3]) for r in _rows("channels.tsv")]
    konjunktiv = {r[0]: r[1] for r in _rows("konjunktiv.tsv")}
    # Konjunktiv I 3rd singular of every reporting verb ("rechne", "erkläre"): stem + e
    for form, entries in forms.items():
        if form.endswith("e") and any(e.kind in ("finite", "fused") for e in entries):
            base = entries[0].verb.lemma
            stem_e = verb_stem(base) + "e"
            if form.endswith(stem_e[-4:]) and form not in konjunktiv and not form.endswith("te"):
                konjunktiv[form] = "I"
    role_nouns = {r[0]: r[1] for r in _rows("sources.tsv")}
    infinitives = {f for f, entries in forms.items() if any(f == e.verb.lemma or
                                                             f == e.verb.lemma[len(e.verb.particle):] for e in entries)}
    name_genders = {r[0]: r[1] for r in _rows("name_genders.tsv")}
    return Lexicon(forms, cue_words, channels, konjunktiv, role_nouns, infinitives, name_genders)
