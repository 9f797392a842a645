"""Quotation rules of quotes.rules 0.5.0 (general frames and cue restrictions found by error analysis on
SpkAtt dev): one invented German news sentence per phenomenon."""

from __future__ import annotations

import pytest

from quotes_support import only, quotes, rules_pipeline, span


@pytest.fixture(scope="module")
def pipe():
    return rules_pipeline()


def test_possessive_or_demonstrative_determiner_opens_the_source(pipe):
    doc, q = only(pipe, "Ihr Vorsitzender Eberhard Brandt erklärte: „Die Regelung reicht nicht aus.“")
    assert span(doc, q.source) == "Ihr Vorsitzender Eberhard Brandt"
    doc, q = only(pipe, "Dieser Arzt, Antonio Noja, schilderte den Ablauf: „Sie hatte einen Herzstillstand.“")
    assert span(doc, q.source) == "Dieser Arzt, Antonio Noja"


def test_pronoun_alone_is_still_a_source(pipe):
    doc, q = only(pipe, "Im Gespräch mit der Zeitung sagte dieser, dass der Vertrag gekündigt werde.")
    assert span(doc, q.source) == "dieser"


def test_surname_tagged_as_adverb_at_sentence_start_is_the_source(pipe):
    tags = {"sagte": "VVFIN", "Jarosch": "ADV", ",": "$,", "es": "PPER", "müsse": "VMFIN", "sein": "VAINF",
            ".": "$.", "Schluss": "NN"}
    doc, q = only(pipe, "Jarosch sagte, es müsse nun Schluss sein.", tags=tags)
    assert span(doc, q.source) == "Jarosch" and span(doc, q.cue) == "sagte"


def test_auxiliary_and_subject_before_an_apposition_belong_to_the_participle(pipe):
    doc, q = only(pipe, "Am Montag hatte ein Sprecher des Ministeriums in Kiew, Oleh Nikolenko, erklärt, "
                        "die Gespräche seien gescheitert.")
    assert span(doc, q.cue) == "hatte … erklärt"
    assert span(doc, q.source) == "ein Sprecher des Ministeriums in Kiew, Oleh Nikolenko"
    assert span(doc, q.message) == "die Gespräche seien gescheitert"


def test_adverbial_clause_after_a_verb_of_saying_is_no_message(pipe):
    doc, qs = quotes(pipe, "Der Präsident bestritt das, indem er sagte, eine Zusammenarbeit würde niemandem schaden.")
    assert not any("indem" in span(doc, q.message) for q in qs)
    said = [q for q in qs if span(doc, q.cue) == "sagte"]
    assert len(said) == 1 and span(doc, said[0].source) == "er"
    assert span(doc, said[0].message) == "eine Zusammenarbeit würde niemandem schaden"


def test_subjunctive_clause_after_a_relative_clause_is_its_message(pipe):
    doc, qs = quotes(pipe, "Scharfe Kritik kam vom Parteichef, der sagte, man dürfe die Bauern nicht allein lassen.")
    said = [q for q in qs if span(doc, q.cue) == "sagte"]
    assert len(said) == 1 and span(doc, said[0].message) == "man dürfe die Bauern nicht allein lassen"
    assert span(doc, said[0].source) == "der"


def test_main_clause_after_a_subordinate_clause_is_still_no_message(pipe):
    _, qs = quotes(pipe, "Nachdem der Minister gewarnt hatte, sei die Lage ruhig geblieben.")
    assert qs == []


def test_subject_after_a_subordinator_is_a_noun_phrase_not_its_article(pipe):
    doc, q = only(pipe, "Die Gespräche scheiterten, weil die Gewerkschaft sagte, sie wolle nicht nachgeben.")
    assert span(doc, q.source) == "die Gewerkschaft"


def test_modal_with_participle_and_infinitive_auxiliary_is_no_report_unless_hearsay_frames_a_clause(pipe):
    doc, qs = quotes(pipe, "Der Bericht kann erst im Mai veröffentlicht werden.")
    assert qs == []
    doc, qs = quotes(pipe, "Der Minister soll gesagt haben, die Lage sei ernst.")
    assert [span(doc, q.cue) for q in qs] == ["soll gesagt haben"]
    doc, qs = quotes(pipe, "Der Minister soll das gesagt haben.")
    assert qs == []


def test_theory_and_hypothesis_nouns_frame_a_message(pipe):
    doc, q = only(pipe, "Die Forscher stellten die Theorie auf, dass die Funde aus Asien stammen.")
    assert span(doc, q.cue) == "stellten die Theorie auf" and span(doc, q.source) == "Die Forscher"
    doc, q = only(pipe, "Die Rettungskräfte erteilten den Befehl, das Gebäude sofort zu verlassen.")
    assert span(doc, q.cue) == "erteilten den Befehl"


@pytest.mark.parametrize("text, cue", [
    ("Der Bericht besagt, dass die Zahl der Opfer gestiegen ist.", "besagt"),
    ("Der Konzern stritt ab, dass er Daten weitergegeben habe.", "stritt ab"),
    ("Die Kanzlerin erinnerte daran, dass der Vertrag noch gilt.", "erinnerte daran"),
    ("Die Organisatoren gestanden ein, dass die Planung mangelhaft gewesen sei.", "gestanden ein"),
])
def test_further_verbs_of_saying_with_a_complement(pipe, text, cue):
    doc, q = only(pipe, text)
    assert span(doc, q.cue) == cue and q.form == "Indirect"


def test_document_in_an_agentless_passive_is_the_source(pipe):
    doc, q = only(pipe, "In einem Bericht der Polizei wurde gefordert, die Straße zu sperren.")
    assert span(doc, q.source) == "einem Bericht der Polizei" and span(doc, q.cue) == "wurde gefordert"


def test_nach_after_a_time_span_is_temporal(pipe):
    _, qs = quotes(pipe, "Zwei Monate nach Angaben des Herstellers brach die Produktion ein.")
    assert qs == []
    doc, q = only(pipe, "Nach Angaben des Herstellers brach die Produktion ein.")
    assert span(doc, q.cue) == "Nach"


def test_naming_verbs_give_names_not_reports(pipe):
    _, qs = quotes(pipe, "Der Komet, von Astronomen auch Eisriese genannt, nähert sich der Sonne.")
    assert qs == []
    doc, qs = quotes(pipe, "Die Einheit, wie sich die Miliz selbst nennt, kontrolliere die Stadt.")
    assert not any("nennt" in span(doc, q.cue) for q in qs)


def test_extended_attribute_is_part_of_the_source_not_a_verb(pipe):
    doc, q = only(pipe, "Laut einer am Dienstag veröffentlichten Mitteilung des Hilfswerks wurden 2000 Familien "
                        "versorgt.")
    assert span(doc, q.source) == "einer am Dienstag veröffentlichten Mitteilung des Hilfswerks"
    doc, q = only(pipe, "Viele Therapien wirken nicht, so das Ergebnis einer gestern vorgestellten Studie.")
    assert span(doc, q.source) == "das Ergebnis einer gestern vorgestellten Studie"
    tags = {"Die": "ART", "am": "APPRART", "veröffentlichte": "VVFIN", "ergab": "VVFIN", ",": "$,", "dass": "KOUS",
            "die": "ART", "der": "ART", "steigt": "VVFIN", ".": "$."}
    doc, q = only(pipe, "Die am Montag veröffentlichte Studie ergab, dass die Zahl der Opfer steigt.", tags=tags)
    assert span(doc, q.cue) == "ergab" and span(doc, q.source) == "Die am Montag veröffentlichte Studie"


def test_coordinated_clause_with_its_own_verb_of_saying_ends_the_message(pipe):
    doc, qs = quotes(pipe, "Der Präsident sagte, der Gesandte sei tot, doch ein UN-Sprecher erklärte, "
                           "den Tod nicht bestätigen zu können.")
    assert [(span(doc, q.cue), span(doc, q.message)) for q in qs] == [
        ("sagte", "der Gesandte sei tot"), ("erklärte", "den Tod nicht bestätigen zu können")]


def test_zu_infinitive_without_a_comma_is_the_message(pipe):
    doc, q = only(pipe, "Der Konzern hat angekündigt die Preise ab Oktober zu erhöhen.")
    assert span(doc, q.cue) == "hat angekündigt" and span(doc, q.message) == "die Preise ab Oktober zu erhöhen"
    doc, q = only(pipe, "Die Abgeordnete hat am Montag angekündigt ihr Mandat niederzulegen.")
    assert span(doc, q.message) == "ihr Mandat niederzulegen" and q.form == "Indirect"


def test_fronted_predicative_als_phrase_is_no_source(pipe):
    doc, q = only(pipe, "Als Grund gab die Behörde an, die Maschinen seien unsicher.")
    assert span(doc, q.source) == "die Behörde" and span(doc, q.cue) == "gab … an"
    doc, q = only(pipe, "Als der Minister eintraf, sagte er, die Lage sei ernst.")
    assert span(doc, q.source) == "er"


def test_quoted_title_is_no_quotation_but_quoted_words_are(pipe):
    doc, qs = quotes(pipe, "Die Zeitung berichtete ausführlich über den Film „Odyssee im Weltraum“ und seine Musik.")
    assert not any(q.form == "Direct" for q in qs)
    doc, q = only(pipe, "Die Opposition kritisierte die Pläne als „sozial ungerecht und teuer“.")
    assert q.form == "Direct" and span(doc, q.message) == "„sozial ungerecht und teuer“"


@pytest.mark.parametrize("text, cue", [
    ("Der Minister sprach von einer „vollständigen Zerstörung“.", "sprach von"),
    ("Die Kanzlerin warnte vor einem „gefährlichen Flächenbrand“.", "warnte vor"),
    ("Der Verband bezeichnete die Entscheidung des Gerichts am Montag als „völlig unverständlich“.",
     "bezeichnete … als"),
])
def test_preposition_joining_a_quoted_fragment_is_part_of_the_cue(pipe, text, cue):
    doc, q = only(pipe, text)
    assert q.form == "Direct" and span(doc, q.cue) == cue


def test_wie_of_degree_or_comparison_is_no_cue(pipe):
    doc, qs = quotes(pipe, "Wie sehr die Bewohner den Park schätzten, bemerkten viele erst nach dem Brand.")
    assert not any(span(doc, q.cue).startswith("Wie") for q in qs)
    doc, qs = quotes(pipe, "Der Chor klang so laut, wie man es nicht erwartet hatte.")
    assert not any("wie" in span(doc, q.cue) for q in qs)
    doc, q = only(pipe, "Wie die Polizei mitteilte, wurde niemand verletzt.")
    assert span(doc, q.cue) == "Wie … mitteilte"


def test_particle_verb_zu_infinitive_is_a_message(pipe):
    doc, q = only(pipe, "Ein Gericht hat den Konzern aufgefordert, innerhalb von drei Tagen alle Daten herauszugeben.")
    assert span(doc, q.cue) == "hat … aufgefordert"
    assert span(doc, q.message) == "innerhalb von drei Tagen alle Daten herauszugeben"


def test_document_after_an_anaphoric_frame_is_the_source(pipe):
    doc, qs = quotes(pipe, "Der Gewinn stieg stark. Dies geht aus einer Pressemitteilung des Konzerns hervor.")
    assert len(qs) == 1
    assert span(doc, qs[0].cue) == "geht … hervor" and span(doc, qs[0].source) == "einer Pressemitteilung des Konzerns"
    assert span(doc, qs[0].message) == "Der Gewinn stieg stark"


def test_demnach_and_danach_refer_to_the_document_of_the_previous_sentence(pipe):
    doc, qs = quotes(pipe, "Am Montag wurde die Studie des Hilfswerks vorgestellt. "
                           "Danach leiden viele Kinder an Hunger.")
    assert len(qs) == 1 and span(doc, qs[0].cue) == "Danach"
    assert span(doc, qs[0].source) == "die Studie des Hilfswerks"
    assert span(doc, qs[0].message) == "leiden viele Kinder an Hunger"
    _, qs = quotes(pipe, "Am Montag tagte der Rat. Danach gingen alle nach Hause.")
    assert qs == []
    doc, qs = quotes(pipe, "Das geht aus dem Urteil hervor. Demnach ist die Regierung nicht verantwortlich.")
    demnach = [q for q in qs if span(doc, q.cue) == "Demnach"]
    assert len(demnach) == 1 and span(doc, demnach[0].source) == "dem Urteil"


def test_copula_with_stance_adjective_frames_a_thought(pipe):
    doc, q = only(pipe, "Die Staatsanwaltschaft war sich sicher, dass die Beweise ausreichen.")
    assert span(doc, q.cue) == "war sich sicher" and span(doc, q.source) == "Die Staatsanwaltschaft"
    assert q.medium == "thought" and span(doc, q.message) == "dass die Beweise ausreichen"
    _, qs = quotes(pipe, "Es ist wahrscheinlich, dass die Brücke gesperrt wird.")
    assert qs == []
    _, qs = quotes(pipe, "Er sei jedoch zuversichtlich, da die Feuerwehr schon vor Ort ist.")
    assert not any(q.attrs.get("cue_kind") == "stance" for q in qs)
