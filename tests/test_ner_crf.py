"""The CRF component: training (tiny model on invented sentences), loading, offsets, and
`chronik eval ner` / `chronik train ner` end to end on small files."""

import json
import re

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.doc import Document, Sentence, Token
from chronik.nlp.ner import MODEL_PATH, load_crf
from chronik.nlp.train import train_model
from chronik.pipeline import REGISTRY, load_builtins

TRAIN = [
    ("Kanzlerin Anna Berger besuchte am Montag Hamburg .", "O B-PER I-PER O O O B-LOC O"),
    ("Der Konzern Nordwerk baut in Bremen ein Werk .", "O O B-ORG O O B-LOC O O O"),
    ("Minister Jonas Keller kritisierte die Firma Nordwerk .", "O B-PER I-PER O O O B-ORG O"),
    ("In Hamburg sprach Anna Berger über das Festival Klangwelt .", "O B-LOC O B-PER I-PER O O O B-MISC O"),
    ("Jonas Keller reiste nach Bremen .", "B-PER I-PER O O B-LOC O"),
    ("Nordwerk meldete Gewinne in Hamburg .", "B-ORG O O O B-LOC O"),
]
SENTENCES = [(s.split(), t.split()) for s, t in TRAIN]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("ner") / "tiny.crfsuite"
    return train_model(SENTENCES * 3, path, {"max_iterations": 50})


def document(text: str) -> Document:
    doc = Document(id="t", text=text)
    doc.tokens = [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+(?:-\w+)*|\S", text)]
    doc.sentences = [Sentence(0, len(text), 0, len(doc.tokens))]
    return doc


def test_tiny_model_tags_with_exact_offsets(tiny_model):
    load_builtins()
    annotate = REGISTRY["ner.crf"].factory({"model": str(tiny_model), "rules": False})
    doc = annotate(document("Anna Berger besuchte   Bremen ."))
    got = [(m.text, m.label, m.kind) for m in doc.mentions]
    assert got == [("Anna Berger", "PER", "name"), ("Bremen", "LOC", "name")]
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
        assert 0.0 < m.score <= 1.0  # CRF marginal of the weakest token


def test_rule_layer_runs_on_top_of_the_model(tiny_model):
    load_builtins()
    annotate = REGISTRY["ner.crf"].factory({"model": str(tiny_model)})
    doc = annotate(document("Anna Berger kritisierte die russischen Pläne ."))
    demonyms = [(m.text, m.attrs["country"]) for m in doc.mentions if m.kind == "demonym"]
    assert demonyms == [("russischen", "RUS")]


def test_model_from_other_feature_version_is_refused(tiny_model, tmp_path):
    copy = tmp_path / "old.crfsuite"
    copy.write_bytes(tiny_model.read_bytes())
    copy.with_suffix(".json").write_text(json.dumps({"feature_version": "0"}))
    with pytest.raises(ValueError, match="feature version"):
        load_crf(copy)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="chronik train ner"):
        load_crf(tmp_path / "none.crfsuite")


def test_empty_document_gives_no_mentions(tiny_model):
    load_builtins()
    annotate = REGISTRY["ner.crf"].factory({"model": str(tiny_model)})
    assert annotate(Document(id="e", text="")).mentions == []


def germeval_file(path, sentences):
    lines = []
    for toks, tags in sentences:
        lines.append("#\thttp://example.org\t[2022-01-01]")
        lines.extend(f"{i}\t{w}\t{t}\tO" for i, (w, t) in enumerate(zip(toks, tags), 1))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_cli_scores_the_training_sentences(tiny_model, tmp_path):
    gold = germeval_file(tmp_path / "gold.tsv", SENTENCES)
    result = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--ner", f"ner.crf:{tiny_model}", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "germeval"
    assert report["overall"]["gold"] == 13
    assert report["overall"]["f1"] > 0.9  # a CRF fits its own training data


def test_eval_cli_unknown_component_is_an_error(tmp_path):
    gold = germeval_file(tmp_path / "gold.tsv", SENTENCES[:1])
    result = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--ner", "ner.nonexistent"])
    assert result.exit_code == 2
    assert "unknown NER component" in result.output


@pytest.mark.skipif(not MODEL_PATH.is_file(), reason="shipped model not trained yet")
def test_shipped_model_on_invented_news():
    load_builtins()
    annotate = REGISTRY["ner.crf"].factory({})
    doc = annotate(document("Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen "
                            "Präsidenten Emmanuel Macron ."))
    names = {(m.text, m.label) for m in doc.mentions if m.kind == "name"}
    assert {("Olaf Scholz", "PER"), ("Berlin", "LOC"), ("Emmanuel Macron", "PER")} <= names
    assert [(m.text, m.attrs["country"]) for m in doc.mentions if m.kind == "demonym"] == [("französischen", "FRA")]


@pytest.mark.shared_data
def test_train_reads_all_allowed_sets(shared_data):
    from chronik.nlp.train import load_domain_sets, load_germeval

    germeval = load_germeval(shared_data)
    assert len(germeval) == 2200
    assert sum(len(t) for t, _ in germeval) > 40_000
    assert not {t for _, tags in germeval for t in tags} - {"O", "B-PER", "I-PER", "B-LOC", "I-LOC",
                                                              "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
    domain = load_domain_sets(shared_data)
    labels = {t[2:] for _, tags in domain for t in tags if t != "O"}
    assert labels == {"PER", "LOC", "ORG"}


def test_eval_cli_reads_conll_and_applies_map(tiny_model, tmp_path):
    gold = tmp_path / "gold.conll"
    rows = ["-DOCSTART- -X- O O", ""]
    for toks, tags in SENTENCES:
        rows += [f"{w} NE I-NE {t.replace('MISC', 'OTH')}" for w, t in zip(toks, tags)] + [""]
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--ner", f"ner.crf:{tiny_model}",
                                      "--map", "OTH=MISC", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "conll"
    assert report["per_type"]["MISC"]["gold"] == 1


def test_features_use_pos_tags_and_word_frequency():
    from chronik.nlp.ner_features import sentence_features

    words = ["Die", "Regierung", "lobte", "Wrzlbrnft", "."]
    feats = sentence_features(words, None, ["ART", "NN", "VVFIN", "NE", "$."])
    assert "pos=NN" in feats[1] and "pos=NE" in feats[3] and "-1pos=VVFIN" in feats[3]
    # "Regierung" is a frequent German word, the invented surname is not in the list at all.
    [frequent] = [f for f in feats[1] if f.startswith("czf=")]
    assert frequent != "czf=r" and int(frequent[4:]) < 8
    assert "czf=r" in feats[3] and "-1zf=r" in feats[4]
    assert not any(f.startswith("pos") for f in sentence_features(words, None, None)[1])


@pytest.mark.skipif(not MODEL_PATH.is_file(), reason="shipped model not trained yet")
def test_pos_from_tagger_layer_or_computed_gives_same_mentions():
    load_builtins()
    tag = REGISTRY["tag.default"].factory({})
    ner = REGISTRY["ner.crf"].factory({})
    text = "Der Vorstand von Siemens traf in München den Bürgermeister Dieter Reiter ."
    tagged = ner(tag(document(text)))
    assert all(t.pos for t in tagged.tokens)
    untagged = ner(document(text))
    assert not any(t.pos for t in untagged.tokens)
    got = [(m.start, m.end, m.label, m.kind) for m in tagged.mentions]
    assert got == [(m.start, m.end, m.label, m.kind) for m in untagged.mentions]
    assert ("München", "LOC") in {(m.text, m.label) for m in tagged.mentions}
