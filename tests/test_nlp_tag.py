"""POS tags, lemmas and finite-verb morphology: one invented news sentence per phenomenon."""

import time

import pytest

from chronik.doc import Document
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def tag():
    pipe = Pipeline(["tokenize.rules", "tag.default"])

    def run(text):
        doc = pipe(Document("t", text))
        return {t.text: t for t in doc.tokens}, doc

    return run


def feats(token):
    return dict(kv.split("=") for kv in token.morph.split("|") if kv)


def test_konjunktiv_one_in_reported_speech(tag):
    toks, _ = tag("Russland habe ein Telefonat vorgeschlagen, sagte ein Sprecher in Moskau.")
    habe = toks["habe"]
    assert habe.pos == "VAFIN" and habe.lemma == "haben"
    assert feats(habe)["Mood"] == "Sub" and feats(habe)["Tense"] == "Pres" and feats(habe)["Person"] == "3"
    assert toks["vorgeschlagen"].pos == "VVPP" and toks["vorgeschlagen"].lemma == "vorschlagen"
    assert feats(toks["sagte"])["Tense"] == "Past" and feats(toks["sagte"])["Mood"] == "Ind"


def test_first_person_habe_is_indicative(tag):
    toks, _ = tag("Ich habe das Abkommen nicht unterschrieben, erklärte der Minister.")
    assert feats(toks["habe"])["Mood"] == "Ind" and feats(toks["habe"])["Person"] == "1"


@pytest.mark.parametrize("form,lemma,tense", [
    ("sei", "sein", "Pres"), ("könne", "können", "Pres"), ("wolle", "wollen", "Pres"),
    ("solle", "sollen", "Pres"), ("werde", "werden", "Pres"), ("gebe", "geben", "Pres"),
    ("stehe", "stehen", "Pres"), ("hätten", "haben", "Past"), ("wäre", "sein", "Past"),
    ("würde", "werden", "Past"),
])
def test_konjunktiv_forms(tag, form, lemma, tense):
    sentences = {
        "sei": "Die Lage sei angespannt, hieß es in Kiew.",
        "könne": "Die Regierung könne die Preise nicht senken, sagte der Sprecher.",
        "wolle": "Moskau wolle keinen Krieg, betonte der Botschafter.",
        "solle": "Die Nato solle ihre Truppen abziehen, forderte der Kreml.",
        "werde": "Die Kommission werde am Freitag entscheiden, teilte Brüssel mit.",
        "gebe": "Es gebe keine Pläne für einen Angriff, sagte der Minister.",
        "stehe": "Das Land stehe an der Seite der Ukraine, sagte die Außenministerin.",
        "hätten": "Die Verbündeten hätten früher handeln müssen, kritisierte die Opposition.",
        "wäre": "Ein Einmarsch wäre ein schwerer Fehler, warnte der Präsident.",
        "würde": "Der Westen würde entschlossen reagieren, erklärte das Weiße Haus.",
    }
    toks, _ = tag(sentences[form])
    tok = toks[form]
    assert tok.pos in ("VAFIN", "VMFIN", "VVFIN")
    assert tok.lemma == lemma
    assert feats(tok)["Mood"] == "Sub" and feats(tok)["Tense"] == tense


def test_past_tense_of_regular_verb(tag):
    toks, _ = tag("Die beiden Präsidenten telefonierten am Samstag mehr als eine Stunde.")
    verb = toks["telefonierten"]
    assert verb.pos == "VVFIN" and verb.lemma == "telefonieren"
    assert feats(verb)["Tense"] == "Past" and feats(verb)["Number"] == "Plur"


def test_future_with_werden_and_infinitive(tag):
    toks, _ = tag("Biden und Putin werden am Freitag in Genf miteinander sprechen.")
    assert toks["werden"].pos == "VAFIN" and feats(toks["werden"])["Tense"] == "Pres"
    assert toks["sprechen"].pos == "VVINF" and toks["sprechen"].morph == "VerbForm=Inf"


def test_strong_past_and_separable_prefix(tag):
    toks, _ = tag("Der Kanzler schlug am Dienstag neue Gespräche vor.")
    assert toks["schlug"].pos == "VVFIN" and toks["schlug"].lemma == "schlagen"
    assert feats(toks["schlug"])["Tense"] == "Past"
    assert toks["vor"].pos == "PTKVZ"


def test_proper_noun_vs_common_noun(tag):
    toks, _ = tag("Der russische Präsident Putin empfing den Kanzler in Moskau.")
    assert toks["Putin"].pos == "NE" and toks["Moskau"].pos == "NE"
    assert toks["Präsident"].pos == "NN" and toks["Kanzler"].pos == "NN"


def test_closed_classes_and_numbers(tag):
    toks, _ = tag("Der Kanzler und seine Frau reisten mit 200 Journalisten in die neue Hauptstadt.")
    expected = {"Der": "ART", "und": "KON", "seine": "PPOSAT", "mit": "APPR", "200": "CARD",
                "neue": "ADJA", "Frau": "NN", ".": "$."}
    assert {w: toks[w].pos for w in expected} == expected
    assert toks["Journalisten"].lemma == "Journalist" and toks["neue"].lemma == "neu"


def test_personal_pronoun_comma_and_ordinal(tag):
    toks, _ = tag("Er kam am 20. Februar, sie folgte später.")
    assert toks["Er"].pos == "PPER" and toks["sie"].pos == "PPER"
    assert toks[","].pos == "$," and toks["20."].pos == "ADJA"


def test_lemmas_of_participles_and_adjectives(tag):
    toks, _ = tag("Die Regierung hat die russischen Forderungen scharf kritisiert und neue Sanktionen angekündigt.")
    assert toks["kritisiert"].pos == "VVPP" and toks["kritisiert"].lemma == "kritisieren"
    assert toks["angekündigt"].lemma == "ankündigen"
    assert toks["russischen"].lemma == "russisch"
    assert toks["Forderungen"].lemma == "Forderung"


def test_every_token_gets_a_tag_and_tokens_without_sentences_are_tagged():
    from chronik.nlp.tokenize import tokenize

    pipe = Pipeline(["tag.default"])
    doc = Document("t", "Scholz reist nach Paris")
    doc.tokens, _ = tokenize(doc.text)  # tokens but no sentences
    pipe(doc)
    assert all(t.pos for t in doc.tokens)


def test_empty_document(tag):
    toks, doc = tag("")
    assert doc.tokens == [] and doc.provenance["tags"][0] == "tag.default"


def test_model_loads_in_under_a_second():
    from chronik.nlp.tag import load_model

    load_model.cache_clear()
    start = time.perf_counter()
    model = load_model()
    assert time.perf_counter() - start < 1.0
    assert "VVFIN" in model.labels and "NE" in model.labels


@pytest.mark.shared_data
def test_gsd_projection_onto_own_tokens(shared_data):
    from chronik.nlp.tagger_train import project, read_conllu

    sentences = read_conllu(shared_data / "ud-german-gsd" / "de_gsd-ud-dev.conllu")
    assert len(sentences) > 700
    examples = [project(text, gold) for text, gold in sentences[:300]]
    tags = {t for ex in examples for t in ex.tags}
    assert {"APPRART", "VVFIN", "NE", "NN", "ADJA"} <= tags
    assert all(len(ex.words) == len(ex.tags) == len(ex.lemmas) for ex in examples)


def test_batched_decoder_matches_reference_viterbi_for_mixed_lengths():
    import numpy as np

    from chronik.nlp.tagger_model import TaggerModel

    rng = np.random.default_rng(7)
    n_labels = 6
    model = TaggerModel([f"T{i}" for i in range(n_labels)], ["bias"],
                        np.zeros((1, n_labels), dtype=np.float32),
                        rng.normal(size=(n_labels, n_labels)).astype(np.float32))
    scores = [rng.normal(size=(n, n_labels)).astype(np.float32) for n in (1, 5, 2, 9, 3)]

    def reference(s):
        delta, back = s[0].copy(), []
        for t in range(1, len(s)):
            cand = delta[:, None] + model.transitions
            back.append(cand.argmax(0))
            delta = cand.max(0) + s[t]
        path = [int(delta.argmax())]
        for bp in reversed(back):
            path.append(int(bp[path[-1]]))
        return path[::-1]

    decoded = model._decode(scores, beam=n_labels)
    assert [list(map(int, p)) for p in decoded] == [reference(s) for s in scores]
