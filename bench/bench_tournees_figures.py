"""Yearly tournées figures on a large file: FiguresService.year (the service the bilans and
the Tournées page call) against a hand-written raw sqlite3 baseline computing the same
numbers on the same file.

Data: ``--years`` years of ``--passages`` passages a year (several buses); each passage is a
séance of its commune's yearly « API Bus » atelier action (4–15 people registered to the
action, two thirds present at each carried-out séance, half of them fetched at home),
written with raw inserts. Prints the timings, the ratio to the baseline, and checks both agree.

Run: ``python bench/bench_tournees_figures.py [--passages 2000] [--years 5]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import Database, sqlite_url
from db.migrate import upgrade
from desktop_app.actor import SYSTEM
from desktop_app.settings import SettingsService
from desktop_app.tournees.figures import FiguresService


def populate(path: Path, passages: int, years: int, seed: int = 3) -> int:
    """Each passage is a séance of its commune's yearly « API Bus » action: the group
    registers to the action, attendance is per séance, pick-ups per passage."""
    rnd = random.Random(seed)
    db = Database(sqlite_url(path))
    upgrade(db)
    db.dispose()
    con = sqlite3.connect(path)
    people = passages * 8  # a large département: many people come once or twice
    con.executemany(
        "INSERT INTO person (id, nom, prenom, sexe, fragilite_isolement, fragilite_precarite, fragilite_sante,"
        " est_beneficiaire, est_benevole, statut, search_text, sort_key, version_id, created_at, updated_at)"
        " VALUES (?, ?, 'P', 'i', 0, 0, 0, 1, 0, 'actif', '', '', 1, '2026-01-01', '2026-01-01')",
        [(i, f"N{i}") for i in range(1, people + 1)])
    theme = con.execute("SELECT min(id) FROM atelier_theme").fetchone()[0]
    pid = action_id = regs = 0
    start_year = 2026 - years + 1
    for year in range(start_year, 2027):
        actions: dict[str, tuple[int, list[int]]] = {}
        rows, seances, inscriptions, presences, pickups = [], [], [], [], []
        for _ in range(passages):
            pid += 1
            insee = f"34{rnd.randrange(100, 400):03d}"
            if insee not in actions:
                action_id += 1
                group = rnd.sample(range(1, people + 1), rnd.randint(4, 15))
                actions[insee] = (action_id, group)
                inscriptions += [(action_id, person, f"{year}-01-02") for person in group]
            action, group = actions[insee]
            day = dt.date(year, 1, 1) + dt.timedelta(days=rnd.randrange(360))
            status = rnd.choices(["realise", "annule", "prevu"], [0.85, 0.05, 0.10])[0]
            seance_status = {"realise": "realisee", "annule": "annulee", "prevu": "prevue"}[status]
            seances.append((pid, action, f"{day} 14:00:00.000000", f"{day} 16:30:00.000000", seance_status))
            rows.append((pid, insee, "Commune", day.isoformat(), "14:00:00.000000",
                         "16:30:00.000000", rnd.choice(["serie", "serie", "serie", "decouverte"]), status,
                         round(rnd.uniform(20, 90), 1), pid))
            for person in group:
                pickups.append((pid, person, rnd.random() < 0.5))
                if status == "realise":
                    presences.append((pid, person, "present" if rnd.random() < 0.67 else "absent"))
        con.executemany(
            "INSERT INTO atelier_action (id, titre, type_action, theme_id, axe_cfppa, tarification, tarif_unite, statut,"
            " capacite, version_id, created_at, updated_at) VALUES (?, 'API Bus', 'cycle', ?, 6, 'gratuit', 'cycle',"
            " 'ouvert', 15, 1, '2026-01-01', '2026-01-01')", [(a, theme) for a, _g in actions.values()])
        con.executemany(
            "INSERT INTO atelier_seance (id, action_id, debut, fin, statut, version_id, created_at, updated_at)"
            " VALUES (?,?,?,?,?,1,'2026-01-01','2026-01-01')", seances)
        con.executemany(
            "INSERT INTO passage (id, commune_insee, commune_nom, date, heure_debut, heure_fin, type, statut,"
            " route_km, seance_id, version_id, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,1,'2026-01-01','2026-01-01')", rows)
        con.executemany(
            "INSERT INTO atelier_inscription (action_id, person_id, statut, inscrit_le, version_id, created_at,"
            " updated_at) VALUES (?,?,'inscrit',?,1,'2026-01-01','2026-01-01')", inscriptions)
        con.executemany(
            "INSERT INTO atelier_presence (seance_id, person_id, statut, hors_inscription, saisi_le)"
            " VALUES (?,?,?,0,'2026-01-01')", presences)
        con.executemany(
            "INSERT INTO passage_participant (passage_id, person_id, besoin_transport, created_at, updated_at)"
            " VALUES (?,?,?,'2026-01-01','2026-01-01')", pickups)
        regs += len(pickups)
    con.commit()
    con.close()
    return regs


def baseline(path: Path, year: int) -> tuple[int, ...]:
    con = sqlite3.connect(path)
    lo, hi = f"{year}-01-01", f"{year}-12-31"
    done = "p.statut = 'realise' AND p.date BETWEEN ? AND ?"
    communes, km = con.execute(f"SELECT count(DISTINCT commune_insee), coalesce(sum(route_km), 0) FROM passage p WHERE {done}",
                               (lo, hi)).fetchone()
    inscrits = con.execute(
        f"SELECT count(*) FROM (SELECT p.id, i.person_id FROM passage p JOIN atelier_seance s ON s.id = p.seance_id"
        f" JOIN atelier_inscription i ON i.action_id = s.action_id WHERE {done} AND i.statut = 'inscrit'"
        f" UNION SELECT p.id, a.person_id FROM passage p JOIN atelier_presence a ON a.seance_id = p.seance_id"
        f" WHERE {done})", (lo, hi, lo, hi)).fetchone()[0]
    present = (f"SELECT p.id AS passage_id, a.person_id FROM passage p JOIN atelier_presence a ON a.seance_id = p.seance_id"
               f" WHERE {done} AND a.statut = 'present'")
    presents, unique = con.execute(f"SELECT count(*), count(DISTINCT person_id) FROM ({present})", (lo, hi)).fetchone()
    transported = con.execute(
        f"SELECT count(*) FROM ({present}) x JOIN passage_participant pp ON pp.passage_id = x.passage_id"
        f" AND pp.person_id = x.person_id AND pp.besoin_transport = 1", (lo, hi)).fetchone()[0]
    new = con.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT person_id FROM ({present}) EXCEPT SELECT DISTINCT a.person_id"
        f" FROM atelier_presence a JOIN passage p ON p.seance_id = a.seance_id WHERE p.statut = 'realise'"
        f" AND p.date < ? AND a.statut = 'present')", (lo, hi, lo)).fetchone()[0]
    con.close()
    return communes, inscrits, presents, transported, unique, new, round(km, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=2000, help="passages par an")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--strict", action="store_true", help="code de sortie 1 si une cible est manquée")
    args, _others = parser.parse_known_args()  # run_all.py passes every bench the same arguments
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tournees.sqlite"
        started = time.perf_counter()
        rows = populate(path, args.passages, args.years)
        print(f"Données : {args.years} ans × {args.passages} passages, {rows} inscrits-passages "
              f"({time.perf_counter() - started:.1f} s d'écriture)")
        db = Database(sqlite_url(path))
        service = FiguresService(db, SettingsService(db))
        service.year(SYSTEM, 2026)  # warm the caches as the application would be
        baseline(path, 2026)
        runs = 5
        t0 = time.perf_counter()
        for _ in range(runs):
            fig = service.year(SYSTEM, 2026)
        ours = (time.perf_counter() - t0) / runs
        t0 = time.perf_counter()
        for _ in range(runs):
            ref = baseline(path, 2026)
        raw = (time.perf_counter() - t0) / runs
        mine = (fig.communes_servies, fig.inscrits, fig.presents, fig.personnes_transportees, fig.personnes_uniques,
                fig.nouvelles_personnes, fig.kilometres)
        print(f"Chiffres de l'année 2026 : service {ours * 1000:.0f} ms, sqlite3 brut {raw * 1000:.0f} ms, "
              f"ratio {ours / raw:.2f}")
        print(f"  communes {mine[0]}, inscriptions {mine[1]}, présences {mine[2]}, transports {mine[3]}, "
              f"personnes {mine[4]} dont nouvelles {mine[5]}, {mine[6]} km")
        agree = mine == ref
        print(f"  mêmes chiffres que la référence : {'OUI' if agree else 'NON ' + str(ref)}")
        db.dispose()
        return 0 if agree or not args.strict else 1


if __name__ == "__main__":
    raise SystemExit(main())
