"""Geometry for the inline SVG charts, computed server-side.

Functions return plain numbers and strings; the templates draw them (with autoescaping), so no
chart library is needed and nothing is fetched by the browser.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any, Iterable
from urllib.parse import quote

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class TimeScale:
    """Maps days onto [x0, x1]; a span is drawn at least ``min_width`` pixels wide."""

    def __init__(self, days: Iterable[date | None], x0: float, x1: float):
        days = [d for d in days if d is not None]
        self.start = min(days) if days else date.today()
        self.end = max(days) if days else self.start
        if self.end <= self.start:
            self.start -= timedelta(days=1)
            self.end += timedelta(days=1)
        self.x0, self.x1 = x0, x1
        self.span = (self.end - self.start).days + 1

    def x(self, day: date) -> float:
        return round(self.x0 + (day - self.start).days / self.span * (self.x1 - self.x0), 1)

    def width(self, first: date, last: date, min_width: float = 3.0) -> float:
        return max(min_width, round(((last - first).days + 1) / self.span * (self.x1 - self.x0), 1))

    def ticks(self, max_ticks: int = 8) -> list[dict[str, Any]]:
        """Month starts (or days, for short spans) as labelled ticks."""
        if self.span <= 45:
            step = max(1, math.ceil(self.span / max_ticks))
            days = [self.start + timedelta(days=i) for i in range(0, self.span, step)]
            return [{"x": self.x(d), "label": f"{d.day} {MONTHS[d.month - 1]}"} for d in days]
        months = []
        d = date(self.start.year, self.start.month, 1)
        while d <= self.end:
            if d >= self.start:
                months.append(d)
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        step = max(1, math.ceil(len(months) / max_ticks))
        return [{"x": self.x(m), "label": f"{MONTHS[m.month - 1]} {m.year}"} for m in months[::step]]


def bar_chart(per_day: list[dict], width: int = 900, height: int = 160) -> dict:
    """Articles per day as bars."""
    if not per_day:
        return {"bars": [], "ticks": [], "width": width, "height": height, "max": 0}
    scale = TimeScale([r["day"] for r in per_day], 40, width - 10)
    top = max(r["n"] for r in per_day)
    plot = height - 30
    bars = []
    for r in per_day:
        h = round(r["n"] / top * (plot - 10), 1)
        bars.append({"x": scale.x(r["day"]), "y": round(plot - h, 1), "w": scale.width(r["day"], r["day"], 2),
                     "h": h, "title": f"{r['day'].isoformat()}: {r['n']} articles"})
    return {"bars": bars, "ticks": scale.ticks(), "width": width, "height": height, "max": top,
            "baseline": plot}


def event_timeline(events: list[dict], width: int = 960, row: int = 22, label_width: int = 300) -> dict:
    """One row per event: a bar from earliest to latest event time and a mark at publication."""
    days = []
    for e in events:
        days += [e.get("earliest"), e.get("latest"), e.get("doc_earliest")]
    scale = TimeScale(days, label_width + 10, width - 15)
    rows = []
    for i, e in enumerate(events):
        y = 30 + i * row
        item: dict[str, Any] = {"y": y, "event": e, "label": f"{e['type']} · {e.get('trigger_text') or ''}"}
        if e.get("earliest"):
            latest = e.get("latest") or e["earliest"]
            item["bar"] = {"x": scale.x(e["earliest"]), "w": scale.width(e["earliest"], latest),
                           "title": f"{e['earliest'].isoformat()} – {latest.isoformat()} ({e.get('time_value') or ''})"}
        if e.get("doc_earliest"):
            # A month- or year-dated article is published some time in a range: draw the range.
            doc_latest = e.get("doc_latest") or e["doc_earliest"]
            item["pub"] = {"x": scale.x(e["doc_earliest"]), "title": f"published {e.get('doc_date')}",
                           "x2": scale.x(doc_latest) if doc_latest > e["doc_earliest"] else None}
        rows.append(item)
    return {"rows": rows, "ticks": scale.ticks(), "width": width, "height": 40 + len(events) * row,
            "label_width": label_width}


def point_timeline(items: list[dict], width: int = 900, height: int = 120) -> dict:
    """Events and quotes of one entity on a time axis: lanes by kind, bars for uncertain times."""
    lanes = {"event": 35, "quote": 75}
    scale = TimeScale([d for i in items for d in (i["earliest"], i["latest"])], 80, width - 15)
    marks = []
    for i in items:
        if not i["earliest"]:
            continue
        marks.append({"x": scale.x(i["earliest"]), "w": scale.width(i["earliest"], i["latest"] or i["earliest"], 4),
                      "y": lanes[i["kind"]], "kind": i["kind"], "title": i["title"], "href": i["href"]})
    return {"marks": marks, "ticks": scale.ticks(), "width": width, "height": height, "lanes": lanes}


def month_bars(activity: list[dict], entity_id: str, width: int = 900, lane_height: int = 50) -> dict:
    """Monthly counts of an entity's events and quotes as two lanes of bars, each bar linking to
    that month of the timeline or the quote list."""
    if not activity:
        return {"bars": [], "labels": [], "width": width, "height": 0, "lanes": {}}
    first, last = min(r["month"] for r in activity), max(r["month"] for r in activity)
    months = []
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    x0, step = 80, (width - 95) / len(months)
    lanes = {"event": 10, "quote": 20 + lane_height}
    top = {kind: max((r["n"] for r in activity if r["kind"] == kind), default=1) for kind in lanes}
    bars = []
    for r in activity:
        i = months.index(r["month"])
        h = max(2.0, round(r["n"] / top[r["kind"]] * lane_height, 1))
        start = date.fromisoformat(r["month"] + "-01")
        end = date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1)
        page = "timeline?entity" if r["kind"] == "event" else "quotes?speaker"
        bars.append({"x": round(x0 + i * step, 1), "w": max(1.0, round(step - 1, 1)),
                     "y": round(lanes[r["kind"]] + lane_height - h, 1), "h": h, "kind": r["kind"],
                     "title": f"{r['month']}: {r['n']} {r['kind']}{'' if r['n'] == 1 else 's'}",
                     "href": f"/{page}={quote(entity_id)}&date_from={start}&date_to={end}"})
    every = max(1, math.ceil(len(months) / 12))
    labels = [{"x": round(x0 + i * step, 1), "label": f"{MONTHS[int(mo[5:7]) - 1]} {mo[:4]}"}
              for i, mo in enumerate(months) if i % every == 0]
    totals = {kind: sum(r["n"] for r in activity if r["kind"] == kind) for kind in lanes}
    return {"bars": bars, "labels": labels, "width": width, "height": lanes["quote"] + lane_height + 22,
            "lanes": lanes, "lane_height": lane_height, "top": top, "totals": totals}


def role_bars(roles: list[dict], width: int = 900, row: int = 22, label_width: int = 220) -> dict:
    scale = TimeScale([d for r in roles for d in (r["first"], r["last"])], label_width + 10, width - 15)
    rows = []
    for i, r in enumerate(roles):
        item = {"y": 28 + i * row, "role": r["role"], "n_docs": r["n_docs"]}
        if r["first"]:
            item["x"] = scale.x(r["first"])
            item["w"] = scale.width(r["first"], r["last"] or r["first"])
        rows.append(item)
    return {"rows": rows, "ticks": scale.ticks(), "width": width, "height": 36 + len(roles) * row,
            "label_width": label_width}


def network(center: dict, nodes: list[dict], edges: list[dict], size: int = 460) -> dict:
    """The entity in the middle, co-occurring entities on a circle, sized by shared articles."""
    c = size / 2
    radius = size / 2 - 70
    top = max((n["n_docs"] for n in nodes), default=1)
    placed = {center["id"]: {"x": c, "y": c, "r": 16, "node": center, "center": True}}
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        placed[n["id"]] = {"x": round(c + radius * math.cos(angle), 1), "y": round(c + radius * math.sin(angle), 1),
                           "r": round(6 + 8 * n["n_docs"] / top, 1), "node": n, "center": False}
    lines = [{"x1": c, "y1": c, "x2": placed[n["id"]]["x"], "y2": placed[n["id"]]["y"],
              "w": round(1 + 3 * n["n_docs"] / top, 1), "faint": False, "title": f"{n['n_docs']} shared articles"}
             for n in nodes]
    for e in edges:
        a, b = placed.get(e["a"]), placed.get(e["b"])
        if a and b:
            lines.append({"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"], "w": 0.7, "faint": True,
                          "title": f"{e['n_docs']} shared articles"})
    return {"nodes": list(placed.values()), "lines": lines, "size": size}


def heatmap(by_month: list[dict], cell_w: int = 46, cell_h: int = 20, label_width: int = 150) -> dict:
    """Event types (rows) by month (columns), shaded by count."""
    types = sorted({r["type"] for r in by_month})
    months = sorted({r["month"] for r in by_month})
    top = max((r["n"] for r in by_month), default=1)
    cells = []
    for r in by_month:
        cells.append({"x": label_width + months.index(r["month"]) * cell_w, "y": 24 + types.index(r["type"]) * cell_h,
                      "n": r["n"], "opacity": round(0.15 + 0.85 * r["n"] / top, 2),
                      "title": f"{r['type']} {r['month']}: {r['n']}"})
    return {"types": [{"name": t, "y": 24 + i * cell_h} for i, t in enumerate(types)],
            "months": [{"name": m, "x": label_width + i * cell_w} for i, m in enumerate(months)],
            "cells": cells, "cell_w": cell_w, "cell_h": cell_h,
            "width": label_width + max(1, len(months)) * cell_w + 10, "height": 30 + len(types) * cell_h}
