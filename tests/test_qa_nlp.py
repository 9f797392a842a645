"""Acceptance regressions for sentence splitting and person names, found by QA on invented
articles; each runs the default pipeline up to the entity layer."""

import pytest

from chronik.doc import Document
from chronik.nlp.tokenize import tokenize
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    from chronik.nlp.ner import MODEL_PATH

    if not MODEL_PATH.is_file():
        pytest.skip(f"shipped NER model not built yet ({MODEL_PATH.name})")
    return Pipeline.default(layers=["tokens", "tags", "mentions", "entities"])


def _names(pipeline, text):
    doc = pipeline(Document(id="qa", text=text))
    return doc, [(m.text, m.label) for m in doc.mentions if m.kind == "name"]


def _sentences(text):
    _, sentences = tokenize(text)
    return [text[s.start:s.end] for s in sentences]


def test_single_letter_name_before_a_country_ends_the_sentence(pipeline):
    text = "Der Minister schrieb auf der Plattform X. Russland sei zu Gesprächen bereit, hieß es."
    assert _sentences(text) == ["Der Minister schrieb auf der Plattform X.",
                                "Russland sei zu Gesprächen bereit, hieß es."]
    _, names = _names(pipeline, text)
    assert ("Russland", "LOC") in names
    assert not any("Plattform" in n for n, _ in names)


def test_single_letter_after_common_noun_before_function_word_ends_the_sentence():
    assert _sentences("Sie nutzte Plattform X. Die Reaktion kam prompt.") == [
        "Sie nutzte Plattform X.", "Die Reaktion kam prompt."]


def test_middle_initials_and_spaced_abbreviations_stay_inside_the_sentence():
    for text in ("Joe R. Biden und George W. Bush trafen sich in Berlin.",
                 "Das steht z. B. bei Dr. A. Schmidt auf S. 5 im Bericht."):
        assert _sentences(text) == [text]


def test_genitive_name_is_cut_from_the_common_noun_it_owns(pipeline):
    _, names = _names(pipeline, "Selenskyjs Appell blieb ungehört.")
    assert ("Selenskyjs", "PER") in names
    assert not any("Appell" in n for n, _ in names)


def test_plural_common_noun_after_finite_verb_is_no_person(pipeline):
    _, names = _names(pipeline, "Der Kremlchef forderte Garantien.")
    assert not any(n == "Garantien" for n, _ in names)


def test_curated_foreign_minister_is_a_person_with_country(pipeline):
    doc, names = _names(pipeline, "Wang Yi traf am Dienstag in Peking seinen Amtskollegen.")
    assert ("Wang Yi", "PER") in names
    entity = next(e for e in doc.entities if e.name == "Wang Yi")
    assert (entity.label, entity.country, entity.sector) == ("PER", "CHN", "GOV")


@pytest.mark.parametrize("text, name", [
    ("Lula da Silva reiste am Montag nach Brasília.", "Lula da Silva"),
    ("Ursula von der Leyen und Wang Yi sprachen am Telefon.", "Ursula von der Leyen"),
])
def test_name_with_lowercase_particle_is_one_person(pipeline, text, name):
    doc, names = _names(pipeline, text)
    assert (name, "PER") in names
    last = name.split()[-1]
    assert not any(n == last for n, _ in names)
    persons = [e for e in doc.entities if e.label == "PER" and last in e.name]
    assert len(persons) == 1


def test_a_domain_name_is_one_token():
    tokens, sentences = tokenize("Wie Heise.de berichtet, stellt auch t-online.de um. Das ist z.B. gut.")
    words = [t.text for t in tokens]
    assert "Heise.de" in words and "t-online.de" in words and "z.B." in words
    assert len(sentences) == 2
