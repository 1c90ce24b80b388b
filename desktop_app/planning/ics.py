"""iCalendar export of one agent's or one vehicle's agenda (icalendar package), for Outlook
or Thunderbird.

Times carry the Europe/Paris time zone (with its VTIMEZONE), so a calendar in summer or
winter time shows them at the right hour. UIDs are stable: derived from the item's source and id (plus the day of the occurrence for
a recurring contact) and a domain, never from its time. Importing a new export of the same
period again updates the events that moved instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from desktop_app.planning.records import KIND_LABELS, PlanningItem

DOMAIN = "planning.escale"
PRODID = "-//Escale//Planning//FR"
TZ = ZoneInfo("Europe/Paris")  # times are stored as local wall-clock times


def uid(item: PlanningItem, domain: str = DOMAIN) -> str:
    return f"{item.key}@{domain}"


def calendar(items: list[PlanningItem], name: str, stamp: dt.datetime | None = None,
             domain: str = DOMAIN) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in items:
        event = Event()
        event.add("uid", uid(item, domain))
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        if item.all_day:
            event.add("dtstart", item.start.date())
            event.add("dtend", item.end.date())
        else:
            event.add("dtstart", item.start.replace(tzinfo=TZ))
            event.add("dtend", item.end.replace(tzinfo=TZ))
        location = ", ".join(x for x in (item.place, item.commune) if x)
        if location:
            event.add("location", location)
        lines = [KIND_LABELS[item.kind]]
        if item.who:
            lines.append("Avec : " + ", ".join(item.who))
        if item.vehicle:
            lines.append(f"Véhicule : {item.vehicle}")
        if item.pickup_start and item.back_at:
            lines.append(f"Ramassage de {item.pickup_start:%H:%M} à {item.back_at:%H:%M}")
        event.add("description", "\n".join(lines))
        event.add("categories", [KIND_LABELS[item.kind]])
        cal.add_component(event)
    cal.add_missing_timezones()  # the VTIMEZONE of Europe/Paris, so summer time is right
    return cal


def write(items: list[PlanningItem], name: str, path: Path | str) -> int:
    """Write the .ics file; returns the number of events."""
    Path(path).write_bytes(calendar(items, name).to_ical())
    return len(items)
