"""`chronik quotes SPEAKER` lists what a speaker said, from the store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from chronik.cli import app
from chronik.doc import Document
from chronik.pipeline import Pipeline
from chronik.store import Store


def test_lists_quotes_of_a_speaker(tmp_path):
    db = tmp_path / "q.duckdb"
    text = "Laut Pentagon wurden zwanzig Raketen abgefeuert. Der Wetterdienst meldete Regen für Montag."
    doc = Document("d1", text)
    with Store(db) as store:
        store.insert_documents([{"id": "d1", "text_hash": "h1", "text": text, "status": "ok",
                                 "date_value": "2022-02-14", "date_granularity": "day"}])
        pipe = Pipeline(["tokenize.rules", "quotes.rules"])
        store.write_analyses([pipe(doc)], pipe.signature)
    result = CliRunner().invoke(app, ["quotes", "pentagon", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 1
    assert rows[0]["source_text"] == "Pentagon"
    assert rows[0]["message_text"] == "wurden zwanzig Raketen abgefeuert"
    assert rows[0]["date_value"] == "2022-02-14"
    missing = CliRunner().invoke(app, ["quotes", "Niemand", "--db", str(db)])
    assert missing.exit_code == 1


def test_speaker_option_matches_the_country_of_an_anonymous_source(tmp_path):
    db = tmp_path / "q.duckdb"
    text = ("Ein US-Regierungsvertreter sagte, Russland habe ein Telefonat vorgeschlagen. "
            "„Wir prüfen das“, sagte die Sprecherin der Regierung.")
    with Store(db) as store:
        store.insert_documents([{"id": "d1", "text_hash": "h1", "text": text, "status": "ok",
                                 "date_value": "2022-02-15", "date_granularity": "day"}])
        pipe = Pipeline(["tokenize.rules", "quotes.rules"])
        store.write_analyses([pipe(Document("d1", text))], pipe.signature)
    result = CliRunner().invoke(app, ["quotes", "--speaker", "usa", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["source_description"], r["source_country"]) for r in rows] == [("US-Regierungsvertreter", "USA")]
    assert rows[0]["message_text"] == "Russland habe ein Telefonat vorgeschlagen"
    everyone = CliRunner().invoke(app, ["quotes", "--db", str(db), "--json"])
    assert everyone.exit_code == 0 and len(everyone.stdout.strip().splitlines()) == 2
