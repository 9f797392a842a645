"""Acceptance regressions for ingest found by QA on invented inputs."""

from chronik.ingest import IngestOptions, ingest
from chronik.store import Store

TEXT_A = ("Die Bundeswehr verlegt weitere Soldaten nach Litauen, wie das Verteidigungsministerium am "
          "Freitag in Berlin mitteilte.")
TEXT_B = "Der Kanzler telefonierte am Morgen mit dem französischen Präsidenten über die Lage an der Grenze."


def _documents(tmp_path, path):
    with Store(tmp_path / "t.duckdb") as store:
        ingest([path], store, IngestOptions())
        return store.con.execute(
            "SELECT date_value, date_granularity, text FROM documents ORDER BY origin_location").fetchall()


def test_line_format_in_a_txt_file_is_one_article_per_line(tmp_path):
    path = tmp_path / "meldungen.txt"
    path.write_text(f"date 2022-02 {TEXT_A}\ndate 2022-02-11 {TEXT_B}\n", encoding="utf-8")
    rows = _documents(tmp_path, path)
    assert [(r[0], r[1]) for r in rows] == [("2022-02", "month"), ("2022-02-11", "day")]
    assert rows[0][2] == TEXT_A


def test_txt_file_with_a_date_header_line_stays_one_article(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(f"date 2022-02\n{TEXT_A}\n{TEXT_B}\n", encoding="utf-8")
    rows = _documents(tmp_path, path)
    assert len(rows) == 1 and rows[0][:2] == ("2022-02", "month")
    assert TEXT_B in rows[0][2]


def test_compact_day_given_as_a_number_keeps_its_day(tmp_path):
    import json

    path = tmp_path / "zahlen.json"
    path.write_text(json.dumps([{"text": TEXT_A, "date": 20220211}, {"text": TEXT_B, "date": 2022},
                                {"text": TEXT_B + " Mehr.", "date": 20221399}]), encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store, IngestOptions())
        rows = store.con.execute("SELECT date_value, date_granularity FROM documents ORDER BY origin_location")
        assert rows.fetchall() == [("2022-02-11", "day"), ("2022", "year")]
        assert summary.rejected == 1  # 2022-13-99 is no day
