"""Entities through the CLI and the store: the user entity file (`chronik run --entities FILE`),
provenance (component name and version on every row) and re-runs after a version change."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.doc import Mention
from chronik.pipeline import REGISTRY, Pipeline, component
from chronik.store import Store

ARTICLES = [
    {"id": "w1", "date": "2022-02-11", "source": "Test",
     "text": "US-Präsident Joe Biden will am Samstag mit Kremlchef Wladimir Putin telefonieren."},
    {"id": "w2", "date": "2022-02-13", "source": "Test",
     "text": "Putin telefonierte mit Biden, wie der Kreml mitteilte."},
]
NAMES = {"Joe Biden": "PER", "Wladimir Putin": "PER", "Putin": "PER", "Biden": "PER", "Kreml": "ORG"}


def _listed(doc):
    """A NER stand-in that finds the test's names, so these tests check entities alone."""
    found: list[Mention] = []
    for name, label in sorted(NAMES.items(), key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(name) + r"\b", doc.text):
            if not any(x.start < m.end() and m.start() < x.end for x in found):
                found.append(Mention(m.start(), m.end(), name, label))
    doc.mentions = sorted(found, key=lambda m: m.start)
    return doc


@pytest.fixture
def listed_ner():
    def register(version: str) -> None:
        component("ner.test_listed", layer="mentions", version=version)(lambda config: _listed)

    register("1")
    yield register
    REGISTRY.pop("ner.test_listed", None)


@pytest.fixture
def articles(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def _run(*args) -> dict:
    result = CliRunner().invoke(app, ["run", *map(str, args), "--ner", "test_listed", "--json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cli_entities_option_links_entities_to_external_ids(tmp_path, articles, listed_ner):
    entity_file = tmp_path / "people.csv"
    entity_file.write_text("id,name,aliases,type,wikidata,country,sector\n"
                           "putin,Wladimir Putin,Putin,PER,Q7747,RUS,GOV\n"
                           "biden,Joe Biden,Biden,PER,Q6279,USA,GOV\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    _run(articles, "--db", db, "--entities", entity_file)
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT name, external_id, n_docs FROM entities WHERE label = 'PER' "
                                 "ORDER BY name").fetchall()
        assert rows == [("Joe Biden", "Q6279", 2), ("Wladimir Putin", "Q7747", 2)]
        ids = store.con.execute("SELECT DISTINCT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                "WHERE e.external_id = 'Q7747'").fetchall()
        assert len(ids) == 1


def test_missing_entity_file_is_a_one_line_error(tmp_path, articles, listed_ner):
    result = CliRunner().invoke(app, ["run", str(articles), "--db", str(tmp_path / "s.duckdb"), "--ner",
                                      "test_listed", "-q", "--entities", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "entity file not found" in result.output


def test_rows_carry_component_and_version_and_a_new_version_is_told_apart(tmp_path, articles, listed_ner):
    db = tmp_path / "v.duckdb"
    first = _run(articles, "--db", db)
    assert first["analyse"]["analysed"] == 2
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT DISTINCT component, version FROM mentions").fetchall() == [
            ("ner.test_listed", "1")]
        entities_version = REGISTRY["entities.rules"].version
        assert store.con.execute("SELECT DISTINCT component, version FROM doc_entities").fetchall() == [
            ("entities.rules", entities_version)]
    # nothing changed: nothing to do
    assert _run("--db", db)["analyse"]["analysed"] == 0
    # a new model version: every document is analysed again, and its rows say which version made them
    listed_ner("2")
    second = _run("--db", db)
    assert second["analyse"]["analysed"] == 2
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT DISTINCT version FROM mentions").fetchall() == [("2",)]
        pipelines = {p for (p,) in store.con.execute("SELECT pipeline FROM analyses").fetchall()}
        assert pipelines == {second["analyse"]["pipeline"]} and "ner.test_listed@2" in pipelines.pop()


def test_another_entity_file_is_another_version(tmp_path, articles, listed_ner):
    db = tmp_path / "f.duckdb"
    entity_file = tmp_path / "e.jsonl"
    entity_file.write_text('{"id": "putin", "name": "Wladimir Putin", "aliases": ["Putin"], "type": "PER"}\n',
                           encoding="utf-8")
    first = _run(articles, "--db", db, "--entities", entity_file)
    entity_file.write_text('{"id": "putin", "name": "Wladimir Putin", "aliases": ["Putin"], "type": "PER", '
                           '"wikidata": "Q7747"}\n', encoding="utf-8")
    second = _run("--db", db, "--entities", entity_file)
    assert second["analyse"]["analysed"] == 2
    assert first["analyse"]["pipeline"] != second["analyse"]["pipeline"]
    with Store(db, read_only=True) as store:
        [(version,)] = store.con.execute("SELECT DISTINCT version FROM doc_entities").fetchall()
        assert version.startswith(REGISTRY["entities.rules"].version + "+entities-")
        assert version in second["analyse"]["pipeline"]
        assert store.con.execute("SELECT external_id FROM entities WHERE name = 'Wladimir Putin'").fetchone() == (
            "Q7747",)


def test_pipeline_without_entity_file_keeps_the_plain_version():
    pipe = Pipeline(["entities.rules"])
    assert pipe.specs[0].version == REGISTRY["entities.rules"].version
