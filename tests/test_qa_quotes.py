"""Acceptance regressions for quotes.rules found by QA on invented articles (issue 5): speaker
resolution, addressees after a time, closing frames. Full default pipeline (tags, names, times)."""

from __future__ import annotations

import datetime

import pytest

from chronik.doc import DocDate, Document
from chronik.pipeline import Pipeline
from quotes_support import span


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.default()


def run(pipe, text):
    day = datetime.date(2023, 3, 22)
    return pipe(Document("qa", text, date=DocDate("2023-03-22", "day", day, day)))


def speaker(doc, q):
    return doc.entities[q.source_entity].name if q.source_entity is not None else None


def by_cue(doc, cue):
    found = [q for q in doc.quotes if span(doc, q.cue) == cue]
    assert found, [(span(doc, q.cue), span(doc, q.message)) for q in doc.quotes]
    return found[0]


def test_singular_pronoun_speaker_is_the_person_not_a_feminine_organisation(pipe):
    doc = run(pipe, "Moskau. Maria Sacharowa hat die Sanktionen der EU verurteilt. „Brüssel schadet sich "
                    "selbst“, schrieb sie am Mittwoch bei Telegram.")
    q = by_cue(doc, "schrieb")
    assert span(doc, q.source) == "sie" and speaker(doc, q) == "Maria Sacharowa"
    assert q.channel == "Telegram" and q.medium == "writing"


def test_plural_pronoun_speaker_may_still_be_an_organisation(pipe):
    doc = run(pipe, "Brüssel. Die NATO beriet am Dienstag mit Kanzler Scholz. Man sei einig, sagten sie "
                    "anschließend.")
    q = by_cue(doc, "sagten")
    assert span(doc, q.source) == "sie" and speaker(doc, q) == "NATO"


def test_addressee_after_a_time_expression(pipe):
    doc = run(pipe, "Berlin. Die Lage sei ernst, sagte Baerbock am Freitag dem Sender CNN.")
    q = by_cue(doc, "sagte")
    assert span(doc, q.addressee) == "dem Sender CNN" and span(doc, q.source) == "Baerbock"
    doc = run(pipe, "Moskau. Es gebe keine derartigen Pläne, sagte Peskow am Samstag der Agentur Interfax.")
    assert span(doc, by_cue(doc, "sagte").addressee) == "der Agentur Interfax"


def test_anonymous_speaker_located_by_a_place_is_not_the_place(pipe):
    doc = run(pipe, "Rom. Laut einem Regierungssprecher in Rom soll das Paket im Mai beschlossen werden.")
    q = by_cue(doc, "Laut")
    assert q.source_entity is None and q.source_country == "ITA"
    assert q.attrs.get("source_kind") == "anonymous"


def test_definite_role_refers_back_to_the_named_person(pipe):
    doc = run(pipe, "Berlin. Wirtschaftsminister Robert Habeck zeigte sich zufrieden. »Die Speicher sind "
                    "voll«, sagte der Grünen-Politiker am Donnerstag.")
    q = by_cue(doc, "sagte")
    assert span(doc, q.source) == "der Grünen-Politiker" and speaker(doc, q) == "Robert Habeck"


def test_organisation_role_never_resolves_to_a_person_or_an_unrelated_organisation(pipe):
    doc = run(pipe, "Paris. Präsident Macron sprach mit der Zeitung Le Monde. Die Lage sei ernst, teilte "
                    "das Ministerium mit.")
    q = by_cue(doc, "teilte … mit")
    assert q.source_entity is None
    doc = run(pipe, "Kiew. Das ukrainische Verteidigungsministerium meldete Angriffe. Präsident Selenskyj "
                    "reiste ab. Die Lage sei ernst, teilte das Ministerium mit.")
    assert "Verteidigungsministerium" in speaker(doc, by_cue(doc, "teilte … mit"))


def test_closing_frame_quotes_the_whole_clause_with_its_own_addressee(pipe):
    doc = run(pipe, "Paris. Er habe Xi gebeten, mit Selenskyj zu telefonieren, sagte Macron später der "
                    "Zeitung Le Monde.")
    outer = by_cue(doc, "sagte")
    assert span(doc, outer.source) == "Macron"
    assert span(doc, outer.message) == "Er habe Xi gebeten, mit Selenskyj zu telefonieren"
    assert span(doc, outer.addressee) == "der Zeitung Le Monde"
    inner = by_cue(doc, "habe … gebeten")
    assert span(doc, inner.message) == "mit Selenskyj zu telefonieren"


def test_anaphoric_das_with_verb_the_tagger_read_as_adjective_before_a_name(pipe):
    doc = run(pipe, "Paris. Frankreich verlegt rund 3000 Soldaten nach Rumänien. Das kündigte "
                    "Verteidigungsminister Sébastien Lecornu am Dienstag an.")
    q = by_cue(doc, "kündigte … an")
    assert span(doc, q.source) == "Verteidigungsminister Sébastien Lecornu"
    assert span(doc, q.message) == "Frankreich verlegt rund 3000 Soldaten nach Rumänien"
    doc = run(pipe, "Berlin. Das erklärte Ziel der Regierung ist klar.")
    assert doc.quotes == []


def test_short_whole_sentence_quote_takes_the_previous_speaker(pipe):
    doc = run(pipe, "Kiew. Die Ukraine werde sich weiter verteidigen, sagte Selenskyj. „Wir werden siegen.“")
    direct = [q for q in doc.quotes if q.form == "Direct"]
    assert [span(doc, q.message) for q in direct] == ["„Wir werden siegen.“"]
    assert speaker(doc, direct[0]) is not None and "Selenskyj" in speaker(doc, direct[0])


def test_interrupted_quote_with_time_and_place_in_the_frame_is_one_quotation(pipe):
    doc = run(pipe, "Kiew. „Wir stehen an der Seite der Ukraine“, sagte Scholz am Donnerstag in Kiew, "
                    "„so lange es nötig ist.“")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert span(doc, q.message) == "„Wir stehen an der Seite der Ukraine“ … „so lange es nötig ist.“"
    assert span(doc, q.cue) == "sagte" and span(doc, q.source) == "Scholz"


def test_medium_after_an_inverted_subject_is_the_addressee(pipe):
    doc = run(pipe, "Washington. Die Angriffe hätten Flughäfen gegolten, sagten zwei US-Regierungsvertreter der "
                    "Nachrichtenagentur Reuters am Dienstag.")
    q = by_cue(doc, "sagten")
    assert span(doc, q.source) == "zwei US-Regierungsvertreter" and q.source_country == "USA"
    assert span(doc, q.addressee) == "der Nachrichtenagentur Reuters"


def test_vor_the_security_council_is_the_addressee(pipe):
    doc = run(pipe, "New York. Er befürchte eine Katastrophe, sagte Guterres am Freitag vor dem Sicherheitsrat.")
    assert span(doc, by_cue(doc, "sagte").addressee) == "dem Sicherheitsrat"


@pytest.mark.parametrize("text,cue,source", [
    ("Die Stadtverwaltung hat am Freitag, dem 3. März 2023, ebenfalls bestritten, dass Gelder fehlten.",
     "hat … bestritten", "Die Stadtverwaltung"),
    ("Die Stadtverwaltung hat in einem Brief an die Eltern (Kita Sonnenschein, Elternbeirat) bekräftigt, "
     "die Gebühren blieben stabil.", "hat … bekräftigt", "Die Stadtverwaltung"),
])
def test_auxiliary_before_appositions_belongs_to_the_participle_cue(pipe, text, cue, source):
    doc = run(pipe, text)
    q = by_cue(doc, cue)
    assert (q.form, span(doc, q.source)) == ("Indirect", source)


def test_source_keeps_the_body_it_sits_in_before_an_apposition(pipe):
    doc = run(pipe, "Die Vertreterin der Eltern im Schulausschuss, Anna Berger, hat gefordert, dass die Stadt "
                    "mehr Lehrkräfte einstelle.")
    q = by_cue(doc, "hat gefordert")
    assert span(doc, q.source) == "Die Vertreterin der Eltern im Schulausschuss, Anna Berger"


def test_subject_with_prepositional_phrase_and_apposition_before_the_verb(pipe):
    doc = run(pipe, "Auch die Sprecherin beim Landesverband, Maria Kunz, äußerte sich zufrieden über den Beschluss: "
                    "„Das ist ein guter Tag für die Schulen.“")
    q = by_cue(doc, "äußerte sich zufrieden")
    assert (q.form, span(doc, q.source)) == ("Direct", "die Sprecherin beim Landesverband, Maria Kunz")


def test_light_verb_frame_with_a_separated_particle_after_adverbials(pipe):
    doc = run(pipe, "Die Forscher stellten schon vor zehn Jahren die These auf, dass die Schnecken ihr Verhalten ändern.")
    q = by_cue(doc, "stellten … die These auf")
    assert (q.form, span(doc, q.source)) == ("Indirect", "Die Forscher")
    assert span(doc, q.message) == "dass die Schnecken ihr Verhalten ändern"


def test_medium_in_a_wie_clause_is_the_addressee_not_part_of_the_source(pipe):
    doc = run(pipe, "Wie ein EU-Diplomat der Nachrichtenagentur dpa mitteilte, soll der Gipfel verlängert werden.")
    q = by_cue(doc, "Wie … mitteilte")
    assert (span(doc, q.source), span(doc, q.addressee)) == ("ein EU-Diplomat", "der Nachrichtenagentur dpa")
    assert q.source_description == "EU-Diplomat"


def test_indicative_report_after_adverbials_and_an_interview_phrase(pipe):
    doc = run(pipe, "Der Bundesgesundheitsminister erklärte am Montag im Interview mit dem Deutschlandfunk, die "
                    "Kliniken erhielten mehr Geld.")
    q = by_cue(doc, "erklärte")
    assert (q.form, span(doc, q.source)) == ("Indirect", "Der Bundesgesundheitsminister")
    assert span(doc, q.message) == "die Kliniken erhielten mehr Geld"



def test_speaker_is_the_role_after_a_country_genitive_not_the_country(pipe):
    doc = run(pipe, "Russlands Außenminister sagte am Montag, Moskau werde reagieren.")
    q = by_cue(doc, "sagte")
    entity = doc.entities[q.source_entity]
    assert (entity.name, entity.country) == ("Russlands Außenminister", "RUS")


def test_institution_with_its_place_is_the_speaker_not_the_place(pipe):
    doc = run(pipe, "Die Staatsanwaltschaft Köln teilte mit, gegen drei Beschuldigte werde ermittelt.")
    q = by_cue(doc, "teilte mit")
    entity = doc.entities[q.source_entity]
    assert (entity.name, entity.label, entity.country, entity.sector) == ("Staatsanwaltschaft Köln", "ORG", "DEU", "JUD")



def test_object_of_a_reported_announcement_is_no_addressee(pipe):
    doc = run(pipe, "Der Vorstandschef des Autobauers, Thomas Keller, kündigte Stellenstreichungen an.")
    q = by_cue(doc, "kündigte … an")
    assert (q.form, span(doc, q.addressee)) == ("Reported", "")


def test_pronoun_speaker_agrees_in_gender_with_the_given_name(pipe):
    doc = run(pipe, "Thomas Keller und Anna Vogt trafen sich in Berlin. Sie sagte danach, man sei sich einig. "
                    "Er betonte, die Gespräche gingen weiter.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Anna Vogt"
    assert speaker(doc, by_cue(doc, "betonte")) == "Thomas Keller"


def test_singular_sie_skips_a_man_when_no_woman_is_named(pipe):
    doc = run(pipe, "Thomas Keller kündigte den Abbau von Stellen an. Die Gewerkschaft reagierte empört. "
                    "Sie schrieb, man werde streiken.")
    assert speaker(doc, by_cue(doc, "schrieb")) is None


def test_coordinated_second_verb_of_saying_owns_the_complement(pipe):
    doc = run(pipe, "Die Ministerin verteidigte die Entscheidung und sagte, Deutschland stehe an der Seite der Ukraine.")
    assert [(q.form, span(doc, q.cue), span(doc, q.message)) for q in doc.quotes] == [
        ("Indirect", "sagte", "Deutschland stehe an der Seite der Ukraine")]
    assert span(doc, doc.quotes[0].source) == "Die Ministerin"


def test_first_conjunct_stays_reported_speech_of_its_own(pipe):
    doc = run(pipe, "Der Kreml kritisierte den Schritt als destruktiv und warf Washington vor, die Spannungen "
                    "anzuheizen.")
    assert [(q.form, span(doc, q.cue)) for q in doc.quotes] == [("Reported", "kritisierte … als"),
                                                              ("Indirect", "warf … vor")]
    assert span(doc, doc.quotes[0].message) == "Der Kreml kritisierte den Schritt als destruktiv"


def test_trailing_hiess_es_frame_takes_the_sentence_before_it(pipe):
    doc = run(pipe, "Biden habe mit harten Maßnahmen gedroht, sollte Russland einmarschieren, hieß es aus Washington.")
    q = by_cue(doc, "hieß es")
    assert span(doc, q.source) == "aus Washington"
    assert span(doc, q.message) == "Biden habe mit harten Maßnahmen gedroht, sollte Russland einmarschieren"


@pytest.mark.parametrize("text,cue,source", [
    ("Der für die Region zuständige Koordinator, Paul Tessema, sagte, nur 14 Boote seien im Einsatz.", "sagte",
     "Der für die Region zuständige Koordinator, Paul Tessema"),
    ("„Jetzt ist es noch außergewöhnlicher“, schrieb die in New York geborene Sängerin.", "schrieb",
     "die in New York geborene Sängerin"),
])
def test_source_with_an_extended_attribute(pipe, text, cue, source):
    doc = run(pipe, text)
    assert span(doc, by_cue(doc, cue).source) == source


def test_causal_zumal_clause_is_no_message_but_may_hold_its_own_report(pipe):
    doc = run(pipe, "Das Gericht lehnte ab, zumal Verteidiger Wolfgang Dingfelder betont hatte, der Angeklagte sei "
                    "nicht vorbestraft.")
    assert [(span(doc, q.cue), span(doc, q.source)) for q in doc.quotes] == [
        ("betont hatte", "Verteidiger Wolfgang Dingfelder")]


def test_apposition_after_an_inverted_subject_is_no_message(pipe):
    doc = run(pipe, "Die Wahl war frei. Das bestätigte der Präsident Indonesiens, Susilo Bambang Yudhoyono.")
    q = by_cue(doc, "bestätigte")
    assert span(doc, q.source) == "der Präsident Indonesiens, Susilo Bambang Yudhoyono"
    assert span(doc, q.message) == "Die Wahl war frei"


def test_quoted_name_before_its_verb_is_the_subject(pipe):
    doc = run(pipe, "„BBC News“ berichtet unter Berufung auf einen Wärter, dass die Gefangenen geflohen sind.")
    q = by_cue(doc, "berichtet")
    assert (q.form, span(doc, q.source)) == ("Indirect", "„BBC News“")
    assert span(doc, q.message) == "dass die Gefangenen geflohen sind"


def test_definite_function_noun_needs_a_person_with_that_role(pipe):
    doc = run(pipe, "Minister Jan Berg kam nicht. Der Sprecher sagte, Berg sei krank.")
    q = by_cue(doc, "sagte")
    assert speaker(doc, q) is None and q.source_description == "Sprecher"
    doc = run(pipe, "Regierungssprecher Paul Kern trat vor die Presse. Der Sprecher sagte, man prüfe alles.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Paul Kern"


def test_unnamed_definite_role_with_its_organisation_is_described(pipe):
    doc = run(pipe, "Dem Sprecher der Polizei zufolge verlief die Demonstration friedlich.")
    q = by_cue(doc, "zufolge")
    assert speaker(doc, q) is None and q.source_description == "Sprecher der Polizei"


def test_pronoun_after_an_unnamed_speaker_keeps_the_description(pipe):
    doc = run(pipe, "Ein Sprecher des Pentagons sagte, man beobachte die Lage genau. Die Lage sei ernst, fügte er hinzu.")
    first, q = by_cue(doc, "sagte"), by_cue(doc, "fügte … hinzu")
    assert span(doc, q.source) == "er" and (q.source_entity, q.source_description) == (
        first.source_entity, first.source_description)
    assert speaker(doc, q) == "Pentagon"
    doc = run(pipe, "Ein Sprecher der Stadtwerke sagte, man prüfe alles. Die Preise sänken, fügte er hinzu.")
    assert by_cue(doc, "fügte … hinzu").source_description == "Sprecher der Stadtwerke"


def test_channel_inside_a_reported_message(pipe):
    doc = run(pipe, "Brüssel. In einer gemeinsamen Erklärung forderten die Außenminister eine sofortige Waffenruhe.")
    q = by_cue(doc, "forderten")
    assert q.form == "Reported" and q.channel == "Erklärung" and q.medium == "writing"
    doc = run(pipe, "Berlin. Die Opposition forderte eine Erklärung der Ministerin.")
    assert by_cue(doc, "forderte").channel is None  # the object is no channel


def test_konjunktiv_verb_after_a_konjunktiv_clause_continues_the_report(pipe):
    doc = run(pipe, "Berlin. Die Gewerkschaft drohte mit Streiks. Man sei zu Gesprächen bereit, erwarte aber ein "
                    "besseres Angebot, hieß es in einer Mitteilung.")
    assert [span(doc, q.cue) for q in doc.quotes if q.form != "Reported"] == ["hieß es"]
    q = by_cue(doc, "hieß es")
    assert span(doc, q.message) == "Man sei zu Gesprächen bereit, erwarte aber ein besseres Angebot"


def test_time_after_an_inverted_subject_is_not_part_of_it(pipe):
    doc = run(pipe, "Moskau. Zuletzt hatte Peskow Ende Dezember erklärt, Russland sei zu Verhandlungen bereit.")
    q = by_cue(doc, "hatte … erklärt")
    assert span(doc, q.source) == "Peskow" and doc.timexes[q.timex].value == "2022-12"


def test_dative_medium_with_adjective_or_quoted_title_is_the_addressee(pipe):
    doc = run(pipe, "Berlin. Wie ein Sprecher des Innenministeriums der Deutschen Presse-Agentur bestätigte, "
                    "wurde der Verdächtige am Morgen festgenommen.")
    q = by_cue(doc, "Wie … bestätigte")
    assert span(doc, q.source) == "ein Sprecher des Innenministeriums"
    assert span(doc, q.addressee) == "der Deutschen Presse-Agentur"
    doc = run(pipe, "Berlin. Der Rücktritt sei endgültig, sagte ein Parteisprecher der „Frankfurter Allgemeinen "
                    "Zeitung“.")
    q = by_cue(doc, "sagte")
    assert span(doc, q.source) == "ein Parteisprecher"
    assert span(doc, q.addressee) == "der „Frankfurter Allgemeinen Zeitung“"


def test_bare_plural_role_with_adjective_is_anonymous_with_country(pipe):
    doc = run(pipe, "Tel Aviv. Israelische Militärsprecher erklärten, man habe Stellungen der Hisbollah angegriffen.")
    q = by_cue(doc, "erklärten")
    assert q.source_entity is None and q.source_description == "Israelische Militärsprecher"
    assert q.source_country == "ISR"


def test_speaker_after_a_statement_noun_is_described(pipe):
    doc = run(pipe, "Kiew. Nach Angaben eines Sprechers wurde niemand verletzt.")
    assert by_cue(doc, "Nach").source_description == "Sprecher"
    doc = run(pipe, "Genf. Nach Angaben ranghoher US-Diplomaten ist ein Abkommen nahe.")
    q = by_cue(doc, "Nach")
    assert span(doc, q.source) == "Angaben ranghoher US-Diplomaten" and q.source_country == "USA"


def test_wie_es_hiess_clause_frames_the_sentence(pipe):
    doc = run(pipe, "Berlin. Wie es aus Regierungskreisen hieß, soll das Gesetz noch vor der Sommerpause "
                    "verabschiedet werden.")
    q = by_cue(doc, "Wie es … hieß")
    assert span(doc, q.source) == "aus Regierungskreisen"
    assert span(doc, q.message) == "soll das Gesetz noch vor der Sommerpause verabschiedet werden"


def test_possessive_dative_after_the_verb_is_the_addressee(pipe):
    doc = run(pipe, "Berlin. Der Außenminister teilte seinem Amtskollegen mit, Deutschland werde weitere Hilfe leisten.")
    assert span(doc, by_cue(doc, "teilte … mit").addressee) == "seinem Amtskollegen"


def test_a_recurring_time_does_not_date_the_quote(pipe):
    doc = run(pipe, "Moskau. Der Kremlchef sagte in seiner jährlichen Pressekonferenz am Donnerstag, Russland wolle "
                    "keinen Krieg.")
    q = by_cue(doc, "sagte")
    assert q.channel == "Pressekonferenz" and doc.timexes[q.timex].type == "DATE"
    doc = run(pipe, "Moskau. Der Kremlchef sagte in seiner jährlichen Pressekonferenz, Russland wolle keinen Krieg.")
    assert by_cue(doc, "sagte").timex is None


def test_epithet_speaker_refers_back_to_the_person(pipe):
    doc = run(pipe, "München. Die Vorstandschefin des Autobauers, Hildegard Wortmann, zeigte sich zuversichtlich. "
                    "Das Unternehmen werde seine Ziele erreichen, sagte die Managerin.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Hildegard Wortmann"
    doc = run(pipe, "Berlin. Ein Anwalt sagte, das Verfahren werde sich hinziehen.")
    q = by_cue(doc, "sagte")
    assert q.source_entity is None and q.source_description == "Anwalt"


def test_epithet_prefers_the_person_named_with_it_and_agrees_in_gender(pipe):
    doc = run(pipe, "Hamburg. Die Sängerin Lena Hoffmann und ihr Manager Tom Berger trennen sich. „Es war eine "
                    "schöne Zeit“, sagte die Sängerin.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Lena Hoffmann"
    doc = run(pipe, "Hamburg. Tom Berger und Lena Hoffmann trennen sich. „Es war eine schöne Zeit“, sagte die "
                    "Managerin.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Lena Hoffmann"


def test_zeigen_frames_a_quote_only_reflexively_or_in_a_wie_clause(pipe):
    doc = run(pipe, "Rom. Der Innenminister zeigte sich besorgt, dass die Gewalt zunehme.")
    q = by_cue(doc, "zeigte sich besorgt")
    assert span(doc, q.source) == "Der Innenminister" and span(doc, q.message) == "dass die Gewalt zunehme"
    doc = run(pipe, "Rom. Die Namen werden abgekürzt, wie eine aktuelle Bekanntmachung zeigt.")
    assert span(doc, by_cue(doc, "wie … zeigt").source) == "eine aktuelle Bekanntmachung"
    doc = run(pipe, "Rom. Der Kurzfilm zeigt den Ablauf des Verfahrens. Simulationen zeigen, dass das Objekt instabil ist.")
    assert not doc.quotes


def test_preterite_plural_after_a_quote_is_narration_not_free_indirect_speech(pipe):
    doc = run(pipe, "Berlin. Der Minister sagte: »Wir werden nicht nachgeben.« Die Verhandlungen gingen weiter.")
    assert [q.form for q in doc.quotes] == ["Direct"]
    doc = run(pipe, "Berlin. Der Minister sagte: »Wir werden nicht nachgeben.« Die Verhandlungen ginge weiter.")
    assert [q.form for q in doc.quotes] == ["Direct", "FreeIndirect"]


def test_speculative_konjunktiv_ii_does_not_continue_a_report(pipe):
    doc = run(pipe, "Rangun. Ein Sprecher der UN sagte, die Hilfe sei angelaufen. Die Lage könnte sich in den nächsten "
                    "Tagen weiter verschlechtern. Der Termin sollte eigentlich im Mai sein.")
    assert [q.form for q in doc.quotes] == ["Indirect"]
    doc = run(pipe, "Rangun. Ein Sprecher der UN sagte, die Hilfe sei angelaufen. Man habe genug Vorräte. Mehr "
                    "Helfer würden aber gebraucht.")
    assert [q.form for q in doc.quotes] == ["Indirect", "FreeIndirect", "FreeIndirect"]


def test_calls_conferences_and_guest_articles_are_channels(pipe):
    doc = run(pipe, "Washington. Putin und Biden haben in einer Videokonferenz über die Lage gesprochen.")
    assert by_cue(doc, "haben … gesprochen").channel == "Videokonferenz"
    doc = run(pipe, "Berlin. In einem Telefonat mit Macron sagte Scholz, Deutschland stehe zu seinen Zusagen.")
    q = by_cue(doc, "sagte")
    assert q.channel == "Telefonat" and span(doc, q.addressee) == "Macron"
    doc = run(pipe, "Berlin. Die Ministerin schrieb in einem Gastbeitrag für die „Zeit“, Europa müsse handeln.")
    q = by_cue(doc, "schrieb")
    assert q.channel == "Gastbeitrag" and q.medium == "writing"


def test_definite_office_without_antecedent_is_described(pipe):
    doc = run(pipe, "Paris. Die französische Ministerin sagte, sie sei zuversichtlich.")
    q = by_cue(doc, "sagte")
    assert q.source_entity is None and q.source_description == "französische Ministerin"
    assert q.source_country == "FRA"


def test_newspaper_after_an_inverted_speaker_is_the_addressee_not_a_quote(pipe):
    doc = run(pipe, "Berlin. „Wir bleiben“, sagte Müller der „Süddeutschen Zeitung“.")
    q = by_cue(doc, "sagte")
    assert span(doc, q.source) == "Müller" and span(doc, q.message) == "„Wir bleiben“"
    assert span(doc, q.addressee) == "der „Süddeutschen Zeitung“"
    doc = run(pipe, "Berlin. „Ich hatte keine Angst“, sagte Müller der „Bild“-Zeitung.")
    q = by_cue(doc, "sagte")
    assert span(doc, q.source) == "Müller" and span(doc, q.addressee) == "der „Bild“-Zeitung"
    doc = run(pipe, "Berlin. „Wir bleiben“, sagte Müller der Zeitung „Die Welt“.")
    assert span(doc, by_cue(doc, "sagte").addressee) == "der Zeitung „Die Welt“"


def test_placards_sermons_and_background_talks_are_channels(pipe):
    doc = run(pipe, "Berlin. Die Demonstranten forderten auf Plakaten den Rücktritt der Regierung. Der Papst sagte "
                    "in seiner Weihnachtsbotschaft, die Welt dürfe die Opfer nicht vergessen. In einem "
                    "Hintergrundgespräch sagte ein Diplomat, die Verhandlungen stockten.")
    assert [(q.channel, q.medium) for q in doc.quotes] == [
        ("Plakat", "writing"), ("Weihnachtsbotschaft", "speech"), ("Hintergrundgespräch", "speech")]


def test_platform_x_at_the_end_of_the_text_is_the_channel(pipe):
    doc = run(pipe, "Berlin. „Es reicht“, schrieb der Abgeordnete auf X.")
    q = by_cue(doc, "schrieb")
    assert q.channel == "X" and q.medium == "writing" and span(doc, q.source) == "der Abgeordnete"


def test_causative_lassen_makes_its_subject_the_speaker(pipe):
    doc = run(pipe, "Berlin. Der Minister ließ über seinen Anwalt erklären, er sei unschuldig.")
    q = by_cue(doc, "ließ … erklären")
    assert span(doc, q.source) == "Der Minister" and span(doc, q.message) == "er sei unschuldig"


def test_wissen_and_ausrichten_frame_speech_only_after_causative_lassen(pipe):
    doc = run(pipe, "Berlin. Die Ministerin ließ wissen, dass sie nicht zurücktreten werde. Der Kanzler ließ über "
                    "seinen Sprecher ausrichten, er stehe zu ihr. Wie der Konzern wissen ließ, bleiben die Werke offen.")
    assert span(doc, by_cue(doc, "ließ wissen").source) == "Die Ministerin"
    assert span(doc, by_cue(doc, "ließ … ausrichten").message) == "er stehe zu ihr"
    assert span(doc, by_cue(doc, "Wie … wissen ließ").source) == "der Konzern"
    doc = run(pipe, "Köln. Die Bürgermeisterin weiß, dass die Stadt sparen muss. Der Verein richtet im Mai die "
                    "Meisterschaft aus, sagte der Präsident.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["sagte"]


def test_verbs_of_manner_of_speaking_frame_quotes(pipe):
    doc = run(pipe, "Berlin. „Das ist ein Skandal“, polterte der Fraktionschef. Die Opposition wetterte, die "
                    "Regierung habe versagt. Der Trainer schimpfte, die Abwehr sei ein Hühnerhaufen gewesen. "
                    "„Wir kommen wieder“, scherzte die Kapitänin.")
    assert [(span(doc, q.cue), q.form) for q in doc.quotes] == [
        ("polterte", "Direct"), ("wetterte", "Indirect"), ("schimpfte", "Indirect"), ("scherzte", "Direct")]


def test_light_verb_idioms_of_saying_frame_quotes(pipe):
    doc = run(pipe, "Berlin. Die Ministerin machte deutlich, dass es keine Steuererhöhungen geben werde. Der "
                    "Kämmerer gab zu bedenken, dass die Kassen leer seien. Der Ökonom gab zu Protokoll, die "
                    "Inflation sei gebrochen. Die Ministerin stellte in Aussicht, die Hilfen zu verlängern.")
    assert [(span(doc, q.cue), span(doc, q.source)) for q in doc.quotes] == [
        ("machte deutlich", "Die Ministerin"), ("gab zu bedenken", "Der Kämmerer"),
        ("gab zu Protokoll", "Der Ökonom"), ("stellte in Aussicht", "Die Ministerin")]
    doc = run(pipe, "Berlin. Die Koalition hatte schon 2019 eine Reform in Aussicht gestellt. Die Zahlen gaben "
                    "zu denken.")
    assert doc.quotes == []


def test_wie_clause_without_subject_takes_its_source_from_the_origin_phrase(pipe):
    doc = run(pipe, "Berlin. Wie aus einem internen Papier hervorgeht, plant der Konzern den Abbau von 2000 "
                    "Stellen. Wie von der Polizei mitgeteilt wurde, ist der Täter gefasst.")
    assert [span(doc, q.source) for q in doc.quotes] == ["einem internen Papier", "der Polizei"]


def test_negated_speech_act_is_no_reported_speech(pipe):
    doc = run(pipe, "Berlin. Der Sprecher nannte keine Gründe für den Rücktritt. Die Ministerin kritisierte die "
                    "Entscheidung nicht. Die Gewerkschaft beklagt nicht ausgezahlte Prämien. Der Kanzler kritisierte "
                    "nicht nur den Zeitplan.")
    assert [(q.form, span(doc, q.source)) for q in doc.quotes] == [
        ("Reported", "Die Gewerkschaft"), ("Reported", "Der Kanzler")]


def test_unnamed_official_of_a_body_is_anonymous_and_affiliated_with_it(pipe):
    doc = run(pipe, "Washington. Ein hochrangiger Beamter des Pentagons sagte, die Hilfen würden fortgesetzt.")
    q = by_cue(doc, "sagte")
    assert speaker(doc, q) == "Pentagon"
    assert (q.source_description, q.source_country) == ("hochrangiger Beamter des Pentagons", "USA")


def test_time_in_a_reported_act_dates_the_act_not_its_content(pipe):
    doc = run(pipe, "Madrid. Regierungschef Pedro Sánchez hat am Montag Neuwahlen angekündigt. Die Opposition "
                    "kündigte Proteste für den 23. Juli an.")
    first, second = doc.quotes
    assert first.form == second.form == "Reported"
    assert doc.timexes[first.timex].value == "2023-03-20" and second.timex is None


def test_speaker_of_nach_eigenen_angaben_is_the_subject(pipe):
    doc = run(pipe, "Berlin. Nach eigenen Worten hat Olaf Scholz nichts gewusst. Der Konzern hat nach eigenen "
                    "Angaben 500 Stellen gestrichen.")
    named, unnamed = doc.quotes
    assert span(doc, named.source) == "eigenen Worten" and speaker(doc, named) == "Olaf Scholz"
    assert unnamed.source_entity is None and unnamed.source_description == "Konzern"


def test_trailing_hiess_es_frames_a_konjunktiv_clause_with_a_verb_of_saying(pipe):
    doc = run(pipe, "Moskau. Russland habe ein Telefonat vorgeschlagen, hieß es aus dem Kreml. Washington "
                    "reagierte zunächst nicht.")
    q = by_cue(doc, "hieß es")
    assert (q.form, span(doc, q.source), span(doc, q.message)) == (
        "Indirect", "aus dem Kreml", "Russland habe ein Telefonat vorgeschlagen")
    assert speaker(doc, q) == "Kreml" and len(doc.quotes) == 1


def test_reported_act_in_konjunktiv_continues_the_report(pipe):
    doc = run(pipe, "Berlin. Angela Merkel sagte dem Sender, sie bereue nichts. Sie habe damals richtig entschieden.")
    q = doc.quotes[-1]
    assert (q.form, span(doc, q.message), speaker(doc, q)) == (
        "FreeIndirect", "Sie habe damals richtig entschieden.", "Angela Merkel")


def test_pronoun_speaker_after_a_report_is_its_speaker_not_the_addressee(pipe):
    doc = run(pipe, "Washington. Präsident Joe Biden warnte Wladimir Putin in einem Telefonat vor einem Einmarsch. "
                    "Die USA würden entschlossen reagieren, sagte er.")
    assert speaker(doc, by_cue(doc, "sagte")) == "Joe Biden"
    doc = run(pipe, "Berlin. Olaf Scholz sagte, die Lage sei ernst. Später äußerte sich Emmanuel Macron in Paris. "
                    "Die Lage sei stabil, sagte er.")
    assert speaker(doc, doc.quotes[-1]) == "Emmanuel Macron"


def test_dative_plural_role_after_nach_angaben_von_is_an_anonymous_source(pipe):
    doc = run(pipe, "Moskau. Nach Angaben von US-Regierungsvertretern bereitet Russland einen Angriff vor.")
    q = by_cue(doc, "Nach")
    assert (q.source_description, q.source_country) == ("US-Regierungsvertreter", "USA")


def test_unnamed_common_noun_speaker_is_described_and_carried_by_a_pronoun(pipe):
    doc = run(pipe, "Berlin. „Die Lage ist ernst“, sagte der Landrat. „Aber“, fügte er hinzu, „wir haben alles im "
                    "Griff.“ Viele Anwohner befürchten, dass der Lärm zunimmt.")
    assert [(span(doc, q.source), q.source_description) for q in doc.quotes] == [
        ("der Landrat", "Landrat"), ("er", "Landrat"), ("Viele Anwohner", "Anwohner")]


def test_interjected_frame_keeps_the_fragment_after_it_and_wissen_needs_lassen(pipe):
    doc = run(pipe, "Berlin. Er habe, so der Anwalt, von nichts gewusst. Eine Einigung sei möglich, glaubt der "
                    "Verhandlungsführer, aber nicht vor Ostern.")
    so, glaubt = doc.quotes
    assert (span(doc, so.cue), span(doc, so.message)) == ("so", "Er habe … von nichts gewusst")
    assert span(doc, glaubt.message) == "Eine Einigung sei möglich … aber nicht vor Ostern"
    assert glaubt.timex is None  # "vor Ostern" dates the content, not the statement


def test_relative_pronoun_speaker_resolves_to_the_phrase_before_it(pipe):
    doc = run(pipe, "Berlin. Olaf Scholz, der am Montag erklärte, die Lage sei ruhig, reiste ab. Die Gewerkschaft, "
                    "die am Dienstag mitteilte, der Streik gehe weiter, ist zufrieden.")
    scholz, union = doc.quotes
    assert span(doc, scholz.source) == "der" and speaker(doc, scholz) == "Olaf Scholz"
    assert span(doc, union.source) == "die" and union.source_description == "Gewerkschaft"


def test_time_in_the_speakers_relative_clause_does_not_date_the_quote(pipe):
    doc = run(pipe, "Berlin. Die Ministerin, die am Freitag in Brüssel war, sagte, die EU müsse handeln.")
    assert by_cue(doc, "sagte").timex is None


def test_message_ends_before_a_second_predicate_of_the_speaker(pipe):
    doc = run(pipe, "Berlin. Das Unternehmen kündigte an, die Preise zu erhöhen, und begründete dies mit "
                    "gestiegenen Kosten.")
    assert span(doc, by_cue(doc, "kündigte an").message) == "die Preise zu erhöhen"


def test_epithets_of_compound_roles_demonyms_and_diplomats_refer_back(pipe):
    doc = run(pipe, "Berlin. Bundesfinanzminister Christian Lindner lehnt neue Schulden ab. Der FDP-Chef sagte, die "
                    "Schuldenbremse gelte. Nato-Generalsekretär Jens Stoltenberg sagte, das Bündnis sei bereit. Der "
                    "Norweger betonte, man suche keine Konfrontation. Außenministerin Catherine Colonna reiste nach "
                    "Kiew. Die Diplomatin sagte, Frankreich helfe.")
    assert [speaker(doc, q) for q in doc.quotes] == [
        "Christian Lindner", "Jens Stoltenberg", "Jens Stoltenberg", "Catherine Colonna"]


def test_coordinated_subject_with_an_apposition_is_one_source(pipe):
    doc = run(pipe, "Berlin. Die Vorsitzende der Linken, Janine Wissler, und Parteichef Martin Schirdewan erklärten "
                    "gemeinsam, die Partei werde geschlossen antreten.")
    assert span(doc, by_cue(doc, "erklärten").source) == (
        "Die Vorsitzende der Linken, Janine Wissler, und Parteichef Martin Schirdewan")


def test_wonach_source_leaves_out_a_time_before_it(pipe):
    doc = run(pipe, "Berlin. Die Regierung dementierte am Abend Berichte, wonach der Minister zurücktreten wolle.")
    assert span(doc, by_cue(doc, "wonach").source) == "Berichte"


def test_conditional_clause_ending_the_sentence_is_no_message(pipe):
    doc = run(pipe, "Berlin. Der Gewerkschaftschef drohte mit Streiks, sollte kein besseres Angebot kommen.")
    assert all(span(doc, q.message) != "sollte kein besseres Angebot kommen" for q in doc.quotes)
    doc = run(pipe, "Berlin. Die Ministerin sagte, sollte es keine Einigung geben, werde sie zurücktreten.")
    assert span(doc, by_cue(doc, "sagte").message) == "sollte es keine Einigung geben, werde sie zurücktreten"


def test_age_epithet_refers_back_to_the_person_of_its_gender(pipe):
    doc = run(pipe, "München. Trainer Thomas Tuchel und Managerin Anna Vogt zeigten sich zufrieden. „Wir sind "
                    "stolz“, sagte der 50-Jährige. „Ich auch“, sagte die 42-Jährige.")
    assert [speaker(doc, q) for q in doc.quotes] == ["Thomas Tuchel", "Anna Vogt"]


def test_quoted_title_after_a_name_is_the_addressee(pipe):
    doc = run(pipe, "Berlin. „Diese Regierung ist am Ende“, sagte Friedrich Merz der „Rheinischen Post“.")
    q = by_cue(doc, "sagte")
    assert (span(doc, q.source), span(doc, q.addressee)) == ("Friedrich Merz", "der „Rheinischen Post“")
    assert span(doc, q.message) == "„Diese Regierung ist am Ende“" and len(doc.quotes) == 1


def test_setting_after_an_inverted_speaker_is_not_part_of_it(pipe):
    doc = run(pipe, "Berlin. Sie habe nichts gewusst, beteuerte die Ministerin im Untersuchungsausschuss. Die Lage "
                    "sei ernst, sagte ein Sprecher im Kanzleramt.")
    assert [span(doc, q.source) for q in doc.quotes] == ["die Ministerin", "ein Sprecher im Kanzleramt"]


def test_message_of_punctuation_only_is_no_quotation(pipe):
    doc = run(pipe, "Berlin. Der Minister sagte: „")
    assert doc.quotes == []


def test_pronoun_after_an_unnamed_subject_is_described_by_it(pipe):
    doc = run(pipe, "Berlin. Die Gewerkschaften sind unzufrieden. Sie forderten, die Löhne um zehn Prozent zu "
                    "erhöhen. Der Landrat ist zufrieden. Er sagte, die Lage sei ruhig.")
    assert [(span(doc, q.source), q.source_description) for q in doc.quotes] == [
        ("Sie", "Gewerkschaften"), ("Er", "Landrat")]


def test_prepositional_phrase_with_relative_clause_before_a_verb_is_no_message(pipe):
    doc = run(pipe, "Berlin. Neben Konferenzen, die auch in anderen Ländern abgehalten werden, bieten die Hochschulen "
                    "Workshops an. Die Lage war damals, wie man gerne sagt, noch überschaubar. Die Reform, die viele "
                    "kritisiert hatten, sei richtig, sagte der Minister.")
    assert [(span(doc, q.cue), span(doc, q.message)) for q in doc.quotes] == [
        ("sagte", "Die Reform, die viele kritisiert hatten, sei richtig")]


def test_idioms_and_states_with_verbs_of_saying_are_no_quotations(pipe):
    doc = run(pipe, "Genf. Mit dem Nachweis schrieb das Forschungszentrum 2012 Wissenschaftsgeschichte. Der Konzern "
                    "schreibt rote Zahlen. Alle sind darauf angewiesen, Schmiergelder einzutreiben. Die Beamten "
                    "wurden angewiesen, die Grenze zu schließen.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["wurden angewiesen"]


def test_unnamed_speakers_from_a_place_are_described_with_its_country(pipe):
    doc = run(pipe, "Berlin. Ärzte in Gaza berichteten, die Kliniken seien überfüllt. Das behaupten jedenfalls "
                    "Biologen aus Berkeley.")
    gaza, berkeley = by_cue(doc, "berichteten"), by_cue(doc, "behaupten")
    assert (gaza.source_entity, gaza.source_description) == (None, "Ärzte in Gaza")
    assert span(doc, berkeley.source) == "Biologen aus Berkeley" and berkeley.source_entity is None


def test_konjunktiv_ii_in_a_relative_clause_does_not_continue_a_report(pipe):
    doc = run(pipe, "Berlin. Der Spieler sagte, er sei müde. Bekannte Tricks, die ihm Vorteile verschafft hätten, "
                    "wurden nicht genutzt. Der Film erzählt die Geschichte eines Journalisten.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["sagte"]
    doc = run(pipe, "Berlin. Der Spieler sagte, er sei müde. Die Trainer, die ihn kritisiert hätten, seien im Unrecht.")
    assert doc.quotes[-1].form == "FreeIndirect"
    doc = run(pipe, "Berlin. Der Spieler sagte, er sei müde. Weil er sonst gefehlt hätte, spielte er trotzdem.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["sagte"]


def test_negated_verb_of_saying_frames_nothing(pipe):
    doc = run(pipe, "Berlin. Der frühere Richter wurde noch nicht gefragt, ob er das Amt wieder ausüben möchte. Die "
                    "Polizei sagte nicht, wann der Täter gefasst wurde. Die Polizei hat nicht nur mitgeteilt, dass der "
                    "Täter gefasst sei.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["hat … mitgeteilt"]


def test_nach_der_with_a_noun_is_no_relative_cue(pipe):
    doc = run(pipe, "Köln. Die Kriminalität sei ein Thema, nach der Silvesternacht sei das Image beschädigt. Es gibt "
                    "eine Fußnote, nach der die Bezeichnung keinen Status habe.")
    assert [span(doc, q.source) for q in doc.quotes if span(doc, q.cue) == "nach"] == ["der"]


def test_rare_name_opening_a_sentence_is_the_speaker_even_if_mistagged(pipe):
    doc = run(pipe, "Berlin. Habermann schätzt die Folgekosten auf eine Million Euro. Unmissverständlich sagt das "
                    "Gericht, dass es nicht überzeugt sei.")
    assert [span(doc, q.source) for q in doc.quotes] == ["Habermann", "das Gericht"]


def test_object_phrase_after_an_inverted_speaker_is_not_part_of_it(pipe):
    doc = run(pipe, "Berlin. Bereits am Sonntag hatte die IOM vom Fund von 18 Leichen berichtet. Gestern berichtete "
                    "ein Sprecher vom Roten Kreuz, die Lage sei ernst.")
    assert [span(doc, q.source) for q in doc.quotes] == ["die IOM", "ein Sprecher vom Roten Kreuz"]


def test_sentence_opening_damit_before_a_verb_is_no_subordinate_clause(pipe):
    doc = run(pipe, "Salzburg. Damit sei der Beschluss umgesetzt, sagt Walter Steidl. Als die Polizei eintraf, sagte "
                    "der Wirt nichts.")
    q = by_cue(doc, "sagt")
    assert (span(doc, q.message), speaker(doc, q)) == ("Damit sei der Beschluss umgesetzt", "Walter Steidl")
    assert len(doc.quotes) == 1


def test_soll_in_a_relative_clause_does_not_continue_a_report(pipe):
    doc = run(pipe, "Wien. Der Kritiker sagte, der Film sei zu lang. Die Korrektur, mit der am Ende die Ordnung "
                    "hergestellt werden soll, wirkt billig. Der Held soll am Ende sterben.")
    assert [q.form for q in doc.quotes] == ["Indirect", "FreeIndirect"]
    assert span(doc, doc.quotes[-1].message) == "Der Held soll am Ende sterben."


def test_weak_preterite_does_not_continue_a_report(pipe):
    doc = run(pipe, "Innsbruck. Der Täter ging laut Polizei stets gleich vor. Für weitere Strecken verwendete er "
                    "öffentliche Verkehrsmittel. Die Fahrten seien kurz gewesen.")
    assert [q.form for q in doc.quotes] == ["Indirect", "FreeIndirect"]
    assert span(doc, doc.quotes[-1].message) == "Die Fahrten seien kurz gewesen."


def test_offen_lassen_frames_and_a_prepositional_relative_clause_is_no_message(pipe):
    doc = run(pipe, "Linz. Der Minister ließ offen, ob er zurücktritt.")
    assert [(span(doc, q.cue), span(doc, q.message)) for q in doc.quotes] == [("ließ offen", "ob er zurücktritt")]
    doc = run(pipe, "Wien. Der Kundin wurde eine Nummer genannt, bei der sie das Abo kündigen könne.")
    assert doc.quotes == []


def test_nach_after_a_noun_taking_nach_is_no_cue(pipe):
    doc = run(pipe, "Wien. Die Nachfrage nach Meinung von außen steigt. Nach Meinung von Experten ist die Lage ernst.")
    assert [span(doc, q.source) for q in doc.quotes] == ["Meinung von Experten"]


def test_origin_preposition_is_not_part_of_the_description(pipe):
    doc = run(pipe, "Berlin. „Das Angebot ist eine Provokation“, hieß es aus Gewerkschaftskreisen.")
    assert by_cue(doc, "hieß es").source_description == "Gewerkschaftskreisen"


def test_dative_addressee_stops_before_the_accusative_object(pipe):
    doc = run(pipe, "Berlin. Die Ministerin warf der Opposition Heuchelei vor. Sie warf den USA Einmischung vor.")
    assert [span(doc, q.addressee) for q in doc.quotes] == ["der Opposition", "den USA"]
    doc = run(pipe, "Berlin. Die Ministerin sagte dem Sender Phoenix, die Lage sei ernst.")
    assert span(doc, doc.quotes[0].addressee) == "dem Sender Phoenix"


def test_a_mistagged_konjunktiv_beside_an_indicative_verb_does_not_continue_a_report(pipe):
    doc = run(pipe, "Athen. Nach Berichten griechischer Medien wurde nur ein Teil der Bewohner umgesiedelt. Nahe der "
                    "Grenze sind in den vergangenen Tagen zahlreiche kleinere Lager entstanden.")
    assert [q.form for q in doc.quotes] == ["Indirect"]


def test_a_time_in_a_wie_clause_is_not_its_source(pipe):
    doc = run(pipe, "Wien. Wie ebenfalls am Montag bekannt wurde, zogen sich zwei Spieler Verletzungen zu.")
    assert [(q.form, q.source) for q in doc.quotes] == [("Indirect", [])]
    doc = run(pipe, "Wien. Wie am Montag die Polizei mitteilte, wurden zwei Menschen verletzt.")
    assert span(doc, doc.quotes[0].source) == "die Polizei"


def test_so_frame_inside_a_report_leaves_the_rest_to_the_message(pipe):
    doc = run(pipe, "Berlin. Die Ursache sei, so ein Sprecher der Feuerwehr, noch unklar.")
    q = doc.quotes[0]
    assert (span(doc, q.source), span(doc, q.message)) == ("ein Sprecher der Feuerwehr", "Die Ursache sei … noch unklar")


def test_pronoun_prefers_the_subject_of_the_sentence_before_over_its_object(pipe):
    doc = run(pipe, "Berlin. CDU-Chef Friedrich Merz traf am Montag den französischen Präsidenten Emmanuel Macron. "
                    "Er sagte anschließend, die Zusammenarbeit müsse vertieft werden.")
    assert speaker(doc, doc.quotes[0]) == "Friedrich Merz"
    doc = run(pipe, "Berlin. Am Montag traf Olaf Scholz in Paris ein. Emmanuel Macron empfing ihn. "
                    "Er sagte, die Zusammenarbeit sei eng.")
    assert speaker(doc, doc.quotes[0]) == "Emmanuel Macron"


def test_a_surname_opening_a_sentence_is_the_person_named_before(pipe):
    doc = run(pipe, "Berlin. Die Grünen-Politikerin Lisa Paus stellte am Montag den Bericht vor. "
                    "Paus sagte, die Lage sei ernst.")
    assert speaker(doc, doc.quotes[0]) == "Lisa Paus"


@pytest.mark.parametrize("text, source", [
    ("Berlin. Rund 50 Abgeordnete forderten eine Sondersitzung.", "Rund 50 Abgeordnete"),
    ("Berlin. Mehr als 100 Ökonomen sagten, die Reform sei falsch.", "Mehr als 100 Ökonomen"),
    ("Berlin. Über 300 Ärzte kritisierten die Reform.", "Über 300 Ärzte"),
    ("Berlin. Dagegen warnen mehr als 200 Wissenschaftler vor einer Aufweichung.", "mehr als 200 Wissenschaftler"),
    ("Berlin. Vergangene Woche sagte Bundeskanzler Olaf Scholz, er wolle reisen.", "Bundeskanzler Olaf Scholz"),
])
def test_quantity_subjects_and_a_fronted_time(pipe, text, source):
    doc = run(pipe, text)
    assert [span(doc, q.source) for q in doc.quotes] == [source]
    assert all("als" not in span(doc, q.cue) for q in doc.quotes)


def test_a_dative_after_an_inverted_name_is_the_addressee_not_a_genitive(pipe):
    doc = run(pipe, "Berlin. Zuvor hatte Merz der Regierung Wortbruch vorgeworfen.")
    q = doc.quotes[0]
    assert (span(doc, q.source), span(doc, q.addressee)) == ("Merz", "der Regierung")
    doc = run(pipe, "Berlin. Am Montag sagte Scholz der Zeitung, er sei zuversichtlich.")
    q = doc.quotes[0]
    assert (span(doc, q.source), span(doc, q.addressee)) == ("Scholz", "der Zeitung")


def test_heisst_es_after_a_document_with_a_relative_clause(pipe):
    doc = run(pipe, "Berlin. In dem Papier, das der dpa vorliegt, heißt es, die Kosten stiegen.")
    q = doc.quotes[0]
    assert (span(doc, q.source), span(doc, q.message), q.medium) == ("dem Papier", "die Kosten stiegen", "writing")


@pytest.mark.parametrize("text, channel", [
    ("Berlin. Im ZDF sagte die SPD-Vorsitzende Saskia Esken, die Koalition halte.", "ZDF"),
    ("Berlin. In der ARD sagte Esken, die Koalition halte.", "ARD"),
    ("Berlin. Esken sagte in der ARD-Sendung „Maischberger“, die Koalition halte.", "Fernsehen"),
    ("Berlin. Esken sagte auf dem Parteitag, die Koalition halte.", "Parteitag"),
    ("Wien. In einer Aussendung kritisierte die Partei den Plan.", "Pressemitteilung"),
])
def test_broadcasters_and_venues_are_channels(pipe, text, channel):
    assert [q.channel for q in run(pipe, text).quotes] == [channel]


def test_a_quote_of_several_sentences_takes_time_and_channel_from_its_frame(pipe):
    doc = run(pipe, "Berlin. „Wir halten Wort. Die Reform kommt“, sagte die Ministerin am Montag im Interview.")
    q = doc.quotes[0]
    assert q.channel == "Interview" and doc.timexes[q.timex].value == "2023-03-20"


def test_idioms_of_speaking_are_no_reports(pipe):
    assert run(pipe, "Berlin. Wie der Name schon sagt, liegt das Dorf am Meer.").quotes == []
    assert run(pipe, "Berlin. Die Schauspielerin spricht fließend Französisch.").quotes == []
    assert len(run(pipe, "Berlin. Die Ministerin sprach auf Englisch über die Krise.").quotes) == 1


def test_dagegenhalten_is_a_verb_of_saying(pipe):
    doc = run(pipe, "Berlin. Esken hielt dagegen, die Investitionen dürften nicht warten.")
    assert [(span(doc, q.cue), q.medium) for q in doc.quotes] == [("hielt dagegen", "speech")]


def test_addressee_not_after_a_meeting_and_not_its_location(pipe):
    doc = run(pipe, "Berlin. Nach dem Treffen mit Macron sagte Scholz, man sei einig.")
    assert doc.quotes[0].addressee == []
    doc = run(pipe, "Berlin. Die Ministerin sagte den Journalisten in Brüssel, man sei besorgt.")
    assert doc.quotes[0].addressee_entity is None


def test_a_first_person_speaker_carries_no_report_into_the_next_sentence(pipe):
    doc = run(pipe, "Berlin. Ich glaube, dass wir eine Einigung brauchen. Denn sonst würde man die Wähler verlieren.")
    assert [q.form for q in doc.quotes] == ["Indirect"]


def test_a_demonym_does_not_refer_to_a_person_of_another_nationality(pipe):
    doc = run(pipe, "Buenos Aires. Nadal setzte sich gegen den Italiener Paolo Lorenzi durch. "
                    "„Ich bin froh, im Halbfinale zu sein“, meinte der Spanier.")
    assert speaker(doc, doc.quotes[0]) == "Nadal"


@pytest.mark.parametrize("text, source, message", [
    ("Berlin. Die Lage, sagte der Minister, sei ernst.", "der Minister", "Die Lage … sei ernst"),
    ("Berlin. Ostermayer, meint ein hochrangiger Experte, sei schlecht beraten worden.", "ein hochrangiger Experte",
     "Ostermayer … sei schlecht beraten worden"),
])
def test_a_frame_interjected_after_the_first_phrase(pipe, text, source, message):
    doc = run(pipe, text)
    assert [(span(doc, q.source), span(doc, q.message)) for q in doc.quotes] == [(source, message)]


def test_a_definite_spokesperson_of_a_body_is_an_unnamed_source_of_that_body_and_country(pipe):
    doc = run(pipe, "Moskau. Der Sprecher des russischen Außenministeriums sagte, man werde nicht nachgeben.")
    q = doc.quotes[0]
    assert speaker(doc, q) == "Außenministerium"
    assert q.source_description == "Sprecher des russischen Außenministeriums" and q.source_country == "RUS"


def test_darin_heisst_es_takes_the_document_named_before_as_written_source(pipe):
    doc = run(pipe, "Brüssel. Der Bericht der Kommission liegt seit Montag vor. Darin heißt es, die Reform sei "
                    "gescheitert.")
    q = by_cue(doc, "heißt es")
    assert span(doc, q.source) == "Der Bericht der Kommission" and q.medium == "writing"
    assert span(doc, q.message) == "die Reform sei gescheitert"


def test_the_an_phrase_of_a_letter_or_appeal_is_the_addressee(pipe):
    doc = run(pipe, "Berlin. Der Minister schrieb einen Brief an die Abgeordneten.")
    assert span(doc, doc.quotes[0].addressee) == "die Abgeordneten"
    doc = run(pipe, "Berlin. Die Ärzte richteten einen Appell an die Regierung, die Kliniken zu retten.")
    q = doc.quotes[0]
    assert (span(doc, q.cue), span(doc, q.addressee)) == ("richteten einen Appell", "die Regierung")
    doc = run(pipe, "Berlin. Die Forscher stellten die These auf, dass das Klima kippe.")
    assert span(doc, doc.quotes[0].cue) == "stellten die These auf"


def test_a_dative_pronoun_addressee_is_the_person_named_before_who_is_not_the_speaker(pipe):
    doc = run(pipe, "Berlin. Kanzler Olaf Scholz traf den Präsidenten Joe Biden. Er sagte ihm, er erwarte eine "
                    "schnelle Antwort.")
    q = doc.quotes[0]
    assert speaker(doc, q) == "Olaf Scholz" and span(doc, q.addressee) == "ihm"
    assert doc.entities[q.addressee_entity].name == "Joe Biden"
    doc = run(pipe, "Berlin. Biden traf Ursula von der Leyen und versprach ihr, die Zölle zu senken.")
    assert doc.entities[doc.quotes[0].addressee_entity].name == "Ursula von der Leyen"
    doc = run(pipe, "Berlin. Die Ministerin sagte ihr Sprecher, sie sei krank.")  # a possessive, no addressee
    assert doc.quotes[0].addressee == []


def test_an_audience_and_a_place_between_verb_and_comma_still_frame_the_report(pipe):
    doc = run(pipe, "Peking. Der Außenamtssprecher sagte vor Journalisten in Peking, die USA sollten sich nicht "
                    "einmischen.")
    q = doc.quotes[0]
    assert span(doc, q.message) == "die USA sollten sich nicht einmischen"
    assert span(doc, q.addressee) == "Journalisten"


def test_a_quoted_fragment_belongs_to_the_nearest_verb_and_its_fronted_subject(pipe):
    doc = run(pipe, "Berlin. Auf Twitter zeigte sich die Bundesregierung bestürzt über den Vorfall und verurteilte "
                    "ihn als „hinterhältigen Anschlag“.")
    q = doc.quotes[0]
    assert (span(doc, q.cue), span(doc, q.source)) == ("verurteilte … als", "die Bundesregierung")


@pytest.mark.parametrize("text, description", [
    ("Kiew. „Wir brauchen mehr Munition“, sagte ein Kommandeur der ukrainischen Armee dem Sender CNN.",
     "Kommandeur der ukrainischen Armee"),
    ("Berlin. In einem Brief an den Kanzler forderten 40 Ökonomen eine Reform der Schuldenbremse.", "40 Ökonomen"),
    ("Berlin. „Die Verhandlungen sind gescheitert“, hieß es am Abend aus dem Umfeld der Tarifkommission.",
     "Umfeld der Tarifkommission"),
])
def test_unnamed_sources_are_described(pipe, text, description):
    doc = run(pipe, text)
    assert [q.source_description for q in doc.quotes] == [description]


@pytest.mark.parametrize("text, channel, medium", [
    ("Berlin. Der Bahnchef schrieb auf der Plattform X, die Züge würden wieder fahren.", "X", "writing"),
    ("Brüssel. Die Kommission warnte in ihrem Bericht vor einer Rezession.", "Bericht", "writing"),
])
def test_channels_after_a_platform_noun_and_reports(pipe, text, channel, medium):
    doc = run(pipe, text)
    assert [(q.channel, q.medium) for q in doc.quotes] == [(channel, medium)]


def test_a_listed_organisation_opening_with_an_adjective_is_the_source(pipe):
    doc = run(pipe, "Offenbach. Dem Deutschen Wetterdienst zufolge drohen am Wochenende heftige Gewitter.")
    assert speaker(doc, doc.quotes[0]) == "Deutscher Wetterdienst"


def test_a_closing_wie_clause_keeps_its_own_verb_and_subject(pipe):
    doc = run(pipe, "Berlin. Längst haben die Minister einen Pakt geschlossen, wie ein Insider berichtet.")
    q = doc.quotes[0]
    assert (span(doc, q.cue), span(doc, q.source)) == ("wie … berichtet", "ein Insider")
    assert span(doc, q.message) == "Längst haben die Minister einen Pakt geschlossen"


@pytest.mark.parametrize("text, cue, source", [
    ("Paris. Die Lage sei ernst, soll der Minister gesagt haben.", "soll … gesagt haben", "der Minister"),
    ("Paris. In Syrien gibt es eine Fabrik, soll einer der Männer gesagt haben.", "soll … gesagt haben",
     "einer der Männer"),
    ("Paris. Die Lage ist ernst, sagte einer der Männer.", "sagte", "einer der Männer"),
])
def test_hearsay_of_a_report_and_a_partitive_speaker_after_the_verb(pipe, text, cue, source):
    doc = run(pipe, text)
    assert [(span(doc, q.cue), span(doc, q.source)) for q in doc.quotes] == [(cue, source)]
    assert doc.quotes[0].source_description == "einer der Männer" or source == "der Minister"


def test_hearsay_without_a_framed_clause_is_no_report(pipe):
    doc = run(pipe, "Teheran. Dabei sollen sie regierungskritische Parolen skandiert haben.")
    assert [span(doc, q.cue) for q in doc.quotes if q.form != "FreeIndirect"] == []


@pytest.mark.parametrize("text", [
    "Berlin. Merkel wies die Forderung der CSU zurück, das Asylrecht einzuschränken.",
    "Berlin. Zugleich rechtfertigte Merkel ihre Entscheidung, die Grenzen zu öffnen.",
])
def test_an_infinitive_after_a_noun_of_demand_or_decision_is_not_the_speakers_message(pipe, text):
    doc = run(pipe, text)
    assert [(q.form, span(doc, q.source)) for q in doc.quotes] == [("Reported", "Merkel")]
    assert "Merkel" in span(doc, doc.quotes[0].message)


@pytest.mark.parametrize("text, message", [
    ("Wien. Laut Polizei wurden drei Menschen verletzt, berichtete der Sender.", "wurden drei Menschen verletzt"),
    ("Wien. Laut den Zahlen der Regierung leben 103 Tiere in freier Wildbahn, berichtete die Organisation WWF in "
     "einer Aussendung.", "leben 103 Tiere in freier Wildbahn"),
    ("Wien. Laut dem Ministerium wurden 2.429 Bewerbungen gezählt, hieß es.", "wurden 2.429 Bewerbungen gezählt"),
])
def test_a_laut_report_ends_before_the_closing_frame_around_it(pipe, text, message):
    doc = run(pipe, text)
    laut = [q for q in doc.quotes if span(doc, q.cue).lower() == "laut"]
    assert [span(doc, q.message) for q in laut] == [message]
    assert len(doc.quotes) == 2


def test_woertlich_before_a_colon_stands_for_the_verb(pipe):
    doc = run(pipe, "Berlin. Der FDP-Politiker Jürgen Koppelin wörtlich: „Sie ziehen den Bürgern das Geld aus der Tasche.“")
    q = doc.quotes[0]
    assert (span(doc, q.cue), speaker(doc, q)) == ("wörtlich", "Jürgen Koppelin")


@pytest.mark.parametrize("text", [
    "Berlin. Das Landgericht sprach den Angeklagten frei.",
    "Berlin. Das Gericht sprach ihn schuldig.",
    "Berlin. Sie schreibt seit Jahren ihre Lieder selbst.",
    "Berlin. Er schrieb einen Roman über den Krieg.",
])
def test_verdicts_and_works_are_no_reported_speech(pipe, text):
    assert run(pipe, text).quotes == []


def test_einschaetzen_is_reported_thought(pipe):
    doc = run(pipe, "Berlin. Der Beauftragte schätzte das Gesetz als Verletzung der Kinderrechte ein.")
    assert [(q.form, q.medium) for q in doc.quotes] == [("Reported", "thought")]


def test_zum_before_an_occasion_is_no_addressee(pipe):
    doc = run(pipe, "Berlin. Der Richter erklärte zum Auftakt, das Verfahren werde mehrere Monate dauern.")
    assert doc.quotes[0].addressee == []
    doc = run(pipe, "Berlin. Der Minister sagte zum „Spiegel“, er bleibe.")
    assert span(doc, doc.quotes[0].addressee) == "„Spiegel“"


@pytest.mark.parametrize("text, cue", [
    ("Berlin. Der Staatssekretär wollte wissen, ob sie die Studie gelesen habe.", "wollte wissen"),
    ("Teheran. „Wo ist meine Stimme?“, wollen die Demonstranten wissen.", "wollen … wissen"),
])
def test_wissen_wollen_asks_a_question(pipe, text, cue):
    doc = run(pipe, text)
    assert [span(doc, q.cue) for q in doc.quotes] == [cue]


def test_nested_reports_keep_their_own_messages_and_channels(pipe):
    doc = run(pipe, "Bremen. Ein Sprecher der Stadt sagte, laut den Ermittlern sei der Brand gelegt worden.")
    assert span(doc, by_cue(doc, "laut").message) == "sei der Brand gelegt worden"
    doc = run(pipe, "Berlin. Die Opposition wirft der Regierung vor, sie habe die Zahlen geschönt, wie die "
                    "Nachrichtenagentur dpa meldet.")
    assert span(doc, by_cue(doc, "wirft … vor").message) == "sie habe die Zahlen geschönt"
    assert span(doc, by_cue(doc, "wie … meldet").source) == "die Nachrichtenagentur dpa"
    doc = run(pipe, "Berlin. Dem Bericht zufolge sagte der Minister, die Lage sei ernst.")
    assert (by_cue(doc, "zufolge").channel, by_cue(doc, "sagte").channel) == ("Bericht", None)


@pytest.mark.parametrize("text, name", [
    ("Berlin. Heiko Lenz telefonierte mit Bundeskanzler Max Roth. Dieser sagte, er helfe.", "Max Roth"),
    ("Berlin. Die Sprecherin des Innenministeriums, Claudia Renz, bestätigte den Vorfall. Man prüfe den Fall, "
     "sagte die Sprecherin.", "Claudia Renz"),
    ("Celle. Die Landrätin Ute Klasen besuchte die Schule. Die Landrätin entgegnete, es fehle das Geld.",
     "Ute Klasen"),
])
def test_demonstratives_and_role_nouns_refer_back(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


def test_quoted_fragments_in_a_row_are_one_message(pipe):
    doc = run(pipe, "Berlin. Kaiser bezeichnete den Plan als „absurd“, „teuer“ und „gefährlich“.")
    assert [span(doc, q.message) for q in doc.quotes] == ["„absurd“ … „teuer“ … „gefährlich“"]


def test_a_colon_frame_after_a_subject_with_apposition(pipe):
    doc = run(pipe, "Berlin. Die Präsidentin des Bauernverbands, Ilse Dorn, wandte sich an die Mitglieder: "
                    "„Wir lassen uns nicht spalten.“")
    assert [speaker(doc, q) for q in doc.quotes] == ["Ilse Dorn"]


@pytest.mark.parametrize("text, description", [
    ("Berlin. Reporter fragten den Minister, ob er von den Zahlungen gewusst habe.", "Reporter"),
    ("Köln. Von der Stadtverwaltung hieß es, die Sanierung dauere länger als geplant.", "Stadtverwaltung"),
])
def test_bare_plural_and_von_sources_are_described(pipe, text, description):
    doc = run(pipe, text)
    assert [q.source_description for q in doc.quotes] == [description]


def test_colon_frame_of_wenden_an_names_the_addressee(pipe):
    doc = run(pipe, "Hamburg. Vorstandschef Martin Lück wandte sich an die Aktionäre: „Das Jahr war schwierig.“")
    assert span(doc, doc.quotes[0].addressee) == "die Aktionäre"


def test_an_inverted_speaker_stops_before_a_bare_object_and_impersonal_konjunktiv_continues(pipe):
    doc = run(pipe, "Berlin. Im Gespräch mit dem ZDF räumte die Parteichefin Eva Stroh Fehler ein. Man habe die Lage "
                    "falsch eingeschätzt.")
    assert [(q.form, span(doc, q.source)) for q in doc.quotes] == [("FreeIndirect", "die Parteichefin Eva Stroh")]


def test_a_verb_after_a_comma_that_the_tagger_reads_as_adjective_still_frames(pipe):
    doc = run(pipe, "Wien. Man dürfe nicht untätig daneben stehen, warnte Faymann.")
    assert [(span(doc, q.cue), span(doc, q.source)) for q in doc.quotes] == [("warnte", "Faymann")]


@pytest.mark.parametrize("text", [
    "Wien. Die Flüchtlinge sollen bleiben können, so die Integration nach Plan verläuft.",
])
def test_conditional_so_and_nach_plan_are_no_cues(pipe, text):
    assert run(pipe, text).quotes == []


def test_heisst_es_vonseiten(pipe):
    doc = run(pipe, "Laibach. Die Lage sei ruhig, hieß es vonseiten der slowenischen Polizei.")
    assert span(doc, doc.quotes[0].source) == "vonseiten der slowenischen Polizei"


@pytest.mark.parametrize("text, source", [
    ("Augsburg. Das Projekt sichere Arbeitsplätze und bringe Geld, sagte sie nach der Sitzung.", "sie"),
    ("Augsburg. Die Erhöhung treibe die Kunden weg, warnte Geschäftsführerin Monika Seitz.",
     "Geschäftsführerin Monika Seitz"),
    ("Augsburg. Deren Sprecher Tobias Engel warf der Verwaltung vor, sie habe geschlafen.",
     "Deren Sprecher Tobias Engel"),
])
def test_frames_survive_tagger_slips(pipe, text, source):
    doc = run(pipe, text)
    assert [span(doc, q.source) for q in doc.quotes] == [source]


def test_a_closing_wie_frame_is_no_complement_of_an_expectation(pipe):
    doc = run(pipe, "Köln. Für den Umbau rechnet die Stadt mit Kosten von sechs Millionen Euro, wie Baudezernent "
                    "Holger Frank am Montag bestätigte.")
    q = by_cue(doc, "wie … bestätigte")
    assert speaker(doc, q) == "Holger Frank" and span(doc, q.message).startswith("Für den Umbau")
    doc = run(pipe, "Köln. Vor Gericht hatten Augenzeugen berichtet, wie der Täter die Frau attackierte.")
    assert span(doc, by_cue(doc, "hatten … berichtet").message) == "wie der Täter die Frau attackierte"


@pytest.mark.parametrize("text, cue, message", [
    ("Berlin. Sprecherin Gabi Kern nannte die Entscheidung einen „Sieg für die Demokratie“.", "nannte",
     "„Sieg für die Demokratie“"),
    ("Teheran. Die Regierung verurteilte die Maßnahmen als „Wirtschaftsterrorismus“.", "verurteilte … als",
     "„Wirtschaftsterrorismus“"),
])
def test_quoted_words_of_naming_and_condemning(pipe, text, cue, message):
    doc = run(pipe, text)
    assert [(span(doc, q.cue), span(doc, q.message)) for q in doc.quotes] == [(cue, message)]


@pytest.mark.parametrize("text, name", [
    ("Berlin. Die Deutsche Bahn hat die Preise erhöht. Die Kosten seien gestiegen, teilte das Unternehmen mit.",
     "Deutsche Bahn"),
    ("Augsburg. Der FC Augsburg trennt sich vom Trainer. Man danke ihm, erklärte der Verein.", "FC Augsburg"),
])
def test_a_generic_organisation_noun_refers_to_the_organisation_named_before(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


def test_an_inverted_frame_after_a_colon_sentence_quotes_only_the_part_after_the_colon(pipe):
    doc = run(pipe, "Peking. Das Außenministerium reagierte prompt: Deutschland solle sich nicht einmischen, "
                    "erklärte eine Sprecherin.")
    assert span(doc, doc.quotes[0].message) == "Deutschland solle sich nicht einmischen"


@pytest.mark.parametrize("text, cue", [
    ("Wien. Jugendliche schlafen zu wenig. Das zeigt eine Studie der Universität Wien.", "zeigt"),
    ("Wien. Jugendliche schlafen zu wenig. Das legt eine Untersuchung der Universität Wien nahe.", "legt … nahe"),
])
def test_an_anaphoric_das_frame_quotes_the_sentence_before(pipe, text, cue):
    doc = run(pipe, text)
    assert [(span(doc, q.cue), span(doc, q.message)) for q in doc.quotes] == [(cue, "Jugendliche schlafen zu wenig")]


def test_unter_anderem_before_the_subject(pipe):
    doc = run(pipe, "Berlin. Unter anderem Mercedes-Chef Toto Wolff hatte den Plan kritisiert.")
    assert speaker(doc, doc.quotes[0]) == "Toto Wolff"


@pytest.mark.parametrize("text, source, addressee", [
    ("Berlin. Der Zeitung sagte der Minister, er bleibe.", "der Minister", "Der Zeitung"),
    ("Berlin. Dem „Spiegel“ sagte die Ministerin, sie bleibe.", "die Ministerin", "Dem „Spiegel“"),
    ("Berlin. Dem Magazin Business Insider sagte Kristina Mena, Professorin an der Universität: „Das ist "
     "gefährlich.“", "Kristina Mena", "Dem Magazin Business Insider"),
    ("Madrid. Der spanische Rundfunk berichtet, die Lage sei ernst.", "Der spanische Rundfunk", ""),
])
def test_a_fronted_dative_medium_is_the_addressee(pipe, text, source, addressee):
    doc = run(pipe, text)
    q = doc.quotes[0]
    assert (span(doc, q.source), span(doc, q.addressee)) == (source, addressee)


def test_lauten_frames_only_a_statement(pipe):
    assert run(pipe, "Berlin. Die Boxen liefern vor allem lauten Stereoklang.").quotes == []
    doc = run(pipe, "Berlin. Der Text lautete: „Wir sehen keine Lösung.“")
    assert [span(doc, q.cue) for q in doc.quotes] == ["lautete"]


def test_a_name_inside_the_quotation_is_no_antecedent_of_its_speaker(pipe):
    doc = run(pipe, "Kiew. Der polnische Ministerpräsident Jan Nowak besuchte Kiew. „Wer die Ukraine im Stich lässt, "
                    "lädt Putin nach Europa ein“, sagte er.")
    assert speaker(doc, doc.quotes[0]) == "Jan Nowak"


@pytest.mark.parametrize("text, source, message", [
    ("Berlin. Der Kanzler warnte vor Inflation, Arbeitslosigkeit und Armut.", "Der Kanzler",
     "Der Kanzler warnte vor Inflation, Arbeitslosigkeit und Armut."),
    ("Bangkok. Die Rothemden begrüßten die Ankündigung, fordern aber die Nennung eines Datums.", "Die Rothemden",
     "fordern aber die Nennung eines Datums."),
    ("Berlin. Mediziner der Charité warnen vor den Folgen von Hitzewellen.", "Mediziner der Charité",
     "Mediziner der Charité warnen vor den Folgen von Hitzewellen."),
    ("Berlin. Vertreter aller im Bundestag vertretenen Parteien warnten vor den Gefahren.",
     "Vertreter aller im Bundestag vertretenen Parteien",
     "Vertreter aller im Bundestag vertretenen Parteien warnten vor den Gefahren."),
])
def test_reported_speech_subjects_and_lists(pipe, text, source, message):
    doc = run(pipe, text)
    assert [(q.form, span(doc, q.source), span(doc, q.message)) for q in doc.quotes] == [("Reported", source, message)]


@pytest.mark.parametrize("text", [
    "Wien. Die ÖVP gratulierte, mahnte aber eine solide Budgetpolitik ein.",
    "Wien. Das Buch beschreibt, wie die Familie flieht.",
    "Wien. Der Dokumentarfilm zeigt, wie Bauern leben.",
])
def test_second_predicates_and_works_are_no_reports(pipe, text):
    assert run(pipe, text).quotes == []


def test_das_verlautete_and_demnach_after_a_speaker(pipe):
    doc = run(pipe, "Berlin. Die Steuern sollen sinken. Das verlautete am Montag aus Regierungskreisen.")
    assert [span(doc, q.message) for q in doc.quotes] == ["Die Steuern sollen sinken"]
    doc = run(pipe, "Zürich. Psychologen der Universität Zürich sagten, sie hätten 500 Jugendliche befragt. Demnach "
                    "schlafen intensive Nutzer weniger.")
    assert speaker(doc, by_cue(doc, "Demnach")) == "Universität Zürich"


def test_a_generic_organisation_noun_prefers_the_body_of_its_kind(pipe):
    doc = run(pipe, "Berlin. Der Hauseigentümerverband kritisiert das Gesetz. Der Bundesrat stimmt am Freitag ab. "
                    "Sie schaffe nur mehr Bürokratie, schreibt der Verband.")
    q = by_cue(doc, "schreibt")
    assert (speaker(doc, q), q.source_description) == (None, "Verband")


def test_a_bare_act_names_the_speaker_of_the_konjunktiv_after_it(pipe):
    doc = run(pipe, "Berlin. Die Umweltministerin Helga Brandt kritisierte die Verkehrspolitik. Verkehrsminister "
                    "Holger Wirth widersprach. Die Emissionen im Verkehr seien gesunken.")
    q = doc.quotes[-1]
    assert (q.form, speaker(doc, q)) == ("FreeIndirect", "Holger Wirth")


def test_a_journal_is_a_written_channel(pipe):
    doc = run(pipe, "Boston. Die Forscher berichten im Fachjournal „Nature Medicine“, dass die Therapie wirkt.")
    assert [(q.channel, q.medium) for q in doc.quotes] == [("Fachzeitschrift", "writing")]


def test_zu_diesem_ergebnis_kommt_quotes_the_sentence_before(pipe):
    doc = run(pipe, "Wien. Jugendliche schlafen zu wenig. Zu diesem Ergebnis kommt eine Studie der Universität Wien.")
    q = doc.quotes[0]
    assert (span(doc, q.cue), span(doc, q.message)) == ("Zu diesem Ergebnis kommt", "Jugendliche schlafen zu wenig")


@pytest.mark.parametrize("text, name", [
    ("Berlin. Der Abgeordnete Max Huber glaubt nicht, dass die Reform noch vor der Wahl kommt, wie er am Freitag "
     "im Gespräch mit unserer Zeitung sagte.", "Max Huber"),
    ("Berlin. Die Deutsche Bahn streicht Züge. Grund sei ein Streik der Lokführergewerkschaft GDL, teilte das "
     "Unternehmen in einer Pressemitteilung mit.", "Deutsche Bahn"),
])
def test_only_a_direct_quotation_hides_its_names_from_speaker_resolution(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


def test_an_adverb_the_tagger_reads_as_particle_keeps_the_report(pipe):
    doc = run(pipe, "Berlin. Die Opposition kritisierte die Entscheidung der Landesregierung scharf.")
    assert [(q.form, span(doc, q.cue)) for q in doc.quotes] == [("Reported", "kritisierte")]


@pytest.mark.parametrize("text, name", [
    ("Frankfurt. Die Lokführergewerkschaft GDL ruft zum Streik auf. Die Verhandlungen seien gescheitert, wie die "
     "Gewerkschaft mitteilte.", "GDL"),
    ("Berlin. Die Deutsche Bahn streicht Züge. Man bedaure das, sagte ein Sprecher des Unternehmens.",
     "Deutsche Bahn"),
    ("Mainz. Der Landeselternbeirat kritisiert das Verbot. Ein Verbot löse nichts, sagte dessen Vorsitzender "
     "Jörg Albers.", "Jörg Albers"),
    ("Athen. Die Schulen bleiben zu. Das erklärte Zivilschutzminister Nikos Papadakis am Montag.", "Nikos Papadakis"),
])
def test_organisations_by_kind_possessives_and_bare_titles(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


def test_wuerden_with_a_participle_is_passive_and_a_quoted_medium_before_the_colon(pipe):
    doc = run(pipe, "Izmir. Unter den Trümmern würden noch zwei Menschen vermutet, sagte der Einsatzleiter.")
    assert [span(doc, q.source) for q in doc.quotes] == ["der Einsatzleiter"]
    doc = run(pipe, "Stuttgart. Verbandschefin Susanne Bauer sagte der „Stuttgarter Zeitung“: „Auf dem Land droht "
                    "ein Versorgungskollaps.“")
    q = doc.quotes[0]
    assert (speaker(doc, q), span(doc, q.addressee)) == ("Susanne Bauer", "der „Stuttgarter Zeitung“")


@pytest.mark.parametrize("text, name", [
    ("Frankfurt. EZB-Präsidentin Isabel Moreau hob den Leitzins an. Die Inflation sei zu hoch, sagte die "
     "Präsidentin.", "Isabel Moreau"),
    ("Berlin. Bundeskanzlerin Angela Merkel reiste nach Paris. Die Kanzlerin sagte, sie sei zuversichtlich.",
     "Angela Merkel"),
    ("Berlin. Die Kanzlerin rief den Präsidenten an und sagte ihm, sie erwarte eine Antwort.", "Kanzlerin"),
])
def test_a_bare_office_refers_to_the_person_named_with_it_else_stays_the_office(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


@pytest.mark.parametrize("text, addressee", [
    ("Rom. Ihm wird vorgeworfen, Geld unterschlagen zu haben.", "Ihm"),
    ("Rom. Dem Minister sagte der Bürgermeister, die Stadt sei pleite.", "Dem Minister"),
    ("Rom. Der Minister sagte zur Presse, er bleibe.", "Presse"),
])
def test_fronted_datives_and_zur_presse_are_addressees(pipe, text, addressee):
    doc = run(pipe, text)
    assert [span(doc, q.addressee) for q in doc.quotes] == [addressee]


def test_an_addressee_named_by_its_kind_is_the_organisation_named_before(pipe):
    doc = run(pipe, "Frankfurt. Die Deutsche Bank meldet Verluste. Die Aufsicht forderte die Bank auf, ihre Risiken "
                    "zu senken.")
    q = doc.quotes[-1]
    assert (span(doc, q.addressee), doc.entities[q.addressee_entity].name) == ("die Bank", "Deutsche Bank")


@pytest.mark.parametrize("text, cue, source, medium", [
    ("Tiflis. Aus der Regierung war zu hören, der Minister werde zurücktreten.", "war zu hören", "Aus der Regierung",
     "speech"),
    ("Tiflis. Es war zu lesen, dass das Werk schließe.", "war zu lesen", "", "writing"),
    ("Wien. In einem Bericht des Ministeriums steht, dass die Kosten gestiegen seien.", "steht",
     "einem Bericht des Ministeriums", "writing"),
    ("Wien. Die Studie wurde am Montag vorgestellt. Darin stand auch, die Schulen müssten saniert werden.", "stand",
     "Die Studie", "writing"),
])
def test_impersonal_frames_hearsay_and_what_a_document_says(pipe, text, cue, source, medium):
    doc = run(pipe, text)
    q = by_cue(doc, cue)
    assert (span(doc, q.source), q.medium, q.form) == (source, medium, "Indirect")


@pytest.mark.parametrize("text", [
    "Bern. Der Zug steht, weil die Strecke gesperrt ist.",
    "Bern. Im Mittelpunkt steht, dass die Kinder lernen.",
    "Bern. Im Saal war zu hören, wie die Glocke schlug.",
])
def test_standing_and_hearing_without_a_report_are_no_quotations(pipe, text):
    assert run(pipe, text).quotes == []


def test_a_document_frame_before_a_direct_quotation_makes_it_direct(pipe):
    doc = run(pipe, "Bern. Im Brief stand: „Wir kommen wieder.“")
    q = by_cue(doc, "stand")
    assert (q.form, span(doc, q.source), q.medium) == ("Direct", "Brief", "writing")


@pytest.mark.parametrize("text, cue, medium", [
    ("Kiel. Der Minister erhofft sich von dem Treffen, dass die Spannungen nachlassen.", "erhofft sich", "thought"),
    ("Kiel. Die Mehrheit der Befragten befürwortet, dass die Schulen öffnen.", "befürwortet", "speech"),
])
def test_hoping_for_and_endorsing_a_clause(pipe, text, cue, medium):
    assert by_cue(run(pipe, text), cue).medium == medium


def test_es_opening_a_report_stands_for_the_neuter_organisation_before(pipe):
    doc = run(pipe, "Berlin. Das Gesundheitsministerium warnte vor der Grippe. Es rief die Länder dazu auf, mehr "
                    "Impfstoff zu bestellen.")
    q = by_cue(doc, "rief … dazu auf")
    assert (span(doc, q.source), speaker(doc, q), span(doc, q.addressee)) == ("Es", "Gesundheitsministerium",
                                                                                "die Länder")
    doc = run(pipe, "Berlin. Das Gericht wies die Klage ab. Es erklärte, der Kläger habe die Frist versäumt.")
    q = by_cue(doc, "erklärte")
    assert (span(doc, q.source), q.source_description) == ("Es", "Gericht")


@pytest.mark.parametrize("text, cue, source", [
    ("Berlin. Das Wetter war schlecht. Es sagte der Minister, die Lage sei ernst.", "sagte", "der Minister"),
    ("Berlin. Das Kind weinte. Es wird erwartet, dass der Rat zustimmt.", "Es wird erwartet", ""),
])
def test_es_before_a_speaker_or_a_passive_stays_impersonal(pipe, text, cue, source):
    doc = run(pipe, text)
    assert span(doc, by_cue(doc, cue).source) == source


def test_a_role_glued_to_a_noun_is_no_part_of_the_name(pipe):
    doc = run(pipe, "Berlin. „Der Müll erstickt unsere Städte“, sagte Fraktionschefin Mira Koch.")
    assert speaker(doc, doc.quotes[0]) == "Mira Koch"


def test_a_verb_tagged_as_adjective_before_a_role_name_and_its_particle(pipe):
    doc = run(pipe, "Frankfurt. Eine Zinssenkung sei möglich, deutete Notenbankchefin Eva Lind an.")
    q = by_cue(doc, "deutete … an")
    assert (span(doc, q.source), speaker(doc, q)) == ("Notenbankchefin Eva Lind", "Eva Lind")


@pytest.mark.parametrize("text, addressee", [
    ("Berlin. Der Minister hat den Ausbau angekündigt.", ""),
    ("Berlin. Der Minister hat den Bürgern Entlastungen angekündigt.", "den Bürgern"),
])
def test_den_is_a_dative_addressee_only_in_the_plural(pipe, text, addressee):
    doc = run(pipe, text)
    assert [span(doc, q.addressee) for q in doc.quotes] == [addressee]


@pytest.mark.parametrize("text", [
    "Köln. Die Polizei sucht nach Zeugen.",
    "Köln. Die Polizei hat dringend nach Zeugen gesucht.",
])
def test_searching_for_witnesses_is_no_source_phrase(pipe, text):
    assert run(pipe, text).quotes == []


def test_a_speech_noun_frame_yields_one_quotation(pipe):
    doc = run(pipe, "Berlin. Die Ministerin äußerte die Hoffnung, dass die Einigung hält.")
    assert [span(doc, q.cue) for q in doc.quotes] == ["äußerte die Hoffnung"]


@pytest.mark.parametrize("text, source, addressee", [
    ("Berlin. „Wir bleiben“, sagte die Ministerin der „Rheinischen Post“.", "die Ministerin",
     "der „Rheinischen Post“"),
    ("Berlin. „Wir bleiben“, sagte der Chefredakteur der „Rheinischen Post“.",
     "der Chefredakteur der „Rheinischen Post“", ""),
])
def test_a_quoted_title_after_a_role_is_the_medium_spoken_to_unless_the_role_works_there(pipe, text, source,
                                                                                           addressee):
    doc = run(pipe, text)
    q = by_cue(doc, "sagte")
    assert (span(doc, q.source), span(doc, q.addressee)) == (source, addressee)


def test_a_posted_diplomat_keeps_the_country_of_the_adjective(pipe):
    doc = run(pipe, "Berlin. Der russische Botschafter in Berlin sagte, Moskau sei bereit.")
    assert by_cue(doc, "sagte").source_country == "RUS"


def test_a_judgment_s_reasoning_is_writing(pipe):
    doc = run(pipe, "Karlsruhe. In der Urteilsbegründung heißt es, der Angeklagte habe heimtückisch gehandelt.")
    assert by_cue(doc, "heißt es").medium == "writing"


def test_a_pronoun_after_an_unnamed_role_in_narration_keeps_its_description(pipe):
    doc = run(pipe, "Köln. Ein Sprecher der Polizei war vor Ort. Die Zahl steige, sagte er.")
    assert by_cue(doc, "sagte").source_description == "Sprecher der Polizei"


def test_a_fronted_anlaesslich_phrase_is_no_source(pipe):
    doc = run(pipe, "Wien. Anlässlich der Premiere soll der Kaiser gesagt haben, es seien zu viele Noten.")
    assert span(doc, doc.quotes[0].source) == "der Kaiser"


@pytest.mark.parametrize("text, source, addressee", [
    ("Rom. Die Insel sei überlastet, sagte Salvatore Cannizzo italienischen Medien.", "Salvatore Cannizzo",
     "italienischen Medien"),
    ("Rom. Die Insel sei überlastet, sagte Salvatore Cannizzo Journalisten.", "Salvatore Cannizzo", "Journalisten"),
    ("Rom. Die Lage sei ernst, sagte er ausländischen Journalisten.", "er", "ausländischen Journalisten"),
])
def test_a_bare_dative_audience_after_the_speaker_is_the_addressee(pipe, text, source, addressee):
    doc = run(pipe, text)
    q = by_cue(doc, "sagte")
    assert (span(doc, q.source), span(doc, q.addressee)) == (source, addressee)


@pytest.mark.parametrize("text, name", [
    ("Linz. Alois Brandhuber sagte, das Urteil komme im März. Der Staatsanwalt sagte, er sei zufrieden.", None),
    ("Linz. Oberstaatsanwalt Karl Huber klagte Brandhuber an. Der Staatsanwalt sagte, er sei zufrieden.",
     "Karl Huber"),
])
def test_the_prosecutor_is_only_a_person_named_as_prosecutor(pipe, text, name):
    doc = run(pipe, text)
    assert speaker(doc, doc.quotes[-1]) == name


def test_interview_turns_are_direct_quotations_between_interviewer_and_interviewee(pipe):
    doc = run(pipe, "Wien. Die Ökonomin Eva Berger leitet das Institut seit 2019. STANDARD: Wird die Inflation sinken? "
                    "Berger: Ja, aber langsam. Die Löhne steigen noch. STANDARD: Was heißt das für die Zinsen? "
                    "Berger: Sie bleiben hoch.")
    turns = [(span(doc, q.source), speaker(doc, q), span(doc, q.addressee), span(doc, q.message), q.form)
             for q in doc.quotes]
    assert turns == [
        ("STANDARD", None, "Berger", "Wird die Inflation sinken", "Direct"),
        ("Berger", "Eva Berger", "STANDARD", "Ja, aber langsam. Die Löhne steigen noch", "Direct"),
        ("STANDARD", None, "Berger", "Was heißt das für die Zinsen", "Direct"),
        ("Berger", "Eva Berger", "STANDARD", "Sie bleiben hoch", "Direct"),
    ]


def test_an_interview_turn_ends_at_a_line_break_and_a_question_label_names_no_one(pipe):
    doc = run(pipe, "Frage: Herr Huber, was planen Sie?\nKarl Huber: Wir bauen eine Halle.\n\n"
                    "Die Halle soll 20 Millionen Euro kosten.")
    assert [(span(doc, q.source), span(doc, q.message)) for q in doc.quotes] == [
        ("", "Herr Huber, was planen Sie"), ("Karl Huber", "Wir bauen eine Halle")]


@pytest.mark.parametrize("text", [
    "Bern. Ergebnisse: Der Teilnehmerkreis war hochklassig.",
    "Bern. Karl Huber gewann. Huber: 12,3 Sekunden. Meier: 12,5 Sekunden.",
])
def test_labels_without_questions_and_answers_are_no_interview(pipe, text):
    assert not [q for q in run(pipe, text).quotes if q.attrs.get("cue_kind") == "interview"]


@pytest.mark.parametrize("text, source, addressee", [
    ("Berlin. Die Polizei sucht nach Angaben eines Sprechers nach dem Täter.", "Angaben eines Sprechers", ""),
    ("Berlin. Man werde weitermachen, sagte die Vorsitzende der „Omas gegen Rechts“, Anna Berger.",
     "die Vorsitzende der „Omas gegen Rechts“, Anna Berger", ""),
    ("Berlin. Man werde weitermachen, sagte der Vorsitzende der „Tafel“.", "der Vorsitzende der „Tafel“", ""),
    ("Berlin. Wir werden siegen, sagte der Trainer den Fans.", "der Trainer", "den Fans"),
])
def test_qa_h14_regressions_stay_fixed(pipe, text, source, addressee):
    doc = run(pipe, text)
    assert [(span(doc, q.source), span(doc, q.addressee)) for q in doc.quotes] == [(source, addressee)]


def test_es_zeigte_sich_is_impersonal(pipe):
    doc = run(pipe, "Berlin. Das Spiel war spannend. Es zeigte sich, dass die Mannschaft fit ist.")
    assert all(span(doc, q.source) == "" for q in doc.quotes)


def test_interview_labels_frage_antwort_and_a_medium_in_capitals(pipe):
    doc = run(pipe, "Tessenburg. Der Physiker Anselm Brückner forscht an Batterien. Frage: Wann fahren wir alle "
                    "elektrisch? Antwort: Schneller, als viele glauben.")
    assert [(span(doc, q.source), span(doc, q.message)) for q in doc.quotes] == [
        ("", "Wann fahren wir alle elektrisch"), ("", "Schneller, als viele glauben")]
    doc = run(pipe, "Berlin. Die Autorin Lene Kessler hat einen Roman geschrieben. ZEIT ONLINE: Frau Kessler, war das "
                    "eine Befreiung? Kessler: Eher eine Zumutung. ZEIT ONLINE: Viele Leser sind begeistert. "
                    "Kessler: Das freut mich.")
    assert [(span(doc, q.source), span(doc, q.addressee)) for q in doc.quotes] == [
        ("ZEIT ONLINE", "Kessler"), ("Kessler", "ZEIT ONLINE")] * 2


def test_a_colon_frame_owns_its_quote_before_the_next_sentences_verb(pipe):
    doc = run(pipe, "Berlin. Der Abgeordnete Uwe Stark rief dazwischen: „Das ist falsch!“ Ministerin Ida Roth "
                    "konterte, die Zahlen seien korrekt.")
    assert [(span(doc, q.cue), speaker(doc, q), span(doc, q.message)) for q in doc.quotes] == [
        ("rief dazwischen", "Uwe Stark", "„Das ist falsch!“"), ("konterte", "Ida Roth", "die Zahlen seien korrekt")]


def test_a_separated_particle_after_an_apposition_and_a_channel(pipe):
    doc = run(pipe, "Kiew. Die Lage sei stabil, teilte der Gouverneur der Region, Oleh Marenko, auf Telegram mit.")
    q = by_cue(doc, "teilte … mit")
    assert (speaker(doc, q), q.channel) == ("Oleh Marenko", "Telegram")


def test_zum_before_a_topic_with_a_place_is_no_addressee(pipe):
    doc = run(pipe, "Stuttgart. Zum geplanten Versammlungsrecht in Baden-Württemberg schreibt der Abgeordnete: "
                    "„Das Gesetz geht zu weit.“")
    assert span(doc, by_cue(doc, "schreibt").addressee) == ""
