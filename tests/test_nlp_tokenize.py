"""Tokeniser and sentence splitter: one invented news sentence per phenomenon."""

from hypothesis import given, settings, strategies as st

from chronik.doc import Document
from chronik.nlp.tokenize import tokenize
from chronik.pipeline import Pipeline


def words(text):
    return [t.text for t in tokenize(text)[0]]


def sentences(text):
    _, sents = tokenize(text)
    return [text[s.start:s.end] for s in sents]


def test_abbreviations_keep_their_stop_and_do_not_end_sentences():
    text = "Laut Prof. Dr. Weber kamen ca. 3 Mio. Menschen, u.a. aus Kiel bzw. aus St. Pölten, z.B. Nr. 5. Danach war Ruhe."
    toks = words(text)
    for abbr in ("Prof.", "Dr.", "ca.", "Mio.", "u.a.", "bzw.", "St.", "z.B.", "Nr."):
        assert abbr in toks
    assert len(sentences(text)) == 2


def test_spaced_abbreviation_and_initials():
    text = "Politiker wie z. B. John F. Kennedy besuchten Berlin."
    toks = words(text)
    assert ["z.", "B."] == toks[2:4] and "F." in toks
    assert len(sentences(text)) == 1


def test_platform_letter_after_a_preposition_or_at_the_end_is_no_initial():
    assert words("„Es reicht“, schrieb der Abgeordnete auf X.")[-2:] == ["X", "."]
    assert sentences("Das schrieb er auf X. Die Partei schwieg.") == ["Das schrieb er auf X.", "Die Partei schwieg."]
    assert "W." in words("Damals regierte George W. Bush.")


def test_ordinals_do_not_end_sentences():
    text = "Am 3. Oktober 1990 trat die DDR bei, am 20. Februar folgte der 2. Teil."
    toks = words(text)
    assert "3." in toks and "20." in toks and "2." in toks
    assert len(sentences(text)) == 1


def test_number_at_sentence_end_is_not_an_ordinal():
    text = "Die Zahl der Toten stieg auf 25. Die Polizei ermittelt."
    assert sentences(text) == ["Die Zahl der Toten stieg auf 25.", "Die Polizei ermittelt."]


def test_german_quote_marks_are_tokens_and_sentence_ends_inside_quotes():
    text = "Der Sprecher sagte: „Wir kommen.“ Dann verließ er den Saal. »Nein«, sagte sie. Er rief ‚Halt‘."
    toks = words(text)
    for q in "„“»«‚‘":
        assert q in toks
    assert sentences(text) == [
        "Der Sprecher sagte: „Wir kommen.“",
        "Dann verließ er den Saal.",
        "»Nein«, sagte sie.",
        "Er rief ‚Halt‘.",
    ]


def test_question_inside_quotes_followed_by_comma_continues_sentence():
    text = '„Was nun?“, fragte der Minister. "Gar nichts", antwortete sie.'
    assert len(sentences(text)) == 2
    assert '"' in words(text)


def test_hyphenated_compounds_are_one_token():
    text = "Der US-Präsident traf die Ex-Kanzlerin im Nato-Partnerstaat zur Ein- und Ausreise."
    toks = words(text)
    for comp in ("US-Präsident", "Ex-Kanzlerin", "Nato-Partnerstaat", "Ein-"):
        assert comp in toks


def test_numbers_dates_and_times_are_one_token():
    text = "Rund 100.000 Menschen, 3,5 Prozent, kamen am 11.02.2022 um 14.30 Uhr."
    toks = words(text)
    for num in ("100.000", "3,5", "11.02.2022", "14.30"):
        assert num in toks
    assert toks[-1] == "."


def test_urls_and_emails_without_trailing_stop():
    text = "Details unter https://www.example.de/politik/artikel-1.html. Fragen an presse@ministerium.de."
    toks = words(text)
    assert "https://www.example.de/politik/artikel-1.html" in toks
    assert "presse@ministerium.de" in toks
    assert len(sentences(text)) == 2


def test_headline_without_final_punctuation_ends_at_line_break():
    text = "Scholz reist nach Washington\nBerlin – Der Kanzler fliegt am Montag in die USA.\n\nZweiter Absatz ohne Punkt\n\nDritter Absatz."
    assert sentences(text) == [
        "Scholz reist nach Washington",
        "Berlin – Der Kanzler fliegt am Montag in die USA.",
        "Zweiter Absatz ohne Punkt",
        "Dritter Absatz.",
    ]


def test_hard_wrapped_line_in_lower_case_continues_sentence():
    text = "Die Regierung hat die\nneuen Sanktionen beschlossen."
    assert len(sentences(text)) == 1


def test_ellipsis_and_parentheses():
    text = "Er zögerte … und sagte dann nichts (wie üblich). Das war alles..."
    toks = words(text)
    assert "…" in toks and "..." in toks and "(" in toks and ")" in toks
    assert len(sentences(text)) == 2


def test_space_after():
    toks, _ = tokenize("Putin (Kreml) sagte: „Nein.“")
    flags = {t.text: t.space_after for t in toks}
    assert flags["Putin"] and not flags["Kreml"] and flags[")"] and not flags["„"] and not flags["“"]
    assert toks[-1].space_after is False


def test_component_fills_document():
    pipe = Pipeline(["tokenize.rules"])
    doc = pipe(Document("t1", "Der Kanzler kam. Er sprach."))
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["Der Kanzler kam.", "Er sprach."]
    assert doc.sentences[1].first_token == 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list(" .\n„“»«-‚‘…?!z.B.20")))))
def test_offsets_are_exact_on_random_unicode(text):
    toks, sents = tokenize(text)
    prev_end = 0
    for t in toks:
        assert text[t.start:t.end] == t.text and t.text and t.start >= prev_end
        assert not any(ch.isspace() for ch in t.text)
        prev_end = t.end
    # Every non-space character belongs to exactly one token.
    assert "".join(t.text for t in toks) == "".join(ch for ch in text if not ch.isspace())
    # Sentences partition the tokens in order.
    covered = 0
    for s in sents:
        assert s.first_token == covered and s.end_token > s.first_token
        assert s.start == toks[s.first_token].start and s.end == toks[s.end_token - 1].end
        covered = s.end_token
    assert covered == len(toks)


def test_sentence_boundaries_on_gsd(shared_data):
    from chronik.nlp.tagger_train import evaluate_sentence_split

    scores = evaluate_sentence_split(shared_data / "ud-german-gsd")
    assert scores["boundaries"] > 1500
    assert scores["precision"] > 0.98 and scores["recall"] > 0.95
