"""Actor coding through the default pipeline: country + sector from role phrases and data files,
overridden by the user's entity file; and `chronik events` over a store built by `chronik run`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.doc import DocDate, Document
from chronik.events.example import DCT, TEXT
from chronik.pipeline import Pipeline

FRIDAY = date(2022, 2, 11)


def _events(pipeline, text):
    return pipeline(Document("a", text, date=DocDate("2022-02-11", "day", FRIDAY, FRIDAY))).events


def _coded(actors):
    return [(a.country, a.sector) for a in actors]


@pytest.mark.parametrize("text,etype,sources,targets", [
    ("Der Generalstabschef der USA, Mark Milley, telefonierte am Freitag mit Waleri Gerassimow.",
     "CONSULT", [("USA", "MIL")], [("RUS", "MIL")]),
    ("Die Sprecherin des russischen Außenministeriums kritisierte die Nato scharf.",
     "ACCUSE", [("RUS", "GOV")], [(None, "IGO")]),
    ("Der Kremlchef drohte der Ukraine mit Konsequenzen.", "THREATEN", [("RUS", "GOV")], [("UKR", "GOV")]),
    # bare surnames the NER model misses, coded from the gazetteer of political actors
    ("Putin und Biden telefonierten am Samstag.", "CONSULT", [("RUS", "GOV")], [("USA", "GOV")]),
])
def test_actor_codes_from_roles_and_data_files(default_pipeline, text, etype, sources, targets):
    events = [e for e in _events(default_pipeline, text) if e.type == etype]
    assert len(events) == 1
    ev = events[0]
    assert _coded(ev.sources) == sources
    assert _coded(ev.targets) == targets


def test_user_entity_file_overrides_actor_codes(default_pipeline, tmp_path):
    text = "Der Unternehmer Jewgeni Prigoschin kritisierte am Montag das Verteidigungsministerium."
    before = [e for e in _events(default_pipeline, text) if e.type == "ACCUSE"]
    assert [a.text for a in before[0].sources] == ["Jewgeni Prigoschin"]
    assert _coded(before[0].sources) == [(None, None)]
    path = tmp_path / "entities.jsonl"
    path.write_text(json.dumps({"id": "prig", "name": "Jewgeni Prigoschin", "aliases": "Prigoschin",
                                "type": "PER", "country": "RUS", "sector": "MIL"}) + "\n", encoding="utf-8")
    user = Pipeline.default(config={"entities.rules": {"entity_file": str(path)}})
    after = [e for e in _events(user, text) if e.type == "ACCUSE"]
    assert _coded(after[0].sources) == [("RUS", "MIL")]


def test_events_command_lists_the_worked_example_from_the_store(tmp_path):
    article = tmp_path / "example.jsonl"
    article.write_text(json.dumps({"text": TEXT, "date": DCT, "source": "Beispiel"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    db = tmp_path / "example.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(article), "--db", str(db), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["events", "Macron", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("- CONSULT/phone | planned | Putin (RUS GOV) <-> ")
    assert "Emmanuel Macron (FRA GOV)" in lines[0] and "time 2022-02-12" in lines[0]
    clusters = runner.invoke(app, ["events", "--clusters", "--type", "consult", "--json", "--db", str(db)])
    rows = [json.loads(line) for line in clusters.stdout.strip().splitlines()]
    assert sorted((r["modality"], r["n_mentions"]) for r in rows) == [("occurred", 1), ("planned", 1), ("planned", 2)]
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
