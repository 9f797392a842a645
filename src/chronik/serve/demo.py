"""A small, fully annotated demo store: invented German articles for tests and first looks.

The annotations are written through the real ``Store.write_analyses`` row conversion, then the
corpus tables (entities, entity_roles, event_clusters) are filled as consolidation would, so
the UI can be tried without running the NLP pipeline.  One article carries
``<script>alert(1)</script>`` in its text and title: it must show as text, never run.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

from ..doc import Actor, DocDate, Document, Entity, Event, Mention, Quote, Sentence, Timex
from ..store import Store

# id -> (label, canonical name, country, sector, forms)
ENTITIES = {
    "olaf-scholz": ("PER", "Olaf Scholz", "DEU", "GOV", ["Olaf Scholz", "Scholz"]),
    "emmanuel-macron": ("PER", "Emmanuel Macron", "FRA", "GOV", ["Emmanuel Macron", "Macron"]),
    "wolodymyr-selenskyj": ("PER", "Wolodymyr Selenskyj", "UKR", "GOV", ["Wolodymyr Selenskyj", "Selenskyj"]),
    "burkhard-jung": ("PER", "Burkhard Jung", "DEU", "GOV", ["Burkhard Jung", "Jung"]),
    "juergen-dupper": ("PER", "Jürgen Dupper", "DEU", "GOV", ["Jürgen Dupper"]),
    "ukraine": ("LOC", "Ukraine", "UKR", None, ["Ukraine"]),
    "russland": ("LOC", "Russland", "RUS", None, ["Russland"]),
    "paris": ("LOC", "Paris", "FRA", None, ["Paris"]),
    "kiew": ("LOC", "Kiew", "UKR", None, ["Kiew"]),
    "berlin": ("LOC", "Berlin", "DEU", None, ["Berlin"]),
    "leipzig": ("LOC", "Leipzig", "DEU", None, ["Leipzig"]),
    "passau": ("LOC", "Passau", "DEU", None, ["Passau"]),
}

# Each article: metadata, text, and annotations given as surface strings (the n-th occurrence
# when a string repeats) so offsets are computed, never typed.
ARTICLES = [
    {
        "source": "Tagesblatt", "date": "2026-03-02", "title": "Scholz trifft Macron in Paris",
        "text": "Bundeskanzler Olaf Scholz ist am Montag in Paris mit dem französischen Präsidenten Emmanuel "
                "Macron zusammengekommen. Die beiden Politiker verhandelten über die Lieferung von Munition "
                "an die Ukraine. „Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen. "
                "Macron kündigte an, er werde im April nach Kiew reisen.",
        "mentions": [("Olaf Scholz", "olaf-scholz"), ("Paris", "paris"), ("Emmanuel Macron", "emmanuel-macron"),
                     ("Ukraine", "ukraine"), (("Ukraine", 1), "ukraine"), (("Scholz", 1), "olaf-scholz"),
                     (("Macron", 1), "emmanuel-macron"), ("Kiew", "kiew")],
        "roles": {"olaf-scholz": ["Bundeskanzler"], "emmanuel-macron": ["französischer Präsident"]},
        "timexes": [("am Montag", "DATE", "2026-03-02", "2026-03-02", "2026-03-02"),
                    ("im April", "DATE", "2026-04", "2026-04-01", "2026-04-30")],
        "quotes": [{"cue": "sagte", "source": ("Scholz", 1), "message": "Wir stehen fest an der Seite der Ukraine",
                    "speaker": "olaf-scholz", "form": "Direct"}],
        "events": [{"type": "CONSULT", "trigger": "zusammengekommen", "sources": ["olaf-scholz"],
                    "targets": ["emmanuel-macron"], "location": "paris", "timex": 0},
                   {"type": "CONSULT", "trigger": "reisen", "sources": ["emmanuel-macron"], "targets": [],
                    "location": "kiew", "timex": 1, "modality": "planned"}],
    },
    {
        "source": "Morgenpost", "date": "2026-03-05", "title": "Selenskyj bittet um mehr Luftabwehr",
        "text": "Der ukrainische Präsident Wolodymyr Selenskyj hat die Verbündeten um weitere "
                "Luftabwehrsysteme gebeten. Russland habe in der Nacht zum Donnerstag erneut Kiew angegriffen, "
                "sagte Selenskyj in einer Videobotschaft. Olaf Scholz sicherte der Ukraine weitere Hilfe zu.",
        "mentions": [("Wolodymyr Selenskyj", "wolodymyr-selenskyj"), ("Russland", "russland"), ("Kiew", "kiew"),
                     (("Selenskyj", 1), "wolodymyr-selenskyj"), ("Olaf Scholz", "olaf-scholz"),
                     ("Ukraine", "ukraine")],
        "roles": {"wolodymyr-selenskyj": ["ukrainischer Präsident"]},
        "timexes": [("in der Nacht zum Donnerstag", "TIME", "2026-03-05TNI", "2026-03-04", "2026-03-05")],
        "quotes": [{"cue": "sagte", "source": ("Selenskyj", 1), "speaker": "wolodymyr-selenskyj",
                    "message": "Russland habe in der Nacht zum Donnerstag erneut Kiew angegriffen",
                    "form": "Indirect", "timex": 0}],
        "events": [{"type": "DEMAND", "trigger": "gebeten", "sources": ["wolodymyr-selenskyj"], "targets": []},
                   {"type": "ASSAULT", "trigger": "angegriffen", "sources": ["russland"], "targets": ["kiew"],
                    "timex": 0, "quote": 0},
                   {"type": "AID", "trigger": "sicherte", "sources": ["olaf-scholz"], "targets": ["ukraine"]}],
    },
    {
        "source": "Tagesblatt", "date": "2026-03-07", "title": "Hackerangriff: <script>alert(2)</script> auf Startseite",
        "text": "Unbekannte haben die Internetseite der Stadtverwaltung von Leipzig manipuliert. Auf der "
                "Startseite erschien der Code <script>alert(1)</script> statt der Nachrichten. "
                "Oberbürgermeister Burkhard Jung sprach am Dienstag von einem „ernsten Angriff“.",
        "mentions": [("Leipzig", "leipzig"), ("Burkhard Jung", "burkhard-jung")],
        "roles": {"burkhard-jung": ["Oberbürgermeister"]},
        "timexes": [("am Dienstag", "DATE", "2026-03-03", "2026-03-03", "2026-03-03")],
        "quotes": [{"cue": "sprach", "source": "Burkhard Jung", "speaker": "burkhard-jung",
                    "message": "ernsten Angriff", "form": "Direct"}],
        "events": [{"type": "ASSAULT", "trigger": "manipuliert", "sources": [], "targets": ["leipzig"]}],
    },
    {
        "source": "Agentur Nord", "date": "2026-03", "title": "Waffenruhe über Ostern vereinbart",
        "text": "Russland und die Ukraine haben sich nach Angaben von Vermittlern auf eine Waffenruhe über "
                "Ostern geeinigt. Sie soll Anfang April beginnen und zehn Tage dauern. Die Vermittler wollen "
                "im Frühjahr erneut verhandeln.",
        "mentions": [("Russland", "russland"), ("Ukraine", "ukraine")],
        "roles": {},
        "timexes": [("Anfang April", "DATE", "2026-04", "2026-04-01", "2026-04-10"),
                    ("zehn Tage", "DURATION", "P10D", None, None),
                    ("im Frühjahr", "DATE", "2026-SP", "2026-03-20", "2026-06-20")],
        "quotes": [],
        "events": [{"type": "AGREE", "trigger": "geeinigt", "sources": ["russland", "ukraine"], "targets": [],
                    "timex": 0},
                   {"type": "CONSULT", "trigger": "verhandeln", "sources": [], "targets": [], "timex": 2,
                    "modality": "planned"}],
    },
    {
        "source": "Morgenpost", "date": "2026-03-10", "title": "Macron warnt Russland vor Eskalation",
        "text": "Emmanuel Macron hat Russland vor einer weiteren Eskalation gewarnt. „Jeder Angriff auf einen "
                "Verbündeten wäre ein Angriff auf uns alle“, sagte der französische Präsident am Dienstag in "
                "Berlin. Scholz begrüßte die Worte.",
        "mentions": [("Emmanuel Macron", "emmanuel-macron"), ("Russland", "russland"), ("Berlin", "berlin"),
                     ("Scholz", "olaf-scholz")],
        "roles": {"emmanuel-macron": ["französischer Präsident"]},
        "timexes": [("am Dienstag", "DATE", "2026-03-10", "2026-03-10", "2026-03-10")],
        "quotes": [{"cue": "sagte", "source": "der französische Präsident", "speaker": "emmanuel-macron",
                    "message": "Jeder Angriff auf einen Verbündeten wäre ein Angriff auf uns alle", "form": "Direct",
                    "timex": 0}],
        "events": [{"type": "THREATEN", "trigger": "gewarnt", "sources": ["emmanuel-macron"],
                    "targets": ["russland"], "timex": 0},
                   {"type": "CONSULT", "trigger": "begrüßte", "sources": ["olaf-scholz"],
                    "targets": ["emmanuel-macron"]}],
    },
    {
        "source": "Donaukurier", "date": "2026-03-12", "title": "Hochwasser beschädigt Häuser in Passau",
        "text": "Das Hochwasser der Donau hat in Passau mehrere Häuser beschädigt. Die Stadt rief den "
                "Katastrophenfall aus. Oberbürgermeister Jürgen Dupper sagte, die Verhandlungen über Hilfen "
                "des Landes hätten begonnen.",
        "mentions": [("Passau", "passau"), ("Jürgen Dupper", "juergen-dupper")],
        "roles": {"juergen-dupper": ["Oberbürgermeister"]},
        "timexes": [],
        "quotes": [{"cue": "sagte", "source": "Jürgen Dupper", "speaker": "juergen-dupper",
                    "message": "die Verhandlungen über Hilfen des Landes hätten begonnen", "form": "Indirect"}],
        "events": [],
    },
]


def _find(text: str, needle: str | tuple[str, int]) -> tuple[int, int]:
    word, nth = needle if isinstance(needle, tuple) else (needle, 0)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos, pos + len(word)


def _doc_date(value: str) -> DocDate:
    if len(value) == 7:
        y, m = map(int, value.split("-"))
        last = (date(y + (m == 12), m % 12 + 1, 1) - date.resolution)
        return DocDate(value, "month", date(y, m, 1), last)
    d = date.fromisoformat(value)
    return DocDate(value, "day", d, d)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.“])\s+(?=[A-ZÄÖÜ„])", text):
        out.append(Sentence(start, m.start(), 0, 0))
        start = m.end()
    out.append(Sentence(start, len(text), 0, 0))
    return out


def demo_documents() -> list[Document]:
    docs = []
    for spec in ARTICLES:
        text = spec["text"]
        doc_id = hashlib.sha1((spec["source"] + text).encode()).hexdigest()[:16]
        doc = Document(id=doc_id, text=text, title=spec["title"], source=spec["source"],
                       date=_doc_date(spec["date"]), lang="de")
        doc.sentences = _sentences(text)
        entity_index: dict[str, int] = {}
        for needle, key in spec["mentions"]:
            label, name, country, sector, _forms = ENTITIES[key]
            if key not in entity_index:
                entity_index[key] = len(doc.entities)
                doc.entities.append(Entity(label=label, name=name, country=country, sector=sector, key=key,
                                           roles=spec["roles"].get(key, [])))
            start, end = _find(text, needle)
            doc.mentions.append(Mention(start, end, text[start:end], label, entity=entity_index[key]))
            if text[start:end] not in doc.entities[entity_index[key]].forms:
                doc.entities[entity_index[key]].forms.append(text[start:end])
        doc.mentions.sort(key=lambda m: m.start)
        for surface, type_, value, earliest, latest in spec["timexes"]:
            start, end = _find(text, surface)
            doc.timexes.append(Timex(start, end, surface, type_, value,
                                     date.fromisoformat(earliest) if earliest else None,
                                     date.fromisoformat(latest) if latest else None,
                                     anchor="dct", sentence=doc.sentence_of(start)))
        for q in spec["quotes"]:
            msg = _find(text, q["message"])
            doc.quotes.append(Quote(form=q["form"], cue=[_find(text, q["cue"])], source=[_find(text, q["source"])],
                                    message=[msg], source_entity=entity_index.get(q["speaker"]),
                                    timex=q.get("timex"), sentence=doc.sentence_of(msg[0])))

        def actor(key: str) -> Actor:
            name = ENTITIES[key][1]
            hits = [m for m in doc.mentions if m.entity == entity_index[key]]
            m = hits[0] if hits else None
            return Actor(text=m.text if m else name, start=m.start if m else 0, end=m.end if m else 0,
                         entity=entity_index[key], country=ENTITIES[key][2], sector=ENTITIES[key][3])

        for ev in spec["events"]:
            trigger = _find(text, ev["trigger"])
            tmx = doc.timexes[ev["timex"]] if ev.get("timex") is not None else None
            doc.events.append(Event(
                type=ev["type"], trigger=trigger, modality=ev.get("modality", "occurred"),
                sources=[actor(k) for k in ev["sources"]], targets=[actor(k) for k in ev["targets"]],
                location=actor(ev["location"]) if ev.get("location") else None,
                timex=ev.get("timex"), time_value=tmx.value if tmx else None,
                earliest=tmx.earliest if tmx else None, latest=tmx.latest if tmx else None,
                sentence=doc.sentence_of(trigger[0]), quote=ev.get("quote")))
        for layer in ("tokens", "mentions", "entities", "timexes", "quotes", "events"):
            doc.provenance[layer] = ("demo", "1")
        docs.append(doc)
    return docs


def _document_row(doc: Document, status: str = "ok", reason: str | None = None) -> dict:
    return {"id": doc.id, "text_hash": hashlib.sha1(doc.text.encode()).hexdigest()[:16], "source": doc.source,
            "title": doc.title, "text": doc.text, "date_value": doc.date.value,
            "date_granularity": doc.date.granularity, "date_earliest": doc.date.earliest,
            "date_latest": doc.date.latest, "lang": "de", "status": status, "status_reason": reason,
            "origin": "demo", "origin_location": doc.id, "n_words": len(doc.text.split())}


def build_demo_db(path: str | Path) -> list[Document]:
    """Write the demo corpus to a new DuckDB file at ``path``; returns its documents."""
    docs = demo_documents()
    with Store(path) as store:
        rows = [_document_row(d) for d in docs]
        # A duplicate copy: stored like ingest does, but never shown in search results.
        dup = dict(rows[0], id="dup" + rows[0]["id"][3:], source="Spiegelung", status="duplicate",
                   status_reason=rows[0]["id"])
        store.insert_documents(rows + [dup])
        store.write_analyses(docs, "demo@1")
        con = store.con
        con.execute("DELETE FROM entities")
        con.execute("DELETE FROM entity_roles")
        con.execute("DELETE FROM event_clusters")
        counts = con.execute("SELECT entity_id, count(DISTINCT doc_id), count(*) FROM mentions "
                             "GROUP BY entity_id").fetchall()
        for entity_id, n_docs, n_mentions in counts:
            label, name, country, sector, forms = ENTITIES[entity_id]
            con.execute("INSERT INTO entities (id, label, name, forms, country, sector, n_docs, n_mentions) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [entity_id, label, name, json.dumps(forms, ensure_ascii=False), country, sector,
                         n_docs, n_mentions])
        for doc in docs:
            for ent in doc.entities:
                for role in ent.roles:
                    con.execute("INSERT INTO entity_roles (entity_id, role, doc_id, date_value, date_earliest, "
                                "date_latest) VALUES (?, ?, ?, ?, ?, ?)",
                                [ent.key, role, doc.id, doc.date.value, doc.date.earliest, doc.date.latest])
        # The two reports of Scholz and Macron meeting are one cross-document event cluster.
        con.execute("""INSERT INTO event_clusters (id, type, n_mentions, n_articles, earliest, latest)
                       SELECT 'cluster-consult-1', 'CONSULT', count(*), count(DISTINCT doc_id), min(earliest),
                              max(latest) FROM events WHERE type = 'CONSULT' AND modality = 'occurred'""")
        con.execute("UPDATE events SET cluster_id = 'cluster-consult-1' WHERE type = 'CONSULT' "
                    "AND modality = 'occurred'")
    return docs
