"""`chronik eval events`: the gold file, its reader and the per-field scorer."""

from __future__ import annotations

import json
import re
from pathlib import Path

from chronik.doc import Actor, Document, Event
from chronik.eval.events import Report, read_gold, score_document

GOLD = Path(__file__).parent / "data" / "events" / "gold.jsonl"


def test_gold_file_is_valid_and_large_enough():
    records, errors = read_gold(GOLD)
    assert errors == []
    events = [ev for rec in records for ev in rec["events"]]
    assert len(events) >= 60
    assert {ev["type"] for ev in events} >= {"CONSULT", "MOBILIZE", "ASSAULT", "ACCUSE", "REJECT", "AGREE",
                                            "SANCTION", "THREATEN", "PROTEST", "REQUEST", "COERCE"}
    for rec in records:
        for ev in rec["events"]:
            s, e = ev["sentence"]
            assert s <= ev["trigger"][0] < ev["trigger"][1] <= e


def test_bad_lines_are_reported_and_skipped(tmp_path):
    path = tmp_path / "g.jsonl"
    good = {"id": "a", "text": "Putin telefonierte.", "events": [
        {"trigger": [6, 18], "trigger_text": "telefonierte", "type": "CONSULT"}]}
    bad = {"id": "b", "text": "Putin telefonierte.", "events": [
        {"trigger": [0, 5], "trigger_text": "telefonierte", "type": "CONSULT"}]}
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps(bad)]), encoding="utf-8")
    records, errors = read_gold(path)
    assert [r["id"] for r in records] == ["a"]
    assert len(errors) == 2 and errors[0].startswith("g.jsonl:2:")


def _actor(text: str, doc: Document) -> Actor:
    start = doc.text.index(text)
    return Actor(text, start, start + len(text))


def test_scorer_counts_per_field():
    text = "Putin und Biden telefonierten am Samstag. Russland kritisierte die USA."
    doc = Document("d", text)
    rec = {"events": [
        {"trigger": [16, 29], "type": "CONSULT", "mode": "phone", "modality": "occurred",
         "source": ["Biden", "Putin"], "target": [], "time": "2022-02-12", "symmetric": True},
        {"trigger": [51, 62], "type": "ACCUSE", "mode": "disapprove", "modality": "occurred",
         "source": ["Russland"], "target": ["USA"], "time": None},
    ]}
    doc.events = [
        Event("CONSULT", (16, 29), "phone", "planned", [_actor("Putin", doc)], [_actor("Biden", doc)],
              time_value="2022-02-12", attrs={"symmetric": True}),
        Event("ACCUSE", (51, 62), "disapprove", "occurred", [_actor("Russland", doc)], []),
        Event("PROTEST", (0, 5), "demonstrate", "occurred"),
    ]
    report = Report()
    score_document(rec, doc, report)
    s = {k: v.prf() for k, v in report.fields.items()}
    assert (s["event"]["tp"], s["event"]["system"], s["event"]["gold"]) == (2, 3, 2)
    assert s["modality"]["tp"] == 1
    assert s["source"]["tp"] == 2  # the symmetric pair is compared as one set
    assert (s["target"]["tp"], s["target"]["system"], s["target"]["gold"]) == (0, 0, 1)
    assert (s["time"]["tp"], s["time"]["system"], s["time"]["gold"]) == (1, 1, 1)
    assert s["event"]["precision"] == round(2 / 3, 4) and s["event"]["recall"] == 1.0


def test_eval_on_gold_through_a_pipeline(tmp_path):
    """The eval loop end to end with the test gazetteer pipeline (the CLI uses Pipeline.default())."""
    from chronik.eval.events import evaluate
    from chronik.pipeline import REGISTRY, Pipeline, component

    from test_events_support import WORLD

    @component("test.eval_gazetteer", layer="mentions", version="1")
    def make(config):
        from chronik.doc import Entity, Mention

        def annotate(doc):
            for form, (key, label, country, sector) in WORLD.items():
                label, _, kind = label.partition("/")
                for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
                    if any(o.start <= m.start() < o.end for o in doc.mentions):
                        continue
                    doc.entities.append(Entity(label, key, [form], country=country, sector=sector, key=key))
                    doc.mentions.append(Mention(m.start(), m.end(), form, label, kind or "name", len(doc.entities) - 1))
            doc.mentions.sort(key=lambda m: m.start)
            return doc
        return annotate

    try:
        report = evaluate(GOLD, Pipeline(["tokenize.rules", "test.eval_gazetteer", "events.rules"]))
    finally:
        REGISTRY.pop("test.eval_gazetteer")
    scores = report.as_dict()
    assert report.documents == 14 and scores["errors"] == []
    assert scores["fields"]["event"]["gold"] >= 60
    assert scores["fields"]["trigger"]["f1"] > 0.8
