"""Entity consolidation: mentions -> entities, in one document and across the corpus.

In a document (component ``entities.rules``): name variants and inflections become one entity
("Wladimir Putin" / "Putin" / "Putins" / "Präsident Putin"), acronyms join their long form where
the text gives it ("Organisation für Sicherheit und Zusammenarbeit in Europa (OSZE)"), role phrases
become ``kind="role"`` mentions and attach to the person they name ("Kremlchef Putin") or, when
bare ("der Kremlchef"), to the person holding that role in the same document.  Countries and
sectors come from roles and from the actor tables (see ``chronik.nlp.roles``); a user entity file
(``{"entity_file": path}``) links entities to external ids, overrides country/sector and finds
the names it lists where the NER missed them.

Across the corpus (``consolidate_corpus(store)``, run by ``chronik.runner``): see docs/entities.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..spans import SpanIndex
from ..doc import Document, Entity, Mention
from ..pipeline import component
from .ner_features import uncommon_word
from .roles import WORD, RoleLexicon, RoleMatch, default_lexicon, find_roles, role_key

log = logging.getLogger(__name__)

VERSION = "0.2.8"
TITLES = frozenset("Herr Frau Dr. Prof. Doktor Professor Sir Lady Mr. Mrs. Ms.".split())
_APPOSITION_AFTER = re.compile(r"\s*,?\s*")
# a genitive complement the role finder does not code, then the comma of an apposition: "des Verbands, "
_GENITIVE_BEFORE_APPOSITION = re.compile(r"\s+(?:des|der)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*")
_ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][\wÄÖÜäöü-]{1,9})\s*\)")
_SPACE = re.compile(r"\s+")
# STTS tags a name word can carry (the tagger often takes an unseen surname for NN); "" untagged
NAME_TAGS = frozenset({"NE", "NN", "FM", ""})


def normalise(name: str) -> str:
    return _SPACE.sub(" ", name).strip().lower()


# ---------------------------------------------------------------------- user entity file
@dataclass(slots=True)
class UserEntity:
    id: str
    name: str
    aliases: list[str]
    type: str | None = None  # PER | LOC | ORG | MISC
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def external_id(self) -> str:
        return self.wikidata or self.id


def _split_aliases(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if not value:
        return []
    return [v.strip() for v in re.split(r"[|;]", str(value)) if v.strip()]


def _user_entity(record: dict[str, Any]) -> UserEntity:
    rid, name = str(record.get("id") or "").strip(), str(record.get("name") or "").strip()
    if not rid or not name:
        raise ValueError("needs both 'id' and 'name'")
    etype = (record.get("type") or "").strip().upper() or None
    if etype and etype not in ("PER", "LOC", "ORG", "MISC"):
        raise ValueError(f"type {etype!r} is not one of PER, LOC, ORG, MISC")
    wikidata = (record.get("wikidata") or record.get("qid") or "").strip() or None
    if wikidata and not re.fullmatch(r"Q\d+", wikidata):
        raise ValueError(f"wikidata {wikidata!r} is not a QID like Q7747")
    return UserEntity(rid, name, _split_aliases(record.get("aliases")), etype, wikidata,
                      (record.get("country") or "").strip().upper() or None,
                      (record.get("sector") or "").strip().upper() or None)


def load_entity_file(path: str | Path) -> list[UserEntity]:
    """Read a CSV (header: id,name,aliases,type,wikidata,country,sector; aliases |-separated)
    or JSONL file.  A bad record is reported in one log line and skipped."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"entity file not found: {path}")
    records: list[tuple[str, dict[str, Any] | None]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        obj = json.loads(line)
                        records.append((f"line {n}", obj if isinstance(obj, dict) else None))
                    except json.JSONDecodeError:
                        records.append((f"line {n}", None))
        else:
            for n, row in enumerate(csv.DictReader(fh), 2):
                records.append((f"line {n}", {k.strip().lower(): v for k, v in row.items() if k}))
    out = []
    for where, rec in records:
        try:
            if rec is None:
                raise ValueError("not a JSON object")
            out.append(_user_entity(rec))
        except ValueError as exc:
            log.warning("entity file %s %s: %s; skipped", path, where, exc)
    return out


def _coverage(length: int, spans) -> bytearray:
    """1 under every character one of ``spans`` covers: overlap tests in constant time per span."""
    covered = bytearray(length)
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    return covered


class UserIndex:
    def __init__(self, entities: list[UserEntity]):
        self.by_alias: dict[str, list[UserEntity]] = {}
        # exact surface forms of typed entries -> label, to find the names the NER missed
        self.labels: dict[str, str] = {}
        for ent in entities:
            for alias in {ent.name, *ent.aliases}:
                self.by_alias.setdefault(normalise(alias), []).append(ent)
                if ent.type and len(alias) > 1:
                    self.labels.setdefault(alias, ent.type)
        alternatives = "|".join(re.escape(a) for a in sorted(self.labels, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})s?(?!\w)") if alternatives else None

    def label_of(self, surface: str) -> str | None:
        """The file's type for a listed name, or for the genitive -s of a listed person."""
        label = self.labels.get(surface)
        if label is None and surface.endswith("s") and self.labels.get(surface[:-1]) == "PER":
            label = "PER"
        return label

    def find(self, label: str, forms: list[str]) -> UserEntity | None:
        for form in forms:
            for ent in self.by_alias.get(normalise(form), ()):
                if ent.type in (None, label):
                    return ent
        return None


# ---------------------------------------------------------------------- in-document clusters
@dataclass(slots=True)
class _Cluster:
    label: str
    name_tokens: tuple[str, ...]
    first: int  # char offset of the first mention
    mentions: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    roles: list[RoleMatch] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    key: str = ""
    acronyms: set[str] = field(default_factory=set)
    role_only: bool = False
    actor_kind: str | None = None

    def add(self, idx: int, mention: Mention, tokens: tuple[str, ...]) -> None:
        self.mentions.append(idx)
        self.positions.append(mention.start)
        self.first = min(self.first, mention.start)
        if mention.text not in self.forms:
            self.forms.append(mention.text)
        if len(tokens) > len(self.name_tokens):
            self.name_tokens = tokens

    def nearest_before(self, offset: int) -> int:
        before = [offset - p for p in self.positions if p <= offset]
        return min(before) if before else 10**9 + min(abs(p - offset) for p in self.positions)


def _person_tokens(text: str, lex: RoleLexicon) -> tuple[str, ...]:
    toks = [t for t in WORD.findall(text) if t not in ",."]
    while len(toks) > 1 and (toks[0] in TITLES or lex.head(toks[0]) is not None
                              or lex.adjective(toks[0]) is not None):
        toks.pop(0)
    if toks and toks[-1][-1:] in "'’" and len(toks[-1]) > 2:
        toks[-1] = toks[-1][:-1]
    return tuple(toks)


def _suffix_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    return len(short) <= len(full) and full[len(full) - len(short):] == short


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t[:1].isupper())


class DocumentConsolidator:
    def __init__(self, lexicon: RoleLexicon | None = None, users: UserIndex | None = None):
        self.lex = lexicon or default_lexicon()
        self.users = users
        self.variant: str | None = None  # qualifies the component version (see pipeline._qualified)

    def __call__(self, doc: Document) -> Document:
        text, lex = doc.text, self.lex
        doc.mentions = [self._without_leading_role(text, self._without_possessed_role(text, m))
                        for m in doc.mentions]
        doc.mentions = self._without_possessed_noun(text, doc.mentions)
        # A role word the NER tagged as the end of a person's name is a surname ("Gerhard
        # Richter"), and so is a lone surname-like role word tagged as a person ("Richter sagte");
        # a title starts the name ("Präsident Putin").
        persons = SpanIndex((m.start, m.end) for m in doc.mentions if m.label == "PER" and m.kind == "name")
        roles = [r for r in find_roles(text, lex)
                 if not any(s < r.start or (r.end == e and r.surname and r.determiner is None)
                            for s, e, _ in persons.containing(r.start, r.end))]
        heads = SpanIndex((r.head_start, r.head_end) for r in roles)
        keep = []
        for m in doc.mentions:
            if m.kind == "role":
                continue  # role mentions are this component's output; rebuilt on every run
            if m.kind != "demonym" and heads.containing(m.start, m.end):
                continue  # a role noun the NER took for a name
            m.entity = None
            keep.append(m)
        mentions = keep + self._names_after_roles(doc, roles, keep)
        mentions += self._listed_names(doc, roles, mentions)
        mentions += self._repeated_names(doc, roles, mentions)
        clusters: list[_Cluster] = []
        self._cluster_persons(mentions, clusters)
        self._cluster_others(text, mentions, clusters)
        by_mention = {i: c for c in clusters for i in c.mentions}
        role_mentions: list[tuple[Mention, _Cluster | None]] = []
        pending: list[tuple[RoleMatch, Mention]] = []
        starts = {m.start: i for i, m in enumerate(mentions) if m.label == "PER" and m.kind == "name"}
        ends = {m.end: i for i, m in enumerate(mentions) if m.label == "PER" and m.kind == "name"}
        names = [i for i, m in enumerate(mentions) if m.label == "PER" and m.kind == "name"]
        name_index = SpanIndex((mentions[i].start, mentions[i].end) for i in names)
        attached: list[tuple[RoleMatch, Mention, _Cluster | None]] = []
        for r in roles:
            mention = Mention(r.start, r.end, text[r.start:r.end], r.label, "role")
            target = self._apposition(text, r, starts, ends, mentions, names, name_index)
            cluster = by_mention.get(target) if target is not None else None
            if cluster is not None:
                cluster.roles.append(r)
            attached.append((r, mention, cluster))
        for c in clusters:
            self._code_from_roles(c)
        for r, mention, cluster in attached:
            self._code_from_possessor(text, r, ends, mentions, by_mention)
            mention.attrs = _role_attrs(r)
            if cluster is not None:
                mention.attrs["apposition"] = True
                role_mentions.append((mention, cluster))
            else:
                pending.append((r, mention))
        for c in clusters:
            self._code_from_roles(c)
            self._code_from_gazetteer(c, mentions)
        for r, mention in pending:
            cluster = self._resolve_bare(r, clusters) if r.resolvable else None
            if cluster is not None:
                cluster.roles.append(r)
                mention.attrs["resolved"] = "document"
            elif (r.label == "ORG" or r.resolvable) and (r.country or r.org) or (
                    r.resolvable and r.sector in OFFICE_SECTORS):
                # a country-less office ("die Außenministerin") is kept for the corpus step, which
                # may resolve it to a holder titled the same way; unresolved it gets no entity id
                cluster = self._role_cluster(r, clusters)
            role_mentions.append((mention, cluster))
        # assemble: entities in order of first mention
        clusters = [c for c in clusters if c.mentions or c.roles]
        for mention, cluster in role_mentions:
            mentions.append(mention)
            if cluster is not None:
                cluster.positions.append(mention.start)
                cluster.first = min(cluster.first, mention.start)
        order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
        cluster_of: dict[int, _Cluster] = {}
        for c in clusters:
            for i in c.mentions:
                cluster_of[id(mentions[i])] = c
        for mention, cluster in role_mentions:
            if cluster is not None:
                cluster_of[id(mention)] = cluster
        doc.mentions = [mentions[i] for i in order]
        clusters.sort(key=lambda c: c.first)
        index = {id(c): n for n, c in enumerate(clusters)}
        doc.entities = [self._entity(c) for c in clusters]
        for m in doc.mentions:
            c = cluster_of.get(id(m))
            m.entity = index[id(c)] if c is not None else None
        return doc

    def _without_possessed_noun(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Kulebas Reise" tagged as one name (a sentence-initial genitive and its noun): when the
        document names that person elsewhere ("Dmytro Kuleba"), the name is the genitive alone."""
        surnames = set()
        for m in mentions:
            if m.label == "PER" and m.kind == "name":
                words = WORD.findall(m.text)
                if len(words) == 1 or not words[0].endswith(("s", "'", "’")):
                    surnames.add(words[-1])  # not from "Putins Plan" itself
        out = []
        for m in mentions:
            words = list(WORD.finditer(m.text)) if m.label == "PER" and m.kind == "name" else []
            if len(words) == 2:
                possessor = words[0].group()
                base = possessor[:-1] if possessor[-1:] in ("s", "'", "’") else None
                if (base in surnames and possessor not in self.lex.gaz.first_names
                        and words[1].group() not in surnames):
                    end = m.start + words[0].end()
                    m = Mention(m.start, end, text[m.start:end], m.label, m.kind, None, m.score,
                                {**m.attrs, "split": "possessed noun"})
            out.append(m)
        return out

    def _without_leading_role(self, text: str, m: Mention) -> Mention:
        """"Bundesaußenministerin Baerbock" tagged as one name: the role noun is the role finder's,
        the name is the rest, so the mention's span and forms hold the name alone."""
        if m.label != "PER" or m.kind != "name":
            return m
        words = list(re.finditer(r"\S+", m.text))  # "Grünen-Chefin" is one word here
        if len(words) < 2 or not words[1].group()[:1].isupper():
            return m
        first = words[0].group()
        head = self.lex.head(first) or self.lex.compound_head(first)  # "Fraktionschefin Mira Koch"
        if head is None and "-" in first:  # "Grünen-Chefin": the role is the last part
            head = self.lex.head(first.rsplit("-", 1)[1])
        if head is None or head[0].noun.surname:
            return m  # "Richter Gerhard" is no role; "Kanzler" and the like may be surnames
        start = m.start + words[1].start()
        return Mention(start, m.end, text[start:m.end], m.label, m.kind, None, m.score,
                       {**m.attrs, "split": "leading role"})

    def _without_possessed_role(self, text: str, m: Mention) -> Mention:
        """"Putins Sprecher" tagged as one name is a genitive and a role noun: the name keeps the
        possessor ("Putins"), and the role finder takes the role (coded from its owner)."""
        if m.label != "PER" or m.kind != "name":
            return m
        words = list(WORD.finditer(m.text))
        if len(words) < 2:
            return m
        possessor = words[-2].group()
        if possessor[-1:] not in ("s", "'", "’") or possessor in self.lex.gaz.first_names:
            return m  # "Thomas Kanzler": a first name, not a genitive
        head = self.lex.head(words[-1].group())
        if head is None or head[0].noun.surname:
            return m
        end = m.start + words[-2].end()
        return Mention(m.start, end, text[m.start:end], m.label, m.kind, None, m.score,
                       {**m.attrs, "split": "possessed role"})

    @staticmethod
    def _names_after_roles(doc: Document, roles: list[RoleMatch], mentions: list[Mention]) -> list[Mention]:
        """Person names the NER missed right after a role ("Generalstabschef Waleri Gerassimow"):
        up to three proper nouns (STTS NE) directly after a singular person role."""
        if not doc.tokens or not any(t.pos for t in doc.tokens):
            return []
        by_start = {t.start: i for i, t in enumerate(doc.tokens)}
        covered = _coverage(len(doc.text), ((m.start, m.end) for m in mentions))
        found = []
        for r in roles:
            if r.label != "PER" or r.plural or r.group:
                continue
            i = by_start.get(_APPOSITION_AFTER.match(doc.text, r.end).end())
            if i is None:
                continue
            j = i
            while (j < len(doc.tokens) and j - i < 3 and doc.tokens[j].pos == "NE"
                   and (j == i or doc.tokens[j].start == doc.tokens[j - 1].end + 1)):
                j += 1
            if j == i:
                continue
            start, end = doc.tokens[i].start, doc.tokens[j - 1].end
            if covered.find(1, start, end) != -1:
                continue
            found.append(Mention(start, end, doc.text[start:end], "PER", "name", score=0.5,
                                 attrs={"source": "after role"}))
            covered[start:end] = b"\x01" * (end - start)
        return found

    def _listed_names(self, doc: Document, roles: list[RoleMatch], mentions: list[Mention]) -> list[Mention]:
        """Names and aliases from the user entity file that the NER missed, where they stand as
        whole tokens ("Peskow" listed with Dmitri Peskow)."""
        if self.users is None or self.users.pattern is None or not doc.tokens:
            return []
        starts = {t.start for t in doc.tokens}
        ends = {t.end for t in doc.tokens}
        covered = _coverage(len(doc.text), [(m.start, m.end) for m in mentions] + [(r.start, r.end) for r in roles])
        found = []
        for match in self.users.pattern.finditer(doc.text):
            start, end = match.span()
            label = self.users.label_of(match.group())
            if label is None or start not in starts or end not in ends or covered.find(1, start, end) != -1:
                continue
            found.append(Mention(start, end, match.group(), label, "name", score=0.9,
                                 attrs={"source": "entity file"}))
            covered[start:end] = b"\x01" * (end - start)
        return found

    def _repeated_names(self, doc: Document, roles: list[RoleMatch], mentions: list[Mention]) -> list[Mention]:
        """Occurrences of a person's name (full, surname, genitive) that the NER missed elsewhere in
        the same document: a name found once names the same person throughout the article
        ("... mit Kremlchef Wladimir Putin ... will Putin am Samstag telefonieren")."""
        if not doc.tokens:
            return []
        variants: set[tuple[str, ...]] = set()
        first_names = self.lex.gaz.first_names
        for m in mentions:
            if m.label != "PER" or m.kind != "name":
                continue
            toks = _person_tokens(m.text, self.lex)
            if not toks or not toks[-1][:1].isupper():
                continue
            if len(toks) == 1 and len(WORD.findall(m.text)) == 1 and not (
                    m.attrs.get("country") or m.attrs.get("source") in ("after role", "entity file")):
                continue  # a lone word the NER called a person is too often a firm, club or film
            # "Horvaths Bilder" (a genitive and a noun the NER took for one name): only the whole
            # form repeats, not "Bilder"
            possessed = len(toks) > 1 and toks[-2][-1:] in ("s", "'", "’") and toks[-2] not in first_names
            for name in {toks} if possessed else {toks, toks[-1:]}:
                if len(name) == 1 and (len(name[0]) < 3 or self.lex.head(name[0]) is not None):
                    continue  # too short, or a role noun ("Richter") that is better left to the roles
                variants.add(name)
                if name[-1][-1] not in "sxzß":
                    variants.add(name[:-1] + (name[-1] + "s",))
        if not variants:
            return []
        tokens, found = doc.tokens, []
        starts = [t.start for t in tokens]
        covered = [False] * len(tokens)  # token overlaps a mention or a role phrase
        for m_start, m_end in [(m.start, m.end) for m in mentions] + [(r.start, r.end) for r in roles]:
            for k in range(max(bisect_right(starts, m_start) - 1, 0), bisect_left(starts, m_end)):
                covered[k] = covered[k] or tokens[k].end > m_start

        def loose_name_word(k: int) -> bool:
            return 0 <= k < len(tokens) and tokens[k].pos == "NE" and not covered[k]

        # a surname that also follows another uncovered proper noun ("Eva Müller" where only "Hans
        # Müller" was found) may be either person: left alone
        surnames = {v[0] for v in variants if len(v) == 1}
        for k in [k for k, t in enumerate(tokens) if t.text in surnames]:
            if loose_name_word(k - 1) and tokens[k - 1].end + 1 >= tokens[k].start:
                word = tokens[k].text
                variants -= {(word,), (word + "s",), (word[:-1],) if word.endswith("s") else ()}
        firsts = {v[0] for v in variants}
        longest = max(map(len, variants), default=0)
        # at a sentence start the capital letter says nothing: there the tagger must call it a name
        openers = {s.first_token for s in doc.sentences}
        after_last = 0
        for i in [i for i, t in enumerate(tokens) if t.text in firsts]:
            if i < after_last:
                continue  # inside the name just found
            n = next((n for n in range(min(longest, len(tokens) - i), 0, -1)
                      if tuple(t.text for t in tokens[i:i + n]) in variants), 0)
            if not n:
                continue
            after_last = i + n
            span = tokens[i:i + n]
            start, end = span[0].start, span[-1].end
            # "Paus sagte": a known surname opening a sentence before its finite verb, whatever its tag, if
            # it is no common word
            subject = i in openers and i + n < len(tokens) and tokens[i + n].pos.endswith("FIN") \
                and uncommon_word(span[0].text.lower())
            if ((subject or all(t.pos in NAME_TAGS for t in span) and (i not in openers or span[0].pos in ("NE", "")))
                    and not any(covered[i:i + n])
                    # part of a longer name the NER missed
                    and not (loose_name_word(i - 1) and tokens[i - 1].end + 1 >= start)
                    and not (loose_name_word(i + n) and tokens[i + n].start <= end + 1)):
                found.append(Mention(start, end, doc.text[start:end], "PER", "name", score=0.5,
                                     attrs={"source": "repeated name"}))
        return found

    # -- persons ---------------------------------------------------------------------------
    def _cluster_persons(self, mentions: list[Mention], clusters: list[_Cluster]) -> None:
        people = [(i, m, _person_tokens(m.text, self.lex)) for i, m in enumerate(mentions)
                  if m.label == "PER" and m.kind == "name"]
        people = [p for p in people if p[2]]
        name_words = {t for _, _, toks in people for t in toks}
        own: list[_Cluster] = []
        for i, m, toks in sorted(people, key=lambda p: (-len(p[2]), p[1].start)):
            variants = [toks]
            last = toks[-1]
            if last.endswith("s") and len(last) > 3 and last[:-1] in name_words:
                variants.insert(0, toks[:-1] + (last[:-1],))  # "Putins" where "Putin" occurs
            target = None
            for variant in variants:
                found = [c for c in own if _suffix_of(variant, c.name_tokens)]
                if found:
                    target = min(found, key=lambda c: c.nearest_before(m.start))
                    toks = variant
                    break
            if target is None:
                toks = variants[0]
                target = _Cluster("PER", toks, m.start)
                own.append(target)
            target.add(i, m, toks)
        for c in own:
            c.key = "PER:" + normalise(" ".join(c.name_tokens))
        clusters.extend(own)

    # -- organisations, places, other names --------------------------------------------------
    def _cluster_others(self, text: str, mentions: list[Mention], clusters: list[_Cluster]) -> None:
        lex = self.lex
        by_key: dict[str, _Cluster] = {}
        plain: list[tuple[int, Mention, tuple[str, ...]]] = []
        for i, m in enumerate(mentions):
            if m.kind != "name" or m.label == "PER":
                continue
            toks = tuple(WORD.findall(m.text))
            actor = lex.actor(toks)
            if actor is None and m.attrs.get("org"):
                actor = lex.actor((m.attrs["org"],))
            if actor is not None:
                key = f"{actor.label}:{normalise(actor.name)}"
                c = by_key.get(key)
                if c is None:
                    c = by_key[key] = _Cluster(actor.label, tuple(WORD.findall(actor.name)), m.start, key=key,
                                               country=actor.country, sector=actor.sector,
                                               actor_kind=actor.kind)
                    c.forms.append(actor.name)
                c.add(i, m, ())
            else:
                plain.append((i, m, toks))
        words = {t for _, _, toks in plain for t in toks}
        acronym_of: dict[str, _Cluster] = {}
        pending_short: list[tuple[int, Mention, tuple[str, ...]]] = []
        for i, m, toks in sorted(plain, key=lambda p: (-len(p[2]), p[1].start)):
            last = toks[-1]
            if last.endswith("s") and len(last) > 3 and last[:-1] in words:
                toks = toks[:-1] + (last[:-1],)
            key = f"{m.label}:{normalise(' '.join(toks))}"
            c = by_key.get(key)
            if c is None and len(toks) == 1 and toks[0] in acronym_of:
                c = acronym_of[toks[0]]
            if c is None and len(toks) == 1 and toks[0].isupper():
                pending_short.append((i, m, toks))
                continue
            if c is None:
                c = by_key[key] = _Cluster(m.label, toks, m.start, key=key)
            # a name the NER rules coded themselves ("Staatsanwaltschaft Köln": JUD, DEU)
            c.country = c.country or m.attrs.get("country")
            c.sector = c.sector or m.attrs.get("sector")
            c.add(i, m, toks)
            acronym = _ACRONYM.match(text, m.end)
            if acronym and len(toks) > 1:
                c.acronyms.add(acronym.group(1))
                acronym_of[acronym.group(1)] = c
        for acronym, long in acronym_of.items():
            # "Organisation für ... in Europa (OSZE)" where the gazetteer knows "OSZE": one entity
            known = by_key.get(f"{long.label}:{normalise(acronym)}")
            if known is not None and known is not long and known.actor_kind:
                for i, pos in zip(long.mentions, long.positions):
                    known.mentions.append(i)
                    known.positions.append(pos)
                known.first = min(known.first, long.first)
                known.forms = list(dict.fromkeys(long.forms + known.forms))
                known.name_tokens = long.name_tokens
                known.acronyms |= long.acronyms
                del by_key[long.key]
                acronym_of[acronym] = known
        for i, m, toks in pending_short:
            c = acronym_of.get(toks[0])
            if c is None:
                found = [x for x in by_key.values() if x.label == m.label and len(x.name_tokens) > 1
                         and _initials(x.name_tokens) == toks[0]]
                c = found[0] if len(found) == 1 else None
            if c is None:
                key = f"{m.label}:{normalise(toks[0])}"
                c = by_key.get(key) or by_key.setdefault(key, _Cluster(m.label, toks, m.start, key=key))
            c.add(i, m, toks if c.key.endswith(normalise(toks[0])) else ())
        clusters.extend(by_key.values())

    # -- roles -----------------------------------------------------------------------------
    @staticmethod
    def _apposition(text: str, r: RoleMatch, starts: dict[int, int], ends: dict[int, int],
                    mentions: list[Mention], names: list[int], name_index: SpanIndex) -> int | None:
        """The PER name mention a role phrase stands in apposition to, if any (``names``: the
        indices of the person-name mentions, ``name_index``: their spans)."""
        if r.label != "PER" or r.plural or r.group:
            return None
        inside = name_index.containing(r.head_start, r.head_start + 1)
        if inside:
            return names[inside[0][2]]  # the NER took the title into the name: "Präsident Putin"
        gap = _APPOSITION_AFTER.match(text, r.end)
        after = starts.get(gap.end())
        if after is None:  # "Der Präsident des Verbands, Herbert Quandel, …"
            gap = _GENITIVE_BEFORE_APPOSITION.match(text, r.end) or gap
            after = starts.get(gap.end())
        if after is not None:
            if "," not in gap.group():
                return after
            # "die Sprecherin des Ministeriums, Maria Sacharowa, warf ..." closes the apposition;
            # "sagte der Präsident, Putin habe ..." starts a new clause
            rest = text[mentions[after].end:mentions[after].end + 2].lstrip()
            if not rest or rest[0] in ",;.)":
                return after
        # "Maria Sacharowa, Sprecherin des Außenministeriums," / "Putin, der Kremlchef, sagte"
        if r.determiner is None or (r.determiner == "def" and text[r.end:r.end + 1] == ","):
            j = r.start - 1
            if r.determiner == "def":
                j = text.rfind(" ", 0, r.start - 1)
            while j >= 0 and text[j] == " ":
                j -= 1
            if j >= 0 and text[j] == ",":
                k = j
                while k > 0 and text[k - 1] == " ":
                    k -= 1
                return ends.get(k)
        return None

    @staticmethod
    def _code_from_possessor(text: str, r: RoleMatch, ends: dict[int, int], mentions: list[Mention],
                             by_mention: dict[int, _Cluster]) -> None:
        """"Putins Sprecher": a role owned by a coded person takes that person's country."""
        if r.country is not None or r.label != "PER" or r.determiner is not None:
            return
        owner_idx = ends.get(r.start - 1)
        if owner_idx is None or text[r.start - 1] != " " or mentions[owner_idx].text[-1:] not in "s'’":
            return
        owner = by_mention.get(owner_idx)
        if owner is None:
            return
        # the owner's codes from its roles, else from the gazetteer (persons.tsv) via its mentions
        listed = next((mentions[i].attrs for i in owner.mentions if mentions[i].attrs.get("country")), {})
        country, sector = owner.country or listed.get("country"), owner.sector or listed.get("sector")
        if country:
            r.country = country
            r.sector = r.sector or sector

    @staticmethod
    def _code_from_roles(c: _Cluster) -> None:
        if c.label != "PER" or c.role_only:
            return
        for r in c.roles:
            c.country = c.country or r.country
            c.sector = c.sector or r.sector

    @staticmethod
    def _code_from_gazetteer(c: _Cluster, mentions: list[Mention]) -> None:
        """A known political actor (gazetteer persons.tsv) keeps its listed country and sector
        where no role in the text coded it."""
        if c.label != "PER" or c.role_only:
            return
        for i in c.mentions:
            attrs = mentions[i].attrs
            c.country = c.country or attrs.get("country")
            c.sector = c.sector or attrs.get("sector")

    @staticmethod
    def _resolve_bare(r: RoleMatch, clusters: list[_Cluster]) -> _Cluster | None:
        """The person in the document holding the role of a bare mention (same office, country
        and grammatical gender), nearest before it."""
        def holds(c: _Cluster) -> bool:
            for x in c.roles:
                if x.feminine != r.feminine:
                    continue
                if x.key == r.key or (x.country is None and role_key(x.canonical, c.country) == r.key):
                    return True
                if r.country is None and r.org is None and x.canonical == r.canonical:
                    return True
            return False

        found = [c for c in clusters if c.label == "PER" and not c.role_only and c.roles and holds(c)]
        if not found:
            return None
        return min(found, key=lambda c: c.nearest_before(r.start))

    @staticmethod
    def _role_cluster(r: RoleMatch, clusters: list[_Cluster]) -> _Cluster:
        key = "ROLE:" + r.key
        for c in clusters:
            if c.key == key:
                c.roles.append(r)
                return c
        c = _Cluster(r.label, (), r.start, key=key, country=r.country, sector=r.sector, role_only=True)
        c.forms.append(r.text)
        c.roles.append(r)
        clusters.append(c)
        return c

    def _entity(self, c: _Cluster) -> Entity:
        roles = list(dict.fromkeys(r.text for r in c.roles))
        if c.role_only:
            name = c.roles[0].text
        elif c.actor_kind:
            name = c.forms[0]
            if len(c.name_tokens) > len(WORD.findall(name)):
                name = " ".join(c.name_tokens)
        else:
            name = " ".join(c.name_tokens)
        forms = list(dict.fromkeys(c.forms + sorted(c.acronyms)))
        ent = Entity(c.label, name, forms=forms, roles=roles, country=c.country, sector=c.sector,
                     key=c.key)
        if c.role_only:
            ent.attrs["role_only"] = True
            ent.attrs["role_key"] = c.roles[0].key
        if c.actor_kind:
            ent.attrs["actor"] = c.actor_kind
        if self.users is not None and not c.role_only:
            user = self.users.find(c.label, [name, *forms])
            if user is not None:
                ent.external_id = user.external_id
                ent.name = user.name
                ent.key = "EXT:" + user.id
                ent.country = user.country or ent.country
                ent.sector = user.sector or ent.sector
        return ent


def _role_attrs(r: RoleMatch) -> dict[str, Any]:
    attrs: dict[str, Any] = {"role": r.text, "canonical": r.canonical, "role_key": r.key}
    for name in ("country", "sector", "org", "determiner"):
        value = getattr(r, name)
        if value is not None:
            attrs[name] = value
    for name in ("anonymous", "plural", "group", "generic", "former", "deputy"):
        if getattr(r, name):
            attrs[name] = True
    return attrs


@component("entities.rules", layer="entities", version=VERSION)
def make(config):
    # "model" is what `chronik run --component entities=entities.rules:FILE` passes
    path = config.get("entity_file") or config.get("model")
    users = UserIndex(load_entity_file(path)) if path else None
    consolidator = DocumentConsolidator(default_lexicon(), users)
    if path:
        # the file's digest joins the version: analyses made with another file are re-done on the
        # next run and stay told apart in the store
        consolidator.variant = "entities-" + hashlib.sha1(Path(path).read_bytes()).hexdigest()[:10]
    return consolidator


# ---------------------------------------------------------------------- corpus consolidation
# A bare role resolves to the holder attested in the nearest month (ties: most attestations that
# month), looking at most this many months before or after the article's month.
ROLE_WINDOW_MONTHS = 12
# sectors of offices one person holds at a time, so a bare country-less mention may be resolved
OFFICE_SECTORS = ("GOV", "MIL")
DOMINANT_SHARE = 3  # a short name joins the most frequent full name if it has 3x the runner-up's docs


def _entity_id(key: str) -> str:
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def _merge_keys(rows: list[tuple[str, str, int, str, str | None]]) -> dict[str, str]:
    """key -> root key.  rows: (key, label, n_docs, name, external_id).

    Persons: a key whose name tokens end another key's tokens joins it when that is unambiguous
    ("PER:putin" -> "PER:wladimir putin"); a genitive "PER:putins" joins "PER:putin"'s group.
    Entities linked to the same external id form one group.
    """
    parent: dict[str, str] = {}
    info = {r[0]: r for r in rows}

    def root(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, label, n_docs, name, ext in rows:
        parent[key] = key
        if label == "PER" and key.startswith("PER:"):
            toks = tuple(key[4:].split())
            if toks:
                by_last.setdefault(toks[-1], []).append((toks, key))
    by_ext: dict[str, str] = {}
    for key, _, _, _, ext in sorted(rows, key=lambda r: (-r[2], r[0])):
        if ext:
            if ext in by_ext:
                parent[key] = by_ext[ext]
            else:
                by_ext[ext] = key

    def longer(toks: tuple[str, ...]) -> list[str]:
        return [k for t, k in by_last.get(toks[-1], ()) if len(t) > len(toks) and t[-len(toks):] == toks]

    for toks, key in sorted(((t, k) for lst in by_last.values() for t, k in lst), key=lambda x: len(x[0])):
        if info[key][4]:
            continue  # user-linked entities stay as the user linked them
        cands = longer(toks)
        if not cands and toks[-1].endswith("s") and len(toks[-1]) > 3:
            # a genitive ("Putins", "Wladimir Putins") with no other match
            stripped = toks[:-1] + (toks[-1][:-1],)
            cands = longer(stripped) or [k for t, k in by_last.get(stripped[-1], ()) if t == stripped]
        if not cands:
            continue
        roots = {}
        for k in cands:
            r = root(k)
            roots[r] = roots.get(r, 0) + info[k][2]
        ranked = sorted(roots.items(), key=lambda x: -x[1])
        if len(ranked) == 1 or ranked[0][1] >= DOMINANT_SHARE * ranked[1][1]:
            parent[key] = ranked[0][0]
    return {k: root(k) for k in parent}


def consolidate_corpus(store) -> None:
    """Corpus-wide entities from ``doc_entities``: ids, merged names, roles with dates, bare roles
    resolved by date, and entity ids written back to mentions, doc_entities and quotes."""
    import pyarrow as pa

    con = store.con
    started = time.perf_counter()
    rows = con.execute(
        "SELECT key, mode(label), count(DISTINCT doc_id), arg_max(name, length(name)), max(external_id) "
        "FROM doc_entities WHERE key IS NOT NULL AND key <> '' AND key NOT LIKE 'ROLE:%' GROUP BY key"
    ).fetchall()
    roots = _merge_keys(rows)
    info = {r[0]: r for r in rows}
    # canonical name of a group: its longest name; ties to the root key's name, then the most documents
    best: dict[str, tuple] = {}
    for key, rt in roots.items():
        _, _, n_docs, name, _ = info[key]
        rank = (len(name.split()), key == rt, n_docs, name)
        if rt not in best or rank > best[rt]:
            best[rt] = rank
    # a country-less bare office ("ROLE:außenminister|") names no one unless resolved by date below
    role_keys = [r[0] for r in con.execute(
        "SELECT DISTINCT key FROM doc_entities WHERE key LIKE 'ROLE:%' AND key NOT LIKE '%|'").fetchall()]
    keys = list(roots) + role_keys
    con.register("_entity_key_map", pa.table({
        "key": keys,
        "entity_id": [_entity_id(roots[k]) for k in roots] + [_entity_id(k) for k in role_keys],
    }, schema=pa.schema([("key", pa.string()), ("entity_id", pa.string())])))
    con.register("_entity_names", pa.table({
        "entity_id": [_entity_id(rt) for rt in best],
        "name": [rank[3] for rank in best.values()],
    }, schema=pa.schema([("entity_id", pa.string()), ("name", pa.string())])))
    roles = [r[0] for r in con.execute(
        "SELECT DISTINCT unnest(from_json(roles, '[\"VARCHAR\"]')) FROM doc_entities "
        "WHERE roles IS NOT NULL AND roles <> '[]'").fetchall()]
    parsed = [_parse_role(r) for r in roles]
    con.register("_role_map", pa.table({
        "role": roles, "canonical": [p[0] for p in parsed], "country": [p[1] for p in parsed],
        "feminine": [p[2] for p in parsed],
    }, schema=pa.schema([("role", pa.string()), ("canonical", pa.string()), ("country", pa.string()),
                         ("feminine", pa.bool_())])))
    with store.transaction():
        con.execute("UPDATE doc_entities SET entity_id = m.entity_id FROM _entity_key_map m "
                    "WHERE doc_entities.key = m.key")
        con.execute("UPDATE doc_entities SET entity_id = NULL WHERE key LIKE 'ROLE:%|'")
        con.execute("DELETE FROM entity_roles")
        con.execute("""
            INSERT INTO entity_roles (entity_id, role, doc_id, date_value, date_earliest, date_latest, role_key)
            SELECT r.entity_id, r.role, r.doc_id, d.date_value, d.date_earliest, d.date_latest,
                   lower(rm.canonical) || '|' || coalesce(rm.country, r.country, '')
            FROM (SELECT entity_id, doc_id, country,
                         unnest(from_json(roles, '["VARCHAR"]')) AS role
                  FROM doc_entities
                  WHERE key NOT LIKE 'ROLE:%' AND roles IS NOT NULL AND roles <> '[]') r
            JOIN documents d ON d.id = r.doc_id
            LEFT JOIN _role_map rm ON rm.role = r.role
        """)
        # bare roles ("der Kremlchef") with no holder in their document: the holder the corpus
        # attests nearest to the article's month, within ROLE_WINDOW_MONTHS.  A feminine bare role
        # ("die Bundeskanzlerin") names a holder attested with a feminine form; a masculine one may
        # be the generic masculine and names any holder.  A bare role that names no country
        # ("die Außenministerin", key "außenminister|") matches holders the corpus also titled
        # without a country ("Außenministerin Annalena Baerbock", stored as "außenminister|DEU").
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _role_resolution AS
            WITH holders AS (
                -- attestations per holder and month (months numbered year * 12 + month)
                SELECT er.entity_id, er.role_key,
                       CASE WHEN rm.country IS NULL THEN split_part(er.role_key, '|', 1) || '|' END AS plain_key,
                       year(er.date_earliest) * 12 + month(er.date_earliest) AS mon,
                       count(*) AS n, coalesce(bool_or(rm.feminine), false) AS feminine
                FROM entity_roles er LEFT JOIN _role_map rm ON rm.role = er.role
                WHERE er.date_earliest IS NOT NULL GROUP BY ALL),
            bare AS (
                SELECT de.doc_id, de.idx, substr(de.key, 6) AS role_key,
                       year(d.date_earliest) * 12 + month(d.date_earliest) AS mon,
                       coalesce(rm.feminine, false) AS feminine
                FROM doc_entities de JOIN documents d ON d.id = de.doc_id
                     LEFT JOIN _role_map rm ON rm.role = de.name
                WHERE de.key LIKE 'ROLE:%' AND de.label = 'PER' AND d.date_earliest IS NOT NULL),
            -- resolve each (role, month, gender) once: many articles share it
            slots AS (SELECT DISTINCT role_key, mon, feminine FROM bare),
            best AS (
                SELECT s.role_key, s.mon, s.feminine, h.entity_id
                FROM slots s JOIN holders h ON (h.role_key = s.role_key OR h.plain_key = s.role_key)
                     AND (h.feminine OR NOT s.feminine)
                     AND h.mon BETWEEN s.mon - {ROLE_WINDOW_MONTHS} AND s.mon + {ROLE_WINDOW_MONTHS}
                QUALIFY row_number() OVER (PARTITION BY s.role_key, s.mon, s.feminine
                                           ORDER BY abs(h.mon - s.mon), h.n DESC, h.entity_id) = 1)
            SELECT b.doc_id, b.idx, best.entity_id FROM bare b JOIN best USING (role_key, mon, feminine)
        """)
        con.execute("UPDATE doc_entities SET entity_id = r.entity_id FROM _role_resolution r "
                    "WHERE doc_entities.doc_id = r.doc_id AND doc_entities.idx = r.idx")
        con.execute("UPDATE mentions SET entity_id = de.entity_id FROM doc_entities de "
                    "WHERE mentions.doc_id = de.doc_id AND mentions.doc_entity = de.idx")
        con.execute("UPDATE quotes SET source_entity_id = de.entity_id FROM doc_entities de "
                    "WHERE quotes.doc_id = de.doc_id AND quotes.source_doc_entity = de.idx")
        con.execute("UPDATE quotes SET addressee_entity_id = de.entity_id FROM doc_entities de "
                    "WHERE quotes.doc_id = de.doc_id AND quotes.addressee_doc_entity = de.idx")
        con.execute("DELETE FROM entities")
        con.execute("""
            INSERT INTO entities (id, label, name, forms, country, sector, external_id, n_docs, n_mentions)
            WITH g AS (
                SELECT de.entity_id,
                       mode(de.label) AS label,
                       arg_max(de.name, length(de.name)) AS longest,
                       mode(de.country) FILTER (WHERE de.country IS NOT NULL) AS country,
                       mode(de.sector) FILTER (WHERE de.sector IS NOT NULL) AS sector,
                       max(de.external_id) AS external_id,
                       count(DISTINCT de.doc_id) AS n_docs
                FROM doc_entities de WHERE de.entity_id IS NOT NULL GROUP BY de.entity_id),
            f AS (
                SELECT entity_id, to_json(list(DISTINCT form ORDER BY form)) AS forms
                FROM (SELECT entity_id, unnest(from_json(forms, '["VARCHAR"]')) AS form
                      FROM doc_entities WHERE entity_id IS NOT NULL)
                GROUP BY entity_id),
            m AS (SELECT entity_id, count(*) AS n FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id)
            SELECT g.entity_id, g.label, coalesce(nm.name, g.longest), f.forms, g.country, g.sector,
                   g.external_id, g.n_docs, coalesce(m.n, 0)
            FROM g LEFT JOIN f USING (entity_id) LEFT JOIN m USING (entity_id)
                   LEFT JOIN _entity_names nm USING (entity_id)
        """)
    for name in ("_entity_key_map", "_entity_names", "_role_map"):
        con.unregister(name)
    log.info("entities consolidated in %.1f s", time.perf_counter() - started)


def _parse_role(role: str) -> tuple[str, str | None, bool]:
    """(canonical, country, feminine) of a stored role phrase ("US-Präsident" -> ("Präsident", "USA", False))."""
    matches = find_roles(role)
    if not matches:
        return role, None, False
    best = max(matches, key=lambda r: r.end - r.start)
    return best.canonical, best.country, best.feminine
