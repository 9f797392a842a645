"""`chronik train ner` end to end on a tiny invented data directory laid out like ../shared/data:
reproducible model files, cross-validation output, the MobIE/SmartData label mapping."""

import gzip
import hashlib
import json

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.nlp.train import drop_lowercase_mentions, load_domain_sets

GERMEVAL = [
    ("Kanzlerin Anna Berger besuchte am Montag Hamburg .", "O B-PER I-PER O O O B-LOC O"),
    ("Der Konzern Nordwerk baut in Bremen ein Werk .", "O O B-ORG O O B-LOC O O O"),
    ("Minister Jonas Keller kritisierte die Firma Nordwerk .", "O B-PER I-PER O O O B-ORG O"),
    ("In Hamburg sprach Anna Berger über das Festival Klangwelt .", "O B-LOC O B-PER I-PER O O O B-OTH O"),
    ("Jonas Keller reiste nach Bremen .", "B-PER I-PER O O B-LOC O"),
    ("Die hamburgischen Behörden warnten vor Nordwerk .", "O B-LOCderiv O O O B-ORG O"),
]
MOBIE = [
    ("Auf der A7 bei Hamburg staut es sich .", "O O B-location-route O B-location-city O O O O"),
    ("Die Bahn meldet Ausfälle in Bremen .", "O B-organization-company O O O B-location-city O"),
    ("Laut Jonas Keller fahren die beiden Richtungen wieder .",
     "O B-person I-person O O B-location I-location O O"),
]
SMARTDATA = {"text": {"string": "Nordwerk eröffnet ein Werk in Bremen. Anna Berger leitet es."},
             "conceptMentions": {"array": [
                 {"span": {"start": 0, "end": 8}, "type": "organization-company"},
                 {"span": {"start": 30, "end": 36}, "type": "location-city"},
                 {"span": {"start": 38, "end": 49}, "type": "person"}]}}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared")
    (root / "germeval2014").mkdir()
    rows = []
    for k in range(3):  # repeated so that every CV fold has training data of each type
        for sent, tags in GERMEVAL:
            rows.append(f"#\thttp://example.org/{k}\t[2022-01-01]")
            rows += [f"{i}\t{w}\t{t}\tO" for i, (w, t) in enumerate(zip(sent.split(), tags.split()), 1)]
            rows.append("")
    (root / "germeval2014" / "NER-de-dev.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "mobie").mkdir()
    conll = ["-DOCSTART- O", ""]
    for sent, tags in MOBIE:
        conll += [f"{w}\t{t}" for w, t in zip(sent.split(), tags.split())] + [""]
    for split in ("train", "dev", "test"):
        (root / "mobie" / f"{split}.conll2003").write_text("\n".join(conll) + "\n", encoding="utf-8")
    (root / "smartdata").mkdir()
    for split in ("train", "test"):
        with gzip.open(root / "smartdata" / f"{split}.json.gz", "wt", encoding="utf-8") as fh:
            fh.write(json.dumps(SMARTDATA, ensure_ascii=False))
    return root


def train(data_dir, *args):
    result = CliRunner().invoke(app, ["train", "ner", "--data", str(data_dir), "--max-iter", "30", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_domain_sets_are_mapped_to_coarse_types(data_dir):
    sents = load_domain_sets(data_dir)
    by_text = {" ".join(t): tags for t, tags in sents}
    # location-route is not a GermEval-style name type; lowercase "beiden Richtungen" is dropped.
    assert by_text["Auf der A7 bei Hamburg staut es sich ."] == ["O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"]
    assert by_text["Laut Jonas Keller fahren die beiden Richtungen wieder ."][1:7] == \
        ["B-PER", "I-PER", "O", "O", "O", "O"]
    assert by_text["Nordwerk eröffnet ein Werk in Bremen ."] == ["B-ORG", "O", "O", "O", "O", "B-LOC", "O"]


def test_lowercase_mentions_are_dropped_but_hashtags_kept():
    tokens = ["#Hamburg", "und", "italienische", "Städte"]
    assert drop_lowercase_mentions((tokens, ["B-LOC", "O", "B-LOC", "I-LOC"]))[1] == ["B-LOC", "O", "O", "O"]


@pytest.mark.parametrize("extra, counts", [((), [18]), (("--with-domain",), [18, 13])])
def test_same_seed_gives_identical_model_file(data_dir, tmp_path, extra, counts):
    first, second = tmp_path / "a" / "m.crfsuite", tmp_path / "b" / "m.crfsuite"
    train(data_dir, "--output", first, *extra)
    train(data_dir, "--output", second, *extra)
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    assert digest[0] == digest[1]
    meta = json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["seed"] == 13 and meta["params"]["max_iterations"] == 30
    # GermEval sentences; with --with-domain also MobIE 3 splits x 3 + SmartData 2 x 2.
    assert list(meta["data"].values()) == counts
    assert len(meta["tagger_model_sha256"]) == 64


def test_cross_validation_reports_every_fold_and_pooled_scores(data_dir):
    result = train(data_dir, "--cv", "3", "--with-domain", "--without-germeval", "--json")
    report = json.loads(result.stdout)
    settings = [r["setting"] for r in report]
    assert settings[0].startswith("MobIE+SmartData only")
    assert [s.split(" (")[0] for s in settings[1:4]] == ["cv fold 1/3", "cv fold 2/3", "cv fold 3/3"]
    pooled = report[4]
    assert pooled["setting"] == "cv pooled over 3 folds (seed 13)"
    # Every GermEval sentence is held out exactly once: pooled gold = all 3 x 12 mentions
    # (the LOCderiv is O under the default map).
    assert pooled["overall"]["gold"] == 3 * 12
    assert sum(r["overall"]["gold"] for r in report[1:4]) == pooled["overall"]["gold"]
    assert pooled["crf_only"]["overall"]["gold"] == pooled["overall"]["gold"]


def test_missing_data_directory_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["train", "ner", "--data", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "shared data not found" in result.output


def test_model_without_germeval_is_written_with_its_card_and_scored_by_eval(data_dir, tmp_path):
    model = tmp_path / "nog.crfsuite"
    result = train(data_dir, "--without-germeval", "--output", model, "--json")
    [trained] = json.loads(result.stdout)
    meta = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert [k.split(" ")[0] for k in meta["data"]] == ["MobIE"]
    gold = data_dir / "germeval2014" / "NER-de-dev.tsv"
    evaluated = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--ner", f"crf:{model}", "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.stdout)["overall"] == trained["overall"]
