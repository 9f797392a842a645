"""Bad records are named with a reason, good ones are all kept, the run goes on."""

import json
from pathlib import Path

import pytest

from chronik.ingest import IngestOptions, StrictReject, ingest
from chronik.store import Store

GOOD = [
    "Der Kreml wies die Vorwürfe aus Washington zurück. Russland habe keine Pläne für einen Angriff, sagte ein Sprecher.",
    "Die Nato-Verteidigungsminister beraten in Brüssel über die Lage an der Ostflanke des Bündnisses.",
    "Zehntausende Menschen haben in Berlin gegen den Krieg demonstriert und ein Ende der Kämpfe gefordert.",
]


def mixed_file(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"text": GOOD[0], "date": "2022-02-16", "source": "Rheinblick"}, ensure_ascii=False),
        '{"text": "abgeschnitten", "date": ',                                   # 2 broken JSON
        json.dumps({"text": "", "date": "2022-02-16"}),                          # 3 empty
        json.dumps({"text": "\x00\x01\x02binär\x00\x03\x04" * 20, "date": "2022-02-16"}),  # 4 binary
        json.dumps({"text": GOOD[1], "source": "Isarbote"}, ensure_ascii=False),  # 5 no date
        json.dumps({"text": GOOD[1], "date": "32.13.2022"}, ensure_ascii=False),  # 6 bad date
        json.dumps({"text": "Sehr lang. " * 1_000_000, "date": "2022-02-16"}),   # 7 ~11 MB
        json.dumps({"body": GOOD[2], "date": "2022-02"}, ensure_ascii=False),    # 8 good (body)
        json.dumps({"titel": "ohne Text", "date": "2022-02"}),                   # 9 no text field
        json.dumps(["eine", "Liste"]),                                           # 10 not an object
        json.dumps({"text": {"de": "verschachtelt"}, "date": "2022-02"}),        # 11 text not a string
        json.dumps({"text": GOOD[2], "date": "2022-02-26", "source": "Elbkurier", "extra": [1, 2]},
                   ensure_ascii=False),                                          # 12 same text as 8
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


EXPECTED = {
    "line 2": "malformed JSON",
    "line 3": "empty text",
    "line 4": "binary",
    "line 5": "no date",
    "line 6": "unparseable date",
    "line 7": "text too long",
    "line 9": "no text",
    "line 10": "not an object",
    "line 11": "not a string",
}


def test_every_good_record_kept_every_bad_one_named(tmp_path):
    path = mixed_file(tmp_path)
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store)
        docs = dict(store.con.execute("SELECT origin_location, status FROM documents").fetchall())
        rejects = dict(store.con.execute("SELECT location, reason FROM rejects").fetchall())
    assert docs == {"line 1": "ok", "line 8": "ok", "line 12": "duplicate"}
    assert set(rejects) == set(EXPECTED)
    for location, fragment in EXPECTED.items():
        assert fragment in rejects[location], (location, rejects[location])
    assert summary.rejected == len(EXPECTED)
    assert len(summary.rejects) == len(EXPECTED)
    assert all(line.startswith(f"{path}:line ") for line in summary.rejects)


def test_allow_undated_stores_a_document_without_date(tmp_path):
    path = mixed_file(tmp_path)
    with Store(tmp_path / "t.duckdb") as store:
        ingest([path], store, IngestOptions(allow_undated=True))
        row = store.con.execute("SELECT date_value, source FROM documents WHERE origin_location = 'line 5'").fetchall()
    assert row == [(None, "Isarbote")]


def test_max_chars_is_configurable(tmp_path):
    path = tmp_path / "a.lines"
    path.write_text(f"date 2022-02 {GOOD[0]}\ndate 2022-02 {GOOD[1]}\n", encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store, IngestOptions(max_chars=100))
    assert summary.added == 1
    assert summary.rejects[0].endswith(f"line 1: text too long: {len(GOOD[0])} characters (limit 100; see --max-chars)")


def test_strict_stops_at_the_first_reject(tmp_path):
    path = mixed_file(tmp_path)
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(StrictReject, match="line 2: malformed JSON"):
            ingest([path], store, IngestOptions(strict=True))


def test_unreadable_file_is_a_reject_and_other_files_go_on(tmp_path):
    broken = tmp_path / "kaputt.jsonl.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00" + b"kein gzip")
    good = tmp_path / "gut.lines"
    good.write_text(f"date 2022-02 {GOOD[0]}\n", encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([broken, good], store)
    assert summary.added == 1
    assert summary.rejected == 1 and "cannot read file" in summary.rejects[0]


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    import gzip

    body = "".join(json.dumps({"text": f"{GOOD[i % 3]} Meldung {i}.", "date": "2022-02"}, ensure_ascii=False) + "\n"
                   for i in range(200)).encode()
    data = gzip.compress(body)
    path = tmp_path / "abgeschnitten.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store)
    assert 0 < summary.added < 200
    assert summary.rejects[-1].endswith(tuple(["EOFError: Compressed file ended before the end-of-stream marker was reached"]))


def test_a_10_mb_document_is_stored_whole_when_the_limit_allows_it(tmp_path):
    # The store caps DuckDB's memory during ingest; the cap must still make room for the batch.
    text = "Die Verhandlungen in Genf gehen weiter, sagte ein Sprecher des Außenministeriums. " * 125_000
    assert len(text) > 10_000_000
    path = tmp_path / "gross.jsonl"
    path.write_text(json.dumps({"text": text, "date": "2022-02", "source": "Archiv"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([path], store, IngestOptions(max_chars=20_000_000))
        stored = store.con.execute("SELECT length(text), date_granularity, status FROM documents").fetchall()
    assert summary.added == 1 and not summary.rejects
    assert stored == [(len(text.strip()), "month", "ok")]


def test_a_table_without_a_text_column_is_one_reject_or_skipped_in_a_folder(tmp_path):
    folder = tmp_path / "ordner"
    folder.mkdir()
    table = folder / "personen.csv"
    table.write_text("id,name,land\nputin,Wladimir Putin,RUS\nscholz,Olaf Scholz,DEU\n", encoding="utf-8")
    (folder / "leer.jsonl").write_text("", encoding="utf-8")
    (folder / "wire.lines").write_text(f"date 2022-02 {GOOD[0]}\n", encoding="utf-8")
    with Store(tmp_path / "a.duckdb") as store:
        walked = ingest([folder], store)
    assert (walked.added, walked.rejected) == (1, 0)
    assert any(n.startswith(f"{table}: skipped, not an article table") and "(id, name, land)" in n for n in walked.notes)
    assert f"{folder / 'leer.jsonl'}: no records (empty file?)" in walked.notes
    with Store(tmp_path / "b.duckdb") as store:
        named = ingest([table], store)
    assert named.rejected == 1 and named.records == 1
    assert named.rejects[0].startswith(f"{table}:file: not an article table: no field named text/")
