"""Cross-document event identity: many reports of one event become one ``event_clusters`` row.

Two event mentions are the same event when they have
  * the same PLOVER type,
  * the same actors: the corpus-wide entity ids of sources and targets (for symmetric events such
    as phone calls the unordered set of participants); a state named by its country, capital or
    government institution ("Russland", "Moskau", "der Kreml": non-person actors coded GOV) is one
    actor, its country's government,
  * compatible modality: occurred/ongoing report what happened; planned/proposed/announced/demanded
    what is intended; possible, denied and negated each stand apart,
  * overlapping time bounds (``earliest``/``latest``; an open bound is closed ``WINDOW_DAYS`` from the
    other one, an event without bounds is placed at its article's date).
A report naming only some of the actors ("Biden telefonierte am Samstag") joins the one cluster
whose actors include them (same type, modality class, overlapping time); with two candidates it
stays apart.  A planned call and the call that then took place are two clusters linked both ways
through ``linked_to``.  Mentions without any identified actor stay alone (one cluster each):
an actor without entity and country ("die Polizei") is shown but identifies nothing.

Everything runs as set-based SQL inside DuckDB (a window-function sweep over intervals sorted per
actor block), so the cost grows with the number of event rows, not with pairs of them.
"""

from __future__ import annotations

WINDOW_DAYS = 7

_ACTOR_STRUCT = '[{"text":"VARCHAR","entity":"INTEGER","entity_key":"VARCHAR","country":"VARCHAR","sector":"VARCHAR"}]'


def merge_events(store) -> None:
    """Rebuild ``event_clusters`` from ``events`` and set ``events.cluster_id``."""
    con = store.con
    with store.transaction():
        con.execute("DELETE FROM event_clusters")
        con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ev_actor AS
            WITH raw AS (
                SELECT e.doc_id, e.idx, 'source' AS side, unnest(from_json(e.sources, '{_ACTOR_STRUCT}')) AS a
                FROM events e
                UNION ALL
                SELECT e.doc_id, e.idx, 'target' AS side, unnest(from_json(e.targets, '{_ACTOR_STRUCT}')) AS a
                FROM events e
            )
            SELECT r.doc_id, r.idx, r.side, coalesce(de.name, r.a.text) AS text, r.a.country AS country,
                   r.a.sector AS sector,
                   CASE WHEN coalesce(de.label, '') <> 'PER' AND r.a.sector = 'GOV' AND r.a.country IS NOT NULL
                        THEN 'GOV:' || r.a.country  -- Russland, Moskau, der Kreml: one state actor
                        ELSE coalesce(de.entity_id, nullif(r.a.entity_key, ''), 'text:' || lower(r.a.text))
                   END AS key,
                   -- "die Polizei", "Tausende Menschen": shown, but no identity across articles
                   (de.entity_id IS NOT NULL OR nullif(r.a.entity_key, '') IS NOT NULL
                    OR r.a.country IS NOT NULL) AS identified
            FROM raw r
            LEFT JOIN doc_entities de ON de.doc_id = r.doc_id AND de.idx = r.a.entity
        """)
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ev AS
            WITH sig AS (
                SELECT e.doc_id, e.idx, e.type,
                       coalesce(json_extract(e.attrs, '$.symmetric')::BOOLEAN, false) AS symmetric,
                       CASE WHEN e.modality IN ('occurred', 'ongoing') THEN 'realis'
                            WHEN e.modality IN ('planned', 'proposed', 'announced', 'demanded') THEN 'intended'
                            ELSE e.modality END AS mclass,
                       e.earliest, e.latest, d.date_earliest, d.date_latest
                FROM events e JOIN documents d ON d.id = e.doc_id
            ),
            actors AS (
                SELECT s.doc_id, s.idx,
                       CASE WHEN s.symmetric
                            THEN 'P:' || array_to_string(list_sort(list(DISTINCT a.key)), '|')
                            ELSE 'S:' || coalesce(array_to_string(list_sort(list(DISTINCT a.key) FILTER (WHERE a.side = 'source')), '|'), '')
                              || ' T:' || coalesce(array_to_string(list_sort(list(DISTINCT a.key) FILTER (WHERE a.side = 'target')), '|'), '')
                       END AS actor_sig,
                       list_sort(list(DISTINCT a.key)) AS keys
                FROM sig s JOIN _ev_actor a ON a.doc_id = s.doc_id AND a.idx = s.idx AND a.identified
                GROUP BY s.doc_id, s.idx, s.symmetric
            ),
            bounds AS (
                SELECT s.*, coalesce(a.actor_sig, 'none:' || s.doc_id || ':' || s.idx) AS actor_sig,
                       coalesce(a.keys, []::VARCHAR[]) AS keys,
                       coalesce(s.earliest, s.latest - INTERVAL {WINDOW_DAYS} DAY,
                                s.date_earliest - INTERVAL {WINDOW_DAYS} DAY)::DATE AS lo,
                       coalesce(s.latest, s.earliest + INTERVAL {WINDOW_DAYS} DAY,
                                s.date_latest)::DATE AS hi
                FROM sig s LEFT JOIN actors a ON a.doc_id = s.doc_id AND a.idx = s.idx
            ),
            swept AS (
                SELECT *, CASE WHEN row_number() OVER w_all = 1 THEN 1
                               WHEN lo IS NULL THEN 0
                               WHEN lo > max(hi) OVER w_prev THEN 1 ELSE 0 END AS starts
                FROM bounds
                WINDOW w_prev AS (PARTITION BY type, mclass, actor_sig, lo IS NULL ORDER BY lo, doc_id, idx
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                       w_all AS (PARTITION BY type, mclass, actor_sig, lo IS NULL ORDER BY lo, doc_id, idx)
            ),
            numbered AS (
                SELECT *, sum(starts) OVER (PARTITION BY type, mclass, actor_sig, lo IS NULL
                                            ORDER BY lo, doc_id, idx ROWS UNBOUNDED PRECEDING) AS part
                FROM swept
            )
            SELECT n.doc_id, n.idx, n.type, n.mclass, n.actor_sig, n.keys, n.lo, n.hi,
                   'ev' || substr(md5(n.type || '|' || n.mclass || '|' || n.actor_sig || '|' ||
                         first(n.doc_id || ':' || n.idx) OVER (
                             PARTITION BY n.type, n.mclass, n.actor_sig, n.lo IS NULL, n.part ORDER BY n.doc_id, n.idx)), 1, 14) AS cluster_id
            FROM numbered n
        """)
        # A report naming fewer actors ("Biden telefonierte am Samstag") joins the one cluster whose
        # actors include them, with the same type and modality class and overlapping time.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _absorb AS
            WITH ck AS (
                SELECT cluster_id, any_value(type) AS type, any_value(mclass) AS mclass,
                       any_value(keys) AS keys, min(lo) AS lo, max(hi) AS hi
                FROM _ev GROUP BY cluster_id
            )
            , by_key AS (SELECT cluster_id, unnest(keys) AS key FROM ck)
            SELECT a.cluster_id AS small, min(b.cluster_id) AS big
            FROM ck a
            JOIN by_key k ON k.key = a.keys[1] AND k.cluster_id <> a.cluster_id  -- candidates share an actor
            JOIN ck b ON b.cluster_id = k.cluster_id
             AND a.type = b.type AND a.mclass = b.mclass
             AND len(a.keys) < len(b.keys) AND list_has_all(b.keys, a.keys)
             AND a.lo <= b.hi AND b.lo <= a.hi
            WHERE len(a.keys) > 0
            GROUP BY a.cluster_id HAVING count(*) = 1
        """)
        con.execute("UPDATE _ev SET cluster_id = x.big FROM _absorb x WHERE _ev.cluster_id = x.small")
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _cl AS
            SELECT c.cluster_id AS id, any_value(c.type) AS type, mode(e.mode) AS mode,
                   CASE WHEN bool_or(e.modality = 'occurred') THEN 'occurred' ELSE mode(e.modality) END AS modality,
                   arg_max(c.actor_sig, len(c.keys)) AS actor_sig, any_value(c.mclass) AS mclass,
                   mode(e.time_value) AS time_value,
                   CASE WHEN max(e.earliest) <= min(e.latest) OR min(e.latest) IS NULL OR max(e.earliest) IS NULL
                        THEN max(e.earliest) ELSE min(e.earliest) END AS earliest,
                   CASE WHEN max(e.earliest) <= min(e.latest) OR min(e.latest) IS NULL OR max(e.earliest) IS NULL
                        THEN min(e.latest) ELSE max(e.latest) END AS latest,
                   min(c.lo) AS lo, max(c.hi) AS hi,
                   count(*) AS n_mentions, count(DISTINCT c.doc_id) AS n_articles,
                   to_json(list(DISTINCT d.source) FILTER (WHERE d.source IS NOT NULL)) AS sources
            FROM _ev c
            JOIN events e ON e.doc_id = c.doc_id AND e.idx = c.idx
            JOIN documents d ON d.id = c.doc_id
            GROUP BY c.cluster_id
        """)
        # A planned (announced, proposed, demanded) event and the matching event that took place.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _links AS
            SELECT p.id AS a, r.id AS b FROM _cl p JOIN _cl r
              ON p.type = r.type AND p.actor_sig = r.actor_sig AND p.mclass = 'intended' AND r.mclass = 'realis'
             AND (p.lo IS NULL OR r.hi IS NULL OR r.hi >= p.lo) AND (p.hi IS NULL OR r.lo IS NULL OR r.lo <= p.hi)
            UNION ALL
            SELECT r.id, p.id FROM _cl p JOIN _cl r
              ON p.type = r.type AND p.actor_sig = r.actor_sig AND p.mclass = 'intended' AND r.mclass = 'realis'
             AND (p.lo IS NULL OR r.hi IS NULL OR r.hi >= p.lo) AND (p.hi IS NULL OR r.lo IS NULL OR r.lo <= p.hi)
        """)
        con.execute("""
            INSERT INTO event_clusters (id, type, mode, modality, actors, time_value, earliest, latest,
                                        n_mentions, n_articles, sources, linked_to)
            WITH actor_list AS (
                SELECT c.cluster_id AS id,
                       to_json(list({'key': a.key, 'name': coalesce(en.name, a.text), 'side': a.side,
                                     'country': a.country, 'sector': a.sector} ORDER BY a.side, a.key)) AS actors
                FROM (SELECT DISTINCT ON (c.cluster_id, a.key, side) c.cluster_id, a.key, a.text,
                             CASE WHEN c.actor_sig LIKE 'P:%' THEN 'participant' ELSE a.side END AS side,
                             a.country, a.sector
                      FROM _ev c JOIN _ev_actor a ON a.doc_id = c.doc_id AND a.idx = c.idx
                      ORDER BY c.cluster_id, a.key, side, length(a.text) DESC) a
                JOIN (SELECT DISTINCT cluster_id FROM _ev) c ON c.cluster_id = a.cluster_id
                LEFT JOIN entities en ON en.id = a.key
                GROUP BY c.cluster_id
            ),
            links AS (SELECT a AS id, to_json(list(DISTINCT b)) AS linked_to FROM _links GROUP BY a)
            SELECT cl.id, cl.type, cl.mode, cl.modality, coalesce(al.actors, '[]'::JSON), cl.time_value,
                   cl.earliest, cl.latest, cl.n_mentions, cl.n_articles, cl.sources,
                   coalesce(l.linked_to, '[]'::JSON)
            FROM _cl cl LEFT JOIN actor_list al ON al.id = cl.id LEFT JOIN links l ON l.id = cl.id
        """)
        con.execute("""
            UPDATE events SET cluster_id = c.cluster_id FROM _ev c
            WHERE events.doc_id = c.doc_id AND events.idx = c.idx
        """)
        for table in ("_ev_actor", "_ev", "_absorb", "_cl", "_links"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
