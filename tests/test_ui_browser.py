"""End-to-end: `chronik serve` on the demo store, driven in headless Debian Chromium by Playwright.

Screenshots go to tests/artifacts/.  Skips (with the reason) where /usr/bin/chromium or the
playwright package is missing; `.ci/run` installs Debian's chromium package.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path(os.environ.get("CHRONIK_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"),
]
sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real CLI serving the demo store on a free loopback port."""
    from chronik.serve.demo import build_demo_db

    db = tmp_path_factory.mktemp("ui") / "demo.duckdb"
    docs = build_demo_db(db)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "chronik", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"chronik serve did not start: {proc.stdout.read()}")
        time.sleep(0.2)
    yield {"url": url, "docs": docs}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm/prompt the page tries to open
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.console_errors = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    yield pg
    context.close()


def test_search_with_stemming_and_filters(server, page):
    page.goto(server["url"] + "/search")
    page.fill("#search-form input[name=q]", "Haus")
    with page.expect_navigation():
        page.click("#search-form button[type=submit]")
    titles = page.locator("#results li.result a.title").all_inner_texts()
    assert titles == ["Hochwasser beschädigt Häuser in Passau"]
    assert page.locator("#results mark").first.inner_text() == "Häuser"
    # Empty filter fields are left out of the URL by the page script.
    assert "date_from" not in page.url
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.fill("#search-form input[name=q]", "Angriff")
    page.select_option("#search-form select[name=source]", "Morgenpost")
    with page.expect_navigation():
        page.click("#search-form button[type=submit]")
    titles = page.locator("#results li.result a.title").all_inner_texts()
    assert titles == ["Macron warnt Russland vor Eskalation"]
    assert page.console_errors == []


def test_entity_page_renders_timeline_network_and_roles(server, page):
    page.goto(server["url"] + "/entities")
    with page.expect_navigation():
        page.click("#entities a:text('Olaf Scholz')")
    assert page.inner_text("#entity-name") == "Olaf Scholz"
    assert "Scholz" in page.inner_text("#aliases")
    # Three events (meeting, aid pledge, welcome) and one quote by Scholz in the demo store.
    assert page.locator("#entity-timeline rect.mark-event").count() == 3
    assert page.locator("#entity-timeline rect.mark-quote").count() == 1
    box = page.locator("#entity-timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 40
    names = page.locator("#entity-network text").all_text_contents()
    assert "Emmanuel Macron" in names and "Olaf Scholz" in names
    assert "Bundeskanzler" in page.text_content("#entity-roles")
    page.screenshot(path=str(ARTIFACTS / "entity.png"), full_page=True)

    with page.expect_navigation():
        page.click("#entity-network a:has(text:text('Emmanuel Macron'))")
    assert page.inner_text("#entity-name") == "Emmanuel Macron"


def test_timeline_draws_uncertainty_bars_and_publication_marks(server, page):
    page.goto(server["url"] + "/timeline")
    page.wait_for_selector("#timeline-chart")
    events = [e for d in server["docs"] for e in d.events]
    assert page.locator("#timeline-chart g.row").count() == len(events)
    assert page.locator("#timeline-chart rect.event-bar").count() == sum(1 for e in events if e.earliest)
    assert page.locator("#timeline-chart path.pub").count() == len(events)
    # The truce "Anfang April" (ten days) is drawn wider than the one-day meeting.
    widths = {}
    for row in page.locator("#timeline-chart g.row").all():
        label = row.locator("text").text_content()
        bar = row.locator("rect.event-bar")
        if bar.count():
            widths[label] = float(bar.get_attribute("width"))
    assert widths["AGREE · geeinigt"] > 3 * widths["CONSULT · zusammengekommen"]
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)

    page.select_option("#timeline-form select[name=type]", "ASSAULT")
    with page.expect_navigation():
        page.click("#timeline-form button[type=submit]")
    assert "type=ASSAULT" in page.url
    assert page.locator("#timeline-chart g.row").count() == 2


def test_timeline_filtered_by_a_typed_entity_name(server, page):
    page.goto(server["url"] + "/timeline")
    page.fill("#timeline-form input[name=entity]", "olaf scholz")
    with page.expect_navigation():
        page.click("#timeline-form button[type=submit]")
    assert page.locator("#timeline-chart g.row").count() == 3  # meeting, aid pledge, welcome
    assert page.locator("p.muted a[href='/entity/olaf-scholz']").inner_text() == "Olaf Scholz"
    assert page.input_value("#timeline-form input[name=entity]") == "olaf scholz"
    assert page.locator("datalist#entity-names option[value='Olaf Scholz']").count() == 1


def test_article_with_script_shows_it_as_text(server, page):
    doc = next(d for d in server["docs"] if "<script>" in d.text)
    page.goto(server["url"] + "/search?q=Hackerangriff")
    with page.expect_navigation():
        page.click("#results a.title")
    assert page.url.endswith("/doc/" + doc.id)
    assert "<script>alert(1)</script>" in page.inner_text("#doc-text")
    assert page.inner_text("#doc-title") == doc.title
    assert page.locator("#doc-text script").count() == 0
    assert page.evaluate("document.scripts.length") == 1  # only /static/app.js
    page.wait_for_timeout(300)
    assert page.dialogs == []
    # Mentions are highlighted and linked to their entity pages.
    assert page.locator("#doc-text a.ent[href='/entity/leipzig']").inner_text() == "Leipzig"
    assert page.locator("#doc-text .tmx").inner_text() == "am Dienstag"
    page.screenshot(path=str(ARTIFACTS / "article-script.png"), full_page=True)


def test_quotes_and_dashboard(server, page):
    page.goto(server["url"] + "/quotes?speaker=emmanuel-macron")
    rows = page.locator("#quotes tr").all()[1:]
    assert len(rows) == 1
    assert "Jeder Angriff auf einen Verbündeten" in rows[0].inner_text()
    assert "Russland" not in rows[0].locator("td").nth(2).inner_text()  # the quote is about no entity
    page.goto(server["url"] + "/quotes")
    page.screenshot(path=str(ARTIFACTS / "quotes.png"), full_page=True)
    selenskyj = page.locator("#quotes tr", has_text="Selenskyj").first
    assert selenskyj.locator("td").nth(2).inner_text() == "Russland, Kiew"

    page.goto(server["url"] + "/")
    assert page.locator("#articles-per-day rect.bar").count() == 5  # the month-dated article has no day
    assert page.locator("#top-actors a.entity").first.inner_text() == "Olaf Scholz"
    assert page.locator("#event-types rect.cell").count() > 0
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert page.dialogs == [] and page.console_errors == []
