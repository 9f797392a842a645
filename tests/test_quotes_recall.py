"""Quotation rules of quotes.rules 0.6.0 (whole quotations the earlier rules missed, found by error
analysis on SpkAtt dev): one invented German news sentence per phenomenon."""

from __future__ import annotations

import pytest

from quotes_support import only, quotes, rules_pipeline, span


@pytest.fixture(scope="module")
def pipe():
    return rules_pipeline()


@pytest.mark.parametrize("text, cue, source", [
    ("Wie eine Umfrage des Instituts ergab, lehnen viele Bürger die Reform ab.", "Wie … ergab",
     "eine Umfrage des Instituts"),
    ("Die Forscher fanden heraus, dass der Gletscher schneller schmilzt.", "fanden heraus", "Die Forscher"),
    ("Die Ministerin legte dar, dass die Mittel nicht ausreichen.", "legte dar", "Die Ministerin"),
    ("Beide Seiten hatten vereinbart, die Truppen bis Mai abzuziehen.", "hatten vereinbart", "Beide Seiten"),
    ("Die Opposition setzte dem entgegen, dass die Kosten zu hoch seien.", "setzte entgegen", "Die Opposition"),
    ("Der Verband hielt der Regierung vor, sie habe die Frist versäumt.", "hielt vor", "Der Verband"),
])
def test_added_reporting_verbs_frame_a_clause(pipe, text, cue, source):
    doc, q = only(pipe, text)
    assert span(doc, q.cue).replace(" … ", " ") == cue.replace(" … ", " ")
    assert span(doc, q.source) == source


def test_added_reporting_verb_with_a_bare_object_is_no_quotation(pipe):
    _, qs = quotes(pipe, "Die Techniker fanden den Fehler schnell heraus.")
    assert qs == []


def test_nach_with_a_relative_possessive(pipe):
    tags = {"Nach": "APPR", "deren": "PDS", "sollen": "VMFIN", "die": "ART", "im": "APPRART", "steigen": "VVINF",
            ".": "$."}  # the tagger reads "deren" as a demonstrative pronoun, not as an article
    doc, q = only(pipe, "Nach deren Angaben sollen die Preise im Herbst steigen.", tags=tags)
    assert span(doc, q.cue) == "Nach" and span(doc, q.source) == "deren Angaben"
    assert span(doc, q.message) == "sollen die Preise im Herbst steigen"


def test_nach_with_a_document_compound(pipe):
    doc, q = only(pipe, "Nach einem EU-Dokument leben die Familien in großer Armut.")
    assert span(doc, q.source) == "einem EU-Dokument"


def test_pronoun_before_zufolge_is_the_source(pipe):
    tags = {"Ihnen": "PPER", "zufolge": "APPO", "hat": "VAFIN", "der": "ART", "die": "ART", "absolute": "ADJA",
            "erhalten": "VVPP", ".": "$."}
    doc, q = only(pipe, "Ihnen zufolge hat der Kandidat die absolute Mehrheit erhalten.", tags=tags)
    assert span(doc, q.cue) == "zufolge" and span(doc, q.source) == "Ihnen"


def test_laut_before_a_relative_pronoun(pipe):
    doc, qs = quotes(pipe, "Das Gesetz folgt den Plänen der Regierung, laut denen jeder Haushalt einen "
                           "Anschluss haben soll.")
    laut = [q for q in qs if span(doc, q.cue) == "laut"]
    assert len(laut) == 1 and span(doc, laut[0].source) == "denen"
    assert span(doc, laut[0].message) == "jeder Haushalt einen Anschluss haben soll"


def test_quoted_name_after_the_source_noun_belongs_to_the_source(pipe):
    doc, q = only(pipe, "Nach Angaben des Magazins „Der Spiegel“ sei das Treffen abgesagt worden.")
    assert span(doc, q.source) == "Angaben des Magazins „Der Spiegel“"
    assert span(doc, q.message) == "sei das Treffen abgesagt worden"


def test_long_quotation_inside_a_clause_is_framed_by_its_verb(pipe):
    doc, q = only(pipe, "Der Abgeordnete sprach von einem „Feldzug gegen die Gemeinschaftsschule, der nur den "
                        "privaten Gymnasien nützen soll“.")
    assert q.form == "Direct"
    assert span(doc, q.cue) == "sprach von" and span(doc, q.source) == "Der Abgeordnete"


def test_light_verb_frame_with_wert(pipe):
    doc, q = only(pipe, "Beide Regierungen legten Wert darauf, dass auch andere Länder Soldaten stellen.")
    assert span(doc, q.cue) == "legten Wert darauf" and span(doc, q.source) == "Beide Regierungen"


def test_light_verb_frame_past_adverbials(pipe):
    tags = {"Gysi": "NE", "hatte": "VAFIN", "am": "APPRART", "in": "APPR", "einem": "ART", "die": "ART",
            "vertreten": "VVPP", ",": "$,", "sei": "VAFIN", "gespalten": "VVPP", ".": "$."}
    doc, q = only(pipe, "Gysi hatte am Donnerstag in einem Interview die These vertreten, die Partei sei gespalten.",
                  tags=tags)
    assert span(doc, q.cue) == "hatte … die These vertreten" and span(doc, q.source) == "Gysi"
    assert span(doc, q.message) == "die Partei sei gespalten"


def test_second_report_of_the_same_subject_after_a_comma(pipe):
    doc, qs = quotes(pipe, "Die Vereinten Nationen bestätigten den Zwischenfall, teilten aber mit, es sei unklar, "
                           "wer geschossen habe.")
    assert len(qs) == 1
    q = qs[0]
    assert span(doc, q.cue) == "teilten … mit" and span(doc, q.source) == "Die Vereinten Nationen"
    assert span(doc, q.message) == "es sei unklar, wer geschossen habe"


def test_trailing_so_frame_ends_the_message_before_it(pipe):
    doc, qs = quotes(pipe, "Die Regierung werde aufgefordert, die Grenze zu öffnen, so Milizenchef Hassan "
                           "Nasrallah im Fernsehen.")
    so = [q for q in qs if span(doc, q.cue) == "so"]
    assert len(so) == 1 and span(doc, so[0].source) == "Milizenchef Hassan Nasrallah"
    assert all("so Milizenchef" not in span(doc, q.message) for q in qs)


def test_reflexive_wie_frame_takes_the_aus_phrase_as_source(pipe):
    doc, q = only(pipe, "Wie sich aus der Auswertung der Daten ergab, hatte der Pilot versucht durchzustarten.")
    assert span(doc, q.cue) == "Wie sich … ergab" and span(doc, q.source) == "der Auswertung der Daten"


def test_verb_after_a_year_is_a_verb_even_when_tagged_adja(pipe):
    tags = {"Bereits": "ADV", "im": "APPRART", "Juli": "NN", "2008": "CARD", "vermeldete": "ADJA",
            "Wikinews": "NN", ",": "$,", "dass": "KOUS", "die": "ART", "Firma": "NN", "Gespräch": "NN",
            "sei": "VAFIN", ".": "$."}
    doc, q = only(pipe, "Bereits im Juli 2008 vermeldete Wikinews, dass die Firma im Gespräch sei.", tags=tags)
    assert span(doc, q.cue) == "vermeldete" and span(doc, q.source) == "Wikinews"


def test_so_after_a_quotation_that_ends_with_its_own_full_stop(pipe):
    doc, q = only(pipe, "„Offenbar sind die Anfragen der Bürger zu lästig.“ so das Fazit der Betreiber.")
    assert q.form == "Direct" and span(doc, q.cue) == "so"
    assert span(doc, q.source) == "das Fazit der Betreiber"


def test_letztere_is_a_pronoun_source(pipe):
    doc, q = only(pipe, "„Das Leiden der Tiere geht jeden Tag weiter.“, so letztere.")
    assert span(doc, q.cue) == "so" and span(doc, q.source) == "letztere"


def test_article_and_quoted_name_are_the_source(pipe):
    doc, qs = quotes(pipe, "Die Grünen lehnen den Plan ab, während die „Initiative Roter Löwe“ den Vorschlag "
                           "unterstützt und fordert, dass die Flagge bleibt.")
    assert len(qs) == 1 and span(doc, qs[0].source) == "die „Initiative Roter Löwe“"


def test_quoted_name_in_the_subject_is_no_quotation(pipe):
    doc, q = only(pipe, "Wie die „Aktion Deutschland hilft“ mitteilte, stiegen die Spenden im Winter.")
    assert q.form == "Indirect" and span(doc, q.source) == "die „Aktion Deutschland hilft“"
    assert span(doc, q.message) == "stiegen die Spenden im Winter"


def test_adverb_after_wie_is_skipped_for_the_source(pipe):
    doc, q = only(pipe, "Wie schon die Weltgesundheitsorganisation sagte, ist eine Ansteckung unwahrscheinlich.")
    assert span(doc, q.cue) == "Wie … sagte" and span(doc, q.source) == "die Weltgesundheitsorganisation"


def test_fronted_als_predicative_before_a_second_position_verb(pipe):
    doc, q = only(pipe, "Als wichtige Aufgabe der Politik sah es Köhler an, eine Reform der Renten voranzutreiben.")
    assert span(doc, q.source) == "Köhler"
    assert span(doc, q.message) == "eine Reform der Renten voranzutreiben"
