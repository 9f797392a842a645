"""Cut an article's text into pieces, each with the annotations covering it, for highlighting.

The pieces are plain strings: the template escapes them, so markup in an article is shown as
text and never interpreted.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote


def _spans(doc: dict) -> list[dict[str, Any]]:
    n = len(doc["text"])
    spans = []
    for m in doc["mentions"]:
        spans.append({"start": m["start_char"], "end": m["end_char"], "cls": f"ent ent-{m['label']}",
                      "title": f"{m['label']}" + (f" → {m['entity_id']}" if m["entity_id"] else ""),
                      "href": f"/entity/{quote(m['entity_id'])}" if m["entity_id"] else None, "rank": 0})
    for t in doc["timexes"]:
        spans.append({"start": t["start_char"], "end": t["end_char"], "cls": "tmx",
                      "title": f"{t['type']} {t['value'] or ''}".strip(), "href": None, "rank": 2})
    for e in doc["events"]:
        spans.append({"start": e["trigger_start"], "end": e["trigger_end"], "cls": "evt",
                      "title": f"event {e['type']}", "href": f"#event-{e['idx']}", "rank": 1})
    for q in doc["quotes"]:
        for part, cls in (("cue", "q-cue"), ("source", "q-src"), ("message", "q-msg")):
            for start, end in q.get(f"{part}_spans") or []:
                spans.append({"start": start, "end": end, "cls": cls, "title": f"quote {q['idx'] + 1} ({part})",
                              "href": None, "rank": 3})
    return [s for s in spans if s["start"] is not None and s["end"] is not None
            and 0 <= s["start"] < s["end"] <= n]


def segments(doc: dict) -> list[dict[str, Any]]:
    """Consecutive pieces of ``doc['text']`` with the classes, titles and link of their annotations."""
    text = doc["text"]
    spans = _spans(doc)
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = sorted((s for s in spans if s["start"] <= a and b <= s["end"]), key=lambda s: s["rank"])
        links = [s["href"] for s in active if s["href"]]
        out.append({"text": text[a:b], "classes": " ".join(dict.fromkeys(s["cls"] for s in active)),
                    "title": "; ".join(dict.fromkeys(s["title"] for s in active)),
                    "href": links[0] if links else None})
    return out
