"""Gazetteer and rule layer: one test per phenomenon (names, inflections, demonyms, prefixes)."""

import re

import pytest

from chronik.doc import Mention, Token
from chronik.nlp.ner_gazetteer import default_gazetteer


def tokens_of(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+(?:-\w+)*|\S", text)]


def run(text: str, model_mentions: list[Mention] | None = None) -> list[Mention]:
    return default_gazetteer().apply(text, tokens_of(text), model_mentions or [])


def only(mentions, surface):
    found = [m for m in mentions if m.text == surface]
    assert len(found) == 1, (surface, mentions)
    return found[0]


@pytest.mark.parametrize("text,surface,code", [
    ("Die Armee griff Russland an.", "Russland", "RUS"),
    ("Die Truppen Russlands rücken vor.", "Russlands", "RUS"),
    ("Die Vereinigten Staaten liefern Waffen.", "Vereinigten Staaten", "USA"),
    ("Die USA liefern Waffen.", "USA", "USA"),
    ("Die Ukraine meldet Angriffe.", "Ukraine", "UKR"),
])
def test_country_names_and_inflections(text, surface, code):
    m = only(run(text), surface)
    assert (m.label, m.kind, m.attrs["country"]) == ("LOC", "name", code)


@pytest.mark.parametrize("text,surface", [
    ("Das Weiße Haus dementierte den Bericht.", "Weiße Haus"),
    ("Der Kreml wies die Vorwürfe zurück.", "Kreml"),
    ("Das Pentagon bestätigte den Einsatz.", "Pentagon"),
])
def test_seats_of_government_are_organisations(text, surface):
    m = only(run(text), surface)
    assert (m.label, m.kind) == ("ORG", "name")


def test_model_label_is_corrected_for_curated_name():
    text = "Der Kreml schweigt."
    wrong = Mention(4, 9, "Kreml", "LOC", "name")
    m = only(run(text, [wrong]), "Kreml")
    assert m.label == "ORG" and m.attrs["country"] == "RUS"


def test_model_mentions_are_not_duplicated():
    text = "Moskau schweigt."
    mentions = run(text, [Mention(0, 6, "Moskau", "LOC", "name")])
    assert len([m for m in mentions if m.text == "Moskau"]) == 1


@pytest.mark.parametrize("text,surface,code", [
    ("Die russischen Truppen ziehen ab.", "russischen", "RUS"),
    ("Die ukrainische Regierung widerspricht.", "ukrainische", "UKR"),
    ("Den amerikanischen Diplomaten wurde gedankt.", "amerikanischen", "USA"),
])
def test_adjectives_are_demonyms_linked_to_country(text, surface, code):
    m = only(run(text), surface)
    assert (m.kind, m.attrs["country"], m.attrs["form"]) == ("demonym", code, "adjective")


def test_sentence_initial_adjective_is_a_demonym():
    m = only(run("Russische Truppen ziehen ab."), "Russische")
    assert (m.kind, m.attrs["country"]) == ("demonym", "RUS")


def test_person_noun_demonym():
    m = only(run("Die Russen melden Geländegewinne."), "Russen")
    assert (m.kind, m.attrs["country"], m.attrs["form"]) == ("demonym", "RUS", "noun")


def test_country_name_that_is_also_a_plural_stays_a_name():
    # "Polen" (Poland / Poles) is left to the model; once tagged, it is the country
    assert run("Polen schließt die Grenze.") == []
    m = only(run("Polen schließt die Grenze.", [Mention(0, 5, "Polen", "LOC", "name")]), "Polen")
    assert (m.kind, m.attrs["country"]) == ("name", "POL")


def test_us_prefix_in_compound():
    text = "Der US-Präsident Joe Biden sprach."
    m = only(run(text), "US")
    assert (m.start, m.end) == (4, 6)
    assert (m.kind, m.label, m.attrs["country"], m.attrs["form"]) == ("demonym", "LOC", "USA", "prefix")


def test_nato_prefix_in_compound():
    m = only(run("Der Nato-Gipfel beginnt."), "Nato")
    assert (m.kind, m.label, m.attrs["org"]) == ("demonym", "ORG", "NATO")


def test_split_prefix_token_is_a_prefix_not_a_name():
    text = "Der US-Präsident"
    # a tokeniser that split the compound into "US", "-", "Präsident"
    toks = [Token(0, 3, "Der"), Token(4, 6, "US"), Token(6, 7, "-"), Token(7, 16, "Präsident")]
    mentions = default_gazetteer().apply(text, toks, [Mention(4, 6, "US", "LOC", "name")])
    [m] = mentions
    assert (m.kind, m.attrs["country"]) == ("demonym", "USA")


def test_glued_prefix_kremlchef():
    m = only(run("Kremlchef Putin droht."), "Kreml")
    assert (m.kind, m.label, m.attrs["org"], m.attrs["country"]) == ("demonym", "ORG", "Kreml", "RUS")


def test_hyphenated_adjectives_each_linked():
    mentions = run("Die russisch-ukrainische Grenze bleibt zu.")
    codes = [(m.text, m.attrs["country"]) for m in mentions if m.kind == "demonym"]
    assert codes == [("russisch", "RUS"), ("ukrainische", "UKR")]


def test_capitalised_adjective_in_name_is_not_a_demonym():
    mentions = run("Die Russische Föderation protestiert.")
    m = only(mentions, "Russische Föderation")
    assert m.kind == "name" and not [x for x in mentions if x.kind == "demonym"]


def test_ambiguous_common_word_not_added_by_rules():
    assert run("Das Essen war kalt.") == []


def test_capitals_and_organisations():
    mentions = run("In Kiew traf die OSZE Vertreter der Vereinten Nationen.")
    got = {(m.text, m.label) for m in mentions}
    assert got == {("Kiew", "LOC"), ("OSZE", "ORG"), ("Vereinten Nationen", "ORG")}


def features_of(sentence: str) -> dict[str, list[str]]:
    words = sentence.split()
    return dict(zip(words, default_gazetteer().token_tags(words)))


def test_iso_regions_in_german_are_place_features():
    # Bozen and Kampanien come from the ISO 3166-2 German names, not from the GeoNames city list.
    feats = features_of("Die Lawine traf Bozen und nicht Kampanien .")
    assert "gcB" in feats["Bozen"] and "gcB" in feats["Kampanien"]
    assert "gcB" not in feats["Lawine"]


def test_german_surnames_beyond_the_census_list_are_surname_features():
    feats = features_of("Trainerin Achleitner lobte das Team .")
    assert "gsur" in feats["Achleitner"] and "gsur" not in feats["Team"]


def test_names_annotated_in_domain_data_mark_span_type_and_words():
    tags = default_gazetteer().token_tags("Die Volkswagen AG klagt .".split())
    assert "gdB=ORG" in tags[1] and "gdI=ORG" in tags[2]
    assert not [f for f in tags[3] if f.startswith("gd")]
    # A word of a listed name ("Volkswagen" of "Volkswagen AG") carries its type on its own too.
    assert "gdw=ORG" in default_gazetteer().token_tags(["Konzernchef", "Volkswagen", "AG"])[1]
    assert "gdw=ORG" in default_gazetteer().token_tags(["AG"])[0]


def test_domain_name_list_can_be_dropped_for_models_trained_on_that_data():
    from chronik.nlp.train import without_domain_names

    plain = without_domain_names(default_gazetteer())
    tags = plain.token_tags(["Die", "Volkswagen", "AG", "in", "Bozen"])
    assert not [f for t in tags for f in t if f.startswith("gd")]
    assert "gcB" in tags[4]  # the other lists stay
    assert default_gazetteer().domain_names  # the shared instance is not modified


def test_bare_ministry_is_added_as_organisation():
    m = only(run("Das Außenministerium in Moskau kritisierte die Entscheidung."), "Außenministerium")
    assert (m.label, m.kind, m.attrs.get("sector")) == ("ORG", "name", "GOV")


def join(text: str, model_mentions: list[Mention] | None = None) -> list[Mention]:
    toks = tokens_of(text)
    g = default_gazetteer()
    return g.join_institutions(text, toks, g.apply(text, toks, model_mentions or []))


@pytest.mark.parametrize("text,surface,sector", [
    ("Die Staatsanwaltschaft Köln teilte mit, sie ermittle.", "Staatsanwaltschaft Köln", "JUD"),
    ("Das Amtsgericht Hamburg-Mitte vertagte den Prozess.", "Amtsgericht Hamburg-Mitte", "JUD"),
    ("Der Landtag von Brandenburg stimmte zu.", "Landtag von Brandenburg", "LEG"),
    ("Die Bezirksregierung Arnsberg warnte vor Hochwasser.", "Bezirksregierung Arnsberg", "GOV"),
])
def test_institution_and_following_place_are_one_organisation(text, surface, sector):
    mentions = join(text)
    m = only(mentions, surface)
    assert (m.label, m.kind, m.attrs["sector"]) == ("ORG", "name", sector)
    assert all(x is m or x.end <= m.start or x.start >= m.end for x in mentions)  # the place is gone


def test_institution_replaces_the_models_place_mention():
    text = "Die Polizei Hamburg sucht Zeugen."
    m = only(join(text, [Mention(12, 19, "Hamburg", "LOC", "name")]), "Polizei Hamburg")
    assert (m.label, m.attrs["country"]) == ("ORG", "DEU")


def test_institution_without_place_or_inside_a_model_name_is_left_alone():
    assert join("Die Polizei sagte nichts.") == []
    text = "Die Universität Heidelberg Stiftung hilft."
    model = [Mention(4, 35, "Universität Heidelberg Stiftung", "ORG", "name")]
    assert [(m.text, m.label) for m in join(text, model)] == [("Universität Heidelberg Stiftung", "ORG")]


@pytest.mark.parametrize("text,surface,sector", [
    ("Siemens streicht Stellen.", "Siemens", "BUS"),
    ("Der Bericht erschien in der Süddeutschen Zeitung.", "Süddeutschen Zeitung", "MED"),
    ("Borussia Dortmund gewann am Samstag.", "Borussia Dortmund", ""),
])
def test_organisations_from_general_knowledge(text, surface, sector):
    m = only(run(text), surface)
    assert (m.label, m.kind, m.attrs.get("sector", "")) == ("ORG", "name", sector)


def test_listed_organisation_that_is_an_ordinary_word_is_not_added():
    assert run("Er sah in den Spiegel.") == []
