"""Ids, re-ingest as a no-op, duplicates across sources, language skipping."""

import json
from pathlib import Path

from chronik.ingest import ingest
from chronik.ingest.prepare import detect_language, document_ids
from chronik.store import Store

CALL = ("Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron haben am Sonntag telefoniert. "
        "Beide seien sich einig, dass die Gespräche mit Moskau fortgesetzt werden müssten.")
OTHER = "Die Außenminister der EU haben sich am Dienstag auf ein erstes Sanktionspaket gegen Russland geeinigt."
ENGLISH = ("Chancellor Olaf Scholz and President Emmanuel Macron spoke on the phone on Sunday. "
           "Both agreed that the talks with Moscow had to continue, a spokesman said.")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def dump(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT id, text_hash, source, text, date_value, status, status_reason, lang, origin_location "
        "FROM documents ORDER BY id").fetchall()


def test_id_depends_on_source_and_normalised_text():
    a, ha = document_ids("Elbkurier", CALL)
    b, hb = document_ids("Elbkurier", CALL.replace(". ", ".\n  "))  # reflowed copy
    c, hc = document_ids("Isarbote", CALL)
    assert a == b and ha == hb == hc and a != c
    assert len(a) == 16 and len(ha) == 16


def test_same_file_twice_changes_nothing(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"text": CALL, "date": "2022-02-13", "source": "Elbkurier"},
        {"text": OTHER, "date": "2022-02-22", "source": "Rheinblick"},
        {"text": "kaputt"},
    ])
    with Store(tmp_path / "t.duckdb") as store:
        first = ingest([path], store)
        before = dump(store), store.con.execute("SELECT * FROM rejects").fetchall()
        second = ingest([path], store)
        after = dump(store), store.con.execute("SELECT * FROM rejects").fetchall()
    assert first.added == 2 and second.added == 0 and second.unchanged == 2
    assert before == after


def test_same_text_from_another_source_is_a_duplicate_of_the_first_copy(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"text": CALL, "date": "2022-02-13", "source": "Elbkurier"},
        {"text": CALL + "\n", "date": "2022-02-13", "source": "Isarbote"},
        {"text": CALL, "date": "2022-02-13", "source": "Elbkurier"},  # exact repeat: no-op
    ])
    later = write_jsonl(tmp_path / "b.jsonl", [{"text": CALL, "date": "2022-02-14", "source": "Spreewelle"}])
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store)
        ingest([later], store)
        rows = {r[2]: r for r in dump(store)}
    assert summary.added == 2 and summary.unchanged == 1 and summary.duplicates == 1
    first_id = rows["Elbkurier"][0]
    assert rows["Elbkurier"][5] == "ok"
    assert rows["Isarbote"][5:7] == ("duplicate", first_id)
    assert rows["Spreewelle"][5:7] == ("duplicate", first_id)


def test_non_german_documents_are_skipped_with_the_reason(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"text": ENGLISH, "date": "2022-02-13", "source": "Wire"},
        {"text": CALL, "date": "2022-02-13", "source": "Wire"},
    ])
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store)
        rows = {r[3]: r for r in dump(store)}
    assert summary.skipped == 1 and summary.ok == 1
    assert rows[ENGLISH][5:8] == ("skipped", "language 'en', not German", "en")
    assert rows[CALL][5] == "ok" and rows[CALL][7] == "de"


def test_language_detection_uses_the_classifier_when_not_clearly_german():
    assert detect_language(CALL) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Le président a déclaré samedi que les discussions avec Moscou se poursuivraient "
                           "la semaine prochaine et que les sanctions restaient sur la table.") == "fr"
    assert detect_language("De president zei zaterdag dat de gesprekken met Moskou volgende week zouden "
                           "doorgaan en dat de sancties niet van tafel waren voor de Verenigde Staten.") == "nl"
