"""Who may do what in the ateliers (docs/roles.md): an animateur runs the ateliers and sees
the registered people's names, phones and mobility, never their GIR or health; a bénévole
has no access to the ateliers at all (they see only the people assigned to them and their
own visits); a chauffeur neither."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from sqlalchemy import update

from db.enums import Role
from db.models import Person
from desktop_app.ateliers.records import GridPerson, RegistrationRow
from desktop_app.errors import PermissionDenied

SENSITIVE = {"gir", "sante", "fragilite_sante", "medecin_traitant", "caisse_retraite", "notes", "date_naissance"}


def test_animateur_sees_names_phones_and_mobility_but_no_gir_or_health(
    app, actor, role_actor, people, make_action, tmp_path: Path
) -> None:
    with app.db.uow() as s:
        s.execute(update(Person).where(Person.id == people[0]).values(
            telephone="+33612345678", mobilite="deambulateur", gir=4, fragilite_sante=True))
    animateur = role_actor(Role.ANIMATEUR)
    action = make_action(seances=2, first="06/01/2025")
    app.ateliers.registrations.register(animateur, action.id, people[0])
    row = app.ateliers.registrations.list_registrations(animateur, action.id).inscrits[0]
    assert (row.nom, row.telephone, row.mobilite) == ("MARTIN Hélène", "+33612345678", "deambulateur")
    assert not SENSITIVE & {f.name for f in fields(RegistrationRow)}
    assert not SENSITIVE & {f.name for f in fields(GridPerson)}
    seance = app.ateliers.seances.list_seances(animateur, action.id)[0]
    app.ateliers.attendance.set_seance(animateur, seance.id, {people[0]: "present"})
    assert app.ateliers.figures(animateur, action.id).presences == 1
    assert app.ateliers.print_emargement(animateur, action.id, tmp_path / "e.pdf").exists()
    with pytest.raises(PermissionDenied):
        app.people.get(animateur, people[0])  # the person file itself (GIR, health) stays closed


@pytest.mark.parametrize("role", [Role.BENEVOLE, Role.CHAUFFEUR])
def test_benevole_and_chauffeur_have_no_access_to_the_ateliers(
    app, actor, role_actor, people, make_action, tmp_path: Path, role: Role
) -> None:
    action = make_action(seances=1, first="06/01/2025")
    app.ateliers.registrations.register(actor, action.id, people[0])
    who = role_actor(role, assigned=[people[0]]) if role == Role.BENEVOLE else role_actor(role)
    calls = [
        lambda: app.ateliers.actions.list_actions(who),
        lambda: app.ateliers.actions.get(who, action.id),
        lambda: app.ateliers.figures(who, action.id),
        lambda: app.ateliers.registrations.list_registrations(who, action.id),
        lambda: app.ateliers.registrations.register(who, action.id, people[1]),
        lambda: app.ateliers.attendance.grid(who, action.id),
        lambda: app.ateliers.print_emargement(who, action.id, tmp_path / "e.pdf"),
        lambda: app.ateliers.actions.funding_choices(who),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
