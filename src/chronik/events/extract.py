"""Rule-based PLOVER event extraction from German sentences.

Per sentence: split into clauses at punctuation; find triggers (verb forms, nouns and their
compounds); give each trigger a modality from the cues and tenses of its clause and of the clause
that governs it (", ... zu verlegen", ", dass ..."); assign actors from the mention layer by
position and preposition (a light dependency approximation: the first bare noun phrase is the
subject, later bare ones are objects, prepositional ones get roles from ``roles.tsv``); attach the
time expression of the clause, quantities and the enclosing quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from ..doc import Actor, Document, Event, Mention, Quantity
from .lexicon import Lexicon, Trigger

_BOUNDARY = {",", ";", ":", "–", "—", "(", ")", "„", "“", "”", "\"", "»", "«", "‚", "‘", "[", "]"}
_CLAUSE_END_WORDS = {"und", "oder", "aber", "sowie", "sondern", "denn"}
_COMPLEMENTIZERS = {"dass", "ob", "um"}
_PREPS = {
    "mit": "mit", "gegen": "gegen", "zwischen": "zwischen", "von": "von", "vom": "von", "in": "in",
    "im": "in", "ins": "in", "an": "an", "am": "an", "ans": "an", "bei": "bei", "beim": "bei",
    "auf": "auf", "nach": "nach", "aus": "aus", "für": "für", "über": "über", "vor": "vor",
    "wegen": "wegen", "durch": "durch", "seitens": "seitens", "zu": "zu", "zum": "zu", "zur": "zu",
    "unter": "unter", "gegenüber": "gegenüber", "um": "um", "ohne": "ohne", "seit": "seit",
    "laut": "laut", "trotz": "trotz", "innerhalb": "innerhalb", "außerhalb": "außerhalb",
}
_DETERMINERS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "dessen", "deren", "diese", "dieser", "diesen", "diesem", "dieses",
}
_COORD = {"und", "sowie", "oder", "&"}
_TOPIC_TYPES = {"AGREE", "CONCEDE"}  # outcomes that talks are about, not events of their own
_COORD_CLAUSE = {"und", "oder", "aber", "sondern", "sowie"}
_GENITIVE_DETS = {"des", "der", "eines", "einer"}
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_TIME_RELATIONS = {"vor": "before", "bis": "before", "spätestens": "before", "nach": "after",
                   "ab": "after", "frühestens": "after", "seit": "since"}
# Actor-bearing mentions: names of people, organisations and places, and role, pronoun and
# demonym mentions that the entity layer linked to an entity.
_ACTOR_LABELS = {"PER", "ORG", "LOC", "GPE"}
_MODALITY_RANK = ["denied", "negated", "possible", "demanded", "proposed", "announced", "planned"]
_OBJECTIVE_GENITIVE_TYPES = {"ASSAULT"}
# a separable verb's zu-infinitive written as one word: "aufzunehmen", "abzuziehen", "einzustellen"
_FUSED_ZU_INFINITIVE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|fort|her|herbei|hin|mit|nach|vor|weg|weiter|wieder|zu|zurück|zusammen)"
    r"zu[a-zäöüß]{2,}e?n")
_NO_QUANTITY_TYPES = {"CONSULT", "ACCUSE", "REJECT", "REQUEST", "AGREE", "THREATEN"}


@dataclass(slots=True)
class _Clause:
    first: int  # doc token index
    end: int  # exclusive
    complement: bool  # ", ... zu verlegen" / ", dass ..." — governed by an earlier clause


@dataclass(slots=True)
class _Found:
    token: int
    trigger: Trigger
    tags: set[str]
    clause: int
    head_modality: str | None = None  # from a compound head: Angriffs|pläne -> planned
    particle: int | None = None
    needs_target: bool = False  # only an event if it has a target ("Macron traf Scholz")


@dataclass(slots=True)
class _Unit:
    """One actor in the text: a mention, or adjacent mentions of the same entity."""

    mention: Mention
    first: int  # doc token index
    last: int  # inclusive
    start: int
    end: int
    clause: int
    prep: str | None = None
    prep_token: int | None = None
    dative: bool = False
    coordinated: bool = False
    genitive_of: int | None = None  # token index of the noun it belongs to as genitive (-1: a later noun)
    noun_head: int | None = None  # noun trigger whose prepositional phrase this is
    group: int = -1
    title: Mention | None = None  # a role or noun directly before the name ("Waffenhändler")
    head_end: int | None = None  # end of the noun a demonym adjective qualifies ("Behörden")


@dataclass(slots=True)
class _Sentence:
    index: int
    first: int
    end: int
    lower: list[str] = field(default_factory=list)
    clauses: list[_Clause] = field(default_factory=list)
    clause_of: list[int] = field(default_factory=list)  # per token of the sentence


class Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.quantity_re = _quantity_regex(lex)

    # -- document ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> list[Event]:
        events: list[Event] = []
        if not doc.tokens or not doc.sentences:
            return events
        mentions = [m for m in doc.mentions if self._is_actor(doc, m)]
        mentions += self._pronouns(doc, mentions) + self._generic_actors(doc)
        mentions.sort(key=lambda m: (m.start, -m.end))
        mention_starts = [m.start for m in mentions]
        token_starts = [t.start for t in doc.tokens]
        timex_starts = sorted((t.start, i) for i, t in enumerate(doc.timexes))
        quote_of = _QuoteLookup(doc)
        for s_idx, sent in enumerate(doc.sentences):
            info = self._sentence(doc, s_idx, sent.first_token, sent.end_token)
            found = self._triggers(doc, info)
            found = [f for f in found if not self._topic_of_talks(doc, info, f, found)]
            if not found:
                continue
            lo, hi = bisect_left(mention_starts, sent.start), bisect_left(mention_starts, sent.end)
            t_lo = bisect_left(timex_starts, (sent.start, -1))
            t_hi = bisect_left(timex_starts, (sent.end, -1))
            timexes = [i for _, i in timex_starts[t_lo:t_hi]]
            units = self._units(doc, info, mentions[lo:hi], token_starts, found, timexes)
            built = [(f, self._event(doc, info, f, found, units, timexes, quote_of)) for f in found]
            self._governed(doc, info, built)
            events.extend(ev for f, ev in built if not f.needs_target or ev.targets)
        return events

    def _governed(self, doc: Document, info: _Sentence, built: list[tuple[_Found, Event]]) -> None:
        """A noun event without an agent, governed by a verb event of its clause, takes its
        actors from the verb's (``governed.tsv``): "Die EU drohte Belarus mit Sanktionen"."""
        for f, ev in built:
            if f.trigger.pos != "N" or ev.sources:
                continue
            via = self._preposition_before(doc, info, f.token)
            for g, gev in built:
                if g.trigger.pos != "V" or g.clause != f.clause:
                    continue
                rule = self.lex.governed.get((g.trigger.type, via))
                if rule is None:
                    continue
                source_from, target_from, verb_modality = rule
                ev.sources = list(gev.sources if source_from == "source" else gev.targets)
                if target_from and not ev.targets:
                    ev.targets = list(gev.sources if target_from == "source" else gev.targets)
                if verb_modality:
                    ev.modality = gev.modality
                    ev.attrs.pop("cue", None)
                ev.attrs["actors_from"] = gev.attrs["trigger_text"]
                break

    def _preposition_before(self, doc: Document, info: _Sentence, token: int) -> str:
        """The preposition a noun's phrase opens with ("mit neuen Sanktionen" -> mit), or "-"."""
        j = token - 1
        while j >= info.first and token - j <= 4:
            w = info.lower[j - info.first]
            if w in _PREPS:
                return _PREPS[w]
            text = doc.tokens[j].text
            if not (text.isalpha() and text.islower()) or w in self.lex.verb_forms or w in self.lex.tense_words:
                break
            j -= 1
        return "-"

    def _generic_actors(self, doc: Document) -> list[Mention]:
        """Common nouns naming an actor ("die Polizei", "Tausende Menschen"; ``generic_actors.tsv``)
        where no mention covers them, nor a demonym before them ("die russische Polizei": that
        demonym is the actor, coded with the noun's sector)."""
        covered = sorted((m.start, m.end) for m in doc.mentions)
        starts = [s for s, _ in covered]
        # end offset -> latest start of a demonym mention ending there ("französischen Behörden")
        demonym_start: dict[int, int] = {}
        for m in doc.mentions:
            if m.kind == "demonym":
                demonym_start[m.end] = max(m.start, demonym_start.get(m.end, m.start))
        out = []
        for i, tok in enumerate(doc.tokens):
            sector = self.lex.generic_actors.get(tok.text)
            if sector is None:
                continue
            k = bisect_right(starts, tok.start) - 1
            if k >= 0 and covered[k][1] > tok.start:
                continue
            if i and demonym_start.get(doc.tokens[i - 1].end, -1) >= doc.tokens[i - 1].start:
                continue
            out.append(Mention(tok.start, tok.end, tok.text, "ORG", "role", attrs={"sector": sector, "generic": True}))
        return out

    def _pronouns(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Third-person singular pronouns the mention layer left unresolved, as actors: a subject
        pronoun ("Dort traf er Selenskyj") names the first person of the nearest earlier sentence
        that names one (its likely subject), an object pronoun ("warf ihm vor") the last other one."""
        covered = {m.start for m in mentions}
        people: dict[int, list[Mention]] = {}  # sentence -> person mentions linked to an entity
        for m in mentions:
            if m.label == "PER" and m.entity is not None and m.kind != "pronoun":
                s = doc.sentence_of(m.start)
                if s is not None:
                    people.setdefault(s, []).append(m)
        if not people:
            return []
        out: list[Mention] = []
        for s_idx, sent in enumerate(doc.sentences):
            for i in range(sent.first_token, sent.end_token):
                tok = doc.tokens[i]
                case = self.lex.pronouns.get(tok.text.lower())
                if case is None or tok.start in covered or (tok.pos and tok.pos != "PPER"):
                    continue
                if "Case=" in tok.morph:
                    case = "nom" if "Case=Nom" in tok.morph else "obj"
                if tok.text.lower() == "sie" and not self._singular_clause(doc, sent, i):
                    continue  # "sie" is also "they"
                earlier = next((people[k] for k in range(s_idx - 1, max(s_idx - 4, -1), -1) if k in people), None)
                if not earlier:
                    continue
                if case == "nom":
                    antecedent = earlier[0]
                else:
                    others = [m for m in earlier if m.entity != earlier[0].entity]
                    if not others:
                        continue
                    antecedent = others[-1]
                out.append(Mention(tok.start, tok.end, tok.text, "PER", "pronoun", antecedent.entity,
                                   attrs={"antecedent": antecedent.text}))
        return out

    @staticmethod
    def _singular_clause(doc: Document, sent, i: int) -> bool:
        """Whether the nearest finite verb around token ``i`` is singular."""
        near = sorted(range(sent.first_token, sent.end_token), key=lambda j: abs(j - i))
        for j in near[:6]:
            tok = doc.tokens[j]
            if tok.pos.endswith("FIN"):
                return "Number=Sing" in tok.morph
        return False

    def _is_actor(self, doc: Document, m: Mention) -> bool:
        if m.kind in ("role", "pronoun", "demonym"):
            return m.entity is not None or (m.kind != "pronoun" and bool(m.attrs.get("country")
                                                                          or m.attrs.get("generic")))
        return m.label in _ACTOR_LABELS

    # -- sentences and clauses ------------------------------------------------------------------
    def _sentence(self, doc: Document, s_idx: int, first: int, end: int) -> _Sentence:
        info = _Sentence(s_idx, first, end, [t.text.lower() for t in doc.tokens[first:end]])
        start = first
        for i in range(first, end):
            if doc.tokens[i].text in _BOUNDARY:
                self._close_clause(doc, info, start, i)
                start = i + 1
                info.clause_of.append(max(len(info.clauses) - 1, 0))
            else:
                info.clause_of.append(len(info.clauses))
        self._close_clause(doc, info, start, end)
        return info

    def _close_clause(self, doc: Document, info: _Sentence, start: int, end: int) -> None:
        if end <= start:
            return
        words = info.lower[start - info.first:end - info.first]
        fused_zu = any(_FUSED_ZU_INFINITIVE.fullmatch(doc.tokens[j].text) for j in range(start, end))
        complement = words[0] in _COMPLEMENTIZERS or fused_zu or self._has_zu_infinitive(words)
        info.clauses.append(_Clause(start, end, complement and bool(info.clauses)))

    def _has_zu_infinitive(self, words: list[str]) -> bool:
        for i, w in enumerate(words):
            if w == "zu" and i + 1 < len(words) and words[i + 1].endswith("n") and words[i + 1].isalpha():
                return True
            if any(r.tag == "zuinf" for r in self.lex.verb_forms.get(w, ())):
                return True
        return False

    # -- triggers ---------------------------------------------------------------------------------
    def _triggers(self, doc: Document, info: _Sentence) -> list[_Found]:
        found: list[_Found] = []
        for i in range(info.first, info.end):
            tok = doc.tokens[i]
            text = tok.text
            if not text[0].isalpha():
                continue
            clause = info.clause_of[i - info.first]
            if text[0].islower() or i == info.first:
                hit = self._verb(doc, info, i, text if text[0].islower() else text.lower(), clause)
                if hit:
                    found.append(hit)
                    continue
            if text[0].isupper():
                hit = self._noun(doc, info, i, text, clause)
                if hit:
                    found.append(hit)
        return found

    def _verb(self, doc: Document, info: _Sentence, i: int, text: str, clause: int) -> _Found | None:
        readings = self.lex.verb_forms.get(text)
        tok = doc.tokens[i]
        if not readings and tok.lemma and tok.pos.startswith("V"):
            readings = [r for r in self.lex.verb_forms.get(tok.lemma, ()) if not r.split]
        if not readings:
            return None
        cl = info.clauses[clause] if clause < len(info.clauses) else None
        chosen, tags, particle = None, set(), None
        for r in readings:
            if r.split:
                p = self._particle_after(doc, info, i, cl, r.trigger.particle)
                if p is None:
                    continue
                if chosen is None:
                    chosen, particle = r.trigger, p
            elif chosen is None:
                chosen = r.trigger
            if r.trigger == chosen:
                tags.add(r.tag)
        if chosen is None:
            return None
        met = self._requirements_met(doc, info, cl, chosen, i)
        if met is False:
            return None
        if "inf" in tags and i > info.first and info.lower[i - 1 - info.first] == "zu":
            tags = {"zuinf"}
        morph = tok.morph
        if morph:
            if "VerbForm=Part" in morph:
                tags = {"part"}
            elif "Tense=Past" in morph:
                tags = {"past"}
            elif "VerbForm=Inf" in morph and "zuinf" not in tags:
                # "hat … Lula empfangen": a participle like the infinitive, read as one after haben/sein
                perfect = "part" in tags and cl is not None and any(
                    self.lex.tense_words.get(w, ("", ""))[1] in ("haben", "sein")
                    for w in info.lower[cl.first - info.first:cl.end - info.first])
                tags = {"part"} if perfect else {"inf"}
        return _Found(i, chosen, tags, clause, particle=particle, needs_target=met is None)

    def _particle_after(self, doc: Document, info: _Sentence, i: int, cl: _Clause | None,
                        particle: str | None) -> int | None:
        end = cl.end if cl else info.end
        for j in range(i + 1, end):
            if info.lower[j - info.first] == particle:
                nxt = info.lower[j + 1 - info.first] if j + 1 < info.end else "."
                if j + 1 >= end or nxt in _CLAUSE_END_WORDS or nxt in (".", "!", "?"):
                    return j
        return None

    def _requirements_met(self, doc: Document, info: _Sentence, cl: _Clause | None, trig: Trigger,
                          i: int) -> bool | None:
        """True when a required word is in the clause; None when only a target can still satisfy
        the trigger ("+target"); False otherwise."""
        if not trig.requires:
            return True
        lo, hi = (cl.first, cl.end) if cl else (info.first, info.end)
        for j in range(lo, hi):
            if j == i:
                continue
            w = doc.tokens[j].text
            if any(w == r or (r[0].isupper() and w.endswith(r.lower())) or w.endswith(r)
                   for r in trig.requires if r != "+target"):
                return True
        return None if "+target" in trig.requires else False

    def _noun(self, doc: Document, info: _Sentence, i: int, text: str, clause: int) -> _Found | None:
        lex = self.lex
        lower = text.lower()
        if any(lower.endswith(w) for w in lex.not_triggers):
            return None
        if i > info.first and (info.lower[i - 1 - info.first], lower) in lex.idioms:
            return None  # "in Angriff nehmen", "ins Gespräch bringen"
        trig = lex.noun_forms.get(lower)
        head = None
        if trig is None:
            for suffix, t in lex.noun_suffixes:
                if lower.endswith(suffix) and len(lower) >= len(suffix) + 3:
                    rest = lower[: -len(suffix)]
                    if rest not in ("ver", "be", "ent", "zer", "ge", "un", "er"):
                        trig = t
                        break
        if trig is None:
            for stem, t in lex.noun_stems:
                if lower.startswith(stem):
                    rest = lower[len(stem):].lstrip("-")
                    if rest.startswith("es") and rest[2:] in lex.compound_heads:
                        rest = rest[2:]
                    elif rest.startswith("s") and rest[1:] in lex.compound_heads:
                        rest = rest[1:]
                    if rest in lex.compound_heads:
                        trig, head = t, lex.compound_heads[rest]
                        break
        if trig is None:
            return None
        cl = info.clauses[clause] if clause < len(info.clauses) else None
        if not self._requirements_met(doc, info, cl, trig, i):
            return None
        if cl is not None:
            trig = self._reversed(doc, cl, trig, i)
        return _Found(i, trig, {"noun"}, clause, head_modality=head)

    def _reversed(self, doc: Document, cl: _Clause, trig: Trigger, i: int) -> Trigger:
        """The event a clause verb turns the noun into ("die Sanktionen aufheben": CONCEDE), or ``trig``.
        The verb (and its separated particle) must not be behind a coordinator from the noun."""
        toks = doc.tokens
        for j in range(cl.first, cl.end):
            if not toks[j].pos.startswith("VV") or not toks[j].lemma:
                continue
            lemma, reach = toks[j].lemma.lower(), j
            new = self.lex.reversals.get((trig.type, lemma))
            if new is None:
                k = next((k for k in range(j + 1, cl.end) if toks[k].pos == "PTKVZ"), None)
                if k is None:
                    continue
                new = self.lex.reversals.get((trig.type, toks[k].text.lower() + lemma))
                reach = k
            lo, hi = min(i, j, reach), max(i, j, reach)
            if new is None or any(toks[t].text.lower() in _COORD_CLAUSE for t in range(lo, hi)):
                continue
            etype, mode, family = new
            return Trigger(trig.lemma, trig.pos, etype, mode, trig.particle, trig.requires, family)
        return trig

    # -- actors -----------------------------------------------------------------------------------
    def _units(self, doc: Document, info: _Sentence, mentions: list[Mention],
               token_starts: list[int], found: list[_Found], timexes: list[int]) -> list[_Unit]:
        noun_triggers = {f.token for f in found if f.trigger.pos == "N"}
        timex_spans = [(doc.timexes[t].start, doc.timexes[t].end) for t in timexes]
        units: list[_Unit] = []
        for m in mentions:
            first = bisect_right(token_starts, m.start) - 1
            last = bisect_left(token_starts, m.end) - 1
            if first < info.first or last >= info.end or first > last:
                continue
            if units and m.start < units[-1].end:  # nested or overlapping: keep the outer one
                continue
            prev = units[-1] if units else None
            if (prev and m.entity is not None and prev.mention.entity == m.entity
                    and not doc.text[prev.end:m.start].strip()):
                prev.last, prev.end = last, m.end
                continue
            if prev and self._is_title_of(doc, prev, m):
                # "die US-Basketballspielerin Brittney Griner": one actor, the person
                prev.title, prev.mention = prev.mention, m
                prev.last, prev.end = last, m.end
                continue
            units.append(_Unit(m, first, last, m.start, m.end, info.clause_of[first - info.first]))
        group = -1
        for k, u in enumerate(units):
            j = u.first - 1
            skipped_only_genitive = True
            capitals = 0  # head nouns skipped: "im deutschen Bundesland Mecklenburg-Vorpommern"
            after_coordinator = False
            while j >= info.first and u.first - j <= 5:
                if k and units[k - 1].first <= j <= units[k - 1].last:
                    break  # another actor: "in Vilnius US-Präsident Biden" is no phrase of "in"
                w = info.lower[j - info.first]
                tok = doc.tokens[j]
                text = tok.text
                if w in _PREPS:
                    u.prep, u.prep_token = _PREPS[w], j
                    break
                if w in _COORD:
                    prev = units[k - 1] if k else None
                    u.coordinated = bool(prev) and prev.last == j - 1
                    if u.coordinated or after_coordinator:
                        break
                    after_coordinator = True  # "aus Bratislava oder Prag": the first conjunct is no mention
                    j -= 1
                    continue
                if text[:1].isupper() and w not in _DETERMINERS:
                    # a genitive attribute of a noun: "der Einmarsch Russlands", "Sprecherin des ..."
                    adjacent_s = j == u.first - 1 and j > info.first and u.mention.text.endswith("s")
                    if skipped_only_genitive and (adjacent_s or info.lower[j + 1 - info.first] in _GENITIVE_DETS):
                        u.genitive_of = j
                        break
                    if capitals < 2 and (j == u.first - 1 - capitals or after_coordinator) and text.isalpha() \
                            and not tok.pos.startswith("V") and j not in noun_triggers \
                            and not any(s <= tok.start < e for s, e in timex_spans):
                        capitals += 1
                        j -= 1
                        continue
                    break
                if w in _DETERMINERS:
                    if w == "dem":
                        u.dative = True
                    if w not in _GENITIVE_DETS:
                        skipped_only_genitive = False
                    j -= 1
                    continue
                if text.isalpha() and text.islower() and w.endswith(_ADJ_ENDINGS) and not tok.pos.startswith("V") \
                        and w not in self.lex.tense_words and w not in self.lex.verb_forms and w not in self.lex.cues:
                    j -= 1
                    continue
                if text.isdigit():
                    j -= 1
                    continue
                break
            if u.prep is None:
                u.dative = u.dative and not capitals
            nxt = u.last + 1
            if not u.coordinated and nxt < info.end and nxt in noun_triggers and u.mention.kind == "demonym":
                # "der russische Truppenaufmarsch", "bei russischen Luftangriffen": the demonym is the agent
                u.genitive_of = nxt
            elif (u.mention.kind == "demonym" and nxt < info.end
                  and (u.mention.attrs.get("form") == "adjective" or u.mention.text[:1].islower())
                  and doc.tokens[nxt].text[:1].isupper() and doc.tokens[nxt].text.isalpha()
                  and (k + 1 >= len(units) or units[k + 1].first > nxt)):
                u.head_end = doc.tokens[nxt].end  # the actor is "die französischen Behörden"
            if u.prep_token is not None and u.prep_token - 1 in noun_triggers:
                u.noun_head = u.prep_token - 1  # "seiner Reise nach Kiew": the phrase belongs to the noun
            if u.coordinated and k:
                prev = units[k - 1]
                u.group = prev.group
                u.prep, u.prep_token, u.dative = prev.prep, prev.prep_token, prev.dative
                u.genitive_of = prev.genitive_of
                u.noun_head = prev.noun_head
            else:
                group += 1
                u.group = group
        for k, u in enumerate(units[:-1]):
            nxt_u = units[k + 1]
            # "Frankreichs Präsident Emmanuel Macron": a genitive name before its head
            if u.prep is None and u.mention.text.endswith("s") and u.mention.label in ("LOC", "ORG") \
                    and nxt_u.first == u.last + 1 and u.genitive_of is None:
                u.genitive_of = -1
        self._vorfeld(doc, info, units)
        return units

    @staticmethod
    def _is_title_of(doc: Document, prev: _Unit, m: Mention) -> bool:
        """A role phrase, or a common noun the NER took for a name ("US-Basketballspielerin"),
        directly before a person's name."""
        person_role = prev.mention.kind == "role" and prev.mention.label == "PER"
        # after a person's role a name is that person even if the NER labelled it otherwise
        # ("der chinesische Außenminister Wang Yi" tagged ORG)
        if (m.label != "PER" and not person_role) or m.kind != "name" \
                or prev.mention.label == "PER" and prev.mention.kind == "name":
            return False
        gap = doc.text[doc.tokens[prev.last].end:m.start].strip()
        if prev.mention.kind == "demonym" and prev.title is None and gap and gap[0].isupper() \
                and gap.isalpha() and prev.last + 2 < len(doc.tokens) and doc.tokens[prev.last + 1].pos == "NN" \
                and doc.tokens[prev.last + 2].start == m.start:
            return True  # "seinem amerikanischen Kollegen Antony Blinken": one person
        # the rest of the title's last token may follow the mention: "US" in "US-Basketballspielerin"
        if gap or prev.title is not None:
            return False
        if prev.mention.kind == "demonym":  # "US-Basketballspielerin", "den Franzosen Reda Kriket"
            return prev.end < doc.tokens[prev.last].end or prev.mention.attrs.get("form") == "noun"
        return prev.mention.kind == "role" or (prev.first == prev.last and doc.tokens[prev.first].pos == "NN")

    def _vorfeld(self, doc: Document, info: _Sentence, units: list[_Unit]) -> None:
        """Actors in a fronted prepositional phrase ("Nach der Anerkennung ... durch Moskau hat die
        EU ...") are not the subject: everything before the finite verb belongs to that phrase."""
        for c, cl in enumerate(info.clauses):
            first = info.lower[cl.first - info.first]
            if first not in _PREPS:
                continue
            finite = next((j for j in range(cl.first + 1, cl.end) if self._is_finite(doc, info, j)), None)
            if finite is None:
                continue
            for u in units:
                if u.clause == c and u.first < finite and u.prep is None:
                    u.prep, u.prep_token = _PREPS[first], cl.first

    def _is_finite(self, doc: Document, info: _Sentence, j: int) -> bool:
        tok = doc.tokens[j]
        if tok.pos:
            return tok.pos.endswith("FIN")
        w = info.lower[j - info.first]
        return w in self.lex.tense_words or (w in self.lex.cues and self.lex.cues[w][1] == "modal") \
            or any(r.tag in ("pres", "past") for r in self.lex.verb_forms.get(w, ()))

    def _actor(self, doc: Document, u: _Unit, start: int | None = None, end: int | None = None) -> Actor:
        start = u.start if start is None else start
        end = u.end if end is None else end
        end = max(end, doc.tokens[u.last].end, u.head_end or 0)  # whole words: "US-Bürger", not "US"
        country, sector = self._codes(doc, u.mention)
        if u.title is not None and country is None:
            country, sector = self._codes(doc, u.title)
        if country is None and u.mention.label == "ORG":
            country = self._seat_country(doc, u)
        if u.head_end is not None:  # "die russische Polizei": country of the demonym, sector of the noun
            sector = self.lex.generic_actors.get(doc.text[doc.tokens[u.last + 1].start:u.head_end], sector)
        return Actor(doc.text[start:end], start, end, u.mention.entity, country, sector)

    def _seat_country(self, doc: Document, u: _Unit) -> str | None:
        """"das Außenministerium in Moskau": a state institution takes the country of the place after it."""
        nxt = u.last + 1
        if (nxt + 1 >= len(doc.tokens) or doc.tokens[nxt].text != "in"
                or not doc.tokens[u.last].text.lower().endswith(self.lex.seat_nouns)):
            return None
        place_start = doc.tokens[nxt + 1].start
        for m in doc.mentions:
            if m.start == place_start and m.label == "LOC" and m.kind == "name":
                return self._codes(doc, m)[0]
        return None

    @staticmethod
    def _codes(doc: Document, m: Mention) -> tuple[str | None, str | None]:
        ent = doc.entities[m.entity] if m.entity is not None and m.entity < len(doc.entities) else None
        if ent:
            return ent.country, ent.sector
        return m.attrs.get("country"), m.attrs.get("sector")

    def _roles(self, doc: Document, info: _Sentence, f: _Found, units: list[_Unit], modality: str,
               governing_cue: str | None, others: list[_Found]) -> tuple[list[_Unit], list[_Unit], _Unit | None]:
        etype = f.trigger.type
        noun = f.trigger.pos == "N"
        in_clause = [u for u in units if u.clause == f.clause]
        sources: list[_Unit] = []
        targets: list[_Unit] = []
        participants: list[_Unit] = []
        location: _Unit | None = None
        bare: list[list[_Unit]] = []
        for u in in_clause:
            if u.genitive_of is not None:
                if u.genitive_of == f.token:
                    (targets if self._objective_genitive(doc, info, f, u) else sources).append(u)
                continue
            if u.prep is None:
                if bare and bare[-1][0].group == u.group:
                    bare[-1].append(u)
                else:
                    bare.append([u])
                continue
            if noun and u.start < doc.tokens[f.token].start and not (
                    u.prep == "mit" and not others and self.lex.is_symmetric(etype, f.trigger.mode)):
                continue  # but "hat mit Blinken Gespräche geführt": a light verb's partner
            if u.noun_head is not None and u.noun_head != f.token:
                continue  # "vor seiner Reise nach Kiew hat Scholz telefoniert"
            if noun and u.noun_head is None and any(f.token < g.token < u.first for g in others):
                continue  # the phrase follows a verb of its own: "Reise ... telefonierte mit Macron"
            role = self.lex.role_of(etype, u.prep, f.trigger.mode)
            if role == "source" and u.prep in ("von", "durch") and not (
                    noun and u.prep_token is not None and 0 < u.prep_token - f.token <= 3
                    or not noun and "part" in f.tags):
                role = None  # "der Hafen von Odessa" names a place, not an agent
            if role == "location" and u.mention.kind == "demonym" and not self._place_follows(doc, u):
                role = None  # "nach ukrainischen Angaben"
            if role == "source":
                sources.append(u)
            elif role == "target":
                targets.append(u)
            elif role == "participant":
                participants.append(u)
            elif role == "location" and (location is None or location.group == u.group):
                location = location or u
        cl = info.clauses[f.clause]
        zu_clause = cl.complement and info.lower[cl.first - info.first] not in ("dass", "ob")
        if not sources and not participants:
            subject_groups = [g for g in bare if not g[0].dative]
            subject = subject_groups[0] if subject_groups and not zu_clause else None
            if noun and subject is not None and not self._noun_shares_subject(f, others):
                subject = None
            if noun and subject is not None and self._in_pp(info, f.token):
                subject = None  # "Berichte über einen Angriff", "nach dem Telefonat"
            if noun and subject is not None and subject[0].start > doc.tokens[f.token].start:
                subject = None  # after a noun trigger a bare noun phrase is no agent of it
            # Whoever fears, warns of or demands an attack is not its agent.
            if noun and modality in ("possible", "demanded") and f.head_modality is None:
                subject = None
            if subject:
                sources.extend(subject)
                for g in bare:
                    # an offer's addressee is the partner: "schlug Putin ein Treffen vor"
                    if g is not subject and (not noun or modality == "proposed"
                                             and g[-1].last < f.token):
                        targets.extend(g)
            else:
                inherited = self._inherit(doc, info, f, units, governing_cue)
                sources.extend(inherited)
                if not noun:
                    for g in bare:
                        targets.extend(g)
        elif not noun:
            for g in bare:
                targets.extend(g)
        if location is None:
            for u in targets:
                if u.prep in ("nach", "in"):
                    location = u
                    break
        source_entities = {u.mention.entity for u in sources if u.mention.entity is not None}
        targets = [u for u in targets if u.mention.entity is None or u.mention.entity not in source_entities]
        return sources + participants, targets, location

    @staticmethod
    def _objective_genitive(doc: Document, info: _Sentence, f: _Found, u: _Unit) -> bool:
        """A place in the genitive with an article is what an attack is aimed at ("die Invasion der
        Ukraine"); "Russlands Einmarsch", "der Einmarsch Russlands" name the attacker."""
        if f.trigger.type not in _OBJECTIVE_GENITIVE_TYPES or u.mention.label != "LOC":
            return False
        j = u.first - 1
        while j > f.token and info.lower[j - info.first] not in _GENITIVE_DETS:
            j -= 1
        return j > f.token

    def _in_pp(self, info: _Sentence, token: int) -> bool:
        j = token - 1
        while j >= info.first and token - j <= 4:
            w = info.lower[j - info.first]
            if w in _PREPS:
                return _PREPS[w] not in ("mit", "zu", "in", "an", "auf")
            if w not in _DETERMINERS and not (w.isalpha() and w.islower() and w.endswith(_ADJ_ENDINGS)):
                return False
            j -= 1
        return False

    def _topic_of_talks(self, doc: Document, info: _Sentence, f: _Found, found: list[_Found]) -> bool:
        """An agreement or ceasefire talked about is no event of its own: "sprachen über eine
        Waffenruhe", "Gespräche über das Atomabkommen" (the talks are)."""
        if f.trigger.pos != "N" or f.trigger.type not in _TOPIC_TYPES:
            return False
        if not any(g.trigger.type == "CONSULT" and g.clause == f.clause and g.token < f.token for g in found):
            return False
        j = f.token - 1
        while j >= info.first and f.token - j <= 4:
            w = info.lower[j - info.first]
            if w == "über":
                return True
            if w not in _DETERMINERS and not (w.isalpha() and w.islower() and w.endswith(_ADJ_ENDINGS)):
                return False
            j -= 1
        return False

    def _noun_shares_subject(self, f: _Found, others: list[_Found]) -> bool:
        """Whether the clause subject is the agent of a noun trigger: not when another event verb
        governs it ("Scholz kritisierte den Angriff"), except a denial of one's own acts
        ("Russland bestreitet Angriffspläne"; but "wies die Vorwürfe zurück")."""
        if not others:
            return True
        return all(g.trigger.type == "REJECT" for g in others) and f.trigger.type not in self.lex.present_is_occurred \
            and f.trigger.type != "ACCUSE"

    def _place_follows(self, doc: Document, u: _Unit) -> bool:
        nxt = u.last + 1
        return nxt < len(doc.tokens) and doc.tokens[nxt].text in self.lex.place_nouns

    def _inherit(self, doc: Document, info: _Sentence, f: _Found, units: list[_Unit],
                 governing_cue: str | None) -> list[_Unit]:
        """The subject (or, under "fordern ... auf", the object) of the nearest earlier clause."""
        for c in range(f.clause - 1, -1, -1):
            if c == 0 and self._is_dateline(doc, info):
                break
            groups: list[list[_Unit]] = []
            for u in units:
                if u.clause == c and u.prep is None and u.genitive_of is None:
                    if groups and groups[-1][0].group == u.group:
                        groups[-1].append(u)
                    else:
                        groups.append([u])
            if groups:
                if governing_cue == "demanded" and len(groups) > 1:
                    return groups[1]
                nominative = [g for g in groups if not g[0].dative]
                return (nominative or groups)[0]
        return []

    def _is_dateline(self, doc: Document, info: _Sentence) -> bool:
        """"Wien – ..." / "Berlin. ...": a first clause of capitalised words before a dash."""
        cl = info.clauses[0]
        if cl.end >= info.end or doc.tokens[cl.end].text not in ("–", "—", "-"):
            return False
        return all(doc.tokens[j].text[:1].isupper() or not doc.tokens[j].text.isalpha() for j in range(cl.first, cl.end))

    def _location_actor(self, doc: Document, u: _Unit) -> Actor:
        start = doc.tokens[u.prep_token].start if u.prep_token is not None else u.start
        end = u.end
        nxt = u.last + 1
        if nxt < len(doc.tokens) and doc.tokens[nxt].text[:1].isupper() and u.mention.kind == "demonym":
            end = doc.tokens[nxt].end  # "an der ukrainischen Grenze"
        return self._actor(doc, u, start, end)

    # -- modality ---------------------------------------------------------------------------------
    def _cues(self, doc: Document, info: _Sentence, clause: int, exclude: int,
              noun_token: int | None = None) -> tuple[set[str], dict[str, int]]:
        """Modalities cued in a clause (not by the token ``exclude``) and where."""
        lex = self.lex
        if clause >= len(info.clauses):
            return set(), {}
        cl = info.clauses[clause]
        words = info.lower[cl.first - info.first:cl.end - info.first]
        out: dict[str, int] = {}
        consumed: set[int] = set()
        for phrase, modality in lex.phrase_cues:
            n = len(phrase)
            for k in range(len(words) - n + 1):
                if tuple(words[k:k + n]) == phrase:
                    out.setdefault(modality, cl.first + k)
                    consumed.update(range(k, k + n))
        for k, w in enumerate(words):
            j = cl.first + k
            if j == exclude or k in consumed:
                continue
            cue = lex.cues.get(w)
            if cue and cue[1] == "negation" and w.startswith("kein") and noun_token is not None \
                    and not 0 < noun_token - j <= 3:
                continue  # "kein" negates the noun it determines: "brachte keinen Durchbruch"
            if cue and cue[1] == "negation" and noun_token is None and exclude is not None and any(
                    x in _COORD_CLAUSE for x in words[min(k, exclude - cl.first) + 1:max(k, exclude - cl.first)]):
                continue  # "hat die Vorwürfe zurückgewiesen und keine Angriffe geflogen": another conjunct
            if cue:
                out.setdefault(cue[0], j)
            elif w in lex.particle_cues:
                modality, verbs = lex.particle_cues[w]
                if any(x in verbs for x in words) and k == len(words) - 1:
                    out.setdefault(modality, j)
        return set(out), out

    def _modality(self, doc: Document, info: _Sentence, f: _Found, timex_bounds) -> tuple[str, str | None, int | None]:
        """(modality, governing cue modality, cue token) for a trigger."""
        own, where = self._cues(doc, info, f.clause, f.token, f.token if f.trigger.pos == "N" else None)
        own_modal = {m for m in own if self._is_modal(info, where[m])}
        governing: set[str] = set()
        gwhere: dict[str, int] = {}
        cl = info.clauses[f.clause] if f.clause < len(info.clauses) else None
        if cl is not None and cl.complement and f.clause > 0:
            governing, gwhere = self._cues(doc, info, f.clause - 1, f.token)
            governing = {m for m in governing if not self._is_modal(info, gwhere[m])}
        modal_applies = f.trigger.pos == "N" or bool({"inf", "zuinf"} & f.tags)
        candidates = set(governing) | {m for m in own if m not in own_modal or modal_applies}
        if f.head_modality:
            candidates.add(f.head_modality)
        governing_cue = next((m for m in _MODALITY_RANK if m in governing), None)
        for m in _MODALITY_RANK:
            if m in candidates:
                cue_tok = gwhere.get(m, where.get(m))
                return m, governing_cue, cue_tok
        tense = self._tense(doc, info, f)
        if tense in ("zuinf", "future"):
            return "planned", governing_cue, None
        if tense == "subj2":
            return "possible", governing_cue, None
        if tense == "past":
            return "occurred", governing_cue, None
        earliest, latest = timex_bounds
        dct = doc.date
        if dct is not None:
            if earliest is not None and earliest > dct.latest:
                return "planned", governing_cue, None
            if latest is not None and latest < dct.earliest:
                return "occurred", governing_cue, None
        if tense == "pres":
            if f.trigger.type in self.lex.present_is_occurred:
                return "occurred", governing_cue, None
            return "ongoing", governing_cue, None
        if "ongoing" in own:
            return "ongoing", governing_cue, where["ongoing"]
        return "occurred", governing_cue, None

    def _is_modal(self, info: _Sentence, j: int) -> bool:
        cue = self.lex.cues.get(info.lower[j - info.first])
        return bool(cue) and cue[1] == "modal"

    def _tense(self, doc: Document, info: _Sentence, f: _Found) -> str | None:
        cl = info.clauses[f.clause]
        aux: list[tuple[str, str]] = []
        for j in range(cl.first, cl.end):
            if j == f.token:
                continue
            tok = doc.tokens[j]
            tw = self.lex.tense_words.get(info.lower[j - info.first])
            if tw:
                aux.append(tw)
            elif tok.pos.endswith("FIN") and tok.morph:
                if "Mood=Sub" in tok.morph and "Tense=Past" in tok.morph:
                    aux.append(("subj2", "other"))
                elif "Tense=Past" in tok.morph:
                    aux.append(("past", "other"))
                elif "Tense=Pres" in tok.morph:
                    aux.append(("pres", "other"))
        tags = f.tags
        if "zuinf" in tags:
            return "zuinf"
        if "noun" in tags:
            if cl.complement and self._has_zu_infinitive(info.lower[cl.first - info.first:cl.end - info.first]):
                return "zuinf"  # "die Verhandlungen fortzusetzen"
            if any(v == "haben" for _, v in aux):
                return "past"  # "hat Sanktionen verhängt"
            if any(v == "sein" for _, v in aux) and any(
                    doc.tokens[j].pos == "VVPP" or (doc.tokens[j].pos == "VVINF" and info.lower[j - 1 - info.first] != "zu")
                    for j in range(max(cl.first, info.first + 1), cl.end) if j != f.token):
                # sein-perfect, not a copula: "seien gut verlaufen" (the tagger often reads such
                # participles as infinitives; sein + bare infinitive is not German otherwise)
                return "past"
        if "part" in tags and any(v in ("haben", "sein", "werden") for _, v in aux):
            tenses = {t for t, v in aux if v in ("haben", "sein", "werden")}
            if "subj2" in tenses:
                return "subj2"
            if "past" in tenses or any(v in ("haben", "sein") for _, v in aux):
                return "past"
            return "pres"  # passive present: "wird verlegt"
        if "past" in tags:
            return "past"
        if "pres" in tags:
            return "pres"
        if "inf" in tags and any(v == "werden" for _, v in aux):
            return "future"
        if aux:
            tenses = {t for t, _ in aux}
            for t in ("subj2", "past", "pres"):
                if t in tenses:
                    return t
        return None

    # -- time -----------------------------------------------------------------------------------
    def _timex(self, doc: Document, info: _Sentence, f: _Found, found: list[_Found], timexes: list[int]) -> int | None:
        """The time expression of the trigger's clause (nearest), else of its sentence when no
        other trigger is nearer to it."""
        if not timexes:
            return None
        trig_start = doc.tokens[f.token].start
        best, best_d = None, None
        cl = info.clauses[f.clause]
        lo, hi = doc.tokens[cl.first].start, doc.tokens[cl.end - 1].end
        timexes = [ti for ti in timexes if _is_event_time(doc.timexes[ti])]
        for ti in timexes:
            t = doc.timexes[ti]
            if lo <= t.start < hi:
                d = abs(t.start - trig_start)
                if best_d is None or d < best_d:
                    best, best_d = ti, d
        if best is not None:
            return best
        for ti in timexes:
            t = doc.timexes[ti]
            if t.earliest is None and t.latest is None:
                continue
            d = abs(t.start - trig_start)
            nearer = any(abs(t.start - doc.tokens[g.token].start) < d for g in found if g is not f)
            if not nearer and (best_d is None or d < best_d):
                best, best_d = ti, d
        return best

    def _time_relation(self, doc: Document, timex_start: int, info: _Sentence) -> str | None:
        j = bisect_left([t.start for t in doc.tokens[info.first:info.end]], timex_start) + info.first - 1
        steps = 0
        while j >= info.first and steps < 7:
            w = info.lower[j - info.first]
            # "Nach Angaben der Polizei demonstrierten am Samstag": not "after Saturday"; a trigger verb
            # the tagger took for an adjective ("telefonierte" ADJA) ends the search as well
            if w in _BOUNDARY or doc.tokens[j].pos.startswith("V") or self._is_finite(doc, info, j) \
                    or any(r.tag in ("pres", "past") for r in self.lex.verb_forms.get(w, ())):
                break
            if w in _TIME_RELATIONS:
                return _TIME_RELATIONS[w]
            j -= 1
            steps += 1
        return None

    # -- quantities -----------------------------------------------------------------------------
    def _quantities(self, doc: Document, info: _Sentence, f: _Found) -> list[Quantity]:
        if f.trigger.type in _NO_QUANTITY_TYPES:
            return []
        cl = info.clauses[f.clause]
        lo, hi = doc.tokens[cl.first].start, doc.tokens[cl.end - 1].end
        out = []
        for m in self.quantity_re.finditer(doc.text, lo, hi):
            value = _number(m.group("num"), self.lex)
            if value is None:
                continue
            number_qualifier = self.lex.number_words.get(m.group("num"), (0, None))[1]
            if m.group("mult"):
                value *= self.lex.multipliers[m.group("mult")]
            qual = m.group("qual")
            qualifier = (self.lex.qualifiers.get(qual.lower()) if qual else None) or number_qualifier or "exact"
            start = m.start("qual") if qual else m.start("num")
            out.append(Quantity(doc.text[start:m.end()], start, m.end(), value,
                                self.lex.units[m.group("unit")], qualifier))
        return out

    # -- assembling -----------------------------------------------------------------------------
    def _event(self, doc: Document, info: _Sentence, f: _Found, found: list[_Found], units: list[_Unit],
               timexes: list[int], quote_of: "_QuoteLookup") -> Event:
        tok = doc.tokens[f.token]
        ti = self._timex(doc, info, f, found, timexes)
        tx = doc.timexes[ti] if ti is not None else None
        bounds = (tx.earliest, tx.latest) if tx else (None, None)
        relation = self._time_relation(doc, tx.start, info) if tx else None
        if relation == "before":
            bounds = (None, tx.latest)
        elif relation in ("after", "since"):
            bounds = (tx.earliest, None)
        modality, governing_cue, cue_tok = self._modality(doc, info, f, bounds)
        others = [g for g in found if g is not f and g.clause == f.clause and g.trigger.pos == "V"]
        sources, targets, location = self._roles(doc, info, f, units, modality, governing_cue, others)
        attrs: dict = {"trigger_text": tok.text, "family": f.trigger.family}
        if f.particle is not None:
            attrs["particle"] = [doc.tokens[f.particle].start, doc.tokens[f.particle].end]
        if cue_tok is not None:
            attrs["cue"] = doc.tokens[cue_tok].text
        src = [self._actor(doc, u) for u in sources]
        tgt = [self._actor(doc, u) for u in targets]
        if self.lex.is_symmetric(f.trigger.type, f.trigger.mode):
            everyone = src + tgt
            src, tgt = everyone[:1], everyone[1:]
            attrs["symmetric"] = True
        earliest, latest = bounds
        if tx is None or (tx.earliest is None and tx.latest is None):
            # no time expression, or one without calendar bounds ("seit Monaten"): the
            # publication date bounds the event in the direction of its tense
            earliest, latest = _dct_bounds(doc, modality)
            attrs["time_basis"] = ("dct" if doc.date else "none") if tx is None else "timex+dct"
        else:
            attrs["time_basis"] = "timex"
        if tx is not None:
            if relation:
                attrs["time_relation"] = relation
                if relation == "before" and modality not in ("occurred", "ongoing") and doc.date:
                    earliest = doc.date.earliest
        quote = quote_of(tok.start)
        if quote is not None and cue_tok is None and self._announced_by(doc, doc.quotes[quote], info, f, bounds, modality):
            modality = "announced"  # "Frankreich verlegt 3000 Soldaten. Das kündigte der Minister an."
            attrs["cue"] = "quote"
            earliest, latest = (earliest, latest) if attrs["time_basis"] == "timex" else _dct_bounds(doc, modality)
        return Event(
            type=f.trigger.type, trigger=(tok.start, tok.end), mode=f.trigger.mode, modality=modality,
            sources=src, targets=tgt,
            location=self._location_actor(doc, location) if location is not None else None,
            timex=ti, time_value=tx.value if tx else None, earliest=earliest, latest=latest,
            quantities=self._quantities(doc, info, f), sentence=info.index, quote=quote, attrs=attrs,
        )


    def _announced_by(self, doc: Document, quote, info: _Sentence, f: _Found, bounds, modality: str) -> bool:
        """An event told in the present (or without tense) inside the message of an announcing
        quotation ("teilte … mit", "kündigte … an") is announced, not yet occurred."""
        if modality not in ("occurred", "ongoing") or f.trigger.type in self.lex.present_is_occurred:
            return False
        if self._tense(doc, info, f) not in (None, "pres"):
            return False
        latest = bounds[1]
        if latest is not None and doc.date is not None and latest < doc.date.earliest:
            return False  # dated before publication: it has happened
        cue_words = [w.lower() for a, b in quote.cue for w in doc.text[a:b].split()]
        return any((self.lex.cues.get(w) or ("",))[0] == "announced" for w in cue_words)


class _QuoteLookup:
    """The first quotation (by index) whose message contains an offset, in logarithmic time: the
    message spans sorted by start, with the running maximum of their ends to stop the scan back."""

    def __init__(self, doc: Document):
        spans = sorted((s, e, qi) for qi, q in enumerate(doc.quotes) for s, e in q.message)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.max_end: list[int] = []
        for _, e, _ in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def __call__(self, offset: int) -> int | None:
        best = None
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.max_end[i] > offset:
            s, e, qi = self.spans[i]
            if s <= offset < e and (best is None or qi < best):
                best = qi
            i -= 1
        return best


def _is_event_time(t) -> bool:
    """A time expression that can date an event: not a length ("eine Stunde lang", "P3D") or a
    recurrence; vague past spans ("in den vergangenen Monaten", PXM) do count."""
    if t.type == "SET" or not (t.value or t.earliest or t.latest):
        return False
    return not (t.earliest is None and t.latest is None and re.match(r"P(T|\d)", t.value or ""))


def _dct_bounds(doc: Document, modality: str) -> tuple[date | None, date | None]:
    """Without a time expression the publication date bounds the event in the tense's direction:
    what occurred happened by then, what is planned comes after, what is ongoing spans it."""
    if doc.date is None:
        return None, None
    if modality == "occurred":
        return None, doc.date.latest
    if modality == "ongoing":
        return doc.date.earliest, doc.date.latest
    return doc.date.earliest, None


def _quantity_regex(lex: Lexicon) -> re.Pattern[str]:
    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    number = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + alt(lex.number_words)
    return re.compile(
        rf"(?<!\w)(?:(?P<qual>(?i:{alt(lex.qualifiers)}))\s+)?(?:(?:weitere|zusätzliche|neue)\s+)?"
        rf"(?P<num>{number})(?:\s+(?P<mult>{alt(lex.multipliers)}))?\s+"
        rf"(?:[a-zäöüß][\w-]*\s+){{0,2}}(?P<unit>{alt(lex.units)})(?!\w)"
    )


def _number(text: str, lex: Lexicon) -> float | None:
    if text in lex.number_words:
        return lex.number_words[text][0]
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        return None
