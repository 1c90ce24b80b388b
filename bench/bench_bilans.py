"""Bilan of one year at scale: 100,000 people, 1,000,000 visits (four years), 200,000
attendance rows (2,000 séances) — time to compute the figures, against hand-written sqlite3
aggregates returning the same figures on the same file, and time to write the PDF.
Targets: compute < 1 s, ratio to raw SQL ≤ 1.5, PDF < 5 s.

    python bench/bench_bilans.py [--db /tmp/escale-bench-bilans.sqlite] [--fresh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import Database, sqlite_url
from db.migrate import upgrade
from desktop_app.app import Escale

PEOPLE, VISITS, ACTIONS, SEANCES, PER_SEANCE = 100_000, 1_000_000, 100, 20, 100
YEAR = 2025
COMMUNES = [f"34{n:03d}" for n in range(1, 61)] + ["30189", "11069", None]


def build(path: Path, seed: int = 5) -> None:
    path.unlink(missing_ok=True)
    upgrade(Database(sqlite_url(path)))
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    now = "2025-01-01 00:00:00"
    people = []
    for pid in range(1, PEOPLE + 1):
        born = None if rng.random() < 0.05 else dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(365 * 50))
        insee = rng.choice(COMMUNES)
        people.append((pid, f"Nom{pid}", "Prénom", rng.choice("ffffhhhi"), born.isoformat() if born else None,
                       rng.choice([None, None, 1, 2, 3, 4, 5, 6]), rng.choice([None, 0, 1, 1]), insee,
                       f"Commune {insee}" if insee else None, "archive" if rng.random() < 0.02 else "actif"))
    con.executemany(
        "INSERT INTO person (id, nom, prenom, sexe, date_naissance, gir, vit_seul, commune_insee, commune_nom, statut,"
        " est_beneficiaire, est_benevole, fragilite_isolement, fragilite_precarite, fragilite_sante, search_text,"
        " sort_key, created_at, updated_at, version_id) VALUES (?,?,?,?,?,?,?,?,?,?,1,0,0,0,0,'','',?,?,1)",
        [(*p, now, now) for p in people])
    con.executemany("INSERT INTO aidant_link (aidant_id, aide_id, relation, created_at, updated_at)"
                    " VALUES (?, ?, 'enfant', ?, ?)", [(i, i + 1, now, now) for i in range(1, PEOPLE, 20)])
    start = dt.date(YEAR - 3, 1, 1)
    visits = [(pid, (start + dt.timedelta(days=rng.randrange(365 * 4))).isoformat(),
               rng.choice(["domicile", "domicile", "telephone", "permanence", "bus", "visio"]),
               rng.choice(["suivi", "suivi", "convivialite", "evaluation", "repit", "acces_droits", "orientation"]))
              for pid in (rng.randrange(1, PEOPLE + 1) for _ in range(VISITS))]
    con.executemany("INSERT INTO visit (person_id, date, duree_minutes, mode, objet, created_at, updated_at, version_id)"
                    " VALUES (?, ?, 45, ?, ?, '2025-01-01', '2025-01-01', 1)", visits)
    con.execute("INSERT INTO partner (id, nom, type, archived, search_text, sort_key, created_at, updated_at, version_id)"
                " VALUES (1, 'Carsat', 'caisse_retraite', 0, '', 'carsat', ?, ?, 1)", (now, now))
    con.executemany("INSERT INTO funding_line (id, financeur_id, annee, montant, action, statut, created_at, updated_at,"
                    " version_id) VALUES (?, 1, ?, ?, ?, 'verse', ?, ?, 1)",
                    [(i, YEAR, 1000 * i, f"Action {i}", now, now) for i in range(1, 11)])
    sid = 0
    seances, regs, presences, notes = [], [], [], []
    for aid in range(1, ACTIONS + 1):
        con.execute("INSERT INTO atelier_action (id, titre, type_action, theme_id, axe_cfppa, tarification, tarif_unite,"
                    " statut, created_at, updated_at, version_id) VALUES (?, ?, 'cycle', ?, 6, 'gratuit', 'cycle',"
                    " 'ouvert', ?, ?, 1)", (aid, f"Atelier {aid}", 1 + aid % 14, now, now))
        group = rng.sample(range(1, PEOPLE + 1), PER_SEANCE + 5)
        regs += [(aid, pid, "inscrit" if k < PER_SEANCE else "en_attente", now[:10], now, now)
                 for k, pid in enumerate(group)]
        for k in range(SEANCES):
            sid += 1
            debut = dt.datetime(YEAR, 1, 6, 10) + dt.timedelta(days=aid % 5, weeks=k * 2)
            statut = "annulee" if k == 5 and aid % 10 == 0 else "realisee"
            seances.append((sid, aid, debut.isoformat(" "), (debut + dt.timedelta(hours=2)).isoformat(" "), statut,
                            now, now))
            for pid in group[:PER_SEANCE]:
                presences.append((sid, pid, "present" if rng.random() < 0.8 else "absent", now))
                if rng.random() < 0.25:
                    notes.append((sid, pid, rng.randint(2, 5)))
    con.executemany("INSERT INTO atelier_seance (id, action_id, debut, fin, statut, created_at, updated_at, version_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 1)", seances)
    con.executemany("INSERT INTO atelier_inscription (action_id, person_id, statut, inscrit_le, created_at, updated_at,"
                    " version_id) VALUES (?, ?, ?, ?, ?, ?, 1)", regs)
    con.executemany("INSERT INTO atelier_presence (seance_id, person_id, statut, hors_inscription, saisi_le)"
                    " VALUES (?, ?, ?, 0, ?)", presences)
    con.executemany("INSERT INTO atelier_satisfaction (seance_id, person_id, note) VALUES (?, ?, ?)", notes)
    con.executemany("INSERT INTO action_funding (action_id, funding_line_id) VALUES (?, ?)",
                    [(aid, 1 + aid % 10) for aid in range(1, ACTIONS + 1)])
    con.commit()
    con.execute("ANALYZE")
    con.close()


ARCHIVED = "SELECT id FROM person WHERE statut = 'archive'"
HELD = "s.statut = 'realisee' AND s.debut >= :start AND s.debut < :end"
VISITED = "EXISTS (SELECT 1 FROM visit v WHERE v.person_id = pe.id AND v.date BETWEEN :d0 AND :d1)"
PRESENT = f"""EXISTS (SELECT 1 FROM atelier_presence p JOIN atelier_seance s ON s.id = p.seance_id
  WHERE p.person_id = pe.id AND p.statut = 'present' AND {HELD})"""
REACHED = f"pe.statut != 'archive' AND ({VISITED} OR {PRESENT})"
AGE = """CASE WHEN pe.date_naissance IS NOT NULL THEN :y - CAST(strftime('%Y', pe.date_naissance) AS INTEGER)
  - (CAST(strftime('%m', pe.date_naissance) AS INTEGER) * 100 + CAST(strftime('%d', pe.date_naissance) AS INTEGER) > :md)
  WHEN pe.annee_naissance IS NOT NULL THEN :y - pe.annee_naissance END"""
RAW = {
    "people": f"""WITH r AS MATERIALIZED (SELECT pe.commune_insee AS insee, pe.commune_nom AS nom, pe.sexe, {AGE} AS a,
        CASE WHEN pe.gir IS NULL THEN 2 WHEN pe.gir <= 4 THEN 0 ELSE 1 END AS girb, coalesce(pe.vit_seul, 2) AS alone,
        EXISTS (SELECT 1 FROM aidant_link l WHERE l.aidant_id = pe.id) AS aidant,
        CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.person_id = pe.id AND v.date < :d0) THEN 0 WHEN EXISTS (
          SELECT 1 FROM atelier_presence p JOIN atelier_seance s ON s.id = p.seance_id WHERE p.person_id = pe.id
          AND p.statut = 'present' AND s.statut = 'realisee' AND s.debut < :start) THEN 0 ELSE 1 END AS new
      FROM person pe WHERE {REACHED})
      SELECT 'c', sexe, CASE WHEN a IS NULL THEN 7 WHEN a < 60 THEN 0 WHEN a < 70 THEN 1 WHEN a < 75 THEN 2
        WHEN a < 80 THEN 3 WHEN a < 85 THEN 4 WHEN a < 90 THEN 5 ELSE 6 END, girb, alone, aidant, new, NULL, NULL,
        count(*), sum(a), count(a) FROM r GROUP BY 2, 3, 4, 5, 6, 7
      UNION ALL SELECT 'm', NULL, NULL, NULL, NULL, NULL, NULL, insee, min(nom), count(*), NULL, NULL
      FROM r GROUP BY insee""",
    "seances": f"SELECT s.action_id, s.debut, s.fin FROM atelier_seance s WHERE {HELD}",
    "actions": "SELECT a.id, a.titre, t.libelle, a.axe_cfppa FROM atelier_action a JOIN atelier_theme t"
               " ON t.id = a.theme_id",
    "regs": f"SELECT action_id, statut, count(*) FROM atelier_inscription WHERE person_id NOT IN ({ARCHIVED})"
            " GROUP BY action_id, statut",
    "presences": f"""SELECT q.aid, sum(q.n), count(*), sum(CASE WHEN i.statut = 'inscrit' THEN q.n ELSE 0 END)
      FROM (SELECT s.action_id AS aid, p.person_id AS pid, count(*) AS n FROM atelier_seance s
            JOIN atelier_presence p ON p.seance_id = s.id WHERE {HELD} AND p.statut = 'present'
            GROUP BY s.action_id, p.person_id) q
      LEFT JOIN atelier_inscription i ON i.action_id = q.aid AND i.person_id = q.pid
      WHERE q.pid NOT IN ({ARCHIVED}) GROUP BY q.aid""",
    "satisfaction": f"""SELECT s.action_id, avg(n.note), count(*) FROM atelier_seance s
      JOIN atelier_satisfaction n ON n.seance_id = s.id WHERE {HELD} GROUP BY s.action_id""",
    "notes": f"""SELECT n.note, count(*) FROM atelier_satisfaction n JOIN atelier_seance s ON s.id = n.seance_id
      WHERE {HELD} GROUP BY n.note""",
    "unique": f"SELECT count(*) FROM person pe WHERE pe.statut != 'archive' AND {PRESENT}",
    "visits": "SELECT mode, objet, count(*) FROM visit WHERE date BETWEEN :d0 AND :d1 GROUP BY 1, 2",
    "visits_archived": f"SELECT mode, objet, count(*) FROM visit WHERE date BETWEEN :d0 AND :d1"
                       f" AND person_id IN ({ARCHIVED}) GROUP BY 1, 2",
    "visited": f"SELECT count(*) FROM person pe WHERE pe.statut != 'archive' AND {VISITED}",
    "funding": "SELECT pa.nom, f.annee, f.action, f.axe_cfppa, f.statut, f.montant FROM funding_line f"
               " JOIN partner pa ON pa.id = f.financeur_id WHERE f.annee = :y",
}
PARAMS = {"d0": f"{YEAR}-01-01", "d1": f"{YEAR}-12-31", "start": f"{YEAR}-01-01 00:00:00.000000",
          "end": f"{YEAR + 1}-01-01 00:00:00.000000", "y": YEAR, "md": 1231}


def raw_figures(con: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {key: con.execute(sql, PARAMS).fetchall() for key, sql in RAW.items()}


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    fn()  # warm the page cache
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "escale-bench-bilans.sqlite"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args, _unknown = parser.parse_known_args()
    path = Path(args.db)
    if args.fresh or not path.exists():
        t0 = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    app = Escale.open(sqlite_url(path), purge_journal=False)
    from desktop_app.bilans import pdf
    from desktop_app.bilans.service import BilanService, period_of

    actor = app.local_actor()
    service = BilanService(app.db, app.settings, app.tournees.figures)
    scope = service.scope(actor, None)
    t_service, bilan = timed(lambda: service.compute(actor, period_of(YEAR), scope), args.runs)
    con = sqlite3.connect(path)
    con.execute("PRAGMA cache_size=-65536")  # the same page cache as the application's connections
    con.execute("PRAGMA temp_store=MEMORY")
    t_raw, raw = timed(lambda: raw_figures(con), args.runs)
    total_raw = sum(row[9] for row in raw["people"] if row[0] == "c")  # type: ignore[index]
    people = bilan.section("personnes").figures[0].value  # type: ignore[union-attr]
    presences = bilan.section("ateliers").figures[4].value  # type: ignore[union-attr]
    raw_presences = sum(row[1] for row in raw["presences"])  # type: ignore[index]
    assert people == total_raw, (people, total_raw)
    assert presences == raw_presences, (presences, raw_presences)
    by_section: dict[str, float] = defaultdict(float)
    from desktop_app.bilans.context import BilanContext
    from desktop_app.bilans.registry import SECTIONS

    with app.db.read() as s:
        ctx = BilanContext(s, actor, period_of(YEAR), scope, 5, app.tournees.figures)
        for key, build_section in SECTIONS:
            t0 = time.perf_counter()
            build_section(ctx)
            by_section[key] = time.perf_counter() - t0
    out = Path(tempfile.gettempdir()) / "escale-bench-bilan.pdf"
    t_pdf, _ = timed(lambda: pdf.write(bilan, out), 3)
    ratio = t_service / t_raw
    print(f"bilan {YEAR}: {people} people reached, {presences} presences")
    print("  per section: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in by_section.items()))
    print(f"compute figures: {t_service * 1000:.0f} ms (target < 1000 ms)  "
          f"raw SQL: {t_raw * 1000:.0f} ms  ratio {ratio:.2f} (target <= 1.5)")
    print(f"write PDF: {t_pdf * 1000:.0f} ms (target < 5000 ms), {out.stat().st_size // 1024} KB")
    app.close()
    ok = t_service < 1 and ratio <= 1.5 and t_pdf < 5
    print("OK" if ok else "TARGET MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
