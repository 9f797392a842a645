"""Reporting verbs are inflected by rule from verbs.tsv; the quote rules find every generated form."""

from __future__ import annotations

import pytest

from chronik.nlp.inflect import takes_linking_e
from chronik.quotes.lexicon import load

from quotes_support import only, rules_pipeline, span


@pytest.mark.parametrize("stem,expected", [
    ("rechn", True), ("atm", True), ("meld", True), ("zeichn", True), ("öffn", True),
    ("lehn", False), ("erwähn", False), ("mahn", False), ("warn", False), ("plan", False), ("film", False),
])
def test_linking_e_of_weak_verbs(stem, expected):
    assert takes_linking_e(stem) is expected


@pytest.mark.parametrize("form,lemma", [
    ("erwähnte", "erwähnen"), ("mahnte", "mahnen"), ("lehnte", "ablehnen"), ("abgelehnt", "ablehnen"),
    ("rechnete", "rechnen"), ("meldete", "melden"),
])
def test_generated_forms_of_reporting_verbs(form, lemma):
    assert lemma in {f.verb.lemma for f in load().forms.get(form, [])}


@pytest.fixture(scope="module")
def pipe():
    return rules_pipeline()


def test_verb_with_lengthening_h_introduces_indirect_speech(pipe):
    doc, q = only(pipe, "Die Bürgermeisterin erwähnte auch, dass die Brücke im Mai gesperrt werde.")
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Indirect", "erwähnte", "Die Bürgermeisterin")
    assert span(doc, q.message) == "dass die Brücke im Mai gesperrt werde"


def test_warning_verb_with_lengthening_h_and_konjunktiv(pipe):
    doc, q = only(pipe, "Der Rechnungshof mahnte, die Stadt müsse ihre Schulden abbauen.")
    assert (q.form, span(doc, q.cue), span(doc, q.source)) == ("Indirect", "mahnte", "Der Rechnungshof")
    assert span(doc, q.message) == "die Stadt müsse ihre Schulden abbauen"
