"""Turn a Document's layers into rows for the annotation tables."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..doc import Actor, Document

# Tables replaced wholesale when a document is (re-)analysed.
ANNOTATION_TABLES = ("sentences", "mentions", "doc_entities", "timexes", "quotes", "events")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _spans_text(doc: Document, spans: list[tuple[int, int]]) -> str | None:
    return " … ".join(doc.text[s:e] for s, e in spans) if spans else None


def _actor(doc: Document, actor: Actor) -> dict[str, Any]:
    row = asdict(actor)
    if actor.entity is not None and actor.entity < len(doc.entities):
        row["entity_key"] = doc.entities[actor.entity].key
    return row


def _codes(actors: list[Actor]) -> str | None:
    codes = [" ".join(x for x in (a.country, a.sector) if x) for a in actors]
    codes = [c for c in codes if c]
    return "; ".join(codes) or None


def document_rows(docs: list[Document]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ANNOTATION_TABLES}
    for doc in docs:
        def prov(layer: str) -> dict[str, str | None]:
            name, version = doc.provenance.get(layer, (None, None))
            return {"component": name, "version": version}

        for i, s in enumerate(doc.sentences):
            out["sentences"].append({"doc_id": doc.id, "idx": i, "start_char": s.start, "end_char": s.end,
                                     **prov("tokens")})
        for i, m in enumerate(doc.mentions):
            out["mentions"].append({
                "doc_id": doc.id, "idx": i, "start_char": m.start, "end_char": m.end, "text": m.text,
                "label": m.label, "kind": m.kind, "doc_entity": m.entity,
                "entity_id": doc.entities[m.entity].key if m.entity is not None and m.entity < len(doc.entities) else None,
                "sentence": doc.sentence_of(m.start), "score": m.score, "attrs": _json(m.attrs),
                **prov("mentions"),
            })
        for i, e in enumerate(doc.entities):
            out["doc_entities"].append({
                "doc_id": doc.id, "idx": i, "entity_id": e.key or None, "label": e.label, "name": e.name,
                "forms": _json(e.forms), "roles": _json(e.roles), "country": e.country, "sector": e.sector,
                "external_id": e.external_id, "key": e.key, **prov("entities"),
            })
        for i, t in enumerate(doc.timexes):
            out["timexes"].append({
                "doc_id": doc.id, "idx": i, "start_char": t.start, "end_char": t.end, "text": t.text,
                "type": t.type, "value": t.value, "earliest": t.earliest, "latest": t.latest, "mod": t.mod,
                "anchor": t.anchor, "sentence": t.sentence if t.sentence is not None else doc.sentence_of(t.start),
                "attrs": _json(t.attrs), **prov("timexes"),
            })
        for i, q in enumerate(doc.quotes):
            spans = q.cue + q.source + q.message
            src = doc.entities[q.source_entity] if q.source_entity is not None and q.source_entity < len(doc.entities) else None
            adr = doc.entities[q.addressee_entity] if q.addressee_entity is not None and q.addressee_entity < len(doc.entities) else None
            tmx = doc.timexes[q.timex] if q.timex is not None and q.timex < len(doc.timexes) else None
            out["quotes"].append({
                "doc_id": doc.id, "idx": i, "form": q.form, "medium": q.medium,
                "cue": _json(q.cue), "source": _json(q.source), "message": _json(q.message),
                "addressee": _json(q.addressee), "cue_text": _spans_text(doc, q.cue),
                "source_text": _spans_text(doc, q.source), "message_text": _spans_text(doc, q.message),
                "addressee_text": _spans_text(doc, q.addressee),
                "source_doc_entity": q.source_entity, "source_entity_id": src.key if src else None,
                "addressee_doc_entity": q.addressee_entity, "addressee_entity_id": adr.key if adr else None,
                "source_description": q.source_description, "source_country": q.source_country,
                "channel": q.channel, "timex": q.timex, "time_value": tmx.value if tmx else None,
                "sentence": q.sentence,
                "start_char": min((s for s, _ in spans), default=None),
                "end_char": max((e for _, e in spans), default=None),
                "attrs": _json(q.attrs), **prov("quotes"),
            })
        for i, ev in enumerate(doc.events):
            sent = doc.sentences[ev.sentence] if ev.sentence is not None and ev.sentence < len(doc.sentences) else None
            out["events"].append({
                "doc_id": doc.id, "idx": i, "type": ev.type, "mode": ev.mode, "modality": ev.modality,
                "trigger_start": ev.trigger[0], "trigger_end": ev.trigger[1],
                "trigger_text": doc.text[ev.trigger[0]:ev.trigger[1]], "sentence": ev.sentence,
                "sentence_start": sent.start if sent else None, "sentence_end": sent.end if sent else None,
                "sources": _json([_actor(doc, a) for a in ev.sources]),
                "targets": _json([_actor(doc, a) for a in ev.targets]),
                "location": _json(_actor(doc, ev.location)) if ev.location else None,
                "source_codes": _codes(ev.sources), "target_codes": _codes(ev.targets),
                "timex": ev.timex, "time_value": ev.time_value, "earliest": ev.earliest, "latest": ev.latest,
                "quantities": _json([asdict(q) for q in ev.quantities]), "quote": ev.quote,
                "cluster_id": None, "attrs": _json(ev.attrs), **prov("events"),
            })
    return out
