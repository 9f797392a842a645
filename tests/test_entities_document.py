"""In-document consolidation: name variants, genitives, acronyms, actor codes, user entity file."""

from __future__ import annotations

import json
import logging
import re

import pytest

from chronik.doc import Document, Mention
from chronik.nlp.entities import DocumentConsolidator, UserIndex, load_entity_file
from chronik.pipeline import Pipeline


def analyse(text: str, names, users=None) -> Document:
    mentions = []
    for label, name in names:
        for m in re.finditer(re.escape(name) + r"\b", text):
            if not any(x.start <= m.start() < x.end for x in mentions):
                mentions.append(Mention(m.start(), m.end(), name, label))
    doc = Document("t", text, mentions=sorted(mentions, key=lambda m: m.start))
    return DocumentConsolidator(users=users)(doc)


def names(doc: Document) -> list[str]:
    return [e.name for e in doc.entities]


def test_full_name_surname_genitive_and_title_are_one_person():
    doc = analyse("Wladimir Putin warnte. Putins Sprecher ergänzte, Präsident Putin sei bereit. Putin schwieg.",
                  [("PER", "Wladimir Putin"), ("PER", "Putins"), ("PER", "Präsident Putin"), ("PER", "Putin")])
    [putin] = doc.entities
    assert putin.name == "Wladimir Putin" and putin.key == "PER:wladimir putin"
    # the title the NER tagged into the name is split off as the role (GermEval spans exclude it)
    assert set(putin.forms) == {"Wladimir Putin", "Putins", "Putin"}
    assert all(m.entity == 0 for m in doc.mentions if m.text != "Sprecher")  # Putin's spokesman is not Putin
    assert putin.roles == ["Präsident"]


def test_name_ending_in_s_is_not_stripped_without_evidence():
    doc = analyse("Alexis Tsipras kritisierte Brüssel. Tsipras blieb hart.",
                  [("PER", "Alexis Tsipras"), ("PER", "Tsipras"), ("LOC", "Brüssel")])
    assert names(doc)[0] == "Alexis Tsipras" and doc.entities[0].key == "PER:alexis tsipras"
    assert len([e for e in doc.entities if e.label == "PER"]) == 1


def test_surname_goes_to_the_nearest_preceding_person_of_that_name():
    doc = analyse("Hans Müller traf Eva Müller. Später sprach Eva Müller allein, und Müller nickte.",
                  [("PER", "Hans Müller"), ("PER", "Eva Müller"), ("PER", "Müller")])
    last = [m for m in doc.mentions if m.text == "Müller"][0]
    assert doc.entities[last.entity].name == "Eva Müller"


def test_acronym_given_in_brackets_joins_the_long_form():
    text = "Die Organisation für Sicherheit und Zusammenarbeit in Europa (OSZE) schickt Beobachter. Die OSZE warnt."
    doc = analyse(text, [("ORG", "Organisation für Sicherheit und Zusammenarbeit in Europa"), ("ORG", "OSZE")])
    [osze] = doc.entities
    assert osze.name == "Organisation für Sicherheit und Zusammenarbeit in Europa"
    assert "OSZE" in osze.forms and osze.sector == "IGO"


def test_acronym_of_an_unknown_organisation():
    text = "Der Verband Deutscher Maschinenbauer (VDM) klagt. Der VDM fordert Hilfe."
    doc = analyse(text, [("ORG", "Verband Deutscher Maschinenbauer"), ("ORG", "VDM")])
    [vdm] = doc.entities
    assert vdm.name == "Verband Deutscher Maschinenbauer" and vdm.forms[-1] == "VDM"


@pytest.mark.parametrize("surface,label,name,country,sector", [
    ("Kreml", "ORG", "Kreml", "RUS", "GOV"),
    ("Weißen Hauses", "ORG", "Weißes Haus", "USA", "GOV"),
    ("Pentagon", "ORG", "Pentagon", "USA", "MIL"),
    ("Bundeswehr", "ORG", "Bundeswehr", "DEU", "MIL"),
    ("Russlands", "LOC", "Russland", "RUS", "GOV"),
    ("Moskau", "LOC", "Moskau", "RUS", "GOV"),
    ("Nato", "ORG", "NATO", None, "IGO"),
])
def test_organisations_and_countries_have_actor_codes(surface, label, name, country, sector):
    doc = analyse(f"Eine Erklärung: {surface} reagiert.", [(label, surface)])
    [ent] = doc.entities
    assert (ent.name, ent.country, ent.sector) == (name, country, sector)
    assert ent.key == f"{ent.label}:{name.lower()}"


def test_inflected_country_names_merge():
    doc = analyse("Russland bestreitet das. Russlands Regierung schweigt.", [("LOC", "Russland"), ("LOC", "Russlands")])
    assert [e.name for e in doc.entities if e.label == "LOC"] == ["Russland"]
    # the genitive before "Regierung" makes it Russia's government, an organisation of its own
    assert [(e.name, e.country) for e in doc.entities if e.label == "ORG"] == [("Russlands Regierung", "RUS")]


def test_user_entity_file_links_and_overrides(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id,name,aliases,type,wikidata,country,sector\n"
                    "putin,Wladimir Putin,Putin|Wladimir Wladimirowitsch Putin,PER,Q7747,RUS,GOV\n"
                    "kreml,Kreml,,ORG,,RUS,EXE\n"
                    "bad,,,PER,,,\n", encoding="utf-8")
    users = UserIndex(load_entity_file(path))
    doc = analyse("Putin und der Kreml schweigen.", [("PER", "Putin"), ("ORG", "Kreml")], users)
    putin, kreml = doc.entities
    assert (putin.external_id, putin.name, putin.key, putin.country) == ("Q7747", "Wladimir Putin", "EXT:putin", "RUS")
    assert (kreml.external_id, kreml.sector) == ("kreml", "EXE")


def test_user_entity_file_jsonl_reports_bad_records(tmp_path, caplog):
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps({"id": "nato", "name": "Nato", "aliases": ["NATO"], "type": "ORG",
                                "sector": "IGO"}) + "\n{not json\n"
                    + json.dumps({"id": "x", "name": "X", "type": "THING"}) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        records = load_entity_file(path)
    assert [r.id for r in records] == ["nato"]
    assert len([r for r in caplog.records if "skipped" in r.message]) == 2


def test_missing_entity_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="entity file"):
        Pipeline(["tokenize.rules", "entities.rules"], {"entities.rules": {"entity_file": tmp_path / "nope.csv"}})


def test_component_reads_entity_file_from_cli_model_argument(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("id,name,aliases,type\nbiden,Joe Biden,Biden,PER\n", encoding="utf-8")
    pipe = Pipeline(["tokenize.rules", "entities.rules"], {"entities.rules": {"model": str(path)}})
    doc = Document("d", "Biden reist.", mentions=[Mention(0, 5, "Biden", "PER")])
    doc = pipe(doc)
    assert doc.entities[0].external_id == "biden"
    assert doc.provenance["entities"][0] == "entities.rules"


def test_rerunning_the_component_gives_the_same_layer():
    text = "Kremlchef Wladimir Putin drohte. Der Kremlchef schwieg."
    doc = analyse(text, [("PER", "Wladimir Putin")])
    first = ([(m.start, m.end, m.kind, m.entity) for m in doc.mentions], [e.key for e in doc.entities])
    DocumentConsolidator()(doc)
    assert ([(m.start, m.end, m.kind, m.entity) for m in doc.mentions], [e.key for e in doc.entities]) == first


def test_mention_offsets_stay_exact():
    text = "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, sprach mit US-Präsident Joe Biden."
    doc = analyse(text, [("PER", "Maria Sacharowa"), ("PER", "Joe Biden")])
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_acronym_without_brackets_joins_by_initials():
    doc = analyse("Der Verband Deutscher Maschinenbauer klagt. Der VDM fordert Hilfe.",
                  [("ORG", "Verband Deutscher Maschinenbauer"), ("ORG", "VDM")])
    assert len(doc.entities) == 1 and doc.entities[0].forms == ["Verband Deutscher Maschinenbauer", "VDM"]


def test_multiword_surname_joins_full_name():
    doc = analyse("Ursula von der Leyen reist nach Kiew. Von der Leyen sagte, von der Leyen bleibe.",
                  [("PER", "Ursula von der Leyen"), ("PER", "von der Leyen")])
    assert len(doc.entities) == 1 and doc.entities[0].name == "Ursula von der Leyen"


def test_surname_that_is_also_a_role_noun_stays_a_name():
    doc = analyse("Gerhard Richter stellt aus. Richter sagte, er male weiter.",
                  [("PER", "Gerhard Richter"), ("PER", "Richter")])
    assert [m.kind for m in doc.mentions] == ["name", "name"]
    assert len(doc.entities) == 1 and doc.entities[0].roles == []


def test_cli_component_option_passes_the_entity_file(tmp_path):
    from chronik.cli import pipeline_spec

    path = tmp_path / "e.csv"
    path.write_text("id,name,aliases,type\nkreml,Kreml,,ORG\n", encoding="utf-8")
    overrides, config = pipeline_spec("crf", [f"entities=entities.rules:{path}"])
    pipe = Pipeline([overrides["entities"]], config)
    doc = pipe(Document("d", "Der Kreml schweigt.", mentions=[Mention(4, 9, "Kreml", "ORG")]))
    assert doc.entities[0].external_id == "kreml"


def test_arbitrary_text_and_mentions_never_crash():
    from hypothesis import given, settings, strategies as st

    words = st.sampled_from(["Putin", "Putins", "der", "Kremlchef", "US-Präsident", "Sprecherin", "des",
                             "russischen", "Außenministeriums", ",", "(OSZE)", "OSZE", "Nato", "ein",
                             "Soldaten", "Bundeskanzlerin", "Richter", "Ex-Kanzler", "die", "s", "'", "."])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=25), st.lists(st.tuples(st.integers(0, 24), st.integers(1, 3),
                                                            st.sampled_from(["PER", "ORG", "LOC", "MISC"])),
                                                  max_size=6))
    def check(tokens, spans):
        text = " ".join(tokens)
        starts = [m.start() for m in re.finditer(r"\S+", text)]
        ends = [m.end() for m in re.finditer(r"\S+", text)]
        mentions = []
        for i, n, label in spans:
            if i + n <= len(starts):
                mentions.append(Mention(starts[i], ends[i + n - 1], text[starts[i]:ends[i + n - 1]], label))
        doc = DocumentConsolidator()(Document("h", text, mentions=mentions))
        assert all(text[m.start:m.end] == m.text for m in doc.mentions)
        assert all(m.entity is None or 0 <= m.entity < len(doc.entities) for m in doc.mentions)

    check()


def _tagged(text: str, *person_names: str) -> Document:
    """Real tokens and tags; PER mentions only where the given names occur (as a NER that found
    each name once might leave them)."""
    doc = Pipeline(["tokenize.rules", "tag.default"])(Document("t", text))
    doc.mentions = [Mention(m.start(), m.end(), m.group(), "PER")
                    for name in person_names for m in [re.search(re.escape(name), text)]]
    return DocumentConsolidator()(doc)


def test_name_the_ner_missed_elsewhere_in_the_article_joins_the_person():
    doc = _tagged("Kremlchef Wladimir Putin drohte am Montag. Auch mit Macron will Putin reden. "
                  "Putins Sprecher schwieg.", "Wladimir Putin")
    found = [(m.text, doc.entities[m.entity].name, m.attrs.get("source"))
             for m in doc.mentions if m.kind == "name"]
    assert found == [("Wladimir Putin", "Wladimir Putin", None), ("Putin", "Wladimir Putin", "repeated name"),
                     ("Putins", "Wladimir Putin", "repeated name")]
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)


def test_surname_shared_with_an_unrecognised_person_is_not_propagated():
    doc = _tagged("Hans Müller kam am Morgen. Eva Müller ging am Abend, und Müller blieb.", "Hans Müller")
    assert [m.text for m in doc.mentions] == ["Hans Müller"]


def test_sentence_initial_common_word_equal_to_a_surname_is_not_a_name():
    doc = _tagged("Gerhard Klein kam. Klein beigeben wollte er nicht.", "Gerhard Klein")
    assert [m.text for m in doc.mentions] == ["Gerhard Klein"]


def test_names_listed_in_the_entity_file_are_found_where_the_ner_missed_them(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("id,name,aliases,type,wikidata\n"
                    "peskow,Dmitri Peskow,Peskow,PER,Q4160380\n"
                    "nato,Nato,NATO,ORG,Q7184\n", encoding="utf-8")
    text = "Peskow wies das zurück. Peskows Worte galten der Nato, nicht dem Nato-Gipfel oder Frau Peskowa."
    doc = Pipeline(["tokenize.rules", "tag.default"])(Document("t", text))  # no NER mentions at all
    doc = DocumentConsolidator(users=UserIndex(load_entity_file(path)))(doc)
    found = [(m.text, m.label, doc.entities[m.entity].external_id) for m in doc.mentions]
    assert found == [("Peskow", "PER", "Q4160380"), ("Peskows", "PER", "Q4160380"), ("Nato", "ORG", "Q7184")]
    assert all(m.attrs["source"] == "entity file" for m in doc.mentions)


def test_arbitrary_tokenised_text_with_an_entity_file_never_crashes_and_keeps_offsets():
    from hypothesis import given, settings, strategies as st

    from chronik.nlp.entities import UserEntity
    from chronik.nlp.tokenize import tokenize

    users = UserIndex([UserEntity("p", "Wladimir Putin", ["Putin", "W. Putin"], "PER"),
                       UserEntity("n", "Nato", [], "ORG")])
    words = st.sampled_from(["Putin", "Putins", "Wladimir", "W.", "der", "Kremlchef", "Nato", "Nato-Gipfel",
                             "Sprecher", "Klaus", "Eva", "Müller", ",", ".", "„", "“", "\n", "s", "Putin-Kritiker"])

    @settings(max_examples=100, deadline=None)
    @given(st.lists(words, max_size=25), st.lists(st.tuples(st.integers(0, 24), st.integers(1, 3),
                                                            st.sampled_from(["PER", "ORG", "LOC"])), max_size=5))
    def check(tokens, spans):
        text = " ".join(tokens)
        bounds = [m.span() for m in re.finditer(r"\S+", text)]
        mentions = [Mention(bounds[i][0], bounds[i + n - 1][1], text[bounds[i][0]:bounds[i + n - 1][1]], label)
                    for i, n, label in spans if i + n <= len(bounds)]
        doc = Document("h", text, mentions=mentions)
        doc.tokens, doc.sentences = tokenize(text)
        doc = DocumentConsolidator(users=users)(doc)
        assert all(text[m.start:m.end] == m.text for m in doc.mentions)
        assert all(m.entity is None or 0 <= m.entity < len(doc.entities) for m in doc.mentions)

    check()


def test_noun_after_a_genitive_the_ner_took_for_a_name_does_not_repeat():
    doc = _tagged("Horvaths Bilder hängen in Wien. Später wurden die Bilder verkauft.", "Horvaths Bilder")
    assert [m.text for m in doc.mentions] == ["Horvaths Bilder"]
