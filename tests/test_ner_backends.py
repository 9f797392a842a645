"""Pluggable NER backends run through their real loading code and the CLI ``--ner`` option on
tiny models built here (no network).  spaCy is in the ``test`` extra; the Hugging Face tests
skip, saying so, where transformers + torch (the optional ``hf`` extra) are not installed."""

import json
import random
import re

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.doc import Document, Sentence, Token
from chronik.nlp.ner_hf import normalise_label
from chronik.pipeline import REGISTRY, load_builtins

TRAIN = [
    ("Anna Berger besuchte Hamburg .", [(0, 11, "PERSON"), (21, 28, "GPE")]),
    ("Jonas Keller reiste nach Bremen .", [(0, 12, "PERSON"), (25, 31, "GPE")]),
    ("In Hamburg sprach Anna Berger .", [(3, 10, "GPE"), (18, 29, "PERSON")]),
    ("Jonas Keller lobte Bremen .", [(0, 12, "PERSON"), (19, 25, "GPE")]),
]
SENTENCE = "Anna Berger besuchte Hamburg."
# Long enough for the ingest language check; only the first sentence is checked exactly.
ARTICLE = (SENTENCE + " Die Stadt an der Elbe erwartet in diesem Sommer wieder viele Gäste aus dem ganzen Land, "
           "sagte ein Sprecher des Senats am Montag.")
HF_REASON = "transformers + torch not installed (optional extra: pip install 'chronik[hf]')"


def document(text: str) -> Document:
    doc = Document(id="t", text=text)
    doc.tokens = [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|\S", text)]
    doc.sentences = [Sentence(0, len(text), 0, len(doc.tokens))]
    return doc


def germeval_gold(path, rows):
    lines = ["#\thttp://example.org\t[2022-01-01]"]
    lines += [f"{i}\t{w}\t{t}\tO" for i, (w, t) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def run_cli_with_ner(tmp_path, ner: str) -> list[tuple]:
    """`chronik run ARTICLE --ner NER` into a fresh store; the stored name mentions."""
    import duckdb

    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": ARTICLE, "date": "2022-02-17", "source": "Testblatt"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(app, ["run", str(article), "--db", str(db), "--ner", ner, "--quiet", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["analyse"]["analysed"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT text, label, component FROM mentions WHERE kind = 'name' "
                           "AND end_char <= ? ORDER BY start_char", [len(SENTENCE)]).fetchall()


def test_hf_label_normalisation():
    assert [normalise_label(x) for x in ("B-PER", "I-OTH", "B-LOCderiv", "B-DATE", "O", "PER")] == \
        ["B-PER", "I-MISC", "O", "O", "O", "O"]


def test_backends_are_registered_without_their_libraries():
    load_builtins()
    assert REGISTRY["ner.spacy"].layer == "mentions" and REGISTRY["ner.hf"].layer == "mentions"


def test_spacy_backend_needs_a_model_name():
    load_builtins()
    with pytest.raises(ValueError, match="needs"):
        REGISTRY["ner.spacy"].factory({})


# ---------------------------------------------------------------- spaCy

@pytest.fixture(scope="module")
def tiny_spacy(tmp_path_factory):
    """A blank German spaCy pipeline with an NER trained for a few steps on four sentences."""
    spacy = pytest.importorskip("spacy")
    from spacy.training import Example

    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for _, ents in TRAIN:
        for *_, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    random.seed(0)
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("spacy") / "tiny_de"
    nlp.to_disk(path)
    return path


def test_spacy_backend_with_tiny_trained_pipeline(tiny_spacy):
    load_builtins()
    annotate = REGISTRY["ner.spacy"].factory({"model": str(tiny_spacy)})
    doc = annotate(document(SENTENCE))
    got = [(m.text, m.label, m.attrs["source_label"]) for m in doc.mentions]
    assert got == [("Anna Berger", "PER", "PERSON"), ("Hamburg", "LOC", "GPE")]
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)


@pytest.mark.parametrize("name", ["ner.spacy", "spacy"])
def test_spacy_backend_in_eval_cli(tiny_spacy, tmp_path, name):
    gold = germeval_gold(tmp_path / "g.tsv", [("Anna", "B-PER"), ("Berger", "I-PER"), ("besuchte", "O"),
                                             ("Hamburg", "B-LOC"), (".", "O")])
    result = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--ner", f"{name}:{tiny_spacy}",
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ner"] == f"{name}:{tiny_spacy}"
    assert report["overall"]["correct"] == 2 and report["overall"]["f1"] == 1.0


def test_spacy_backend_in_run_cli(tiny_spacy, tmp_path):
    assert run_cli_with_ner(tmp_path, f"spacy:{tiny_spacy}") == [
        ("Anna Berger", "PER", "ner.spacy"), ("Hamburg", "LOC", "ner.spacy")]


def test_spacy_backend_missing_pipeline_is_clear(tmp_path):
    pytest.importorskip("spacy")
    load_builtins()
    with pytest.raises(ValueError, match="cannot load"):
        REGISTRY["ner.spacy"].factory({"model": str(tmp_path / "nothing")})


def test_run_cli_with_missing_spacy_pipeline_fails_cleanly(tmp_path):
    pytest.importorskip("spacy")
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": ARTICLE, "date": "2022-02-17"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(article), "--db", str(tmp_path / "t.duckdb"),
                                      "--ner", f"spacy:{tmp_path / 'nothing'}", "--quiet"])
    assert result.exit_code != 0
    assert "cannot load spaCy pipeline" in result.output


# ---------------------------------------------------------------- Hugging Face

@pytest.fixture(scope="module")
def tiny_hf(tmp_path_factory):
    """A random one-layer BertForTokenClassification + WordPiece fast tokenizer, saved to disk.
    Its classifier always says B-LOC, so the tests check subword→word alignment and offsets,
    not random output ("Hamburg" = ham ##burg gets one label, from its first subword)."""
    try:
        import torch
        import transformers
        from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    except ImportError:
        pytest.skip(HF_REASON)

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "anna", "berger", "besuchte", "ham", "##burg", "."]
    vocab = {w: i for i, w in enumerate(words)}
    backend = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    backend.normalizer = normalizers.BertNormalizer(lowercase=True)
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    tok = transformers.PreTrainedTokenizerFast(
        tokenizer_object=backend, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]")
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    config = transformers.BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=32, num_labels=len(labels),
                                     id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([0.0, 0.0, 0.0, 1.0, 0.0]))
    path = tmp_path_factory.mktemp("hf") / "tiny_hf"
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return path


def test_hf_backend_with_tiny_random_model(tiny_hf):
    load_builtins()
    annotate = REGISTRY["ner.hf"].factory({"model": str(tiny_hf)})
    doc = annotate(document(SENTENCE))
    assert [(m.start, m.end, m.label) for m in doc.mentions] == [(t.start, t.end, "LOC") for t in doc.tokens]
    assert [m.text for m in doc.mentions][3] == "Hamburg"


def test_hf_backend_in_run_cli(tiny_hf, tmp_path):
    stored = run_cli_with_ner(tmp_path, f"hf:{tiny_hf}")
    assert [t for t, *_ in stored] == ["Anna", "Berger", "besuchte", "Hamburg", "."]
    assert {(label, comp) for _, label, comp in stored} == {("LOC", "ner.hf")}


def test_hf_backend_missing_directory_is_clear(tmp_path):
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        pytest.skip(HF_REASON)
    load_builtins()
    with pytest.raises(ValueError, match="not found"):
        REGISTRY["ner.hf"].factory({"model": str(tmp_path / "nothing")})
