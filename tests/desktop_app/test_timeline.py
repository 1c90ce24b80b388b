"""The person timeline: entries from every provider, newest first, each provider shown
only to roles allowed to see its area."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from db.enums import Role
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, PermissionDenied
from desktop_app.people.records import PersonInput
from desktop_app.security.permissions import Perm
from desktop_app.timeline import TimelineEntry, TimelineService, default_providers
from desktop_app.visits.records import VisitInput

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


class FakeAteliers:
    """Stands for the ateliers area, which will register its own provider."""

    kind = "atelier"
    permission = Perm.ATELIERS_READ

    def entries(self, session: Session, actor: Actor, person_id: int) -> list[TimelineEntry]:
        return [TimelineEntry("atelier", TODAY - 5 * DAY, "Atelier mémoire — séance 3", "Présente",
                              time=dt.time(14, 0))]


def test_visits_newest_first_with_who_and_next_contact(app, actor) -> None:
    pid = app.people.create(actor, PersonInput(nom="Martin", prenom="Hélène")).id
    app.visits.log(actor, VisitInput(person_id=pid, date=TODAY - 20 * DAY, duree="1h", objet="evaluation",
                                     resume="Première évaluation à domicile."))
    app.visits.log(actor, VisitInput(person_id=pid, date=TODAY - 2 * DAY, duree=20, mode="telephone",
                                     prochain_contact=TODAY + 12 * DAY))
    entries = app.timeline.for_person(actor, pid)
    assert [(e.kind, e.date, e.title) for e in entries] == [
        ("visite", TODAY - 2 * DAY, "Téléphone — Suivi"),
        ("visite", TODAY - 20 * DAY, "Visite à domicile — Évaluation"),
    ]
    assert entries[0].detail.splitlines() == [
        "Durée : 20 min — avec Coordinateur",
        f"Prochain contact prévu le {(TODAY + 12 * DAY).strftime('%d/%m/%Y')}",
    ]
    assert entries[1].detail.splitlines()[0] == "Première évaluation à domicile."
    assert "Durée : 1 h" in entries[1].detail


def test_providers_merge_and_obey_permissions(app, actor) -> None:
    pid = app.people.create(actor, PersonInput(nom="Garcia", prenom="Paul")).id
    app.visits.log(actor, VisitInput(person_id=pid, date=TODAY - 1 * DAY, duree=30))
    app.visits.log(actor, VisitInput(person_id=pid, date=TODAY - 9 * DAY, duree=30))
    service = TimelineService(app.db, [*default_providers(), FakeAteliers()])
    assert [e.kind for e in service.for_person(actor, pid)] == ["visite", "atelier", "visite"]
    assert [e.kind for e in service.for_person(actor, pid, kinds={"atelier"})] == ["atelier"]
    animateur = Actor(actor.user_id, "anim", "Animatrice", Role.ANIMATEUR)  # no access to the file
    with pytest.raises(PermissionDenied):
        service.for_person(animateur, pid)
    with pytest.raises(NotFound):
        service.for_person(actor, 999_999)

