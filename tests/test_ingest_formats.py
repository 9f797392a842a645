"""Every reader on small invented inputs, plain and compressed."""

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest

from chronik.ingest import FieldMap, IngestOptions, ingest
from chronik.store import Store

ROOT = Path(__file__).resolve().parents[1]

TEXT_A = ("Bundeskanzler Olaf Scholz hat am Sonntag mit dem französischen Präsidenten Emmanuel Macron "
          "telefoniert. Beide seien sich einig, dass eine weitere Eskalation schwerwiegende Folgen hätte.")
TEXT_B = ("Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, wies die Berichte zurück. "
          "Russland habe nicht die Absicht, die Ukraine anzugreifen, sagte sie in Moskau.")
TEXT_C = ("Rund 3000 weitere Soldaten sollen nach Polen verlegt werden. Das kündigte das Verteidigungsministerium "
          "in Washington am Freitag an; die Truppen sollen in den kommenden Tagen aufbrechen.")


def run(tmp_path, *paths, **options):
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([Path(p) for p in paths], store, IngestOptions(**options))
        rows = store.con.execute(
            "SELECT source, title, text, date_value, date_granularity, url, status, meta "
            "FROM documents ORDER BY origin, origin_location").fetchall()
        rejects = store.con.execute("SELECT origin, location, reason FROM rejects ORDER BY origin, location").fetchall()
    return summary, rows, rejects


def jsonl_bytes():
    rows = [{"title": "Telefonat", "text": TEXT_A, "date": "2022-02-13", "source": "Elbkurier", "author": "ab"},
            {"title": "Dementi", "text": TEXT_B, "date": "2022-02", "source": "Rheinblick"}]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def test_jsonl_keeps_unknown_fields_in_meta(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(jsonl_bytes())
    summary, rows, rejects = run(tmp_path, path)
    assert summary.added == 2 and not rejects
    assert rows[0][:2] == ("Elbkurier", "Telefonat")
    assert json.loads(rows[0][7]) == {"author": "ab"}
    assert rows[1][3:5] == ("2022-02", "month")


@pytest.mark.parametrize("suffix, compress", [
    (".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress),
    (".zst", lambda b: __import__("zstandard").ZstdCompressor().compress(b)),
])
def test_compressed_jsonl(tmp_path, suffix, compress):
    path = tmp_path / f"a.jsonl{suffix}"
    path.write_bytes(compress(jsonl_bytes()))
    summary, rows, _ = run(tmp_path, path)
    assert summary.added == 2
    assert [r[2] for r in rows] == [TEXT_A, TEXT_B]


def test_misnamed_compressed_file_is_detected_by_content(tmp_path):
    path = tmp_path / "dump.dat"
    path.write_bytes(gzip.compress(jsonl_bytes()))
    summary, rows, _ = run(tmp_path, path)
    assert summary.added == 2


def test_json_array_is_streamed_item_by_item_and_a_broken_item_is_named(tmp_path):
    items = [{"headline": "Eins", "body": TEXT_A, "published": "11. Februar 2022"},
             {"headline": "Zwei", "body": TEXT_B, "published": "11.02.2022"}]
    good = json.dumps(items, ensure_ascii=False)
    path = tmp_path / "a.json"
    path.write_text(good[:-1] + ', {"body": "kaputt', encoding="utf-8")
    summary, rows, rejects = run(tmp_path, path)
    assert [r[1] for r in rows] == ["Eins", "Zwei"]
    assert rows[0][3] == "2022-02-11"
    assert len(rejects) == 1 and rejects[0][1] == "item 3"


def test_json_object_wrapping_a_list(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"articles": [{"text": TEXT_C, "date": "2022-02-11"}]}), encoding="utf-8")
    summary, rows, _ = run(tmp_path, path)
    assert summary.added == 1 and rows[0][2] == TEXT_C


def test_field_mapping_flags(tmp_path):
    path = tmp_path / "a.jsonl"
    row = {"inhalt": TEXT_A, "wann": {"am": "2022-02-13"}, "zeitung": "Isarbote", "kopf": "Titel",
           "adresse": "https://isarbote.example/1", "nr": 17, "text": "nicht der Artikeltext"}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    fields = FieldMap(text="inhalt", date="wann.am", source="zeitung", title="kopf", url="adresse", id="nr")
    summary, rows, _ = run(tmp_path, path, fields=fields)
    source, title, text, date_value, _, url, _, meta = rows[0]
    assert (source, title, text, date_value, url) == ("Isarbote", "Titel", TEXT_A, "2022-02-13",
                                                      "https://isarbote.example/1")
    meta = json.loads(meta)
    assert meta["input_id"] == 17 and meta["text"] == "nicht der Artikeltext"


def test_csv_semicolon_cp1252_with_multiline_field(tmp_path):
    path = tmp_path / "export.csv"
    content = ('Datum;Titel;Text;Quelle\r\n'
               '13.02.2022;Ein Telefonat;"' + TEXT_A + '\r\nZweiter Absatz über Außenpolitik.";Elbkurier\r\n'
               '2022-02;Dementi;' + TEXT_B + ';Rheinblick\r\n')
    path.write_bytes(content.encode("cp1252"))
    summary, rows, rejects = run(tmp_path, path)
    assert not rejects and summary.added == 2
    assert rows[0][2].endswith("Zweiter Absatz über Außenpolitik.")
    assert rows[0][3] == "2022-02-13" and rows[1][3] == "2022-02"
    assert any("cp1252" in n for n in summary.notes)


def test_csv_with_utf8_bom_and_tsv(tmp_path):
    csv_path = tmp_path / "a.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + f'date,text\n2022-02-11,"{TEXT_C}"\n'.encode())
    tsv_path = tmp_path / "b.tsv"
    tsv_path.write_text(f"text\tdate\tsource\n{TEXT_B}\t2022-02-16\tRheinblick\n", encoding="utf-8")
    summary, rows, rejects = run(tmp_path, csv_path, tsv_path)
    assert not rejects and summary.added == 2
    assert rows[0][3] == "2022-02-11"


def test_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": [TEXT_A, TEXT_B], "date": ["2022-02-13", "2022"], "ressort": ["P", "A"]}), path)
    summary, rows, _ = run(tmp_path, path)
    assert summary.added == 2
    assert {r[4] for r in rows} == {"day", "year"}
    assert json.loads(rows[0][7])["ressort"] == "P"


def test_line_format_keeps_month_granularity(tmp_path):
    path = tmp_path / "wire.lines"
    path.write_text(f"date 2022-02 {TEXT_A}\n\n# Kommentar\ndate 2022-02-24T05:30:00+01:00 {TEXT_B}\n"
                    f"kein Datum {TEXT_C}\ndate 2022 {TEXT_C}\n", encoding="utf-8")
    summary, rows, rejects = run(tmp_path, path)
    assert [(r[3], r[4]) for r in rows] == [("2022-02", "month"), ("2022-02-24T05:30:00+01:00", "instant"),
                                             ("2022", "year")]
    assert rows[0][0] == "wire"  # no source in the input: the file name
    assert [(r[1], "does not match" in r[2]) for r in rejects] == [("line 5", True)]


def test_source_option_names_records_without_a_source(tmp_path):
    path = tmp_path / "wire.lines"
    path.write_text(f"date 2022-02 {TEXT_A}\n", encoding="utf-8")
    _, rows, _ = run(tmp_path, path, source="Agentur Nord")
    assert rows[0][0] == "Agentur Nord"


def test_txt_folder_dates_from_name_header_or_dateline(tmp_path):
    folder = tmp_path / "texte"
    folder.mkdir()
    (folder / "2022-02-13-telefonat.txt").write_text(f"Scholz telefoniert mit Macron\n\n{TEXT_A}\n", encoding="utf-8")
    (folder / "dementi.txt").write_text(f"date 2022-02\n{TEXT_B}\n", encoding="utf-8")
    (folder / "soldaten.txt").write_bytes(f"Washington, 11. Februar 2022. {TEXT_C}".encode("cp1252"))
    (folder / "ohne.txt").write_text(TEXT_C + " Ohne Datum.", encoding="utf-8")
    (folder / "notizen.md").write_text("wird ignoriert", encoding="utf-8")
    summary, rows, rejects = run(tmp_path, folder)
    by_date = {r[3]: r for r in rows}
    assert set(by_date) == {"2022-02-13", "2022-02", "2022-02-11"}
    assert by_date["2022-02-13"][1] == "Scholz telefoniert mit Macron"
    assert by_date["2022-02"][2] == TEXT_B
    assert "Außenministerium" not in by_date["2022-02-11"][2] and "Verteidigungsministerium" in by_date["2022-02-11"][2]
    assert [(Path(o).name, "no date" in r) for o, _, r in rejects] == [("ohne.txt", True)]


def test_html_examples_have_main_text_source_and_date(tmp_path):
    summary, rows, rejects = run(tmp_path, ROOT / "examples" / "html")
    assert not rejects and summary.added == 5
    by_source = {r[0]: r for r in rows}
    assert set(by_source) == {"Isarbote", "Spreewelle", "Rheinblick", "Elbkurier", "Hauptstadtdienst"}
    assert by_source["Elbkurier"][3] == "2022-02-23"  # only in the visible text
    assert by_source["Isarbote"][3] == "2022-02-13"
    assert all("Startseite" not in r[2] and "©" not in r[2] for r in rows)


def test_html_with_month_only_gets_no_invented_day(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>Rückblick</title></head><body><article><h1>Rückblick</h1>"
                    f"<p>Stand: Februar 2022</p><p>{TEXT_A}</p><p>{TEXT_B}</p></article></body></html>",
                    encoding="utf-8")
    _, rows, _ = run(tmp_path, path)
    assert (rows[0][3], rows[0][4]) == ("2022-02", "month")


def test_rss_feed(tmp_path):
    summary, rows, _ = run(tmp_path, ROOT / "examples" / "feed.xml")
    assert summary.added == 2
    assert rows[0][0] == "Nachrichtenagentur Kontinent"
    assert rows[0][3] == "2022-02-02T14:20:00+01:00"
    assert rows[0][5].startswith("https://kontinent.example/")


def test_atom_feed_with_html_content(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Isarbote</title>
<entry><title>Dementi</title><id>urn:1</id><updated>2022-02-16T10:00:00Z</updated>
<content type="html">&lt;p&gt;{TEXT_B}&lt;/p&gt;&lt;p&gt;Zweiter Absatz.&lt;/p&gt;</content></entry></feed>""", encoding="utf-8")
    _, rows, _ = run(tmp_path, path)
    assert rows[0][0] == "Isarbote" and rows[0][4] == "instant"
    assert "<p>" not in rows[0][2] and "Zweiter Absatz." in rows[0][2]


def test_warc_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i, (text, day) in enumerate([(TEXT_A, "2022-02-13"), (TEXT_B, "2022-02-16")]):
            html = (f'<html><head><meta property="article:published_time" content="{day}"></head>'
                    f"<body><article><h1>Meldung {i}</h1><p>{text}</p><p>{TEXT_C}</p></article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://elbkurier.example/{i}", "response", payload=io.BytesIO(html.encode()), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://elbkurier.example/x.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"), http_headers=image))
    summary, rows, rejects = run(tmp_path, path)
    assert summary.added == 2 and not rejects
    assert [r[3] for r in rows] == ["2022-02-13", "2022-02-16"]
    assert rows[0][5] == "https://elbkurier.example/0"
    assert rows[0][0] == "elbkurier.example"


def test_examples_folder_has_three_formats_and_ingests_cleanly(tmp_path):
    summary, rows, rejects = run(tmp_path, ROOT / "examples")
    assert not rejects
    assert summary.added >= 30
    granularities = {r[4] for r in rows}
    assert {"day", "month"} <= granularities
    assert any("<script>alert(1)</script>" in r[2] for r in rows)


@pytest.mark.parametrize("name, data", [
    ("latin1.jsonl", (json.dumps({"text": TEXT_B, "date": "2022-02-16"}, ensure_ascii=False) + "\n").encode("latin-1")),
    ("bom.jsonl", b"\xef\xbb\xbf" + (json.dumps({"text": TEXT_B, "date": "2022-02-16"}, ensure_ascii=False) + "\n").encode()),
    ("utf16.jsonl", (json.dumps({"text": TEXT_B, "date": "2022-02-16"}, ensure_ascii=False) + "\n").encode("utf-16")),
    ("cp1252.lines", f"date 2022-02-16 „{TEXT_B}“ – Ende\n".encode("cp1252")),
    ("bom.json", b"\xef\xbb\xbf" + json.dumps([{"text": TEXT_B, "date": "2022-02-16"}], ensure_ascii=False).encode()),
])
def test_legacy_encodings_and_byte_order_marks_decode_to_the_same_text(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    summary, rows, rejects = run(tmp_path, path)
    assert not rejects and summary.added == 1
    assert TEXT_B in rows[0][2] and "\ufeff" not in rows[0][2] and "Ã" not in rows[0][2]
    assert rows[0][3] == "2022-02-16"
