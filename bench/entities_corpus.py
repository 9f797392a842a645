"""Time the corpus entity step (``consolidate_corpus``) on a generated store.

    .venv/bin/python bench/entities_corpus.py --docs 100000 [--db /tmp/entities_bench.duckdb]

The store is filled with synthetic annotation rows (no pipeline run): per document 10 entities
(persons by full name, surname, genitive; organisations; a bare role), 25 mentions and 2 quotes,
with 20,000 persons sharing 15,000 surnames and dates spread over two years.  Roles go to the
``--holders`` most frequent persons (role = person id mod 8) plus 1 % of all person rows (noise);
``--holders 20000`` gives every person a role, a worst case for bare-role resolution.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from chronik.nlp.entities import consolidate_corpus
from chronik.store import Store

ROLES = ["Kremlchef", "US-Präsident", "Bundeskanzler", "französischer Präsident", "Außenminister",
         "Sprecherin des russischen Außenministeriums", "Generalstabschef der USA", "Nato-Generalsekretär"]
ROLE_KEYS = ["präsident|RUS", "präsident|USA", "kanzler|DEU", "außenminister|"]


def fill(store: Store, n_docs: int, holders: int = 64) -> None:
    con = store.con
    roles_sql = "[" + ", ".join(f"'{r}'" for r in ROLES) + "]"
    keys_sql = "[" + ", ".join(f"'{k}'" for k in ROLE_KEYS) + "]"
    con.execute(f"""
        INSERT INTO documents (id, text_hash, text, status, date_value, date_granularity, date_earliest, date_latest)
        SELECT 'd' || i, 'h' || i, 'x', 'ok', strftime(DATE '2022-01-01' + (i % 730)::INT, '%Y-%m-%d'), 'day',
               DATE '2022-01-01' + (i % 730)::INT, DATE '2022-01-01' + (i % 730)::INT
        FROM range({n_docs}) t(i)""")
    # entity k of document i: person p (skewed towards low ids), written as full name, surname or genitive
    con.execute(f"""
        INSERT INTO doc_entities (doc_id, idx, label, name, forms, roles, country, sector, key)
        WITH e AS (
            SELECT i, k, hash(i * 31 + k) AS h,
                   (power(hash(i * 17 + k) % 1000000 / 1000000.0, 3) * 20000)::BIGINT AS p
            FROM range({n_docs}) a(i), range(10) b(k))
        SELECT 'd' || i, k,
               CASE WHEN k = 9 THEN 'PER' WHEN k >= 7 THEN 'ORG' ELSE 'PER' END,
               name, to_json([name]),
               CASE WHEN k < 7 AND ((p < {holders} AND h % 2 = 0) OR h % 100 = 0) THEN to_json([{roles_sql}[((p % {len(ROLES)}) + 1)::BIGINT]]) ELSE '[]' END,
               NULL, NULL,
               CASE WHEN k = 9 THEN 'ROLE:' || {keys_sql}[((h % {len(ROLE_KEYS)}) + 1)::BIGINT]
                    WHEN k >= 7 THEN 'ORG:' || lower(name)
                    ELSE 'PER:' || lower(name) END
        FROM (SELECT *, CASE
                  WHEN k = 9 THEN 'Kremlchef'
                  WHEN k >= 7 THEN 'Organisation ' || (p % 2000)
                  WHEN h % 10 < 6 THEN 'Vorname' || p || ' Nachname' || (p % 15000)
                  WHEN h % 10 < 9 THEN 'Nachname' || (p % 15000)
                  ELSE 'Nachname' || (p % 15000) || 's' END AS name FROM e)""")
    con.execute(f"""
        INSERT INTO mentions (doc_id, idx, start_char, end_char, text, label, kind, doc_entity)
        SELECT 'd' || i, j, j * 10, j * 10 + 5, 'x', 'PER', 'name', CASE WHEN j < 20 THEN j % 10 END
        FROM range({n_docs}) a(i), range(25) b(j)""")
    con.execute(f"""
        INSERT INTO quotes (doc_id, idx, form, source_doc_entity)
        SELECT 'd' || i, j, 'Direct', j FROM range({n_docs}) a(i), range(2) b(j)""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--holders", type=int, default=64)
    ap.add_argument("--db", type=Path, default=Path("/tmp/entities_bench.duckdb"))
    args = ap.parse_args()
    if args.db.exists():
        args.db.unlink()
    with Store(args.db) as store:
        t0 = time.perf_counter()
        fill(store, args.docs, args.holders)
        t1 = time.perf_counter()
        consolidate_corpus(store)
        t2 = time.perf_counter()
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("doc_entities", "mentions", "entities", "entity_roles")}
        resolved = store.con.execute(
            "SELECT count(*) FROM doc_entities de JOIN entities e ON e.id = de.entity_id "
            "WHERE de.key LIKE 'ROLE:%' AND e.label = 'PER' AND e.name <> 'Kremlchef'").fetchone()[0]
    print(f"docs={args.docs:,} holders={args.holders:,} fill={t1 - t0:.1f}s consolidate_corpus={t2 - t1:.1f}s "
          f"bare_roles_resolved={resolved:,} " + " ".join(f"{k}={v:,}" for k, v in counts.items()))
    args.db.unlink()


if __name__ == "__main__":
    main()
