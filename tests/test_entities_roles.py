"""Role patterns: one test per phenomenon (role nouns, prefixes, complements, appositions,
bare roles, anonymous sources, groups)."""

from __future__ import annotations

import re

import pytest

from chronik.doc import Document, Mention
from chronik.nlp.entities import DocumentConsolidator
from chronik.nlp.roles import default_lexicon, describe_role, find_roles


def analyse(text: str, *names: str, label: str = "PER") -> Document:
    mentions = []
    for name in names:
        for m in re.finditer(re.escape(name) + r"\b", text):
            if not any(x.start <= m.start() < x.end for x in mentions):
                mentions.append(Mention(m.start(), m.end(), name, label))
    doc = Document("t", text, mentions=sorted(mentions, key=lambda m: m.start))
    return DocumentConsolidator()(doc)


def entity(doc: Document, name: str):
    found = [e for e in doc.entities if e.name == name]
    assert len(found) == 1, [e.name for e in doc.entities]
    return found[0]


def role_mentions(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.kind == "role"]


def test_country_prefix_compound_before_a_name():
    doc = analyse("US-Präsident Joe Biden sprach am Abend.", "Joe Biden")
    biden = entity(doc, "Joe Biden")
    assert biden.roles == ["US-Präsident"]
    assert (biden.country, biden.sector) == ("USA", "GOV")
    [role] = role_mentions(doc)
    assert role.text == "US-Präsident" and doc.entities[role.entity] is biden


def test_glued_organisation_prefix_means_the_russian_president():
    doc = analyse("Kremlchef Putin drohte dem Westen.", "Putin")
    putin = entity(doc, "Putin")
    assert putin.roles == ["Kremlchef"] and (putin.country, putin.sector) == ("RUS", "GOV")
    assert role_mentions(doc)[0].attrs["role_key"] == "präsident|RUS"


def test_genitive_complement_with_adjective_and_comma_apposition():
    doc = analyse("Das sagte die Sprecherin des russischen Außenministeriums, Maria Sacharowa, in Moskau.",
                  "Maria Sacharowa")
    sacharowa = entity(doc, "Maria Sacharowa")
    assert sacharowa.roles == ["Sprecherin des russischen Außenministeriums"]
    assert (sacharowa.country, sacharowa.sector) == ("RUS", "GOV")


def test_country_genitive_before_the_role_gives_its_country():
    doc = analyse("Frankreichs Präsident Emmanuel Macron reiste ab. Russlands Außenminister schwieg, später sagte "
                  "der russische Außenminister mehr.", "Emmanuel Macron")
    macron = entity(doc, "Emmanuel Macron")
    assert macron.roles == ["Frankreichs Präsident"] and macron.country == "FRA"
    bare = [m for m in role_mentions(doc) if "Außenminister" in m.text]
    assert [m.text for m in bare] == ["Russlands Außenminister", "russische Außenminister"]
    assert bare[0].entity == bare[1].entity and doc.entities[bare[0].entity].country == "RUS"


@pytest.mark.parametrize("phrase,text", [
    ("Nach Angaben des britischen Geheimdienstes", "britischer Geheimdienst"),
    ("Das teilte das russische Verteidigungsministerium mit", "russisches Verteidigungsministerium"),
    ("Laut der russischen Regierung", "russische Regierung"),
    ("Die Bundesregierung schweigt", "Bundesregierung"),
])
def test_institution_names_are_normalised_to_the_nominative(phrase, text):
    assert [r.text for r in find_roles(phrase)] == [text]


def test_national_title_without_country_word():
    doc = analyse("Bundeskanzler Olaf Scholz reist nach Kiew.", "Olaf Scholz")
    scholz = entity(doc, "Olaf Scholz")
    assert scholz.roles == ["Bundeskanzler"] and (scholz.country, scholz.sector) == ("DEU", "GOV")


def test_country_adjective_before_the_role_noun_is_normalised():
    doc = analyse("Der französische Präsident Emmanuel Macron telefonierte mit dem russischen Präsidenten.",
                  "Emmanuel Macron")
    macron = entity(doc, "Emmanuel Macron")
    assert macron.roles == ["französischer Präsident"] and macron.country == "FRA"
    bare = [m for m in role_mentions(doc) if m.text == "russischen Präsidenten"]
    assert bare and bare[0].attrs["country"] == "RUS"


def test_military_role_with_country_complement():
    doc = analyse("Der Generalstabschef der USA, Mark Milley, telefonierte mit Gerassimow.",
                  "Mark Milley", "Gerassimow")
    milley = entity(doc, "Mark Milley")
    assert milley.roles == ["Generalstabschef der USA"] and (milley.country, milley.sector) == ("USA", "MIL")
    assert entity(doc, "Gerassimow").roles == []


def test_role_after_the_name_in_apposition():
    doc = analyse("Maria Sacharowa, Sprecherin des russischen Außenministeriums, widersprach.", "Maria Sacharowa")
    assert entity(doc, "Maria Sacharowa").country == "RUS"


def test_bare_role_resolves_to_the_holder_in_the_same_document():
    doc = analyse("Kremlchef Wladimir Putin drohte. Der Kremlchef nannte keine Frist. "
                  "Auch der russische Präsident schwieg später.", "Wladimir Putin")
    putin = doc.entities.index(entity(doc, "Wladimir Putin"))
    assert [m.entity for m in role_mentions(doc)] == [putin, putin, putin]
    assert all(m.attrs.get("resolved") == "document" for m in role_mentions(doc)[1:])


def test_feminine_bare_role_matches_the_same_office():
    doc = analyse("Bundeskanzlerin Angela Merkel reiste ab. Die Bundeskanzlerin wirkte müde.", "Angela Merkel")
    merkel = doc.entities.index(entity(doc, "Angela Merkel"))
    assert [m.entity for m in role_mentions(doc)] == [merkel, merkel]


def test_bare_role_without_holder_becomes_a_role_entity():
    doc = analyse("Der Kremlchef ließ die Frist verstreichen.")
    [ent] = doc.entities
    assert ent.key == "ROLE:präsident|RUS" and ent.attrs["role_only"]
    assert (ent.name, ent.country, ent.sector) == ("Kremlchef", "RUS", "GOV")


def test_anonymous_source_has_codes_but_no_entity():
    doc = analyse("Ein US-Regierungsvertreter sagte, man sei besorgt.")
    [role] = role_mentions(doc)
    assert role.entity is None and role.attrs["anonymous"]
    assert (role.attrs["country"], role.attrs["sector"]) == ("USA", "GOV")
    assert describe_role("ein US-Regierungsvertreter") == ("USA", "GOV", "Regierungsvertreter")


def test_spokesperson_of_an_institution_takes_its_codes():
    assert describe_role("ein Sprecher des Pentagons") == ("USA", "MIL", "Sprecher Pentagon")
    assert describe_role("Sprecher des Weißen Hauses") == ("USA", "GOV", "Sprecher Weißes Haus")
    assert describe_role("Kremlsprecher") == ("RUS", "GOV", "Sprecher Kreml")


def test_group_nouns_never_name_a_person():
    doc = analyse("Tausende russische Soldaten stehen an der Grenze. Die Soldaten warten.")
    roles = role_mentions(doc)
    assert roles and all(m.entity is None and m.attrs["group"] for m in roles)
    assert roles[0].attrs["country"] == "RUS" and roles[0].attrs["sector"] == "MIL"


def test_former_office_holder_is_not_the_current_one():
    doc = analyse("Bundeskanzler Olaf Scholz traf Ex-Kanzlerin Angela Merkel. Die Ex-Kanzlerin lobte ihn.",
                  "Olaf Scholz", "Angela Merkel")
    merkel = entity(doc, "Angela Merkel")
    assert merkel.roles == ["Ex-Kanzlerin"]
    last = role_mentions(doc)[-1]
    assert last.text == "Ex-Kanzlerin" and last.attrs["former"] and last.entity is None


def test_institution_with_country_is_an_actor():
    doc = analyse("Die russische Regierung bestreitet jede Angriffsabsicht.")
    [ent] = doc.entities
    assert (ent.label, ent.country, ent.sector) == ("ORG", "RUS", "GOV")


def test_organisation_prefix_codes_an_international_organisation():
    doc = analyse("Nato-Generalsekretär Jens Stoltenberg warnte Moskau.", "Jens Stoltenberg")
    assert entity(doc, "Jens Stoltenberg").sector == "IGO"


def test_country_in_genitive_after_the_role():
    [role] = find_roles("Der Präsident Russlands sprach.")
    assert (role.canonical, role.country, role.text) == ("Präsident", "RUS", "Präsident Russlands")


def test_glued_federal_prefix_keeps_the_office():
    [role] = find_roles("Bundesaußenministerin Annalena Baerbock reist ab.")
    assert (role.canonical, role.country, role.feminine) == ("Außenminister", "DEU", True)
    assert role.text == "Bundesaußenministerin"


def test_plural_with_die_is_not_one_person():
    [role] = find_roles("Die Außenminister der G7 berieten.")
    assert role.plural and role.anonymous


def test_offsets_cover_the_surface_form():
    text = "Gestern sagte der französische Präsident Emmanuel Macron, Frankreich stehe bereit."
    for role in find_roles(text):
        assert text[role.start:role.end] == "französische Präsident"
        assert text[role.head_start:role.head_end] == "Präsident"


def test_unknown_complement_gives_no_country():
    [role] = find_roles("Das sagte der Sprecher des griechischen Flüchtlings-Krisenstabes am Dienstag.")
    assert role.text == "Sprecher" and role.country is None


def test_bare_role_does_not_resolve_across_grammatical_gender():
    doc = analyse("Innenminister Ernst Strasser trat zurück. Die Innenministerin kündigte Reformen an.",
                  "Ernst Strasser")
    first, bare = role_mentions(doc)
    # the bare feminine office stays a role of its own (left to the corpus step), not Strasser
    assert bare.entity != first.entity


def test_generic_role_names_no_one_when_bare():
    doc = analyse("Senator Bernie Sanders kritisierte das. Der Senator sprach von Betrug.", "Bernie Sanders")
    first, bare = role_mentions(doc)
    assert doc.entities[first.entity].name == "Bernie Sanders"
    assert bare.entity is None and bare.attrs["generic"]


def test_definite_role_between_commas_after_a_name():
    doc = analyse("Putin, der Kremlchef, lehnte ab. Biden, der mit ihm sprach, schwieg.", "Putin", "Biden")
    assert entity(doc, "Putin").roles == ["Kremlchef"]
    assert entity(doc, "Biden").roles == []


def test_name_the_ner_missed_after_a_role_is_recovered_from_pos_tags():
    from chronik.doc import Token

    text = "Generalstabschef Waleri Gerassimow telefonierte."
    words = [(0, 16, "NN"), (17, 23, "NE"), (24, 34, "NE"), (35, 47, "VVFIN"), (47, 48, "$.")]
    doc = Document("t", text, tokens=[Token(s, e, text[s:e], pos) for s, e, pos in words])
    doc = DocumentConsolidator()(doc)
    [person] = [e for e in doc.entities if e.label == "PER"]
    assert (person.name, person.country, person.sector) == ("Waleri Gerassimow", None, "MIL")
    assert [m.kind for m in doc.mentions] == ["role", "name"]


def test_role_word_the_ner_took_for_a_person_stays_a_role():
    text = "Kremlchef droht mit Gegenmaßnahmen."
    doc = DocumentConsolidator()(Document("t", text, mentions=[Mention(0, 9, "Kremlchef", "PER")]))
    [ent] = doc.entities
    assert [m.kind for m in doc.mentions] == ["role"] and ent.key == "ROLE:präsident|RUS"


def test_deputy_is_another_office_than_the_chief():
    [vize] = find_roles("Der stellvertretende Außenminister Russlands sprach.")
    assert (vize.canonical, vize.country, vize.deputy) == ("Vizeaußenminister", "RUS", True)
    doc = analyse("US-Präsident Joe Biden reiste ab. Die Vize-Präsidentin blieb.", "Joe Biden")
    assert role_mentions(doc)[-1].entity != doc.entities.index(entity(doc, "Joe Biden"))
    assert find_roles("Vizepräsident Mike Pence")[0].canonical == "Vizepräsident"


def test_comma_after_a_role_starting_a_new_clause_is_no_apposition():
    doc = analyse("Das sagte der Präsident, Putin habe keine Pläne.", "Putin")
    assert entity(doc, "Putin").roles == []


def test_office_of_an_international_organisation_is_igo():
    assert describe_role("EU-Vizepräsident")[1] == "IGO"
    assert describe_role("der Präsident der EU-Kommission")[1] == "IGO"
    assert describe_role("US-Vizepräsident")[:2] == ("USA", "GOV")


def test_role_owned_by_a_coded_person_takes_their_country():
    doc = analyse("Kremlchef Wladimir Putin schwieg. Putins Sprecher Dmitri Peskow widersprach.",
                  "Wladimir Putin", "Putins", "Dmitri Peskow")
    peskow = entity(doc, "Dmitri Peskow")
    assert (peskow.roles, peskow.country, peskow.sector) == (["Sprecher"], "RUS", "GOV")


def test_genitive_and_role_the_ner_took_for_one_name_are_split():
    doc = analyse("Kremlchef Wladimir Putin drohte. Putins Sprecher wies das zurück.",
                  "Wladimir Putin", "Putins Sprecher")
    putins = [m for m in doc.mentions if m.text == "Putins"]
    assert len(putins) == 1 and doc.entities[putins[0].entity].name == "Wladimir Putin"
    [spokesman] = [m for m in role_mentions(doc) if m.text == "Sprecher"]
    assert (spokesman.attrs["country"], spokesman.attrs["sector"]) == ("RUS", "GOV")
    assert spokesman.entity is None or doc.entities[spokesman.entity].name != "Wladimir Putin"


def test_first_name_ending_in_s_before_a_role_word_stays_a_name():
    doc = analyse("Der Maler Klaus Sprecher stellt in Basel aus.", "Klaus Sprecher")
    assert [e.name for e in doc.entities if e.label == "PER"] == ["Klaus Sprecher"]


@pytest.mark.parametrize("word, canonical", [
    ("Fraktionschefin", "Chef"), ("Konzernsprecher", "Sprecher"), ("Notenbankchef", "Chef"),
    ("Schumacher", None), ("Oberhauser", None), ("Parteifreund", None),
])
def test_a_role_noun_glued_to_any_noun_is_a_role_before_a_name(word, canonical):
    head = default_lexicon().compound_head(word)
    assert (head[0].noun.canonical if head else None) == canonical


def test_a_glued_role_before_a_name_is_no_part_of_it_but_alone_no_role_phrase():
    doc = analyse("Fraktionschefin Mira Koch sagte, die Lage sei ernst.", "Fraktionschefin Mira Koch")
    assert [e.name for e in doc.entities] == ["Mira Koch"]
    assert find_roles("Der Polizeipräsident ist erleichtert.") == []


def test_a_role_with_a_genitive_complement_before_a_comma_apposition_names_the_person():
    doc = analyse("Der Präsident des Verbands, Herbert Quandel, ist erleichtert.", "Herbert Quandel")
    assert [(e.name, e.roles) for e in doc.entities] == [("Herbert Quandel", ["Präsident"])]
    doc = analyse("Der Chef des Vereins, Putin und Merkel trafen sich.", "Putin", "Merkel")
    assert entity(doc, "Putin").roles == []
