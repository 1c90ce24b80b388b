"""Ateliers at scale: the attendance grid of one action (15 people × 30 séances) and the
per-action figures of a busy year (2,000 séances, 200,000 attendance rows).

Builds a SQLite file at the schema head, fills it with raw inserts, then times the
services against hand-written sqlite3 queries returning the same data on the same file.
Targets: grid < 100 ms, figures of the year < 300 ms.

    python bench/bench_ateliers.py [--db /tmp/escale-bench-ateliers.sqlite] [--fresh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import Database, sqlite_url
from db.migrate import upgrade
from desktop_app.app import Escale

PEOPLE = 5_000
ACTIONS = 100  # × 20 séances = 2,000 séances
SEANCES_PER_ACTION = 20
PER_SEANCE = 100  # × 2,000 séances = 200,000 attendance rows
GRID_PEOPLE, GRID_SEANCES = 15, 30
YEAR = 2025


def build(path: Path, seed: int = 11) -> int:
    """Returns the id of the grid action (15 × 30)."""
    path.unlink(missing_ok=True)
    upgrade(Database(sqlite_url(path)))
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    now = "2025-01-01 00:00:00"
    con.executemany(
        "INSERT INTO person (id, nom, prenom, sexe, est_beneficiaire, est_benevole, statut, search_text, sort_key,"
        " fragilite_isolement, fragilite_precarite, fragilite_sante, created_at, updated_at, version_id)"
        " VALUES (?, ?, ?, 'f', 1, 0, 'actif', '', ?, 0, 0, 0, ?, ?, 1)",
        [(i, f"Nom{i:05d}", "Prénom", f"nom{i:05d}", now, now) for i in range(1, PEOPLE + 1)],
    )
    con.executemany("INSERT INTO adhesion (person_id, annee, montant, date_adhesion, created_at, updated_at)"
                    " VALUES (?, ?, 29, '2025-01-10', ?, ?)",
                    [(i, YEAR, now, now) for i in range(1, PEOPLE + 1, 5)])
    actions, seances, regs, presences, notes = [], [], [], [], []
    sid = 0
    plan = [(aid, SEANCES_PER_ACTION, PER_SEANCE) for aid in range(1, ACTIONS + 1)]
    plan.append((ACTIONS + 1, GRID_SEANCES, GRID_PEOPLE))
    for aid, n_seances, n_people in plan:
        paying = aid % 3 == 0
        actions.append((aid, f"Atelier {aid}", rng.randint(1, 14), 6 if aid % 4 else 5, f"Salle {aid % 7}",
                        f"Animateur {aid % 9}", n_people + 5, "payant" if paying else "gratuit",
                        "seance" if aid % 6 == 0 else "cycle", 12 if paying else None, 4.5 if paying else None,
                        6 if paying else None, "ouvert", now, now))
        people = rng.sample(range(1, PEOPLE + 1), n_people + 5)
        for k, pid in enumerate(people):
            statut = "inscrit" if k < n_people else "en_attente"
            regs.append((aid, pid, statut, k - n_people + 1 if statut == "en_attente" else None, "2024-12-15", now, now))
        start = dt.datetime(YEAR, 1, 6, 14) + dt.timedelta(days=aid % 5)
        for k in range(n_seances):
            sid += 1
            debut = start + dt.timedelta(weeks=k % 50, hours=(k // 50) * 3)
            statut = "annulee" if k == 7 and aid % 20 == 0 else "realisee"
            seances.append((sid, aid, debut.isoformat(" "), (debut + dt.timedelta(hours=2)).isoformat(" "),
                            statut, now, now))
            if statut == "annulee":
                continue
            for pid in people[:n_people]:
                roll = rng.random()
                presences.append((sid, pid, "present" if roll < 0.78 else "excuse" if roll < 0.93 else "absent", now))
                if roll < 0.4:
                    notes.append((sid, pid, rng.choice((3, 4, 4, 5, 5))))
    con.executemany(
        "INSERT INTO atelier_action (id, titre, theme_id, axe_cfppa, lieu, animateur, capacite, tarification,"
        " tarif_unite, prix_plein, prix_reduit, prix_adherent, statut, created_at, updated_at, version_id,"
        " type_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'cycle')", actions)
    con.executemany(
        "INSERT INTO atelier_inscription (action_id, person_id, statut, rang_attente, inscrit_le, created_at,"
        " updated_at, version_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", regs)
    con.executemany(
        "INSERT INTO atelier_seance (id, action_id, debut, fin, statut, created_at, updated_at, version_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 1)", seances)
    con.executemany(
        "INSERT INTO atelier_presence (seance_id, person_id, statut, hors_inscription, saisi_le)"
        " VALUES (?, ?, ?, 0, ?)", presences)
    con.executemany("INSERT INTO atelier_satisfaction (seance_id, person_id, note) VALUES (?, ?, ?)", notes)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    print(f"built: {len(actions)} actions, {len(seances)} séances, {len(regs)} registrations, "
          f"{len(presences)} attendance rows, {len(notes)} smileys")
    return ACTIONS + 1


def raw_grid(con: sqlite3.Connection, action_id: int) -> tuple[int, int, int]:
    seances = con.execute("SELECT id, debut, fin, statut FROM atelier_seance WHERE action_id = ?"
                          " ORDER BY debut, id", (action_id,)).fetchall()
    cells = con.execute(
        "SELECT p.seance_id, p.person_id, p.statut, p.hors_inscription FROM atelier_presence p"
        " JOIN atelier_seance s ON s.id = p.seance_id WHERE s.action_id = ?", (action_id,)).fetchall()
    people = con.execute(
        "SELECT pe.id, pe.nom, pe.prenom, i.statut FROM person pe JOIN atelier_inscription i ON i.person_id = pe.id"
        " WHERE i.action_id = ? AND i.statut != 'en_attente' ORDER BY pe.nom", (action_id,)).fetchall()
    return len(seances), len(people), len(cells)


def raw_figures(con: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = defaultdict(dict)
    for aid, statut, n in con.execute(
            "SELECT action_id, statut, count(*) FROM atelier_inscription GROUP BY action_id, statut"):
        out[aid][statut] = n
    held: dict[int, list[int]] = defaultdict(list)
    for sid, aid in con.execute("SELECT id, action_id FROM atelier_seance WHERE statut = 'realisee'"
                                " ORDER BY debut, id"):
        held[aid].append(sid)
    per_seance = dict(con.execute(
        "SELECT p.seance_id, count(*) FROM atelier_presence p JOIN atelier_seance s ON s.id = p.seance_id"
        " WHERE p.statut = 'present' AND s.statut = 'realisee' GROUP BY p.seance_id").fetchall())
    for aid, n in con.execute(
            "SELECT s.action_id, count(DISTINCT p.person_id) FROM atelier_presence p JOIN atelier_seance s"
            " ON s.id = p.seance_id WHERE p.statut = 'present' AND s.statut = 'realisee' GROUP BY s.action_id"):
        out[aid]["uniques"] = n
    for aid, total, n in con.execute(
            "SELECT s.action_id, sum(n.note), count(*) FROM atelier_satisfaction n JOIN atelier_seance s"
            " ON s.id = n.seance_id WHERE s.statut != 'annulee' GROUP BY s.action_id"):
        out[aid]["satisfaction"] = total / n
    for aid, sids in held.items():
        presences = sum(per_seance.get(x, 0) for x in sids)
        inscrits = out[aid].get("inscrit", 0)
        out[aid]["taux"] = presences / (inscrits * len(sids)) if inscrits else None
        out[aid]["retention"] = per_seance.get(sids[-1], 0) / per_seance.get(sids[0], 1)
    return out


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result, times = None, []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="/tmp/escale-bench-ateliers.sqlite")
    parser.add_argument("--fresh", action="store_true", help="rebuild the file")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = Path(args.db)
    if args.fresh or not path.exists():
        t0 = time.perf_counter()
        grid_action = build(path)
        print(f"build: {time.perf_counter() - t0:.1f} s")
    else:
        grid_action = ACTIONS + 1
    app = Escale.open(sqlite_url(path))
    actor = app.local_actor()
    con = sqlite3.connect(path)

    grid_ms, grid = timed(lambda: app.ateliers.attendance.grid(actor, grid_action), args.runs)
    raw_grid_ms, raw = timed(lambda: raw_grid(con, grid_action), args.runs)
    assert (len(grid.seances), len(grid.people), len(grid.cells)) == raw, (grid, raw)
    print(f"attendance grid {GRID_PEOPLE} people × {GRID_SEANCES} séances: {grid_ms:.1f} ms "
          f"(raw sqlite3 {raw_grid_ms:.1f} ms, ratio {grid_ms / raw_grid_ms:.1f}×) — target < 100 ms")

    fig_ms, figures = timed(lambda: app.ateliers.figures_for(actor), args.runs)
    raw_fig_ms, rawf = timed(lambda: raw_figures(con), args.runs)
    sample = figures[7]
    assert sample.inscrits == rawf[7]["inscrit"] and sample.participants_uniques == rawf[7]["uniques"]
    assert abs((sample.taux_presence or 0) - rawf[7]["taux"]) < 1e-9
    assert abs((sample.retention or 0) - rawf[7]["retention"]) < 1e-9
    rows = sum(f.presences for f in figures.values())
    print(f"per-action figures, {len(figures)} actions, {rows:,} presences: {fig_ms:.1f} ms "
          f"(raw sqlite3 {raw_fig_ms:.1f} ms, ratio {fig_ms / raw_fig_ms:.1f}×) — target < 300 ms")
    con.close()
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
