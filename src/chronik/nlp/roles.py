"""Role nouns and titles: "US-Präsident", "Kremlchef", "die Sprecherin des russischen
Außenministeriums", "Generalstabschef der USA", "ein US-Regierungsvertreter".

A role phrase is coded with a country (ISO alpha-3) and a sector (GOV, MIL, ...) from data files:
``lexicons/roles/`` (role nouns, institutions, modifiers, glued prefixes), ``lexicons/actors/codes.tsv``
(actor codes for gazetteer organisations) and the NER gazetteers in ``lexicons/gazetteers/``
(country names, adjectives and compound prefixes such as "US-").

Public helpers:
  ``find_roles(text)``     every role phrase in a text, with character offsets
  ``describe_role(text)``  (country, sector, canonical_role) for a role or actor description,
                           e.g. for anonymous quote sources ("ein Sprecher des Pentagons")
  ``role_key(canonical, country)``  the key that matches a bare role to the person holding it
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .ner_gazetteer import Gazetteer, default_gazetteer

WORD = re.compile(r"\w+(?:[-'’./]\w+)*|\S")
ADJ_ENDINGS = ("e", "en", "er", "es", "em")
DEFINITE = frozenset("der die das den dem des".split())
INDEFINITE = frozenset("ein eine einer eines einem einen".split())
QUANTIFIERS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn mehrere einige viele zahlreiche alle beide "
    "weitere andere etliche hunderte tausende dutzende".split())
POSSESSIVE = frozenset("sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren".split())
MAX_NAME_WORDS = 6
COMPOUND_HEAD_MIN = 4  # shortest role noun recognised at the end of a compound ("Chef" in "Fraktionschef")


def _rows(package: str, name: str) -> list[list[str]]:
    text = resources.files(package).joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(slots=True, frozen=True)
class RoleNoun:
    base: str  # masculine singular nominative
    canonical: str
    sector: str | None
    country: str | None
    group: bool  # "Soldaten": never one person
    generic: bool  # many hold it at once ("Diplomat", "Senator"): a bare mention names no one
    surname: bool  # also a common surname ("Richter", "König")


@dataclass(slots=True, frozen=True)
class _Form:
    noun: RoleNoun
    display: str  # the form without case inflection ("Präsidentin", "Kanzler")
    feminine: bool
    plural: bool | None  # None: the form alone does not tell


@dataclass(slots=True, frozen=True)
class Institution:
    canonical: str
    sector: str | None
    country: str | None


@dataclass(slots=True, frozen=True)
class NamedActor:
    """A named country, organisation or place from the gazetteers, with its actor code."""

    key: str  # gazetteer key: ISO code for countries, org key, or the place's first name
    name: str  # canonical German name
    label: str
    kind: str  # country | org | capital | city | region
    country: str | None
    sector: str | None


@dataclass(slots=True)
class RoleMatch:
    """One role phrase; offsets exclude the determiner ("der [Kremlchef]")."""

    start: int
    end: int
    head_start: int
    head_end: int
    text: str  # normalised role phrase for Entity.roles: "US-Präsident", "französischer Präsident"
    canonical: str  # gender-neutral role: "Präsident", "Sprecher Außenministerium"
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    label: str = "PER"  # PER for people, ORG for institutions ("die russische Regierung")
    determiner: str | None = None  # "def" | "indef" | "poss" | None
    plural: bool = False
    group: bool = False
    generic: bool = False
    surname: bool = False  # a lone role word that is also a common surname ("Richter")
    former: bool = False
    deputy: bool = False
    feminine: bool = False

    @property
    def key(self) -> str:
        return role_key(self.canonical, self.country)

    @property
    def anonymous(self) -> bool:
        """An unnamed source or group: "ein US-Regierungsvertreter", "Soldaten", "der Botschafter"."""
        return self.determiner == "indef" or self.plural or self.group or self.generic

    @property
    def resolvable(self) -> bool:
        """A definite singular role that may name one person ("der Kremlchef")."""
        return (self.label == "PER" and not self.anonymous and not self.former
                and self.determiner != "poss")


def role_key(canonical: str, country: str | None) -> str:
    return f"{canonical.lower()}|{country or ''}"


class RoleLexicon:
    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.forms: dict[str, _Form] = {}
        for row in _rows("chronik.lexicons.roles", "nouns.tsv"):
            base, canonical, sector, country, flags = (row + [""] * 5)[:5]
            noun = RoleNoun(base, canonical, sector or None, country or None, "group" in flags.split(),
                            "generic" in flags.split(), "surname" in flags.split())
            self._add_forms(noun, flags)
        self.institutions: dict[str, Institution] = {}
        for row in _rows("chronik.lexicons.roles", "institutions.tsv"):
            forms, canonical, sector, country = (row + [""] * 4)[:4]
            inst = Institution(canonical, sector or None, country or None)
            for form in forms.split("|"):
                self.institutions.setdefault(form, inst)
        self.modifiers: dict[str, str] = {}
        for stem, flag in _rows("chronik.lexicons.roles", "modifiers.tsv"):
            for ending in ADJ_ENDINGS:
                self.modifiers[stem + ending] = flag
        # prefix -> (country, sector, org, flag); hyphenated and glued prefixes kept apart
        self.prefixes: dict[str, tuple[str | None, str | None, str | None, str]] = {}
        self.glued: dict[str, tuple[str | None, str | None, str | None, str]] = {}
        for row in _rows("chronik.lexicons.roles", "prefixes.tsv"):
            prefix, country, sector, flag, glued = (row + [""] * 5)[:5]
            target = self.glued if glued == "yes" else self.prefixes
            target[prefix] = (country or None, sector or None, None, flag)
        self.codes: dict[str, tuple[str | None, str | None]] = {}
        for row in _rows("chronik.lexicons.actors", "codes.tsv"):
            key, country, sector = (row + [""] * 3)[:3]
            self.codes[key] = (country or None, sector or None)
        for prefix, (_, attrs) in list(gazetteer.prefixes.items()) + list(gazetteer.glued_prefixes.items()):
            country, sector, org = self._code(attrs)
            target = self.glued if prefix in gazetteer.glued_prefixes else self.prefixes
            target.setdefault(prefix, (country, sector, org, "-"))
        self.country_names = {}
        for row in _rows("chronik.lexicons.gazetteers", "countries.tsv"):
            self.country_names[row[0]] = row[1].split("|")[0]

    def _add_forms(self, noun: RoleNoun, flags: str) -> None:
        base = noun.base
        fem = base[:-1] + "in" if base.endswith("e") else base + "in"
        candidates = [(base, base, False, False), (base + "s", base, False, False),
                      (base + "es", base, False, False), (base + "n", base, False, None),
                      (base + "en", base, False, None), (base + "e", base, False, True),
                      (fem, fem, True, False), (fem + "nen", fem, True, True)]
        for flag in flags.split():
            if flag.startswith("forms="):
                for form in flag[len("forms="):].split("|"):
                    feminine = form.endswith(("in", "innen"))
                    candidates.append((form, form.removesuffix("nen") if feminine else base, feminine, None))
        for form, display, feminine, plural in candidates:
            self.forms.setdefault(form, _Form(noun, display, feminine, plural))

    # ------------------------------------------------------------------ actor codes
    def _code(self, attrs: dict) -> tuple[str | None, str | None, str | None]:
        """(country, sector, org) for gazetteer attrs, with lexicons/actors/codes.tsv on top."""
        org = attrs.get("org")
        country = attrs.get("country")
        sector = attrs.get("sector")
        if org and org in self.codes:
            c, s = self.codes[org]
            country, sector = c or country, s or sector
        elif not org and country:
            sector = None
        return country, sector, org

    def actor(self, words: tuple[str, ...]) -> NamedActor | None:
        """The gazetteer actor named by ``words`` (any inflection the gazetteer knows)."""
        entry = self.gaz.names.get(words)
        if entry is None:
            return None
        country, sector, org = self._code(entry.attrs)
        if entry.kind == "country":
            # A state named as an actor is its government ("Russland bestreitet ...").
            return NamedActor(country, self.country_names.get(country, " ".join(words)), "LOC",
                         "country", country, "GOV")
        if org:
            return NamedActor(org, org, entry.label, "org", country, sector)
        # A capital stands for its government when it acts ("Moskau bestreitet ...").
        sector = "GOV" if entry.kind == "capital" else None
        return NamedActor(" ".join(words), " ".join(words), entry.label, entry.kind, country, sector)

    def match_actor(self, words: list[str], i: int) -> tuple[int, NamedActor] | None:
        for length in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            act = self.actor(tuple(words[i:i + length]))
            if act is not None:
                return i + length, act
        return None

    # ------------------------------------------------------------------ role heads
    def head(self, word: str):
        """(form, prefix_display, country, sector, org, flags) when ``word`` is a role noun."""
        form = self.forms.get(word)
        if form is not None:
            return form, "", None, None, None, set()
        if "-" in word:
            *prefixes, last = word.split("-")
            form = self.forms.get(last)
            if form is None or not prefixes:
                return None
            country = sector = org = None
            flags: set[str] = set()
            for p in prefixes:
                code = self.prefixes.get(p) or self.glued.get(p)
                if code is None:
                    adj = self.gaz.adjectives.get(p.lower())
                    if adj is None:
                        return None
                    code = (adj, None, None, "-")
                c, s, o, flag = code
                country, sector, org = country or c, sector or s, org or o
                if flag != "-":
                    flags.add(flag)
            return form, "-".join(prefixes) + "-", country, sector, org, flags
        for prefix, (c, s, o, flag) in self.glued.items():
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                rest = word[len(prefix):]
                form = self.forms.get(rest[0].upper() + rest[1:])
                if form is not None:
                    return form, prefix, c, s, o, {flag} - {"-"}
        return None

    def compound_head(self, word: str):
        """A role noun glued to any noun ("Fraktionschefin", "Notenbankchef"), in the form of ``head``: the
        longest role-noun ending of at least COMPOUND_HEAD_MIN letters after a part of at least three; the first
        part codes nothing. Surname-like roles ("Richter") are left out, they end names. Only used to tell a
        leading role from a name: as a role phrase of its own such a compound is too open a class."""
        if not word[:1].isupper() or not word.isalpha():
            return None
        for i in range(3, len(word) - COMPOUND_HEAD_MIN + 1):
            rest = word[i].upper() + word[i + 1:]
            form = self.forms.get(rest)
            if form is not None and len(form.noun.base) >= COMPOUND_HEAD_MIN and not form.noun.surname \
                    and not form.noun.group:
                return form, word[:i], None, None, None, set()
        return None

    def institution(self, word: str):
        """(Institution, country, sector) for "Außenministeriums", "US-Regierung"."""
        inst = self.institutions.get(word)
        if inst is not None:
            return inst, inst.country, inst.sector
        if "-" in word:
            prefix, _, last = word.rpartition("-")
            inst = self.institutions.get(last)
            if inst is None:
                return None
            code = self.prefixes.get(prefix)
            if code is None:
                adj = self.gaz.adjectives.get(prefix.lower())
                code = (adj, None, None, "-") if adj else None
            if code is None:
                return None
            return inst, code[0] or inst.country, inst.sector or code[1]
        return None

    def adjective(self, word: str):
        """("country", code) for a country adjective, ("mod", flag) for a modifier, else None."""
        if not word[:1].islower():
            return None
        code = self.gaz.adjectives.get(word.lower())
        if code is not None:
            return "country", code
        flag = self.modifiers.get(word)
        if flag is not None:
            return "mod", flag
        return None


@lru_cache(maxsize=1)
def default_lexicon() -> RoleLexicon:
    return RoleLexicon(default_gazetteer())


def _nominative(word: str, feminine: bool, neuter: bool = False) -> str:
    """"französischen" -> "französischer" (or "französische" / "französisches" for a feminine / neuter
    head)."""
    low = word
    for ending in ("en", "em", "er", "es", "e"):
        if low.endswith(ending):
            low = low[: -len(ending)]
            break
    return low + ("e" if feminine else "es" if neuter else "er")


# grammatical gender of institution nouns by their ending, for the nominative of a normalised name
# ("des britischen Geheimdienstes" -> "britischer Geheimdienst", "russisches Verteidigungsministerium")
_FEMININE_ENDINGS = ("ung", "ei", "schaft", "heit", "keit", "ion", "behörde", "armee", "marine", "waffe",
                     "agentur", "bank", "kammer", "garde", "staatsanwaltschaft", "union", "partei")
_NEUTER_ENDINGS = ("ium", "amt", "büro", "gericht", "parlament", "kabinett", "militär", "haus", "kommando",
                   "zentrum", "institut", "präsidium", "komitee", "sekretariat", "gremium")


def _institution_gender(noun: str) -> str:
    low = noun.lower()
    return "f" if low.endswith(_FEMININE_ENDINGS) else "n" if low.endswith(_NEUTER_ENDINGS) else "m"


def find_roles(text: str, lexicon: RoleLexicon | None = None) -> list[RoleMatch]:
    """Every role phrase (person roles and institutions with a country) in ``text``."""
    lex = lexicon or default_lexicon()
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
    words = [text[s:e] for s, e in spans]
    out: list[RoleMatch] = []
    i = 0
    while i < len(words):
        match = _role_at(text, words, spans, i, lex)
        if match is None:
            i += 1
            continue
        out.append(match[0])
        i = match[1]
    return out


def _role_at(text, words, spans, i, lex: RoleLexicon):
    w = words[i]
    if not w[:1].isupper():
        return None
    head = lex.head(w)
    institution = None if head is not None else lex.institution(w)
    if head is None and institution is None:
        return None
    country = sector = org = None
    flags: set[str] = set()
    if head is not None:
        form, prefix_display, country, p_sector, org, flags = head
        feminine = form.feminine
    else:
        inst, country, p_sector = institution
        feminine = True
    # left: adjectives, then a determiner
    j = i - 1
    adjectives: list[str] = []
    while j >= 0:
        adj = lex.adjective(words[j])
        if adj is None:
            break
        if adj[0] == "country":
            country = country or adj[1]
        elif adj[1] != "-":
            flags.add(adj[1])
        adjectives.insert(0, words[j])
        j -= 1
    start = spans[j + 1][0]
    determiner = None
    quantified = False
    # a country in the genitive before the role works as its determiner: "Russlands Außenminister"
    saxon = lex.match_actor(words, j) if j >= 0 and words[j][:1].isupper() and words[j].endswith("s") else None
    owner: list[str] = []
    if saxon is not None and saxon[0] == j + 1 and saxon[1].kind == "country":
        country = country or saxon[1].country
        start, determiner, owner = spans[j][0], "def", [words[j]]
    elif j >= 0:
        low = words[j].lower()
        if low in DEFINITE:
            determiner = "def"
        elif low in INDEFINITE:
            determiner = "indef"
        elif low in POSSESSIVE:
            determiner = "poss"
        elif low in QUANTIFIERS or words[j].replace(".", "").isdigit():
            quantified = True
    # right: a genitive complement ("des russischen Außenministeriums", "der USA", "Russlands")
    k = i + 1
    end = spans[i][1]
    c_country = c_sector = c_org = None
    c_canonical = None
    complement = ""
    if k < len(words) and words[k] in ("des", "der"):
        m = k + 1
        adj_country = None
        while m < len(words):
            adj = lex.adjective(words[m])
            if adj is None or adj[0] != "country":
                break
            adj_country = adj_country or adj[1]
            m += 1
        if m < len(words):
            found = lex.match_actor(words, m)
            if found is not None:
                m_end, act = found
                c_country = adj_country or act.country
                c_sector, c_org = act.sector, act.key if act.kind == "org" else None
                c_canonical = act.name if act.kind == "org" else None
                end = spans[m_end - 1][1]
            else:
                c_inst = lex.institution(words[m])
                if c_inst is not None:
                    c_canonical = c_inst[0].canonical
                    c_country = adj_country or c_inst[1]
                    c_sector = c_inst[2]
                    end = spans[m][1]
        if end > spans[i][1]:
            complement = text[spans[k][0]:end]
    elif k < len(words) and words[k].endswith("s") and words[k][:1].isupper():
        found = lex.match_actor(words, k)
        if found is not None and found[1].kind in ("country", "org"):
            m_end, act = found
            c_country, c_sector = act.country, act.sector
            c_org = act.key if act.kind == "org" else None
            c_canonical = act.name if act.kind == "org" else None
            end = spans[m_end - 1][1]
            complement = text[spans[k][0]:end]
    country = country or c_country
    org = org or c_org
    if head is not None:
        noun = form.noun
        sector = noun.sector or p_sector or c_sector
        if org and "IGO" in (p_sector, c_sector):
            sector = "IGO"  # an office of an international organisation: "EU-Vizepräsident"
        country = country or noun.country
        canonical = noun.canonical
        if "deputy" in flags and not canonical.startswith("Vize"):
            # "Vize-Präsident", "stellvertretender Außenminister": another office than the chief's
            canonical = "Vize" + canonical[0].lower() + canonical[1:]
        if noun.sector is None and (c_canonical or org):
            canonical = f"{canonical} {c_canonical or org}"
        plural = bool(form.plural) or quantified or (
            determiner == "def" and words[i - len(adjectives) - 1].lower() == "die" and not feminine)
        group = noun.group
        generic = noun.generic
        surname = noun.surname and not prefix_display and not form.feminine
        display_head = prefix_display + form.display if prefix_display else form.display
        if prefix_display and not prefix_display.endswith("-"):
            display_head = prefix_display + form.display[0].lower() + form.display[1:]
        label = "PER"
    else:
        if country is None:
            return None  # "die Regierung" alone names no actor we can code
        sector = p_sector or c_sector
        canonical = inst.canonical
        plural = quantified
        group = generic = surname = False
        # the nominative of an inflected institution noun ("Geheimdienstes" -> "Geheimdienst"), but not
        # the bare canonical noun of a compound ("Bundesregierung", "US-Regierung")
        display_head = inst.canonical if w.startswith(inst.canonical) else w
        label = "ORG"
    if head is None:
        gender = _institution_gender(inst.canonical)
        adjective_text = [_nominative(a, gender == "f", gender == "n") for a in adjectives]
    else:
        adjective_text = [_nominative(a, feminine) for a in adjectives]
    text_norm = " ".join(owner + adjective_text + [display_head] + ([complement] if complement else []))
    match = RoleMatch(
        start=start, end=end, head_start=spans[i][0], head_end=spans[i][1], text=text_norm,
        canonical=canonical, country=country, sector=sector, org=org, label=label,
        determiner=determiner, plural=plural, group=group, generic=generic, surname=surname,
        former="former" in flags,
        deputy="deputy" in flags, feminine=feminine,
    )
    next_i = i + 1
    while next_i < len(spans) and spans[next_i][1] <= end:
        next_i += 1
    return match, next_i


def describe_role(text: str) -> tuple[str | None, str | None, str | None]:
    """(country, sector, canonical_role) for a role or actor description.

    "ein US-Regierungsvertreter" -> ("USA", "GOV", "Regierungsvertreter");
    "Sprecher des Pentagons" -> ("USA", "MIL", "Sprecher Pentagon"); "Kreml" -> ("RUS", "GOV", "Kreml").
    (None, None, None) when nothing is known.
    """
    lex = default_lexicon()
    roles = find_roles(text, lex)
    if roles:
        best = max(roles, key=lambda r: (r.label == "PER", r.end - r.start))
        return best.country, best.sector, best.canonical
    words = WORD.findall(text)
    for i in range(len(words)):
        found = lex.match_actor(words, i)
        if found is not None:
            act = found[1]
            return act.country, act.sector, act.name
        inst = lex.institution(words[i])
        if inst is not None:
            return inst[1], inst[2], inst[0].canonical
    return None, None, None
