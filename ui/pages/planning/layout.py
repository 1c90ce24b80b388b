"""Placing calendar items, without Qt: items bucketed by day once (an absence over three
days is in three buckets), and side-by-side columns for the items of a day that overlap.
The calendar view keeps the result until the items or the period change, so painting and
scrolling never re-sort anything."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.planning.records import SUMMARIES, PlanningItem


@dataclass(frozen=True, slots=True)
class Placed:
    item: PlanningItem
    start: dt.datetime  # clipped to the day
    end: dt.datetime
    column: int
    columns: int


def by_day(items: Iterable[PlanningItem], first: dt.date, last: dt.date) -> dict[dt.date, list[PlanningItem]]:
    """day → its items for the days first…last: all-day ones, then timed ones by start, then
    the counts of contacts (which a full month cell hides first)."""
    out: dict[dt.date, list[PlanningItem]] = defaultdict(list)
    for item in items:
        a = max(item.start.date(), first)
        b = min((item.end - dt.timedelta(seconds=1)).date() if item.end > item.start else item.start.date(), last)
        day = a
        while day <= b:
            out[day].append(item)
            day += dt.timedelta(days=1)
    for day_items in out.values():  # what is planned first, then the counts of contacts (month view)
        day_items.sort(key=lambda i: (i.source in SUMMARIES, not i.all_day, i.start, i.end))
    return out


def columns(day: dt.date, items: list[PlanningItem]) -> list[Placed]:
    """Timed items of one day with a column each: overlapping items share the width of
    their cluster (greedy, first free column), as calendars usually do."""
    begin = dt.datetime.combine(day, dt.time())
    finish = begin + dt.timedelta(days=1)
    timed = sorted(((max(i.start, begin), min(i.end, finish), i) for i in items if not i.all_day),
                   key=lambda t: (t[0], t[1]))
    out: list[Placed] = []
    cluster: list[tuple[dt.datetime, dt.datetime, PlanningItem, int]] = []
    ends: list[dt.datetime] = []  # end of the last item in each column of the cluster
    cluster_end = begin

    def flush() -> None:
        n = max((c[3] for c in cluster), default=-1) + 1
        out.extend(Placed(i, a, b, col, n) for a, b, i, col in cluster)

    for a, b, item in timed:
        if cluster and a >= cluster_end:
            flush()
            cluster, ends = [], []
        col = next((k for k, e in enumerate(ends) if e <= a), len(ends))
        if col == len(ends):
            ends.append(b)
        else:
            ends[col] = b
        cluster.append((a, b, item, col))
        cluster_end = max(cluster_end, b) if cluster[:-1] else b
    flush()
    return out
