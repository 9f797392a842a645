"""`chronik eval timex`: gold readers (TimeML, JSONL) and TempEval-3 style scoring."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from chronik.cli import app
from chronik.eval.timex import GoldDoc, GoldTimex, parse_tml, read_gold, score

DATA = Path(__file__).parent / "data" / "timex"

TML = """<?xml version="1.0"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02" functionInDocument="CREATION_TIME">Februar 2022</TIMEX3></DCT>
<TEXT>
Die Ministerin reist am <TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-1">Montag</TIMEX3> nach Paris &amp; Rom.
<EVENT eid="e1">Verhandelt</EVENT> wird <TIMEX3 tid="t2" type="DURATION" value="P2D">zwei Tage</TIMEX3> lang.
</TEXT>
</TimeML>"""


def test_parse_tml_offsets_dct_and_entities():
    doc = parse_tml(TML, "x")
    assert doc.dct == "2022-02"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Montag", "zwei Tage"]
    assert "Paris & Rom" in doc.text and "<EVENT" not in doc.text
    assert [(t.type, t.value) for t in doc.timexes] == [("DATE", "XXXX-WXX-1"), ("DURATION", "P2D")]


def test_dev_gold_is_the_same_in_both_formats():
    jsonl = {d.id: d for d in read_gold(DATA / "news_dev.jsonl")}
    tml = {d.id.split("#")[0]: d for d in read_gold(DATA / "dev")}
    assert len(jsonl) == len(tml) >= 30
    assert sum(len(d.timexes) for d in jsonl.values()) >= 150
    for key, d in jsonl.items():
        other = tml[key]
        assert (d.text, d.dct) == (other.text, other.dct)
        assert [(t.start, t.end, t.type, t.value) for t in d.timexes] == \
               [(t.start, t.end, t.type, t.value) for t in other.timexes]
    granularities = {len(d.dct) for d in jsonl.values()}
    assert granularities == {7, 10}  # month and day DCTs


def test_score_strict_relaxed_type_and_value():
    gold = [GoldDoc("a", "x" * 40, "2022-02-11", [GoldTimex(0, 5, "DATE", "2022-02-12"),
                                                  GoldTimex(10, 15, "DURATION", "P2D"),
                                                  GoldTimex(20, 25, "DATE", "2022")])]
    system = [GoldTimex(0, 5, "DATE", "2022-02-12"),      # exact
              GoldTimex(9, 15, "DURATION", "P3D"),        # relaxed span, wrong value
              GoldTimex(30, 33, "SET", "P1W")]            # spurious
    r = score(gold, lambda d: system)
    assert r["strict"]["p"] == 1 / 3 and r["strict"]["r"] == 1 / 3
    assert r["relaxed"]["p"] == 2 / 3 and r["relaxed"]["r"] == 2 / 3
    assert r["type_accuracy"] == 1.0 and r["value_accuracy"] == 0.5
    assert abs(r["value_f1"]["f1"] - 1 / 3) < 1e-9


def test_bad_records_are_reported_and_skipped(tmp_path, capsys):
    f = tmp_path / "g.jsonl"
    good = {"text": "Am Montag.", "dct": "2022-02-11", "timexes": [{"start": 3, "end": 9, "type": "DATE", "value": "2022-02-14"}]}
    f.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({**good, "timexes": [{"start": 3, "end": 99}]}) + "\n")
    docs = read_gold(f)
    assert len(docs) == 1
    err = capsys.readouterr().err
    assert "g.jsonl:2: skipped" in err and "g.jsonl:3: skipped" in err


def test_cli_eval_timex_json_on_both_formats():
    runner = CliRunner()
    out = {}
    for fmt, path in (("jsonl", DATA / "news_dev.jsonl"), ("tml", DATA / "dev")):
        res = runner.invoke(app, ["eval", "timex", "--gold", str(path), "--format", fmt, "--json"])
        assert res.exit_code == 0, res.output
        out[fmt] = json.loads(res.stdout)
    assert out["jsonl"]["gold"] == out["tml"]["gold"] >= 150
    assert out["jsonl"]["value_f1"] == out["tml"]["value_f1"]
    assert out["jsonl"]["relaxed"]["f1"] > 0.9


def test_cli_eval_timex_rejects_missing_file():
    res = CliRunner().invoke(app, ["eval", "timex", "--gold", "/nonexistent/gold.tml"])
    assert res.exit_code == 2
