"""Benchmark of data protection on a large file: the retention review, anonymising 1,000
files, exporting one person's file, a verified backup, and the cost of encryption (open,
review, backup, a full-table count) — each compared with hand-written sqlite3 on the same
file (the plain file for the plain figures).

    python bench/bench_rgpd.py [--people 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, update

from db import crypto
from db.backup import copy_database
from db.engine import sqlite_url
from db.models import Person
from desktop_app.app import Escale
from desktop_app.demo.generator import DemoGenerator
from desktop_app.demo.writer import write_people
from desktop_app.encryption import encrypt_database
from desktop_app.people.records import PersonFilter

PASSPHRASE = "Banc-d'essai Lodève 2026 !"


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def report(label: str, ours: float, raw: float) -> None:
    print(f"{label:<50} {ours * 1000:9.1f} ms   sqlite3 {raw * 1000:8.1f} ms   ×{ours / raw:5.1f}", flush=True)


def build(path: Path, people: int) -> None:
    app = Escale.open(sqlite_url(path))
    with app.db.uow() as s:
        write_people(s, DemoGenerator(people, 7))
        # one file in twelve has had no contact for more than two years
        s.execute(update(Person).where(Person.id % 12 == 0)
                  .values(last_contact_date=dt.date.today() - dt.timedelta(days=900)))
    app.local_actor()
    app.close()


def raw_review(path: Path, cutoff: dt.date) -> int:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT id, nom, prenom, statut, annee_naissance, commune_nom, last_contact_date, archived_at "
            "FROM person WHERE statut IN ('actif','decede') AND anonymised_at IS NULL "
            "AND (last_contact_date < ? OR (last_contact_date IS NULL AND created_at < ?)) "
            "ORDER BY last_contact_date, sort_key, id", (cutoff.isoformat(), cutoff.isoformat())).fetchall()
    return len(rows)


def raw_anonymise(path: Path, ids: list[int]) -> None:
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "UPDATE person SET nom='Anonyme', prenom='n° '||id, date_naissance=NULL, adresse=NULL, telephone=NULL, "
            "email=NULL, urgence_nom=NULL, medecin_traitant=NULL, statut='anonymise' WHERE id=?", [(i,) for i in ids])


def raw_backup(path: Path, target: Path) -> None:
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    args, _shared = parser.parse_known_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-rgpd-"))
    try:
        plain, raw_copy = work / "claire.sqlite", work / "brute.sqlite"
        seconds, _ = timed(lambda: build(plain, args.people))
        print(f"{args.people} personnes écrites en {seconds:.1f} s ({plain.stat().st_size // 1_048_576} Mo)")
        shutil.copy(plain, raw_copy)

        app = Escale.open(sqlite_url(plain))
        actor = app.local_actor()
        ours, review = timed(lambda: app.retention.review(actor))
        raw, count = timed(lambda: raw_review(raw_copy, app.retention.cutoff()))
        assert len(review.due) == count  # type: ignore[attr-defined]
        report(f"Revue de conservation ({count} fiches à examiner)", ours, raw)

        ids = [r.id for r in review.due[:1000]]  # type: ignore[attr-defined]
        ours, _ = timed(lambda: app.retention.anonymise(actor, ids))
        raw, _ = timed(lambda: raw_anonymise(raw_copy, ids))
        report("Anonymiser 1 000 fiches (audit compris)", ours, raw)

        pid = app.people.list_ids(actor, PersonFilter())[0]
        ours, _ = timed(lambda: app.rights.export_person(actor, pid, work / "d.pdf", work / "d.json"))
        raw, _ = timed(lambda: sqlite3.connect(raw_copy).execute("SELECT * FROM person WHERE id=?", (pid,)).fetchall())
        report("Export d'un dossier (PDF + JSON) / lecture brute", ours, raw)

        ours, _ = timed(lambda: copy_database(app.db, work / "sauvegarde.sqlite"))
        raw, _ = timed(lambda: raw_backup(raw_copy, work / "brute-sauvegarde.sqlite"))
        report("Sauvegarde vérifiée (integrity_check compris)", ours, raw)
        app.close()

        ours, _ = timed(lambda: encrypt_database(plain, PASSPHRASE))
        raw, _ = timed(lambda: raw_backup(raw_copy, work / "brute-2.sqlite"))
        report("Chiffrer la base (copie vérifiée + bascule)", ours, raw)
        assert crypto.is_encrypted_file(plain)

        ours, enc = timed(lambda: Escale.open(sqlite_url(plain), passphrase=PASSPHRASE))
        raw, _ = timed(lambda: sqlite3.connect(raw_copy).execute("SELECT count(*) FROM sqlite_master").fetchall())
        report("Ouvrir la base chiffrée (dérivation de clé)", ours, raw)
        enc_app: Escale = enc  # type: ignore[assignment]
        ours, _ = timed(lambda: enc_app.retention.review(actor))
        raw, _ = timed(lambda: raw_review(raw_copy, enc_app.retention.cutoff()))
        report("Revue de conservation, base chiffrée", ours, raw)

        def count_by_commune() -> object:
            with enc_app.db.read() as s:
                return s.execute(select(Person.commune_insee, func.count()).group_by(Person.commune_insee)).all()

        ours, _ = timed(count_by_commune)
        raw, _ = timed(lambda: sqlite3.connect(raw_copy).execute(
            "SELECT commune_insee, count(*) FROM person GROUP BY commune_insee").fetchall())
        report("Comptage par commune, base chiffrée", ours, raw)
        ours, _ = timed(lambda: copy_database(enc_app.db, work / "sauvegarde-chiffree.sqlite"))
        raw, _ = timed(lambda: raw_backup(raw_copy, work / "brute-3.sqlite"))
        report("Sauvegarde vérifiée, base chiffrée", ours, raw)
        enc_app.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
