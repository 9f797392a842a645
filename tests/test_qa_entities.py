"""Acceptance regressions for entity consolidation found by QA on invented articles."""

from datetime import date

import pytest

from chronik.pipeline import Pipeline
from chronik.runner import analyse
from chronik.store import Store

ARTICLES = [
    ("q1", date(2022, 2, 7), "Außenministerin Annalena Baerbock ist am Montag nach Kiew gereist. "
     "Baerbocks Besuch war der zweite innerhalb weniger Wochen."),
    ("q2", date(2022, 2, 9), "Die Außenministerin begrüßte am Mittwoch die Gespräche in Moskau."),
    ("q3", date(2019, 5, 3), "Die Außenministerin äußerte sich am Freitag nicht zu den Berichten."),
]


def test_bare_countryless_office_resolves_to_the_holder_titled_the_same_way(tmp_path):
    from chronik.nlp.ner import MODEL_PATH

    if not MODEL_PATH.is_file():
        pytest.skip(f"shipped NER model not built yet ({MODEL_PATH.name})")
    with Store(tmp_path / "q.duckdb") as store:
        store.insert_documents([
            {"id": i, "text_hash": i, "text": t, "status": "ok", "lang": "de", "source": "test",
             "date_value": d.isoformat(), "date_granularity": "day", "date_earliest": d, "date_latest": d}
            for i, d, t in ARTICLES])
        assert analyse(store, Pipeline.default()).failed == 0
        holder = dict(store.con.execute(
            "SELECT m.doc_id, e.name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
            "WHERE m.kind = 'role'").fetchall())
        # q3 lies outside the window around Baerbock's attestation: it names no one
        assert holder == {"q1": "Annalena Baerbock", "q2": "Annalena Baerbock", "q3": None}
        assert store.con.execute("SELECT count(*) FROM entities WHERE name LIKE 'Außenminister%'"
                                 ).fetchone() == (0,)
