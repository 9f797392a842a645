"""docs/schema.md documents every table and column the store creates."""

import re
from pathlib import Path

from chronik.store import Store

ROOT = Path(__file__).resolve().parents[1]


def documented() -> dict[str, str]:
    """Table name -> its section of docs/schema.md."""
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (\w+)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_every_table_and_column_is_documented(tmp_path):
    sections = documented()
    with Store(tmp_path / "t.duckdb") as store:
        columns = store.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
            "ORDER BY table_name, ordinal_position").fetchall()
    missing_tables = sorted({t for t, _ in columns} - set(sections))
    assert not missing_tables, f"tables without a section in docs/schema.md: {missing_tables}"
    missing_columns = [f"{t}.{c}" for t, c in columns if f"`{c}`" not in sections[t]]
    assert not missing_columns, f"columns not documented in docs/schema.md: {missing_columns}"
    stale = sorted(set(sections) - {t for t, _ in columns})
    assert not stale, f"docs/schema.md documents tables the store does not have: {stale}"
