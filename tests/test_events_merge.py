"""Cross-document merging through the real store and runner.

The pipeline is the real tokenizer and event component with a small test gazetteer in the
mentions slot (so these tests do not depend on the NER model or the timex layer being ready).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, timedelta

import pytest

from chronik.doc import Entity, Mention, Timex
from chronik.pipeline import REGISTRY, Pipeline, component
from chronik.runner import analyse
from chronik.store import Store

from test_events_support import WORLD

_WEEKDAYS = {"Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4, "Samstag": 5, "Sonntag": 6}


@pytest.fixture(scope="module")
def pipeline():
    @component("test.events_gazetteer", layer="mentions", version="1")
    def make(config):
        def annotate(doc):
            keys: dict[str, int] = {}
            for form, (key, label, country, sector) in WORLD.items():
                label, _, kind = label.partition("/")
                for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
                    if any(o.start <= m.start() < o.end or m.start() <= o.start < m.end() for o in doc.mentions):
                        continue
                    if key not in keys:
                        keys[key] = len(doc.entities)
                        doc.entities.append(Entity(label, key, [form], country=country, sector=sector, key=key))
                    doc.mentions.append(Mention(m.start(), m.end(), form, label, kind or "name", keys[key]))
            doc.mentions.sort(key=lambda m: m.start)
            # weekdays resolved like the timex layer does: forward for planned talk, else backward
            for m in re.finditer(r"am (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)", doc.text):
                dct = doc.date.earliest
                delta = (_WEEKDAYS[m.group(1)] - dct.weekday()) % 7
                forward = bool(re.search(r"\b(wollen|will|werden|wird|soll|sollen)\b", doc.text))
                d = dct + timedelta(days=delta) if forward else dct - timedelta(days=(7 - delta) % 7)
                doc.timexes.append(Timex(m.start(), m.end(), m.group(), "DATE", d.isoformat(), d, d))
            return doc
        return annotate

    try:
        yield Pipeline(["tokenize.rules", "test.events_gazetteer", "events.rules"])
    finally:
        REGISTRY.pop("test.events_gazetteer")


def _add(store: Store, docs: list[tuple[str, str, str]]) -> None:
    rows = []
    for source, dct, text in docs:
        d = date.fromisoformat(dct)
        rows.append({
            "id": hashlib.sha1((source + text).encode()).hexdigest()[:16],
            "text_hash": hashlib.sha1(text.encode()).hexdigest(), "source": source, "text": text,
            "date_value": dct, "date_granularity": "day", "date_earliest": d, "date_latest": d,
            "lang": "de", "status": "ok", "n_words": len(text.split()),
        })
    store.insert_documents(rows)


FIVE_REPORTS = [
    ("Tagesblatt", "2022-02-13", "Putin und Biden telefonierten am Samstag mehr als eine Stunde lang."),
    ("Abendpost", "2022-02-13", "US-Präsident Joe Biden hat am Samstag mit Kremlchef Wladimir Putin telefoniert."),
    ("Nordkurier", "2022-02-12", "Biden und Putin telefonierten am Samstag. Die Lage bleibt angespannt."),
    ("Morgenecho", "2022-02-14", "Das Telefonat zwischen Putin und Biden am Samstag brachte keinen Durchbruch."),
    ("Weltblick", "2022-02-13", "Putin telefonierte am Samstag mit Biden, wie der Kreml mitteilte."),
]


def test_five_articles_reporting_one_call_give_one_event_with_five_mentions(tmp_path, pipeline):
    with Store(tmp_path / "c.duckdb") as store:
        _add(store, FIVE_REPORTS)
        summary = analyse(store, pipeline)
        assert summary.failed == 0 and summary.analysed == 5
        rows = store.con.execute(
            "SELECT id, type, mode, modality, n_mentions, n_articles, sources, actors, earliest, latest "
            "FROM event_clusters WHERE type = 'CONSULT'").fetchall()
        assert len(rows) == 1, rows
        cid, etype, mode, modality, n_mentions, n_articles, sources, actors, earliest, latest = rows[0]
        assert (mode, modality, n_mentions, n_articles) == ("phone", "occurred", 5, 5)
        assert sorted(json.loads(sources)) == sorted(s for s, _, _ in FIVE_REPORTS)
        actors = json.loads(actors)
        assert [a["side"] for a in actors] == ["participant", "participant"]
        assert sorted((a["name"].lower(), a["country"]) for a in actors) == [("biden", "USA"), ("putin", "RUS")]
        assert earliest == latest == date(2022, 2, 12)
        ids = store.con.execute("SELECT DISTINCT cluster_id FROM events WHERE type = 'CONSULT'").fetchall()
        assert ids == [(cid,)]


def test_planned_call_is_linked_to_the_call_that_took_place_not_merged(tmp_path, pipeline):
    with Store(tmp_path / "c.duckdb") as store:
        _add(store, [
            ("Tagesblatt", "2022-02-11", "Putin und Biden wollen am Samstag telefonieren."),
            ("Abendpost", "2022-02-11", "Biden und Putin werden am Samstag telefonieren."),
            ("Nordkurier", "2022-02-13", "Putin und Biden telefonierten am Samstag."),
        ])
        analyse(store, pipeline)
        rows = {r[0]: r[1:] for r in store.con.execute(
            "SELECT modality, id, n_mentions, linked_to FROM event_clusters").fetchall()}
        assert set(rows) == {"planned", "occurred"}
        planned_id, n_planned, planned_links = rows["planned"]
        occurred_id, n_occurred, occurred_links = rows["occurred"]
        assert (n_planned, n_occurred) == (2, 1)
        assert json.loads(planned_links) == [occurred_id]
        assert json.loads(occurred_links) == [planned_id]


def test_different_actors_or_distant_times_stay_apart(tmp_path, pipeline):
    with Store(tmp_path / "c.duckdb") as store:
        _add(store, [
            ("A", "2022-02-13", "Putin und Biden telefonierten am Samstag."),
            ("B", "2022-02-13", "Putin und Macron telefonierten am Samstag."),
            ("C", "2022-03-27", "Putin und Biden telefonierten am Samstag."),
            ("D", "2022-02-13", "Das Telefonat am Samstag dauerte eine Stunde."),
            ("E", "2022-02-13", "Das Telefonat am Samstag war kurz."),
        ])
        analyse(store, pipeline)
        n = store.con.execute("SELECT count(*), sum(n_mentions) FROM event_clusters").fetchone()
        assert n == (5, 5)
        # merging again gives the same clusters (the step is rerun after every analysis)
        before = store.con.execute("SELECT id FROM event_clusters ORDER BY id").fetchall()
        from chronik.events.merge import merge_events
        merge_events(store)
        assert store.con.execute("SELECT id FROM event_clusters ORDER BY id").fetchall() == before


def test_report_with_fewer_actors_joins_the_full_event(tmp_path, pipeline):
    with Store(tmp_path / "c.duckdb") as store:
        _add(store, [
            ("A", "2022-02-13", "Putin und Biden telefonierten am Samstag."),
            ("B", "2022-02-13", "Biden telefonierte am Samstag mit Putin."),
            ("C", "2022-02-13", "Biden telefonierte am Samstag."),
            ("D", "2022-02-13", "Putin und Macron telefonierten am Samstag."),
        ])
        analyse(store, pipeline)
        rows = store.con.execute("SELECT n_mentions, n_articles FROM event_clusters ORDER BY n_mentions").fetchall()
        assert rows == [(1, 1), (3, 3)]


def test_merge_on_an_empty_store_is_a_no_op(tmp_path):
    from chronik.events.merge import merge_events

    with Store(tmp_path / "e.duckdb") as store:
        merge_events(store)
        assert store.counts()["event_clusters"] == 0


def test_a_state_named_by_country_capital_or_institution_is_one_actor(tmp_path, pipeline):
    with Store(tmp_path / "c.duckdb") as store:
        _add(store, [
            ("A", "2022-02-11", "Russland bestreitet jegliche Angriffspläne."),
            ("B", "2022-02-11", "Moskau bestreitet jegliche Angriffspläne."),
            ("C", "2022-02-11", "Das Weiße Haus bestreitet jegliche Angriffspläne."),
        ])
        analyse(store, pipeline)
        rows = store.con.execute("SELECT n_mentions, actors FROM event_clusters WHERE type = 'REJECT' "
                                 "ORDER BY n_mentions DESC").fetchall()
        assert [n for n, _ in rows] == [2, 1]
        assert [(a["key"], a["country"]) for a in json.loads(rows[0][1])] == [("GOV:RUS", "RUS")]
