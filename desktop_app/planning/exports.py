"""Documents of the planning: an agent's or a vehicle's agenda as .ics, the week on an A4
landscape PDF, and the list of people to call after a move. Each export of personal data
is logged in the audit journal (one entry per person named in it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import User, Vehicle
from desktop_app.actor import Actor
from desktop_app.ateliers.schedule import holiday_name
from desktop_app.errors import NotFound
from desktop_app.formatting import long_date_fr
from desktop_app.planning import conflicts, ics
from desktop_app.planning.records import MoveResult, PlanningFilter, PlanningItem, Source
from desktop_app.planning.service import PlanningService
from desktop_app.reports.a_prevenir import CallSheet, write_calls
from desktop_app.reports.planning_semaine import WeekEntry, WeekSheet, write_week
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def horaire(item: PlanningItem, day: dt.date | None = None) -> str:
    """« 14:00–16:00 »; for an item over several days, what it takes of ``day``."""
    if item.all_day:
        return "journée"
    day = day or item.start.date()
    starts, ends = item.start.date() == day, (item.end - dt.timedelta(seconds=1)).date() == day
    if starts and ends:
        return f"{item.start:%H:%M}–{item.end:%H:%M}"
    if starts:
        return "journée" if item.start.time() == dt.time() else f"dès {item.start:%H:%M}"
    if ends and item.end.time() != dt.time():
        return f"jusqu'à {item.end:%H:%M}"
    return "journée"


def slot_text(start: dt.datetime, end: dt.datetime) -> str:
    return f"{long_date_fr(start.date())}, {start:%H:%M}–{end:%H:%M}"


class PlanningExports:
    def __init__(self, db: Database, settings: SettingsService, planning: PlanningService) -> None:
        self.db = db
        self.settings = settings
        self.planning = planning

    def agenda_ics(self, actor: Actor, path: Path | str, start: dt.date, end: dt.date,
                   agent_login: str | None = None, vehicle_name: str | None = None) -> int:
        """One agent's (by login) or one vehicle's (by name) agenda; returns the number of events."""
        require(actor, Perm.PLANNING_READ)
        with self.db.read() as s:
            if agent_login:
                uid = s.scalar(select(User.id).where(User.username == agent_login))
                if uid is None:
                    raise NotFound(f"Aucun compte « {agent_login} ».")
                flt, name = PlanningFilter(agent=f"u:{uid}"), f"Planning {agent_login}"
            else:
                vid = s.scalar(select(Vehicle.id).where(Vehicle.nom == vehicle_name))
                if vid is None:
                    raise NotFound(f"Aucun véhicule « {vehicle_name} ».")
                flt, name = PlanningFilter(vehicle_id=vid), f"Planning {vehicle_name}"
        items = [i for i in self.planning.items(actor, start, end) if flt.accepts(i)]
        count = ics.write(items, name, path)
        self._log(actor, items, "agenda iCalendar", "ICS")
        return count

    def week_pdf(self, actor: Actor, day: dt.date, path: Path | str, flt: PlanningFilter | None = None) -> int:
        """The week of ``day`` (Monday to Sunday) on one A4 landscape page; returns the item count."""
        monday = monday_of(day)
        sunday = monday + dt.timedelta(days=6)
        everything = self.planning.items(actor, monday, sunday)
        flt = flt or PlanningFilter()
        items = [i for i in everything if flt.accepts(i)]
        entries = []
        planned: dict[dt.date, list[str]] = {}
        for i in items:
            if i.source == Source.PLANNED:  # one line per day for the contacts due, not one each
                planned.setdefault(i.start.date(), []).append(i.title.split(" — ", 1)[-1])
                continue
            detail = " · ".join(x for x in (", ".join(i.who), i.place or i.commune or "", i.vehicle or "") if x)
            first = max(i.start.date(), monday)
            last = min((i.end - dt.timedelta(seconds=1)).date(), sunday)
            for n in range((last - first).days + 1):  # an absence over several days shows each day
                day = first + dt.timedelta(days=n)
                entries.append(WeekEntry(day, horaire(i, day), str(i.kind), i.title, detail))
        for day, names in planned.items():
            entries.append(WeekEntry(day, "journée", "contact", f"Contacts prévus ({len(names)})", ", ".join(names)))
        entries.sort(key=lambda e: (e.day, "" if e.horaire == "journée" else e.horaire))
        days = [monday + dt.timedelta(days=n) for n in range(7)]
        holidays = {d: name for d in days if (name := holiday_name(d))}
        sheet = WeekSheet(self.settings.get("service.nom"), monday, entries, holidays,
                          [c.message for c in conflicts.find(everything)])
        write_week(sheet, path)
        self._log(actor, items, "planning de la semaine", "PDF")
        return len(items)

    def calls_pdf(self, actor: Actor, moved: MoveResult, before: tuple[dt.datetime, dt.datetime],
                  path: Path | str) -> None:
        require(actor, Perm.PLANNING_READ)
        sheet = CallSheet(self.settings.get("service.nom"), moved.title, slot_text(*before),
                          slot_text(moved.start, moved.end),
                          [(c.name, c.telephone, c.telephone2) for c in moved.to_call])
        write_calls(sheet, path)
        with self.db.uow() as s:
            audit.record_export(s, actor, "impression", "personnes à prévenir", [c.person_id for c in moved.to_call],
                                fmt="PDF")

    def _log(self, actor: Actor, items: list[PlanningItem], what: str, fmt: str) -> None:
        people = [i.person_id for i in items if i.person_id is not None]
        if people:
            with self.db.uow() as s:
                audit.record_export(s, actor, "export", what, people, fmt=fmt)
