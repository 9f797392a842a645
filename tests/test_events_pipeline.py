"""End to end through ``Pipeline.default()``: the worked example of docs/events.md and the store.

These depend on every earlier layer (NER, entities with country/sector, timexes)."""

from __future__ import annotations

from datetime import date

from chronik.events.example import TEXT, document


def _events(default_pipeline):
    return default_pipeline(document()).events


def _codes(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _find(events, etype, modality, countries=None):
    for ev in events:
        if ev.type == etype and ev.modality == modality:
            if countries is None or _codes(ev.sources + ev.targets) == countries:
                return ev
    raise AssertionError(f"no {etype} {modality} {countries} in "
                         f"{[(e.type, e.modality, [a.text for a in e.sources + e.targets]) for e in events]}")


def test_worked_example_calls(default_pipeline):
    events = _events(default_pipeline)
    biden = _find(events, "CONSULT", "planned", {"USA", "RUS"})
    assert biden.mode == "phone" and biden.attrs.get("symmetric")
    assert biden.time_value == "2022-02-12" and biden.earliest == biden.latest == date(2022, 2, 12)
    generals = _find(events, "CONSULT", "occurred", {"USA", "RUS"})
    assert {a.sector for a in generals.sources + generals.targets} == {"MIL"}
    assert generals.earliest == generals.latest == date(2022, 2, 11)
    macron = _find(events, "CONSULT", "planned", {"FRA", "RUS"})
    assert macron.mode == "phone" and macron.latest == date(2022, 2, 12)


def test_worked_example_troops(default_pipeline):
    events = _events(default_pipeline)
    usa = _find(events, "MOBILIZE", "announced")
    assert _codes(usa.sources) == {"USA"} and _codes(usa.targets) == {"POL"}
    assert [(q.value, q.unit, q.qualifier) for q in usa.quantities] == [(3000, "soldiers", "approx")]
    russia = _find(events, "MOBILIZE", "occurred")
    assert _codes(russia.sources) == {"RUS"} and russia.location.country == "UKR"
    assert [(q.value, q.qualifier) for q in russia.quantities] == [(100000, "more_than")]
    assert russia.latest is not None and russia.latest <= date(2022, 2, 11)


def test_worked_example_accusation_denial_and_possible_invasion(default_pipeline):
    events = _events(default_pipeline)
    accuse = _find(events, "ACCUSE", "occurred")
    assert [(a.country, a.sector) for a in accuse.sources] == [("RUS", "GOV")]
    assert "Sacharowa" in TEXT[accuse.sources[0].start - 60:accuse.sources[0].end + 20]
    assert [a.text for a in accuse.targets] == ["Weißen Haus"]
    reject = _find(events, "REJECT", "occurred")
    assert _codes(reject.sources) == {"RUS"}
    assert _find(events, "ASSAULT", "denied")
    invasion = _find(events, "ASSAULT", "possible")
    assert _codes(invasion.sources) == {"RUS"} and _codes(invasion.targets) == {"UKR"}
    assert invasion.latest == date(2022, 2, 20) and invasion.attrs["time_relation"] == "before"


def test_evidence_is_exact(default_pipeline):
    doc = default_pipeline(document())
    for ev in doc.events:
        assert doc.text[ev.trigger[0]:ev.trigger[1]] == ev.attrs["trigger_text"]
        sent = doc.sentences[ev.sentence]
        assert sent.start <= ev.trigger[0] < sent.end


def test_five_reports_of_one_call_merge_through_the_default_pipeline(tmp_path, default_pipeline):
    import json

    from chronik.runner import analyse
    from chronik.store import Store

    from test_events_merge import FIVE_REPORTS, _add

    with Store(tmp_path / "c.duckdb") as store:
        _add(store, FIVE_REPORTS)
        analyse(store, default_pipeline)
        rows = store.con.execute("SELECT n_mentions, n_articles, sources, earliest, latest FROM event_clusters "
                                 "WHERE type = 'CONSULT' ORDER BY n_mentions DESC").fetchall()
        n_mentions, n_articles, sources, earliest, latest = rows[0]
        assert (n_mentions, n_articles) == (5, 5), rows
        assert len(json.loads(sources)) == 5
        assert earliest == latest == date(2022, 2, 12)


def test_gold_through_the_default_pipeline_stays_above_its_floor(default_pipeline):
    """`chronik eval events` on the project's gold set: a floor below today's figures (see
    docs/benchmarks.md) that catches a regression in any layer the events depend on."""
    from pathlib import Path

    from chronik.eval.events import evaluate

    report = evaluate(Path(__file__).parent / "data" / "events" / "gold.jsonl", default_pipeline)
    fields = report.as_dict()["fields"]
    assert report.documents == 14 and report.errors == []
    assert fields["event"]["f1"] >= 0.93
    assert fields["modality"]["f1"] >= 0.8
    assert fields["source"]["f1"] >= 0.85
    assert fields["target"]["f1"] >= 0.65


VARIED_REPORTS = [
    ("A", "2022-02-13", "Der russische Präsident Wladimir Putin und US-Präsident Joe Biden haben am Samstag "
                        "rund eine Stunde miteinander telefoniert."),
    ("B", "2022-02-13", "Kremlchef Putin sprach am Samstag mit Biden am Telefon. Es ging um die Ukraine."),
    ("C", "2022-02-12", "Am Samstag telefonierte Biden mit Putin."),
    ("D", "2022-02-13", "Biden warnte Putin in einem Telefonat am Samstag vor einer Invasion der Ukraine."),
    ("E", "2022-02-14", "Nach dem Telefonat mit Biden am Samstag zeigte sich der Kreml enttäuscht."),
    ("F", "2022-02-13", "Washington. Das Gespräch zwischen Biden und Putin am Samstag dauerte 62 Minuten."),
]


def test_differently_worded_reports_of_one_call_merge(tmp_path, default_pipeline):
    from chronik.runner import analyse
    from chronik.store import Store

    from test_events_merge import _add

    with Store(tmp_path / "c.duckdb") as store:
        _add(store, VARIED_REPORTS)
        analyse(store, default_pipeline)
        rows = store.con.execute("SELECT n_mentions, n_articles, modality FROM event_clusters "
                                 "WHERE type = 'CONSULT'").fetchall()
        assert rows == [(6, 6, "occurred")]


def test_planned_and_held_call_are_linked_through_the_default_pipeline(tmp_path, default_pipeline):
    import json

    from chronik.runner import analyse
    from chronik.store import Store

    from test_events_merge import _add

    with Store(tmp_path / "c.duckdb") as store:
        _add(store, [
            ("Tagesblatt", "2022-02-11", "Kremlchef Wladimir Putin und US-Präsident Joe Biden wollen am Samstag telefonieren."),
            ("Abendpost", "2022-02-11", "Biden und Putin werden am Samstag miteinander telefonieren."),
            ("Nordkurier", "2022-02-13", "Putin und Biden haben am Samstag telefoniert."),
        ])
        analyse(store, default_pipeline)
        rows = {r[0]: r[1:] for r in store.con.execute(
            "SELECT modality, id, n_mentions, linked_to FROM event_clusters WHERE type = 'CONSULT'").fetchall()}
        assert set(rows) == {"planned", "occurred"}
        (planned_id, n_planned, planned_links), (occurred_id, n_occurred, occurred_links) = \
            rows["planned"], rows["occurred"]
        assert (n_planned, n_occurred) == (2, 1)
        assert json.loads(planned_links) == [occurred_id] and json.loads(occurred_links) == [planned_id]
