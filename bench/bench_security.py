"""Benchmark of the security layer: audit writes (one per unit of work, and a 10 000-person
export), verifying a 100 000-entry chain, paging the journal view, and a bénévole's scoped
list among 100 000 people. Each figure is compared with hand-written sqlite3 on the same file.

    python bench/bench_security.py [--people 100000] [--entries 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from db.enums import Role
from db.models import AuditEntry, BenevoleAssignment
from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.people.records import PersonFilter
from desktop_app.security import audit
from desktop_app.security.journal import AuditFilter
from desktop_app.text import fold

NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"]
PRENOMS = ["Marie", "Jeanne", "Françoise", "Monique", "Jean", "Pierre", "André", "Odette", "Lucien", "Hélène"]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def report(label: str, ours: float, raw: float) -> None:
    print(f"{label:<52} {ours * 1000:9.1f} ms   sqlite3 {raw * 1000:8.1f} ms   ×{ours / raw:5.1f}")


def seed_people(path: Path, n: int) -> None:
    rng = random.Random(1)
    conn = sqlite3.connect(path)
    rows = []
    for _ in range(n):
        nom, prenom = rng.choice(NOMS), rng.choice(PRENOMS)
        rows.append((nom, prenom, f"{fold(nom)} {fold(prenom)}", f"{fold(nom)} {fold(prenom)}"))
    with conn:
        conn.executemany(
            "INSERT INTO person (nom, prenom, sexe, search_text, sort_key, fragilite_isolement, fragilite_precarite,"
            " fragilite_sante, est_beneficiaire, est_benevole, statut, version_id) "
            "VALUES (?, ?, 'i', ?, ?, 0, 0, 0, 1, 0, 'actif', 1)", rows)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "bench-security.sqlite"
    app = Escale.open(f"sqlite:///{path}")
    coord = app.local_actor()
    seed_people(path, args.people)
    raw = sqlite3.connect(path)
    print(f"{args.people} personnes, {args.entries} entrées de journal — {path}")

    # 1. one audit entry per unit of work (what every service call does)
    n = 1000

    def ours_single() -> None:
        for i in range(n):
            with app.db.uow() as s:
                audit.record(s, coord, "consultation", "person", i + 1, person_id=i + 1)

    def raw_single() -> None:
        prev = ""
        for i in range(n):
            with raw:
                h = hashlib.sha256(json.dumps([prev, i]).encode()).hexdigest()
                raw.execute("INSERT INTO audit_entry (at, user_id, action, entity, entity_id, person_id, fields,"
                            " detail, prev_hash, entry_hash) VALUES (?, ?, 'x', 'person', ?, ?, '', '', ?, ?)",
                            (dt.datetime.now().isoformat(), coord.user_id, i, i, prev, h))
                raw.execute("INSERT OR REPLACE INTO app_setting (key, value_json) VALUES ('bench.head', ?)",
                            (json.dumps({"id": i, "hash": h}),))
                prev = h

    report(f"{n} entrées, une transaction chacune", timed(ours_single), timed(raw_single))
    with raw:
        raw.execute("DELETE FROM audit_entry WHERE action = 'x'")

    # 2. an export of 10 000 people: one entry each, one transaction
    ids = list(range(1, 10_001))

    def ours_export() -> None:
        with app.db.uow() as s:
            audit.record_export(s, coord, "export", "liste des personnes", ids, fmt="XLSX")

    def raw_export() -> None:
        with raw:
            raw.executemany("INSERT INTO audit_entry (at, user_id, action, entity, entity_id, person_id, fields,"
                            " detail, prev_hash, entry_hash) VALUES (?, ?, 'x', 'person', ?, ?, '', '', '', '')",
                            [(dt.datetime.now().isoformat(), coord.user_id, i, i) for i in ids])

    report("export de 10 000 personnes (10 000 entrées)", timed(ours_export), timed(raw_export))
    with raw:
        raw.execute("DELETE FROM audit_entry WHERE action = 'x'")

    # fill the journal up to --entries
    with app.db.uow() as s:
        have = s.scalar(select(func.count(AuditEntry.id))) or 0
    rng = random.Random(2)
    while have < args.entries:
        chunk = min(10_000, args.entries - have)
        with app.db.uow() as s:
            audit.record_many(s, coord, rng.choice(["consultation", "modification"]), "person",
                              [(p, p) for p in (rng.randint(1, args.people) for _ in range(chunk))],
                              fields=["telephone"])
        have += chunk

    # 3. verifying the whole chain
    def raw_verify() -> None:
        prev = ""
        for row in raw.execute("SELECT prev_hash, at, user_id, action, entity, entity_id, person_id, fields,"
                               " detail, entry_hash FROM audit_entry ORDER BY id"):
            hashlib.sha256(json.dumps([prev, *row[1:9]], separators=(",", ":")).encode()).hexdigest()
            prev = row[9]

    check = None

    def ours_verify() -> None:
        nonlocal check
        check = app.audit.verify()

    report(f"vérifier la chaîne ({args.entries} entrées)", timed(ours_verify), timed(raw_verify))
    assert check is not None and check.ok, check

    # 4. the journal view: one person, then everything in a date range, page 1 and page 50
    admin = Actor(None, "bench", "Bench", Role.ADMINISTRATEUR)
    today = dt.date.today()
    pid = 4242
    report("journal : filtre par personne, page 1",
           timed(lambda: app.audit.search(admin, AuditFilter(person_id=pid))),
           timed(lambda: raw.execute("SELECT count(*) FROM audit_entry WHERE person_id = ?", (pid,)).fetchall()
                 + raw.execute("SELECT a.*, u.display_name, p.nom FROM audit_entry a LEFT JOIN app_user u ON"
                               " u.id = a.user_id LEFT JOIN person p ON p.id = a.person_id WHERE a.person_id = ?"
                               " ORDER BY a.id DESC LIMIT 100", (pid,)).fetchall()))
    report("journal : période, page 50",
           timed(lambda: app.audit.search(admin, AuditFilter(date_from=today, date_to=today), offset=4900)),
           timed(lambda: raw.execute("SELECT count(*) FROM audit_entry WHERE at >= ?", (str(today),)).fetchall()
                 + raw.execute("SELECT a.*, u.display_name, p.nom FROM audit_entry a LEFT JOIN app_user u ON"
                               " u.id = a.user_id LEFT JOIN person p ON p.id = a.person_id WHERE a.at >= ?"
                               " ORDER BY a.id DESC LIMIT 100 OFFSET 4900", (str(today),)).fetchall()))

    # 5. a bénévole's list among all the people
    with app.db.uow() as s:
        for p in (10, 20_000, 55_555, 70_001, 99_999):
            s.add(BenevoleAssignment(user_id=coord.user_id, person_id=min(p, args.people)))
    benevole = Actor(coord.user_id, "benevole", "Bénévole", Role.BENEVOLE)
    report("liste d'un bénévole (5 personnes confiées)",
           timed(lambda: app.people.list_ids(benevole, PersonFilter())),
           timed(lambda: raw.execute("SELECT id FROM person WHERE statut = 'actif' AND id IN (SELECT person_id"
                                     " FROM benevole_assignment WHERE user_id = ?) ORDER BY sort_key, id",
                                     (coord.user_id,)).fetchall()))
    report("liste complète (coordinateur), pour comparaison",
           timed(lambda: app.people.list_ids(coord, PersonFilter())),
           timed(lambda: raw.execute("SELECT id FROM person WHERE statut = 'actif' ORDER BY sort_key, id").fetchall()))
    raw.close()
    app.close()
    shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
