"""REST API and server-rendered pages over the demo store (FastAPI TestClient, no browser)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from chronik.serve.app import create_app
from chronik.serve.demo import build_demo_db


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "demo.duckdb"
    docs = build_demo_db(db)
    client = TestClient(create_app(db))
    return {"client": client, "docs": docs, "db": db,
            "script_doc": next(d for d in docs if "<script>" in d.text)}


def test_openapi_lists_every_endpoint(demo):
    paths = demo["client"].get("/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/events", "/api/quotes", "/api/timexes", "/api/search"):
        assert path in paths
    params = {p["name"] for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "date_from", "date_to", "source", "entity", "event_type", "speaker", "limit", "offset"} <= params


def test_documents_pagination_and_detail(demo):
    c = demo["client"]
    first = c.get("/api/documents", params={"limit": 2}).json()
    second = c.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == len(demo["docs"])  # the duplicate copy is not listed
    assert len(first["results"]) == 2 and len(second["results"]) == 2
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    doc = demo["script_doc"]
    body = c.get(f"/api/documents/{doc.id}").json()
    assert body["text"] == doc.text
    assert [m["text"] for m in body["mentions"]] == ["Leipzig", "Burkhard Jung"]
    assert body["events"][0]["targets"][0]["entity_id"] == "leipzig"
    assert body["quotes"][0]["speaker_id"] == "burkhard-jung"


@pytest.mark.parametrize("url, fragment", [
    ("/api/events?date_from=2026-02-30", "date_from"),
    ("/api/search?date_to=gestern", "date_to"),
    ("/api/documents?limit=0", "limit"),
    ("/api/documents?limit=100000", "limit"),
    ("/api/quotes?offset=-1", "offset"),
    ("/api/entities?label=PERSON", "label"),
    ("/api/timexes?type=WHEN", "type"),
])
def test_bad_parameters_are_422_with_the_parameter_named(demo, url, fragment):
    r = demo["client"].get(url)
    assert r.status_code == 422
    assert fragment in str(r.json()["detail"])


def test_reversed_date_range_is_422(demo):
    r = demo["client"].get("/api/events", params={"date_from": "2026-04-01", "date_to": "2026-03-01"})
    assert r.status_code == 422
    assert "after" in r.json()["detail"]


def test_unknown_ids_are_404(demo):
    assert demo["client"].get("/api/documents/0000000000000000").status_code == 404
    r = demo["client"].get("/api/entities/niemand")
    assert r.status_code == 404 and "niemand" in r.json()["detail"]


def test_entity_detail(demo):
    e = demo["client"].get("/api/entities/olaf-scholz").json()
    assert e["name"] == "Olaf Scholz" and "Scholz" in e["aliases"]
    assert [r["role"] for r in e["roles"]] == ["Bundeskanzler"]
    assert e["cooccurring"]["nodes"][0]["id"] == "emmanuel-macron"
    assert {ev["type"] for ev in e["events"]["results"]} == {"CONSULT", "AID"}
    assert [q["message_text"] for q in e["quotes"]["results"]] == ["Wir stehen fest an der Seite der Ukraine"]


def test_events_are_ordered_by_event_time_and_filterable(demo):
    c = demo["client"]
    events = c.get("/api/events", params={"limit": 100}).json()["results"]
    keys = [e["earliest"] or e["doc_earliest"] for e in events]
    assert keys == sorted(keys)
    assert [e["trigger_text"] for e in c.get("/api/events", params={"type": "ASSAULT"}).json()["results"]] == \
        ["angegriffen", "manipuliert"]
    april = c.get("/api/events", params={"date_from": "2026-04-01"}).json()["results"]
    assert {e["trigger_text"] for e in april} == {"reisen", "geeinigt", "verhandeln"}
    # Russland is an actor in the attack and the truce, and a target of Macron's warning.
    russia = c.get("/api/events", params={"entity": "russland"}).json()["results"]
    assert {e["trigger_text"] for e in russia} == {"angegriffen", "geeinigt", "gewarnt"}


def test_from_date_finds_long_events_that_started_earlier(demo):
    # "im Frühjahr" (20 March – 20 June) started weeks before 25 April and still overlaps it.
    c = demo["client"]
    page = c.get("/api/events", params={"date_from": "2026-04-25"}).json()
    assert [e["trigger_text"] for e in page["results"]] == ["verhandeln", "reisen"]
    assert page["total"] == 2 and page["total_exact"]
    second = c.get("/api/events", params={"date_from": "2026-04-25", "limit": 1, "offset": 1}).json()
    assert [e["trigger_text"] for e in second["results"]] == ["reisen"]
    may = c.get("/api/events", params={"date_from": "2026-05-01"}).json()["results"]
    assert [e["trigger_text"] for e in may] == ["verhandeln"]
    # The truce article is dated only to March: it overlaps 31 March, not 1 April.
    docs = c.get("/api/documents", params={"date_from": "2026-03-31"}).json()["results"]
    assert [d["title"] for d in docs] == ["Waffenruhe über Ostern vereinbart"]


def test_quotes_who_what_about_whom(demo):
    c = demo["client"]
    q = c.get("/api/quotes", params={"speaker": "wolodymyr-selenskyj"}).json()["results"]
    assert len(q) == 1
    assert [a["id"] for a in q[0]["about"]] == ["russland", "kiew"]
    assert q[0]["time_value"] == "2026-03-05TNI"
    about_ukraine = c.get("/api/quotes", params={"about": "ukraine"}).json()["results"]
    assert [x["speaker_name"] for x in about_ukraine] == ["Olaf Scholz"]
    by_text = c.get("/api/quotes", params={"speaker": "der französische Präsident"}).json()["results"]
    assert [x["speaker_id"] for x in by_text] == ["emmanuel-macron"]


def test_timexes(demo):
    r = demo["client"].get("/api/timexes", params={"type": "DURATION"}).json()
    assert [(t["text"], t["value"]) for t in r["results"]] == [("zehn Tage", "P10D")]


def test_search_api_stems_and_filters(demo):
    c = demo["client"]
    r = c.get("/api/search", params={"q": "Verhandlung"}).json()
    assert [x["title"] for x in r["results"]] == ["Hochwasser beschädigt Häuser in Passau"]
    assert "Verhandlungen" in r["results"][0]["snippet"]
    assert c.get("/api/search", params={"q": "Angriff", "speaker": "emmanuel-macron"}).json()["total"] == 1
    assert c.get("/api/search", params={"q": "Angriff", "date_to": "2026-03-08"}).json()["total"] == 1
    assert c.get("/api/search", params={"event_type": "AGREE"}).json()["results"][0]["title"] == \
        "Waffenruhe über Ostern vereinbart"
    scholz = c.get("/api/search", params={"entity": "olaf-scholz"}).json()
    assert scholz["total"] == 3
    assert [x["date_value"] for x in scholz["results"]] == ["2026-03-10", "2026-03-05", "2026-03-02"]


def test_pages_escape_article_markup(demo):
    doc = demo["script_doc"]
    html = demo["client"].get(f"/doc/{doc.id}").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the title too
    listing = demo["client"].get("/search", params={"q": "Startseite"}).text
    assert "<script>alert" not in listing and "&lt;script&gt;alert(2)" in listing
    # The only script on any page is the app's own file.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']


@pytest.mark.parametrize("url", ["/", "/search?q=Macron", "/entities", "/entity/emmanuel-macron", "/timeline",
                                 "/timeline?type=CONSULT&entity=olaf-scholz", "/quotes", "/quotes?about=russland"])
def test_pages_render(demo, url):
    r = demo["client"].get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<svg" in r.text or "<table" in r.text or "<ol" in r.text


def test_pages_show_bad_parameters_as_422_pages(demo):
    r = demo["client"].get("/timeline", params={"date_from": "31.12.2026"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "date_from" in r.text and "YYYY-MM-DD" in r.text
    r = demo["client"].get("/search", params={"q": "x", "date_from": ""})  # empty form field: no filter
    assert r.status_code == 200
    assert demo["client"].get("/entity/niemand").status_code == 404


def test_no_external_assets(demo):
    for url in ("/", f"/doc/{demo['script_doc'].id}", "/entity/olaf-scholz", "/timeline"):
        html = demo["client"].get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not ref.startswith(("http:", "https:", "//")), ref
    assert demo["client"].get("/static/app.js").status_code == 200
    assert demo["client"].get("/static/style.css").status_code == 200


def test_page_filters_take_entity_names_as_well_as_ids(demo):
    c = demo["client"]

    def titles(html: str) -> list[str]:
        return re.findall(r'<a class="title" href="/doc/[^"]+">([^<]+)</a>', html)

    by_id = titles(c.get("/search", params={"entity": "olaf-scholz"}).text)
    assert len(by_id) == 3
    assert titles(c.get("/search", params={"entity": "olaf scholz"}).text) == by_id  # name, any case
    assert titles(c.get("/search", params={"entity": "Scholz"}).text) == by_id  # an alias
    assert titles(c.get("/search", params={"entity": "Niemand Bekanntes"}).text) == []
    # The field shows what was typed, and the page names the entity it resolved to.
    page = c.get("/search", params={"entity": "Scholz"}).text
    assert 'value="Scholz"' in page and 'href="/entity/olaf-scholz">Olaf Scholz</a>' in page
    rows = c.get("/timeline", params={"entity": "Russland"}).text
    assert rows.count('class="row"') == 3
    quotes = c.get("/quotes", params={"about": "Ukraine"}).text
    assert "Wir stehen fest an der Seite der Ukraine" in quotes and "Olaf Scholz" in quotes


def test_quoted_messages_are_shown_inside_one_pair_of_quotation_marks():
    from chronik.serve.app import unquoted

    assert unquoted("„Wir stehen an der Seite der Ukraine“") == "Wir stehen an der Seite der Ukraine"
    assert unquoted("»Nie wieder«") == "Nie wieder"
    assert unquoted("Ohne diesen Bericht geht es nicht") == "Ohne diesen Bericht geht es nicht"
    assert unquoted(None) == ""


def test_a_name_shared_by_two_entities_means_the_more_widely_reported_one():
    import sqlite3

    from chronik.serve.index import SCHEMA
    from chronik.serve.queries import resolve_entity

    idx = sqlite3.connect(":memory:")
    idx.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
    idx.executescript(SCHEMA)
    # A tagging slip made "Putin" a place in one article; the person is in nine.
    idx.executemany("INSERT INTO entity_names VALUES (?, ?, ?)",
                    [("putin", "E-putin-loc", 1), ("wladimir putin", "E-putin", 9), ("putin", "E-putin", 9)])
    idx.executemany("INSERT INTO entities (id, name, n_docs) VALUES (?, ?, ?)",
                    [("E-putin-loc", "Putin", 1), ("E-putin", "Wladimir Putin", 9)])
    assert resolve_entity(idx, "Putin") == "E-putin"
    assert resolve_entity(idx, "E-putin-loc") == "E-putin-loc"  # an id is taken as it is
    assert resolve_entity(idx, "Unbekannt") == "Unbekannt"


def test_entity_activity_counts_every_event_and_quote_per_month(demo):
    c = demo["client"]
    e = c.get("/api/entities/olaf-scholz").json()
    events = c.get("/api/events", params={"entity": "olaf-scholz", "limit": 500}).json()["results"]
    quotes = c.get("/api/quotes", params={"speaker": "olaf-scholz", "limit": 500}).json()["results"]
    expected = {}
    for ev in events:
        month = (ev["earliest"] or ev["doc_earliest"])[:7]
        expected[month, "event"] = expected.get((month, "event"), 0) + 1
    for q in quotes:
        expected[q["doc_earliest"][:7], "quote"] = expected.get((q["doc_earliest"][:7], "quote"), 0) + 1
    assert {(a["month"], a["kind"]): a["n"] for a in e["activity"]} == expected
    assert sum(a["n"] for a in e["activity"] if a["kind"] == "event") == 3


def test_entity_page_draws_monthly_counts_when_marks_would_not_fit(demo, monkeypatch):
    import chronik.serve.app as app_module

    c = demo["client"]
    marks = c.get("/entity/olaf-scholz").text
    assert marks.count('class="mark mark-event"') == 3 and 'class="month' not in marks
    # The threshold is read per request: with room for two items, Scholz's four become month bars.
    monkeypatch.setattr(app_module, "ENTITY_MARKS_MAX", 2)
    page = c.get("/entity/olaf-scholz").text
    assert 'class="mark ' not in page
    assert "per month: 3 dated events and 1 quotes" in page
    bars = re.findall(r'<a href="([^"]+)"><rect class="month month-(event|quote)"', page)
    assert {kind for _, kind in bars} == {"event", "quote"}
    href = next(h for h, kind in bars if kind == "event").replace("&amp;", "&")
    assert href.startswith("/timeline?entity=olaf-scholz&date_from=2026-03-01&date_to=2026-03-31")
    assert c.get(href).text.count('class="row"') == 3


def test_dashboard_figures_match_the_listed_events_and_documents(demo):
    c = demo["client"]
    stats = c.get("/api/stats").json()
    events = c.get("/api/events", params={"limit": 500}).json()
    expected = {}
    for e in events["results"]:
        month = (e["earliest"] or e["doc_earliest"])[:7]
        expected[e["type"], month] = expected.get((e["type"], month), 0) + 1
    assert {(r["type"], r["month"]): r["n"] for r in stats["event_types_by_month"]} == expected
    assert stats["totals"]["events"] == events["total"]
    assert stats["totals"]["documents"] == c.get("/api/documents").json()["total"]
    assert stats["totals"]["quotes"] == c.get("/api/quotes").json()["total"]
