"""Acceptance regressions for time expressions found by QA on invented sentences."""

from datetime import date

from chronik.timex import tag_text


def _only(text, dct):
    [tx] = tag_text(text, dct)
    return tx


def test_daypart_modifier_does_not_narrow_the_days_of_a_month_dct():
    tx = _only("Am frühen Abend trafen die Minister in München ein.", "2022-02")
    assert (tx.value, tx.mod) == ("XXXX-XX-XXTEV", "START")
    assert (tx.earliest, tx.latest) == (date(2022, 2, 1), date(2022, 2, 28))


def test_part_of_a_relative_week_in_a_month_dct_covers_every_possible_week():
    tx = _only("Ende der Woche soll im Bundestag entschieden werden.", "2022-02")
    # the weekend of the week of 1 February up to the weekend of the week of 28 February
    assert (tx.earliest, tx.latest) == (date(2022, 2, 5), date(2022, 3, 6))
    day = _only("Ende der Woche soll im Bundestag entschieden werden.", "2022-02-11")
    assert (day.value, day.earliest, day.latest) == ("2022-W06", date(2022, 2, 12), date(2022, 2, 13))


def test_daypart_on_a_relative_day_of_a_month_dct_gives_a_valid_value():
    # no day to attach the daypart to: the covering month (docs/timex.md), never "2022-02TEV"
    tx = _only("Am Abend darauf reisten die Delegationen ab.", "2022-02")
    assert (tx.type, tx.value) == ("TIME", "2022-02")
    assert (tx.earliest, tx.latest) == (date(2022, 2, 2), date(2022, 3, 1))
    tx = _only("Er wird morgen früh nach Kiew fliegen.", "2022-02-11")
    assert (tx.value, tx.earliest) == ("2022-02-12TMO", date(2022, 2, 12))
    [_, evening] = tag_text("Am Samstag trafen sie sich, am Abend darauf reisten sie ab.", None)
    assert (evening.type, evening.value) == ("TIME", "XXXX-XX-XXTEV")


def test_round_count_after_a_coordinating_word_is_not_a_year():
    assert tag_text("Er kam mit 300 Panzern und 1000 Mann über die Grenze.", "2022-02-11") == []
    assert tag_text("Um 2000 Menschen demonstrierten vor der Botschaft.", "2022-02-11") == []
    [year] = tag_text("Die EU hatte nach 2014 Sanktionen verhängt.", "2022-02-11")
    assert (year.text, year.value) == ("2014", "2014")
