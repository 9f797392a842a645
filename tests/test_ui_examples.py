"""End-to-end on the example corpus: `chronik run examples/`, then `chronik serve`, in Chromium.

This is the check from issue 7: search, article view, entity page, timeline and quotes work on
what the real pipeline stores, and the example article containing `<script>` shows it as text.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from test_ui_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _free_port

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"),
]
sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright


@pytest.fixture(scope="module")
def served_examples(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    chronik = [sys.executable, "-m", "chronik"]
    run = subprocess.run(chronik + ["run", str(ROOT / "examples"), "--db", str(db)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        script_doc = con.execute("SELECT id FROM documents WHERE text LIKE '%<script>%' AND status = 'ok'").fetchone()
        top_entity = con.execute("SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL "
                                 "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
    port = _free_port()
    proc = subprocess.Popen(chronik + ["serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"chronik serve did not start: {proc.stdout.read()}")
        time.sleep(0.3)
    yield {"url": url, "script_doc": script_doc[0] if script_doc else None,
           "top_entity": top_entity[0] if top_entity else None}
    proc.terminate()
    proc.wait(timeout=10)


def test_example_corpus_in_the_browser(served_examples):
    url = served_examples["url"]
    assert served_examples["script_doc"], "examples/ should contain an article with <script> in its text"
    assert served_examples["top_entity"], "the pipeline found no entities in examples/"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        page.goto(url + "/")
        assert page.locator("#articles-per-day rect.bar").count() > 0
        page.screenshot(path=str(ARTIFACTS / "examples-dashboard.png"), full_page=True)

        page.goto(url + "/search?q=Angriffe")
        assert page.locator("#results li.result").count() > 0
        assert page.locator("#results mark").count() > 0

        page.goto(url + f"/doc/{served_examples['script_doc']}")
        assert "<script>alert(1)</script>" in page.inner_text("#doc-text")
        assert page.locator("#doc-text script").count() == 0
        assert page.locator("#doc-text a.ent").count() > 0  # entities highlighted and linked
        page.screenshot(path=str(ARTIFACTS / "examples-article-script.png"), full_page=True)

        page.goto(url + f"/entity/{served_examples['top_entity']}")
        assert page.locator("#entity-timeline rect.mark").count() > 0
        assert page.locator("#entity-network circle").count() > 1
        page.screenshot(path=str(ARTIFACTS / "examples-entity.png"), full_page=True)

        page.goto(url + "/timeline")
        assert page.locator("#timeline-chart g.row").count() > 0
        page.screenshot(path=str(ARTIFACTS / "examples-timeline.png"), full_page=True)

        page.goto(url + "/quotes")
        assert page.locator("#quotes tr").count() > 1
        page.screenshot(path=str(ARTIFACTS / "examples-quotes.png"), full_page=True)
        page.wait_for_timeout(200)
        assert dialogs == []
        browser.close()
