"""`chronik entities`: merged entities with their name variants and dated roles, from the CLI."""

import json

from typer.testing import CliRunner

from chronik.cli import app

ARTICLES = [
    {"id": "a1", "date": "2022-02-11", "source": "Tagesblatt",
     "text": "Kremlchef Wladimir Putin empfing am Freitag den Außenminister. Putin sagte, man wolle reden."},
    {"id": "a2", "date": "2022-03", "source": "Abendpost",
     "text": "Die Rede Putins wurde in Berlin mit Sorge aufgenommen. Wladimir Putin schwieg am Abend."},
]


def test_person_is_listed_once_with_forms_and_dated_role(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(src), "--db", db, "--quiet"]).exit_code == 0

    result = runner.invoke(app, ["entities", "putin", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["name"] for r in rows] == ["Wladimir Putin"]
    putin = rows[0]
    assert putin["n_docs"] == 2 and putin["country"] == "RUS"
    assert {"Putin", "Putins"} <= set(json.loads(putin["forms"]))
    assert any(role.startswith("Kremlchef (2022-02-11") for role in putin["roles"])

    text = runner.invoke(app, ["entities", "--type", "PER", "--db", db]).output
    assert "Wladimir Putin [PER, RUS GOV]" in text


def test_missing_database_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["entities", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
