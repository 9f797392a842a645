"""Quotation frames added after error analysis on SpkAtt dev: one invented sentence per phenomenon."""

from __future__ import annotations

import pytest

from quotes_support import names, only, quotes, rules_pipeline, span


@pytest.fixture(scope="module")
def pipe():
    return rules_pipeline()


def test_trailing_so_frame_is_not_a_complement_of_an_earlier_verb(pipe):
    doc, qs = quotes(pipe, "Man habe die Störung eindeutig festgestellt, so der britische Fernsehsender.")
    outer = [q for q in qs if not q.attrs.get("nested")]  # "Man habe … festgestellt" is reported inside it
    assert len(outer) == 1
    q = outer[0]
    assert (span(doc, q.cue), span(doc, q.source)) == ("so", "der britische Fernsehsender")
    assert span(doc, q.message) == "Man habe die Störung eindeutig festgestellt"


def test_trailing_verb_frame_is_not_a_complement_of_an_earlier_verb(pipe):
    doc, q = only(pipe, "Die Liste existiere bereits, werde aber nicht veröffentlicht, teilte ein Kreml-Sprecher mit.")
    assert span(doc, q.cue) == "teilte … mit" and span(doc, q.source) == "ein Kreml-Sprecher"
    assert span(doc, q.message) == "Die Liste existiere bereits, werde aber nicht veröffentlicht"


def test_comma_inside_the_closing_quotation_mark(pipe):
    doc, q = only(pipe, "„Wir haben alles versucht, aber die Zeit reichte nicht,“ sagte die Ärztin.")
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Direct", "sagte", "die Ärztin")


def test_cue_right_after_the_closing_mark_without_comma(pipe):
    doc, q = only(pipe, "„Das Gesetz kommt zu spät.“ erklärte die Abgeordnete.")
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Direct", "erklärte", "die Abgeordnete")


def test_subject_with_an_apposition_the_noun_phrase_rules_cannot_parse(pipe):
    doc, q = only(pipe, "Frank Bauer, Vorsitzender der Lehrer-Union für das Münsterland, sagte, das sei unfassbar.")
    assert span(doc, q.source) == "Frank Bauer, Vorsitzender der Lehrer-Union für das Münsterland"


def test_subject_with_an_unclosed_apposition(pipe):
    doc, q = only(pipe, "Rob Meier, Sekretär des Vereins sagte, alle Spieler hätten sich entschuldigt.")
    assert span(doc, q.source) == "Rob Meier, Sekretär des Vereins"


def test_particle_after_an_apposition(pipe):
    doc, qs = quotes(pipe, "Die Wahl ist gültig. Dies teilte der Leiter der Wahlkommission, Anna Chu, mit.")
    assert len(qs) == 1
    assert span(doc, qs[0].cue) == "teilte … mit"
    assert span(doc, qs[0].source) == "der Leiter der Wahlkommission, Anna Chu"
    assert span(doc, qs[0].message) == "Die Wahl ist gültig"


def test_subject_of_the_first_conjunct(pipe):
    doc, q = only(pipe, "Podolski war ebenfalls anwesend und sagte, er freue sich über den Wechsel.")
    assert span(doc, q.source) == "Podolski"


def test_focus_adverb_before_the_subject(pipe):
    doc, q = only(pipe, "Auch der frühere Schiedsrichter Urs Meier kritisierte, der Spanier habe versagt.")
    assert span(doc, q.source) == "der frühere Schiedsrichter Urs Meier"


def test_fronted_object_with_a_pronoun_subject(pipe):
    doc, q = only(pipe, "Die Tat bezeichnete er als „sinnlos“.")
    assert span(doc, q.source) == "er"


def test_partitive_source(pipe):
    doc, q = only(pipe, "Einer der beteiligten Feuerwehrmänner sagte: „So etwas habe ich noch nie gesehen.“")
    assert span(doc, q.source) == "Einer der beteiligten Feuerwehrmänner"


def test_genitive_without_article_stays_in_the_source(pipe):
    doc, q = only(pipe, "Nach Angaben libanesischer Sicherheitskreise wurde eine Person getötet.")
    assert span(doc, q.source) == "Angaben libanesischer Sicherheitskreise"


@pytest.mark.parametrize("text, source", [
    ("Dem Vernehmen nach soll der Minister bald zurücktreten.", "Dem Vernehmen"),
    ("Nach der Einschätzung eines Experten sei das Risiko gering.", "der Einschätzung eines Experten"),
])
def test_more_nach_nouns(pipe, text, source):
    doc, q = only(pipe, text)
    assert span(doc, q.cue).lower() == "nach" and span(doc, q.source) == source


@pytest.mark.parametrize("text, cue, source, message", [
    ("Die Partei lehnte den Antrag ab mit der Begründung, er sei zu teuer.", "mit der Begründung", "",
     "er sei zu teuer"),
    ("Mit Befremden reagierte die Partei auf die Forderung des Ministers, die Steuern zu senken.", "die Forderung",
     "des Ministers", "die Steuern zu senken"),
])
def test_noun_of_saying_with_its_own_complement(pipe, text, cue, source, message):
    doc, qs = quotes(pipe, text)
    hits = [q for q in qs if span(doc, q.cue) == cue]
    assert hits, [(span(doc, q.cue), span(doc, q.message)) for q in qs]
    assert span(doc, hits[0].source) == source and span(doc, hits[0].message) == message


@pytest.mark.parametrize("text, cue", [
    ("Die Behörde hält es für möglich, dass der Damm bricht.", "hält es für möglich"),
    ("Der Minister zeigte sich besorgt, dass die Preise weiter steigen.", "zeigte sich besorgt"),
    ("Es wird vermutet, dass der Brand gelegt wurde.", "Es wird vermutet"),
])
def test_cue_companions(pipe, text, cue):
    doc, q = only(pipe, text)
    assert span(doc, q.cue).replace(" … ", " ") == cue


def test_impersonal_bekannt_werden(pipe):
    doc, q = only(pipe, "Am Abend wurde bekannt, dass der Trainer entlassen wird.")
    assert span(doc, q.cue) == "wurde bekannt" and span(doc, q.message) == "dass der Trainer entlassen wird"


def test_verb_that_is_not_reported_speech_still_names_the_next_speaker(pipe):
    _, qs = quotes(pipe, "Der Bürgermeister begrüßte den Plan.")
    assert qs == []  # "begrüßen" + object is no quotation by itself …
    doc, qs = quotes(pipe, "Der Bürgermeister begrüßte den Plan. „Das ist ein guter Tag für unsere Stadt.“")
    assert len(qs) == 1 and span(doc, qs[0].source) == "Der Bürgermeister"  # … but it names the speaker


def test_quoted_words_in_a_reported_clause_are_the_message(pipe):
    doc, q = only(pipe, "Die Gewerkschaft bezeichnete die Pläne als „Wortbruch“.")
    assert (q.form, span(doc, q.message), span(doc, q.cue)) == ("Direct", "„Wortbruch“", "bezeichnete … als")


def test_so_between_dashes(pipe):
    doc, qs = quotes(pipe, "Der Sänger ruft dazu auf – so der Vorwurf –, die Polizei anzugreifen.")
    hits = [q for q in qs if span(doc, q.cue) == "so"]
    assert hits and span(doc, hits[0].source) == "der Vorwurf"


def test_hiess_es_vom_keeps_the_preposition_of_the_speaker(pipe):
    doc, q = only(pipe, "Alle Anzeichen deuteten auf einen Anschlag hin, hieß es vom Abgeordneten Viktor Oserow.")
    assert span(doc, q.source) == "vom Abgeordneten Viktor Oserow"


def test_subordinate_clause_verb_takes_no_main_clause_as_message(pipe):
    _, qs = quotes(pipe, "Nachdem die Feuerwehr gewarnt hatte, begann die Evakuierung des Viertels.")
    assert qs == []


def test_article_after_the_comma_is_no_relative_pronoun(pipe):
    doc, q = only(pipe, "Der General erklärte, die neue Verfassung werde die Rolle des Militärs festlegen.")
    assert span(doc, q.message) == "die neue Verfassung werde die Rolle des Militärs festlegen"


def test_reported_speech_inside_a_message_is_marked_nested(pipe):
    doc, qs = quotes(pipe, "Der Sprecher sagte, Moskau habe jegliche Angriffspläne bestritten.")
    outer = [q for q in qs if span(doc, q.cue) == "sagte"]
    assert outer and not outer[0].attrs.get("nested")
    assert all(q.attrs.get("nested") for q in qs if q.form == "Reported")


def test_about_lists_the_entities_a_message_mentions(pipe):
    def prepare(doc):
        names(doc, ("Maria Sacharowa", "PER"), ("USA", "LOC"), ("Ukraine", "LOC"))

    doc, q = only(pipe, "Maria Sacharowa sagte, die USA lieferten Waffen an die Ukraine.", prepare)
    assert q.source_entity == 0 and q.attrs["about"] == ["USA", "Ukraine"]


def test_about_leaves_out_what_the_source_phrase_names(pipe):
    def prepare(doc):
        names(doc, ("Außenministeriums", "ORG"), ("Maria Sacharowa", "PER"), ("Ukraine", "LOC"))

    doc, q = only(pipe, "Die Sprecherin des Außenministeriums, Maria Sacharowa, bezeichnete die Berichte über die "
                        "Ukraine als Erfindung.", prepare)
    assert q.form == "Reported" and q.attrs["about"] == ["Ukraine"]


def test_person_in_the_source_is_the_speaker_not_a_place_after_it(pipe):
    def prepare(doc):
        names(doc, ("Frank Bauer", "PER"), ("Münsterland", "LOC"))

    doc, q = only(pipe, "Frank Bauer, Vorsitzender der Union für das Münsterland, sagte, das sei unfassbar.", prepare)
    assert q.source_entity == 0


def test_capitalised_adverb_opening_the_sentence_is_no_source(pipe):
    def prepare(doc):
        names(doc, ("Musk", "PER"))
        for t in doc.tokens:
            t.pos = {"Sinngemäß": "ADJD", "hofft": "VVFIN", "Musk": "NE", "also": "ADV"}.get(t.text, "NN")

    doc, q = only(pipe, "Sinngemäß hofft Musk also, dass der nächste Start bald erfolgt.", prepare)
    assert span(doc, q.source) == "Musk"


def test_preceding_subordinate_clause_is_no_message(pipe):
    _, qs = quotes(pipe, "Als die Polizei eintraf, sagte der Zeuge aus.")
    assert qs == []


def test_predicative_als_opens_no_subordinate_clause(pipe):
    doc, q = only(pipe, "Als Begründung wurde angegeben, es werde ein neuer Partner gesucht.")
    assert span(doc, q.cue) == "wurde angegeben" and q.addressee == []
    assert span(doc, q.message) == "es werde ein neuer Partner gesucht"


def test_vorwuerfe_werden_laut(pipe):
    doc, q = only(pipe, "Erneut wurden Vorwürfe laut, die Angreifer seien bezahlt worden.")
    assert span(doc, q.cue) == "wurden … laut" and span(doc, q.message) == "die Angreifer seien bezahlt worden"


def test_colon_frame_without_a_verb_of_saying(pipe):
    tags = {"Dabei": "PAV", "griff": "VVFIN", "sie": "PPER", "den": "ART", "an": "PTKVZ", ":": "$.",
            "„": "$(", "“": "$(", ".": "$.", "ist": "VAFIN"}
    doc, q = only(pipe, "Dabei griff sie den Präsidenten an: „Das ist eine Lüge.“", tags=tags)
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Direct", "griff … an", "sie")


def test_place_after_a_named_person_is_no_part_of_the_source(pipe):
    def prepare(doc):
        names(doc, ("Ali al-Omair", "PER"), ("Wien", "LOC"))

    doc, q = only(pipe, "Die Förderung steigt. Dies bestätigte der Ölminister Ali al-Omair in Wien.", prepare)
    assert span(doc, q.source) == "der Ölminister Ali al-Omair"


def test_a_time_before_the_verb_is_no_source(pipe):
    doc, q = only(pipe, "Ende Januar verkündete der Verband, dass er sich bewerben werde.")
    assert span(doc, q.source) == "der Verband"
