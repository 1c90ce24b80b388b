"""iCalendar export (round trip, stable UIDs), week PDF and the list of people to call."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.planning.records import AbsenceInput, RecurringInput, Source

DAY = dt.date(2027, 3, 9)


def events(path) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): {"summary": str(e["summary"]), "start": naive(e.decoded("dtstart")),
                            "end": naive(e.decoded("dtend")),
                            "location": str(e.get("location", ""))} for e in cal.walk("VEVENT")}


def naive(moment):  # type: ignore[no-untyped-def]
    """The wall-clock time of an exported event, checking it is in Paris time."""
    if isinstance(moment, dt.datetime):
        assert str(moment.tzinfo) == "Europe/Paris"
        return moment.replace(tzinfo=None)
    return moment


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_vehicle_ics_round_trip_and_stable_uids(app, actor, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "minibus.ics"
    assert app.planning_exports.agenda_ics(actor, first, DAY, DAY, vehicle_name="Minibus 1") == 2
    items = [i for i in app.planning.items(actor, DAY, DAY) if i.vehicle_id == world.vehicle]
    got = events(first)
    assert got == {
        f"{i.key}@planning.escale": {"summary": i.title, "start": i.start, "end": i.end,
                                     "location": f"{i.place}, {i.commune}"} for i in items
    }
    passage = next(i for i in items if i.source_id == world.passages[1])
    app.moves.move(actor, passage, dt.datetime(2027, 3, 9, 15), dt.datetime(2027, 3, 9, 17))
    second = tmp_path / "minibus-2.ics"
    app.planning_exports.agenda_ics(actor, second, DAY, DAY, vehicle_name="Minibus 1")
    again = events(second)
    assert set(again) == set(got)  # same UIDs: the calendar updates the event, no duplicate
    assert again[f"passage-{world.passages[1]}@planning.escale"]["start"] == dt.datetime(2027, 3, 9, 15)


def test_agent_ics_through_the_cli_with_recurring_occurrences(app, actor, world, cli_account, tmp_path, db_url, capsys) -> None:  # type: ignore[no-untyped-def]
    app.planning.save_recurring(actor, RecurringInput(person_id=world.people[0], agent=f"u:{world.animatrice}",
                                                      jour_semaine=1, heure="09:00", date_debut="01/03/2027"))
    out = tmp_path / "claire.ics"
    assert main(["--db", db_url, "planning", "ics", "--agent", "claire", "--from", "01/03/2027",
                 "--to", "16/03/2027", "-o", str(out)]) == 0
    assert "4 événement(s) écrit(s)" in capsys.readouterr().out
    got = events(out)
    assert sorted(got) == sorted([f"recurrent-1-2027-03-{d:02d}@planning.escale" for d in (2, 9, 16)]
                                 + [f"seance-{world.seance}@planning.escale"])
    assert got[f"seance-{world.seance}@planning.escale"]["location"] == "Salle des fêtes"
    assert main(["--db", db_url, "planning", "ics", "--agent", "personne", "--from", "01/03/2027",
                 "--to", "16/03/2027", "-o", str(out)]) == 1
    assert "Aucun compte « personne »." in capsys.readouterr().err


def test_week_pdf(app, actor, world, cli_account, tmp_path, db_url, capsys) -> None:  # type: ignore[no-untyped-def]
    app.planning.save_absence(actor, AbsenceInput(vehicle_id=world.vehicle, debut="11/03/2027 08:00",
                                                  fin="12/03/2027 18:00", motif="Garage"))
    out = tmp_path / "semaine.pdf"
    assert main(["--db", db_url, "planning", "semaine", "--date", "10/03/2027", "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "Planning de la semaine du 08/03/2027 au 14/03/2027" in text
    assert "Mardi 09/03" in text and "14:00–16:00 Atelier mémoire" in text
    assert "Bus Aniane" in text and "Contacts prévus (1) VIDAL Yvette" in text
    assert "dès 08:00 Indisponible — Minibus 1 (Garage)" in text  # Thursday
    assert "jusqu'à 18:00 Indisponible — Minibus 1 (Garage)" in text  # Friday
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape


def test_calls_pdf_after_moving_a_seance(app, actor, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seance = next(i for i in app.planning.items(actor, DAY, DAY) if i.source == Source.SEANCE)
    moved = app.moves.move(actor, seance, dt.datetime(2027, 3, 10, 10), dt.datetime(2027, 3, 10, 12))
    out = tmp_path / "appels.pdf"
    app.planning_exports.calls_pdf(actor, moved, (seance.start, seance.end), out)
    text = pdf_text(out)
    assert "Personnes à prévenir" in text
    assert "Prévu : mardi 9 mars 2027, 14:00–16:00" in text
    assert "Nouvel horaire : mercredi 10 mars 2027, 10:00–12:00" in text
    assert "MARTIN Hélène" in text and "04 67 57 01 02" in text
    assert "ROUX" not in text
