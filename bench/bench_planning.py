"""Planning at scale: the month view on the demo year scaled ×20 (the demo database's
people, visits, séances, passages with their pick-up stops, absences and recurring contacts
copied twenty times), timed per render: load the 42 days shown, find the conflicts, lay
out and paint the month into a QImage offscreen; then the same while moving to the next
months (scrolling), and a repaint alone. Target: < 100 ms per render.

The ratio compares the service's loading of the items with hand-written sqlite3 queries
returning the same rows on the same file (the query alone, no objects built).

    QT_QPA_PLATFORM=offscreen python bench/bench_planning.py [--db /tmp/escale-bench-planning.sqlite] [--fresh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.engine import sqlite_url
from desktop_app.app import Escale

SCALE = 20
OFFSET = 1_000_000  # id offset of each copy
FIRST_MONTH = dt.date(2026, 9, 1)
MONTHS = 6
TARGET_MS = 100
# table → columns shifted by the copy's offset (ids of copied rows); the others are kept
COPIES = {
    "person": ("id",),
    "visit": ("id", "person_id"),
    "visit_intervenant": ("id", "visit_id", "person_id"),
    "atelier_seance": ("id",),
    "passage": ("id", "seance_id"),
    "passage_stop": ("id", "passage_id", "person_id"),
    "passage_participant": ("id", "passage_id", "person_id"),
    "unavailability": ("id",),
    "recurring_contact": ("id", "person_id", "benevole_id"),
}


def build(path: Path) -> str:
    from desktop_app.demo import write_demo_database

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    summary = write_demo_database(path, people=300, seed=1)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    for table, shifted in COPIES.items():
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        for k in range(1, SCALE):
            select = ", ".join(f"{c} + {k * OFFSET}" if c in shifted else c for c in cols)
            con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} FROM {table} WHERE id < {OFFSET}")
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return summary


def raw_queries(path: Path, start: dt.date, end: dt.date) -> int:
    """The same rows as desktop_app.planning.sources loads for the month view, straight
    from sqlite3 (no type conversion, no objects)."""
    con = sqlite3.connect(path)
    a, b = start.isoformat(), end.isoformat()
    b_next = (end + dt.timedelta(days=1)).isoformat()
    n = len(con.execute("SELECT id, display_name FROM app_user").fetchall())
    # the month view counts the contacts made (per day and agent) and due (per day)
    counts = con.execute(
        "SELECT v.date, vi.user_id, vi.person_id, count(v.id) FROM visit v"
        " LEFT JOIN visit_intervenant vi ON vi.visit_id = v.id WHERE v.date BETWEEN ? AND ?"
        " GROUP BY v.date, vi.user_id, vi.person_id", (a, b)).fetchall()
    pids = sorted({r[2] for r in counts if r[2] is not None})
    for i in range(0, len(pids), 900):
        chunk = pids[i:i + 900]
        n += len(con.execute("SELECT id, nom, prenom FROM person WHERE id IN ({})".format(",".join("?" * len(chunk))),
                             chunk).fetchall())
    n += len(counts)
    n += len(con.execute("SELECT next_contact_due, count(id) FROM person"
                         " WHERE next_contact_due BETWEEN ? AND ? GROUP BY next_contact_due", (a, b)).fetchall())
    n += len(con.execute("SELECT r.*, p.nom, p.prenom, p.commune_nom, q.nom, q.prenom FROM recurring_contact r"
                         " JOIN person p ON p.id = r.person_id LEFT JOIN person q ON q.id = r.benevole_id"
                         " WHERE r.date_debut <= ? AND (r.date_fin IS NULL OR r.date_fin >= ?)", (b, a)).fetchall())
    n += len(con.execute("SELECT s.id, s.debut, s.fin, s.lieu, s.animateur, s.version_id, a.id, a.titre, a.lieu,"
                         " a.animateur FROM atelier_seance s JOIN atelier_action a ON a.id = s.action_id"
                         " WHERE s.debut >= ? AND s.debut < ? AND s.statut != 'annulee'", (a, b_next)).fetchall())
    passages = con.execute("SELECT p.id, p.date, p.heure_debut, p.heure_fin, p.commune_nom, p.lieu_nom, p.theme,"
                           " p.type, p.vehicle_id, p.seance_id, p.version_id, v.nom FROM passage p"
                           " LEFT JOIN vehicle v ON v.id = p.vehicle_id WHERE p.date BETWEEN ? AND ?"
                           " AND p.statut != 'annule'", (a, b)).fetchall()
    pids = [r[0] for r in passages]
    for i in range(0, len(pids), 900):
        chunk = pids[i:i + 900]
        n += len(con.execute("SELECT passage_id, min(heure_prevue), max(heure_prevue) FROM passage_stop"
                             " WHERE passage_id IN ({}) GROUP BY passage_id".format(",".join("?" * len(chunk))),
                             chunk).fetchall())
    n += len(passages)
    n += len(con.execute("SELECT u.*, v.nom FROM unavailability u LEFT JOIN vehicle v ON v.id = u.vehicle_id"
                         " WHERE u.debut < ? AND u.fin > ?", (b_next, a)).fetchall())
    con.close()
    return n


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/escale-bench-planning.sqlite")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args, _unknown = parser.parse_known_args(argv)
    path = Path(args.db)
    if args.fresh or not path.exists():
        t0 = time.perf_counter()
        build(path)
        print(f"Built {path} (demo year ×{SCALE}) in {time.perf_counter() - t0:.0f} s")

    from PySide6.QtGui import QImage

    from desktop_app.planning import conflicts
    from ui.app import create_application
    from ui.pages.planning.calendar_view import CalendarView, period

    app = create_application()
    escale = Escale.open(sqlite_url(path), purge_journal=False)
    actor = escale.local_actor()
    view = CalendarView()
    view.resize(1100, 720)
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)

    def render(month: dt.date) -> int:
        days = period("mois", month)
        items = escale.planning.items(actor, days[0], days[-1], summary=True)
        keys = frozenset(k for c in conflicts.find(items) for k in c.keys)
        view.set_period("mois", month)
        view.set_items(items, keys)
        paint()
        return len(items)

    def paint() -> None:
        view.render(image)

    failed = False
    first = FIRST_MONTH
    days = period("mois", first)
    q_ms, rows = timed(lambda: raw_queries(path, days[0], days[-1]))
    load_ms, items = timed(lambda: escale.planning.items(actor, days[0], days[-1], summary=True))
    detail_ms, detail = timed(lambda: escale.planning.items(actor, days[0], days[-1]), 2)
    conf_ms, found = timed(lambda: conflicts.find(items))  # type: ignore[arg-type]
    open_ms, count = timed(lambda: render(first))
    print(f"Month of {first:%m/%Y} (42 days): {count} items, {len(found)} conflicts")  # type: ignore[arg-type]
    print(f"  raw sqlite3 queries alone : {q_ms:7.1f} ms ({rows} rows)")
    print(f"  service load (items)      : {load_ms:7.1f} ms  (ratio to the raw queries: {load_ms / q_ms:.1f}×)")
    print(f"  service load, every contact listed (week/day detail): {detail_ms:7.1f} ms ({len(detail)} items)")  # type: ignore[arg-type]
    print(f"  conflicts (sort + sweep)  : {conf_ms:7.1f} ms")
    print(f"  full render (load+conflicts+layout+paint): {open_ms:7.1f} ms  (ratio to the raw queries: "
          f"{open_ms / q_ms:.1f}×)")
    repaint_ms, _ = timed(paint, 10)
    print(f"  repaint alone (cached layout): {repaint_ms:5.1f} ms")
    scroll = []
    month = first
    for _ in range(MONTHS):
        month = (month.replace(day=28) + dt.timedelta(days=5)).replace(day=1)
        ms, n = timed(lambda m=month: render(m), 3)  # type: ignore[misc]
        scroll.append(ms)
        print(f"  scroll to {month:%m/%Y}: {ms:6.1f} ms ({n} items)")
    worst = max([open_ms, *scroll])
    verdict = "OK" if worst < TARGET_MS else "MISSED"
    failed = worst >= TARGET_MS
    print(f"Worst render {worst:.1f} ms, target < {TARGET_MS} ms: {verdict}")
    escale.close()
    view.deleteLater()
    app.processEvents()  # the view goes while Qt is alive, not in the interpreter's final collection
    gc.collect()
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # The interpreter's final garbage collection of this run aborts inside PySide6
    # (« none_dealloc ») after every figure is printed; leave without it.
    os._exit(code)
