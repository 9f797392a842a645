"""Analysis in a process pool gives exactly the rows of a single-process run."""

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from chronik.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"

TABLES = {
    "mentions": "SELECT doc_id, start_char, end_char, label, kind FROM mentions",
    "timexes": "SELECT doc_id, start_char, end_char, value FROM timexes",
    "quotes": "SELECT doc_id, CAST(message AS VARCHAR), CAST(source AS VARCHAR), form FROM quotes",
    "events": "SELECT doc_id, trigger_start, trigger_end, type, modality FROM events",
}


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: sorted(con.execute(sql).fetchall()) for name, sql in TABLES.items()}
    finally:
        con.close()


def test_two_workers_store_the_same_annotations_as_one(tmp_path):
    runner = CliRunner()
    for workers in (1, 2):
        result = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(tmp_path / f"w{workers}.duckdb"),
                                     "--workers", str(workers), "--quiet"])
        assert result.exit_code == 0, result.output
    one, two = _rows(tmp_path / "w1.duckdb"), _rows(tmp_path / "w2.duckdb")
    assert one["events"] and one["quotes"] and one["mentions"]
    assert one == two
