"""Hand-built documents for the event tests, independent of the NER / entity / timex layers.

``build(text, actors, timexes, dct)`` tokenises with the project tokenizer, then adds a mention for
every occurrence of each actor form (with the entity, country and sector given) and the time
expressions given with their normalised values, as the earlier layers would.
"""

from __future__ import annotations

import re
from datetime import date

from chronik.doc import DocDate, Document, Entity, Mention, Timex
from chronik.events import make as make_events
from chronik.nlp.tokenize import make_tokenizer

_TOKENIZE = make_tokenizer({})
_EVENTS = make_events({})


def day(value: str) -> date:
    return date.fromisoformat(value)


def build(text: str, actors: dict[str, tuple[str, str, str | None, str | None]] | None = None,
          timexes: list[tuple[str, str, str | None, str | None]] | None = None,
          dct: str | None = "2022-02-11", doc_id: str = "d1") -> Document:
    """actors: surface form -> (entity key, label or "label/kind", country, sector);
    timexes: (surface, value, earliest, latest)."""
    date_ = DocDate(dct, "day", day(dct), day(dct)) if dct else None
    doc = _TOKENIZE(Document(doc_id, text, date=date_))
    keys: dict[str, int] = {}
    spans = []
    for form, (key, label, country, sector) in (actors or {}).items():
        label, _, kind = label.partition("/")
        if key not in keys:
            keys[key] = len(doc.entities)
            doc.entities.append(Entity(label, key, forms=[form], country=country, sector=sector, key=key))
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            spans.append(Mention(m.start(), m.end(), form, label, kind or "name", keys[key]))
    spans.sort(key=lambda m: (m.start, -m.end))
    doc.mentions = [m for i, m in enumerate(spans)
                    if not any(o.start <= m.start and m.end <= o.end and o is not m for o in spans[:i])]
    for surface, value, earliest, latest in timexes or []:
        start = text.index(surface)
        doc.timexes.append(Timex(start, start + len(surface), surface, "DATE", value,
                                 day(earliest) if earliest else None, day(latest) if latest else None,
                                 sentence=doc.sentence_of(start)))
    return _EVENTS(doc)


def codes(actors) -> list[str]:
    return [a.text for a in actors]


# Actors used across the tests: surface -> (key, label, country, sector)
WORLD = {
    "Putin": ("putin", "PER", "RUS", "GOV"),
    "Wladimir Putin": ("putin", "PER", "RUS", "GOV"),
    "Kremlchef Wladimir Putin": ("putin", "PER/role", "RUS", "GOV"),
    "Biden": ("biden", "PER", "USA", "GOV"),
    "Joe Biden": ("biden", "PER", "USA", "GOV"),
    "US-Präsident Joe Biden": ("biden", "PER/role", "USA", "GOV"),
    "Macron": ("macron", "PER", "FRA", "GOV"),
    "Scholz": ("scholz", "PER", "DEU", "GOV"),
    "Selenskyj": ("selenskyj", "PER", "UKR", "GOV"),
    "Sacharowa": ("sacharowa", "PER", "RUS", "GOV"),
    "Milley": ("milley", "PER", "USA", "MIL"),
    "Gerassimow": ("gerassimow", "PER", "RUS", "MIL"),
    "Russland": ("russland", "LOC", "RUS", "GOV"),
    "Russlands": ("russland", "LOC", "RUS", "GOV"),
    "Moskau": ("moskau", "LOC", "RUS", "GOV"),
    "Ukraine": ("ukraine", "LOC", "UKR", "GOV"),
    "USA": ("usa", "LOC", "USA", "GOV"),
    "Polen": ("polen", "LOC", "POL", "GOV"),
    "Kiew": ("kiew", "LOC", "UKR", None),
    "Berlin": ("berlin", "LOC", "DEU", None),
    "China": ("china", "LOC", "CHN", "GOV"),
    "EU": ("eu", "ORG", None, "IGO"),
    "Nato": ("nato", "ORG", None, "IGO"),
    "Weißen Haus": ("weisses_haus", "ORG", "USA", "GOV"),
    "Weiße Haus": ("weisses_haus", "ORG", "USA", "GOV"),
    "Pentagon": ("pentagon", "ORG", "USA", "MIL"),
    "ukrainischen": ("ukraine", "LOC/demonym", "UKR", None),
    "russische": ("russland", "LOC/demonym", "RUS", "MIL"),
    "russischen": ("russland", "LOC/demonym", "RUS", "MIL"),
    "Greenpeace": ("greenpeace", "ORG", None, "NGO"),
}
