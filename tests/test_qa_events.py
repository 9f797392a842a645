"""Acceptance regressions for events.rules found by QA on invented articles (issue 6): modality of
perfect participles the tagger reads as infinitives, announcements, proposals with fused
zu-infinitives, coordinated negation, light-verb partners, titles before names, time relations.
Full default pipeline (tags, names, times, quotes)."""

from __future__ import annotations

import datetime

import pytest

from chronik.doc import DocDate, Document
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.default()


def events(pipe, text, day=datetime.date(2023, 5, 13)):
    doc = pipe(Document("qa", text, date=DocDate(day.isoformat(), "day", day, day)))
    return doc, doc.events


def one(pipe, text, trigger, day=datetime.date(2023, 5, 13)):
    doc, evs = events(pipe, text, day)
    found = [e for e in evs if doc.text[e.trigger[0]:e.trigger[1]] == trigger]
    assert len(found) == 1, [(e.type, doc.text[e.trigger[0]:e.trigger[1]]) for e in evs]
    return found[0]


def test_perfect_with_participle_equal_to_infinitive_occurred(pipe):
    ev = one(pipe, "Berlin. Bundeskanzler Olaf Scholz hat am Samstag den französischen Präsidenten Emmanuel "
                   "Macron im Kanzleramt empfangen.", "empfangen")
    assert ev.type == "CONSULT" and ev.modality == "occurred"


def test_present_tense_event_inside_an_announcement_is_announced(pipe):
    text = ("Paris. Frankreich verlegt rund 3000 Soldaten nach Rumänien. Das kündigte Verteidigungsminister "
            "Sébastien Lecornu am Dienstag an.")
    ev = one(pipe, text, "verlegt")
    assert ev.type == "MOBILIZE" and ev.modality == "announced"
    assert [(q.value, q.qualifier) for q in ev.quantities] == [(3000, "approx")]
    past = one(pipe, "Paris. Die Armee hat am Montag 3000 Soldaten nach Rumänien verlegt, teilte ein Sprecher mit.",
               "verlegt")
    assert past.modality == "occurred"


def test_proposal_governs_a_fused_zu_infinitive_clause(pipe):
    ev = one(pipe, "Paris. Deutschland schlug vor, die Gespräche mit dem Iran wieder aufzunehmen.", "Gespräche")
    assert ev.modality == "proposed"


def test_negation_in_a_second_conjunct_does_not_negate_the_first(pipe):
    ev = one(pipe, "Kairo. Israel hat die Vorwürfe der Hamas zurückgewiesen und keine Luftangriffe auf "
                   "Krankenhäuser geflogen.", "zurückgewiesen")
    assert ev.type == "REJECT" and ev.modality == "occurred"
    assert one(pipe, "Moskau. Russland hat keine Truppen verlegt.", "verlegt").modality == "negated"


def test_light_verb_partner_before_the_noun(pipe):
    ev = one(pipe, "Peking. Wang Yi hat am Montag in Genf mit Antony Blinken Gespräche geführt.", "Gespräche")
    assert ev.type == "CONSULT" and "Blinken" in " ".join(a.text for a in ev.sources + ev.targets)
    assert len(ev.sources + ev.targets) == 2


def test_zusammenkommen_is_a_meeting_and_colleague_title_is_one_actor(pipe):
    ev = one(pipe, "Genf. Der chinesische Außenminister Wang Yi ist am Montag in Genf mit seinem amerikanischen "
                   "Kollegen Antony Blinken zusammengekommen.", "zusammengekommen")
    assert (ev.type, ev.mode, ev.modality) == ("CONSULT", "meeting", "occurred")
    assert len(ev.sources + ev.targets) == 2
    assert ev.time_value == "2023-05-08"


def test_nach_angaben_is_no_time_relation_when_the_tagger_misses_the_verb(pipe):
    ev = one(pipe, "Berlin. Nach Angaben eines Regierungssprechers telefonierte Olaf Scholz gestern mit dem "
                   "türkischen Präsidenten Erdogan.", "telefonierte")
    assert ev.earliest == ev.latest == datetime.date(2023, 5, 12)
    assert "time_relation" not in ev.attrs


def test_aid_of_relief_goods_and_ceasefire_nouns(pipe):
    aid = one(pipe, "Kairo. Die UN lieferten am Freitag Hilfsgüter in das Gebiet.", "Hilfsgüter")
    assert (aid.type, aid.mode, aid.modality) == ("AID", "humanitarian", "occurred")
    assert [a.text for a in aid.sources] == ["UN"] and aid.time_value == "2023-05-12"
    demanded = one(pipe, "Kiew. Die Ukraine forderte eine Waffenruhe.", "Waffenruhe")
    assert (demanded.type, demanded.modality) == ("CONCEDE", "demanded")


def test_agreement_or_ceasefire_talked_about_is_only_the_talks(pipe):
    doc, evs = events(pipe, "Antalya. Lawrow und Kuleba sprachen in Antalya über eine Waffenruhe.")
    assert [(e.type, doc.text[e.trigger[0]:e.trigger[1]]) for e in evs] == [("CONSULT", "sprachen")]


@pytest.mark.parametrize("text,modality", [
    ("Die Gespräche zwischen Russland und der Ukraine seien gut verlaufen, sagte Lawrow.", "occurred"),
    ("Die Gespräche zwischen Russland und der Ukraine sind wichtig.", "ongoing"),
])
def test_sein_perfect_of_a_noun_event_is_past_but_a_copula_is_not(pipe, text, modality):
    _, found = events(pipe, text)
    assert [e.modality for e in found if e.type == "CONSULT"] == [modality]
