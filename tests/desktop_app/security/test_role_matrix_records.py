"""Need-to-know across the areas a person's file feeds: the Parcours (timeline), a visit and
its confidential note, the export of everything held about the person, and the bilans —
for every role, through the services the window, the CLI and the exports all use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.enums import Role
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import PersonInput
from desktop_app.visits.records import VisitInput

NOTE = "Tensions avec le fils au sujet de l'argent."
YESTERDAY = dt.date.today() - dt.timedelta(days=1)


@pytest.fixture
def file(app, actor):  # type: ignore[no-untyped-def]
    pid = app.people.create(actor, PersonInput(nom="Bousquet", prenom="Léonie", sexe="f", date_naissance="04/05/1937",
                                               code_postal="34150", commune_insee="34267", gir=3)).id
    visit = app.visits.log(actor, VisitInput(person_id=pid, date=YESTERDAY, duree="45", resume="Visite de suivi.",
                                             note_confidentielle=NOTE))
    return pid, visit.id


def _reads(call) -> object | None:  # type: ignore[no-untyped-def]
    try:
        return call()
    except PermissionDenied:
        return None


@pytest.mark.parametrize("role, timeline, note", [
    (Role.COORDINATEUR, True, True),
    (Role.INTERVENANT, True, True),
    (Role.ANIMATEUR, False, False),
    (Role.ADMINISTRATEUR, False, False),
    (Role.CHAUFFEUR, False, False),
])
def test_parcours_and_confidential_note_by_role(app, file, role_actor, role, timeline, note) -> None:  # type: ignore[no-untyped-def]
    pid, visit_id = file
    who = role_actor(role)
    entries = _reads(lambda: app.timeline.for_person(who, pid))
    assert (entries is not None) == timeline
    if entries is not None:
        assert [e.title for e in entries if e.kind == "visite"] != []
        assert any(e.confidential == NOTE for e in entries) == note
    detail = _reads(lambda: app.visits.get(who, visit_id))
    assert (detail is not None) == timeline
    if detail is not None:
        assert (detail.note_confidentielle == NOTE) == note


def test_benevole_sees_the_assigned_file_but_neither_others_visits_nor_the_note(app, actor, file, role_actor) -> None:  # type: ignore[no-untyped-def]
    pid, visit_id = file
    lea = role_actor(Role.BENEVOLE, assigned=[pid])
    entries = app.timeline.for_person(lea, pid)
    assert all(e.confidential is None for e in entries)
    assert [e for e in entries if e.ref_id == visit_id] == []  # not their visit: not shown
    with pytest.raises(PermissionDenied):
        app.visits.get(lea, visit_id)
    other = app.people.create(actor, PersonInput(nom="Cros", prenom="Marius")).id
    with pytest.raises(PermissionDenied):
        app.timeline.for_person(lea, other)


@pytest.mark.parametrize("role", [Role.INTERVENANT, Role.ANIMATEUR, Role.BENEVOLE, Role.CHAUFFEUR,
                                  Role.ADMINISTRATEUR])
def test_only_the_coordinator_exports_a_persons_file(app, actor, file, role_actor, role, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid, _visit = file
    who = role_actor(role, assigned=[pid]) if role == Role.BENEVOLE else role_actor(role)
    with pytest.raises(PermissionDenied):
        app.rights.export_person(who, pid, tmp_path / "x.pdf", tmp_path / "x.json")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.json").exists()
    data = app.rights.export_person(actor, pid, None, tmp_path / "ok.json")
    assert NOTE in (tmp_path / "ok.json").read_text(encoding="utf-8")  # the person may read every note about them
    assert data.display_name == "BOUSQUET Léonie"
