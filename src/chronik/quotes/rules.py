"""Rule-based attribution of speech, writing and thought in German news.

Works on the token layer (and the tag, mention, entity and timex layers where present).  The
steps, in order:

1. direct quotes between quotation marks, attributed through an adjacent reporting clause
   ("„…“, sagte X." / "X sagte: „…“" / "„…“, so X") or to the previous speaker;
2. verbs of saying with a clausal complement (Indirect: "X sagte, dass …", "X sagte, Y sei …"),
   inverted ("Y sei …, sagte X"), "wie X mitteilte", or with only an object (Reported:
   "X kritisierte die Entscheidung");
3. cue words: "so X", "laut X", "X zufolge", "nach Angaben von X", "hieß es aus X";
4. continuation: later sentences in Konjunktiv (or with "soll") carry the last speaker (FreeIndirect).

Spans are collected as token indices and turned into character offsets at the end.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice

from ..doc import Document, Quote
from ..nlp.ner_features import uncommon_word, word_frequency_buckets
from ..nlp.inflect import INSEPARABLE_PREFIXES
from ..nlp.ner_gazetteer import default_gazetteer
from ..nlp.roles import describe_role, find_roles
from .lexicon import Lexicon, VerbForm, load


def _resource_rows(name: str, package: str = "chronik.lexicons.quotes") -> list[list[str]]:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


# Closed word classes (articles, prepositions, auxiliaries, …) live in wordclasses.tsv.
_WORDS = {row[0]: set(row[1].split()) for row in _resource_rows("wordclasses.tsv")}
NAME_PARTICLES = _WORDS["name_particles"]
ATTACHMENTS = _WORDS["attachments"]
DETS = _WORDS["dets"]
SUBJECT_PRONOUNS = _WORDS["subject_pronouns"]
PRONOUNS_TO_RESOLVE = _WORDS["pronouns_to_resolve"]
DATIVE_PRONOUNS = _WORDS["dative_pronouns"]
RELATIVES = _WORDS["relatives"]
PREPOSITIONS = _WORDS["prepositions"]
ADVERBS = _WORDS["adverbs"]
CONJUNCTIONS = _WORDS["conjunctions"]
SUBORDINATORS = _WORDS["subordinators"]
COMPLEMENT_STARTS = _WORDS["complement_starts"]
ADVERBIAL_SUBORDINATORS = _WORDS["adverbial_subordinators"]
AUXILIARIES = _WORDS["auxiliaries"]
FREE_INDIRECT_MARKERS = _WORDS["free_indirect_markers"]
ADDRESSEE_DATIVE_STARTS = _WORDS["addressee_dative_starts"]
DATIVE_PRONOUNS = _WORDS["dative_pronouns"]
PURPOSE = _WORDS["purpose"]
FRAGMENT_PREPS = _WORDS["fragment_preps"]
PASSIVE_AUX = _WORDS["passive_aux"]
ANAPHORIC_OBJECTS = _WORDS["anaphoric_objects"]
ADDRESSEE_EVENTS = _WORDS["addressee_events"]
LETTERS = tuple(_WORDS["letters"])
PLATFORM_NOUNS = _WORDS["platform_nouns"]
MEDIA_STAFF = tuple(_WORDS["media_staff"])
NEWSPAPER_TITLE_HEADS = tuple(_WORDS["newspaper_title_heads"])
INTERVIEWER_LABELS = _WORDS["interviewer_labels"]
INTERVIEWEE_LABELS = _WORDS["interviewee_labels"]
INTERVIEW_LABEL_MAX = 3  # words of a speaker label opening an interview turn ("Eva Berger:")
NEWS_AGENCIES = _WORDS["news_agencies"]
INFINITIVE_NOUNS = _WORDS["infinitive_nouns"]
GENERIC_ORG_NOUNS = _WORDS["generic_org_nouns"]
INDEFINITE_PRONOUNS = _WORDS["indefinite_pronouns"]
WORKS = tuple(_WORDS["works"])
NARRATING_VERBS = _WORDS["narrating_verbs"]
SEPARABLE_PARTICLES = frozenset(row[0] for row in _resource_rows("verb_prefixes.tsv", "chronik.lexicons.nlp")) \
    - set(INSEPARABLE_PREFIXES)
SECOND_PREDICATE_ADVERBS = _WORDS["second_predicate_adverbs"]
FOCUS_PHRASES = {(a, b) for a, _, b in (w.partition("_") for w in _WORDS["focus_phrases"])}
AUDIENCES = _WORDS["audiences"]
NAME_PREPS = _WORDS["name_preps"]
MODALS = _WORDS["modals"]
NOT_SUBJECT_STARTS = _WORDS["not_subject_starts"]
CUE_COMPANIONS = _WORDS["cue_companions"]
TEMPORAL_NOUNS = _WORDS["temporal_nouns"]
INDEFINITE = _WORDS["indefinite"]
PARTITIVES = _WORDS["partitives"]
FOCUS_ADVERBS = _WORDS["focus_adverbs"]
STANCE_ADJECTIVES = _WORDS["stance_adjectives"]
DOCUMENTS = tuple(_WORDS["documents"])
TIME_BEFORE_NACH = _WORDS["time_before_nach"]
NAMING_VERBS = _WORDS["naming_verbs"]
CITING_VERBS = _WORDS["citing_verbs"]
FRAGMENT_CUE_PREPS = _WORDS["fragment_cue_preps"]
MEDIA_HEADS = tuple(_WORDS["media_heads"])
DEGREE_WORDS = _WORDS["degree_words"]
COPULA_FORMS = _WORDS["copula_forms"]
CHANNEL_PREPS = _WORDS["channel_preps"]
REFLEXIVE_CUE_VERBS = _WORDS["reflexive_cue_verbs"]
EPISTEMIC_KONJUNKTIV = _WORDS["epistemic_konjunktiv"]
CAUSATIVE_LASSEN = _WORDS["causative_lassen"]
LASSEN_ONLY_VERBS = _WORDS["lassen_only_verbs"]
WANT_FORMS = _WORDS["want_forms"]
ORIGIN_PREPS = _WORDS["origin_preps"]
NEGATIONS = _WORDS["negations"]
CONTENT_TIME_PREPS = _WORDS["content_time_preps"]
CONDITIONAL_V1 = _WORDS["conditional_v1"]
SETTING_PREPS = _WORDS["setting_preps"]
STATIVE_PARTICIPLES = _WORDS["stative_participles"]
ADVERBIAL_SUFFIXES = tuple(_WORDS["adverbial_suffixes"])
ABSTRACT_NOUN_SUFFIXES = tuple(_WORDS["abstract_noun_suffixes"])
QUANTITY_MODIFIERS = _WORDS["quantity_modifiers"]
SELF_DESCRIBING_NOUNS = _WORDS["self_describing_nouns"]
IDIOM_OBJECTS = {row[0]: set(row[1].split()) for row in _resource_rows("idiom_objects.tsv")}
VERBS_TAKING_NACH = _WORDS["verbs_taking_nach"]
NOUNS_TAKING_NACH = tuple(_WORDS["nouns_taking_nach"])
GOVERNED_PREPS = {row[0]: set(row[1].split()) for row in _resource_rows("governed_preps.tsv")}
NEGATION_FOCUS = _WORDS["negation_focus"]

_AGE_EPITHET = re.compile(r"\d+-[Jj]ährige[rn]?")
# a participle with these is passive
WERDEN_PASSIVE = {"wurde", "wurden", "wird", "werden", "worden", "würde", "würden"}
SENT_END = {".", "!", "?"}
SO_BEFORE = {",", "–", "—", "“", "”", "«", '"'}  # "…, so X." / "– so X –" / "„…“ so X"
BOUNDARY = {",", ";", ":", "–", "—", "-", "…"}
OPENERS = {"„": ("“", "”", '"'), "»": ("«",), "«": ("»",), "“": ("”", '"'), "‚": ("‘", "’"), "‹": ("›",),
           '"': ('"',), "”": ("”",)}
QUOTE_MARKS = set(OPENERS) | {c for cs in OPENERS.values() for c in cs}
NOT_VERB_TAGS = {"NN", "NE", "ADJA", "APPR", "APPRART", "ART"}  # STTS tags that rule out a verb reading
NOT_NOUN_TAGS = {"ADJD", "ADV", "PAV", "PROAV", "PWAV", "KOUS", "KON", "PTKNEG", "PPER", "PIS", "PDS"}
CONTINUATION_GAP = 5  # sentences after the last attributed quote that may still continue it
SHORT_QUOTE = 6  # a quotation of at most this many tokens may be a name or title inside a clause

# lower-case tokens that are names: web sites (faz.net) and compounds with a capitalised part (ai-Bericht)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")  # "Im Juli 2008 vermeldete X": a year, then the verb
_LOWER_NAME = re.compile(r"^[a-z][\w-]*\.(de|com|net|org|at|ch|eu|info)$|^[a-z]{1,4}-[A-ZÄÖÜ]\w+")


def _rare_word(low: str) -> bool:
    """Not among the common words of general German (frequency bucket 10 or rarer, or absent) and not
    shaped like an adverb or adjective ("unmissverständlich", "glücklicherweise", "relativierend")."""
    return not low.endswith(ADVERBIAL_SUFFIXES) and uncommon_word(low)


@lru_cache(maxsize=1)
def _affiliations() -> list[tuple[str, str]]:
    """(lower-case prefix, ISO alpha-3) used when chronik.nlp.roles is not available."""
    return [(r[0].lower(), r[1]) for r in _resource_rows("affiliations.tsv")]


@dataclass
class _Cand:
    form: str
    medium: str = "speech"
    cue: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    message: list[int] = field(default_factory=list)
    addressee: list[int] = field(default_factory=list)
    channel: str | None = None
    sentence: int = 0
    cue_kind: str = "verb"
    subjunctive: bool = False
    carried: bool = False  # source copied from an earlier quote
    speaker_only: bool = False  # not a quotation itself; names the speaker of the quotations after it
    cited_by: list[int] = field(default_factory=list)  # who cites the speaker ("zitiert die Zeitung X")


class _Doc:
    """Per-document token views shared by the rules."""

    def __init__(self, doc: Document, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.low = [t.text.lower() for t in self.toks]
        self.text = [t.text for t in self.toks]
        self.pos = [t.pos for t in self.toks]
        self.has_pos = any(self.pos)
        self.starts = starts = [t.start for t in self.toks]
        self.named: set[int] = set()  # tokens inside a mention: names whatever their tag says
        self.person: set[int] = set()  # tokens inside a person's name
        for m in doc.mentions:
            k = bisect.bisect_left(starts, m.start)
            while k < self.n and self.toks[k].start < m.end:
                self.named.add(k)
                if m.label == "PER" and m.kind == "name":
                    self.person.add(k)
                k += 1
        sents = doc.sentences or []
        self.sent_of = [0] * self.n
        self.sent_bounds: list[tuple[int, int]] = []
        if sents:
            for si, s in enumerate(sents):
                self.sent_bounds.append((s.first_token, s.end_token))
                for i in range(s.first_token, min(s.end_token, self.n)):
                    self.sent_of[i] = si
        else:
            self.sent_bounds.append((0, self.n))
        self.quote_of = [-1] * self.n
        self.quotes = self._direct_spans()
        self.timex_order = sorted((t.start, ti) for ti, t in enumerate(doc.timexes))
        self.in_timex: set[int] = set()  # tokens inside a time expression ("am Freitag", "später")
        for t in doc.timexes:
            k = bisect.bisect_left(starts, t.start)
            while k < self.n and self.toks[k].start < t.end:
                self.in_timex.add(k)
                k += 1
        self.hard = [t in BOUNDARY or t in SENT_END or t in QUOTE_MARKS for t in self.text]
        for i in range(1, self.n - 1):  # a hyphen between words joins them: „Bild“-Zeitung
            if self.text[i] == "-" and self.toks[i - 1].end == self.toks[i].start == self.toks[i + 1].start - 1:
                self.hard[i] = False
        depth = 0
        for i, t in enumerate(self.text):  # "(Awoda, dt. Arbeiterpartei)": an aside, not a clause break
            if t == "(":
                depth += 1
            elif t == ")" or t in SENT_END:
                depth = max(depth - 1, 0) if t == ")" else 0
            elif depth and t in BOUNDARY:
                self.hard[i] = False
        for k, (o, c) in enumerate(self.quotes):
            for i in range(o, c + 1):
                self.quote_of[i] = k
            if c - o - 1 <= SHORT_QUOTE:
                self.hard[o] = self.hard[c] = False

    # -- token classes ------------------------------------------------------------------

    def timexes_between(self, lo: int, hi: int) -> list:
        """(index, timex) of the time expressions starting in [lo, hi), by bisection."""
        a = bisect.bisect_left(self.timex_order, (lo, -1))
        b = bisect.bisect_left(self.timex_order, (hi, -1))
        return [(ti, self.doc.timexes[ti]) for _, ti in self.timex_order[a:b]]
    def is_boundary(self, i: int) -> bool:
        return self.hard[i]

    def is_noun(self, i: int) -> bool:
        # the tagger's noun tags or the capitalisation rule: either suffices (names the tagger misses)
        if self.has_pos and self.pos[i] in ("NN", "NE", "FM", "XY"):
            return True
        if self.has_pos and self.pos[i] == "PIS" and self.text[i][:1].isupper() and self.low[i] not in DETS \
                and self.low[i] not in INDEFINITE_PRONOUNS:
            return True  # "Mediziner der Charité warnen": a noun the tagger read as an indefinite pronoun
        if self.has_pos and self.pos[i] in NOT_NOUN_TAGS and self.starts_clause(i) and i not in self.named \
                and not _rare_word(self.low[i]):
            return False  # capitalised only because it opens the sentence: "Sinngemäß hofft Musk" (but a rare
            # word there is a name the tagger missed: "Habermann schätzt …")
        t = self.text[i]
        if not t[0].isupper() and not (t[0].isdigit() and "-" in t) and not _LOWER_NAME.match(t):
            return False
        return self.low[i] not in ADVERBS and self.low[i] not in PREPOSITIONS and self.low[i] not in DETS \
            and self.low[i] not in SUBJECT_PRONOUNS and not self.is_boundary(i)

    def anaphoric_verb(self, i: int) -> bool:
        """"Das berichteten Mitarbeiter …", "Das erklärte ein Sprecher": after a sentence-initial "Das"
        a plural form, or a form before an article, is the verb, not an adjective ("das erklärte Ziel")."""
        if i == 0 or self.low[i - 1] not in ANAPHORIC_OBJECTS or not self.starts_clause(i - 1):
            return False
        # "Das kündigte Verteidigungsminister Lecornu an": a name or role mention follows, not a noun
        return self.low[i].endswith("en") or i + 1 < self.n and (
            self.is_det(i + 1) or self.has_pos and self.pos[i + 1] == "NE" or i + 1 in self.named
            or i + 2 < self.n and (i + 2 in self.person or self.has_pos and self.pos[i + 2] == "NE"))
        # ("Das erklärte Zivilschutzminister Nikos Papadakis": a title without article before the name)

    def after_quote(self, i: int) -> bool:
        """Token i directly follows a closing quotation mark (and a comma): „…“, sagte X."""
        k = i - 1 if i > 0 and self.text[i - 1] == "," else i
        return k > 0 and self.quote_of[k - 1] >= 0 and self.quotes[self.quote_of[k - 1]][1] == k - 1

    def starts_clause(self, i: int) -> bool:
        return i == 0 or self.sent_of[i - 1] != self.sent_of[i] or self.text[i - 1] in QUOTE_MARKS \
            or self.text[i - 1] == ":"

    def is_det(self, i: int) -> bool:
        if self.has_pos and self.pos[i]:
            # "Deren Sprecher" opening a sentence (or after the verb: "sagte dessen Vorsitzender") is a
            # possessive, whatever the tagger says
            return self.pos[i] in ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "CARD", "PWAT") \
                or self.low[i] in ("deren", "dessen") and i + 1 < self.n and self.pos[i + 1] in ("NN", "NE", "ADJA") \
                and (self.starts_clause(i) or i > 0 and self.pos[i - 1] in ("VVFIN", "VAFIN", "VMFIN"))
        return self.low[i] in DETS or self.text[i].isdigit()

    def is_adj(self, i: int) -> bool:
        if self.has_pos and self.pos[i]:
            return self.pos[i] in ("ADJA", "ADJD") and i + 1 < self.n and (self.is_noun(i + 1) or self.is_adj(i + 1))
        lw = self.low[i]
        return (self.text[i][0].islower() and lw.endswith(("e", "en", "er", "es", "em")) and lw not in ADVERBS
                and lw not in PREPOSITIONS and lw not in self.lex.forms and lw not in self.lex.konjunktiv
                and i + 1 < self.n and (self.is_noun(i + 1) or self.is_adj(i + 1)))

    def sentence_range(self, i: int) -> tuple[int, int]:
        return self.sent_bounds[self.sent_of[i]]

    def clause(self, i: int) -> tuple[int, int]:
        """[start, end) of the clause around token i: between boundaries within the sentence."""
        s0, e0 = self.sentence_range(i)
        s = i
        while s > s0 and not self.is_boundary(s - 1):
            s -= 1
        e = i + 1
        while e < e0 and not self.is_boundary(e):
            e += 1
        return s, e

    def message_end(self, i: int) -> int:
        """Exclusive end of a message running to the end of i's sentence, without final punctuation."""
        _, e = self.sentence_range(i)
        while e > i and self.text[e - 1] in SENT_END:
            e -= 1
        return e

    # -- direct quotes --------------------------------------------------------------------
    def _direct_spans(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        i = 0
        while i < self.n:
            t = self.text[i]
            closers = OPENERS.get(t)
            if closers and t != "”":
                j = i + 1
                limit = min(self.n, i + 400)
                while j < limit and self.text[j] not in closers:
                    if t == '"' and self.text[j] in ("„", "»"):
                        break
                    j += 1
                if j < limit and self.text[j] in closers and j > i + 1:
                    spans.append((i, j))
                    i = j + 1
                    continue
            i += 1
        return spans

    # -- noun phrases -----------------------------------------------------------------------
    def channel_at(self, k: int, start: int = 0) -> tuple[str, str] | None:
        """(channel, medium) token k names: "Telegram-Kanal", "Interview", "auf X" (its preposition
        after ``start``)."""
        lw = self.low[k]
        for match, key, channel, medium in self.lex.channels:
            if match == "word" and lw == key \
                    or match == "part" and key in lw and self.text[k][0].isupper() \
                    or match == "after_prep" and lw == key and k > start \
                    and (self.low[k - 1] in CHANNEL_PREPS | PLATFORM_NOUNS
                         or k - 1 > start and self.low[k - 1] in ("der", "dem", "den")
                         and self.low[k - 2] in CHANNEL_PREPS):
                return channel, medium
        return None

    def dative_medium(self, k: int, limit: int) -> bool:
        """Tokens from k read "der/dem <medium>", past adjectives and quotation marks: "der
        Nachrichtenagentur", "der Deutschen Presse-Agentur", "der „Süddeutschen Zeitung“"."""
        if self.low[k] not in ("der", "dem") or k + 1 >= limit:
            return False
        if self.text[k + 1] in QUOTE_MARKS:  # a quoted title: its last word is the head, whatever its tag
            close = next((j for j in range(k + 2, min(limit, k + 8)) if self.text[j] in QUOTE_MARKS), None)
            if close is None:
                return False
            # „Süddeutsche Zeitung“, or a hyphenated head after the title: „Bild“-Zeitung; after a person's
            # name any quoted title is the medium spoken to (a name takes no genitive: "sagte Merz der „Zeit“")
            return self.low[close - 1].endswith(MEDIA_HEADS) or close + 2 < self.n and self.text[close + 1] == "-" \
                and self.low[close + 2].endswith(MEDIA_HEADS) or k > 0 and k - 1 in self.person \
                or self.low[close - 1].endswith(NEWSPAPER_TITLE_HEADS) and k > 0 \
                and not self.low[k - 1].endswith(MEDIA_STAFF) \
                or self.low[k] == "dem" and self.starts_clause(k)  # fronted: "Dem „Spiegel“ sagte sie"
        head = k + 1
        while head < limit - 1 and self.is_adj(head) and not self.low[head].endswith(MEDIA_HEADS):
            head += 1
        return self.low[head].endswith(MEDIA_HEADS) or self.low[head] in NEWS_AGENCIES

    def names_channel(self, k: int) -> bool:
        """Token k names a channel of speech or writing or a medium ("Fernsehen", "Zeitung")."""
        return self.channel_at(k) is not None or self.low[k].endswith(MEDIA_HEADS)

    def quantity_number(self, i: int) -> int | None:
        """The number after a quantity word opening a noun phrase at i ("rund 50", "mehr als 100"), or None."""
        k = i + 2 if self.low[i] in ("mehr", "weniger") and i + 1 < self.n and self.low[i + 1] == "als" \
            else i + 1 if self.low[i] in QUANTITY_MODIFIERS else None
        if k is None or k >= self.n or not (self.has_pos and self.pos[k] == "CARD" or self.text[k][:1].isdigit()):
            return None
        return k

    def audience_start(self, a: int, b: int) -> int:
        """Where a bare dative audience starts inside the phrase [a, b) after a speaker ("sagte Cannizzo
        Journalisten", "sagte der Minister ausländischen Journalisten"): the speaker ends there; else b."""
        k = next((k for k in range(a + 1, b) if self.text[k] in AUDIENCES), b)
        while a + 1 < k < b and self.is_adj(k - 1) and self.low[k - 1].endswith("en"):
            k -= 1
        # only after a noun or name ("das Parlament in Mexiko-Stadt" is a speaker)
        return k if k < b and self.text[k - 1][:1].isupper() else b

    def second_bare_noun(self, k: int) -> bool:
        """Token k is a bare noun straight after the head noun of a phrase, so it opens the next phrase: "warf
        der Opposition Heuchelei vor". Not a name ("dem Sender Phoenix", "im Stadtteil Huchting": a name-tagged
        word counts only when it is a common word) nor a counted noun ("3,6 Millionen Einwohner")."""
        if not self.has_pos or k < 1 or k in self.named or self.pos[k] not in ("NN", "NE"):
            return False
        head = self.pos[k - 1] == "NN" and k - 1 not in self.named and not (k > 1 and self.pos[k - 2] == "CARD") \
            or k - 1 in self.named and self.pos[k - 1] in ("NE", "NN")
        if not head or self.text[k] in TEMPORAL_NOUNS or k - 1 in self.in_timex or k in self.in_timex:
            return False
        if self.pos[k] == "NN":
            return True
        bucket = word_frequency_buckets().get(self.low[k])
        return self.low[k].endswith(ABSTRACT_NOUN_SUFFIXES) or bucket is not None and int(bucket) <= 11

    def np_forward(self, i: int, limit: int, appositions: bool = True) -> int:
        """End (exclusive) of the noun phrase starting at token i, or i when there is none."""
        if i >= limit:
            return i
        number = self.quantity_number(i)
        if number is not None and number < limit and not (i > 0 and self.low[i - 1] in PREPOSITIONS):
            end = self.np_forward(number, limit, appositions)
            return end if end > number + 1 else i  # "Rund 50 Abgeordnete", "mehr als 200 Wissenschaftler"
        if self.is_det(i) and i + 2 < limit and (self.low[i + 1] in PREPOSITIONS or self.low[i + 1] in ADVERBS) \
                and not self.text[i][:1].isdigit():
            # an extended attribute: "der für die Region zuständige Koordinator", "die in New York geborene
            # Sängerin"; the head noun follows an inflected adjective or participle
            for j in range(i + 3, min(limit, i + 9)):
                if self.is_noun(j) and self.text[j] not in TEMPORAL_NOUNS and self.is_adj(j - 1) \
                        and not self.is_det(j - 1) and self.text[j - 1][:1].islower() \
                        and QuoteRules._verbless(self, i, j - 1):
                    return self.np_forward(j, limit, appositions)
        if self.low[i] in SUBJECT_PRONOUNS and not self.is_noun(i) and not (
                self.is_det(i) and i + 1 < limit and (self.is_noun(i + 1) or self.is_adj(i + 1))):
            return i + 1  # a pronoun, unless it determines a noun: "Ihr Vorsitzender", "Dieser Arzt"
        j = i
        has_head = False
        if self.low[i] in PARTITIVES and i + 2 < limit and self.low[i + 1] in ("der", "des") \
                and (self.text[i][0].isupper() or i > 0 and self.low[i - 1] not in PREPOSITIONS
                     and self.is_noun(i + 2) and not self.is_det(i - 1)):
            j, has_head = i + 1, True  # "Einer der beteiligten Feuerwehrmänner"
            k = self.np_forward(i + 1, limit, appositions=False)
            if k == i + 1:
                return i
            j = k
        while j < limit:
            if self.text[j] in QUOTE_MARKS and j + 1 < limit and (self.is_noun(j + 1) or self.is_adj(j + 1)
                                                                  or has_head and self.text[j + 1][:1].isupper()):
                k = j + 1  # quoted name inside an NP: die „Neue Rechte“
                while k < limit and self.text[k] not in QUOTE_MARKS and k - j < 8:
                    k += 1
                if k < limit and self.text[k] in QUOTE_MARKS:
                    j = k + 1
                    if j + 1 < limit and self.text[j] == "-" and self.is_noun(j + 1):
                        j += 2  # die „Bild“-Zeitung
                    has_head = True
                    continue
                break
            if self.is_det(j) and not has_head:
                j += 1
            elif self.is_adj(j) and not has_head:
                j += 1
            elif self.is_noun(j) and not (has_head and j in self.in_timex and j not in self.named):
                j += 1  # (a time after the head is an adverbial: "hatte Peskow Ende Dezember erklärt")
                has_head = True
            elif has_head and self.low[j] in NAME_PARTICLES and j + 1 < limit and self.text[j + 1][:1].isupper() \
                    and self.text[j - 1][:1].isupper() and self.low[j] not in ("der", "den", "von"):
                j += 1
            elif has_head and self.low[j].endswith("er") and self.is_adj(j) and not self.text[j][0].isupper():
                k = self.np_forward(j, limit, appositions=False)  # "Angaben libanesischer Sicherheitskreise"
                if k == j:
                    break
                j = k
            elif has_head and self.low[j] in ATTACHMENTS and j + 1 < limit \
                    and (self.is_det(j + 1) or self.is_noun(j + 1) or self.is_adj(j + 1)
                         or self.text[j + 1] in QUOTE_MARKS) \
                    and not (self.low[j] in ("der", "einer") and j - 1 in self.person and j not in self.person):
                # (no genitive after a person's name: "warf Merz der Regierung Wortbruch vor" is a dative)
                k = self.np_forward(j + 1, limit, appositions=False)
                if k == j + 1:
                    break
                j = k
            elif has_head and self.low[j] in NAME_PREPS and j + 2 < limit and self.is_adj(j + 1) \
                    and self.text[j + 1][:1].islower() and self.is_noun(j + 2) and j - 1 not in self.person \
                    and self.low[j] != "im":
                j += 2  # "Institut für internationalen Frieden", "Sekretariat für wirtschaftliche Entwicklung"
            elif has_head and self.low[j] in NAME_PREPS and j + 1 < limit and self.is_noun(j + 1) \
                    and not self.is_det(j + 1) and self.text[j + 1] not in TEMPORAL_NOUNS \
                    and j - 1 not in self.person and not (self.low[j] == "im" and self.names_channel(j + 1)):
                # "ein Sprecher in Berlin", "Ministerium für Bildung", "Ärzte ohne Grenzen", "Vertreter im
                # Aufsichtsrat"; but after a person's name the place is an adverbial: "Ali al-Omair in Wien",
                # and so is a channel: "Nasrallah im Fernsehen"
                j += 1
            elif has_head and self.text[j] == "(":
                k = j + 1
                while k < limit and self.text[k] != ")" and k - j < 8:
                    k += 1
                if k < limit and self.text[k] == ")":
                    j = k + 1
                else:
                    break
            else:
                break
        if not has_head:
            return i
        if appositions:
            j = self._apposition(j)
        return j

    def _apposition(self, j: int) -> int:
        """Extend over an apposition after a comma (", Maria Sacharowa," / ", Präsident des Gerichts,")
        when it is itself a noun phrase closed by a comma, colon, quote or the sentence end."""
        if j >= self.n or self.text[j] != ",":
            return j
        _, e0 = self.sentence_range(j)
        k = self.np_forward(j + 1, e0, appositions=False)
        if k > j + 1 and k - j <= 12 and (k >= e0 or self.text[k] in (",", ".", ":", "!", "?")
                                           or self.text[k] in QUOTE_MARKS):
            return k
        return j

    # -- verbs ----------------------------------------------------------------------------------
    def verb_at(self, i: int, clause_end: int) -> tuple[VerbForm, list[int]] | None:
        """The reporting verb whose form is token i, with its cue tokens (auxiliary, particle)."""
        t = self.text[i]
        if not t[0].islower() or self.quote_of[i] >= 0:
            return None
        forms = self.lex.forms.get(self.low[i])
        if not forms:
            return None
        if self.low[i] == "wissen":
            # "wollte wissen, ob …", "„…?“, wollen die Demonstranten wissen": a question
            s, e = self.clause(i)
            modal = next((k for k in range(s, min(e + 1, self.n)) if self.low[k] in WANT_FORMS), None)
            if modal is not None:
                return forms[0], self.with_companions(sorted([modal, i]), clause_end)
        if all(f.verb.lemma == "lauten" for f in forms) and not (
                i + 1 < self.n and self.text[i + 1] == ":" or i + 2 < self.n and self.text[i + 2] == ":"
                or i > 0 and (self.text[i - 1] in (",", "–") or self.after_quote(i) or self.low[i - 1] == "so")
                or self.clause(i)[1] < self.n and self.text[self.clause(i)[1]] in (",", ":")):
            return None  # "Der Text lautete: …", "…, so lautet der Titel", but not "vor allem lauten Stereoklang"
        if all(f.verb.lemma in LASSEN_ONLY_VERBS for f in forms):
            s, e = self.clause(i)
            if not any(self.low[k] in CAUSATIVE_LASSEN for k in range(s, min(e + 1, self.n))):
                return None  # "weiß", "gewusst", "richtet … aus" without a causative lassen
        if self.has_pos and self.pos[i] in NOT_VERB_TAGS and not (
                self.pos[i] == "ADJA" and i > 0 and not self.is_det(i - 1) and self.low[i - 1] not in PREPOSITIONS
                and (self.is_noun(i - 1) or self.low[i - 1] in SUBJECT_PRONOUNS or self.after_quote(i)
                     or self.text[i - 1] == "," and i + 1 < self.n and self.text[i + 1][:1].isupper()
                     and self.clause(i)[1] - (i + 1) <= 4
                     and all(self.text[k][:1].isupper() or k == self.clause(i)[1] - 1
                             and self.low[k] in {f.verb.particle for f in forms}
                             for k in range(i + 1, self.clause(i)[1])))) \
                and not (self.pos[i] == "ADJA" and i > 0 and _YEAR.fullmatch(self.text[i - 1])) \
                and not self.anaphoric_verb(i) \
                and not (self.pos[i] == "ADJA" and not self.low[i].endswith(("e", "en", "er", "es", "em"))):
            return None  # an ADJA tag after a subject, a quote or a comma is the tagger's slip: "McCarthy nannte …",
            # "…, warnte Faymann"
        if self.extended_attribute(i):
            return None
        plain: tuple[VerbForm, list[int]] | None = None
        if self.low[i] in self.lex.infinitives and (
                (i > 0 and self.low[i - 1] == "zu")
                or any(self.low[k] in MODALS for k in range(self.clause(i)[0], i))):
            return None  # "um … zu protestieren", "möchte … raten": not a report
        for vf in forms:
            if vf.kind == "infinitive":
                continue
            if vf.kind == "finite" and vf.verb.particle:
                words = vf.verb.particle.split()
                p = self._particle(i, clause_end, words[-1])
                if p is not None and self._phrase_ends_at(p, words):
                    return vf, self.with_companions([i] + list(range(p + 1 - len(words), p + 1)), clause_end)
                if self._phrase_ends_at(i - 1, words):  # verb-final "bekannt gab", "zu bedenken gab"
                    return vf, self.with_companions(list(range(i - len(words), i + 1)), clause_end)
                continue
            if vf.kind == "participle":
                cs = self.clause(i)[0]
                modal = next((k for k in range(cs, i) if self.low[k] in MODALS), None)
                if modal is not None and i + 1 < clause_end and self.low[i + 1] == "haben" \
                        and self.low[modal] in ("soll", "sollen") and i + 2 == clause_end \
                        and (cs > 0 and self.text[cs - 1] == "," or clause_end < self.n
                             and self.text[clause_end] in (",", ":")):
                    # "…, soll einer der Männer gesagt haben": hearsay of a report (framing a clause) is a report
                    return vf, self.with_companions([modal, i, i + 1], clause_end)
                if i + 1 < clause_end and self.low[i + 1] in ("werden", "haben", "sein") and modal is not None:
                    return None  # "kann veröffentlicht werden", "muss gewarnt haben": no report
                cue = self._with_auxiliary(i)
                if len(cue) == 1 and vf.verb.lemma in NAMING_VERBS:
                    continue  # "auch Scratching genannt": an attributive participle gives a name
                if self.low[i] in STATIVE_PARTICIPLES and any(self.low[k] in COPULA_FORMS | {"sein"} for k in cue):
                    return None  # "sind darauf angewiesen": a state, not an instruction
                if len(cue) > 1 or plain is None and not any(f.kind == "finite" for f in forms):
                    return vf, self.with_companions(cue, clause_end)
                continue  # "behauptet" without an auxiliary is the finite verb
            if vf.kind == "split_participle":
                words = vf.verb.particle.split()
                if self._phrase_ends_at(i - 1, words):
                    phrase = list(range(i - len(words), i))
                    return vf, self.with_companions(sorted(self._with_auxiliary(i) + phrase), clause_end)
                continue
            if plain is None:
                plain = (vf, self.with_companions([i], clause_end))
        return plain

    def _phrase_ends_at(self, k: int, words: list[str]) -> bool:
        """Tokens up to k are ``words`` (a verb particle, one word or a phrase like "zu bedenken")."""
        a = k + 1 - len(words)
        return a >= 0 and all(self.low[a + j] == w for j, w in enumerate(words))

    def extended_attribute(self, i: int) -> bool:
        """Token i is the participle closing an extended attribute ("die am Montag veröffentlichte Studie",
        "einer gestern vorgestellten Umfrage"): an article, then a preposition or adverb, then i before
        a noun.  Taggers often read such participles as finite verbs."""
        if i + 1 >= self.n or not self.is_noun(i + 1) or not self.low[i].endswith(("e", "en", "er", "es", "em")):
            return False
        s, _ = self.clause(i)
        for k in range(i - 2, max(s, i - 7) - 1, -1):
            if self.is_det(k) and not self.text[k].isdigit():
                nxt = self.low[k + 1]
                return (nxt in PREPOSITIONS or nxt in ADVERBS) and all(
                    not (self.has_pos and self.pos[x] in ("VVFIN", "VAFIN", "VMFIN")) for x in range(k + 1, i))
        return False

    def with_companions(self, cue: list[int], clause_end: int) -> list[int]:
        """Add the reflexive and correlate words a cue verb governs ("äußerte sich", "ging davon aus",
        "bezeichnete … als")."""
        extra = [k for k in range(cue[0] + 1, clause_end) if k not in cue and self.quote_of[k] < 0
                 and not (self.low[k] == "als" and self.quantity_number(k - 1) is not None)  # "mehr als 200"
                 and abs(k - cue[0]) <= 6 and (self.low[k] in CUE_COMPANIONS or self.low[k] in STANCE_ADJECTIVES
                                               or self.low[k] == "für" and k + 1 < clause_end
                                               and self.low[k + 1] in STANCE_ADJECTIVES)]
        if cue[0] > 0 and self.low[cue[0] - 1] == "es" and self.low[cue[0]] in AUXILIARIES:
            extra.append(cue[0] - 1)  # "Es wird vermutet, dass …"
        return sorted(set(cue + extra)) if extra else cue

    def _particle(self, i: int, clause_end: int, particle: str) -> int | None:
        for k in range(i + 1, clause_end):
            if self.low[k] == particle and (k + 1 >= clause_end or self.is_boundary(k + 1)):
                return k
        # past an apposition in commas: "Dies teilte der Vorsitzende, Magdalena Chu, mit."
        _, se = self.sentence_range(i)
        for k in range(clause_end, min(se, clause_end + 20)):
            if self.quote_of[k] >= 0 or self.text[k] in SENT_END or self.text[k] in (":", ";") \
                    or self.has_pos and self.pos[k] in ("VVFIN", "VAFIN", "VMFIN", "KOUS", "PRELS"):
                return None
            # "teilte der Gouverneur, Oleh Marenko, (auf Telegram) mit": after the apposition's closing comma
            if self.low[k] == particle and (k + 1 >= se or self.is_boundary(k + 1)) \
                    and "," in self.text[clause_end + 1:k]:
                return k
        return None

    def _with_auxiliary(self, i: int) -> list[int]:
        s, e = self.clause(i)
        cue = [i]
        for k in range(s, i):
            if self.low[k] in AUXILIARIES:
                cue.insert(0, k)
                break
        if i + 1 < e and self.low[i + 1] in AUXILIARIES:
            cue.append(i + 1)
        return cue

    def _weak_preterite(self, k: int) -> bool:
        """Token k is the preterite of a weak verb ("verwendete", "planten"): its stem plus -(e)te."""
        lemma = (self.toks[k].lemma or "").lower()
        if self.low[k] in self.lex.konjunktiv or not lemma.endswith("n"):
            return False
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        return any(self.low[k] == stem + e + ending for e in ("", "e") for ending in ("te", "ten", "test", "tet"))

    def _second_finite(self, k: int) -> bool:
        """Token k, tagged a Konjunktiv the lexicon does not know, shares its clause with an indicative
        finite verb: a clause has one finite verb, so the tag is wrong ("sind … zahlreiche Lager entstanden")."""
        if self.low[k] in self.lex.konjunktiv or not self.has_pos:
            return False
        s, e = self.clause(k)
        return any(j != k and self.pos[j].endswith("FIN") and "Mood=Ind" in self.toks[j].morph for j in range(s, e))

    def has_konjunktiv(self, a: int, b: int, reportive: bool = False) -> bool:
        """A Konjunktiv I or II verb form in [a, b), outside quotation marks; with ``reportive``, not
        counting the Konjunktiv II forms that mostly voice speculation ("könnte", "wäre")."""
        for k in range(a, b):
            if self.quote_of[k] >= 0 or reportive and self.low[k] in EPISTEMIC_KONJUNKTIV:
                continue
            if "Mood=Sub" in self.toks[k].morph and not self._weak_preterite(k) and not self._second_finite(k):
                return True  # (a weak preterite, "verwendete", is Konjunktiv II in form only)
            if self.low[k] in self.lex.konjunktiv and self.text[k][0].islower():
                return True
        return False


class QuoteRules:
    """Applies the rules to one document."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            doc.quotes = []
            return doc
        d = _Doc(doc, self.lex)
        cands: list[_Cand] = []
        used: set[int] = set()
        self._direct(d, cands, used)
        self._interview(d, cands)
        self._verbs(d, cands, used)
        self._cue_words(d, cands, used)
        cands.sort(key=lambda c: min(c.message or c.cue or [0]))
        cands = self._continuations(d, cands)
        cands = self._drop_contained(cands)
        # a message of quotation marks or punctuation only (an unclosed „ at a text end) says nothing
        cands = [c for c in cands if not c.message or any(any(ch.isalnum() for ch in d.text[k]) for k in c.message)]
        for c in cands:
            self._cited_speaker(d, c)
            self._message_after_source(d, c)
        doc.quotes = [self._to_quote(d, c) for c in cands]
        owners = self._message_owners(cands)
        for q, c in zip(doc.quotes, cands):
            if self._nested(c, owners):
                q.attrs["nested"] = True
        self._resolve_sources(d, doc)
        self._about(doc)
        return doc

    def _interview(self, d: _Doc, cands: list[_Cand]) -> None:
        """An interview in turns: "STANDARD: Wird die Inflation sinken? Berger: Ja, aber langsam." A sentence
        opening with a speaker label and a colon starts a turn that runs to the next label or line break;
        answers are the interviewee's words to the interviewer, questions the reverse."""
        surnames = {d.text[k] for k in d.person}
        labelled: list[tuple[int, int, tuple[str, ...]]] = []
        for a, b in d.sent_bounds:
            colon = next((k for k in range(a + 1, min(b, a + INTERVIEW_LABEL_MAX + 1)) if d.text[k] == ":"), None)
            if colon is None or colon + 1 >= b or any(d.quote_of[k] >= 0 for k in range(a, colon)):
                continue
            label = tuple(d.text[a:colon])
            if all(w[:1].isupper() and w.replace("-", "").isalpha() for w in label):
                labelled.append((a, colon, label))
        # a medium in capitals ("STANDARD", "ZEIT ONLINE") asks at least one question somewhere
        asking = {label for a, colon, label in labelled if all(w.isupper() and len(w) > 1 for w in label)
                  and "?" in d.text[colon:d.sent_bounds[d.sent_of[a]][1]]}
        turns: list[tuple[int, int, bool]] = []  # (label start, colon, is the interviewer)
        for a, colon, label in labelled:
            if label in asking or len(label) == 1 and label[0] in INTERVIEWER_LABELS:
                turns.append((a, colon, True))
            elif label[-1] in surnames or len(label) == 1 and label[0] in INTERVIEWEE_LABELS:
                turns.append((a, colon, False))
        if not any(interviewer for *_, interviewer in turns) or all(interviewer for *_, interviewer in turns):
            return  # an interview has questions and answers: a lone "Berger: …" may be a caption

        def speaker(turn: tuple[int, int, bool] | None) -> list[int]:
            # "Frage:" names no one; "STANDARD:" and "Berger:" name the interviewer and the interviewee
            if turn is None or turn[1] == turn[0] + 1 and d.text[turn[0]] in INTERVIEWER_LABELS | INTERVIEWEE_LABELS:
                return []
            return list(range(turn[0], turn[1]))

        for t, (a, colon, interviewer) in enumerate(turns):
            end = turns[t + 1][0] if t + 1 < len(turns) else d.n
            stop = next((k for k in range(colon + 2, end)
                         if "\n" in d.doc.text[d.toks[k - 1].end:d.toks[k].start]), end)
            msg = list(range(colon + 1, d.message_end(stop - 1)))
            # the other side: a question is put to the next interviewee, an answer given to the interviewer asking
            order = turns[t + 1:] + turns[:t][::-1] if interviewer else turns[:t][::-1] + turns[t + 1:]
            other = next((x for x in order if x[2] != interviewer), None)
            if msg:
                cands.append(_Cand("Direct", source=speaker(turns[t]), message=msg, sentence=d.sent_of[a],
                                   addressee=speaker(other), cue_kind="interview"))

    @staticmethod
    def _about(doc: Document) -> None:
        """attrs["about"]: names of the people, organisations and places a message mentions (whom the
        quotation is about), without the speaker and what the source phrase names (a reported message
        spans its whole clause: "Die Sprecherin des Außenministeriums, X, bezeichnete …" is not about the
        ministry)."""
        if not doc.mentions or not doc.entities:
            return
        # Mentions by start offset, so each message span looks only at the mentions inside it:
        # linear in the document's length, not mentions x quotes.
        linked = sorted((m for m in doc.mentions if m.entity is not None and m.label != "MISC"),
                        key=lambda m: m.start)
        starts = [m.start for m in linked]
        for q in doc.quotes:
            names: list[str] = []
            for s, e in sorted(q.message):
                for m in linked[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]:
                    if m.end <= e and m.entity != q.source_entity \
                            and not any(a <= m.start and m.end <= b for a, b in q.source):
                        name = doc.entities[m.entity].name
                        if name not in names:
                            names.append(name)
            if names:
                q.attrs["about"] = names

    # -- 1. direct quotes -----------------------------------------------------------------------
    def _direct(self, d: _Doc, cands: list[_Cand], used: set[int]) -> None:
        k = 0
        while k < len(d.quotes):
            o, c = d.quotes[k]
            msg = list(range(o, c + 1))
            cand = self._attribute_direct(d, o, c, used)
            # interrupted quote: „…“, sagte X. „…“ or „…“, sagte X, „…“
            while cand is not None and cand.cue and k + 1 < len(d.quotes):
                o2, c2 = d.quotes[k + 1]
                gap = range(max(cand.cue + cand.source + [c]) + 1, o2)
                # the frame may go on with a time or place: „…“, sagte Scholz am Donnerstag in Kiew, „…“
                adjuncts = list(gap)[:-1]
                frame_rest = 0 < len(gap) <= 8 and d.text[o2 - 1] in (",", ".", ":") and all(
                    d.text[g][:1].isalnum() and not (d.has_pos and d.pos[g].startswith("V")) for g in adjuncts) \
                    and any(g in d.in_timex or d.low[g] in ("am", "in", "im", "bei", "beim", "vor") for g in adjuncts[:1])
                if (len(gap) <= 2 and all(d.text[g] in (",", ".", ":") for g in gap) or frame_rest) \
                        and self._attribute_direct(d, o2, c2, set(used), probe=True) is None:
                    msg += list(range(o2, c2 + 1))
                    k += 1
                else:
                    break
            # quoted fragments in a row: nannte den Plan „absurd“, „teuer“ und „gefährlich“
            while cand is not None and cand.cue and min(cand.cue) < o and k + 1 < len(d.quotes) \
                    and d.quotes[k + 1][0] == msg[-1] + 2 and d.low[msg[-1] + 1] in ("und", "oder", "sowie", ","):
                msg += list(range(d.quotes[k + 1][0], d.quotes[k + 1][1] + 1))
                k += 1
            # a short quotation that is a whole sentence of its own („Wir werden siegen.“) is speech too
            whole_sentence = c - o - 1 >= 3 and d.text[c - 1] in SENT_END and d.sentence_range(o)[0] == o
            if cand is None and (c - o - 1 >= 5 or whole_sentence) and self._statement(d, o, c) \
                    and not self._embedded_title(d, o):
                # no attribution next to it: the speaker is found in the continuation step
                cand = _Cand("Direct", cue_kind="none", carried=True)
            if cand is not None:
                cand.message = msg
                cand.sentence = d.sent_of[o]
                cands.append(cand)
                used.update(cand.cue)
            k += 1

    def _attribute_direct(self, d: _Doc, o: int, c: int, used: set[int], probe: bool = False) -> _Cand | None:
        if self._embedded_title(d, o):
            return None
        # after the quote: „…“, sagte X / „…“, so X / „…“, heißt es
        j = c + 1
        if j < d.n and d.text[j] == ",":
            j += 1
        standalone = o == d.sentence_range(o)[0] or d.hard[o - 1] or self._statement(d, o, c)
        # „…,“ sagte X / „…?“ fragte X / „…“ erklärte X (the comma left out)
        comma_inside = d.text[c - 1] in (",", "!", "?") or (
            j == c + 1 and j < d.n and d.low[j] in self.lex.forms and d.text[j][:1].islower()) or (
            j == c + 1 and j < d.n and d.low[j] in self.lex.cue_words["so"] and d.text[c - 1] in SENT_END)
        # (the last: „… lästig.“ so das Fazit der Betreiber — also when a sentence break was put after the quote)
        # „BBC News“ berichtet, dass …: a quoted name before its verb is the subject, not a quotation
        quoted_name = j == c + 1 and c - o - 1 <= 4 and d.text[c - 1] not in SENT_END and d.text[c - 1] != "," \
            and self._capitalised_only(d, o, c)
        if j == c + 1 and o > 1 and d.text[o - 1] == ":" and d.quote_of[o - 2] < 0 and not probe \
                and (self._statement(d, o, c) or not self._title(d, o, c)):
            # "X rief dazwischen: „…!“ Y konterte, …": a frame before the colon owns the quote, not the next
            # sentence's verb
            s, e = d.clause(o - 2)
            cand = self._cue_in_clause(d, s, e, used) if s < o - 1 else None
            if cand is not None:
                cand.form = "Direct"
                return cand
        if standalone and not quoted_name and j < d.n and d.quote_of[j] < 0 and (j > c + 1 or comma_inside):
            _, e = d.clause(j)
            cand = self._cue_in_clause(d, j, e, used, after_quote=True)
            if cand is not None:
                cand.form = "Direct"
                return cand
        if probe:
            return None
        # before the quote: X sagte: „…“ / X: „…“ / sagte X, „…“
        _, se = d.sentence_range(c)
        ends_sentence = c + 1 >= se or d.text[c + 1] in SENT_END
        if o > 0 and d.text[o - 1] in (":", ",") and ends_sentence \
                and (self._statement(d, o, c) or not self._title(d, o, c)):  # not "gab den Titel bekannt: „…“"
            t = o - 2
            if t > 0 and d.quote_of[t] >= 0 and d.quotes[d.quote_of[t]][1] == t \
                    and self._capitalised_only(d, *d.quotes[d.quote_of[t]]) and d.quotes[d.quote_of[t]][0] > 0:
                # a quoted name before the colon: sagte der „Stuttgarter Zeitung“: „…“
                t = d.quotes[d.quote_of[t]][0] - 1
            s, e = d.clause(t) if o >= 2 else (o - 1, o - 1)
            if t != o - 2:
                e = o - 1
            if s < o - 1 and d.quote_of[t] < 0:
                cand = self._cue_in_clause(d, s, e, used)
                if cand is not None:
                    cand.form = "Direct"
                    return cand
                if d.text[o - 1] == ":" and d.np_forward(s, e) == e:
                    return _Cand("Direct", source=list(range(s, e)), cue_kind="colon")
                if d.text[o - 1] == ":" and e - 1 > s and d.low[e - 1] == "wörtlich" \
                        and d.np_forward(s, e - 1) == e - 1:
                    # "Koppelin wörtlich: „…“": the adverb stands for the verb of saying
                    return _Cand("Direct", cue=[e - 1], source=list(range(s, e - 1)), cue_kind="colon")
                if d.text[o - 1] == ":":
                    cand = self._colon_frame(d, s, e)
                    if cand is not None:
                        return cand
        # a quoted fragment inside a clause with a reporting verb: bezeichnete X als „…“
        s, _ = d.clause(o - 1) if o > 0 and not d.is_boundary(o - 1) else (o, o)
        _, e = d.clause(c + 1) if c + 1 < d.n and not d.is_boundary(c + 1) else (c + 1, c + 1)
        if self._statement(d, o, c) and s == o:
            return None  # a statement opening its clause; inside one it is framed like a fragment:
            # "sprach von einem „Feldzug gegen …“", "kommentierte „Die Kanzlerin hat …“"
        if self._capitalised_only(d, o, c) or self._title(d, o, c):
            return None
        if s < o or e > c + 1:
            # the verb nearest before the fragment governs it ("zeigte sich bestürzt und verurteilte ihn als
            # „…“"), else the first after it
            for i in list(range(o - 1, s - 1, -1)) + list(range(c + 1, e)):
                if i in used:
                    continue
                hit = d.verb_at(i, e)
                if hit is not None:
                    vf, cue = hit
                    src = self._without_dative_medium(d, vf, cue, self._subject(d, s, e, cue))
                    if src and (min(src) <= o <= max(src) or (max(src) == o - 1 and d.is_det(o - 1))):
                        return None  # the quotation names the speaker: "Wie die „Aktion Deutschland hilft“ mitteilte"
                    return _Cand("Direct", medium=vf.verb.medium, cue=self._fragment_preposition(d, o, cue),
                                 source=src, addressee=self._addressee(d, vf, cue, src, e), channel=vf.verb.channel)
        return None

    @staticmethod
    def _capitalised_only(d: _Doc, o: int, c: int) -> bool:
        """Every word between the quotation marks o and c is capitalised: a name or title („BBC News“)."""
        return all(d.text[k][:1].isupper() or not d.text[k][:1].isalpha() for k in range(o + 1, c))

    @staticmethod
    def _without_dative_medium(d: _Doc, vf: VerbForm, cue: list[int], src: list[int],
                               verb_final: bool = False) -> list[int]:
        """A subject after the verb (or before the verb at the end of a "wie" clause) ends before
        "der/dem <medium>": "sagten zwei Beamte der Nachrichtenagentur Reuters", "wie ein Diplomat der
        Nachrichtenagentur dpa mitteilte" name the addressee, not whose officials they are."""
        if vf.verb.addressee != "dat" or not src or (src[0] < cue[0] and not verb_final):
            return src
        for j, k in enumerate(src[1:-1], start=1):
            if d.dative_medium(k, src[-1] + 1):
                return src[:j]
        return src

    @staticmethod
    def _fragment_preposition(d: _Doc, o: int, cue: list[int]) -> list[int]:
        """The cue with the preposition that joins a quoted fragment to its verb: "bezeichnete … als
        „Wortbruch“", "sprach von einer „Katastrophe“", "warnte vor einem „Flächenbrand“"."""
        k = o - 1
        while k > 0 and k not in cue and (d.is_det(k) or d.is_adj(k)) and o - k <= 3:
            k -= 1
        if k >= 0 and k not in cue and d.low[k] in FRAGMENT_CUE_PREPS and d.quote_of[k] < 0:
            return sorted(set(cue) | {k})
        return cue

    def _colon_frame(self, d: _Doc, s: int, e: int) -> _Cand | None:
        """"Dabei griff sie den Präsidenten an: „…“": a main clause ending in a colon before a quotation
        frames it even without a verb of saying; its finite verb (with particle and reflexive) is the cue.
        Needs the tagger to find the finite verb."""
        if not d.has_pos:
            return None
        ss, _ = d.sentence_range(s)
        clause_start = s
        if s > ss and d.text[s - 1] == ",":  # the clause after an apposition: take the whole sentence
            s = ss
        verbs = [k for k in range(s, e) if d.pos[k] in ("VVFIN", "VAFIN", "VMFIN") and d.quote_of[k] < 0]
        # (a relative pronoun opens a subordinate clause only after a comma; "Die" opening the sentence is an article)
        if len(verbs) != 1 or d.low[s] in SUBORDINATORS or d.low[s] in RELATIVES and s > ss:
            return None
        fin = verbs[0]
        cue = [fin] + [k for k in range(fin + 1, e) if d.pos[k] in ("PTKVZ", "VVPP", "VVINF")
                       or d.low[k] in ("sich",) and k - fin <= 4]
        # "Die Präsidentin des Verbands, Ilse Dorn, wandte sich …": the subject with its apposition
        src = self._subject(d, clause_start if fin == clause_start else s, e, cue)
        if not src or any(d.pos[k].startswith("V") for k in src):
            return None
        addressee: list[int] = []
        hit = d.verb_at(fin, e) if d.low[fin] in self.lex.forms else None
        if hit is not None:  # "Dem Magazin X sagte Kristina Mena, Professorin …: „…“"
            addressee = self._addressee(d, hit[0], cue, src, e)
        elif any(d.low[k] == "sich" for k in cue):  # "wandte sich an die Aktionäre: „…“"
            at = next((k for k in range(fin + 1, e) if d.low[k] == "an"), None)
            if at is not None and d.np_forward(at + 1, e, appositions=False) > at + 1:
                addressee = list(range(at + 1, d.np_forward(at + 1, e, appositions=False)))
        return _Cand("Direct", cue=sorted(cue), source=src, addressee=addressee, cue_kind="colon")

    @staticmethod
    def _embedded_title(d: _Doc, o: int) -> bool:
        """A quotation after an article or preposition is a name or title: die „Welt“, in „Nature“."""
        if o == 0 or any(d.low[k] == "als" for k in range(max(0, o - 3), o)):
            return False
        prev = d.low[o - 1]
        if prev in INDEFINITE:
            return False  # "sprach von einer „Gefahr für Leib und Leben“": a fragment, not a title
        if prev in DETS and o + 1 < d.n and d.quote_of[o] >= 0:
            c = d.quotes[d.quote_of[o]][1]
            if any(d.text[k][:1].islower() and d.text[k].isalpha() and d.low[k] not in DETS
                   and d.low[k] not in PREPOSITIONS and d.low[k] not in CONJUNCTIONS for k in range(o + 1, c)):
                return False  # a phrase with lower-case content words is speech: einen „offensiven Umgang“
        return prev in DETS or (prev in PREPOSITIONS and prev not in FRAGMENT_PREPS)

    @staticmethod
    def _title(d: _Doc, o: int, c: int) -> bool:
        """A quoted name or title, not quoted words: „Figaro“, „2001: Odyssee im Weltraum“ (every word
        capitalised apart from function words), or after an article or preposition (die „Welt“)."""
        words = [k for k in range(o + 1, c) if d.text[k][:1].isalpha()]
        if not words or QuoteRules._embedded_title(d, o):
            return True
        if len(words) < 2 or (o > 0 and (d.low[o - 1] == "als" or d.low[o - 1] in FRAGMENT_PREPS)):
            return False  # "als „Wortbruch“", "sprach von „Völkermord“": quoted words
        if o > 0 and d.low[o - 1] in INDEFINITE and any(
                f.verb.lemma in NAMING_VERBS for k in range(max(0, o - 8), o) for f in d.lex.forms.get(d.low[k], ())):
            return False  # "nannte die Entscheidung einen „Sieg für die Demokratie“": the words are the naming
        return all(d.text[k][:1].isupper() or d.low[k] in DETS or d.low[k] in PREPOSITIONS
                   or d.low[k] in CONJUNCTIONS or d.low[k] in NAME_PARTICLES for k in words) \
            and d.text[words[0]][:1].isupper()

    @staticmethod
    def _statement(d: _Doc, o: int, c: int) -> bool:
        """A quotation that can stand alone as speech: ends like a sentence or is long."""
        return d.text[c - 1] in SENT_END or d.text[c - 1] in ("…", "...") or c - o - 1 >= 10

    def _cue_in_clause(self, d: _Doc, s: int, e: int, used: set[int], after_quote: bool = False) -> _Cand | None:
        """A reporting cue in the short clause [s, e) next to a quote."""
        low = d.low[s] if s < d.n else ""
        if low in self.lex.cue_words["so"] and after_quote:
            src_end = d.np_forward(s + 1, e)
            if src_end > s + 1:
                return _Cand("Direct", cue=[s], source=list(range(s + 1, src_end)), cue_kind="so")
        if low in self.lex.cue_words["before"]:
            src_end = d.np_forward(s + 1, e)
            if src_end > s + 1:
                return _Cand("Direct", cue=[s], source=list(range(s + 1, src_end)), cue_kind="before")
        for i in range(s, min(e, s + 12)):
            if i in used:
                continue
            if d.low[i] in self.lex.cue_words["heisst"] and self._es_near(d, i, s, e):
                return self._heisst(d, i, s, e)
            hit = d.verb_at(i, e)
            if hit is None:
                continue
            vf, cue = hit
            cue = self._with_causative_lassen(d, cue, s)
            src = self._without_dative_medium(d, vf, cue, self._subject(d, s, e, cue))
            return _Cand("Direct", medium=vf.verb.medium, cue=cue, source=src,
                         addressee=self._addressee(d, vf, cue, src, e), channel=vf.verb.channel)
        return None

    # -- 2. reporting verbs -----------------------------------------------------------------------------
    def _verbs(self, d: _Doc, cands: list[_Cand], used: set[int]) -> None:
        covered = {i for cand in cands for i in cand.message}
        for i in range(d.n):
            if i in used or i in covered or d.quote_of[i] >= 0:
                continue
            if d.low[i] not in self.lex.forms:
                continue
            s, e = d.clause(i)
            hit = d.verb_at(i, e)
            if hit is None:
                continue
            vf, cue = hit
            if any(k in used for k in cue):
                continue
            if vf.verb.lemma in REFLEXIVE_CUE_VERBS and d.low[s] not in self.lex.cue_words["wie"] \
                    and not any(d.low[k] == "sich" for k in range(s, e)) \
                    and not (i == s + 1 and d.low[s] in ANAPHORIC_OBJECTS and d.starts_clause(s)):
                continue  # (but "Das zeigt eine Studie": the sentence before is what it shows)
            aux = self._distant_auxiliary(d, cue, e)
            if aux is not None:
                cue, s = [aux] + cue, d.clause(aux)[0]
            else:
                cue = self._with_causative_lassen(d, cue, s)
            if self._negated_cue(d, cue):
                continue  # "wurde noch nicht gefragt, ob …", "sagte nicht, wann …": no act of saying
            cand = self._verb_quote(d, vf, cue, s, e)
            if cand is not None and vf.verb.lemma in NARRATING_VERBS \
                    and any(d.is_noun(k) and d.text[k].endswith(WORKS) for k in cand.source):
                continue  # "Das Buch beschreibt, wie …", "Der Film erzählt von …": a work narrates, nobody speaks
            if cand is not None:
                used.update(cand.cue)
                cands.append(cand)
                covered.update(cand.message)

    @staticmethod
    def _with_causative_lassen(d: _Doc, cue: list[int], s: int) -> list[int]:
        """The cue with a causative lassen before its infinitive ("ließ über seinen Anwalt erklären": the
        one who has it said speaks) or right after it ("wie der Konzern wissen ließ")."""
        lassen = None
        if d.has_pos and d.pos[cue[0]] == "VVINF":
            lassen = next((k for k in range(s, cue[0]) if d.low[k] in CAUSATIVE_LASSEN), None)
            if lassen is None and cue[-1] + 1 < d.n and d.low[cue[-1] + 1] in CAUSATIVE_LASSEN:
                lassen = cue[-1] + 1
        return cue if lassen is None else sorted([lassen] + cue)

    def _distant_auxiliary(self, d: _Doc, cue: list[int], e: int) -> int | None:
        """The finite auxiliary of a participle cue that closes its clause, when parentheses or
        appositions in commas stand between them: "Wulff (CDU) hat in einem Gespräch mit Peres (Awoda,
        Arbeiterpartei) bekräftigt, …", "hatte der Investor, Larry Silverstein, zugesagt, …"."""
        i = cue[0]
        if len(cue) != 1 or not d.has_pos or i + 1 < e or d.pos[i] not in ("VVPP", "VVFIN") \
                or not any(f.kind == "participle" for f in self.lex.forms[d.low[i]]):
            return None  # ("bestritten" is tagged VVFIN as often as VVPP)
        ss, _ = d.sentence_range(i)
        for k in range(i - 1, max(ss, i - 30) - 1, -1):
            # a full stop inside the sentence ends an abbreviation ("dt .", "Benedikt XVI .")
            if d.quote_of[k] >= 0 or d.text[k] in ("!", "?", ":", ";") \
                    or d.low[k] in SUBORDINATORS or d.low[k] in self.lex.cue_words["wie"] \
                    or d.pos[k] in ("VVFIN", "VMFIN", "KOUS", "PRELS", "PWS", "PWAV"):
                return None  # (nor across "wie": "Längst haben sie …, wie ein Insider berichtet")
            if d.pos[k] == "VAFIN":
                return k if d.low[k] in AUXILIARIES and d.low[k] not in MODALS else None
        return None

    def _verb_quote(self, d: _Doc, vf: VerbForm, cue: list[int], s: int, e: int) -> _Cand | None:
        verb = vf.verb
        ss, se = d.sentence_range(cue[0])
        if max(cue) >= e:  # the particle stands after an apposition: the clause runs to it
            e = d.clause(max(cue))[1]
        first = d.low[s]
        mk = lambda form, src, msg, kind="verb": _Cand(  # noqa: E731
            form, medium=verb.medium, cue=cue, source=src, message=msg, channel=verb.channel,
            addressee=self._addressee(d, vf, cue, src, e), sentence=d.sent_of[cue[0]], cue_kind=kind)
        # "wie X mitteilte" / "Wie X, Sprecher von Y, mitteilte, …": the rest of the sentence is the message
        if first not in self.lex.cue_words["wie"] and vf.kind in ("fused", "participle", "finite"):
            w = self._wie_start(d, s, ss)
            if w is not None:
                s, first = w, d.low[w]
        if first in self.lex.cue_words["wie"] and s < cue[0]:
            if verb.lemma in NAMING_VERBS:
                return None  # "wie er genannt wird": a name, not a report
            if d.low[s + 1] in DEGREE_WORDS \
                    or any(d.low[k] in ("so", "ebenso", "genauso") for k in range(max(ss, s - 4), s)):
                return None  # "wie sehr sie …", "so laut, wie man es erwartet hatte": a degree or comparison
            a, reflexive = s + 1, []
            k = a
            while k + 1 < cue[0] and (d.low[k] in ADVERBS or d.low[k] in FOCUS_ADVERBS) and d.low[k] != "sich":
                k += 1
            if k > a and "," not in d.text[d.np_forward(k, cue[0]):cue[0]]:
                a = k  # "Wie schon die WHO sagte", but not the comparison "wie auch schon der Kollege, auf … hinweist"
            # "Wie am Montag bekannt wurde", "Wie gestern die Polizei mitteilte": a time is no source
            while a < cue[0] and (a in d.in_timex or d.low[a] in ("am", "an", "im") and a + 1 in d.in_timex):
                a += 1
            if a + 1 < cue[0] and d.low[a] == "sich" and d.low[a + 1] in ("aus", "von", "vom"):
                a, reflexive = a + 2, [a]  # "Wie sich aus der Auswertung ergab": the source is what it follows from
            if a + 1 < cue[0] and d.low[a] in ORIGIN_PREPS and d.np_forward(a, cue[0]) == a:
                a += 1  # "Wie aus einem Papier hervorgeht", "Wie von der Polizei mitgeteilt wurde": no subject
            src = list(range(a, d.np_forward(a, cue[0])))
            if len(src) == 1 and d.low[src[0]] == "man" or src and d.low[src[-1]] in SELF_DESCRIBING_NOUNS:
                return None  # "wie man gerne sagt", "Wie der Name schon sagt": an idiom, not a report
            src = self._without_dative_medium(d, vf, cue, [k for k in src if k not in cue], verb_final=True)
            drop = set(range(s, e)) | {s - 1, e}
            msg = [k for k in range(ss, d.message_end(ss)) if k not in drop]
            if msg:
                cand = mk("Indirect", src, msg, "wie")
                cand.cue = [s] + reflexive + cue
                rest = list(range(max(src) + 1, cue[0])) if src else []
                while rest and (rest[0] in d.in_timex or d.low[rest[0]] in ("am", "im") and rest[0] + 1 in d.in_timex):
                    rest.pop(0)  # "am Dienstag dem US-Magazin Wired"
                if not cand.addressee and 2 <= len(rest) <= 5 and d.dative_medium(rest[0], cue[0]):
                    cand.addressee = rest  # the medium split off the subject: "der Nachrichtenagentur dpa"
                return cand
            return None
        # "Tatsächlich, so betont die Polizei, ist dies …": an interjected "so" + verb
        if first == "so" and cue[0] == s + 1 and s > ss and d.text[s - 1] == ",":
            after = cue[-1] + 1
            while after < e and d.low[after] in ADVERBS:
                after += 1
            src = list(range(after, d.np_forward(after, e)))
            msg = list(range(ss, s - 1))
            if e < se and d.text[e] == ",":
                msg += list(range(e + 1, d.message_end(e)))
            if src and msg:
                cand = mk("Indirect", src, msg)
                cand.subjunctive = d.has_konjunktiv(msg[0], msg[-1] + 1)
                return cand
        # "Zuvor hatte ein Sprecher, Hans Meier, erklärt, …": the auxiliary and subject stand before the
        # apposition, the participle after it
        if s == cue[0] and len(cue) == 1 and s > ss \
                and any(f.kind in ("participle", "split_participle") for f in self.lex.forms[d.low[s]]) \
                and d.text[s - 1] == "," and self._has_complement(d, e, se):
            frame = self._aux_before_apposition(d, s, ss)
            if frame is not None:
                aux, src_start = frame
                cand = mk("Indirect", list(range(src_start, s - 1)), list(range(e + 1, d.message_end(e + 1))))
                cand.cue = [aux] + cue
                cand.subjunctive = d.has_konjunktiv(e + 1, d.message_end(e + 1))
                return cand
        # "Die Lage, sagte der Minister, sei ernst": a frame interjected after the first phrase of the report
        if s == cue[0] and s > ss and d.text[s - 1] == "," and e + 1 < se and d.text[e] == "," and d.has_pos \
                and d.pos[e + 1] in ("VAFIN", "VMFIN", "VVFIN") and self._verbless(d, ss, s - 1) \
                and d.quote_of[ss] < 0 and d.low[ss] not in SUBORDINATORS:
            after = self._after_verb(d, cue[-1] + 1, e, cue)
            src = list(range(after, d.np_forward(after, e)))
            if src:
                msg = list(range(ss, s - 1)) + list(range(e + 1, d.message_end(e + 1)))
                cand = mk("Indirect", src, msg)
                cand.subjunctive = d.has_konjunktiv(e + 1, d.message_end(e + 1))
                return cand
        # "Die Sprecherin des Ministeriums, Maria Sacharowa, kritisierte …": the subject has an apposition
        if s == cue[0] and s > ss and d.text[s - 1] == ",":
            start = ss
            while start < s and d.low[start] in CONJUNCTIONS:
                start += 1
            if start < s - 1 and d.np_forward(start, s) == s - 1:
                s = start
        # inverted: "Y sei …, sagte X" — the verb opens a clause after a comma (and has no complement)
        # (not a second predicate of the same subject: "Die ÖVP gratulierte, mahnte aber … ein")
        if s == cue[0] and s > ss and d.text[s - 1] == "," and not self._has_complement(d, e, se) \
                and not (d.has_konjunktiv(cue[0], cue[0] + 1) and d.has_konjunktiv(ss, s - 1)) \
                and not (cue[0] + 1 < e and d.low[cue[0] + 1] in SECOND_PREDICATE_ADVERBS
                         and not d.has_konjunktiv(ss, s - 1)):
            # (a verb in Konjunktiv after a Konjunktiv clause continues the report: "Man sei bereit,
            # erwarte aber ein besseres Angebot")
            after = self._after_verb(d, cue[0] + 1, e, cue)
            src_end = d.np_forward(after, e)
            # "beteuerte die Ministerin im Untersuchungsausschuss.": a closing "im/beim/vor …" phrase says where
            cut = next((k for k in range(after + 1, src_end) if d.low[k] in SETTING_PREPS), None)
            if cut is not None and src_end == e and after not in d.person \
                    and self._role_kind(d.text[cut - 1]) != "PER":  # "ein Sprecher im Kanzleramt" works there
                src_end = cut
            src_end = d.audience_start(after, src_end)
            src = self._without_dative_medium(d, vf, cue, list(range(after, src_end)))
            if src:
                # "Peking reagierte prompt: Deutschland solle …, erklärte eine Sprecherin": after the colon
                colon = max((k for k in range(ss, s - 2) if d.text[k] == ":" and d.quote_of[k] < 0), default=None)
                msg = list(range(colon + 1 if colon is not None else ss, s - 1))
                last = d.clause(s - 2)[0] if s - 2 >= ss else ss
                if msg and any(d.quote_of[k] >= 0 or self._verb_like(d, k) for k in msg) \
                        and not (d.low[ss] in SUBORDINATORS and d.low[ss] not in ("dass", "ob")
                                 and d.text[s - 2] not in QUOTE_MARKS
                                 and not (d.has_pos and d.pos[ss + 1] in ("VAFIN", "VVFIN", "VMFIN"))) \
                        and not (last > ss and d.low[last] in RELATIVES | {"wo"} and d.quote_of[s - 2] < 0
                                 and self._verbless(d, ss, d.clause(ss)[1])):
                    # (not "Als die Polizei eintraf, sagte …", nor "Neben Kursen, die … angeboten werden, bieten …";
                    # but "Damit sei …" is the adverb: the verb follows it)
                    if e + 1 < se and d.text[e] == "," and d.low[e + 1] in CONJUNCTIONS \
                            and self._verbless(d, e + 1, d.message_end(e + 1)):
                        msg += list(range(e + 1, d.message_end(e + 1)))  # "…, glaubt X, aber nicht vor Ostern."
                    cand = mk("Indirect", src, msg)
                    cand.subjunctive = d.has_konjunktiv(ss, s - 1)
                    return cand
        # a complement after the clause: "X sagte, dass …" / "X sagte, Y sei …" / "X sagte: …"
        if e < se and d.text[e] in (",", ":") and e + 1 < se:
            nxt = e + 1
            konj = d.has_konjunktiv(nxt, d.message_end(nxt))
            passive = any(d.low[k] in PASSIVE_AUX for k in cue)
            # "Nachdem X gewarnt hatte, sei …": after a subordinate clause the main clause follows
            # but "…, der sagte, man dürfe …": a Konjunktiv clause not opened by its verb is the message
            main_follows = self._subordinate(d, s, cue) and d.low[nxt] not in COMPLEMENT_STARTS \
                and not self._zu_infinitive(d, nxt, d.clause(nxt)[1]) and d.text[e] != ":" \
                and not (konj and (d.low[nxt] in SUBJECT_PRONOUNS or not self._verb_like(d, nxt))
                         and d.has_konjunktiv(nxt, d.clause(nxt)[1]))
            is_complement = not main_follows and self._has_complement(d, e, se) or (
                (e - cue[-1] <= 4 or self._only_adverbials(d, cue[-1] + 1, e)) and not passive
                and not self._subordinate(d, s, cue) and self._plain_clause_follows(d, nxt)
                and not self._conditional_tail(d, e))
            # "X bestätigte den Vorfall, teilte aber mit, …": the clause after the comma is a second
            # report of the same subject, not this verb's complement; so is "X verteidigte die
            # Entscheidung und sagte, …", where the later verb owns the complement
            second_report = d.text[e] == "," and d.verb_at(nxt, d.clause(nxt)[1]) is not None
            # "rechnet mit Kosten von 6 Millionen, wie der Baudezernent bestätigte": a closing wie-frame
            ce = d.clause(nxt)[1]
            if d.low[nxt] in self.lex.cue_words["wie"] and ce < d.n and d.text[ce] in SENT_END \
                    and self._closing_wie_frame(d, nxt, ce):
                is_complement = False
            # "wies die Forderung der CSU zurück, das Asylrecht einzuschränken": the infinitive is the
            # content of the object noun, not what the subject said
            if not konj and d.text[e] == "," and self._zu_infinitive(d, nxt, d.clause(nxt)[1]) \
                    and any(d.text[k] in INFINITIVE_NOUNS for k in range(cue[0] + 1, e)):
                is_complement = False
            if is_complement and not second_report and not self._trailing_frame(d, nxt, se):
                coordinated = self._coordinated_report(d, cue, e)
                if coordinated is not None:
                    # "X kritisierte den Schritt und warf Y vor, …", "hat sich … ausgesprochen und
                    # behauptet, …": the later verb frames the complement (and is found on its own);
                    # the first conjunct may be reported speech of its own
                    src = self._subject(d, s, e, cue)
                    objects = [k for k in range(cue[-1] + 1, coordinated) if k not in cue]
                    if verb.reported and src and objects and min(src) < cue[0]:
                        return mk("Reported", src, list(range(s, coordinated)))
                    return None
                src = self._subject(d, s, e, cue) or self._origin_phrase(d, s, e, cue)
                msg = self._before_so_frame(d, list(range(nxt, self._message_stop(d, nxt, d.message_end(nxt)))))
                if d.quote_of[nxt] >= 0 and d.quotes[d.quote_of[nxt]][1] >= msg[-1]:
                    return None  # a direct quote: handled by the direct rule
                if not set(msg) <= set(src):  # "Das bestätigte der Präsident, Susilo Yudhoyono.": the
                    cand = mk("Indirect", src, msg)  # part after the comma is the source's apposition
                    cand.subjunctive = konj
                    return cand
        # "Dies teilte ein Sprecher mit.": the previous sentence is the message
        if s > ss and d.text[s - 1] == "," and d.low[s] in ANAPHORIC_OBJECTS and cue[0] == s + 1:
            src = self._subject(d, s, e, cue)
            msg = list(range(ss, s - 1))
            if src and msg and any(d.quote_of[k] >= 0 or self._verb_like(d, k) for k in msg):
                return mk("Indirect", src, msg)  # "…, das teilte die Universität mit."
        if s == ss and d.low[s] in ANAPHORIC_OBJECTS and cue[0] == s + 1 and d.sent_of[s] > 0:
            ps, pe = d.sent_bounds[d.sent_of[s] - 1]
            src = self._subject(d, s, e, cue) or self._document_phrase(d, cue[0] + 1, e, ("aus", "in", "im")) \
                or self._origin_phrase(d, s, e, cue)  # "Das verlautete aus Regierungskreisen."
            if src and pe > ps:
                whole_quote = d.quote_of[ps] >= 0 and d.quote_of[ps] == d.quote_of[pe - 1]
                msg = list(range(ps, d.message_end(ps) if not whole_quote else pe))
                cand = mk("Direct" if whole_quote else "Indirect", src, msg)
                cand.subjunctive = d.has_konjunktiv(ps, pe)
                return cand
        # a zu-infinitive without the comma: "Der Konzern hat angekündigt die Preise zu erhöhen."
        if not self._subordinate(d, s, cue) and e - cue[-1] >= 3 and e - 1 not in cue \
                and self._zu_infinitive_end(d, e - 1) and (e >= se or d.text[e] in SENT_END or d.text[e] == ","):
            msg = list(range(cue[-1] + 1, e))
            if all(d.quote_of[k] < 0 and not (d.has_pos and d.pos[k] in ("VVFIN", "VAFIN", "VMFIN")) for k in msg):
                return mk("Indirect", self._subject(d, s, e, cue), msg)
        # reported speech: "X kritisierte die Entscheidung."  For verbs not marked `reported` the clause
        # only names the current speaker for quotations that follow ("X begrüßte den Plan. „…“").
        if not self._subordinate(d, s, cue) and vf.kind != "fused" \
                and not any(d.low[k] in PASSIVE_AUX for k in cue):
            src = self._subject(d, s, e, cue)
            objects = [k for k in range(s, e) if k not in cue and k not in src]
            if src and objects and not (len(src) == 1 and d.low[src[0]] in RELATIVES):
                fragments = [k for o, c in d.quotes if s <= o and c < e and c - o - 1 <= SHORT_QUOTE
                             and not self._title(d, o, c) for k in range(o, c + 1)]
                # (also after a verb that is no report alone when "als" joins the words: "verurteilte die
                # Maßnahmen als „Wirtschaftsterrorismus“")
                if fragments and (verb.reported or d.low[fragments[0] - 1] == "als" and not any(
                        self._verb_like(d, k) for k in range(max(cue) + 1, fragments[0]))):
                    # "bezeichnete die Pläne als „Wortbruch“": the quoted words are the message
                    cand = mk("Direct", src, fragments)
                    cand.cue = self._fragment_preposition(d, fragments[0], cue)
                    return cand
                idioms = IDIOM_OBJECTS.get(verb.lemma, ())
                if any((d.text[k].endswith(o) or d.text[k].endswith(o.lower())) and d.low[k - 1] not in PREPOSITIONS
                       for k in objects for o in idioms):  # ("sprach auf Englisch über …" is a report)
                    return None  # "schrieb Geschichte", "schreibt rote Zahlen": an idiom, not a report
                if d.has_pos and any(d.pos[k] == "PTKVZ" and d.low[k] in SEPARABLE_PARTICLES for k in objects):
                    return None  # "sprach den Angeklagten frei": another verb with its particle (not "scharf")
                if len(src) == 1 and d.low[src[0]] == "man" \
                        and any(self.lex.konjunktiv.get(d.low[k]) == "I" for k in cue):
                    return None  # "Man habe die Lage falsch eingeschätzt": reported content, not a report of "man"
                end = e + 1 if e < d.n and d.text[e] in SENT_END else e
                if e < d.n and d.text[e] == "," and d.has_pos:
                    rest = d.message_end(e + 1)  # "forderte Presse-, Meinungs- und Versammlungsfreiheit": a list
                    if rest > e + 1 and not any(d.pos[k].startswith("V") or d.quote_of[k] >= 0
                                                for k in range(e + 1, rest)):
                        end = rest + 1 if rest < d.n and d.text[rest] in SENT_END else rest
                cand = mk("Reported", src, list(range(s, end)))
                # "Details nannte er nicht", "kritisierte den Plan nicht": a negated act reports nothing said
                cand.speaker_only = not verb.reported or self._negated(d, objects)
                return cand
            if src and not objects and e < d.n and d.text[e] in SENT_END and e == s + len(src) + len(cue) \
                    and not (len(src) == 1 and d.low[src[0]] in RELATIVES):
                # "Verkehrsminister Wirth widersprach.": the bare act names the speaker of what follows
                cand = mk("Reported", src, list(range(s, e + 1)))
                cand.speaker_only = True
                return cand
        return None

    @staticmethod
    def _negated_cue(d: _Doc, cue: list[int]) -> bool:
        """A negation right before the cue's last word ("nicht gefragt") or right after a one-word cue
        that ends its clause ("sagte nicht, wann …")."""
        last = cue[-1]
        if last > 0 and d.low[last - 1] in NEGATIONS and len(cue) > 1:
            return True
        return len(cue) == 1 and last + 2 < d.n and d.low[last + 1] in NEGATIONS and d.text[last + 2] == ","

    @staticmethod
    def _negated(d: _Doc, tokens: list[int]) -> bool:
        """A negation of the first conjunct among the tokens; not "nicht nur", not an attribute ("beklagen
        nicht ausgezahlte Prämien")."""
        for k in tokens:
            if d.low[k] in ("und", "sowie", "sondern"):
                return False  # "verwies auf X und möchte keine Ursache ausschließen": a second predicate
            nxt = k + 1 < d.n and (d.low[k + 1] in NEGATION_FOCUS or d.has_pos and d.pos[k + 1] == "ADJA")
            if d.low[k] in NEGATIONS and not nxt:
                return True
        return False

    @staticmethod
    def _coordinated_report(d: _Doc, cue: list[int], e: int) -> int | None:
        """The "und" before a second verb of saying in the cue's clause ("verteidigte die Entscheidung
        und sagte, …"): that verb owns the complement after the comma."""
        for k in range(cue[-1] + 1, e - 1):
            if d.low[k] in ("und", "sowie") and d.verb_at(k + 1, e) is not None:
                return k
        return None

    def _before_so_frame(self, d: _Doc, msg: list[int]) -> list[int]:
        """A message ends before a trailing ", so X": "Ägypten werde aufgefordert, die Grenze zu öffnen,
        so Nasrallah im Fernsehen" quotes Nasrallah, not the one who asks Egypt."""
        for k in msg[1:-1]:
            if d.text[k] == "," and d.low[k + 1] in self.lex.cue_words["so"] and d.quote_of[k] < 0 \
                    and self._so(d, k + 1) is not None:
                return [x for x in msg if x < k]
            # "Er habe Xi gebeten, mit Selenskyj zu telefonieren, sagte Macron später": the closing
            # frame is a quotation of its own, whose message holds this one
            if d.text[k] == "," and d.quote_of[k] < 0 and d.low[k + 1] in self.lex.forms \
                    and self._trailing_frame(d, k + 1, d.sentence_range(k)[1]) \
                    and d.np_forward(self._after_verb(d, k + 2, d.clause(k + 1)[1], []), d.clause(k + 1)[1]) > k + 2:
                return [x for x in msg if x < k]
            # "…, sollte Russland einmarschieren, hieß es aus Washington": likewise
            if d.text[k] == "," and d.quote_of[k] < 0 and d.low[k + 1] in self.lex.cue_words["heisst"] \
                    and k + 2 < d.n and d.low[k + 2] == "es":
                return [x for x in msg if x < k]
            # "…, wie die Nachrichtenagentur dpa meldet.": a closing wie-frame reports the whole report
            if d.text[k] == "," and d.quote_of[k] < 0 and d.low[k + 1] in self.lex.cue_words["wie"] \
                    and d.clause(k + 1)[1] >= msg[-1] and d.clause(k + 1)[1] - 1 > k + 2 \
                    and d.verb_at(d.clause(k + 1)[1] - 1, d.clause(k + 1)[1]) is not None:
                return [x for x in msg if x < k]
        return msg

    @staticmethod
    def _aux_before_apposition(d: _Doc, s: int, ss: int) -> tuple[int, int] | None:
        """(auxiliary, subject start) of "hatte der Investor, Larry Silverstein, | zugesagt": a finite
        auxiliary followed by a noun phrase that runs to the comma before the appositions ending at s."""
        j = s - 1
        for _ in range(3):
            a = j
            while a > ss and not d.hard[a - 1]:
                a -= 1
            for k in range(a, j):
                if d.low[k] in AUXILIARIES and d.low[k] not in MODALS and (not d.has_pos or d.pos[k] == "VAFIN"):
                    start = QuoteRules._after_verb(d, k + 1, j, [k])
                    if start < j and d.np_forward(start, j, appositions=False) > start \
                            and QuoteRules._verbless(d, start, j):  # attachments kept: "der Sprecher in Kiew"
                        return k, start
                    return None
            if a <= ss or d.text[a - 1] != "," or not QuoteRules._verbless(d, a, j) or d.np_forward(a, j) != j:
                return None
            j = a - 1
        return None

    @staticmethod
    def _message_stop(d: _Doc, a: int, b: int) -> int:
        """End of a message clause starting at a: before ", doch/aber X erklärte, …", a coordinated clause
        with its own reporting verb in the indicative and its own complement, which opens a new quotation;
        before ", und <indicative verb>", a second predicate of the speaker."""
        for k in range(a + 1, b - 2):
            if d.text[k] == "," and d.low[k + 1] == "und" and d.has_pos and d.pos[k + 2] == "VVFIN" \
                    and d.quote_of[k] < 0 and not d.has_konjunktiv(k + 2, k + 3):
                return k  # "kündigte an, die Preise zu erhöhen, und begründete dies …": the subject acts again
            if d.text[k] != "," or d.low[k + 1] not in ("aber", "doch", "jedoch", "sondern") or d.quote_of[k] >= 0:
                continue
            c0, c1 = d.clause(k + 2)
            if c1 >= b or d.text[c1] not in (",", ":"):
                continue
            for x in range(k + 2, c1):
                if d.verb_at(x, c1) is not None and d.low[x] not in d.lex.konjunktiv \
                        and "Mood=Sub" not in d.toks[x].morph:
                    return k
        return b

    def _has_complement(self, d: _Doc, e: int, se: int) -> bool:
        """A message clause follows the verb's clause: ": …", ", dass …", ", Y sei …", ", … zu tun"."""
        if not (e < se and d.text[e] in (",", ":") and e + 1 < se):
            return False
        nxt = e + 1
        ce = d.clause(nxt)[1] if not d.is_boundary(nxt) else nxt
        nlow = d.low[nxt]
        if nlow in ADVERBIAL_SUBORDINATORS and not (nlow == "seit" and nxt + 1 < se and (
                d.text[nxt + 1][:1].isdigit() or d.is_det(nxt + 1) or d.is_noun(nxt + 1))):
            return False  # an adverbial clause ("bestritt das, indem er sagte, …") is no message, but the
            # preposition "seit 2014" may open one
        if self._conditional_tail(d, e):
            return False
        # a relative clause needs an antecedent before the comma ("erklärte, die … werde" is no relative)
        r = nxt + 1 if nlow in PREPOSITIONS and nxt + 1 < d.n else nxt  # ", bei der sie … könne"
        pronoun = d.low[r] in RELATIVES and not (r + 1 < d.n and (d.is_noun(r + 1) or d.is_adj(r + 1))) \
            and d.np_forward(r, ce) <= r + 1  # not an article: "der vor Jahren angestrengten Klage"
        relative = pronoun and (r > nxt and not self._zu_infinitive(d, nxt, ce)
                                or d.is_noun(e - 1) or d.low[e - 1] in SUBJECT_PRONOUNS)
        return (d.text[e] == ":" or nlow in COMPLEMENT_STARTS
                or (not relative and d.has_konjunktiv(nxt, d.message_end(nxt)))
                or (nlow not in PURPOSE and not relative and self._zu_infinitive(d, nxt, ce)))

    def _closing_wie_frame(self, d: _Doc, w: int, ce: int) -> bool:
        """"…, wie der Baudezernent am Montag bestätigte.": wie, a subject, adverbials and a verb of saying
        (not of naming) end the sentence; not "berichtete, wie Mair die Abgeordnete attackierte"."""
        hit = d.verb_at(ce - 1, ce) if d.low[ce - 1] in self.lex.forms else None
        if hit is None or hit[0].verb.lemma in NAMING_VERBS:
            return False
        first = min(hit[1])
        end = d.np_forward(w + 1, first)
        return end > w + 1 and self._only_adverbials(d, end, first)

    @staticmethod
    def _conditional_tail(d: _Doc, e: int) -> bool:
        """After the comma at e, a conditional clause ends the sentence ("drohte mit Sanktionen, sollte
        Russland einmarschieren."): a condition of the act, not its message."""
        return d.text[e] == "," and e + 1 < d.n and d.low[e + 1] in CONDITIONAL_V1 \
            and d.clause(e + 1)[1] >= d.message_end(e + 1)

    def _trailing_frame(self, d: _Doc, nxt: int, se: int) -> bool:
        """The clause after the comma closes the sentence as its own reporting frame (", so der Sender.",
        ", teilte die Polizei mit."): what precedes is that frame's message, not this verb's."""
        ce = d.clause(nxt)[1]
        if ce < d.message_end(nxt):
            return False
        if d.low[nxt] in self.lex.cue_words["so"]:
            return d.np_forward(nxt + 1, ce) > nxt + 1
        if d.low[nxt] in self.lex.cue_words["heisst"]:
            return self._es_near(d, nxt, nxt, ce)  # ", hieß es aus dem Kreml."
        return d.verb_at(nxt, ce) is not None

    @staticmethod
    def _only_adverbials(d: _Doc, a: int, b: int) -> bool:
        """[a, b) holds only adverbs, times and prepositional phrases, no object: "erklärte am Montag im
        Interview mit dem Deutschlandfunk, …" (then an indicative clause after the comma is the message)."""
        k = a
        while k < b:
            if d.low[k] == "vor" and any(d.text[x] in AUDIENCES for x in range(k + 1, min(k + 3, b))):
                k = d.np_forward(k + 1, b, appositions=False)  # the audience: "sagte vor Journalisten in Peking"
            elif d.low[k] in ADVERBS or k in d.in_timex:
                k += 1
            elif d.low[k] in PREPOSITIONS:
                end = d.np_forward(k + 1, b, appositions=False)
                if d.low[k] in ("an", "auf", "gegen", "über", "um", "von", "vor", "zu"):
                    return False  # the verb's prepositional object: "spricht von …", "protestierte gegen …"
                if end == k + 1:
                    return False
                k = end
            else:
                return False
        return True

    @staticmethod
    def _plain_clause_follows(d: _Doc, nxt: int) -> bool:
        """A main clause in the indicative after the comma (", 200 Mitarbeiter sollen entlassen werden")."""
        nlow = d.low[nxt]
        relative = nlow in RELATIVES and not (nxt + 1 < d.n and (d.is_noun(nxt + 1) or d.is_adj(nxt + 1)))
        # "warnte vor Inflation, Arbeitslosigkeit und Armut": the rest of a list has no finite verb
        end = d.message_end(nxt)
        verbless = d.has_pos and not any(d.pos[k].startswith("V") or d.quote_of[k] >= 0 for k in range(nxt, end))
        return not relative and not verbless and nlow not in SUBORDINATORS and nlow not in ADVERBIAL_SUBORDINATORS \
            and nlow not in PURPOSE and nlow not in CONJUNCTIONS and nlow not in PREPOSITIONS

    @staticmethod
    def _wie_start(d: _Doc, s: int, ss: int) -> int | None:
        """Start of a "wie"-clause interrupted by an apposition before the clause at s."""
        w = s
        for _ in range(2):
            if w <= ss or d.text[w - 1] != ",":
                return None
            ps = w - 1
            while ps > ss and not d.hard[ps - 1]:
                ps -= 1
            if d.low[ps] == "wie" and ps + 1 < w - 1:
                return ps
            if not (d.is_noun(ps) or d.is_det(ps)) or any(QuoteRules._verb_like(d, k) for k in range(ps, w - 1)):
                return None
            w = ps
        return None

    @staticmethod
    def _verb_like(d: _Doc, k: int) -> bool:
        """A lower-case word that can be a verb: a message before ", sagte X" must be a clause."""
        if d.has_pos and d.pos[k]:
            # an "adjective" between two bare nouns is a verb the tagger misread: "Das Projekt sichere Arbeitsplätze"
            return d.pos[k].startswith("V") or d.pos[k] == "ADJA" and 0 < k < d.n - 1 \
                and d.pos[k - 1] in ("NN", "NE") and d.pos[k + 1] in ("NN", "NE")
        w = d.low[k]
        return (d.text[k][:1].islower() and w.isalpha() and w not in DETS and w not in PREPOSITIONS
                and w not in ADVERBS and w not in CONJUNCTIONS and not d.is_adj(k))

    @staticmethod
    def _zu_infinitive_end(d: _Doc, k: int) -> bool:
        """Token k is the infinitive of a zu-infinitive: "zu erhöhen", "anzuheben", "niederzulegen"."""
        w = d.low[k]
        return d.text[k][:1].islower() and w.endswith("n") and (d.low[k - 1] == "zu" or QuoteRules._fused_zu(d, k))

    @staticmethod
    def _zu_infinitive(d: _Doc, a: int, b: int) -> bool:
        return any(d.low[k] == "zu" or QuoteRules._fused_zu(d, k) for k in range(a, b))

    @staticmethod
    def _fused_zu(d: _Doc, k: int) -> bool:
        """A particle verb's zu-infinitive: "anzuheben", "aufzufordern", "herauszugeben"."""
        w = d.low[k]
        return d.text[k][:1].islower() and w.endswith("n") and "zu" in w[1:-3]

    @staticmethod
    def _subordinate(d: _Doc, s: int, cue: list[int]) -> bool:
        """The verb stands in a subordinate or relative clause (not its own main clause)."""
        first = d.low[s]
        if first == "als" and s + 1 < cue[0] and (d.is_noun(s + 1) or d.is_det(s + 1) or d.is_adj(s + 1)) \
                and cue[0] - s <= 3:
            return False  # "Als Begründung wurde angegeben": a predicative "als", not "als er sagte"
        if first == "als" and s + 1 < cue[0] and d.np_forward(s + 1, cue[0], appositions=False) == cue[0] \
                and any(k not in cue and not d.is_boundary(k) for k in range(cue[0] + 1, d.clause(cue[0])[1])):
            return False  # "Als wichtige Aufgabe der Politik sah es Köhler an": the verb is second, not last
        return (first in SUBORDINATORS or (first in RELATIVES and s > 0 and d.text[s - 1] == ",")) and s < cue[0]

    def _subject(self, d: _Doc, s: int, e: int, cue: list[int]) -> list[int]:
        if len(cue) > 1 and any(d.low[k] in WERDEN_PASSIVE for k in cue):
            # passive: the speaker is only in a von/durch phrase ("wurde von der Regierung aufgefordert")
            for k in range(s, e):
                if d.low[k] in ("von", "vom", "durch") and k not in cue:
                    end = d.np_forward(k + 1, e)
                    if end > k + 1:
                        return list(range(k + 1, end))
            # no agent: a document named in an in-phrase is the source ("In einem Bericht der Polizei
            # wurde gefordert, …"); the preposition is not part of it
            return self._document_phrase(d, s, e, ("in", "im"), skip=cue)
        fin = cue[0]
        if fin == s and s > 0 and d.text[s - 1] == ",":
            # "Hans Meier, Präsident des Gerichts, sagte …": a subject with an apposition
            ss, _ = d.sentence_range(s)
            a = s - 1
            while a > ss and not (d.hard[a - 1] and d.text[a - 1] != ","):
                a -= 1
            while a < s and (d.low[a] in CONJUNCTIONS or d.low[a] in FOCUS_ADVERBS):
                a += 1
            if a < s - 1 and all(d.quote_of[k] < 0 for k in range(a, s)) and d.np_forward(a, s) == s - 1:
                return list(range(a, s - 1))
            head = d.np_forward(a, s, appositions=False)
            # the head may carry a short prepositional phrase before the comma ("die Delegationsleiterin
            # beim Klimagipfel, Sharon Hayes, äußerte sich …")
            comma = next((k for k in range(head, min(head + 5, s - 2)) if d.text[k] == ","), head)
            if a < head and comma < s - 2 and d.text[comma] == "," and s - comma <= 20 \
                    and self._verbless(d, head, s - 1) and d.low[comma + 1] not in RELATIVES:
                return list(range(a, s - 1))  # an apposition the noun-phrase rules cannot parse
            # "Jimmy Carter, der … war, sagte …": the subject is the phrase before the relative clause
            end = d.np_forward(a, s, appositions=False)
            if a < end < s - 1 and d.text[end] == "," and d.low[end + 1] in RELATIVES:
                return list(range(a, end))
        start = s
        while start < fin and d.low[start] in CONJUNCTIONS:
            start += 1
        ss, _ = d.sentence_range(s)
        if start > s and d.low[start - 1] in ("und", "sowie") and start - 2 > ss and d.text[start - 2] == "," \
                and d.np_forward(start, fin) == fin \
                and (d.is_det(ss) or d.text[ss][:1].isupper()) and self._verbless(d, ss, start - 2) \
                and d.low[ss] not in SUBORDINATORS and d.np_forward(ss, start - 2) > ss:
            return list(range(ss, fin))  # "Die Vorsitzende der Linken, Janine Wissler, und Parteichef X erklärten"
        if fin - 1 > start and d.low[fin - 1] in ("und", "sowie"):
            # "Podolski war anwesend und sagte, …": the subject of the first conjunct
            a = start + 1 if d.low[start] in FOCUS_ADVERBS else start
            end = d.np_forward(a, fin - 1)
            if a < end < fin - 1 and self._verb_like(d, end):
                return list(range(a, end))
            # "Auf Twitter zeigte sich die Regierung bestürzt und verurteilte …": the subject after the
            # first conjunct's verb
            verb = next((k for k in range(start, fin - 1) if self._verb_like(d, k)), None)
            if verb is not None and d.np_forward(start, verb) != verb:  # not subject-first
                a = verb + 1
                while a < fin - 1 and d.low[a] in ("sich", "es"):
                    a += 1
                end = d.np_forward(a, fin - 1, appositions=False)
                if a < end < fin - 1 and (d.is_det(a) or a in d.person) and a not in d.in_timex:
                    return list(range(a, end))
        if start < fin and d.low[start] in FOCUS_ADVERBS and d.np_forward(start + 1, fin) == fin:
            start += 1  # "Auch der Minister sagte"
        if start + 2 < fin and (d.low[start], d.low[start + 1]) in FOCUS_PHRASES \
                and d.np_forward(start + 2, fin) == fin:
            start += 2  # "Unter anderem Mercedes-Chef Toto Wolff hatte … kritisiert"
        if start < fin and d.low[start] == "als" and start + 1 < fin and d.np_forward(start + 1, fin) == fin \
                and not self._subordinate(d, start, cue):
            start = fin  # a fronted predicative: "Als Beispiel nannte der Minister …" (subject after the verb)
        if start < fin and d.low[start] in SUBORDINATORS | {"wie"}:
            start += 1
            if start < fin and d.low[start] in RELATIVES and not (
                    start + 1 < fin and (d.is_noun(start + 1) or d.is_adj(start + 1))):
                return [start]  # "…, wie der sagte" but not "weil die Gewerkschaft sagte"
        article = start + 1 < fin and (d.is_noun(start + 1) or d.is_adj(start + 1))
        verb_final = cue[0] >= e - 2 or fin > start + 1
        if start < fin and d.low[start] in RELATIVES and start > 0 and d.text[start - 1] == "," and not article \
                and verb_final:
            return [start]
        if start < fin and (article or d.np_forward(start, fin) == fin) and start > 0 and d.text[start - 1] == ",":
            # "René Préval, der Präsident des Staates sagte …": name plus an unclosed apposition
            ss, _ = d.sentence_range(start)
            a = start - 1
            while a > ss and not d.hard[a - 1]:
                a -= 1
            if a < start - 1 and d.np_forward(a, start - 1, appositions=False) == start - 1 \
                    and all(d.quote_of[k] < 0 for k in range(a, fin)):
                return list(range(a, fin))
        after_fin = fin + 1
        while after_fin < e and after_fin in cue:
            after_fin += 1
        if start < fin and after_fin < e and d.low[after_fin] in ("er", "ich", "wir") \
                and d.low[start] not in SUBJECT_PRONOUNS:
            return [after_fin]  # a fronted object: "Die Tat bezeichnete er als sinnlos"
        if start < fin and d.low[start] == "über" and start + 1 < fin \
                and d.text[start + 1][:1].isdigit() and "Number=Plur" in d.toks[fin].morph:
            end = d.np_forward(start + 1, fin)
            if end == fin:
                return list(range(start, end))  # "Über 300 Ärzte kritisierten …"
        if start < fin and (d.quantity_number(start) is not None
                            or d.low[start] not in PREPOSITIONS and d.low[start] not in ADVERBS) \
                and d.low[start] not in NOT_SUBJECT_STARTS \
                and not (d.low[start] in ANAPHORIC_OBJECTS and start + 1 == fin):
            end = d.np_forward(start, fin)
            extended = end == start and self._extended_np(d, start, fin) > start
            if extended:
                end = self._extended_np(d, start, fin)  # "Die am Montag veröffentlichte Studie zeigt"
            temporal = not extended and (any(d.text[k] in TEMPORAL_NOUNS or d.low[k] in ("ende", "anfang", "mitte")
                                             for k in range(start, end))  # "Ende Januar verkündete der Verband"
                                         or end > start and all(k in d.in_timex for k in range(start, end)))
            # ("Vergangene Woche sagte …": a time phrase is no subject)
            if not temporal and (end == fin or (end > start and end >= fin - 2)) \
                    and not self._fronted_dative_medium(d, start, fin, e, cue):
                return list(range(start, end))
        if start == fin - 1 and d.low[start] == "es" and d.starts_clause(start) and self._neuter_es(d, fin, e, cue):
            return [start]
        second_predicate = fin == s and s > 0 and d.text[s - 1] == "," and fin + 1 < e \
            and d.low[fin + 1] in SECOND_PREDICATE_ADVERBS
        after = self._after_verb(d, fin + 1, e, cue)
        end = d.np_forward(after, e)
        if end > after and not second_predicate:
            governed = {p for k in cue for f in self.lex.forms.get(d.low[k], ()) for p in GOVERNED_PREPS.get(f.verb.lemma, ())}
            complement = end < d.n and d.text[end] in (",", ":") and not self._conditional_tail(d, end)
            cut = end if complement else next((k for k in range(after + 1, end) if d.low[k] in governed), end)
            # "hatte die IOM vom Fund … berichtet": the object is no part of the subject (but with a complement
            # clause after it the phrase is: "berichtete ein Sprecher vom Roten Kreuz, …")
            if not complement:  # "räumte die Parteichefin Eva Stroh Fehler ein": a bare object after the name
                cut = next((k for k in range(after + 1, cut) if k - 1 in d.person and d.second_bare_noun(k)), cut)
                cut = d.audience_start(after, cut)
            return list(range(after, cut))
        if start == fin - 1 and d.starts_clause(start) and d.has_pos and d.pos[start] in ("ADV", "ADJD", "PIS") \
                and d.text[start][:1].isupper() and d.low[start].isalpha() and d.low[start] not in ADVERBS \
                and d.low[start] not in FOCUS_ADVERBS and d.low[start] not in SUBORDINATORS:
            return [start]  # a surname the tagger read as an adverb or pronoun at the sentence start: "Künast sagte"
        if fin == s and s > 0 and d.text[s - 1] == ",":
            # "Die UN bestätigten den Vorfall, teilten aber mit, …": the subject of the main clause before
            ss, _ = d.sentence_range(s)
            a = ss
            while a < s and d.low[a] in CONJUNCTIONS:
                a += 1
            end = d.np_forward(a, s - 1, appositions=False)
            if a < end < s - 1 and self._verb_like(d, end) and d.low[a] not in SUBORDINATORS \
                    and d.low[a] not in PREPOSITIONS and not any(d.hard[k] for k in range(a, s - 1)):
                return list(range(a, end))
        if start < fin <= start + 10 and d.starts_clause(start) and (d.is_noun(start) or d.is_det(start)) \
                and d.low[start] not in SUBJECT_PRONOUNS and self._verbless(d, start, fin) \
                and all(d.quote_of[k] < 0 and d.text[k] != "," for k in range(start, fin)):
            # "Vertreter aller im Bundestag vertretenen Parteien warnten …": an attribute the noun-phrase
            # rules cannot parse; the whole front field before the verb is the subject
            return list(range(start, fin))
        return []

    def _neuter_es(self, d: _Doc, fin: int, e: int, cue: list[int]) -> bool:
        """"Das Gericht wies die Klage ab. Es erklärte, …": a sentence-initial "es" before an active reporting
        verb is its subject, unless a person or role follows the verb ("Es sprach der Minister") or the
        sentence before does not open with a neuter noun phrase that "es" could stand for."""
        if any(d.low[k] in AUXILIARIES or d.low[k] in self.lex.cue_words["heisst"] for k in cue) \
                or fin + 1 < e and d.low[fin + 1] == "sich":
            return False  # "Es wird erwartet, dass …", "Es hieß", "Es zeigte sich": impersonal
        after = self._after_verb(d, fin + 1, e, cue)
        end = d.np_forward(after, e)
        if any(k in d.person for k in range(after, end)) or end > after and any(
                r.label == "PER" for r in find_roles(" ".join(d.text[after:end]))):
            return False
        return self._previous_subject(d, d.sent_of[fin] - 1, "es", False) is not None

    def _fronted_dative_medium(self, d: _Doc, start: int, fin: int, e: int, cue: list[int]) -> bool:
        """"Der Zeitung sagte der Minister": a fronted medium in the dative (dem …, or der + a feminine medium
        noun) with a subject after the verb is the addressee, not the speaker."""
        if not d.dative_medium(start, fin) or not (
                d.low[start] == "dem" or any(d.low[k].endswith(("zeitung", "agentur", "zeitschrift"))
                                             for k in range(start + 1, fin))):
            return False
        after = self._after_verb(d, fin + 1, e, cue)
        return d.np_forward(after, e) > after and (d.is_det(after) or after in d.person)

    @staticmethod
    def _origin_phrase(d: _Doc, a: int, b: int, cue: list[int]) -> list[int]:
        """Without a subject, a phrase after "aus"/"seitens" headed by a source noun says where the report
        comes from: "Aus Regierungskreisen verlautete, …" (but not "Aus Sicherheitsgründen …")."""
        for k in range(a, b):
            if d.low[k] in ("aus", "seitens") and k not in cue:
                end = d.np_forward(k + 1, b, appositions=False)
                heads = [x for x in range(k + 1, end) if d.is_noun(x)]
                if heads and d.lex.is_role_noun(d.text[heads[0]]):
                    return list(range(k + 1, end))
                return []
        return []

    @staticmethod
    def _document_phrase(d: _Doc, a: int, b: int, preps: tuple[str, ...], skip: list[int] = ()) -> list[int]:
        """The noun phrase after the first of ``preps`` in [a, b) when it names a document ("aus einer
        Pressemitteilung des Konzerns", "in einem Bericht"), without the preposition; else []."""
        for k in range(a, b):
            if d.low[k] in preps and k not in skip:
                end = d.np_forward(k + 1, b, appositions=False)
                head = next((x for x in range(k + 1, end) if d.is_noun(x)), None)
                if head is not None and d.low[head].endswith(DOCUMENTS):
                    return list(range(k + 1, end))
        return []

    @staticmethod
    def _verbless(d: _Doc, a: int, b: int) -> bool:
        """[a, b) holds no finite verb and no quotation: it can be part of a noun phrase."""
        for k in range(a, b):
            if d.quote_of[k] >= 0 or d.text[k] in SENT_END or d.text[k] in (":", ";"):
                return False
            if d.has_pos and d.pos[k] in ("VVFIN", "VAFIN", "VMFIN", "VVPP", "VVINF", "PRELS", "KOUS"):
                return False
            if not d.has_pos and QuoteRules._verb_like(d, k) and not d.is_adj(k):
                return False
        return True

    @staticmethod
    def _after_verb(d: _Doc, k: int, e: int, cue: list[int]) -> int:
        """First token after the verb that can open its subject: past cue words, "sich", "es", adverbs
        and a time ("Das erklärte gestern ein Sprecher", "sagte am Montag der Minister")."""
        # (a preposition that is also a particle, "vor", opens a phrase, not an adverb: "warnen vor den Folgen")
        while k < e and (k in cue or d.low[k] in ("sich", "es") or d.low[k] in ADVERBS and d.quantity_number(k) is None
                         and not (d.has_pos and d.pos[k] == "APPR")
                         or d.low[k] in ("am", "an") and k + 1 < e and d.text[k + 1] in TEMPORAL_NOUNS
                         or d.text[k] in TEMPORAL_NOUNS and d.low[k - 1] in ("am", "an")):
            k += 1
        return k

    def _addressee(self, d: _Doc, vf: VerbForm, cue: list[int], src: list[int], e: int) -> list[int]:
        s, _ = d.clause(cue[0])
        skip = set(cue) | set(src)
        if vf.verb.addressee == "dat" and s < cue[0] and src and min(src) > cue[0] and d.dative_medium(s, cue[0]) \
                and d.np_forward(s, cue[0]) == cue[0]:
            return list(range(s, cue[0]))  # fronted: "Dem Magazin Business Insider sagte X"
        if vf.verb.addressee == "dat" and s < cue[0] and (not src or min(src) > cue[0]) \
                and (d.low[s] in ("ihm", "ihnen") and cue[0] == s + 1
                     or d.low[s] == "dem" and cue[0] > s + 1 and d.np_forward(s, cue[0]) == cue[0]):
            return list(range(s, cue[0]))  # a fronted dative: "Ihm wird vorgeworfen, …", "Dem Minister sagte X"
        for k in range(s, e):
            if k in skip:
                continue
            # "gegenüber X", "in einem Interview mit X", "vor der Presse", "sagte zum Spiegel"
            # (not after the event: "Nach dem Treffen mit Macron sagte Scholz")
            marker = d.low[k] == "gegenüber" or (d.low[k] == "mit" and k > s and d.text[k - 1] in ADDRESSEE_EVENTS
                                                 and not any(d.low[j] in ("nach", "vor", "seit")
                                                             for j in range(max(s, k - 4), k - 1))) \
                or (d.low[k] in ("zum", "zur") and vf.verb.addressee == "dat") \
                or (d.low[k] == "an" and k > s and d.is_noun(k - 1) and d.low[k - 1].endswith(LETTERS))
            if d.low[k] == "vor" and k + 1 < e:
                end = d.np_forward(k + 1, e, appositions=False)
                # "vor Journalisten in Peking": the place says where, it is not part of the audience
                end = next((x for x in range(k + 2, end) if d.low[x] in ("in", "im", "beim", "bei")), end)
                if any(d.text[x] in AUDIENCES for x in range(k + 1, end)):
                    return list(range(k + 1, end))
            if d.low[k] in ("zum", "zur") and marker:
                end = d.np_forward(k + 1, e, appositions=False)
                # "zum geplanten Gesetz in Baden-Württemberg": a place after the topic is no medium's name
                end = next((x for x in range(k + 2, end) if d.low[x] in PREPOSITIONS), end)
                # "sagte zum „Spiegel“", "zur Zeitung", "zur Presse", but not "erklärte zum Auftakt": a medium,
                # an audience or a name
                if end > k + 1 and any(x in d.named or x in d.person or d.low[x].endswith(MEDIA_HEADS)
                                       or d.low[x] in NEWS_AGENCIES or d.text[x] in AUDIENCES or d.quote_of[x] >= 0
                                       for x in range(k + 1, end)):
                    return list(range(k + 1, end))
                continue
            if marker:
                end = d.np_forward(k + 1, e, appositions=False)
                if end > k + 1:
                    return list(range(k + 1, end))
        kind = vf.verb.addressee
        if not kind:
            return []
        if kind == "an":
            for k in range(s, e):
                if d.low[k] == "an" and k not in skip:
                    end = d.np_forward(k + 1, e, appositions=False)
                    if end > k + 1:
                        return list(range(k + 1, end))
            return []
        if any(d.low[k] in WERDEN_PASSIVE for k in cue) and not src:
            # "Israel wurde aufgefordert, …": the passive subject is the addressee
            start = s
            while start < cue[0] and (d.low[start] in CONJUNCTIONS or d.low[start] in ADVERBS):
                start += 1
            if start > s and d.low[start - 1] == "als":
                return []  # "Als Begründung wurde angegeben": a predicative, not the addressee
            end = d.np_forward(start, cue[0]) if d.low[start] not in PREPOSITIONS else start
            return list(range(start, end)) if end == cue[0] else []
        after = max(cue[:1] + [x for x in src if x > cue[0]]) + 1
        # "sagte er am Samstag der Agentur Interfax": a time between verb and addressee is skipped
        while after < e and (after in cue or d.low[after] in ("sich", "es", "auch", "nun", "am", "jetzt")
                             or after in d.in_timex or d.low[after] in ("später", "zuvor", "zudem")):
            after += 1
        if after >= e:
            return []
        # a bare noun right after the verb ("sagte Reportern", "warf Russland vor") is the addressee, but
        # not a common noun when the verb takes an object in reported speech ("kündigte Stellenstreichungen an")
        named = not d.has_pos or d.pos[after] == "NE" or after in d.person
        bare_ok = (named or not vf.verb.reported) and d.is_noun(after) and d.text[after] not in TEMPORAL_NOUNS and (
            after == cue[0] + 1 or (len(src) == 1 and d.low[src[0]] in SUBJECT_PRONOUNS and after == src[0] + 1))
        audience = after
        while audience + 1 < e and d.is_adj(audience) and d.low[audience].endswith("en"):
            audience += 1  # "sagte X italienischen Medien", "ausländischen Journalisten": a bare dative plural
        if (audience > after or kind == "dat") and (d.text[audience] in AUDIENCES or d.low[audience] == "medien"):
            return list(range(after, audience + 1))
        # "sagte ihm", "versprach ihr": a dative pronoun (not the possessive of "sagte ihr Sprecher")
        pronoun = d.low[after] in DATIVE_PRONOUNS and not (
            after + 1 < e and (d.is_noun(after + 1) or d.is_adj(after + 1)))
        if pronoun:
            return [after]
        if kind == "dat" and d.low[after] not in ADDRESSEE_DATIVE_STARTS and not bare_ok:
            return []
        end = d.np_forward(after, e, appositions=False)
        end = next((k for k in range(after + 1, end) if d.second_bare_noun(k)), end)
        if kind == "dat" and d.low[after] == "den" \
                and not (d.low[end - 1].endswith(("n", "s")) or d.text[end - 1].isupper()):
            return []  # "den" is dative only in the plural ("den Bürgern", "den Fans"): "hat den Ausbau angekündigt"
        return [k for k in range(after, end) if k not in cue]

    # -- 3. cue words ---------------------------------------------------------------------------------
    def _cue_words(self, d: _Doc, cands: list[_Cand], used: set[int]) -> None:
        covered = {i for cand in cands for i in cand.message}
        lex = self.lex
        for i in range(d.n):
            if i in used or d.quote_of[i] >= 0:
                continue
            low = d.low[i]
            cand = None
            if low in lex.cue_words["so"] and i > 0 and d.text[i - 1] in SO_BEFORE and i not in covered:
                cand = self._so(d, i)
            elif low in lex.cue_words["before"]:
                cand = self._before(d, i)
            elif low in lex.cue_words["after"]:
                cand = self._after(d, i)
            elif low == "nach":
                cand = self._nach(d, i)
            elif d.text[i] in lex.cue_words["noun"] and i not in covered:
                cand = self._conclusion_back(d, i) or self._noun_cue(d, i)
                if cand is None and d.text[i] in lex.cue_words["speech_noun"]:
                    cand = self._speech_noun(d, i)
            elif d.text[i] in lex.cue_words["speech_noun"] and i not in covered:
                cand = self._speech_noun(d, i)
            elif low in lex.cue_words["self"]:
                cand = self._self_cue(d, i)
            elif low in lex.cue_words["self_after_document"] and d.starts_clause(i) and self._antecedent_document(d, i):
                cand = self._self_cue(d, i)  # "Die Studie wurde vorgestellt. Danach bestimmt Gewalt den Alltag …"
            elif low in lex.cue_words["relative"] and i > 0 and d.text[i - 1] == ",":
                cand = self._relative_cue(d, i)
            elif low in STANCE_ADJECTIVES and i not in covered:
                cand = self._stance_frame(d, i)
            elif low in lex.cue_words["heisst"] and i not in covered:
                s, e = d.clause(i)
                s = self._document_before_relative(d, s)
                if self._es_near(d, i, s, e):
                    cand = self._heisst_message(d, self._heisst(d, i, s, e), i, s, e)
            elif low in lex.cue_words["hearsay"] and i > 0 and d.low[i - 1] == "zu" and i not in covered:
                s, e = d.clause(i)
                copula = next((k for k in range(s, i - 1) if d.low[k] in COPULA_FORMS), None)
                if copula is not None:
                    cand = self._heisst(d, i, s, e, [copula, i - 1])
                    if low == "lesen":
                        cand.medium = "writing"
                    cand = self._heisst_message(d, cand, i, s, e)
                    if cand is not None and cand.message and cand.form == "Indirect" and not cand.subjunctive \
                            and d.low[cand.message[0]] != "dass":
                        cand = None  # "Im Saal war zu hören, wie die Glocke schlug": a sound, no report
            elif low in lex.cue_words["document_verb"] and i not in covered:
                s, e = d.clause(i)
                in_document = self._document_phrase(d, s, i, ("in", "im")) or any(
                    d.low[k] in ("darin", "hierin") for k in range(s, i))
                if in_document and all(d.low[k] in ADVERBS for k in range(i + 1, e)):
                    cand = self._heisst_message(d, self._heisst(d, i, s, e), i, s, e)
            if cand is not None and cand.message:
                cand.sentence = d.sent_of[i]
                used.update(cand.cue)
                # "äußerte die Hoffnung, dass …": the noun frame replaces the bare verb's quotation of it
                cands[:] = [c for c in cands if not (c.message == cand.message and set(c.cue) < set(cand.cue))]
                cands.append(cand)

    def _conclusion_back(self, d: _Doc, i: int) -> _Cand | None:
        """"Zu diesem Ergebnis kommt eine Studie der Universität.": the conclusion is the sentence before."""
        if not (2 <= i and d.low[i - 2] == "zu" and d.low[i - 1] in ("diesem", "dem", "demselben")
                and d.starts_clause(i - 2) and d.sent_of[i] > 0 and i + 2 < d.n
                and d.low[i + 1] in ("kommt", "kam", "kommen", "kamen", "gelangt", "gelangte", "gelangten")):
            return None
        s, e = d.clause(i)
        end = d.np_forward(i + 2, e)
        if end <= i + 2:
            return None
        ps, pe = d.sent_bounds[d.sent_of[i] - 1]
        msg = list(range(ps, pe - 1 if d.text[pe - 1] in SENT_END else pe))
        return _Cand("Indirect", cue=[i - 2, i - 1, i, i + 1], source=list(range(i + 2, end)), message=msg,
                     cue_kind="noun", subjunctive=d.has_konjunktiv(ps, pe)) if msg else None

    @staticmethod
    def _extended_np(d: _Doc, i: int, e: int) -> int:
        """End of a noun phrase with an extended attribute ("einer am Dienstag veröffentlichten Mitteilung
        des WFP"), which the noun-phrase rules do not parse; i when there is none."""
        if i >= e or not d.is_det(i):
            return i
        for j in range(i + 2, min(e, i + 9)):
            if d.is_noun(j) and d.text[j] not in TEMPORAL_NOUNS and d.text[j - 1][:1].islower() \
                    and d.low[j - 1].endswith(("e", "en", "er", "es", "em")) and QuoteRules._verbless(d, i, j - 1):
                return d.np_forward(j, e, appositions=False)
        return i

    def _so(self, d: _Doc, i: int) -> _Cand | None:
        s, e = d.clause(i)
        ss, _ = d.sentence_range(i)
        end = d.np_forward(i + 1, e)
        if end == i + 1:
            end = self._extended_np(d, i + 1, e)
        elif end < e and d.low[end] in ("des", "der", "einer", "eines"):
            end = max(end, self._extended_np(d, end, e))  # "so das Ergebnis einer gestern vorgestellten Studie"
        if end == i + 1 or (end < e and d.low[end] not in PREPOSITIONS and d.low[end] not in ADVERBS):
            return None
        if d.has_pos and d.pos[e - 1] in ("VVFIN", "VAFIN", "VMFIN") and e - 1 >= end:
            return None  # "…, so die Integration nach Plan verläuft": a conditional clause closed by its verb
        msg = list(range(ss, i if d.text[i - 1] in QUOTE_MARKS else i - 1))
        if e < d.n and d.text[e] in (",", "–", "—") and d.sent_of[e] == d.sent_of[i]:
            rest = d.message_end(e)
            if end == e and e + 1 < rest and self._verbless(d, e + 1, rest) \
                    and d.np_forward(e + 1, rest, appositions=False) > e + 1:
                end = rest  # no clause but an apposition: "…, so Frank Karl, Leiter der Abteilung bei der FES."
                # (not the rest of an interrupted report: "Die Ursache sei, so der Sprecher, noch unklar.")
            else:
                msg += list(range(e + 1, rest))  # "Dennoch, so Nacke, habe …"
        if not msg:
            return None
        cand = _Cand("Indirect", cue=[i], source=list(range(i + 1, end)), message=msg, cue_kind="so")
        cand.subjunctive = d.has_konjunktiv(msg[0], msg[-1] + 1)
        return cand

    def _rest_of_sentence(self, d: _Doc, i: int, skip: set[int]) -> list[int]:
        ss, _ = d.sentence_range(i)
        s, e = d.clause(i)
        if s > ss and d.text[s - 1] == "," and (d.low[s] in RELATIVES or d.low[s] in SUBORDINATORS) \
                and d.quote_of[s] < 0:
            # inside a relative or subordinate clause the report covers that clause only: "die Zahl der
            # Soldaten, die nach westlichen Schätzungen bei 30.000 liegt"
            return [k for k in range(s, e) if k not in skip]
        start = ss
        if s > ss and d.text[s - 1] == "," and d.clause(s - 2)[0] == ss \
                and any(d.low[k] in self.lex.forms and d.verb_at(k, s - 1) is not None for k in range(ss, s - 1)) \
                and self._has_complement(d, s - 1, d.sentence_range(i)[1]):
            start = s  # "Ein Sprecher sagte, laut den Ermittlern sei …": the frame before is not reported
        msg = [k for k in range(start, d.message_end(i)) if k not in skip]
        while msg and d.text[msg[0]] == ",":
            msg.pop(0)
        # "…, berichtete der Sender", "…, hieß es": a closing frame is a report of its own around this one
        for k in msg[1:-1]:
            if d.text[k] == "," and d.quote_of[k] < 0 and k > i and (
                    d.low[k + 1] in self.lex.cue_words["heisst"] and d.low[k + 2] == "es"
                    or d.low[k + 1] in self.lex.forms
                    and (d.low[k + 2] in ("der", "die", "das", "ein", "eine") or k + 2 in d.person)
                    and self._trailing_frame(d, k + 1, d.sentence_range(k)[1])
                    and self._only_adverbials(d, d.np_forward(k + 2, d.clause(k + 1)[1]), d.clause(k + 1)[1])):
                msg = [x for x in msg if x < k]
                break
        return [k for k in msg if not (d.text[k] == "," and (k - 1 in skip or k + 1 in skip))]

    def _before(self, d: _Doc, i: int) -> _Cand | None:
        s, e = d.clause(i)
        if i + 1 < e and d.low[i + 1] in ("denen", "dem", "der") and i > 0 and d.text[i - 1] == "," \
                and not self._verbless(d, i + 2, d.message_end(i)):
            # "die Pläne, laut denen jeder …": the relative clause is the message
            msg = list(range(i + 2, d.message_end(i)))
            return _Cand("Indirect", cue=[i], source=[i + 1], message=msg, cue_kind="before",
                         subjunctive=d.has_konjunktiv(i + 2, d.message_end(i))) if msg else None
        end = d.np_forward(i + 1, e)
        if end == i + 1:
            end = self._extended_np(d, i + 1, e)
        if end == i + 1:
            return None
        src = list(range(i + 1, end))
        msg = self._rest_of_sentence(d, i, {i, *src})
        return _Cand("Indirect", cue=[i], source=src, message=msg, cue_kind="before",
                     subjunctive=d.has_konjunktiv(*d.sentence_range(i)))

    def _after(self, d: _Doc, i: int) -> _Cand | None:
        s, _ = d.clause(i)
        start = s
        while start < i and (d.low[start] in CONJUNCTIONS or d.low[start] in ADVERBS):
            start += 1
        if i > 0 and d.low[i - 1] in RELATIVES and not d.is_noun(i - 1):
            # "Umfragen, denen zufolge …": the relative clause is the message
            msg = list(range(i + 1, d.message_end(i)))
            return _Cand("Indirect", cue=[i], source=[i - 1], message=msg, cue_kind="after",
                         subjunctive=d.has_konjunktiv(i + 1, d.message_end(i))) if msg else None
        src: list[int] = []
        for a in range(start, i):
            if d.np_forward(a, i) == i:
                src = list(range(a, i))
                break
        if not src and i > start and d.low[i - 1] in DATIVE_PRONOUNS:
            src = [i - 1]  # "Ihnen zufolge …": the pronoun is the source
        if not src:
            return None
        msg = self._rest_of_sentence(d, i, {i, *src})
        return _Cand("Indirect", cue=[i], source=src, message=msg, cue_kind="after",
                     subjunctive=d.has_konjunktiv(*d.sentence_range(i)))

    def _nach(self, d: _Doc, i: int) -> _Cand | None:
        s, e = d.clause(i)
        if i > 0 and d.is_noun(i - 1) and d.low[i - 1].endswith(NOUNS_TAKING_NACH):
            return None  # "die Nachfrage nach Meinung von außen", "die Forderung nach Angaben": the noun's object
        if i + 1 < e and d.low[i + 1] in ("denen", "dem", "der") and i > 0 and d.text[i - 1] == "," \
                and not (d.low[i + 1] != "denen" and i + 2 < e and (d.is_noun(i + 2) or d.is_adj(i + 2))) \
                and not self._verbless(d, i + 2, d.message_end(i)):
            # a relative clause, not ", nach dem Spiel." nor an article: ", nach der Silvesternacht sei …"
            msg = list(range(i + 2, d.message_end(i)))
            return _Cand("Indirect", cue=[i], source=[i + 1], message=msg, cue_kind="nach") if msg else None
        before = i - 1
        while before > s and d.low[before] in ADVERBS:
            before -= 1
        after = d.np_forward(i + 1, e) if i + 1 < e else e
        if (before >= s and d.low[before] in VERBS_TAKING_NACH or after < d.n and d.low[after] in VERBS_TAKING_NACH) \
                and not any(d.low[k] == "nach" for k in range(i + 1, e)):
            # "Die Polizei sucht nach Zeugen", "hat nach dem Mann gefahndet": the verb's object (but "sucht nach
            # Angaben eines Sprechers nach dem Täter": the later "nach" is the object)
            return None
        if i + 2 < d.n and d.text[i + 1] in ("Plan", "Wunsch") and d.low[i + 2] not in ATTACHMENTS:
            return None  # "nach Plan", "nach Wunsch": as planned, no source
        nouns = self.lex.cue_words["nach"]
        suffixes = tuple(self.lex.cue_words["nach_suffix"])
        if i > s and (d.text[i - 1] in nouns or d.low[i - 1].endswith(suffixes)) and d.is_noun(i - 1):
            # postposed: "seiner Meinung nach", "Angaben der Polizei nach"
            a = i - 1
            while a > s and (d.is_det(a - 1) or d.is_adj(a - 1)):
                a -= 1
            src = list(range(a, i))
            msg = self._rest_of_sentence(d, i, {i, *src})
            return _Cand("Indirect", cue=[i], source=src, message=msg, cue_kind="nach",
                         subjunctive=d.has_konjunktiv(*d.sentence_range(i))) if msg else None
        if i > 0 and d.text[i - 1] in TIME_BEFORE_NACH:
            return None  # "zwei Monate nach dem Urteil": a time, not a source
        # a relative or demonstrative possessive opens the noun phrase: "Nach deren Angaben"
        first = i + 2 if i + 2 < e and d.low[i + 1] in ("deren", "dessen") else i + 1
        end = d.np_forward(first, e)
        if end == first:
            return None
        head_ok = False
        for k in range(i + 1, end):
            if d.low[k] in ("von", "vom", "des", "der", "aus") and k > i + 1:
                break
            if d.text[k] in nouns or (d.is_noun(k) and d.low[k].endswith(suffixes)):
                head_ok = True
                break
        if not head_ok:
            return None
        src = list(range(i + 1, end))
        msg = self._rest_of_sentence(d, i, {i, *src})
        return _Cand("Indirect", cue=[i], source=src, message=msg, cue_kind="nach",
                     subjunctive=d.has_konjunktiv(*d.sentence_range(i)))

    def _noun_cue(self, d: _Doc, i: int) -> _Cand | None:
        """"Die Experten kamen zu dem Ergebnis, dass …": a light verb and a noun frame the message."""
        s, e = d.clause(i)
        _, se = d.sentence_range(i)
        if not (e < se and d.text[e] in (",", ":") and e + 1 < se):
            return None
        addressee: list[int] = []
        if i + 2 < e and d.low[i + 1] == "an" and d.low[i].endswith(LETTERS) \
                and d.np_forward(i + 2, e, appositions=False) == e:
            addressee = list(range(i + 2, e))  # "richteten einen Appell an die Regierung, …"
        tail = [k for k in range(i + 1, e) if d.text[k][:1].islower() and not addressee]
        if len(tail) > 2 or any(d.is_det(k) or d.has_pos and d.pos[k] == "APPR" for k in tail):
            return None  # the noun does not end the clause: not a frame
        nxt = e + 1
        ce = d.clause(nxt)[1] if not d.is_boundary(nxt) else nxt
        if not (d.text[e] == ":" or d.low[nxt] in COMPLEMENT_STARTS or d.has_konjunktiv(nxt, ce)
                or self._zu_infinitive(d, nxt, ce)):
            return None
        start = s
        while start < i and (d.low[start] in CONJUNCTIONS or d.low[start] in ADVERBS):
            start += 1
        subj_end = d.np_forward(start, i) if d.low[start] not in PREPOSITIONS else start
        verb = subj_end if subj_end > start else start
        if verb >= i or not d.text[verb][:1].islower():
            return None
        src = list(range(start, subj_end))
        if not src:
            after = verb + 1
            end = d.np_forward(after, i)
            src = list(range(after, end)) if end > after and end < i else []
        cue = [k for k in range(verb, i + 1) if k not in src and d.low[k] not in ADVERBS] + tail
        if len(cue) > 5 or any(d.text[k][:1].isupper() for k in cue[:-1 - len(tail)] if k != i):
            # adverbials between the verb and the noun phrase are not part of the frame: "hatte am
            # Donnerstag in einem Interview die These vertreten"
            a = i
            while a - 1 > verb and (d.is_det(a - 1) or d.is_adj(a - 1)) and d.text[a - 1][:1].islower():
                a -= 1
            particle = len(tail) == 1 and d.has_pos and d.pos[tail[0]] == "PTKVZ"  # "stellten … die These auf"
            if a == i or len(tail) != 1 or not src or not self._verb_like(d, verb) \
                    or not (particle or self._verb_like(d, tail[0])) or d.low[verb] in PASSIVE_AUX | MODALS:
                return None  # a long or noun-filled span is no fixed phrase
            cue = [verb] + list(range(a, i + 1)) + tail
        if d.quote_of[nxt] >= 0 and d.quotes[d.quote_of[nxt]][1] >= d.message_end(nxt) - 1:
            return _Cand("Direct", cue=cue, source=src, message=list(range(nxt, d.quotes[d.quote_of[nxt]][1] + 1)),
                         addressee=addressee, cue_kind="noun")
        msg = list(range(nxt, d.message_end(nxt)))
        return _Cand("Indirect", cue=cue, source=src, message=msg, addressee=addressee, cue_kind="noun",
                     subjunctive=d.has_konjunktiv(nxt, d.message_end(nxt)))

    def _speech_noun(self, d: _Doc, i: int) -> _Cand | None:
        """"die Forderung des Ministers, X zu tun" / "mit der Begründung, …": the noun phrase of a noun of
        saying, closed by a comma, is followed by its complement clause."""
        if i == 0 or not d.is_det(i - 1) or d.quote_of[i] >= 0:
            return None
        _, se = d.sentence_range(i)
        e = d.np_forward(i + 1, se, appositions=False) if i + 1 < se and d.low[i + 1] in ATTACHMENTS else i + 1
        if e == i + 1 and i + 1 < se and d.low[i + 1] in ATTACHMENTS:
            return None
        if not (e + 1 < se and d.text[e] in (",", ":")):
            return None
        nxt = e + 1
        ce = d.clause(nxt)[1] if not d.is_boundary(nxt) else nxt
        if not (d.low[nxt] in ("dass", "ob") or d.has_konjunktiv(nxt, ce) or self._zu_infinitive(d, nxt, ce)):
            return None
        cue = ([i - 2] if i >= 2 and d.low[i - 2] == "mit" else []) + [i - 1, i]
        src = list(range(i + 1, e))
        if src and d.low[src[0]] in ("von", "vom", "des", "der", "aus"):
            src = src[1:] if d.low[src[0]] in ("von", "vom", "aus") else src
        msg = list(range(nxt, d.message_end(nxt)))
        return _Cand("Indirect", cue=cue, source=src, message=msg, cue_kind="noun",
                     subjunctive=d.has_konjunktiv(nxt, d.message_end(nxt)))

    def _self_cue(self, d: _Doc, i: int) -> _Cand | None:
        """"Demnach …": the adverb stands for the source mentioned before."""
        msg = self._rest_of_sentence(d, i, {i})
        return _Cand("Indirect", cue=[i], source=self._antecedent_document(d, i) or [i], message=msg, cue_kind="self",
                     subjunctive=d.has_konjunktiv(*d.sentence_range(i))) if msg else None

    def _stance_frame(self, d: _Doc, i: int) -> _Cand | None:
        """"Die Staatsanwaltschaft war sich sicher, dass …", "Wir sind überzeugt, dass …": a form of *sein*
        and a stance adjective closing the clause frame a complement; the cue is both (with *sich*)."""
        s, e = d.clause(i)
        _, se = d.sentence_range(i)
        if e - i > 2 or not self._has_complement(d, e, se) or self._subordinate(d, s, [i]):
            return None
        fin = next((k for k in range(s, i) if d.low[k] in COPULA_FORMS), None)
        if fin is None or self._trailing_frame(d, e + 1, se) or any(d.low[k] == "es" for k in range(s, i)) \
                or (d.low[e + 1] in SUBORDINATORS and d.low[e + 1] not in COMPLEMENT_STARTS) \
                or d.has_pos and d.pos[e + 1] in ("VVFIN", "VAFIN", "VMFIN"):
            # impersonal "Es ist wahrscheinlich, dass …" names no speaker; a clause opened by its
            # verb shares the subject ("Man sei bereit, erwarte aber …") and is no complement
            return None
        cue = [fin] + [k for k in range(fin + 1, i) if d.low[k] == "sich"] + [i]
        src = self._subject(d, s, e, cue)
        msg = list(range(e + 1, self._message_stop(d, e + 1, d.message_end(e + 1))))
        if not msg or (d.quote_of[e + 1] >= 0 and d.quotes[d.quote_of[e + 1]][1] >= msg[-1]):
            return None
        return _Cand("Indirect", medium="thought", cue=cue, source=src, message=msg, cue_kind="stance",
                     subjunctive=d.has_konjunktiv(msg[0], msg[-1] + 1))

    @staticmethod
    def _antecedent_document(d: _Doc, i: int) -> list[int]:
        """The document "Demnach" refers to: the last noun phrase of the previous sentence headed by a
        document noun ("Das geht aus dem Urteil hervor. Demnach …" → "dem Urteil")."""
        if d.sent_of[i] == 0:
            return []
        ps, pe = d.sent_bounds[d.sent_of[i] - 1]
        for k in range(pe - 1, ps - 1, -1):
            if d.is_noun(k) and d.low[k].endswith(DOCUMENTS):
                a = k
                while a - 1 >= ps and (d.is_det(a - 1) or d.is_adj(a - 1)):
                    a -= 1
                return list(range(a, d.np_forward(a, pe, appositions=False))) if a < k or d.is_noun(a) else []
        return []

    def _relative_cue(self, d: _Doc, i: int) -> _Cand | None:
        """"ein Bericht, wonach …": the source is the noun phrase before the comma."""
        ss, _ = d.sentence_range(i)
        s, _ = d.clause(i - 1) if i > 1 else (ss, ss)
        src: list[int] = []
        for a in range(s, i - 1):
            if a not in d.in_timex and d.np_forward(a, i - 1, appositions=False) == i - 1:
                src = list(range(a, i - 1))
                break
        msg = list(range(i + 1, d.message_end(i)))
        return _Cand("Indirect", cue=[i], source=src, message=msg, cue_kind="relative",
                     subjunctive=d.has_konjunktiv(i, d.message_end(i))) if msg else None

    @staticmethod
    def _es_near(d: _Doc, i: int, s: int, e: int) -> bool:
        return any(d.low[k] == "es" for k in range(max(s, i - 2), min(e, i + 3))) or QuoteRules._wie_es(d, s, i)

    @staticmethod
    def _wie_es(d: _Doc, s: int, i: int) -> bool:
        """"Wie es aus Regierungskreisen hieß, …": the clause opens with "wie es", the verb closes it."""
        return d.low[s] == "wie" and s + 1 < i and d.low[s + 1] == "es"

    def _heisst(self, d: _Doc, i: int, s: int, e: int, frame: list[int] = ()) -> _Cand:
        """An impersonal frame at i ("hieß es", "war zu hören" with ``frame`` [war, zu], "steht"); the source
        is the phrase after one of the heisst prepositions ("aus dem Kreml", "in dem Bericht")."""
        cue = [i, *frame] + [k for k in range(max(s, i - 2), min(e, i + 3)) if d.low[k] == "es"]
        if self._wie_es(d, s, i) and s + 1 not in cue:
            cue += [s, s + 1]
        for k in range(max(s, i - 3), i):
            if d.low[k] in ("hatte", "hat", "habe"):
                cue.insert(0, k)
        cue.sort()
        preps = self.lex.cue_words["heisst_prep"]
        src: list[int] = []
        for k in range(s, e):
            if d.low[k] in preps and k not in cue:
                end = d.np_forward(k + 1, e)
                if end > k + 1:
                    # "aus Paris", "vom Abgeordneten X": the preposition marks a speaker and belongs to the
                    # source; "in dem Bericht" names a document and does not
                    src = list(range(k if d.low[k] not in ("in", "im") else k + 1, end))
                    break
        pointer = next((k for k in range(s, i) if d.low[k] in ("darin", "hierin")), None)
        if not src and pointer is not None:
            # "Der Bericht liegt vor. Darin heißt es, …": the adverb stands for the document named before
            src = self._antecedent_document(d, pointer) or [pointer]
        # "In dem Papier heißt es": a document's words are written
        medium = "writing" if src and any(d.is_noun(k) and d.low[k].endswith(DOCUMENTS) for k in src) else "speech"
        return _Cand("Direct", medium=medium, cue=cue, source=src, cue_kind="heisst")

    def _document_before_relative(self, d: _Doc, s: int) -> int:
        """Start of "In dem Papier, das der dpa vorliegt, heißt es, …" when the clause at s follows a
        sentence-initial document phrase and its relative clause; else s."""
        ss, _ = d.sentence_range(s)
        if s <= ss or d.text[s - 1] != "," or d.low[ss] not in self.lex.cue_words["heisst_prep"]:
            return s
        j = d.np_forward(ss + 1, s - 1, appositions=False)
        if j > ss + 1 and j + 1 < s - 1 and d.text[j] == "," and d.low[j + 1] in RELATIVES \
                and "," not in d.text[j + 1:s - 1]:
            return ss
        return s

    def _heisst_message(self, d: _Doc, cand: _Cand, i: int, s: int, e: int) -> _Cand | None:
        ss, se = d.sentence_range(i)
        if s > ss and d.text[s - 1] == ",":
            msg = list(range(ss, s - 1))
        elif e < se and d.text[e] in (",", ":"):
            msg = list(range(e + 1, d.message_end(e + 1)))
        else:
            return None
        cand.form = "Direct" if msg and all(d.quote_of[k] >= 0 for k in msg) else "Indirect"
        cand.message = msg
        cand.subjunctive = d.has_konjunktiv(msg[0], msg[-1] + 1) if msg else False
        return cand

    # -- 4. continuation ------------------------------------------------------------------------
    def _continuations(self, d: _Doc, cands: list[_Cand]) -> list[_Cand]:
        by_sentence: dict[int, list[_Cand]] = {}
        # "Sie habe damals richtig entschieden": a reported act in Konjunktiv continues the report before it
        reported_content = {id(c) for c in cands if (c.speaker_only or c.form == "Reported") and c.cue
                             and any(self.lex.konjunktiv.get(d.low[k]) == "I" and d.low[k - 1] != "ich"
                                     and (k + 1 >= d.n or d.low[k + 1] != "ich") for k in c.cue)}
        for cand in cands:
            if id(cand) in reported_content:
                continue
            for k in cand.message:
                by_sentence.setdefault(d.sent_of[k], []).append(cand)
        out: list[_Cand] = []
        pending = sorted(cands, key=lambda c: d.sent_of[min(c.message)] if c.message else 0)
        last: _Cand | None = None
        last_sentence = -10
        ci = 0
        for si, (a, b) in enumerate(d.sent_bounds):
            while ci < len(pending) and (d.sent_of[min(pending[ci].message)] if pending[ci].message else 0) <= si:
                if pending[ci].carried and not pending[ci].source:
                    if last is None or si - last_sentence > CONTINUATION_GAP:
                        ci += 1
                        continue
                    pending[ci].source, pending[ci].medium = list(last.source), last.medium
                if not pending[ci].speaker_only:
                    out.append(pending[ci])
                live = last is not None and si - last_sentence <= CONTINUATION_GAP
                if pending[ci].source and not (id(pending[ci]) in reported_content and live):
                    if id(pending[ci]) in reported_content:
                        by_sentence.setdefault(si, [])  # no report to continue: it names a speaker
                    last = pending[ci]
                    last_sentence = max(d.sent_of[k] for k in pending[ci].message)
                ci += 1
            if si in by_sentence or last is None or si - last_sentence > CONTINUATION_GAP or b <= a:
                continue
            if len(last.source) == 1 and d.low[last.source[0]] in ("ich", "wir") or last.cue_kind == "interview":
                continue  # an interview: "Ich glaube, … Denn sonst würde man …" is the speaker's own voice
            main = self._main_clause_spans(d, a, b)
            in_main = {k for x, y in main for k in range(x, y)}
            if any(d.has_konjunktiv(x, y, reportive=True) for x, y in main) or any(
                    k not in in_main and self.lex.konjunktiv.get(d.low[k]) != "II" and d.has_konjunktiv(k, k + 1, True)
                    for k in range(a, b)):
                form, konj = "FreeIndirect", True
            elif any(d.low[k] in FREE_INDIRECT_MARKERS and d.quote_of[k] < 0 for k in in_main):
                form, konj = "FreeIndirect", False  # (not "die Korrektur, mit der … hergestellt werden soll")
            else:
                continue
            cand = _Cand(form, medium=last.medium, source=list(last.source), message=list(range(a, b)),
                         sentence=si, cue_kind="none", subjunctive=konj, carried=True)
            out.append(cand)
            last_sentence = si
        out.extend(c for c in pending[ci:] if not c.speaker_only)
        return out

    @staticmethod
    def _main_clause_spans(d: _Doc, a: int, b: int) -> list[tuple[int, int]]:
        """The clauses of sentence [a, b) that are not relative clauses: a Konjunktiv II only in "…, die ihm
        Abkürzungen verschafft hätten, …" is an irrealis of that clause, not a report (a Konjunktiv I
        anywhere still is: "den der Gerichtshof immer wieder betone")."""
        spans, k = [], a
        while k < b:
            s, e = d.clause(k)
            e = max(e, k + 1)
            r = s + 1 if d.low[s] in PREPOSITIONS and s + 1 < b else s  # "…, mit der …"
            relative = s > a and d.text[s - 1] == "," and d.low[r] in RELATIVES \
                and not (r + 1 < b and (d.is_noun(r + 1) or d.is_adj(r + 1)))
            adverbial = d.low[s] in ADVERBIAL_SUBORDINATORS and (s == a or d.text[s - 1] == ",")
            if not relative and not adverbial:
                spans.append((k, min(e, b)))
            k = e + 1 if e < b and d.is_boundary(e) else e
        return spans

    @staticmethod
    def _message_owners(cands: list[_Cand]) -> dict[int, list[_Cand]]:
        """Token index -> the candidates whose message holds it: containment tests then look only at
        the quotations that share a token, not at every pair."""
        owners: dict[int, list[_Cand]] = {}
        for o in cands:
            for k in set(o.message):
                owners.setdefault(k, []).append(o)
        return owners

    @staticmethod
    def _inside_other(c: _Cand, tokens: set[int], owners: dict[int, list[_Cand]], with_cue: bool) -> bool:
        """Whether ``tokens`` all lie in the message of a candidate other than ``c``."""
        if not tokens:
            return False
        return any(o is not c and (o.cue or not with_cue) and tokens <= set(o.message)
                   for o in owners.get(min(tokens), ()))

    @classmethod
    def _nested(cls, c: _Cand, owners: dict[int, list[_Cand]]) -> bool:
        """Reported speech inside another quotation's message ("X sagte, Y habe den Plan kritisiert"):
        its cue and source lie in the outer message."""
        return c.form == "Reported" and cls._inside_other(c, set(c.cue) | set(c.source), owners, with_cue=False)

    @classmethod
    def _drop_contained(cls, cands: list[_Cand]) -> list[_Cand]:
        """A cue-less quotation inside another quotation's message is part of that message."""
        owners = cls._message_owners(cands)
        return [c for c in cands
                if c.cue or not c.message or not cls._inside_other(c, set(c.message), owners, with_cue=True)]

    # -- output ------------------------------------------------------------------------------------------
    @staticmethod
    def _spans(d: _Doc, idx: list[int]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        prev = None
        for k in sorted(set(idx)):
            if prev is not None and k == prev + 1:
                spans[-1] = (spans[-1][0], d.toks[k].end)
            else:
                spans.append((d.toks[k].start, d.toks[k].end))
            prev = k
        return spans

    @staticmethod
    def _with_quoted_name(d: _Doc, c: _Cand) -> list[int]:
        """A source noun or article followed by a short quoted name takes the name along ("Angaben des
        Magazins „Der Spiegel“", "die Nachrichtenagentur „Xinhua“", "die „Aktion Deutschland hilft“"),
        unless the quotation is the message."""
        j = max(c.source) + 1
        if j >= d.n or d.text[j] not in OPENERS or not (d.is_noun(j - 1) or d.is_det(j - 1)) or j in c.cue:
            return c.source
        k = j + 1
        while k < d.n and d.text[k] not in QUOTE_MARKS and k - j <= SHORT_QUOTE:
            k += 1
        if k >= d.n or d.text[k] not in OPENERS[d.text[j]] or k == j + 1 or not d.text[j + 1][:1].isupper():
            return c.source
        name = set(range(j, k + 1))
        if name & set(c.message):
            # the message was read from the quotation on: it starts after the name, if anything is left
            rest = [t for t in c.message if t > k]
            if min(c.message) != j or not rest:
                return c.source
            c.message = rest
        return sorted(set(c.source) | name)

    @staticmethod
    def _message_after_source(d: _Doc, c: _Cand) -> None:
        """A message that starts inside the source's apposition starts after it: "meldete der Sender,
        Radio Nord, | dass …" (the comma of the apposition ended the verb's clause)."""
        if c.form not in ("Indirect", "Direct") or not c.source or not c.message:
            return
        src_end = max(c.source)
        if min(c.source) < min(c.message) <= src_end < max(c.message):
            rest = [k for k in c.message if k > src_end]
            while rest and d.text[rest[0]] == ",":
                rest.pop(0)
            if rest:
                c.message = rest

    def _cited_speaker(self, d: _Doc, c: _Cand) -> None:
        """With a verb of citing the speaker is the one cited, not who cites: "zitiert die Zeitung den
        Minister", "Der Minister wird von der Zeitung zitiert". The citing side is kept as ``cited_by``."""
        if not c.source or c.carried or not any(
                f.verb.lemma in CITING_VERBS for k in c.cue for f in d.lex.forms.get(d.low[k], ())):
            return
        ss, se = d.sentence_range(c.cue[0])
        busy = set(c.message) | set(c.source) | set(c.cue)
        free = lambda a, b: all(k not in busy and d.quote_of[k] < 0 for k in range(a, b))  # noqa: E731
        first = c.cue[0]
        if any(d.low[k] in WERDEN_PASSIVE for k in c.cue):
            # the passive subject: before the finite auxiliary, or right after it
            start = ss
            while start < first and (d.low[start] in CONJUNCTIONS or d.text[start] in (",", "„", "“")):
                start += 1
            if start < first and d.np_forward(start, first) == first and free(start, first):
                speaker = list(range(start, first))
            else:
                limit = next((k for k in range(first + 1, se) if d.low[k] in ("von", "vom")), se)
                end = d.np_forward(first + 1, limit)
                speaker = list(range(first + 1, end)) if end > first + 1 and free(first + 1, end) \
                    and d.low[first + 1] not in ("von", "vom") else []
        else:
            # the accusative object after the verb (and after an inverted subject)
            k = max(c.source) + 1 if min(c.source) > first else first + 1
            while k < se and d.low[k] in ADVERBS:
                k += 1
            end = d.np_forward(k, se)
            speaker = list(range(k, end)) if end > k and free(k, end) and d.low[k] not in ("mit", "aus") else []
        if speaker:
            c.cited_by, c.source = c.source, speaker

    def _to_quote(self, d: _Doc, c: _Cand) -> Quote:
        channel, channel_medium = self._channel(d, c)
        medium = c.medium
        if channel_medium and (c.cue_kind != "verb" or medium == "speech"):
            medium = channel_medium
        if c.source and not c.carried:
            c.source = self._with_quoted_name(d, c)
        q = Quote(form=c.form, medium=medium, cue=self._spans(d, c.cue), source=self._spans(d, c.source),
                  message=self._spans(d, c.message), addressee=self._spans(d, c.addressee),
                  channel=c.channel or channel, sentence=c.sentence)
        q.attrs = {"cue_kind": c.cue_kind, "subjunctive": c.subjunctive}
        if c.carried:
            q.attrs["carried_source"] = True
        if c.cited_by:
            s, e = d.toks[min(c.cited_by)].start, d.toks[max(c.cited_by)].end
            q.attrs["cited_by"] = d.doc.text[s:e]
            q.attrs["cited_by_span"] = [s, e]
        q.timex = self._timex(d, c)
        return q

    def _channel(self, d: _Doc, c: _Cand) -> tuple[str | None, str | None]:
        if not c.message:
            return None, None
        msg = set(c.message)
        a, b = d.sent_bounds[d.sent_of[c.cue[0]] if c.cue else c.sentence]  # the frame's sentence
        for k in range(a, b):
            if d.quote_of[k] >= 0 or k in msg and not (c.form == "Reported" and self._in_channel_phrase(d, k, a)):
                continue
            found = d.channel_at(k, a)
            if found is not None and not (k not in c.source and self._source_of_cue_word(d, k, a)):
                return found
        return None, None

    def _source_of_cue_word(self, d: _Doc, k: int, a: int) -> bool:
        """Token k is in the source phrase of a cue word ("Laut dem Bericht", "Dem Bericht zufolge"): it is
        the channel of that report, not of another frame in the sentence."""
        if k + 1 < d.n and d.low[k + 1] in self.lex.cue_words["after"]:
            return True
        j = k - 1
        while j >= a and (d.is_det(j) or d.is_adj(j)):
            j -= 1
        return j >= a and (d.low[j] in self.lex.cue_words["before"] or d.low[j] == "nach")

    @staticmethod
    def _in_channel_phrase(d: _Doc, k: int, a: int) -> bool:
        """Token k heads a prepositional phrase ("in einer gemeinsamen Erklärung"): a reported message
        spans its whole clause, so its channel lies inside it, but an object ("forderte eine Erklärung")
        is no channel."""
        for j in range(k - 1, max(a, k - 4) - 1, -1):
            if d.low[j] in CHANNEL_PREPS:
                return True
            if not (d.is_det(j) or d.is_adj(j)):
                return False
        return False

    @staticmethod
    def _timex(d: _Doc, c: _Cand) -> int | None:
        if not d.doc.timexes or not c.cue:
            return None
        a, b = d.sent_bounds[d.sent_of[c.cue[0]]]  # "„…. …“, sagte sie am Montag": the frame's sentence
        lo, hi = d.toks[a].start, d.toks[b - 1].end
        anchor = d.toks[c.cue[0]].start
        # a reported act's clause is its message, and its time adverbial dates the act ("hat am Montag
        # Neuwahlen angekündigt"), unless it dates the content ("kündigte Wahlen für den 23. Juli an")
        msg_spans = [] if c.form == "Reported" else [(d.toks[k].start, d.toks[k].end) for k in c.message]
        best, best_dist = None, None
        for ti, t in d.timexes_between(lo, hi):
            if t.type not in ("DATE", "TIME") or any(s <= t.start < e for s, e in msg_spans):
                continue  # a duration or a set ("in seiner jährlichen Pressekonferenz") dates no utterance
            k = bisect.bisect_left(d.starts, t.start)
            if c.form == "Reported" and QuoteRules._dates_content(d, k):
                continue
            cs, _ = d.clause(k)
            if cs > a and d.text[cs - 1] == "," and d.low[cs] in RELATIVES and d.clause(c.cue[0])[0] != cs:
                continue  # "Die Ministerin, die am Freitag in Brüssel war, sagte …": the relative clause's time
            dist = abs(t.start - anchor)
            if best_dist is None or dist < best_dist:
                best, best_dist = ti, dist
        return best

    @staticmethod
    def _dates_content(d: _Doc, k: int) -> bool:
        """The time expression at token k follows (or starts with) a preposition that dates the content of
        a report: "für (den) 23. Juli", "bis Ende Mai"."""
        j = k - 1
        while j > 0 and d.is_det(j):
            j -= 1
        return d.low[k] in CONTENT_TIME_PREPS or j >= 0 and d.low[j] in CONTENT_TIME_PREPS

    # -- source resolution --------------------------------------------------------------------------------
    def _resolve_sources(self, d: _Doc, doc: Document) -> None:
        mentions = sorted(doc.mentions, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        longest = max((m.end - m.start for m in mentions), default=0)

        def overlapping(a: int, b: int) -> list:
            # mentions by start offset: only those starting within a mention's length of a
            lo, hi = bisect.bisect_left(starts, a - longest), bisect.bisect_left(starts, b)
            return [m for m in mentions[lo:hi] if m.end > a]

        last_unnamed: Quote | None = None  # the latest quote of an unnamed speaker ("ein Sprecher des Pentagons")
        last_person: Quote | None = None  # the latest quote of a person
        last_sourced: Quote | None = None  # the latest quote whose speaker is known
        for q in doc.quotes:
            if not q.source:
                self._resolve_addressee(doc, q, mentions, starts, overlapping)
                continue
            s0, e0 = q.source[0][0], q.source[-1][1]
            text = doc.text[s0:e0]
            words = text.split()
            inside = overlapping(s0, e0)
            named = [m for m in inside if m.entity is not None and m.kind == "name"]
            any_entity = [m for m in inside if m.entity is not None]
            # the person speaks ("Frank Biermann, Vorsitzender der Union für das Münsterland"), else the
            # first organisation ("Mitarbeiter des Hilfsdienstes aus Labutta"), else the first name
            ranked = sorted(named, key=lambda m: (m.label != "PER", m.label != "ORG", m.start))
            # "ein Regierungssprecher in Rom": the place says where the unnamed speaker is, not who
            place_only = bool(ranked) and ranked[0].label == "LOC" and not any(m.label != "LOC" for m in ranked) \
                and (self._anonymous(words) or self._after_place_preposition(doc.text, s0, ranked[0].start))
            # "Russlands Außenminister": the role at the head speaks, not the country before it
            head_role = [m for m in inside if m.kind == "role" and m.entity is not None and m.end == e0]
            # "die Staatsanwaltschaft Köln": a place after an unnamed institution only locates it
            place_modifier = bool(ranked) and ranked[0].label == "LOC" and not head_role \
                and ranked[0].start > s0 + len(words[0]) + 1 and words[0].lower() in DETS \
                and not any(m.label != "LOC" for m in ranked)
            if ranked and ranked[0].label == "LOC" and head_role:
                q.source_entity = head_role[-1].entity
                q.attrs["source_kind"] = "role"
            elif place_modifier:
                q.source_description = " ".join(words[1:])
                # "Der russische Botschafter in Berlin": the role's own country before the place's
                q.source_country = describe_role(text)[0] or doc.entities[ranked[0].entity].country
                q.attrs["source_kind"] = "description"
            elif ranked and not place_only:
                q.source_entity = ranked[0].entity
                if ranked[0].label != "PER" and self._anonymous(words, definite=True):
                    # "Ein hochrangiger Beamter des Pentagons", "Der Sprecher des russischen Außenministeriums":
                    # an unnamed person affiliated with the body
                    bare = self._without_article(words)
                    q.source_description = " ".join(w for w in bare if w.lower() not in INDEFINITE)
                    q.source_country = doc.entities[ranked[0].entity].country or describe_role(text)[0] \
                        or self._affiliation(text)
                    q.attrs["source_kind"] = "anonymous"
            elif place_only and not self._anonymous(words):
                # "Biologen aus Berkeley", "Ärzte in Gaza": unnamed speakers from a place
                q.source_description = " ".join(self._without_article(words))
                q.source_country = doc.entities[ranked[0].entity].country
                q.attrs["source_kind"] = "description"
            elif any_entity and words[0].lower() not in INDEFINITE and not self._anonymous(words) \
                    and not (self._definite_role(words) and doc.entities[any_entity[-1].entity].attrs.get("role_only")
                             and self._antecedent(doc, mentions, s0, words, self._plural_cue(d, q), False,
                                                  self.lex.name_genders, self._role_kind(words[-1]) == "PER")
                             is not None):
                # (a bare office the entities step kept as its own entity, "die Präsidentin", refers back to the
                # person named with it when there is one: below)
                q.source_entity = any_entity[-1].entity
            elif len(words) == 1 and words[0].lower() in PRONOUNS_TO_RESOLVE or self._definite_role(words):
                kind = self._role_kind(words[-1]) if len(words) > 1 else None
                plural_verb = self._plural_cue(d, q)
                # a function noun ("der Sprecher") must match a role the person was named with; an office
                # ("die Kanzlerin") refers back to the last person; an epithet ("die Sängerin") to the person
                # named with it if there is one, else to the last person
                entity = None
                # a name inside the quotation itself is no antecedent of its speaker ("„… lädt Putin ein“,
                # sagte er")
                outside = [m for m in mentions if not any(a <= m.start < b for a, b in q.message)] \
                    if q.form == "Direct" and q.message and q.message[0][0] < s0 else mentions
                outside_starts = [m.start for m in outside]
                if len(words) == 1 and not plural_verb:
                    entity = self._previous_speaker(doc, q, last_person, words[0].lower(), plural_verb,
                                                    outside, outside_starts)
                if kind == "EPI":
                    entity = self._antecedent(doc, outside, s0, words, plural_verb, False, self.lex.name_genders,
                                              function=True)
                q.source_entity = entity if entity is not None else self._antecedent(
                    doc, outside, s0, words, plural_verb, kind == "ORG", self.lex.name_genders, kind == "PER")
                q.attrs["source_kind"] = "pronoun" if len(words) == 1 else "role"
                if q.source_entity is None and plural_verb is not None and len(words) == 1 and q.sentence:
                    # "Die Gewerkschaften sind unzufrieden. Sie forderten …": the unnamed subject just before
                    subject = self._previous_subject(d, q.sentence - 1, words[0].lower(), plural_verb)
                    group = " ".join(d.text[subject[0] + 1:subject[1]]) if subject else None
                    if group:
                        q.source_description = group
                        q.source_country = describe_role(group)[0] or self._affiliation(group)
            elif len(words) == 1 and words[0].lower() == "es" and q.sentence:
                # "Das Gericht wies die Klage ab. Es erklärte, …": the neuter subject of the sentence before
                subject = self._previous_subject(d, q.sentence - 1, "es", False)
                if subject is not None:
                    a, end = subject
                    hit = [m for m in overlapping(d.toks[a].start, d.toks[end - 1].end)
                           if m.entity is not None and m.label == "ORG"]
                    if hit:
                        q.source_entity = hit[0].entity
                    else:
                        q.source_description = " ".join(d.text[a + 1:end])
                q.attrs["source_kind"] = "pronoun"
            if q.source_entity is None and words[0].lower().startswith("eigen") and q.message:
                # "Die Ministerin will nach eigener Aussage …": the subject the report is about speaks
                subject = [m for m in overlapping(q.message[0][0], q.message[-1][1]) if m.entity is not None
                           and m.label in ("PER", "ORG") and any(a <= m.start < b for a, b in q.message)]
                if subject:
                    q.source_entity = subject[0].entity
                    q.attrs["source_kind"] = "reflexive"
                else:  # "Der Konzern hat nach eigenen Angaben …": the unnamed subject, described
                    k = bisect.bisect_left(d.starts, q.message[0][0])
                    np = [d.text[j] for j in range(k, d.np_forward(k, d.n))]
                    if 2 <= len(np) <= 4 and d.is_det(k) and np[-1][:1].isupper():
                        q.source_description = " ".join(np[1:])
                        q.source_country = describe_role(" ".join(np))[0] or self._affiliation(" ".join(np))
                        q.attrs["source_kind"] = "reflexive"
            if q.source_entity is None and len(words) == 1:
                q.source_entity = self._surname_holder(doc, words[0])  # "Berger: Ja, aber langsam."
            # an unnamed role no antecedent names ("Dem Sprecher der Polizei zufolge") is described like
            # an anonymous source
            if q.source_entity is None and len(words) > 1 and words[0].lower() in ("aus", "seitens", "von", "vom"):
                words = words[1:]  # "hieß es aus Gewerkschaftskreisen": where the report comes from
            if q.source_entity is None and len(words) > 1 and words[0] in self.lex.cue_words["nach"]:
                # "Angaben eines Sprechers", "Einschätzung von Diplomaten": the speaker follows the statement
                words = words[2:] if words[1].lower() in ("von", "vom") and len(words) > 2 else words[1:]
            if q.source_entity is None and (self._anonymous(words, definite=True) or self._definite_role(words)):
                bare = self._without_article(words)
                q.source_description = " ".join(self._without_genitive_s(w) for w in bare
                                                if w.lower() not in INDEFINITE)
                q.source_country = describe_role(text)[0] or self._affiliation(text)
                if q.source_country is None and place_only:
                    q.source_country = doc.entities[ranked[0].entity].country
                q.attrs["source_kind"] = "anonymous"
            if q.source_entity is None and len(words) == 1 and words[0].lower() in RELATIVES:
                # "Ein Sprecher, der am Montag erklärte, …": the relative pronoun stands for the phrase before
                head = self._relative_antecedent(doc, s0)
                if head is not None:
                    a, b = head
                    hit = [m for m in overlapping(a, b) if m.entity is not None and m.label in ("PER", "ORG")]
                    if hit:
                        q.source_entity = hit[-1].entity
                    else:
                        words = doc.text[a:b].split()
                    q.attrs["source_kind"] = "relative"
            generic = self._generic_organisation(words)
            if q.source_entity is None and generic is not None:
                # "teilte das Unternehmen mit", "ein Sprecher des Konzerns": the organisation named just before
                q.source_entity = self._organisation_named_before(doc, mentions, starts, s0, generic, q)
                if q.source_entity is not None:
                    q.attrs["source_kind"] = "role"
            if q.source_entity is None and q.source_description is None and self._common_noun_phrase(words):
                # "der Landrat", "Viele Anwohner": an unnamed speaker known only by a common noun
                bare = self._without_article(words)
                q.source_description = " ".join(self._without_genitive_s(w) for w in bare)
                q.source_country = describe_role(text)[0] or self._affiliation(text)
                q.attrs["source_kind"] = "description"
            elif q.source_entity is None and q.source_description is None and len(words) == 1 \
                    and words[0][:1].isupper() and words[0].isalpha() and words[0].lower() not in PRONOUNS_TO_RESOLVE \
                    and not inside and self._plural_cue(d, q):
                q.source_description = words[0]  # "Reporter fragten": a bare plural noun
                q.attrs["source_kind"] = "description"
            if q.source_entity is None and q.source_description is None and len(words) == 1 \
                    and words[0].lower() in PRONOUNS_TO_RESOLVE and last_unnamed is not None \
                    and q.sentence - last_unnamed.sentence <= 2:
                # "Ein Sprecher des Pentagons sagte, … Die Lage sei ernst, fügte er hinzu.": the pronoun is
                # the unnamed speaker just quoted (described, or coded as the body he speaks for)
                q.source_entity = last_unnamed.source_entity
                q.source_description, q.source_country = last_unnamed.source_description, last_unnamed.source_country
            if q.source_entity is None and q.source_description is None and len(words) == 1 \
                    and words[0].lower() in self.lex.cue_words["self"] and last_sourced is not None \
                    and q.sentence is not None and last_sourced.sentence is not None \
                    and q.sentence - last_sourced.sentence <= 1:
                # "Die Forscher befragten 500 Jugendliche. … Demnach schlafen …": no document before, so
                # "Demnach" stands for the speaker just quoted
                q.source_entity, q.source_description = last_sourced.source_entity, last_sourced.source_description
                q.source_country = last_sourced.source_country
                q.attrs["source_kind"] = "anaphoric"
            if q.source_entity is not None or q.source_description is not None:
                last_sourced = q
            if q.source_entity is not None and doc.entities[q.source_entity].label == "PER":
                last_person = q
            if q.source_description is not None or (q.source_entity is not None and self._anonymous(words)):
                last_unnamed = q
            elif q.source_entity is not None:
                last_unnamed = None  # a named speaker came in between
            self._resolve_addressee(doc, q, mentions, starts, overlapping)

    def _resolve_addressee(self, doc: Document, q: Quote, mentions, starts: list[int], overlapping) -> None:
        if not q.addressee:
            return
        a0, a1 = q.addressee[0][0], q.addressee[-1][1]
        # "den Journalisten in Brüssel": a place after a preposition only locates the addressee
        hit = [m for m in overlapping(a0, a1) if m.entity is not None
               and not (m.label == "LOC" and doc.text[a0:m.start].split()[-1:] in (["in"], ["aus"], ["im"]))]
        if hit:
            q.addressee_entity = hit[-1].entity
        elif a1 - a0 <= 3 and doc.text[a0:a1].lower() in ("ihm", "ihr"):
            q.addressee_entity = self._addressee_antecedent(doc, mentions, a0, doc.text[a0:a1].lower(),
                                                            q.source_entity)
        elif doc.text[a0:a1].isalpha():
            q.addressee_entity = self._surname_holder(doc, doc.text[a0:a1])  # "Frage: … Berger: …"
        else:  # "forderte den Konzern auf": the organisation of that kind named before
            generic = self._generic_organisation(doc.text[a0:a1].split())
            if generic is not None:
                q.addressee_entity = self._organisation_named_before(doc, mentions, starts, a0, generic, q)

    @staticmethod
    def _surname_holder(doc: Document, word: str) -> int | None:
        """The one person entity whose name ends in ``word`` (a surname the recogniser missed), else None."""
        if not word[:1].isupper() or not word.isalpha():
            return None
        holders = {i for i, e in enumerate(doc.entities) if e.label == "PER" and e.name.split()[-1] == word}
        return holders.pop() if len(holders) == 1 else None

    def _role_kind(self, head: str) -> str | None:
        """The sources.tsv label of a role head, also of a compound's last part ("FDP-Chef" like "Chef");
        a demonym ("der Norweger") or an age ("die 42-Jährige") is an epithet."""
        kind = self.lex.role_nouns.get(head) or self.lex.role_nouns.get(head.split("-")[-1])
        if kind is None and (head in default_gazetteer().person_nouns or _AGE_EPITHET.fullmatch(head)):
            kind = "EPI"  # "der Norweger", "der 50-Jährige"
        return kind

    def _definite_role(self, words: list[str]) -> bool:
        """An anaphoric role: "der Sprecher", "die Kanzlerin", "der Grünen-Politiker"."""
        if not (len(words) <= 3 and words[0].lower() in ("der", "die", "das", "dieser", "diese")):
            return False
        head = words[-1]
        if self._role_kind(head) is not None or head.endswith(("-Politiker", "-Politikerin")):
            return True
        phrase = " ".join(words)
        return any(r.label == "PER" and r.end == len(phrase) for r in find_roles(phrase))

    def _anonymous(self, words: list[str], definite: bool = False) -> bool:
        """An unnamed source: its head noun is a role ("ein Sprecher", "US-Regierungsvertreter",
        "Diplomaten") and no name follows it; with ``definite`` also "dem Sprecher der Polizei"."""
        if not words or any("," in w for w in words):
            return False
        k = 0
        while k < len(words) and (not words[k][:1].isupper() or words[k].lower() in DETS
                                  or k == 0 and len(words) > 1 and self._initial_adjective(words[0])):
            k += 1
        if k >= len(words):
            return False
        head = words[k]
        if not self.lex.is_role_noun(head):
            return False
        if k + 1 < len(words) and words[k + 1][:1].isupper():
            return False  # "Kremlsprecher Dmitri Peskow"
        first = words[0].lower()
        # a bare plural with adjectives is indefinite too: "ranghohe Diplomaten", "Israelische Militärsprecher"
        bare = k > 0 and not any(w.lower() in DETS for w in words[:k])
        return first in INDEFINITE or first in ("mehrere", "zwei", "drei", "einige") or first == head.lower() \
            or bare or (definite and first in DETS)

    @staticmethod
    def _relative_antecedent(doc: Document, start: int) -> tuple[int, int] | None:
        """Offsets of the short noun phrase (determiner to noun, at most five words; else the last three
        words) before the comma that opens the relative clause at ``start``."""
        before = doc.text[max(0, start - 120):start].rstrip()
        if not before.endswith(","):
            return None
        end = start - (len(doc.text[max(0, start - 120):start]) - len(before)) - 1
        words = doc.text[max(0, start - 120):end].split()[-5:]
        k = next((k for k in range(len(words) - 1, -1, -1) if words[k].lower() in DETS), max(0, len(words) - 3))
        phrase = " ".join(words[k:])  # without a determiner the name before the comma ("Olaf Scholz, der …")
        return (end - len(phrase), end) if phrase else None

    @staticmethod
    def _after_place_preposition(text: str, start: int, place: int) -> bool:
        """The place named at ``place`` follows "aus/in/von …" inside a source phrase starting at ``start``
        ("Biologen aus Berkeley", "die Polizei in Köln"): it says where the speakers are, not who."""
        before = text[start:place].split()
        return len(before) >= 2 and before[-1].lower() in ("aus", "in", "von", "im")

    @staticmethod
    def _common_noun_phrase(words: list[str]) -> bool:
        """A short phrase of a determiner or quantifier, lowercase adjectives and one capitalised noun."""
        if not 2 <= len(words) <= 4 or words[0].lower() not in DETS or not words[-1][:1].isupper():
            return False
        return all(w[:1].islower() and w.isalpha() for w in words[1:-1]) and words[-1].replace("-", "").isalpha()

    def _without_genitive_s(self, word: str) -> str:
        """"Sprechers" -> "Sprecher", "Regierungsvertretern" -> "Regierungsvertreter" for the description
        of an unnamed speaker."""
        if word.endswith(("s", "ern")) and word[:1].isupper() and self.lex.is_role_noun(word[:-1]):
            return word[:-1]
        return word

    @staticmethod
    def _organisation_named_before(doc: Document, mentions, starts: list[int], at: int, kind: str,
                                   q: Quote) -> int | None:
        """The organisation a kind noun at offset ``at`` refers back to: the last one named before (not in
        the quotation's message) within three sentences, one named as that kind first ("die
        Lokführergewerkschaft GDL" for "die Gewerkschaft"); None when an unnamed body of that kind came up
        ("Der Hauseigentümerverband … Der Bundesrat … schreibt der Verband")."""
        earlier = [m for m in mentions[:bisect.bisect_left(starts, at)] if m.entity is not None
                   and m.label == "ORG" and m.kind == "name" and not any(a <= m.start < b for a, b in q.message)]

        def named_as_kind(m) -> bool:
            before = doc.text[max(0, m.start - 40):m.start].lower().split()[-1:]
            return doc.text[m.start:m.end].lower().endswith(kind) or bool(before) and before[0].endswith(kind)
        named_so = [m for m in earlier if named_as_kind(m)]
        best = (named_so or earlier)[-1] if earlier else None
        window = doc.text[max(0, at - 600):at].lower().split()[:-1]
        unnamed_kind = not named_so and any(w.strip(".,;:").endswith(kind) for w in window)
        if best is None or doc.text.count(".", best.end, at) > 3 or unnamed_kind:
            return None
        return best.entity

    def _generic_organisation(self, words: list[str]) -> str | None:
        """The lower-case kind noun of a phrase that refers back to an organisation: "das Unternehmen",
        "ein Sprecher des Konzerns", "die Sprecherin der Klinik" (None for other phrases)."""
        if len(words) == 2 and words[0].lower() in ("der", "die", "das", "den", "dem", "des") \
                and words[1] in GENERIC_ORG_NOUNS:
            return words[1].lower()
        if 4 <= len(words) <= 5 and words[-2].lower() in ("des", "der") and self.lex.is_role_noun(words[-3]):
            last = words[-1]
            for kind in (last, last.removesuffix("s"), last.removesuffix("es")):
                if kind in GENERIC_ORG_NOUNS:
                    return kind.lower()
        return None

    @staticmethod
    def _without_article(words: list[str]) -> list[str]:
        """The words of a source phrase after its article; a partitive keeps its pronoun ("einer der Männer")."""
        if len(words) > 2 and words[0].lower() in PARTITIVES and words[1].lower() in ("der", "des"):
            return words
        return words[1:] if words[0].lower() in DETS else words

    def _initial_adjective(self, word: str) -> bool:
        """A capitalised first word that is an inflected adjective, not a noun: "Israelische"."""
        low = word.lower()
        return low.endswith(("ische", "ischen", "ischer", "isches", "ige", "igen", "iger", "liche", "lichen",
                             "licher", "hohe", "hohen", "hoher")) and not self.lex.is_role_noun(word)

    def _affiliation(self, text: str) -> str | None:
        low = text.lower()
        for prefix, code in _affiliations():
            for w in low.replace("-", "- ").split():
                if w.startswith(prefix):
                    return code
        return None

    @staticmethod
    def _previous_subject(d: _Doc, si: int, pronoun: str, plural: bool) -> tuple[int, int] | None:
        """Token span of the common-noun subject opening sentence si, its article included, when its finite
        verb and article agree with the pronoun: "Die Gewerkschaften sind …" for "sie" + plural verb, "Der
        Landrat ist …" or "Ein Sprecher der Polizei war …" for "er", "Die Ministerin ist …" for "sie" + singular
        verb, "Das Gericht wies …" for "es"."""
        if si < 0 or si >= len(d.sent_bounds):
            return None
        a, b = d.sent_bounds[si]
        end = d.np_forward(a, b, appositions=False)
        if not (d.is_det(a) and a + 1 < end <= a + 4 and end < b and d.is_noun(end - 1)) \
                or any(k in d.person for k in range(a, end)) or "VerbForm=Fin" not in d.toks[end].morph:
            return None
        if ("Number=Plur" in d.toks[end].morph) != plural:
            return None
        articles = {"er": ("der", "ein"), "sie": ("die", "eine"), "es": ("das",)}
        if not plural and d.low[a] not in articles.get(pronoun, ()):
            return None
        if d.low[a] in ("ein", "eine") and d.low[end] in d.lex.forms:
            return None  # "Ein Sprecher sagte, … Er fügte hinzu": the speaker before, resolved with its quotation
        return a, end

    @staticmethod
    def _plural_cue(d: _Doc, q: Quote) -> bool | None:
        """Number of the finite cue verb ("schrieb sie" singular, "sagten sie" plural); None if unknown."""
        for a, b in sorted(q.cue or []):
            k = bisect.bisect_left(d.starts, a)  # only the cue's own tokens, not the whole text
            while k < d.n and d.toks[k].start < b:
                t = d.toks[k]
                if "Number=" in t.morph and "VerbForm=Fin" in t.morph:
                    return "Number=Plur" in t.morph
                k += 1
        return None

    @staticmethod
    def _antecedent(doc: Document, mentions, before: int, words: list[str],
                    plural_verb: bool | None = None, organisation: bool = False,
                    name_genders: dict[str, str] | None = None, function: bool = False) -> int | None:
        # "sie" may be a plural organisation ("die Behörden") unless its verb is singular ("schrieb sie")
        plural = words[0].lower() == "sie" and len(words) == 1 and plural_verb is not False
        # "er" is no woman and singular "sie" no man, where the given name tells
        pronoun = words[0].lower() if len(words) == 1 else ""
        excluded = "f" if pronoun in ("er", "dieser") else "m" if pronoun == "sie" and plural_verb is False else None
        if len(words) > 1 and words[0].lower() in ("der", "dieser"):
            excluded = "f"  # "der Jurist" (a subject, so nominative masculine)
        elif len(words) > 1 and words[0].lower() in ("die", "diese") and (
                words[-1].endswith("in") or _AGE_EPITHET.fullmatch(words[-1]) and words[-1].endswith("e")):
            excluded = "m"  # "die Sängerin", "die 42-Jährige"
        demonyms = default_gazetteer().person_nouns
        demonym = len(words) > 1 and words[-1] in demonyms

        def person(m) -> bool:
            if m.entity is None or m.kind == "pronoun" or m.label != "PER" or plural_verb:
                return False
            if excluded and name_genders and name_genders.get(doc.entities[m.entity].name.split(" ")[0]) == excluded:
                return False
            if demonym:
                before = doc.text[max(0, m.start - 40):m.start].split()[-1:]
                if before and before[0] != words[-1] and before[0] in demonyms:
                    return False  # "den Italiener Paolo Lorenzi … meinte der Spanier": another nationality
            # "der Sprecher" is not the minister named before
            return not function or QuoteRules._holds_role(doc.entities[m.entity], words[-1])

        for m in reversed(mentions):
            if m.end > before or m.entity is None or m.kind == "pronoun":
                continue
            if organisation:  # "das Ministerium" refers back to a ministry ("Verteidigungsministerium")
                head = words[-1].lower().removesuffix("s") if words[-1].endswith("ums") else words[-1].lower()
                if m.label == "ORG" and head in doc.text[m.start:m.end].lower():
                    return m.entity
            elif person(m):
                if pronoun in ("dieser", "diese"):
                    return m.entity  # "Lenz traf den Kanzler. Dieser sagte …": the demonstrative takes the last one
                # "Scholz traf Macron in Paris. Er sagte …": the subject of that sentence, not its object
                subject = QuoteRules._sentence_subject(doc, mentions, m)
                return subject.entity if subject is not None and person(subject) else m.entity
            elif plural and m.label == "ORG":
                return m.entity  # "sagten sie": one person is no antecedent of a plural
        return None

    def _addressee_antecedent(self, doc: Document, mentions, before: int, pronoun: str,
                              speaker: int | None) -> int | None:
        """The person a dative pronoun addressee stands for: the last person named before it who is not
        the speaker and whose given name does not contradict the pronoun ("ihm" no woman, "ihr" no man)."""
        excluded = "f" if pronoun == "ihm" else "m"
        for m in reversed(mentions[:bisect.bisect_left(mentions, before, key=lambda x: x.start)]):
            if m.entity is None or m.kind == "pronoun" or m.label != "PER" or m.entity == speaker:
                continue
            gender = self.lex.name_genders.get(doc.entities[m.entity].name.split(" ")[0])
            if gender == excluded or gender is None and pronoun == "ihr":
                continue  # "ihr" of an unknown gender is too often a plural or an organisation's
            return m.entity
        return None

    @staticmethod
    def _sentence_subject(doc: Document, mentions, m):
        """The person mention opening the sentence of mention m (only a title or role before it: "CDU-Chef
        Friedrich Merz traf …"), when m is a later mention of another person in that sentence."""
        at = bisect.bisect_right(doc.sentences, m.start, key=lambda x: x.start) - 1
        if at < 0 or m.start >= doc.sentences[at].end:
            return None
        sentence = doc.sentences[at]
        lo = bisect.bisect_left(mentions, sentence.start, key=lambda x: x.start)  # mentions are sorted by start
        # the first named mention of the sentence (at the latest m itself, which is one of them)
        first = next(x for x in islice(mentions, lo, None) if x.entity is not None and x.kind != "pronoun")
        if first is m or first.label != "PER" or first.entity == m.entity:
            return None
        k = sentence.first_token
        while k < sentence.end_token and doc.tokens[k].start < first.start:
            if doc.tokens[k].pos.startswith(("V", "APPR", "KOUS", "PREL", "PRO", "PPER", "$")):
                return None  # a verb, preposition or clause before the name: not the subject
            k += 1
        return first

    def _previous_speaker(self, doc: Document, q: Quote, last_person: Quote | None, pronoun: str,
                          plural_verb: bool | None, mentions: list, starts: list[int]) -> int | None:
        """A subject pronoun in the sentence after a person's quotation is that person where the gender
        allows ("Biden warnte Putin … Die USA würden reagieren, sagte er": Biden, not Putin)."""
        if last_person is None or q.sentence is None or last_person.sentence is None \
                or q.sentence - last_person.sentence > 1 or pronoun not in ("er", "sie"):
            return None
        if pronoun == "sie" and plural_verb is not False:
            return None  # "sie" may be plural
        after = max(b for _, b in last_person.message + last_person.source + last_person.addressee + last_person.cue)
        between = mentions[bisect.bisect_left(starts, after):bisect.bisect_left(starts, q.source[0][0])]
        if any(m.label == "PER" and m.entity not in (None, last_person.source_entity) for m in between):
            return None  # "Scholz sagte … Macron widersprach, er sagte …": a person named since
        gender = self.lex.name_genders.get(doc.entities[last_person.source_entity].name.split(" ")[0])
        if gender == ("f" if pronoun == "er" else "m"):
            return None
        return last_person.source_entity

    @staticmethod
    def _holds_role(entity, head: str) -> bool:
        """Whether a person was named with a role ending in ``head`` ("Bundeskanzlerin" for "die
        Kanzlerin"); a role the entity is itself named after counts too."""
        stem = head.lower().removesuffix("s").removesuffix("en").removesuffix("n")  # "Sprechers", "Präsidenten"

        def role_head(role: str) -> str:  # "Sprecherin des Innenministeriums" -> "sprecherin"
            words = role.lower().split()
            cut = next((k for k, w in enumerate(words) if k and w in ("des", "der", "von", "vom", "für")), len(words))
            return words[cut - 1]
        return bool(stem) and any(role_head(r).removesuffix("en").removesuffix("n").endswith(stem)
                                  for r in [*entity.roles, entity.name] if r.strip())


def make_rules() -> QuoteRules:
    return QuoteRules(load())
