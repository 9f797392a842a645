"""The SQLite FTS5 search index: German stemming, query parsing, snippets, staleness."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from chronik.serve.demo import build_demo_db
from chronik.serve.index import connect, default_index_path, ensure_index, index_signature
from chronik.serve.search import SearchFilters, fts_query, search, snippet, stems


@pytest.mark.parametrize("a, b", [
    ("Häuser", "Haus"),
    ("Verhandlungen", "Verhandlung"),
    ("Präsidenten", "Präsident"),
    ("Luftabwehrsysteme", "Luftabwehrsystems"),
])
def test_inflected_forms_share_a_stem(a, b):
    assert stems(a) == stems(b)


def test_fts_query_quotes_user_input():
    # FTS5 operators and column filters typed by a user are searched as words, not obeyed.
    assert fts_query('title:Macron OR NEAR(x') == '"titl macron" AND "or" AND "near x"'
    assert fts_query('"Waffenruhe über Ostern" Russland') == '"waffenruh uber ost" AND "russland"'
    assert fts_query("  ...  ") is None


def test_snippet_marks_inflected_matches():
    text = "Vorwort. " * 40 + "Die Verhandlungen über neue Häuser haben begonnen."
    pieces = snippet(text, stems("Haus Verhandlung"))
    assert [t for t, hit in pieces if hit] == ["Verhandlungen", "Häuser"]
    assert pieces[0] == ("… ", False)  # the window starts near the first match, not at the top
    assert "".join(t for t, _ in pieces).startswith("… ")


@pytest.fixture()
def store(tmp_path):
    db = tmp_path / "demo.duckdb"
    build_demo_db(db)
    return db


def test_phrase_search_and_filters(store):
    con = duckdb.connect(str(store), read_only=True)
    path = default_index_path(store)
    assert ensure_index(con, path)
    assert not ensure_index(con, path)  # up to date: not rebuilt
    index = connect(path)
    hits = search(index, '"über Ostern"', SearchFilters(), 10, 0)
    assert [r["title"] for r in hits["results"]] == ["Waffenruhe über Ostern vereinbart"]
    assert search(index, '"Ostern über"', SearchFilters(), 10, 0)["total"] == 0
    # A month-dated article overlaps a day range inside its month.
    march = SearchFilters(date_from=date(2026, 3, 20))
    assert [r["title"] for r in search(index, "Waffenruhe", march, 10, 0)["results"]] == \
        ["Waffenruhe über Ostern vereinbart"]
    assert search(index, "Waffenruhe", SearchFilters(source="Morgenpost"), 10, 0)["total"] == 0
    # Title words weigh more than body words.
    ranked = search(index, "Macron", SearchFilters(), 10, 0)["results"]
    assert ranked[0]["title"] in ("Scholz trifft Macron in Paris", "Macron warnt Russland vor Eskalation")
    con.close()
    index.close()


def test_index_is_rebuilt_when_the_store_changes(store):
    path = default_index_path(store)
    with duckdb.connect(str(store), read_only=True) as con:
        ensure_index(con, path)
        before = index_signature(path)
    with duckdb.connect(str(store)) as con:
        con.execute("UPDATE documents SET status = 'skipped' WHERE title LIKE 'Hochwasser%'")
    with duckdb.connect(str(store), read_only=True) as con:
        assert ensure_index(con, path)
    assert index_signature(path) != before
    index = connect(path)
    assert search(index, "Haus", SearchFilters(), 10, 0)["total"] == 0
    index.close()
