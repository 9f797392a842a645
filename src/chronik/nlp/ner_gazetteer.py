"""Offline gazetteers for NER: countries (German names, inflections, demonyms, adjectives),
capitals/cities/regions, international organisations, parties, ministries, given names,
well-known political actors (persons.tsv), organisations from general knowledge
(organisations_general.tsv: companies, media, clubs, unions, NGOs, ...) and institution head nouns
(institutions.tsv: "Staatsanwaltschaft" + place → ORG).  Generated lists (bench/ner_build_gazetteers.py), used
as CRF features only: GeoNames cities, ISO 3166 country and subdivision names in German
(regions.txt), census and Faker given names and surnames, and the PER/LOC/ORG names annotated in
MobIE and SmartData (domain_names.tsv).

Used twice: as CRF features (``Gazetteer.token_tags``) and as a rule layer over the model's
output (``Gazetteer.apply``): label fixes for curated names (Kreml, Weißes Haus → ORG), names the
model missed, and ``kind="demonym"`` mentions for "russischen", "Russen", "US-" in "US-Präsident"
and "Kreml" in "Kremlchef", linked to a country or organisation through ``attrs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..doc import Mention, Token

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
MAX_NAME_TOKENS = 6
_SPLIT = re.compile(r"\w+(?:[-'’./]\w+)*|\S")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("chronik.lexicons.gazetteers").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> list[str]:
    text = resources.files("chronik.lexicons.gazetteers").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _genitive(name: str) -> str | None:
    last = name.split()[-1]
    if last[-1] in "sxzß" or not last[-1].isalpha() or last.isupper():
        return None
    return name + "s"


_ADJECTIVE_STEMS = ("isch", "lich", "ig", "al", "ell", "iv", "är", "sch")
_ADJECTIVE_ENDINGS = ("en", "er", "es", "e")


def _inflections(name: str) -> list[str]:
    """Forms of a name that opens with an adjective, in every case: "Statistisches Bundesamt" ->
    "Statistische Bundesamt", "Statistischen Bundesamt(e)s" (the genitive -es for the usual masculine and
    neuter institution nouns)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].isupper():
        return []
    first = words[0]
    ending = next((e for e in _ADJECTIVE_ENDINGS if first.endswith(e)), None)
    stem = first[:-len(ending)] if ending else ""
    if not stem.lower().endswith(_ADJECTIVE_STEMS):
        return []
    rest = " ".join(words[1:])
    forms = [f"{stem}{e} {rest}" for e in _ADJECTIVE_ENDINGS if e != ending]
    if words[-1].endswith(("amt", "rat", "gericht", "bund", "hof", "werk", "haus", "institut")):
        forms += [f"{stem}en {rest}es"]  # "des Statistischen Bundesamtes"
    return forms


@dataclass(slots=True)
class NameEntry:
    label: str  # PER | LOC | ORG | MISC
    kind: str  # country | capital | city | region | org | person
    attrs: dict
    add: bool = True  # the rule layer may add it where the model missed it


@dataclass
class Gazetteer:
    names: dict[tuple[str, ...], NameEntry] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # inflected lowercase form -> code
    person_nouns: dict[str, str] = field(default_factory=dict)  # "Russen" -> RUS
    prefixes: dict[str, tuple[str, dict]] = field(default_factory=dict)  # "US" -> (LOC, attrs)
    glued_prefixes: dict[str, tuple[str, dict]] = field(default_factory=dict)  # "Kreml"
    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    cities: frozenset[tuple[str, ...]] = frozenset()  # GeoNames, feature only
    domain_names: dict[tuple[str, ...], str] = field(default_factory=dict)  # MobIE/SmartData, feature only
    # Capitalised words of those names -> their feature strings ("Volkswagen" of "Volkswagen AG").
    domain_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)  # "Landgericht" -> sector "JUD"

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls) -> "Gazetteer":
        g = cls()
        exclude = set(_words("rule_exclude.txt"))
        for code, names, adjs, nouns, prefixes in _rows("countries.tsv"):
            for name in names.split("|"):
                g._add_name(name, NameEntry("LOC", "country", {"country": code}), exclude)
            for stem in adjs.split("|"):
                for ending in ADJ_ENDINGS:
                    g.adjectives[(stem + ending).lower()] = code
            for noun in nouns.split("|"):
                g.person_nouns[noun] = code
            for prefix in prefixes.split("|"):
                g.prefixes[prefix] = ("LOC", {"country": code})
        for row in _rows("places.tsv"):
            names, label, country, kind = (row + [""] * 4)[:4]
            attrs = {"country": country} if country else {}
            for name in names.split("|"):
                g._add_name(name, NameEntry(label, kind, dict(attrs)), exclude)
        for row in _rows("organisations.tsv") + _rows("organisations_general.tsv"):
            names, label, key, country, sector = (row + [""] * 5)[:5]
            attrs = {"org": key}
            if country:
                attrs["country"] = country
            if sector:
                attrs["sector"] = sector
            for name in names.split("|"):
                g._add_name(name, NameEntry(label, "org", dict(attrs)), exclude)
        for row in _rows("persons.tsv"):
            names, country, sector = (row + [""] * 3)[:3]
            attrs = {k: v for k, v in (("country", country), ("sector", sector)) if v}
            for name in names.split("|"):
                g._add_name(name, NameEntry("PER", "person", dict(attrs)), exclude)
        for prefix, label, attrs, glued in _rows("prefixes.tsv"):
            target = g.glued_prefixes if glued == "yes" else g.prefixes
            target[prefix] = (label, dict(kv.split("=", 1) for kv in attrs.split(";")))
        # A plural that is also a country name ("Polen") stays the country.
        for key in [n for n in g.person_nouns if (n,) in g.names]:
            del g.person_nouns[key]
        g.first_names = frozenset(_words("first_names.txt") + _words("given_names.txt")
                                  + _words("given_names_faker.txt"))
        g.surnames = frozenset(_words("surnames.txt") + _words("surnames_faker.txt")) - g.first_names
        g.cities = frozenset(tuple(_SPLIT.findall(c)) for c in _words("cities.txt") + _words("regions.txt"))
        g.institutions = {row[0]: (row + [""])[1] for row in _rows("institutions.tsv")}
        g.domain_names = {tuple(name.split(" ")): label for name, label in _rows("domain_names.tsv")}
        word_labels: dict[str, set[str]] = {}
        for name, label in g.domain_names.items():
            for word in name:
                if word[:1].isupper():
                    word_labels.setdefault(word, set()).add(label)
        g.domain_words = {w: tuple("gdw=" + label for label in sorted(labels)) for w, labels in word_labels.items()}
        return g

    def _add_name(self, name: str, entry: NameEntry, exclude: set[str]) -> None:
        forms = [name] + _inflections(name)
        for form in filter(None, forms + [_genitive(f) for f in forms]):
            key = tuple(_SPLIT.findall(form))
            if len(key) > MAX_NAME_TOKENS or key in self.names:
                continue
            self.names[key] = NameEntry(entry.label, entry.kind, entry.attrs,
                                        add=name not in exclude and form not in exclude)

    # ------------------------------------------------------------------ matching
    def match_names(self, words: list[str]) -> list[tuple[int, int, NameEntry]]:
        """Greedy longest, leftmost matches of gazetteer names over ``words``."""
        out = []
        i, n = 0, len(words)
        names = self.names
        while i < n:
            if not words[i][:1].isupper():
                i += 1
                continue
            for length in range(min(MAX_NAME_TOKENS, n - i), 0, -1):
                entry = names.get(tuple(words[i:i + length]))
                if entry is not None:
                    out.append((i, i + length, entry))
                    i += length
                    break
            else:
                i += 1
        return out

    def token_tags(self, words: list[str]) -> list[list[str]]:
        """Per-token gazetteer feature strings (for the CRF)."""
        tags: list[list[str]] = [[] for _ in words]
        for start, end, entry in self.match_names(words):
            tags[start].append("gB=" + entry.label)
            for k in range(start + 1, end):
                tags[k].append("gI=" + entry.label)
            if end - start == 1:
                tags[start].append("g1=" + entry.kind)
        for start, end, _ in _longest_matches(words, self.cities):
            tags[start].append("gcB")
            for k in range(start + 1, end):
                tags[k].append("gcI")
        for start, end, label in _longest_matches(words, self.domain_names):
            tags[start].append("gdB=" + label)
            for k in range(start + 1, end):
                tags[k].append("gdI=" + label)
        for k, w in enumerate(words):
            tags[k].extend(self.domain_words.get(w, ()))
            if w in self.surnames:
                tags[k].append("gsur")
            if w in self.first_names:
                tags[k].append("gfirst")
            elif w in self.person_nouns:
                tags[k].append("gdemN")
            elif w.lower() in self.adjectives:
                tags[k].append("gdemA")
            elif "-" in w:
                head = w.split("-", 1)[0]
                if head in self.prefixes or head.lower() in self.adjectives:
                    tags[k].append("gpref")
        return tags

    # ------------------------------------------------------------------ rule layer
    def apply(self, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """Fix and complete model mentions over ``tokens`` (one sentence or a whole document)."""
        words = [t.text for t in tokens]
        by_start = {m.start: m for m in mentions}
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        added: list[Mention] = []
        for i, j, entry in self.match_names(words):
            start, end = tokens[i].start, tokens[j - 1].end
            m = by_start.get(start)
            if m is not None and m.end == end:
                # A curated name keeps its curated type (Kreml, Weißes Haus → ORG).
                m.label = entry.label
                m.attrs.update(entry.attrs)
            elif entry.add and not any(c in covered for c in range(start, end)):
                added.append(Mention(start, end, text[start:end], entry.label, "name",
                                     attrs=dict(entry.attrs)))
                covered.update(range(start, end))
            elif entry.add and entry.label == "PER":
                # The model found parts of a curated person's name ("Ursula" of "Ursula von der
                # Leyen"): the curated name replaces them when they lie wholly inside it.
                parts = [x for x in mentions if x.start < end and start < x.end]
                if parts and all(start <= x.start and x.end <= end and x.label == "PER" for x in parts):
                    mentions = [x for x in mentions if x not in parts]
                    added.append(Mention(start, end, text[start:end], "PER", "name",
                                         score=min(x.score for x in parts), attrs=dict(entry.attrs)))
        for k, tok in enumerate(tokens):
            if tok.start in covered:
                if (tok.text in self.prefixes and k + 1 < len(tokens)
                        and tokens[k + 1].start == tok.end and tokens[k + 1].text in "-‐"):
                    # A tokeniser that split "US-Präsident": "US" is a prefix, not a name.
                    mentions = [m for m in mentions if not (m.start == tok.start and m.end == tok.end)]
                    label, attrs = self.prefixes[tok.text]
                    added.append(self._demonym(text, tok.start, tok.end, label, attrs, "prefix"))
                continue
            added.extend(self._demonyms(text, tok, sentence_initial=k == 0))
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _is_place(self, key: tuple[str, ...]) -> bool:
        entry = self.names.get(key)
        return key in self.cities or (entry is not None and entry.label == "LOC")

    def _place_end(self, tokens: list[Token], k: int, by_start: dict[int, Mention]) -> int | None:
        """End token index of a place name starting at token ``k``: a LOC (or ORG) mention of the
        model or a listed place/city/region; "Hamburg-Mitte" counts through its head "Hamburg"."""
        m = by_start.get(tokens[k].start)
        if m is not None and m.label in ("LOC", "ORG") and m.kind == "name":
            end = k
            while end < len(tokens) and tokens[end].start < m.end:
                end += 1
            return end
        words = [t.text for t in tokens[k:k + MAX_NAME_TOKENS]]
        if not words[0][:1].isupper():
            return None
        for length in range(len(words), 0, -1):
            if self._is_place(tuple(words[:length])):
                return k + length
        head = words[0].split("-", 1)[0]
        return k + 1 if head != words[0] and self._is_place((head,)) else None

    def join_institutions(self, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """An institution head noun followed by a place is one organisation: "Staatsanwaltschaft
        Köln", "Landtag von Brandenburg", "Universität zu Köln" → ORG (the place mention, if any,
        is replaced); only where the model tagged nothing on the head noun."""
        by_start = {m.start: m for m in mentions}
        covered = {c for m in mentions for c in range(m.start, m.end)}
        for k, tok in enumerate(tokens[:-1]):
            sector = self.institutions.get(tok.text)
            if sector is None or tok.start in covered:
                continue
            place = k + 2 if tokens[k + 1].text in ("von", "zu") and k + 2 < len(tokens) else k + 1
            end = self._place_end(tokens, place, by_start)
            if end is None:
                continue
            start, stop = tok.start, tokens[end - 1].end
            replaced = [m for m in mentions if m.start < stop and start < m.end]
            if any(m.start < start or m.end > stop for m in replaced):
                continue  # the place is part of a longer name; leave the model's reading
            attrs = {"institution": tok.text}
            country = next((m.attrs["country"] for m in replaced if m.attrs.get("country")), None)
            place_words = tuple(t.text for t in tokens[place:end])
            entry = self.names.get(place_words) or self.names.get((place_words[0].split("-", 1)[0],))
            country = country or (entry.attrs.get("country") if entry is not None else None)
            if country:
                attrs["country"] = country
            if sector:
                attrs["sector"] = sector
            mentions = [m for m in mentions if m not in replaced]
            mentions.append(Mention(start, stop, text[start:stop], "ORG", "name",
                                    score=min((m.score for m in replaced), default=1.0), attrs=attrs))
            covered.update(range(start, stop))
        return sorted(mentions, key=lambda m: (m.start, m.end))

    def _demonym(self, text, start, end, label, attrs, form) -> Mention:
        return Mention(start, end, text[start:end], label, "demonym", attrs={**attrs, "form": form})

    def _demonyms(self, text: str, tok: Token, sentence_initial: bool = False) -> list[Mention]:
        w = tok.text
        code = self.person_nouns.get(w)
        if code:
            return [self._demonym(text, tok.start, tok.end, "LOC", {"country": code}, "noun")]
        # Adjectives are lowercase, except at the start of a sentence ("Russische Truppen ...").
        if w[:1].islower() or sentence_initial:
            code = self.adjectives.get(w.lower())
            if code:
                return [self._demonym(text, tok.start, tok.end, "LOC", {"country": code}, "adjective")]
        out: list[Mention] = []
        if "-" in w:
            # "US-Präsident", "Nato-Partnerstaat", "russisch-ukrainische"
            offset = tok.start
            parts = w.split("-")
            for idx, part in enumerate(parts):
                last = idx == len(parts) - 1
                if not last and part in self.prefixes:
                    label, attrs = self.prefixes[part]
                    out.append(self._demonym(text, offset, offset + len(part), label, attrs, "prefix"))
                elif part[:1].islower() and part.lower() in self.adjectives:
                    code = self.adjectives[part.lower()]
                    out.append(self._demonym(text, offset, offset + len(part), "LOC",
                                             {"country": code}, "adjective"))
                offset += len(part) + 1
            return out
        for prefix, (label, attrs) in self.glued_prefixes.items():
            # "Kremlchef", "Kremlsprecher": an organisation glued to a lowercase noun
            if w.startswith(prefix) and len(w) > len(prefix) + 2 and w[len(prefix)].islower():
                out.append(self._demonym(text, tok.start, tok.start + len(prefix), label, attrs, "prefix"))
        return out


def _longest_matches(words: list[str], table, max_tokens: int = 4):
    """Greedy longest, leftmost matches of ``table`` keys (token tuples) starting at capitalised
    words; yields (start, end, value) with value ``table[key]`` for dicts, else None."""
    get = table.get if isinstance(table, dict) else (lambda key: True if key in table else None)
    i, n = 0, len(words)
    while i < n:
        if words[i][:1].isupper():
            for length in range(min(max_tokens, n - i), 0, -1):
                value = get(tuple(words[i:i + length]))
                if value is not None:
                    yield i, i + length, (value if isinstance(table, dict) else None)
                    i += length - 1
                    break
        i += 1


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
