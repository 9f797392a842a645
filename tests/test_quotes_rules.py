"""Quotation attribution on invented German news sentences: one test per phenomenon."""

from __future__ import annotations

import pytest

from chronik.doc import Entity, Mention, Timex


from quotes_support import names, only, quotes, rules_pipeline, span


@pytest.fixture(scope="module")
def pipe():
    return rules_pipeline()


def test_direct_quote_with_following_cue_and_dative_addressee(pipe):
    doc, q = only(pipe, "„Wir werden nicht nachgeben“, sagte Putin dem französischen Präsidenten.")
    assert q.form == "Direct"
    assert span(doc, q.message) == "„Wir werden nicht nachgeben“"
    assert span(doc, q.cue) == "sagte"
    assert span(doc, q.source) == "Putin"
    assert span(doc, q.addressee) == "dem französischen Präsidenten"


def test_direct_quote_after_colon(pipe):
    doc, q = only(pipe, "Der Kanzler sagte: „Wir stehen fest an der Seite der Ukraine.“")
    assert (q.form, span(doc, q.source), span(doc, q.cue)) == ("Direct", "Der Kanzler", "sagte")
    assert span(doc, q.message) == "„Wir stehen fest an der Seite der Ukraine.“"


@pytest.mark.parametrize("open_, close", [("»", "«"), ('"', '"'), ("‚", "‘")])
def test_direct_quote_marks_of_every_style(pipe, open_, close):
    doc, q = only(pipe, f"{open_}Das Embargo bleibt vorerst bestehen{close}, sagte die Ministerin.")
    assert q.form == "Direct"
    assert span(doc, q.message) == f"{open_}Das Embargo bleibt vorerst bestehen{close}"
    assert span(doc, q.source) == "die Ministerin"


def test_interrupted_direct_quote_is_one_quotation(pipe):
    doc, q = only(pipe, "„Wir sind bereit“, sagte der Minister. „Aber wir warten ab, was Moskau tut.“")
    assert q.form == "Direct"
    assert len(q.message) == 2
    assert span(doc, q.message[1:]) == "„Aber wir warten ab, was Moskau tut.“"


def test_multi_sentence_direct_quote(pipe):
    doc, q = only(pipe, "Die Sprecherin erklärte: „Die Lage ist ernst. Wir prüfen alle Optionen.“")
    assert span(doc, q.message) == "„Die Lage ist ernst. Wir prüfen alle Optionen.“"


def test_unattributed_direct_quote_takes_the_previous_speaker(pipe):
    doc, qs = quotes(pipe, "„Die Verhandlungen sind gescheitert“, sagte Scholz. "
                           "„Wir werden jetzt andere Wege gehen müssen, um den Konflikt zu beenden.“")
    assert len(qs) == 2 or len(qs[0].message) == 2  # interrupted or carried: Scholz speaks both
    assert all(span(doc, q.source) == "Scholz" for q in qs)


def test_indirect_konjunktiv_after_verb_of_saying_with_anonymous_source(pipe):
    doc, q = only(pipe, "Ein US-Regierungsvertreter sagte, Russland habe ein Telefonat vorgeschlagen.")
    assert q.form == "Indirect" and q.attrs["subjunctive"]
    assert span(doc, q.message) == "Russland habe ein Telefonat vorgeschlagen"
    assert q.source_description == "US-Regierungsvertreter"
    assert q.source_country == "USA"
    assert q.source_entity is None


def test_indirect_dass_clause(pipe):
    doc, q = only(pipe, "Die Regierung betonte am Dienstag, dass die Grenzen offen bleiben.")
    assert q.form == "Indirect"
    assert span(doc, q.message) == "dass die Grenzen offen bleiben"
    assert span(doc, q.source) == "Die Regierung"


def test_indirect_inverted_after_message(pipe):
    doc, q = only(pipe, "Die Gespräche würden fortgesetzt, sagte der Sprecher des Außenministeriums.")
    assert span(doc, q.message) == "Die Gespräche würden fortgesetzt"
    assert span(doc, q.source) == "der Sprecher des Außenministeriums"


def test_so_cue(pipe):
    doc, q = only(pipe, "Die Lage an der Front sei stabil, so ein Sprecher der Armee.")
    assert (span(doc, q.cue), span(doc, q.source)) == ("so", "ein Sprecher der Armee")
    assert span(doc, q.message) == "Die Lage an der Front sei stabil"


def test_laut_cue(pipe):
    doc, q = only(pipe, "Laut Pentagon wurden in der Nacht zwanzig Raketen abgefeuert.")
    assert (span(doc, q.cue), span(doc, q.source)) == ("Laut", "Pentagon")
    assert span(doc, q.message) == "wurden in der Nacht zwanzig Raketen abgefeuert"


def test_zufolge_cue(pipe):
    doc, q = only(pipe, "Dem Gouverneur zufolge ist die Stromversorgung wiederhergestellt.")
    assert (span(doc, q.cue), span(doc, q.source)) == ("zufolge", "Dem Gouverneur")


def test_nach_angaben_von_cue(pipe):
    doc, q = only(pipe, "Nach Angaben von Kiew wurden zwei Dörfer zurückerobert.")
    assert span(doc, q.cue) == "Nach"
    assert span(doc, q.source) == "Angaben von Kiew"


def test_wie_x_mitteilte(pipe):
    doc, q = only(pipe, "Die Brücke bleibt gesperrt, wie die Polizei mitteilte.")
    assert span(doc, q.cue) == "wie … mitteilte"
    assert span(doc, q.source) == "die Polizei"
    assert span(doc, q.message) == "Die Brücke bleibt gesperrt"


def test_hiess_es_aus(pipe):
    doc, q = only(pipe, "Aus dem Kreml hieß es, man prüfe den Vorschlag.")
    assert span(doc, q.cue) == "hieß es"
    assert span(doc, q.source) == "Aus dem Kreml"  # the preposition marks the speaker (SpkAtt convention)
    assert span(doc, q.message) == "man prüfe den Vorschlag"


def test_reported_speech_with_role_and_apposition(pipe):
    doc, q = only(pipe, "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, kritisierte die Entscheidung.")
    assert q.form == "Reported"
    assert span(doc, q.cue) == "kritisierte"
    assert span(doc, q.source) == "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa"


def test_reported_speech_bestreiten(pipe):
    doc, q = only(pipe, "Moskau bestritt jegliche Angriffspläne.")
    assert (q.form, span(doc, q.source), span(doc, q.cue)) == ("Reported", "Moskau", "bestritt")


def test_writing_on_telegram_with_pronoun_speaker_resolved(pipe):
    def prepare(doc):
        name = doc.text.index("Maria Sacharowa")
        doc.entities = [Entity("PER", "Maria Sacharowa", country="RUS")]
        doc.mentions = [Mention(name, name + 15, "Maria Sacharowa", "PER", entity=0)]

    doc, qs = quotes(pipe, "Maria Sacharowa äußerte sich am Abend. Dies sei inakzeptabel, schrieb sie bei Telegram.", prepare)
    q = qs[-1]
    assert (q.medium, q.channel, span(doc, q.source)) == ("writing", "Telegram", "sie")
    assert q.source_entity == 0


def test_twitterte_names_its_channel(pipe):
    doc, q = only(pipe, "Biden twitterte, die USA stünden an der Seite der Ukraine.")
    assert (q.medium, q.channel) == ("writing", "Twitter")


def test_statement_channel(pipe):
    doc, q = only(pipe, "In einer Erklärung hieß es, die Truppen würden abgezogen.")
    assert (q.medium, q.channel) == ("writing", "Erklärung")


def test_press_conference_channel_and_speech(pipe):
    doc, q = only(pipe, "Der Minister sagte auf einer Pressekonferenz, die Lieferungen würden verdoppelt.")
    assert (q.medium, q.channel) == ("speech", "Pressekonferenz")


def test_addressee_of_vorwerfen(pipe):
    doc, q = only(pipe, "Der Kanzler warf Russland vor, das Abkommen gebrochen zu haben.")
    assert (span(doc, q.cue), span(doc, q.addressee)) == ("warf … vor", "Russland")


def test_addressee_of_auffordern(pipe):
    doc, q = only(pipe, "Selenskyj forderte den Westen auf, mehr Waffen zu liefern.")
    assert span(doc, q.addressee) == "den Westen"
    assert span(doc, q.message) == "mehr Waffen zu liefern"


def test_free_indirect_continuation_carries_speaker(pipe):
    doc, qs = quotes(pipe, "Der Sprecher sagte, die Armee habe sich zurückgezogen. Man sei aber weiter wachsam.")
    assert [q.form for q in qs] == ["Indirect", "FreeIndirect"]
    assert span(doc, qs[1].source) == "Der Sprecher"
    assert span(doc, qs[1].message) == "Man sei aber weiter wachsam."


def test_indicative_sentence_ends_no_quote(pipe):
    _, qs = quotes(pipe, "Der Zug fuhr um acht Uhr ab. Die Fahrgäste stiegen in Berlin um.")
    assert qs == []


def test_pronoun_speaker_resolves_to_previous_person(pipe):
    def prepare(doc):
        at = doc.text.index("Olaf Scholz")
        doc.entities = [Entity("PER", "Olaf Scholz", country="DEU")]
        doc.mentions = [Mention(at, at + 11, "Olaf Scholz", "PER", entity=0)]

    doc, qs = quotes(pipe, "Olaf Scholz reiste nach Kiew. Dort sagte er, Deutschland werde helfen.", prepare)
    assert qs[-1].source_entity == 0 and span(doc, qs[-1].source) == "er"


def test_named_source_links_to_entity(pipe):
    def prepare(doc):
        doc.entities = [Entity("ORG", "Pentagon", country="USA")]
        doc.mentions = [Mention(5, 13, "Pentagon", "ORG", entity=0)]

    doc, q = only(pipe, "Laut Pentagon wurden zwanzig Raketen abgefeuert.", prepare)
    assert q.source_entity == 0


def test_timex_in_the_same_sentence_is_linked(pipe):
    def prepare(doc):
        at = doc.text.index("am Montag")
        doc.timexes = [Timex(at, at + 9, "am Montag", "DATE", "2022-02-14", sentence=0)]

    doc, q = only(pipe, "Der Minister sagte am Montag, die Gespräche würden fortgesetzt.", prepare)
    assert q.timex == 0


def test_quoted_title_is_not_a_quotation(pipe):
    _, qs = quotes(pipe, "Die Zeitung „Die Welt“ erscheint in Berlin.")
    assert qs == []


WORDS = ["„", "“", '"', "»", "«", "‚", "‘", ",", ".", ":", "so", "laut", "sagte", "teilte", "mit", "sei",
         "Der", "Minister", "er", "sie", "nach", "Angaben", "zufolge", "hieß", "es", "aus", "dem", "Kreml",
         "wie", "mitteilte", "kritisierte", "die", "Entscheidung", "(", ")", "-", "Dies", "soll"]


def test_random_token_soup_never_crashes_and_spans_are_valid(pipe):
    import random

    rng = random.Random(5)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
        doc, qs = quotes(pipe, text)
        for q in qs:
            for spans in (q.cue, q.source, q.message, q.addressee):
                assert all(0 <= s < e <= len(doc.text) for s, e in spans)
            assert q.form in ("Direct", "Indirect", "FreeIndirect", "Reported")
            assert q.medium in ("speech", "writing", "thought")


def test_anaphoric_frame_takes_previous_sentence(pipe):
    doc, qs = quotes(pipe, "Die Grenze bleibt bis Freitag geschlossen. Dies teilte ein Sprecher der Bundespolizei mit.")
    q = qs[-1]
    assert span(doc, q.message) == "Die Grenze bleibt bis Freitag geschlossen"
    assert span(doc, q.cue) == "teilte … mit"
    assert span(doc, q.source) == "ein Sprecher der Bundespolizei"


def test_wie_clause_with_apposition(pipe):
    doc, q = only(pipe, "Wie Anna Berger, Sprecherin der Stadtwerke, am Morgen mitteilte, ist die Leitung repariert.")
    assert span(doc, q.cue) == "Wie … mitteilte"
    assert span(doc, q.source) == "Anna Berger, Sprecherin der Stadtwerke"
    assert span(doc, q.message) == "ist die Leitung repariert"


def test_postposed_nach_cue(pipe):
    doc, q = only(pipe, "Seiner Meinung nach hätte die Flugaufsicht die Landung untersagen müssen.")
    assert (span(doc, q.cue), span(doc, q.source)) == ("nach", "Seiner Meinung")


def test_relative_zufolge(pipe):
    doc, qs = quotes(pipe, "Er verwies auf Umfragen, denen zufolge die Mehrheit den Plan ablehnt.")
    q = [q for q in qs if span(doc, q.cue) == "zufolge"][0]
    assert span(doc, q.source) == "denen"
    assert span(doc, q.message) == "die Mehrheit den Plan ablehnt"


def test_interjected_so_with_verb(pipe):
    doc, q = only(pipe, "Tatsächlich, so betont die Polizei, gab es keine Verletzten.")
    assert span(doc, q.cue) == "betont"
    assert span(doc, q.source) == "die Polizei"
    assert span(doc, q.message) == "Tatsächlich … gab es keine Verletzten"


def test_light_verb_noun_cue(pipe):
    doc, q = only(pipe, "Die Gutachter kamen zu dem Ergebnis, dass die Brücke saniert werden muss.")
    assert span(doc, q.cue) == "kamen zu dem Ergebnis"
    assert span(doc, q.source) == "Die Gutachter"


def test_addressee_after_gegenueber(pipe):
    doc, q = only(pipe, "Gegenüber dem Rundfunk erklärte die Ministerin, die Reform komme im Herbst.")
    assert span(doc, q.addressee) == "dem Rundfunk"
    assert span(doc, q.source) == "die Ministerin"


def test_addressee_of_an_interview(pipe):
    doc, q = only(pipe, "Der Trainer sagte in einem Interview mit der Lokalzeitung, er bleibe im Verein.")
    assert span(doc, q.addressee) == "der Lokalzeitung"
    assert q.channel == "Interview"


def test_passive_subject_is_the_addressee(pipe):
    doc, q = only(pipe, "Die Regierung wurde aufgefordert, die Grenzübergänge zu öffnen.")
    assert span(doc, q.addressee) == "Die Regierung"
    assert q.source == []


def test_so_frame_with_apposition_at_the_sentence_end(pipe):
    doc, q = only(pipe, "Die Wahlbeteiligung sinke weiter, so Frank Karl, Leiter der Abteilung Politik bei der Stiftung.")
    assert span(doc, q.source) == "Frank Karl, Leiter der Abteilung Politik bei der Stiftung"
    assert span(doc, q.message) == "Die Wahlbeteiligung sinke weiter"


def test_nach_with_an_article_after_a_comma_is_no_relative_cue(pipe):
    doc, qs = quotes(pipe, "„Wir haben vier Punkte“, sagte Milan Rajko, der Trainer der Mannschaft, nach dem Spiel.")
    assert [span(doc, q.cue) for q in qs] == ["sagte"]


@pytest.mark.parametrize("text,speaker,cited_by", [
    ("„Das wird teuer“, zitiert die Zeitung den Minister.", "den Minister", "die Zeitung"),
    ("Die Zeitung zitiert den Minister mit den Worten: „Das wird teuer.“", "den Minister", "Die Zeitung"),
    ("„Wir bleiben hart“, wird der Minister von der Zeitung zitiert.", "der Minister", "der Zeitung"),
    ("Der Fraktionschef Volker Rahm wird von der Netzeitung mit den Worten zitiert: „Der Bürgermeister ist "
     "angeschlagen.“", "Der Fraktionschef Volker Rahm", "der Netzeitung"),
])
def test_the_cited_person_speaks_not_who_cites(pipe, text, speaker, cited_by):
    doc, q = only(pipe, text)
    assert (q.form, span(doc, q.source), q.attrs["cited_by"]) == ("Direct", speaker, cited_by)


def test_message_starts_after_the_apposition_of_an_inverted_subject(pipe):
    doc, q = only(pipe, "Bereits am Montag meldete der Radiosender, Radio Nord, dass die Brücke gesperrt wird.")
    assert span(doc, q.source) == "der Radiosender, Radio Nord"
    assert span(doc, q.message) == "dass die Brücke gesperrt wird"


def test_zu_infinitive_message_opening_with_the_preposition_seit(pipe):
    doc, q = only(pipe, "Die Staatsanwaltschaft warf dem Bürgermeister vor, seit 2014 Vorschriften verletzt zu haben.")
    assert (q.form, span(doc, q.cue)) == ("Indirect", "warf … vor")
    assert span(doc, q.message) == "seit 2014 Vorschriften verletzt zu haben"


@pytest.mark.parametrize("text,source", [
    ("Aus Regierungskreisen verlautete, der Minister werde noch heute zurücktreten.", "Regierungskreisen"),
    ("Es verlautete aus Kreisen der Koalition, die Steuer komme im Mai.", "Kreisen der Koalition"),
])
def test_impersonal_report_takes_its_origin_as_source(pipe, text, source):
    doc, q = only(pipe, text)
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Indirect", "verlautete", source)


def test_nach_cue_inside_a_relative_clause_covers_that_clause_only(pipe):
    doc, qs = quotes(pipe, "Die Nato äußerte sich besorgt über die Zahl der Soldaten, die nach westlichen Schätzungen "
                           "bei rund 30.000 liegt.")
    q = next(q for q in qs if span(doc, q.cue) == "nach")
    assert span(doc, q.source) == "westlichen Schätzungen"
    assert span(doc, q.message) == "die … bei rund 30.000 liegt"


def test_source_name_with_preposition_and_adjective(pipe):
    doc, q = only(pipe, "„Die Lage ist ernst“, sagte ein Sprecher des Instituts für internationale Politik.")
    assert span(doc, q.source) == "ein Sprecher des Instituts für internationale Politik"


def test_article_with_extended_attribute_after_the_comma_opens_a_message(pipe):
    doc, q = only(pipe, "Der Anwalt empfahl dem Gericht, der vor Jahren eingereichten Klage stattzugeben.")
    assert (q.form, span(doc, q.cue)) == ("Indirect", "empfahl")
    assert span(doc, q.message) == "der vor Jahren eingereichten Klage stattzugeben"


def test_place_after_an_unnamed_institution_locates_the_speaker_but_is_not_it(pipe):
    def koeln(doc):
        names(doc, ("Köln", "LOC"))
        doc.entities[0].country = "DEU"

    doc, q = only(pipe, "Die Bürgerstiftung Köln teilte mit, das Fest falle aus.", prepare=koeln)
    assert q.source_entity is None
    assert (q.source_description, q.source_country) == ("Bürgerstiftung Köln", "DEU")


def test_zurufen_with_its_particle_and_dative_addressee(pipe):
    doc, q = only(pipe, "„Wir haben keine Zeit mehr“, rief die Aktivistin den Demonstranten zu.")
    assert (q.form, span(doc, q.cue), span(doc, q.addressee)) == ("Direct", "rief … zu", "den Demonstranten")
