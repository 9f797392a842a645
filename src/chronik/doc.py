"""The document model: one article and the layers the pipeline adds to it.

Every span is a pair of character offsets into ``Document.text`` (``text[start:end]`` is the
surface form, always).  Each layer records which component and version produced it in
``Document.provenance`` so stored facts stay traceable to the code that made them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class DocDate:
    """A publication date at the granularity the input gave: never a day that was not there.

    ``value`` is ISO-like: ``2022``, ``2022-02``, ``2022-02-11`` or a full timestamp.
    ``earliest``/``latest`` bound the calendar days the date can mean.
    """

    value: str
    granularity: str  # "year" | "month" | "day" | "instant"
    earliest: date
    latest: date

    @property
    def day(self) -> date | None:
        """The exact day, when the granularity allows one."""
        return self.earliest if self.granularity in ("day", "instant") else None


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str = ""  # STTS tag
    lemma: str = ""
    morph: str = ""  # UD-style features, e.g. "Mood=Sub|Tense=Pres"
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int  # index into Document.tokens
    end_token: int  # exclusive


@dataclass(slots=True)
class Mention:
    """A mention of a person, place, organisation or other named thing."""

    start: int
    end: int
    text: str
    label: str  # PER | LOC | ORG | MISC
    kind: str = "name"  # name | role | pronoun | demonym
    entity: int | None = None  # index into Document.entities
    score: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Entity:
    """An entity within one document; corpus-wide ids are assigned by consolidation in the store."""

    label: str
    name: str  # canonical name in this document (longest full form)
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # role phrases seen with it ("US-Präsident")
    country: str | None = None  # ISO 3166 alpha-3 where known
    sector: str | None = None  # GOV, MIL, ... (actor coding)
    external_id: str | None = None  # from a user entity file (e.g. Wikidata QID)
    key: str = ""  # normalised key used to merge across documents
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Timex:
    """A TIMEX3 expression normalised against the document creation time."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value, e.g. 2022-02-12, 2022-02-12TMO, P3D, XXXX-WXX-5
    earliest: date | None = None
    latest: date | None = None
    mod: str | None = None  # START | MID | END | APPROX | ...
    anchor: str | None = None  # "dct" | "previous" | None
    sentence: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Quote:
    """Speech, thought or writing attributed to a source."""

    form: str  # Direct | Indirect | FreeIndirect | Reported
    medium: str = "speech"  # speech | writing | thought
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    message: list[tuple[int, int]] = field(default_factory=list)
    addressee: list[tuple[int, int]] = field(default_factory=list)
    source_entity: int | None = None  # index into Document.entities
    addressee_entity: int | None = None
    source_description: str | None = None  # for anonymous sources: "US-Regierungsvertreter"
    source_country: str | None = None
    channel: str | None = None
    timex: int | None = None  # index into Document.timexes
    sentence: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    entity: int | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    qualifier: str | None = None  # approx | more_than | less_than | at_least | up_to | exact


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event mention with its evidence in the text."""

    type: str
    trigger: tuple[int, int]
    mode: str | None = None
    modality: str = "occurred"
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    location: Actor | None = None
    timex: int | None = None
    time_value: str | None = None
    earliest: date | None = None
    latest: date | None = None
    quantities: list[Quantity] = field(default_factory=list)
    sentence: int | None = None
    quote: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    id: str
    text: str
    date: DocDate | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # layer name -> (component name, component version)
    provenance: dict[str, tuple[str, str]] = field(default_factory=dict)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.end_token]

    def sentence_of(self, char_offset: int) -> int | None:
        """Index of the sentence containing ``char_offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if char_offset < s.start:
                hi = mid
            elif char_offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]
