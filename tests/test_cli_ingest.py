"""`chronik ingest | status | export` as a user runs them: exit codes, summaries, files."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronik.cli import app

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Nato-Generalsekretär Jens Stoltenberg sagte am Donnerstag, Russland setze den Truppenaufmarsch fort. "
        "Die Allianz werde ihre Präsenz im Osten verstärken.")


def invoke(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"text": TEXT, "date": "2022-02-17", "source": "Kontinent"}, ensure_ascii=False)
                    + "\n{kaputt\n", encoding="utf-8")
    return path


def test_ingest_json_summary_and_rejects_on_stderr(tmp_path, mixed):
    db = tmp_path / "t.duckdb"
    code, out, err = invoke("ingest", mixed, "--db", db, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["added"] == 1 and summary["rejected"] == 1
    assert summary["rejects"] == [f"{mixed}:line 2: malformed JSON (Expecting property name enclosed in double quotes, column 2)"]
    assert "reject: " + summary["rejects"][0] in err
    assert "new 1 (ok 1" in err


def test_quiet_prints_nothing(tmp_path, mixed):
    code, out, err = invoke("ingest", mixed, "--db", tmp_path / "t.duckdb", "--quiet")
    assert (code, out, err) == (0, "", "")


def test_exit_codes(tmp_path, mixed):
    db = tmp_path / "t.duckdb"
    assert invoke("ingest", tmp_path / "fehlt.jsonl", "--db", db)[0] == 2  # usage error
    assert invoke("ingest", mixed, "--db", db, "--format", "xml")[0] == 2  # usage error
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{kaputt\n", encoding="utf-8")
    code, _, err = invoke("ingest", broken, "--db", db)
    assert code == 1 and "nothing could be ingested" in err
    code, _, err = invoke("ingest", mixed, "--db", db, "--strict")
    assert code == 1 and "rejected (--strict)" in err and "line 2" in err
    assert invoke("ingest", mixed, "--db", db)[0] == 0
    assert invoke("ingest", mixed, "--db", db)[0] == 0  # nothing new, but everything is stored


def test_field_flags_and_source(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'wann,inhalt\n17.02.2022,"{TEXT}"\n', encoding="utf-8")
    db = tmp_path / "t.duckdb"
    code, out, _ = invoke("ingest", path, "--db", db, "--text-field", "inhalt", "--date-field", "wann",
                          "--source", "Agentur", "--json", "--quiet")
    assert code == 0 and json.loads(out)["ok"] == 1
    code, out, _ = invoke("export", "--db", db, "--table", "documents", "--format", "jsonl", "--out",
                          tmp_path / "d.jsonl")
    row = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (row["source"], row["date_value"], row["text"]) == ("Agentur", "2022-02-17", TEXT)


def test_status_and_export_formats(tmp_path, mixed):
    db = tmp_path / "t.duckdb"
    invoke("ingest", mixed, "--db", db, "--quiet")
    code, out, _ = invoke("status", "--db", db, "--json")
    status = json.loads(out)
    assert code == 0 and status["documents"] == 1 and status["rejects"] == 1
    assert status["reject_reasons"] == {"malformed JSON": 1}

    import pyarrow.parquet as pq

    code, _, _ = invoke("export", "--db", db, "--table", "rejects", "--format", "csv", "--out", tmp_path / "r.csv")
    rows = list(csv.DictReader(open(tmp_path / "r.csv", encoding="utf-8")))
    assert code == 0 and rows[0]["location"] == "line 2"
    code, _, _ = invoke("export", "--db", db, "--table", "all", "--format", "parquet", "--out", tmp_path / "all")
    assert code == 0
    assert pq.read_table(tmp_path / "all" / "documents.parquet").num_rows == 1
    for table in ("mentions", "entities", "timexes", "quotes", "events", "event_clusters", "rejects"):
        assert (tmp_path / "all" / f"{table}.parquet").exists()
    assert invoke("export", "--db", db, "--table", "nichts")[0] == 2
    assert invoke("status", "--db", tmp_path / "fehlt.duckdb")[0] == 2


def test_python_dash_m_entry_point(tmp_path):
    db = tmp_path / "t.duckdb"
    proc = subprocess.run([sys.executable, "-m", "chronik", "ingest", str(ROOT / "examples" / "wire.lines"),
                           "--db", str(db), "--json", "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["ok"] == 9


def test_a_file_that_is_not_a_database_is_a_usage_error(tmp_path):
    db = tmp_path / "notizen.duckdb"
    db.write_text("keine Datenbank", encoding="utf-8")
    code, _, err = invoke("ingest", ROOT / "examples" / "wire.lines", "--db", db)
    assert code == 2 and f"cannot open {db}" in err and "not a valid DuckDB database" in err
