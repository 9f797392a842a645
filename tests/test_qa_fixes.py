"""Acceptance-test findings on time expressions and events, checked through the default pipeline."""

from __future__ import annotations

from datetime import date

from chronik.doc import Document
from chronik.timex.calendar import parse_dct


def _run(pipeline, text, dct="2022-06-01"):
    return pipeline(Document("qa", text, date=parse_dct(dct)))


def _timexes(doc):
    return [(doc.text[t.start:t.end], t.value, t.mod) for t in doc.timexes]


def test_early_and_late_season_adjectives_are_seasons_with_a_modifier(default_pipeline):
    doc = _run(default_pipeline, "Im späten Frühjahr begann die Offensive. Im frühen Herbst zogen die "
                                 "Truppen ab. Im Spätsommer kam es zu neuen Kämpfen.")
    assert _timexes(doc) == [("späten Frühjahr", "2022-SP", "END"), ("frühen Herbst", "2021-FA", "START"),
                             ("Spätsommer", "2022-SU", "END")]
    late_spring = doc.timexes[0]
    # the last third of March to May
    assert (late_spring.earliest, late_spring.latest) == (date(2022, 5, 2), date(2022, 5, 31))


def test_four_digit_number_before_a_counted_noun_is_no_year(default_pipeline):
    doc = _run(default_pipeline, "Die Zahl der Soldaten stieg von 1500 auf 1800 Soldaten. Zwischen 2000 "
                                 "und 2500 Menschen flohen. Seit 2014 gelten die Sanktionen.")
    assert _timexes(doc) == [("2014", "2014", None)]
    # a year range before a counted noun further on stays a year range
    doc = _run(default_pipeline, "Von 2019 bis 2021 stiegen die Kosten um 1500 Euro.")
    assert [v for _, v, _ in _timexes(doc)] == ["2019", "2021"]


def test_weekday_evening_takes_the_date_in_apposition_under_a_month_dct(default_pipeline):
    doc = _run(default_pipeline, "Am Mittwochabend, 9. Februar, traf sich der Kanzler mit Biden.", "2022-02")
    evening = doc.timexes[0]
    assert (evening.text, evening.value, evening.earliest, evening.latest) == (
        "Mittwochabend", "2022-02-09TEV", date(2022, 2, 9), date(2022, 2, 9))
    # a weekday that does not fit the date is left as it was
    doc = _run(default_pipeline, "Am Dienstagabend, 9. Februar, traf sich der Kanzler mit Biden.", "2022-02")
    assert doc.timexes[0].value == "XXXX-WXX-2TEV"


def test_lifting_sanctions_is_a_concession_with_its_own_modality(default_pipeline):
    doc = _run(default_pipeline, "Russland forderte die EU auf, die Strafmaßnahmen aufzuheben.")
    lifted = [e for e in doc.events if e.type != "REQUEST"]
    assert [(e.type, e.mode, e.modality) for e in lifted] == [("CONCEDE", "ease_sanctions", "demanded")]
    doc = _run(default_pipeline, "Die EU hob die Sanktionen gegen Belarus auf.")
    assert [(e.type, e.mode, e.modality, [a.text for a in e.targets]) for e in doc.events] == [
        ("CONCEDE", "ease_sanctions", "occurred", ["Belarus"])]
    # imposing sanctions, with a lifted ban in another conjunct, stays SANCTION
    doc = _run(default_pipeline, "Die EU verhängte neue Sanktionen und hob das Verbot auf.")
    assert [e.type for e in doc.events] == ["SANCTION"]


def test_promise_to_help_is_planned_support_and_help_needs_a_target(default_pipeline):
    doc = _run(default_pipeline, "Scholz sagte zu, der Ukraine beim Wiederaufbau zu helfen.")
    assert [(e.type, e.modality, [a.text for a in e.sources], [a.text for a in e.targets])
            for e in doc.events] == [("SUPPORT", "planned", ["Scholz"], ["Ukraine"])]
    assert _run(default_pipeline, "Das hilft niemandem.").events == []


def test_state_institution_in_a_capital_takes_its_country(default_pipeline):
    doc = _run(default_pipeline, "Das Außenministerium in Moskau kritisierte die Entscheidung.")
    assert [(a.text, a.country) for e in doc.events for a in e.sources] == [("Außenministerium", "RUS")]
    # an embassy in a capital need not belong to the host country
    doc = _run(default_pipeline, "Die Botschaft in Moskau kritisierte die Entscheidung.")
    assert all(a.country is None for e in doc.events for a in e.sources)
