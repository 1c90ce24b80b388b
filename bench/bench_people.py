"""Personnes page with 100,000 people: time to show the first rows, and search-as-you-type
latency, each against the same query written by hand in raw sqlite3 on the same file.

    python bench/bench_people.py [--people 100000] [--keep PATH] [--repeat 3] [--verbose]

Targets (issue 2): first rows ≤ 150 ms, search p95 ≤ 30 ms, Escale / raw ≤ 2.

The page asks ``PeopleService.list_ids`` for the ordered ids, then ``rows`` for the ones
it shows. When ``list_ids`` accepts ``limit=``, the capped path (first CAP ids only) is
measured as well.
"""

from __future__ import annotations

import argparse
import inspect
import math
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.engine import sqlite_url
from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.demo import write_demo_database
from desktop_app.people.records import PersonFilter
from desktop_app.people.service import PeopleService
from desktop_app.text import fold

FIRST_PAGE = 200  # rows fetched when the page opens
SEARCH_PAGE = 100  # rows fetched after each keystroke
CAP = 500  # ids asked for first when list_ids supports a limit
TARGET_OPEN_MS, TARGET_SEARCH_P95_MS, TARGET_RATIO = 150.0, 30.0, 2.0
# Typed letter by letter: « d », « du », « dup »… 50 queries in all.
WORDS = ("dupont", "helene", "saint jean", "marti", "06 12", "lodeve", "garcia", "noel", "04 67")
ROW_SQL = (
    "SELECT id, nom, prenom, date_naissance, commune_nom, code_postal, telephone, gir, statut,"
    " est_beneficiaire, est_benevole,"
    " EXISTS (SELECT 1 FROM aidant_link WHERE aidant_link.aidant_id = person.id),"
    " EXISTS (SELECT 1 FROM aidant_link WHERE aidant_link.aide_id = person.id),"
    " last_contact_date FROM person WHERE id IN ({marks})"
)
Search = list[tuple[str, int, float, float]]  # (query, hits, escale s, raw s)


def typed_queries(words: Sequence[str] = WORDS) -> list[str]:
    """Every prefix a user sees while typing, skipping the ones ending on a space."""
    return [w[:n] for w in words for n in range(1, len(w) + 1) if not w[:n].endswith(" ")]


def ms(seconds: float) -> float:
    return seconds * 1000.0


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls (seconds) and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def service_has_limit() -> bool:
    return "limit" in inspect.signature(PeopleService.list_ids).parameters


class EscaleSide:
    """What the Personnes page does through the core service."""

    def __init__(self, path: Path) -> None:
        self.app = Escale.open(sqlite_url(path))
        self.actor: Actor = self.app.local_actor()

    def page(self, text: str, size: int, cap: int | None) -> int:
        flt = PersonFilter(text=text)
        if cap is None:
            ids = self.app.people.list_ids(self.actor, flt)
        else:
            ids = self.app.people.list_ids(self.actor, flt, limit=cap)  # type: ignore[call-arg]
        self.app.people.rows(self.actor, ids[:size])
        return len(ids)

    def close(self) -> None:
        self.app.close()


class RawSide:
    """The same two queries written by hand with the sqlite3 module."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)

    def page(self, text: str, size: int, cap: int | None) -> int:
        tokens = fold(text).split()
        where = "".join(" AND search_text LIKE ?" for _ in tokens)
        limit = f" LIMIT {cap}" if cap is not None else ""
        sql = f"SELECT id FROM person WHERE statut = 'actif'{where} ORDER BY sort_key, id{limit}"
        ids = [r[0] for r in self.conn.execute(sql, [f"%{t}%" for t in tokens])]
        first = ids[:size]
        if first:
            rows = self.conn.execute(ROW_SQL.format(marks=",".join("?" * len(first))), first).fetchall()
            by_id = {r[0]: r for r in rows}
            [by_id[i] for i in first]
        return len(ids)

    def close(self) -> None:
        self.conn.close()


def ensure_database(people: int, seed: int, keep: str | None) -> tuple[Path, Path | None]:
    """The database to measure, and a temporary folder to delete afterwards (if any)."""
    if keep:
        path = Path(keep).expanduser().resolve()
        if path.exists():
            print(f"Reusing {path}")
            return path, None
        folder = None
    else:
        folder = Path(tempfile.mkdtemp(prefix="escale-bench-"))
        path = folder / "people.sqlite"
    start = time.perf_counter()
    print(write_demo_database(path, people=people, seed=seed))
    print(f"  written in {time.perf_counter() - start:.1f} s")
    return path, folder


def measure_open(path: Path, repeat: int, cap: int | None) -> dict[str, tuple[float, float]]:
    """(escale, raw) seconds: first page on a fresh connection (median of ``repeat``
    openings), then the warm median of 10 reloads."""
    cold_e: list[float] = []
    cold_r: list[float] = []
    for _ in range(repeat):
        for side, times in ((EscaleSide(path), cold_e), (RawSide(path), cold_r)):
            times.append(timed(lambda s=side: s.page("", FIRST_PAGE, cap), 1)[0])  # type: ignore[misc]
            side.close()
    side_e, side_r = EscaleSide(path), RawSide(path)
    warm = (timed(lambda: side_e.page("", FIRST_PAGE, cap), 10)[0],
            timed(lambda: side_r.page("", FIRST_PAGE, cap), 10)[0])
    side_e.close()
    side_r.close()
    return {"cold": (statistics.median(cold_e), statistics.median(cold_r)), "warm": warm}


def measure_search(path: Path, repeat: int, cap: int | None) -> Search:
    """(query, hits, escale seconds, raw seconds) for every typed prefix."""
    side_e, side_r = EscaleSide(path), RawSide(path)
    side_e.page("a", SEARCH_PAGE, cap)  # warm both connections and caches the same way
    side_r.page("a", SEARCH_PAGE, cap)
    results = []
    for query in typed_queries():
        t_e, hits = timed(lambda q=query: side_e.page(q, SEARCH_PAGE, cap), repeat)  # type: ignore[misc]
        t_r, _ = timed(lambda q=query: side_r.page(q, SEARCH_PAGE, cap), repeat)  # type: ignore[misc]
        results.append((query, int(hits), t_e, t_r))  # type: ignore[call-overload]
    side_e.close()
    side_r.close()
    return results


def print_queries(title: str, searches: Search) -> None:
    print(f"\n{title}\n{'query':<14}{'hits':>8}{'escale ms':>12}{'raw ms':>10}{'ratio':>8}")
    for query, hits, t_e, t_r in searches:
        print(f"{query!r:<14}{hits:>8}{ms(t_e):>12.1f}{ms(t_r):>10.1f}{t_e / t_r:>8.2f}")


def report(opening: dict[str, tuple[float, float]], searches: Search, what: str) -> bool:
    """One block of the summary table; True when every target of the block is met."""
    med = (statistics.median(s[2] for s in searches), statistics.median(s[3] for s in searches))
    high = (p95([s[2] for s in searches]), p95([s[3] for s in searches]))
    lines = [
        (f"Page first open, {what}", *opening["cold"], TARGET_OPEN_MS),
        (f"Page reopen (warm), {what}", *opening["warm"], TARGET_OPEN_MS),
        (f"Search median, {what}", *med, None),
        (f"Search p95, {what}", *high, TARGET_SEARCH_P95_MS),
    ]
    all_ok = True
    for label, t_e, t_r, target in lines:
        ratio = t_e / t_r
        ok = (target is None or ms(t_e) <= target) and ratio <= TARGET_RATIO
        all_ok &= ok
        goal = f"≤ {target:.0f} ms, ×{TARGET_RATIO:g}" if target else f"×{TARGET_RATIO:g}"
        print(f"{label:<36}{ms(t_e):>10.1f}{ms(t_r):>9.1f}{ratio:>7.2f}  {goal:<14}{'ok' if ok else 'MISSED'}")
    ratios = [s[2] / s[3] for s in searches]
    print(f"{'  search ratio per query':<36}{'median':>19}{statistics.median(ratios):>7.2f}  max {max(ratios):.2f}")
    return all_ok


def diagnose(path: Path, repeat: int) -> None:
    """Where the time goes: query plans, SQL work alone (count) against fetching every id,
    and the commune list the page reloads on each refresh."""
    conn = sqlite3.connect(path)
    print("\nDiagnostics (raw sqlite3 unless said)")
    for label, where, args in (("default list", "", ()), ("search 'n'", " AND search_text LIKE ?", ("%n%",)),
                               ("search 'lodeve'", " AND search_text LIKE ?", ("%lodeve%",))):
        ids_sql = f"SELECT id FROM person WHERE statut = 'actif'{where} ORDER BY sort_key, id"
        plan = " | ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {ids_sql}", args))
        t_count, n = timed(lambda w=where, a=args: conn.execute(  # type: ignore[misc]
            f"SELECT count(*) FROM person WHERE statut = 'actif'{w}", a).fetchone()[0], repeat)
        t_ids, _ = timed(lambda q=ids_sql, a=args: conn.execute(q, a).fetchall(), repeat)  # type: ignore[misc]
        print(f"  {label:<16}{n:>7} ids: count(*) {ms(t_count):6.1f} ms, all ordered ids {ms(t_ids):6.1f} ms;"
              f" plan: {plan}")
    conn.close()
    side = EscaleSide(path)
    t_communes, communes = timed(lambda: side.app.people.communes_in_use(side.actor), repeat)
    side.close()
    print(f"  PeopleService.communes_in_use ({len(communes)} communes, reloaded by the page on each "  # type: ignore[arg-type]
          f"refresh): {ms(t_communes):.1f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="PATH", help="reuse this database, or write it there and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median is kept)")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless one measured path (all ids, or first CAP ids) meets every target")
    args = parser.parse_args(argv)
    path, folder = ensure_database(args.people, args.seed, args.keep)
    caps: list[int | None] = [None, CAP] if service_has_limit() else [None]
    try:
        results = [(cap, measure_open(path, args.repeat, cap), measure_search(path, args.repeat, cap))
                   for cap in caps]
        with sqlite3.connect(path) as conn:
            people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        if args.verbose:
            for cap, _, searches in results:
                print_queries("All ids" if cap is None else f"First {cap} ids", searches)
        print(f"\nPeople: {people:,}".replace(",", " "))
        print(f"{'measure':<36}{'escale ms':>10}{'raw ms':>9}{'ratio':>7}  {'target':<14}verdict")
        verdicts = [report(opening, searches, "all ids" if cap is None else f"first {cap} ids")
                    for cap, opening, searches in results]
        if len(caps) == 1:
            print(f"(PeopleService.list_ids has no limit= parameter: the capped path, first {CAP} ids, "
                  "is not measured)")
        diagnose(path, args.repeat)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if args.strict and not any(verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
