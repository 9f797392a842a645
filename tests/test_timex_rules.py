"""timex.rules: extraction and normalisation on invented German news sentences."""

from __future__ import annotations

from datetime import date

import pytest

from chronik.doc import Document, Token
from chronik.timex import tag_text
from chronik.timex.calendar import easter, first_advent, parse_dct

DCT = "2022-02-11"  # a Friday


def one(text: str, surface: str, dct: str | None = DCT):
    found = [t for t in tag_text(text, dct) if t.text == surface]
    assert found, f"{surface!r} not found in {[t.text for t in tag_text(text, dct)]}"
    return found[0]


# -- the key examples (article of Friday 2022-02-11) --------------------------------------
@pytest.mark.parametrize("text,surface,value", [
    ("Die beiden Präsidenten wollen an diesem Samstag erneut miteinander telefonieren.", "diesem Samstag", "2022-02-12"),
    ("Sie werden am Samstagmorgen über die Lage an der Grenze sprechen.", "Samstagmorgen", "2022-02-12TMO"),
    ("Die Regierung habe ein Treffen der Minister für Montag vorgeschlagen.", "Montag", "2022-02-14"),
    ("Heute telefonierten die beiden Verteidigungsminister.", "Heute", "2022-02-11"),
    ("Ein Angriff sei noch vor dem Ende des Turniers am 20. Februar möglich.", "20. Februar", "2022-02-20"),
])
def test_key_examples_day_dct(text, surface, value):
    assert one(text, surface).value == value


def test_ende_dezember_last_year_with_mod_end():
    t = one("Die beiden Politiker sprachen zuletzt Ende Dezember miteinander.", "Ende Dezember")
    assert (t.value, t.mod) == ("2021-12", "END")
    assert t.earliest >= date(2021, 12, 1) and t.latest == date(2021, 12, 31)


# -- partial DCT: never invent a day ---------------------------------------------------------------
def test_weekday_with_month_dct_is_bounded_not_invented():
    t = one("Die Delegationen wollen am Samstag weiter verhandeln.", "Samstag", "2022-02")
    # the forward window (article day .. six days later) over every day of February
    assert (t.value, t.earliest, t.latest) == ("XXXX-WXX-6", date(2022, 2, 1), date(2022, 3, 6))
    past = one("Am Samstag demonstrierten Tausende.", "Samstag", "2022-02")
    assert (past.earliest, past.latest) == (date(2022, 1, 26), date(2022, 2, 28))


def test_heute_with_month_dct_is_the_month():
    t = one("Heute beraten die Außenminister in Brüssel.", "Heute", "2022-02")
    assert (t.value, t.earliest, t.latest) == ("2022-02", date(2022, 2, 1), date(2022, 2, 28))


def test_gestern_with_month_dct_bounds_shift_by_a_day():
    t = one("Gestern wurde im Landtag lange gestritten.", "Gestern", "2022-02")
    assert (t.earliest, t.latest) == (date(2022, 1, 31), date(2022, 2, 27))


def test_no_dct_leaves_underspecified_values():
    t = one("Am Samstag treffen sich die Minister.", "Samstag", None)
    assert t.value == "XXXX-WXX-6" and t.earliest is None
    t = one("Die Wahl findet am 3. März statt.", "3. März", None)
    assert t.value == "XXXX-03-03"
    assert one("Er wurde am 5. Mai 2019 gewählt.", "5. Mai 2019", None).value == "2019-05-05"


def test_parse_dct_granularities():
    assert parse_dct("2022-02").granularity == "month"
    assert parse_dct("2022").latest == date(2022, 12, 31)
    assert parse_dct("2022-02-11T08:30:00").granularity == "instant"
    assert parse_dct("Februar") is None


# -- coverage, one phenomenon per case -------------------------------------------------------------
@pytest.mark.parametrize("text,surface,type_,value", [
    ("Das Abkommen wurde am 11.02.2022 unterzeichnet.", "11.02.2022", "DATE", "2022-02-11"),
    ("Der Vertrag gilt seit dem 1. Januar 2020.", "1. Januar 2020", "DATE", "2020-01-01"),
    ("Die Frist endet am 3. Mär. 2022.", "3. Mär. 2022", "DATE", "2022-03-03"),
    ("Der Gipfel soll am zweiten März stattfinden.", "zweiten März", "DATE", "2022-03-02"),
    ("Die Sitzung ist am Montag, dem 14. Februar, geplant.", "Montag, dem 14. Februar", "DATE", "2022-02-14"),
    ("Am Montagabend trafen sich die Fraktionen.", "Montagabend", "TIME", "2022-02-07TEV"),
    ("Vorgestern kam es zu Protesten.", "Vorgestern", "DATE", "2022-02-09"),
    ("Übermorgen soll abgestimmt werden.", "Übermorgen", "DATE", "2022-02-13"),
    ("Kommende Woche reist die Ministerin nach Kiew.", "Kommende Woche", "DATE", "2022-W07"),
    ("Vergangene Woche hatte es geschneit.", "Vergangene Woche", "DATE", "2022-W05"),
    ("Im nächsten Jahr wird gewählt.", "nächsten Jahr", "DATE", "2023"),
    ("Vor drei Jahren war die Lage ähnlich.", "Vor drei Jahren", "DATE", "2019"),
    ("Vor einem Monat wurde der Botschafter einbestellt.", "Vor einem Monat", "DATE", "2022-01"),
    ("In zwei Wochen läuft die Frist ab.", "In zwei Wochen", "DATE", "2022-W08"),
    ("Die Regierung muss binnen 48 Stunden antworten.", "48 Stunden", "DURATION", "PT48H"),
    ("Anfang März beginnt die Konferenz.", "Anfang März", "DATE", "2022-03"),
    ("Mitte April soll der Bericht vorliegen.", "Mitte April", "DATE", "2022-04"),
    ("Im Frühjahr sollen die Bauarbeiten beginnen.", "Frühjahr", "DATE", "2022-SP"),
    ("Zum Jahreswechsel galten strenge Regeln.", "Jahreswechsel", "DATE", "2022-01-01"),
    ("Die Sitzung beginnt um 14.30 Uhr.", "14.30 Uhr", "TIME", "2022-02-11T14:30"),
    ("Gegen Mittag wurde die Sitzung unterbrochen.", "Gegen Mittag", "TIME", "2022-02-11TMI"),
    ("Am frühen Abend gab der Sprecher eine Erklärung ab.", "frühen Abend", "TIME", "2022-02-11TEV"),
    ("In der Nacht zum Donnerstag wurde die Stadt beschossen.", "Nacht zum Donnerstag", "TIME", "2022-02-09TNI"),
    ("Zwischen 2019 und 2021 sank die Zahl der Anträge.", "2019", "DATE", "2019"),
    ("Zwischen 2019 und 2021 sank die Zahl der Anträge.", "2021", "DATE", "2021"),
    ("Seit Wochen wird über das Gesetz gestritten.", "Wochen", "DURATION", "PXW"),
    ("Die Kämpfe dauerten drei Tage lang.", "drei Tage lang", "DURATION", "P3D"),
    ("Die Armee kämpft seit einem Jahr um die Stadt.", "einem Jahr", "DURATION", "P1Y"),
    ("Die Gespräche zogen sich wochenlang hin.", "wochenlang", "DURATION", "PXW"),
    ("In den vergangenen drei Jahren stiegen die Preise.", "vergangenen drei Jahren", "DURATION", "P3Y"),
    ("Der Ausschuss tagt jeden Freitag.", "jeden Freitag", "SET", "XXXX-WXX-5"),
    ("Der Bericht erscheint wöchentlich.", "wöchentlich", "SET", "P1W"),
    ("Montags bleibt das Rathaus geschlossen.", "Montags", "SET", "XXXX-WXX-1"),
    ("Die Züge fahren zweimal pro Woche.", "zweimal pro Woche", "SET", "P1W"),
    ("Zu Ostern werden viele Reisende erwartet.", "Ostern", "DATE", "2022-04-17"),
    ("Am Karfreitag bleiben die Geschäfte zu.", "Karfreitag", "DATE", "2022-04-15"),
    ("Weihnachten 2021 verlief ruhig.", "Weihnachten 2021", "DATE", "2021-12-25"),
    ("Am Tag der Deutschen Einheit 2021 sprach der Präsident.", "Tag der Deutschen Einheit 2021", "DATE", "2021-10-03"),
    ("In den 1990er Jahren wuchs die Stadt schnell.", "1990er Jahren", "DATE", "199"),
    ("In den Achtzigerjahren war das anders.", "Achtzigerjahren", "DATE", "198"),
    ("Die Kirche stammt aus dem 19. Jahrhundert.", "19. Jahrhundert", "DATE", "18"),
    ("Im ersten Quartal 2022 stieg der Umsatz.", "ersten Quartal 2022", "DATE", "2022-Q1"),
    ("Im Vorjahr war der Umsatz gesunken.", "Vorjahr", "DATE", "2021"),
    ("Ende der Woche soll entschieden werden.", "Ende der Woche", "DATE", "2022-W06"),
    ("Am Wochenende demonstrierten Tausende.", "Wochenende", "DATE", "2022-W05-WE"),
    ("Im Jahr 2015 kamen viele Geflüchtete.", "Jahr 2015", "DATE", "2015"),
    ("Im August 2021 zogen die Truppen ab.", "August 2021", "DATE", "2021-08"),
    ("Derzeit laufen die Gespräche.", "Derzeit", "DATE", "PRESENT_REF"),
    ("Die Kontrollen werden künftig verschärft.", "künftig", "DATE", "FUTURE_REF"),
    ("Die Delegation bleibt den ganzen Tag in Genf.", "ganzen Tag", "DURATION", "P1D"),
    ("Er ist 75 Jahre alt.", "75 Jahre", "DURATION", "P75Y"),
    ("Die Sitzung dauerte eine halbe Stunde.", "eine halbe Stunde", "DURATION", "PT30M"),
    ("Die Antwort kam vierundzwanzig Stunden später.", "vierundzwanzig Stunden später", "DATE", "2022-02-12"),
])
def test_phenomenon(text, surface, type_, value):
    t = one(text, surface)
    assert (t.type, t.value) == (type_, value)


def test_range_gives_two_timexes_sharing_month():
    found = tag_text("Die Spiele finden vom 4. bis 20. Februar statt.", DCT)
    assert [(t.text, t.value, t.attrs.get("range")) for t in found] == [
        ("4.", "2022-02-04", "start"), ("20. Februar", "2022-02-20", "end")]


def test_range_of_clock_times():
    found = tag_text("Die Wahllokale sind von 8 bis 18 Uhr geöffnet.", DCT)
    assert [t.value for t in found] == ["2022-02-11T08:00", "2022-02-11T18:00"]


def test_anchoring_to_previous_timex():
    text = ("Am 3. März 2021 wurde der Bürgermeister gewählt. Am Tag darauf trat sein Gegner zurück. "
            "Zwei Tage später begann die Amtszeit.")
    found = tag_text(text, DCT)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("3. März 2021", "2021-03-03", "dct"), ("Tag darauf", "2021-03-04", "previous"),
        ("Zwei Tage später", "2021-03-06", "previous")]


def test_night_told_in_the_past_is_the_night_before():
    assert one("In der Nacht gab es mehrere Explosionen.", "Nacht").value == "2022-02-10TNI"
    assert one("In der Nacht soll es schneien.", "Nacht").value == "2022-02-11TNI"


def test_clock_time_takes_the_day_of_its_sentence():
    t = one("Am Dienstag um 9 Uhr beginnt die Anhörung.", "9 Uhr")
    assert t.value == "2022-02-15T09:00"


@pytest.mark.parametrize("text", [
    "Die Soldaten kamen mit die Panzer.",
    "Das Ministerium schickte 3000 Soldaten an die Grenze.",
    "Der Historiker August Winkler sprach von einem Fehler.",
    "Ein Ende der Debatte ist nicht absehbar.",
    "Die Partei der Mitte kritisierte den Beschluss.",
    "Er erhielt 2000 Stimmen mehr als sein Gegner.",
    "Im Sommerurlaub und bei den Winterspielen war es kalt.",
    "Eines Tages wird er zurückkehren.",
])
def test_no_false_hits(text):
    assert tag_text(text, DCT) == []


# -- direction: cue words, tense from the tag layer -----------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("Am Dienstag soll das Parlament abstimmen.", "2022-02-15"),       # modal -> forward
    ("Am Dienstag stimmte das Parlament ab.", "2022-02-08"),           # weak past -> backward
    ("Am Dienstag hat das Parlament abgestimmt.", "2022-02-08"),       # perfect -> backward
    ("Seit Dienstag wird im Parlament beraten.", "2022-02-08"),        # seit -> backward
    ("Am Freitag teilte das Ministerium mit, es gebe keine Lösung.", "2022-02-11"),  # same weekday = today
])
def test_direction_from_cues(text, value):
    assert one(text, "Dienstag" if "Dienstag" in text else "Freitag").value == value


def test_direction_from_tag_layer_when_present():
    text = "Am Samstag schwiegen die Waffen."
    untagged = tag_text(text, DCT)[0].value
    tokens = [Token(0, 2, "Am", "APPRART"), Token(3, 10, "Samstag", "NN"),
              Token(11, 19, "schwiegen", "VVFIN", "schweigen", "Mood=Ind|Tense=Past|Person=3|Number=Plur"),
              Token(20, 23, "die", "ART"), Token(24, 30, "Waffen", "NN"), Token(30, 31, ".", "$.")]
    doc = Document("d", text, tokens=tokens)
    tagged = tag_text(text, DCT, doc)[0].value
    assert (untagged, tagged) == ("2022-02-12", "2022-02-05")


def test_month_and_holiday_direction():
    assert one("Im Dezember war es ruhig.", "Dezember").value == "2021-12"
    assert one("Im Januar soll der Prozess beginnen.", "Januar").value == "2023-01"
    assert one("Zu Weihnachten soll es Lockerungen geben.", "Weihnachten").value == "2022-12-25"


# -- bounds, offsets, calendar --------------------------------------------------------------------
def test_every_date_and_time_has_bounds_and_exact_offsets():
    text = ("Am Montag, dem 7. Februar, trafen sich die Minister gegen 10 Uhr. Im Sommer 2021 und "
            "Ende des Jahres sowie vor zwei Wochen und in den 1980er Jahren gab es Streit.")
    found = tag_text(text, DCT)
    assert len(found) >= 6
    for t in found:
        assert text[t.start:t.end] == t.text
        if t.type in ("DATE", "TIME"):
            assert t.earliest is not None and t.latest is not None and t.earliest <= t.latest, t


def test_mod_narrows_bounds():
    t = one("Anfang März beginnt die Konferenz.", "Anfang März")
    assert (t.mod, t.earliest, t.latest) == ("START", date(2022, 3, 1), date(2022, 3, 10))


def test_easter_and_advent_computation():
    assert [easter(y) for y in (2019, 2022, 2024)] == [date(2019, 4, 21), date(2022, 4, 17), date(2024, 3, 31)]
    assert first_advent(2016) == date(2016, 11, 27)
    assert one("Pfingsten 2023 war verregnet.", "Pfingsten 2023").value == "2023-05-28"
    assert one("Am Volkstrauertag 2018 sprach der Präsident.", "Volkstrauertag 2018").value == "2018-11-18"


def test_bad_input_does_not_crash():
    assert tag_text("", DCT) == []
    tag_text("Vor 5000 Jahrhunderten, am 31.02.2022 und am 99.99. um 77 Uhr.", DCT)
    assert tag_text("Am Samstag.", "kein Datum")[0].value == "XXXX-WXX-6"


def test_component_fills_sentence_index():
    from chronik.doc import DocDate
    from chronik.pipeline import Pipeline

    doc = Document("x", "Der Rat tagte am Montag. Am Dienstag folgte die Abstimmung.",
                   date=DocDate("2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)))
    doc = Pipeline(["tokenize.rules", "timex.rules"])(doc)
    assert [(t.text, t.sentence) for t in doc.timexes] == [("Montag", 0), ("Dienstag", 1)]
    assert doc.provenance["timexes"][0] == "timex.rules"
