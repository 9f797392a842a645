"""Acceptance regressions for entity consolidation found by QA on invented articles."""

from datetime import date

import pytest

from chronik.doc import Document
from chronik.pipeline import Pipeline
from chronik.runner import analyse
from chronik.store import Store

ARTICLES = [
    ("q1", date(2022, 2, 7), "Außenministerin Annalena Baerbock ist am Montag nach Kiew gereist. "
     "Baerbocks Besuch war der zweite innerhalb weniger Wochen."),
    ("q2", date(2022, 2, 9), "Die Außenministerin begrüßte am Mittwoch die Gespräche in Moskau."),
    ("q3", date(2019, 5, 3), "Die Außenministerin äußerte sich am Freitag nicht zu den Berichten."),
]


def test_bare_countryless_office_resolves_to_the_holder_titled_the_same_way(tmp_path):
    from chronik.nlp.ner import MODEL_PATH

    if not MODEL_PATH.is_file():
        pytest.skip(f"shipped NER model not built yet ({MODEL_PATH.name})")
    with Store(tmp_path / "q.duckdb") as store:
        store.insert_documents([
            {"id": i, "text_hash": i, "text": t, "status": "ok", "lang": "de", "source": "test",
             "date_value": d.isoformat(), "date_granularity": "day", "date_earliest": d, "date_latest": d}
            for i, d, t in ARTICLES])
        assert analyse(store, Pipeline.default()).failed == 0
        holder = dict(store.con.execute(
            "SELECT m.doc_id, e.name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
            "WHERE m.kind = 'role'").fetchall())
        # q3 lies outside the window around Baerbock's attestation: it names no one
        assert holder == {"q1": "Annalena Baerbock", "q2": "Annalena Baerbock", "q3": None}
        assert store.con.execute("SELECT count(*) FROM entities WHERE name LIKE 'Außenminister%'"
                                 ).fetchone() == (0,)


def test_role_noun_tagged_into_a_name_is_split_off():
    from chronik.doc import Document, Mention
    from chronik.nlp.entities import DocumentConsolidator

    text = "Bundesaußenministerin Baerbock traf am Donnerstag in Berlin ihren Amtskollegen."
    doc = Document(id="b", text=text)
    # the NER's span as the shipped model gives it: role noun and surname as one name
    doc.mentions = [Mention(0, 30, text[0:30], "PER"), Mention(52, 58, "Berlin", "LOC")]
    doc = DocumentConsolidator()(doc)
    names = [(m.text, m.entity) for m in doc.mentions if m.kind == "name" and m.label == "PER"]
    roles = [(m.text, m.entity) for m in doc.mentions if m.kind == "role"]
    assert names == [("Baerbock", 0)] and roles == [("Bundesaußenministerin", 0)]
    assert doc.entities[0].forms == ["Baerbock"]


def test_genitive_name_and_its_noun_tagged_as_one_name_is_split_when_the_person_is_named():
    from chronik.doc import Document, Mention
    from chronik.nlp.entities import DocumentConsolidator

    text = "Kulebas Reise führt nach Berlin. Zuvor hatte Dmytro Kuleba in Paris verhandelt."
    doc = Document(id="k", text=text)
    # the shipped NER tags the sentence-initial genitive and its noun as one person
    doc.mentions = [Mention(0, 13, "Kulebas Reise", "PER"), Mention(45, 58, "Dmytro Kuleba", "PER")]
    doc = DocumentConsolidator()(doc)
    assert [(m.text, m.entity) for m in doc.mentions if m.label == "PER"] == [
        ("Kulebas", 0), ("Dmytro Kuleba", 0)]
    assert [e.name for e in doc.entities] == ["Dmytro Kuleba"]
    # a name of two words whose first is a first name in -s stays whole
    other = Document(id="t", text="Thomas Meier traf Hans Thoma.")
    other.mentions = [Mention(0, 12, "Thomas Meier", "PER"), Mention(18, 28, "Hans Thoma", "PER")]
    assert [m.text for m in DocumentConsolidator()(other).mentions] == ["Thomas Meier", "Hans Thoma"]


@pytest.mark.parametrize("text, mention", [
    ("Das Statistische Bundesamt teilte mit, die Preise seien gestiegen.", "Statistische Bundesamt"),
    ("Nach Angaben des Statistischen Bundesamtes sind die Preise gestiegen.", "Statistischen Bundesamtes"),
    ("Der Internationale Währungsfonds warnt vor einer Rezession.", "Internationale Währungsfonds"),
])
def test_a_listed_name_opening_with_an_adjective_is_found_in_every_case(default_pipeline, text, mention):
    doc = default_pipeline(Document("qa", text))
    assert mention in [doc.text[m.start:m.end] for m in doc.mentions if m.label == "ORG"]


@pytest.fixture(scope="module")
def default_pipeline():
    return Pipeline.default()


def test_a_hyphenated_role_before_a_name_is_not_part_of_the_name(default_pipeline):
    doc = default_pipeline(Document("qa", "Grünen-Chefin Ricarda Lang forderte mehr Geld für Schulen."))
    assert [e.name for e in doc.entities if e.label == "PER"] == ["Ricarda Lang"]


@pytest.mark.parametrize("text, name", [
    ("Anwältin Miriam Kraus sagte, ihr Mandant sei unschuldig.", "Miriam Kraus"),
    ("Bundestrainer Julian Nagelsmann sagte, das Team sei bereit.", "Julian Nagelsmann"),
])
def test_an_occupation_before_a_name_is_a_role_not_part_of_the_name(default_pipeline, text, name):
    doc = default_pipeline(Document("qa", text))
    assert [e.name for e in doc.entities if e.label == "PER"] == [name]
