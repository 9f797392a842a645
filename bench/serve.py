"""Latency of the web API on a generated 100k-article store, under a bounded loopback load.

    .venv/bin/python bench/serve.py                 # 100k articles, 4 clients, 200 requests/endpoint
    .venv/bin/python bench/serve.py --docs 20000 --requests 50

Builds a synthetic store in bulk SQL (documents with German sentences, entities with a skewed
popularity, mentions, events with actors, quotes, time expressions), builds the search index
(`chronik serve --build-index`, timed), starts `chronik serve` on a free loopback port and sends
requests from a few concurrent clients.  Prints and writes (bench/out/serve.json) p50/p95 per
endpoint: the JSON API (search, entity, timeline) and the HTML pages a browser opens for the same
requests.  Target: p95 < 200 ms for search, entity and timeline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chronik.store import Store  # noqa: E402

FIRST = ["Anna", "Peter", "Olga", "Jürgen", "Fatma", "Wolfgang", "Ingrid", "Mehmet", "Sabine", "Dmitri", "Claire",
         "Tomasz", "Elena", "Frank", "Nadja", "Lars", "Ursula", "Kemal", "Heike", "Ivan"]
MIDDLE = ["Maria", "Josef", "Luise", "Karl", "Sophie", "Paul", "Marie", "Friedrich", "Johanna", "Ludwig", "Anna",
          "Georg", "Charlotte", "Wilhelm", "Helene", "Otto", "Emilia", "Heinrich", "Clara", "August", "Greta",
          "Konrad", "Ida", "Ernst", "Martha"]
LAST = ["Müller", "Schmidt", "Kowalski", "Petrenko", "Dubois", "Yilmaz", "Becker", "Iwanow", "Novak", "Weber",
        "Fischer", "Rossi", "Hoffmann", "Schäfer", "Kovač", "Lindqvist", "Wagner", "Sokolow", "Braun", "Keller"]
PLACES = ["Berlin", "Kiew", "Moskau", "Paris", "Warschau", "Brüssel", "Wien", "Prag", "Charkiw", "Odessa",
          "Hamburg", "München", "Leipzig", "Minsk", "Riga", "Vilnius", "Tallinn", "Budapest", "Rom", "Madrid"]
ORGS = ["Bundesregierung", "Nato", "Europäische Union", "Vereinte Nationen", "Bundeswehr", "Kreml", "OSZE",
        "Gazprom", "Rotes Kreuz", "Bundestag"]
SENTENCES = [
    "{a} hat am Montag in {p} mit {b} über neue Sanktionen verhandelt.",
    "Nach Angaben von {o} wurden in der Nacht mehrere Häuser in {p} beschädigt.",
    "„Wir werden die Verhandlungen fortsetzen“, sagte {a} nach dem Treffen.",
    "{b} kritisierte die Entscheidung der {o} scharf.",
    "Die Regierung in {p} kündigte weitere Hilfen für die Flüchtlinge an.",
    "{a} warnte vor einer weiteren Eskalation des Konflikts.",
    "Am Dienstag trafen sich Vertreter von {o} zu Gesprächen über eine Waffenruhe.",
    "Bei dem Angriff auf {p} kamen nach ersten Berichten zwölf Menschen ums Leben.",
    "{b} forderte die sofortige Freilassung der Gefangenen.",
    "Der Gipfel in {p} soll im kommenden Monat stattfinden.",
    "Die Opposition warf {a} vor, die Öffentlichkeit getäuscht zu haben.",
    "Nach dem Hochwasser begannen in {p} die Aufräumarbeiten.",
    "{o} sagte Unterstützung beim Wiederaufbau der Infrastruktur zu.",
    "Die Preise für Energie sind im vergangenen Jahr stark gestiegen.",
    "{a} und {b} unterzeichneten in {p} ein Abkommen über Zusammenarbeit.",
    "Demonstranten protestierten vor dem Parlament gegen die geplante Reform.",
]
EVENT_TYPES = ["CONSULT", "ASSAULT", "AID", "DEMAND", "AGREE", "THREATEN", "PROTEST", "ACCUSE", "COERCE",
               "RETREAT", "SUPPORT", "REQUEST"]
SEARCH_TERMS = ["Verhandlungen", "Häuser", "Angriff", "Waffenruhe", "Sanktionen", "Hochwasser", "Abkommen",
                "Gipfel", "Flüchtlinge", "Eskalation", "Energie Preise", '"neue Sanktionen"', "Reform Parlament",
                "Gefangenen", "Wiederaufbau"]


def entity_table() -> list[tuple[str, str, str, str | None]]:
    """(id, label, name, country) for 10,000 persons, 20 places and 10 organisations, in a fixed
    shuffled order: an entity's position is its popularity rank (see ``generate``)."""
    out = [(f"per-{i:05d}", "PER", f"{FIRST[i % 20]} {MIDDLE[i // 20 % 25]} {LAST[i // 500]}", "DEU")
           for i in range(len(FIRST) * len(MIDDLE) * len(LAST))]
    out += [(f"loc-{i:03d}", "LOC", name, None) for i, name in enumerate(PLACES)]
    out += [(f"org-{i:03d}", "ORG", name, None) for i, name in enumerate(ORGS)]
    random.Random(3).shuffle(out)
    return out


def generate(db: Path, n_docs: int) -> None:
    """Fill a new store with ``n_docs`` synthetic analysed articles, in bulk SQL."""
    if db.exists():
        db.unlink()
    start = time.perf_counter()
    with Store(db) as store:
        con = store.con
        ents = entity_table()
        con.execute("CREATE TEMP TABLE ent AS SELECT * FROM (VALUES " +
                    ", ".join("(?, ?, ?, ?, ?)" for _ in ents) + ") t(n, id, label, name, country)",
                    [v for i, e in enumerate(ents) for v in (i, *e)])
        con.execute("CREATE TEMP TABLE sent AS SELECT * FROM (VALUES " + ", ".join("(?, ?)" for _ in SENTENCES) +
                    ") t(n, s)", [v for i, s in enumerate(SENTENCES) for v in (i, s)])
        n_ent = len(ents)
        # Six entities per article, skewed so a few are in many articles (like real news).
        con.execute(f"""CREATE TEMP TABLE de AS
            SELECT d, k AS idx, CAST(floor({n_ent} * pow((hash(d * 31 + k) % 1000003) / 1000003.0, 2.5)) AS INTEGER) AS e
            FROM range({n_docs}) r(d), range(6) s(k)""")
        con.execute("""CREATE TEMP TABLE de1 AS
            SELECT d, row_number() OVER (PARTITION BY d ORDER BY min(idx)) - 1 AS idx, e
            FROM de GROUP BY d, e""")
        con.execute("""CREATE TEMP TABLE names AS
            SELECT de1.d, list(ent.name ORDER BY de1.idx) AS ns FROM de1 JOIN ent ON ent.n = de1.e GROUP BY de1.d""")
        con.execute(f"""CREATE TEMP TABLE docs AS
            SELECT r.d, (SELECT string_agg(replace(replace(replace(replace(sent.s,
                        '{{a}}', coalesce(ns[1], 'Ein Sprecher')), '{{b}}', coalesce(ns[2], 'Die Regierung')),
                        '{{p}}', coalesce(ns[3], 'Berlin')), '{{o}}', coalesce(ns[4], 'die Nato')), ' ' ORDER BY k)
                     FROM range(8) q(k) JOIN sent ON sent.n = (hash(r.d * 17 + k) % {len(SENTENCES)})) AS text,
                   DATE '2024-01-01' + CAST(hash(r.d) % 730 AS INTEGER) AS day
            FROM range({n_docs}) r(d) JOIN names USING (d)""")
        con.execute("""INSERT INTO documents (id, text_hash, source, title, text, date_value, date_granularity,
                           date_earliest, date_latest, lang, status, origin, origin_location, n_words)
            SELECT printf('%016x', d), printf('%016x', d), 'Quelle ' || (d % 12), split_part(text, '.', 1),
                   text, CAST(day AS VARCHAR), 'day', day, day, 'de', 'ok', 'bench', CAST(d AS VARCHAR),
                   len(string_split(text, ' ')) FROM docs""")
        con.execute("""INSERT INTO doc_entities (doc_id, idx, entity_id, label, name, forms, roles, country, key)
            SELECT printf('%016x', d), idx, ent.id, ent.label, ent.name, to_json([ent.name]),
                   CASE WHEN ent.label = 'PER' THEN to_json(['Minister']) ELSE '[]' END, ent.country, ent.id
            FROM de1 JOIN ent ON ent.n = de1.e""")
        con.execute("""INSERT INTO mentions (doc_id, idx, start_char, end_char, text, label, kind, doc_entity,
                           entity_id, sentence)
            SELECT printf('%016x', d), row_number() OVER (PARTITION BY d ORDER BY idx, k) - 1,
                   idx * 40 + k * 300, idx * 40 + k * 300 + length(ent.name), ent.name, ent.label, 'name', idx,
                   ent.id, k FROM de1 JOIN ent ON ent.n = de1.e, range(2) t(k)""")
        con.execute("""INSERT INTO entities (id, label, name, forms, country, n_docs, n_mentions)
            SELECT ent.id, ent.label, ent.name, to_json([ent.name]), ent.country, count(DISTINCT de1.d), 2 * count(*)
            FROM de1 JOIN ent ON ent.n = de1.e GROUP BY ALL""")
        con.execute("""INSERT INTO entity_roles (entity_id, role, doc_id, date_value, date_earliest, date_latest)
            SELECT de.entity_id, 'Minister', de.doc_id, d.date_value, d.date_earliest, d.date_latest
            FROM doc_entities de JOIN documents d ON d.id = de.doc_id WHERE de.label = 'PER'""")
        # Three events per article between its first entities, some with uncertain time ranges.
        con.execute(f"""INSERT INTO events (doc_id, idx, type, modality, trigger_start, trigger_end, trigger_text,
                           sentence, sentence_start, sentence_end, sources, targets, source_codes, time_value,
                           earliest, latest)
            SELECT printf('%016x', docs.d), k, list_element({EVENT_TYPES!r}, CAST(1 + hash(docs.d * 5 + k) % {len(EVENT_TYPES)} AS BIGINT)),
                   'occurred', k * 100, k * 100 + 8, 'verhandelt', k, k * 100, k * 100 + 90,
                   to_json([{{'text': ns[1 + k % 2], 'start': 0, 'end': 5, 'entity': k % 2}}]),
                   to_json([{{'text': ns[3], 'start': 0, 'end': 5, 'entity': 2}}]), 'DEU GOV',
                   CAST(docs.day - CAST(k AS INTEGER) AS VARCHAR), docs.day - CAST(k * 3 AS INTEGER), docs.day - CAST(k AS INTEGER)
            FROM docs JOIN names USING (d), range(3) t(k) WHERE len(ns) >= 3""")
        con.execute("""INSERT INTO quotes (doc_id, idx, form, medium, cue, source, message, cue_text, source_text,
                           message_text, source_doc_entity, source_entity_id, start_char, end_char)
            SELECT printf('%016x', d), 0, 'Direct', 'speech', '[[60, 65]]', '[[66, 80]]', '[[1, 58]]', 'sagte',
                   ent.name, 'Wir werden die Verhandlungen fortsetzen', 0, ent.id, 0, 80
            FROM de1 JOIN ent ON ent.n = de1.e WHERE de1.idx = 0 AND ent.label = 'PER'""")
        con.execute("""INSERT INTO timexes (doc_id, idx, start_char, end_char, text, type, value, earliest, latest)
            SELECT printf('%016x', d), 0, 10, 19, 'am Montag', 'DATE', CAST(day AS VARCHAR), day, day FROM docs""")
        con.execute("""INSERT INTO analyses (doc_id, pipeline) SELECT id, 'bench' FROM documents""")
    print(f"generated {n_docs} articles in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_plan(db: Path, n: int, seed: int = 7) -> dict[str, list[tuple[str, dict]]]:
    """``n`` requests per endpoint with varied parameters, entities drawn by popularity."""
    rng = random.Random(seed)
    with duckdb.connect(str(db), read_only=True) as con:
        ents = con.execute("SELECT id, n_docs FROM entities ORDER BY n_docs DESC").fetchall()
    ids, weights = [e[0] for e in ents], [e[1] for e in ents]
    types = EVENT_TYPES
    plan: dict[str, list[tuple[str, dict]]] = {"search": [], "entity": [], "timeline": [], "search page": [],
                                               "entity page": [], "timeline page": []}
    for i in range(n):
        params: dict = {"q": rng.choice(SEARCH_TERMS), "limit": 20}
        if i % 3 == 1:
            params["entity"] = rng.choices(ids, weights)[0]
        if i % 4 == 2:
            params.update(date_from="2024-06-01", date_to="2024-09-30")
        if i % 5 == 3:
            params["event_type"] = rng.choice(types)
        plan["search"].append(("/api/search", params))
        plan["search page"].append(("/search", {k: v for k, v in params.items() if k != "limit"}))
        entity = rng.choices(ids, weights)[0]
        plan["entity"].append((f"/api/entities/{entity}", {}))
        plan["entity page"].append((f"/entity/{entity}", {}))
        params = {"limit": 50}
        if i % 2 == 0:
            params["entity"] = rng.choices(ids, weights)[0]
        if i % 3 == 0:
            params["type"] = rng.choice(types)
        if i % 4 == 1:
            start = rng.randrange(0, 700)
            params.update(date_from=f"{2024 + start // 365}-{1 + start % 365 // 31:02d}-01")
        plan["timeline"].append(("/api/events", params))
        plan["timeline page"].append(("/timeline", {k: v for k, v in params.items() if k != "limit"}))
    return plan


def load(url: str, requests: list[tuple[str, dict]], clients: int) -> list[float]:
    """Send ``requests`` from ``clients`` concurrent connections; latencies in ms."""
    latencies: list[float] = []
    lock = threading.Lock()
    work = list(requests)

    def worker():
        with httpx.Client(base_url=url, timeout=30) as client:
            while True:
                with lock:
                    if not work:
                        return
                    path, params = work.pop()
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                elapsed = (time.perf_counter() - t0) * 1000
                if r.status_code != 200:
                    raise RuntimeError(f"{path} {params}: HTTP {r.status_code} {r.text[:200]}")
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "serve-bench.duckdb")
    ap.add_argument("--reuse", action="store_true",
                    help="keep an existing generated store and index (the server still rebuilds a stale index)")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    load_before = round(os.getloadavg()[0], 2)  # other work on the machine skews latencies: recorded
    if not (args.reuse and args.db.exists()):
        generate(args.db, args.docs)
    chronik = [sys.executable, "-m", "chronik", "serve", "--db", str(args.db)]
    index_seconds = None
    if not args.reuse:
        t0 = time.perf_counter()
        subprocess.run(chronik + ["--build-index"], check=True)
        index_seconds = round(time.perf_counter() - t0, 1)
    port = _free_port()
    server = subprocess.Popen(chronik + ["--port", str(port)], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(url + "/api/documents?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("server did not start")
            time.sleep(0.3)
        plan = request_plan(args.db, args.requests)
        load(url, [r for reqs in plan.values() for r in reqs[:10]], args.clients)  # warm-up
        results = {}
        for name, reqs in plan.items():
            cpu_before = cpu_seconds(server.pid)
            lat = load(url, reqs, args.clients)
            cpu_after = cpu_seconds(server.pid)
            # Server CPU per request does not grow with other work on the machine; latency does.
            cpu_ms = round((cpu_after - cpu_before) * 1000 / len(lat), 1) if cpu_before is not None else None
            results[name] = {"requests": len(lat), "p50_ms": round(statistics.median(lat), 1),
                             "p95_ms": round(percentile(lat, 95), 1), "max_ms": round(max(lat), 1),
                             "server_cpu_ms_per_request": cpu_ms}
            print(f"{name:>13}: p50 {results[name]['p50_ms']:7.1f} ms   p95 {results[name]['p95_ms']:7.1f} ms   "
                  f"max {results[name]['max_ms']:7.1f} ms   server CPU {cpu_ms} ms/request   "
                  f"({len(lat)} requests, {args.clients} clients)")
    finally:
        server.terminate()
        server.wait(timeout=20)
    with duckdb.connect(str(args.db), read_only=True) as con:
        sizes = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("documents", "doc_entities", "mentions", "events", "quotes", "entities")}
    report = {"command": " ".join(["bench/serve.py", *sys.argv[1:]]), "docs": sizes["documents"],
              "clients": args.clients, "index_build_s": index_seconds, "rows": sizes,
              "load_average_1min": {"before": load_before, "after": round(os.getloadavg()[0], 2)},
              "endpoints": results}
    print(f"index build {index_seconds} s; rows {sizes}")
    (ROOT / "bench" / "out" / "serve.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
