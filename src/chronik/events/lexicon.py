"""Data files of the event layer: triggers, modality cues, quantity words, preposition roles.

Everything is read once from ``chronik/lexicons/events`` and ``chronik/lexicons/modality``.
Verb triggers are expanded into their inflected surface forms here, so the extractor needs
neither lemmas nor POS tags (it uses them when the tagger provides them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..nlp.inflect import INSEPARABLE_PREFIXES, takes_linking_e, verb_stem


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # V | N
    type: str
    mode: str | None
    particle: str | None
    requires: tuple[str, ...]
    family: str


@dataclass(frozen=True, slots=True)
class VerbForm:
    trigger: Trigger
    tag: str  # pres | past | part | inf | zuinf
    split: bool  # the particle stands apart at the clause end ("zieht ... zusammen")


@dataclass(slots=True)
class Lexicon:
    verb_forms: dict[str, list[VerbForm]] = field(default_factory=dict)  # surface -> readings
    noun_forms: dict[str, Trigger] = field(default_factory=dict)  # lower-case surface -> trigger
    noun_suffixes: list[tuple[str, Trigger]] = field(default_factory=list)  # longest first
    compound_heads: dict[str, str] = field(default_factory=dict)  # "pläne" -> planned
    noun_stems: list[tuple[str, Trigger]] = field(default_factory=list)  # "angriff" -> ASSAULT
    cues: dict[str, tuple[str, str]] = field(default_factory=dict)  # one-token cue -> (modality, kind)
    phrase_cues: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    particle_cues: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    number_words: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (type|*, prep) -> role
    symmetric: set[tuple[str, str]] = field(default_factory=set)  # (type, mode|*)
    tense_words: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (tense, verb)
    not_triggers: set[str] = field(default_factory=set)
    idioms: set[tuple[str, str]] = field(default_factory=set)  # ("in", "angriff"): "in Angriff nehmen"
    generic_actors: dict[str, str] = field(default_factory=dict)  # "Polizei" -> COP
    present_is_occurred: set[str] = field(default_factory=set)
    place_nouns: set[str] = field(default_factory=set)
    pronouns: dict[str, str] = field(default_factory=dict)  # "er" -> nom, "ihm" -> obj
    # (verb type, preposition before the noun or "-") -> (noun source from, noun target from,
    # whether the noun takes the verb's modality)
    governed: dict[tuple[str, str], tuple[str, str | None, bool]] = field(default_factory=dict)
    # (noun type, verb lemma) -> (type, mode, family): "Sanktionen aufheben" -> CONCEDE ease_sanctions
    reversals: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    seat_nouns: tuple[str, ...] = ()  # "ministerium": "das Außenministerium in Moskau" is Russia's

    def role_of(self, event_type: str, prep: str, mode: str | None = None) -> str | None:
        for key in ((f"{event_type}/{mode}", prep), (event_type, prep)):
            if key in self.roles:
                return self.roles[key]
        return self.roles.get(("*", prep))

    def is_symmetric(self, event_type: str, mode: str | None) -> bool:
        return (event_type, "*") in self.symmetric or (event_type, mode or "") in self.symmetric


def _rows(area: str, name: str) -> list[list[str]]:
    text = resources.files("chronik").joinpath("lexicons", area, name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


def verb_forms(lemma: str, particle: str | None, listed: list[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    """Every surface form of a verb trigger as (form, tag, split).

    Weak verbs are inflected by rule; ``listed`` (form, tag) pairs add the irregular forms of the
    base verb, and a listed participle marks a strong verb (no weak past or participle).
    """
    base = lemma[len(particle):] if particle else lemma
    stem = verb_stem(base)
    dental = takes_linking_e(stem)
    strong = any(tag == "part" for _, tag in listed)
    base_forms: list[tuple[str, str]] = [(base, "inf"), (base, "pres")]
    base_forms += [(stem + s, "pres") for s in ("e", "st", "t")]
    if dental:
        base_forms += [(stem + "et", "pres"), (stem + "est", "pres")]
    if not strong:
        pre = stem + ("e" if dental else "")
        base_forms += [(pre + s, "past") for s in ("te", "ten", "test", "tet")]
        if base.endswith("ieren") or base.startswith(INSEPARABLE_PREFIXES):
            part = pre + "t"
        else:
            part = "ge" + pre + "t"
        base_forms.append((part, "part"))
    for form, tag in listed:
        base_forms.append((form, tag))
        if tag == "past" and not form.endswith("en"):
            base_forms += [(form + "en", "past"), (form + "st", "past")]
    out: list[tuple[str, str, bool]] = []
    if particle:
        for form, tag in base_forms:
            if tag in ("pres", "past"):
                out.append((form, tag, True))  # "zieht ... zusammen"
            out.append((particle + form, tag, False))  # "..., dass Russland Truppen zusammenzieht"
        out.append((particle + "zu" + base, "zuinf", False))
    else:
        out.extend((form, tag, False) for form, tag in base_forms)
    return out


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for row in _rows("events", "triggers.tsv"):
        lemma, pos, etype, mode, particle, forms, requires, family = (row + [""] * 8)[:8]
        requires_t = tuple(w for w in (requires or "-").split("|") if w and w != "-")
        trig = Trigger(lemma, pos, etype, _opt(mode), _opt(particle), requires_t, family)
        if pos == "V":
            listed = [tuple(f.split(":", 1)) for f in forms.split(",") if ":" in f]
            for form, tag, split in verb_forms(lemma, trig.particle, listed):
                readings = lex.verb_forms.setdefault(form, [])
                if not any(r.trigger == trig and r.tag == tag and r.split == split for r in readings):
                    readings.append(VerbForm(trig, tag, split))
        else:
            noun_forms = [f for f in forms.split(",") if f and f != "-"] or [lemma]
            for form in noun_forms:
                lex.noun_forms.setdefault(form.lower(), trig)
                lex.noun_suffixes.append((form.lower(), trig))
            lex.noun_stems.append((lemma.lower(), trig))
    lex.noun_suffixes.sort(key=lambda x: -len(x[0]))
    lex.noun_stems.sort(key=lambda x: -len(x[0]))
    for head, modality in _rows("modality", "noun_heads.tsv"):
        lex.compound_heads[head] = modality
    for form, modality, kind in _rows("modality", "cues.tsv"):
        words = tuple(form.split())
        if kind.startswith("particle:"):
            lex.particle_cues[form] = (modality, frozenset(kind.split(":", 1)[1].split("|")))
        elif len(words) > 1:
            lex.phrase_cues.append((words, modality))
        else:
            lex.cues[form] = (modality, kind)
    for form, unit in _rows("events", "quantity_units.tsv"):
        lex.units[form] = unit
    for word, kind, value, qualifier in _rows("events", "quantity_words.tsv"):
        if kind == "number":
            lex.number_words[word] = (float(value), _opt(qualifier))
        elif kind == "multiplier":
            lex.multipliers[word] = float(value)
        else:
            lex.qualifiers[word] = qualifier
    for etype, prep, role in _rows("events", "roles.tsv"):
        lex.roles[(etype, prep)] = _opt(role)
    for etype, mode in _rows("events", "symmetric.tsv"):
        lex.symmetric.add((etype, mode))
    for form, tense, verb in _rows("modality", "tense_words.tsv"):
        lex.tense_words[form] = (tense, verb)
    lex.not_triggers = {row[0] for row in _rows("events", "not_triggers.tsv")}
    lex.idioms = {(before, noun) for before, noun in _rows("events", "idioms.tsv")}
    lex.generic_actors = {form: sector for form, sector in _rows("events", "generic_actors.tsv")}
    lex.present_is_occurred = {row[0] for row in _rows("modality", "present_is_occurred.tsv")}
    lex.place_nouns = {row[0] for row in _rows("events", "place_nouns.tsv")}
    lex.pronouns = {form: case for form, case in _rows("events", "pronouns.tsv")}
    lex.governed = {(vtype, prep): (source, _opt(target), modality == "verb")
                    for vtype, prep, source, target, modality in _rows("events", "governed.tsv")}
    lex.reversals = {(ntype, verb): (etype, mode, family)
                     for ntype, verb, etype, mode, family in _rows("events", "reversals.tsv")}
    lex.seat_nouns = tuple(row[0] for row in _rows("events", "seat_nouns.tsv"))
    return lex
