"""Veille list and person timeline at scale: 100,000 people and 1,000,000 visits.

Builds (or reuses) a SQLite file at the schema head, fills it with realistic follow-up
histories using raw inserts, then times the services against hand-written sqlite3 queries
returning the same data on the same file. Target: both under 100 ms.

    python bench/bench_visits.py [--db /tmp/escale-bench-visits.sqlite] [--fresh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import Database, sqlite_url
from db.migrate import upgrade
from desktop_app.app import Escale

PEOPLE = 100_000
VISITS = 1_000_000
STAFF = 12
TODAY = dt.date.today()
NOMS = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
        "Laurent", "Simon", "Michel", "Garcia", "Roux", "Fabre", "Vidal", "Bonnet", "Blanc", "Guerin"]
PRENOMS = ["Marie", "Jeanne", "Hélène", "Simone", "Paulette", "Jean", "Pierre", "André", "Louis",
           "Yvette", "Odette", "Marcel", "Germaine", "Raymond", "Colette", "Lucien", "Denise"]
INTERVALS = [(7, 0.10), (14, 0.20), (30, 0.40), (60, 0.20), (90, 0.10)]  # follow-up rhythm


def _rhythm(rng: random.Random) -> int:
    return rng.choices([d for d, _ in INTERVALS], [w for _, w in INTERVALS])[0]


def build(path: Path, seed: int = 7) -> None:
    """People with a follow-up rhythm; visits spaced by it, the latest a few days to a few
    months ago; person.last_contact_date / next_contact_due derived as the service does."""
    path.unlink(missing_ok=True)
    upgrade(Database(sqlite_url(path)))
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO app_user (id, username, display_name, role, active, created_at, updated_at)"
        " VALUES (?, ?, ?, 'intervenant', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        [(i, f"agent{i}", f"Agent {i}") for i in range(1, STAFF + 1)],
    )
    rhythms = [_rhythm(rng) for _ in range(PEOPLE)]
    weights = [1 / r for r in rhythms]  # frequent rhythms have more visits
    scale = VISITS / sum(weights)
    per_person = [int(w * scale) for w in weights]
    for i in range(VISITS - sum(per_person)):
        per_person[i] += 1
    people, visits, who = [], [], []
    vid = 0
    for pid in range(1, PEOPLE + 1):
        rhythm = rhythms[pid - 1]
        last = TODAY - dt.timedelta(days=int(rng.expovariate(1 / (rhythm * 0.8))))
        due = None if rng.random() < 0.3 else last + dt.timedelta(days=rhythm)
        born = dt.date(1925, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
        created = last - dt.timedelta(days=rhythm * per_person[pid - 1])
        people.append((
            pid, rng.choice(NOMS), rng.choice(PRENOMS), born.isoformat(), int(rng.random() < 0.4),
            rng.choice([None, None, 2, 3, 4, 5, 6]), int(rng.random() < 0.15),
            "actif" if rng.random() < 0.95 else "archive", last.isoformat(),
            due.isoformat() if due else None, f"{created.isoformat()} 09:00:00",
        ))
        day = last
        for k in range(per_person[pid - 1]):
            vid += 1
            visits.append((vid, pid, day.isoformat(), f"{rng.randrange(8, 18):02d}:00:00.000000",
                           rng.choice([30, 45, 60, 90]), rng.choice(["domicile", "telephone", "permanence"]),
                           rng.choice(["suivi", "convivialite", "evaluation"]), "Visite de suivi.",
                           (day + dt.timedelta(days=rhythm)).isoformat() if k == 0 and due else None))
            who.append((vid, 1, rng.randrange(1, STAFF + 1)))
            day -= dt.timedelta(days=rhythm)
    con.executemany(
        "INSERT INTO person (id, nom, prenom, date_naissance, vit_seul, gir, fragilite_isolement, statut,"
        " last_contact_date, next_contact_due, created_at, updated_at, sexe, est_beneficiaire,"
        " est_benevole, fragilite_precarite, fragilite_sante, search_text, sort_key, version_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,CURRENT_TIMESTAMP,'f',1,0,0,0,'','',1)", people)
    con.executemany(
        "INSERT INTO visit (id, person_id, date, heure, duree_minutes, mode, objet, resume,"
        " prochain_contact, created_at, updated_at, version_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,CURRENT_TIMESTAMP,CURRENT_TIMESTAMP,1)", visits)
    con.executemany("INSERT INTO visit_intervenant (visit_id, position, user_id) VALUES (?,?,?)", who)
    con.commit()
    con.execute("ANALYZE")
    con.close()


VEILLE_SQL = """
SELECT id, CASE WHEN next_contact_due < :today THEN 'prevu' WHEN last_contact_date IS NULL THEN 'jamais'
                ELSE 'sans_contact' END
FROM person
WHERE statut = 'actif'
  AND (est_beneficiaire = 1 OR EXISTS (SELECT 1 FROM aidant_link WHERE aidant_id = person.id))
  AND (next_contact_due < :today OR last_contact_date < :limit OR last_contact_date IS NULL)
ORDER BY (CASE WHEN vit_seul = 1 THEN 4 ELSE 0 END + CASE WHEN gir BETWEEN 1 AND 4 THEN 2 ELSE 0 END
          + CASE WHEN fragilite_isolement = 1 THEN 1 ELSE 0 END) DESC,
         date_naissance IS NULL, date_naissance, last_contact_date IS NOT NULL, last_contact_date, id
"""
ROWS_SQL = """SELECT id, nom, prenom, date_naissance, commune_nom, telephone, last_contact_date,
  next_contact_due, vit_seul, gir, fragilite_isolement, sexe FROM person WHERE id IN ({})"""
TIMELINE_SQL = [
    """SELECT id, date, heure, duree_minutes, mode, objet, resume, prochain_contact FROM visit
       WHERE person_id = ? ORDER BY date DESC, id DESC""",
    """SELECT vi.visit_id, vi.user_id, vi.person_id, u.display_name, p.nom, p.prenom
       FROM visit_intervenant vi LEFT JOIN app_user u ON u.id = vi.user_id
       LEFT JOIN person p ON p.id = vi.person_id
       WHERE vi.visit_id IN ({}) ORDER BY vi.visit_id, vi.position""",
    """SELECT o.visit_id, pa.nom, o.motif FROM visit_orientation o JOIN partner pa ON pa.id = o.partner_id
       WHERE o.visit_id IN ({})""",
    "SELECT visit_id, note FROM visit_confidential WHERE visit_id IN ({})",
]


def timed(fn: Callable[[], object], runs: int = 15) -> tuple[float, object]:
    """Best of ``runs`` in ms (the machine's noise only ever adds time), and the result."""
    fn()  # warm caches
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    timed.medians.append(statistics.median(times))  # type: ignore[attr-defined]
    return min(times), result


timed.medians = []  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/escale-bench-visits.sqlite")
    parser.add_argument("--fresh", action="store_true", help="rebuild the data even if the file exists")
    args = parser.parse_args()
    path = Path(args.db)
    if args.fresh or not path.exists():
        t0 = time.perf_counter()
        build(path)
        print(f"Built {PEOPLE:,} people and {VISITS:,} visits in {time.perf_counter() - t0:.0f} s: {path}")
    app = Escale.open(sqlite_url(path))
    actor = app.local_actor()
    raw = sqlite3.connect(path)
    weeks = app.veille.weeks()
    params = {"today": TODAY.isoformat(), "limit": (TODAY - dt.timedelta(weeks=weeks)).isoformat()}

    def service_veille() -> object:
        watch = app.veille.current(actor, TODAY)
        return watch.ids, watch.counts, app.veille.rows(actor, watch.ids[:100], TODAY)

    def raw_veille() -> object:
        rows = raw.execute(VEILLE_SQL, params).fetchall()
        ids = [r[0] for r in rows]
        counts = Counter(r[1] for r in rows)
        page = ids[:100]
        rows = raw.execute(ROWS_SQL.format(",".join("?" * len(page))), page).fetchall()
        return ids, counts, rows

    busiest = raw.execute("SELECT person_id FROM visit GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    n_visits = raw.execute("SELECT count(*) FROM visit WHERE person_id = ?", (busiest,)).fetchone()[0]

    def raw_timeline() -> object:
        visits = raw.execute(TIMELINE_SQL[0], (busiest,)).fetchall()
        ids = [v[0] for v in visits]
        marks = ",".join("?" * len(ids))
        return visits, [raw.execute(sql.format(marks), ids).fetchall() for sql in TIMELINE_SQL[1:]]

    results = []
    s_ms, (ids, counts, _rows) = timed(service_veille)  # type: ignore[misc]
    r_ms, (raw_ids, _c, _r) = timed(raw_veille)  # type: ignore[misc]
    assert ids == raw_ids, "the service and the raw query disagree on the veille list"
    results.append((f"Veille: {counts.total:,} people listed, counts, first 100 rows", s_ms, r_ms))
    s_ms, entries = timed(lambda: app.timeline.for_person(actor, busiest))
    r_ms, _ = timed(raw_timeline)
    assert len(entries) == n_visits  # type: ignore[arg-type]
    results.append((f"Timeline of the busiest person ({n_visits} visits)", s_ms, r_ms))
    s_ms, figures = timed(lambda: app.accueil.figures(actor, TODAY), runs=5)
    results.append((f"Accueil figures ({figures.visits:,} visits this year)", s_ms, float("nan")))  # type: ignore[attr-defined]

    print(f"\nBest of 15 runs (medians, noisier: {', '.join(f'{m:.0f}' for m in timed.medians)} ms)")  # type: ignore[attr-defined]
    print(f"{'measure':62} {'service':>10} {'raw SQL':>10} {'ratio':>7}")
    for name, s_ms, r_ms in results:
        ratio = f"{s_ms / r_ms:.2f}" if r_ms == r_ms else "—"
        raw_txt = f"{r_ms:.1f} ms" if r_ms == r_ms else "—"
        print(f"{name:62} {s_ms:7.1f} ms {raw_txt:>10} {ratio:>7}")
    app.close()
    raw.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
