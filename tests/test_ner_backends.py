"""Pluggable NER backends run through their real loading code on tiny models built here
(no network); skipped where spaCy / transformers+torch are not installed."""

import random
import re

import pytest

from chronik.doc import Document, Sentence, Token
from chronik.nlp.ner_hf import normalise_label
from chronik.pipeline import REGISTRY, load_builtins

TRAIN = [
    ("Anna Berger besuchte Hamburg .", [(0, 11, "PERSON"), (21, 28, "GPE")]),
    ("Jonas Keller reiste nach Bremen .", [(0, 12, "PERSON"), (25, 31, "GPE")]),
    ("In Hamburg sprach Anna Berger .", [(3, 10, "GPE"), (18, 29, "PERSON")]),
    ("Jonas Keller lobte Bremen .", [(0, 12, "PERSON"), (19, 25, "GPE")]),
]


def document(text: str) -> Document:
    doc = Document(id="t", text=text)
    doc.tokens = [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|\S", text)]
    doc.sentences = [Sentence(0, len(text), 0, len(doc.tokens))]
    return doc


def test_hf_label_normalisation():
    assert [normalise_label(x) for x in ("B-PER", "I-OTH", "B-LOCderiv", "B-DATE", "O", "PER")] == \
        ["B-PER", "I-MISC", "O", "O", "O", "O"]


def test_backends_are_registered_without_their_libraries():
    load_builtins()
    assert REGISTRY["ner.spacy"].layer == "mentions" and REGISTRY["ner.hf"].layer == "mentions"


def test_spacy_backend_needs_a_model_name():
    load_builtins()
    with pytest.raises((ValueError, ImportError)):
        REGISTRY["ner.spacy"].factory({})


def test_spacy_backend_with_tiny_trained_pipeline(tmp_path):
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
    nlp.to_disk(tmp_path / "tiny_de")

    load_builtins()
    annotate = REGISTRY["ner.spacy"].factory({"model": str(tmp_path / "tiny_de")})
    doc = annotate(document("Anna Berger besuchte Hamburg ."))
    got = [(m.text, m.label, m.attrs["source_label"]) for m in doc.mentions]
    assert got == [("Anna Berger", "PER", "PERSON"), ("Hamburg", "LOC", "GPE")]
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)


def test_spacy_backend_missing_pipeline_is_clear(tmp_path):
    pytest.importorskip("spacy")
    load_builtins()
    with pytest.raises(ValueError, match="cannot load"):
        REGISTRY["ner.spacy"].factory({"model": str(tmp_path / "nothing")})


def test_hf_backend_with_tiny_random_model(tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

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
    # A random model whose classifier always says B-LOC: the test then checks the alignment
    # (one label per word from its first subword, "Hamburg" = ham ##burg), not random output.
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([0.0, 0.0, 0.0, 1.0, 0.0]))
    model.save_pretrained(tmp_path / "tiny_hf")
    tok.save_pretrained(tmp_path / "tiny_hf")

    load_builtins()
    annotate = REGISTRY["ner.hf"].factory({"model": str(tmp_path / "tiny_hf")})
    doc = annotate(document("Anna Berger besuchte Hamburg ."))
    assert [(m.start, m.end, m.label) for m in doc.mentions] == [(t.start, t.end, "LOC") for t in doc.tokens]
    assert [m.text for m in doc.mentions][3] == "Hamburg"


def test_hf_backend_missing_directory_is_clear(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    load_builtins()
    with pytest.raises(ValueError, match="not found"):
        REGISTRY["ner.hf"].factory({"model": str(tmp_path / "nothing")})
