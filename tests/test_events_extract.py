"""Event extraction on hand-built documents: one case per trigger family, modality, roles, time,
quantities and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from chronik.events.lexicon import load

from test_events_support import WORLD, build, codes, day

SAT = [("am Samstag", "2022-02-12", "2022-02-12", "2022-02-12")]

# sentence, type, mode, source texts, target texts — one per entry family of triggers.tsv
FAMILIES = [
    ("consult_phone", "Scholz telefonierte mit Selenskyj.", "CONSULT", "phone", ["Scholz"], ["Selenskyj"]),
    ("consult_meeting", "Macron traf Scholz in Berlin.", "CONSULT", "meeting", ["Macron"], ["Scholz"]),
    ("consult_meeting", "Macron und Scholz haben sich in Berlin getroffen.", "CONSULT", "meeting", ["Macron"], ["Scholz"]),
    ("consult_meeting", "Macron und Scholz sprachen über die Lage.", "CONSULT", "meeting", ["Macron"], ["Scholz"]),
    ("consult_meeting", "Putin empfing Macron im Kreml.", "CONSULT", "meeting", ["Putin"], ["Macron"]),
    ("consult_negotiate", "Russland und die Ukraine verhandelten über einen Waffenstillstand.", "CONSULT", "negotiate", ["Russland"], ["Ukraine"]),
    ("consult_visit", "Macron besuchte Moskau.", "CONSULT", "visit", ["Macron"], ["Moskau"]),
    ("mobilize", "Russland verlegte Panzer nach Polen.", "MOBILIZE", "troops", ["Russland"], ["Polen"]),
    ("assault", "Russland griff die Ukraine an.", "ASSAULT", "attack", ["Russland"], ["Ukraine"]),
    ("assault", "Russland hat Raketen auf die Ukraine abgefeuert.", "ASSAULT", "shelling", ["Russland"], ["Ukraine"]),
    ("accuse", "Scholz kritisierte Russland.", "ACCUSE", "disapprove", ["Scholz"], ["Russland"]),
    ("reject", "Russland wies die Vorschläge der Nato zurück.", "REJECT", "deny", ["Russland"], []),
    ("agree", "Russland und die Ukraine einigten sich auf einen Gefangenenaustausch.", "AGREE", "agree", ["Russland"], ["Ukraine"]),
    ("agree", "Die Ukraine hat dem Gefangenenaustausch zugestimmt.", "AGREE", "agree", ["Ukraine"], []),
    ("sanction", "Die EU verhängte Sanktionen gegen Russland.", "SANCTION", "sanction", ["EU"], ["Russland"]),
    ("threaten", "Putin drohte der Nato.", "THREATEN", "threaten", ["Putin"], ["Nato"]),
    ("protest", "Greenpeace protestierte gegen Russland.", "PROTEST", "demonstrate", ["Greenpeace"], ["Russland"]),
    ("request", "Selenskyj forderte von der Nato Flugabwehr.", "REQUEST", "demand", ["Selenskyj"], ["Nato"]),
    ("support", "Die EU unterstützte die Ukraine.", "SUPPORT", "support", ["EU"], ["Ukraine"]),
    ("aid", "Die USA lieferten der Ukraine Waffen.", "AID", "military", ["USA"], ["Ukraine"]),
    ("retreat", "Russland zog seine Truppen aus Kiew ab.", "RETREAT", "withdraw", ["Russland"], []),
    ("coerce", "Polen wies russische Diplomaten aus.", "COERCE", "expel", ["Polen"], ["russische Diplomaten"]),
    ("coerce", "Polen schloss die Grenze zu Belarus.", "COERCE", "border", ["Polen"], []),
    ("coerce", "Die Polizei setzte Tränengas gegen Demonstranten ein.", "COERCE", "repression", ["Polizei"], ["Demonstranten"]),
    ("cooperate", "China und Russland arbeiteten zusammen.", "COOPERATE", "cooperate", ["China"], ["Russland"]),
    ("concede", "Russland ließ Gefangene frei.", "CONCEDE", "release", ["Russland"], []),
]


def test_every_trigger_family_has_a_case():
    families = {t.family for forms in load().verb_forms.values() for t in (r.trigger for r in forms)}
    families |= {t.family for t in load().noun_forms.values()}
    assert families == {f[0] for f in FAMILIES}


@pytest.mark.parametrize("family,text,etype,mode,sources,targets", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_trigger_family(family, text, etype, mode, sources, targets):
    doc = build(text, WORLD)
    events = [e for e in doc.events if e.type == etype]
    assert len(events) == 1, doc.events
    ev = events[0]
    assert ev.mode == mode
    assert ev.modality == "occurred"
    assert codes(ev.sources) == sources
    assert codes(ev.targets) == targets


@pytest.mark.parametrize("text,etype", [
    ("Die Truppenverlegung nach Polen begann.", "MOBILIZE"),
    ("Die Luftangriffe auf Kiew dauerten an.", "ASSAULT"),
    ("Das Telefonat dauerte eine Stunde.", "CONSULT"),
    ("Neue Waffenlieferungen an die Ukraine kamen an.", "AID"),
    ("Der Einmarsch begann am Morgen.", "ASSAULT"),
])
def test_nominalisations_and_compounds_trigger(text, etype):
    assert [e.type for e in build(text, WORLD).events] == [etype]


@pytest.mark.parametrize("text", [
    "Die Preise stiegen.", "Die Besucher kamen.", "Das ist eine Herausforderung.", "Sie sprachen von Erfolg.",
    "Russland zieht Bilanz.", "Die USA liefern Weizen.", "Die Ölpreise fielen.",
    "Der Stürmer traf zum 1:0.", "Die Regierung hat eine Entscheidung getroffen.",
    "Einige Beobachter blieben skeptisch.",
    "Scholz sprach am Montag über die Lage.",  # a speech, not a meeting: no partner
    "Die Regierung will die Reform rasch in Angriff nehmen.",  # idioms.tsv
    "Die Partei brachte Macron als Kandidaten ins Gespräch.",
])
def test_no_false_triggers(text):
    assert build(text, WORLD).events == []


@pytest.mark.parametrize("text,timexes,modality", [
    ("Putin und Biden wollen am Samstag telefonieren.", SAT, "planned"),
    ("Putin und Biden werden am Samstag telefonieren.", SAT, "planned"),
    ("Putin und Biden telefonieren am Samstag.", SAT, "planned"),
    ("Putin und Biden telefonierten.", [], "occurred"),
    ("Putin und Biden haben telefoniert.", [], "occurred"),
    ("Putin und Biden telefonieren gerade.", [], "ongoing"),
    ("Die USA halten einen Einmarsch Russlands für möglich.", [], "possible"),
    ("Ein Einmarsch Russlands ist nicht ausgeschlossen.", [], "possible"),
    ("Russland könnte die Ukraine angreifen.", [], "possible"),
    ("Russland bestreitet Angriffspläne.", [], "denied"),
    ("Putin und Biden telefonierten nicht.", [], "negated"),
    ("Es gab kein Telefonat.", [], "negated"),
    ("Russland schlug ein Treffen vor.", [], "proposed"),
    ("Die USA kündigten an, Soldaten nach Polen zu verlegen.", [], "announced"),
    ("Die EU fordert Russland auf, seine Truppen abzuziehen.", [], "demanded"),
    ("Die Nato plant, Truppen nach Polen zu verlegen.", [], "planned"),
    ("Falls Russland die Ukraine angreift, reagiert die Nato.", [], "possible"),
])
def test_modality(text, timexes, modality):
    doc = build(text, WORLD, timexes)
    non_speech = [e for e in doc.events if e.type not in ("REJECT", "REQUEST")]
    assert [e.modality for e in non_speech] == [modality]


def test_speech_act_in_present_tense_occurred_and_embedded_event_gets_the_cue():
    doc = build("Russland bestreitet Angriffspläne.", WORLD)
    assert [(e.type, e.modality) for e in doc.events] == [("REJECT", "occurred"), ("ASSAULT", "denied")]
    assert codes(doc.events[1].sources) == ["Russland"]


def test_coordinated_actors_make_one_symmetric_event():
    doc = build("Putin und Biden wollen am Samstag telefonieren.", WORLD, SAT)
    (ev,) = doc.events
    assert (codes(ev.sources), codes(ev.targets), ev.attrs["symmetric"]) == (["Putin"], ["Biden"], True)
    assert [(a.country, a.sector) for a in ev.sources + ev.targets] == [("RUS", "GOV"), ("USA", "GOV")]


def test_between_participants_of_a_nominal_event():
    doc = build("Das Telefonat zwischen Milley und Gerassimow dauerte eine Stunde.", WORLD)
    (ev,) = doc.events
    assert codes(ev.sources + ev.targets) == ["Milley", "Gerassimow"]


def test_subject_inherited_across_apposition_and_dative_target():
    doc = build("Die Sprecherin des Außenministeriums, Sacharowa, warf dem Weißen Haus vor, Panik zu verbreiten.", WORLD)
    (ev,) = doc.events
    assert (ev.type, ev.mode, codes(ev.sources), codes(ev.targets)) == ("ACCUSE", "allege", ["Sacharowa"], ["Weißen Haus"])


def test_genitive_agent_and_direction_of_a_noun():
    doc = build("Die USA halten einen Einmarsch Russlands in die Ukraine für möglich.", WORLD)
    (ev,) = doc.events
    assert (codes(ev.sources), codes(ev.targets)) == (["Russlands"], ["Ukraine"])


def test_demanded_complement_takes_the_object_as_agent():
    doc = build("Die EU fordert Russland auf, seine Truppen abzuziehen.", WORLD)
    request, retreat = doc.events
    assert (codes(request.sources), codes(request.targets)) == (["EU"], ["Russland"])
    assert codes(retreat.sources) == ["Russland"]


def test_location_with_demonym():
    doc = build("Russland hat Soldaten an der ukrainischen Grenze zusammengezogen.", WORLD)
    (ev,) = doc.events
    assert ev.location.text == "an der ukrainischen Grenze" and ev.location.country == "UKR"


def test_time_from_timex_not_publication_date():
    doc = build("Putin und Biden wollen am Samstag telefonieren.", WORLD, SAT)
    (ev,) = doc.events
    assert (ev.time_value, ev.earliest, ev.latest) == ("2022-02-12", date(2022, 2, 12), date(2022, 2, 12))
    assert ev.timex == 0 and ev.attrs["time_basis"] == "timex"


def test_time_before_a_date():
    doc = build("Ein Einmarsch Russlands vor dem 20. Februar ist möglich.", WORLD,
                [("20. Februar", "2022-02-20", "2022-02-20", "2022-02-20")])
    (ev,) = doc.events
    assert (ev.earliest, ev.latest, ev.attrs["time_relation"]) == (date(2022, 2, 11), date(2022, 2, 20), "before")


@pytest.mark.parametrize("text,modality,earliest,latest", [
    ("Putin und Biden telefonierten.", "occurred", None, date(2022, 2, 11)),
    ("Putin und Biden wollen telefonieren.", "planned", date(2022, 2, 11), None),
])
def test_time_falls_back_to_publication_date_in_the_tense_direction(text, modality, earliest, latest):
    (ev,) = build(text, WORLD).events
    assert (ev.modality, ev.earliest, ev.latest, ev.attrs["time_basis"]) == (modality, earliest, latest, "dct")


@pytest.mark.parametrize("text,value,unit,qualifier", [
    ("Die USA verlegen rund 3000 weitere Soldaten nach Polen.", 3000, "soldiers", "approx"),
    ("Russland hat mehr als 100.000 Soldaten zusammengezogen.", 100000, "soldiers", "more_than"),
    ("Die USA liefern bis zu 1,5 Millionen Raketen an die Ukraine.", 1_500_000, "missiles", "up_to"),
    ("Zehntausende Menschen demonstrierten in Berlin.", 10000, "people", "approx"),
    ("Die Nato verlegt 40 Kampfjets nach Polen.", 40, "aircraft", "exact"),
])
def test_quantities(text, value, unit, qualifier):
    evs = [e for e in build(text, WORLD).events if e.quantities]
    assert len(evs) == 1
    (q,) = evs[0].quantities
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)
    assert text[q.start:q.end] == q.text


def test_evidence_offsets_point_at_the_trigger():
    text = "Die Lage ist ernst. Putin und Biden telefonierten am Samstag."
    (ev,) = build(text, WORLD).events
    assert text[ev.trigger[0]:ev.trigger[1]] == "telefonierten" and ev.sentence == 1


def test_separable_verb_needs_its_particle():
    assert [e.type for e in build("Russland zieht seine Truppen zusammen.", WORLD).events] == ["MOBILIZE"]
    assert build("Russland zieht Bilanz.", WORLD).events == []


def test_without_layers_nothing_breaks():
    doc = build("Putin und Biden telefonierten.", None, None, dct=None)
    (ev,) = doc.events
    assert ev.sources == [] and ev.earliest is None and ev.latest is None


from hypothesis import given, settings, strategies as st

_WORDS = st.sampled_from(["Putin", "und", "Biden", "telefonierten", "zieht", "zusammen", ",", ".", "zu",
                          "verlegen", "nicht", "kein", "Telefonat", "mit", "Russland", "der", "Angriffspläne",
                          "rund", "3000", "Soldaten", "dass", "„", "“", "an", "Einmarsch", "Russlands", "vor"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30))
def test_any_word_salad_gives_consistent_events(words):
    text = " ".join(words)
    doc = build(text, WORLD, dct="2022-02-11")
    for ev in doc.events:
        assert text[ev.trigger[0]:ev.trigger[1]] == ev.attrs["trigger_text"]
        for a in ev.sources + ev.targets:
            assert text[a.start:a.end] == a.text


def test_saxon_genitive_is_no_actor_and_fronted_pp_is_no_subject():
    doc = build("Russlands Präsident Putin telefonierte mit Macron.", WORLD | {"Präsident Putin": ("putin", "PER/role", "RUS", "GOV")})
    (ev,) = doc.events
    assert codes(ev.sources + ev.targets) == ["Präsident Putin", "Macron"]
    doc = build("Nach dem Treffen mit China hat die EU Sanktionen gegen Russland verhängt.", WORLD)
    sanction = next(e for e in doc.events if e.type == "SANCTION")
    assert codes(sanction.sources) == ["EU"] and codes(sanction.targets) == ["Russland"]


def test_phrase_of_a_noun_trigger_does_not_fill_the_verb():
    doc = build("Vor seiner Reise nach Moskau telefonierte Scholz mit Macron.", WORLD)
    call = next(e for e in doc.events if e.mode == "phone")
    assert codes(call.sources + call.targets) == ["Scholz", "Macron"]
    visit = next(e for e in doc.events if e.mode == "visit")
    assert codes(visit.targets) == ["Moskau"]


def test_demonym_before_a_noun_trigger_is_its_agent_and_durations_do_not_date_events():
    doc = build("Der russische Truppenaufmarsch dauerte eine Stunde lang.", WORLD)
    (ev,) = doc.events
    assert codes(ev.sources) == ["russische"] and ev.time_value is None


def test_preposition_found_across_head_nouns_and_unrecognised_conjuncts():
    doc = build("Am Samstag wollen Putin und Biden telefonieren.", WORLD, [("Samstag", "2022-02-12", "2022-02-12", "2022-02-12")])
    assert codes(doc.events[0].sources + doc.events[0].targets) == ["Putin", "Biden"]
    doc = build("Scholz kritisierte die Lage im Nachbarland Polen.", WORLD)
    assert codes(doc.events[0].targets) == []
    doc = build("Die EU kritisierte Minsk oder Moskau.", WORLD | {"Minsk": ("minsk", "LOC", "BLR", None)})
    assert codes(doc.events[0].targets) == ["Minsk", "Moskau"]


def test_dateline_is_not_an_actor():
    doc = build("Berlin – Massive Kritik kam von der Opposition.", WORLD)
    # the critic is the opposition (a generic actor, generic_actors.tsv), not the dateline's city
    assert [(a.text, a.sector) for a in doc.events[0].sources] == [("Opposition", "OPP")]


def test_time_words_are_not_head_nouns_of_actors():
    doc = build("Russland hat am Montagmorgen Kiew angegriffen.", WORLD,
                [("am Montagmorgen", "2022-02-14TMO", "2022-02-14", "2022-02-14")])
    (ev,) = doc.events
    assert codes(ev.targets) == ["Kiew"] and ev.location is None


@pytest.mark.parametrize("lemma,past,participle", [
    ("ablehnen", "lehnte", "abgelehnt"),  # lengthening h: no -e-
    ("warnen", "warnte", "gewarnt"),
    ("unterzeichnen", "unterzeichnete", "unterzeichnet"),  # ch + n takes the -e-
    ("leugnen", "leugnete", "geleugnet"),
])
def test_weak_verbs_are_inflected_by_rule(lemma, past, participle):
    from chronik.events.lexicon import verb_forms

    particle = "ab" if lemma.startswith("ab") else None
    forms = {(form, tag) for form, tag, _ in verb_forms(lemma, particle, [])}
    assert (past, "past") in forms and (participle, "part") in forms


def test_split_weak_verb_with_lengthening_h():
    doc = build("Russland lehnte die Vorschläge der Nato ab.", WORLD)
    assert [(e.type, e.mode, codes(e.sources)) for e in doc.events] == [("REJECT", "refuse", ["Russland"])]


def test_pronouns_stand_for_the_people_of_the_sentence_before():
    doc = build("Scholz kritisierte Putin scharf. Er warf ihm Lügen vor.", WORLD)
    accuse = [e for e in doc.events if e.attrs["trigger_text"] == "warf"]
    assert len(accuse) == 1
    ev = accuse[0]
    assert [(a.text, doc.entities[a.entity].key, a.country) for a in ev.sources] == [("Er", "scholz", "DEU")]
    assert [(a.text, doc.entities[a.entity].key) for a in ev.targets] == [("ihm", "putin")]


def test_pronoun_subject_lets_a_meeting_keep_its_partner():
    doc = build("Scholz reiste nach Kiew. Dort traf er Selenskyj.", WORLD)
    meeting = [e for e in doc.events if e.mode == "meeting"]
    assert [(codes(e.sources), codes(e.targets)) for e in meeting] == [(["er"], ["Selenskyj"])]


def test_pronoun_without_a_person_before_is_no_actor():
    doc = build("Russland griff die Ukraine an. Er warf der Nato Lügen vor.", WORLD)
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert accuse and all(a.text != "Er" for e in accuse for a in e.sources)


def test_a_title_before_a_name_is_part_of_one_actor(default_pipeline):
    from chronik.doc import DocDate, Document

    d = date(2022, 12, 9)
    doc = default_pipeline(Document("t", "Russland hat die US-Basketballspielerin Brittney Griner freigelassen.",
                                    date=DocDate("2022-12-09", "day", d, d)))
    release = [e for e in doc.events if e.type == "CONCEDE"]
    assert [codes(e.targets) for e in release] == [["US-Basketballspielerin Brittney Griner"]]


@pytest.mark.parametrize("text,etype,sources,targets", [
    ("Die EU drohte Russland mit neuen Sanktionen.", "SANCTION", ["EU"], ["Russland"]),
    ("Selenskyj forderte von der Nato mehr Unterstützung.", "SUPPORT", ["Nato"], []),
    ("Die EU forderte Russland zum Rückzug auf.", "RETREAT", ["Russland"], []),
])
def test_noun_governed_by_a_verb_event_takes_its_actors(text, etype, sources, targets):
    events = [e for e in build(text, WORLD).events if e.type == etype]
    assert [(codes(e.sources), codes(e.targets)) for e in events] == [(sources, targets)]


def test_noun_outside_the_governing_phrase_keeps_no_actor():
    doc = build("Biden drohte Russland für den Fall einer Invasion mit Sanktionen.", WORLD)
    invasion = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(invasion) == 1 and invasion[0].sources == []


def test_a_preposition_before_the_verb_does_not_bound_the_time():
    doc = build("Nach Angaben der Polizei demonstrierten am Samstag Tausende in Berlin.", WORLD,
                [("am Samstag", "2022-02-05", "2022-02-05", "2022-02-05")])
    protest = [e for e in doc.events if e.type == "PROTEST"]
    assert len(protest) == 1 and "time_relation" not in protest[0].attrs
    assert protest[0].earliest == protest[0].latest == day("2022-02-05")


def test_agreement_signed_is_the_signing_parties_agreement_also_with_the_verb_last():
    doc = build("Russland und die Ukraine haben ein Abkommen unterzeichnet.", WORLD)
    assert [(e.attrs["trigger_text"], codes(e.sources), codes(e.targets)) for e in doc.events] == [
        ("Abkommen", ["Russland"], ["Ukraine"]), ("unterzeichnet", ["Russland"], ["Ukraine"])]


def test_offer_addressee_is_the_partner_and_troop_reinforcement_is_mobilisation():
    doc = build("Selenskyj schlug Putin ein direktes Treffen vor.", WORLD)
    assert [(e.type, e.modality, codes(e.sources), codes(e.targets)) for e in doc.events] == [
        ("CONSULT", "proposed", ["Selenskyj"], ["Putin"])]
    doc = build("Die Nato hat angekündigt, ihre Truppen in Polen zu verstärken.", WORLD)
    assert [(e.type, e.modality, codes(e.sources)) for e in doc.events] == [("MOBILIZE", "announced", ["Nato"])]
    assert build("Die Polizei verstärkte ihre Kontrollen.", WORLD).events == []


def test_call_in_which_a_warning_was_made_is_between_the_two_and_took_place():
    doc = build("Biden warnte Putin in einem Telefonat vor einer Invasion der Ukraine.", WORLD)
    call = [e for e in doc.events if e.type == "CONSULT"]
    assert [(e.modality, codes(e.sources), codes(e.targets)) for e in call] == [("occurred", ["Biden"], ["Putin"])]
    invasion = [e for e in doc.events if e.type == "ASSAULT"]
    # "der Ukraine" after the noun is what is invaded, "Russlands" who invades
    assert [(codes(e.sources), codes(e.targets)) for e in invasion] == [([], ["Ukraine"])]
    doc = build("Die USA halten einen Einmarsch Russlands in die Ukraine für möglich.", WORLD)
    assert [(codes(e.sources), codes(e.targets)) for e in doc.events] == [(["Russlands"], ["Ukraine"])]


def test_demonym_before_a_noun_in_a_phrase_is_its_agent_and_a_place_does_not_swallow_the_next_actor():
    doc = build("Bei russischen Luftangriffen auf Kiew starben zwölf Menschen.", WORLD)
    assert [(codes(e.sources), codes(e.targets)) for e in doc.events] == [(["russischen"], ["Kiew"])]
    doc = build("Selenskyj traf in Berlin Macron.", WORLD)
    assert [(codes(e.sources), codes(e.targets)) for e in doc.events] == [(["Selenskyj"], ["Macron"])]


def test_demonym_actors_span_their_noun_and_a_demonym_noun_titles_a_name(default_pipeline):
    from chronik.doc import DocDate, Document

    d = date(2016, 1, 15)
    doc = default_pipeline(Document("t", "Die französischen Behörden hatten am Donnerstag den Franzosen "
                                         "Reda Kriket festgenommen.", date=DocDate("2016-01-15", "day", d, d)))
    arrest = [e for e in doc.events if e.type == "COERCE"]
    assert [(codes(e.sources), codes(e.targets)) for e in arrest] == [
        (["französischen Behörden"], ["Franzosen Reda Kriket"])]
    assert arrest[0].sources[0].country == "FRA"


def test_generic_actors_have_a_sector_and_take_the_country_of_their_demonym():
    doc = build("Die Polizei nahm mehr als 200 Demonstranten fest.", WORLD)
    assert [([(a.text, a.sector) for a in e.sources], [(a.text, a.sector) for a in e.targets])
            for e in doc.events] == [([("Polizei", "COP")], [("Demonstranten", "CVL")])]
    doc = build("Die russische Polizei nahm Selenskyj fest.", WORLD)
    assert [(a.text, a.country, a.sector) for a in doc.events[0].sources] == [("russische Polizei", "RUS", "COP")]


@pytest.mark.parametrize("text,modality", [
    ("Russland hat einen Angriff auf die Ukraine ausgeschlossen.", "negated"),
    ("Die Nato hat Gespräche mit Russland nicht ausgeschlossen.", "possible"),
])
def test_ruling_out_negates_and_not_ruling_out_leaves_possible(text, modality):
    events = build(text, WORLD).events
    assert [e.modality for e in events] == [modality]


@pytest.mark.parametrize("text", [
    "Die EU setzte sich für einen Kompromiss ein.",  # einsetzen without a means of force
    "Das Geschäft schloss am Abend.",                 # schließen without a border
])
def test_triggers_needing_an_object_stay_silent_without_it(text):
    assert not [e for e in build(text, WORLD).events if e.type == "COERCE"]
