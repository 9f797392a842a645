"""Acceptance regressions for the serve API found by QA (issue 7): unknown filter values are 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chronik.serve.app import create_app
from chronik.serve.demo import build_demo_db


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("qa_serve") / "demo.duckdb"
    build_demo_db(db)
    return TestClient(create_app(db))


@pytest.mark.parametrize("url", ["/api/events?type=FOO", "/api/search?q=Gespräch&event_type=consult"])
def test_unknown_event_type_is_422(client, url):
    r = client.get(url)
    assert r.status_code == 422 and "type" in str(r.json()["detail"])


def test_known_event_type_still_filters(client):
    body = client.get("/api/events", params={"type": "CONSULT"}).json()
    assert body["total"] > 0 and {e["type"] for e in body["results"]} == {"CONSULT"}
