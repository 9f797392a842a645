"""`chronik eval quotes`: the SpkAtt reader and token-level scorer."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.eval.quotes import Scores, evaluate, score_article, select_split
from chronik.eval.spkatt import read_article


def _write(path, sentences, annotations):
    path.write_text(json.dumps({
        "DocumentName": "Test (2022-02-14)",
        "Sentences": [{"SentenceId": i, "Tokens": t} for i, t in enumerate(sentences)],
        "Annotations": annotations,
    }, ensure_ascii=False), encoding="utf-8")


def _ann(form, cue, source, message, nested=False):
    return {"Addr": [], "Cue": cue, "Form": form, "Frame": [], "HasNested": False, "IsNested": nested,
            "Message": message, "STWR": "Speech", "Source": source}


SENTENCES = [["Der", "Minister", "sagte", ",", "die", "Lage", "sei", "ernst", "."],
             ["Das", "Wetter", "war", "gut", "."]]


def test_reader_keeps_gold_tokens_and_offsets(tmp_path):
    p = tmp_path / "1 - Test (2022-02-14).json"
    _write(p, SENTENCES, [_ann("Indirect", ["0:2"], ["0:0", "0:1"], ["0:4", "0:5", "0:6", "0:7"])])
    art = read_article(p)
    assert [t.text for t in art.doc.tokens][:3] == ["Der", "Minister", "sagte"]
    assert all(art.doc.text[t.start:t.end] == t.text for t in art.doc.tokens)
    assert art.quotes[0].roles["Source"] == {0, 1}
    assert art.doc.tokens[9].text == "Das" and str(art.doc.date.day) == "2022-02-14"


def test_scores_perfect_prediction_and_ignores_nested(tmp_path):
    p = tmp_path / "2 - Test.json"
    _write(p, SENTENCES, [_ann("Indirect", ["0:2"], ["0:0", "0:1"], ["0:4", "0:5", "0:6", "0:7"]),
                          _ann("Direct", [], [], ["1:0"], nested=True)])
    scores, _ = evaluate([p])
    for role in ("Cue", "Source", "Message"):
        assert scores.roles[role].as_dict()["f1"] == 1.0, role
    assert scores.forms["Indirect"].as_dict()["f1"] == 1.0
    assert scores.roles["Message"].fn == 0


def test_wrong_form_counts_against_that_form(tmp_path):
    p = tmp_path / "3.json"
    _write(p, SENTENCES, [_ann("Reported", [], ["0:0", "0:1"], ["0:4", "0:5", "0:6", "0:7"])])
    art = read_article(p)
    scores = Scores()
    score_article(art, [("Indirect", {"Cue": set(), "Source": {0, 1}, "Message": {4, 5, 6, 7}, "Addr": set()})], scores)
    assert scores.roles["Message"].as_dict()["f1"] == 1.0
    assert scores.forms["Reported"].as_dict()["recall"] == 0.0


def test_bad_file_is_one_error_and_the_run_continues(tmp_path):
    good = tmp_path / "a.json"
    _write(good, SENTENCES, [])
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):])
    assert data["documents"] == 1 and data["errors"] == 1


def test_articles_in_subdirectories_are_read_and_each_bad_file_named(tmp_path):
    _write(tmp_path / "a.json", SENTENCES, [])
    (tmp_path / "part2").mkdir()
    _write(tmp_path / "part2" / "c.json", SENTENCES, [])
    (tmp_path / "part2" / "d.json").write_text("{}", encoding="utf-8")
    (tmp_path / "e.json").write_bytes(b"\xff\xfe{")
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):])
    assert data["documents"] == 2 and data["errors"] == 2
    assert "d.json: not SpkAtt JSON (no key 'Sentences')" in result.stderr
    assert "e.json: not SpkAtt JSON" in result.stderr


def test_split_is_every_fifth_file():
    paths = [f"{i}.json" for i in range(10)]
    assert select_split(paths, "heldout") == ["4.json", "9.json"]
    assert len(select_split(paths, "dev")) == 8


@pytest.mark.shared_data
def test_spkatt_dev_figures_stay_above_floor(shared_data):
    from chronik.eval.spkatt import article_paths

    paths = select_split(article_paths(shared_data / "spkatt" / "train"), "heldout")[:40]
    scores, _ = evaluate(paths)
    assert scores.roles["Message"].as_dict()["f1"] > 0.55
    assert scores.roles["Cue"].as_dict()["precision"] > 0.7
