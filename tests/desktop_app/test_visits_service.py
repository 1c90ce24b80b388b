"""The visits service: what is stored, what is refused (with its French message), who may
read the confidential note, and how the person's last/next contact dates follow."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry, Person, VisitConfidential
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, PermissionDenied, ValidationError
from desktop_app.partners.records import PartnerInput
from desktop_app.people.records import PersonInput
from desktop_app.visits.records import CNIL_REMINDER, IntervenantRef, OrientationInput, VisitInput

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def person(app, actor, nom: str = "Martin", prenom: str = "Hélène", **over: object) -> int:
    data = PersonInput(nom=nom, prenom=prenom, sexe="f", date_naissance="12/03/1938",
                       code_postal="34200", commune_insee="34301")
    for key, value in over.items():
        setattr(data, key, value)
    return app.people.create(actor, data, confirm_duplicate=True).id


def visit(person_id: int, days_ago: int = 0, **over: object) -> VisitInput:
    data = VisitInput(person_id=person_id, date=TODAY - days_ago * DAY, heure="14h30", duree="45",
                      mode="domicile", objet="suivi", resume="Visite de suivi, la personne va bien.")
    for key, value in over.items():
        setattr(data, key, value)
    return data


def test_log_stores_the_visit_and_moves_the_follow_up_dates(app, actor) -> None:
    pid = person(app, actor)
    version_before = app.people.get(actor, pid).version_id
    due = TODAY + 14 * DAY
    detail = app.visits.log(actor, visit(pid, days_ago=2, duree="1h30", prochain_contact=due))
    assert detail.duree_minutes == 90 and detail.heure == dt.time(14, 30)
    assert [c.label for c in detail.intervenants] == ["Coordinateur"]  # who logs it went
    with app.db.read() as s:
        p = s.get(Person, pid)
        assert p.last_contact_date == TODAY - 2 * DAY  # max of real contacts, not the file's opening
        assert p.next_contact_due == due
        assert p.version_id == version_before  # derived dates are not an edit of the file
        entry = s.scalar(select(AuditEntry).where(AuditEntry.entity == "visit"))
        assert entry.action == "creation" and entry.person_id == pid and "resume" in entry.fields


def test_bad_input_gets_a_french_message_per_field_and_nothing_is_stored(app, actor) -> None:
    pid = person(app, actor)
    with pytest.raises(ValidationError) as err:
        app.visits.log(actor, visit(pid, date="31/02/2026", heure="25h", duree="-10", mode="courrier"))
    errors = err.value.errors
    assert "n'existe pas au calendrier" in errors["date"]
    assert errors["heure"] == "Heure invalide : saisissez-la sous la forme 14h30."
    assert errors["duree"] == "La durée doit être positive (en minutes, par exemple 45 ou 1h30)."
    assert errors["mode"] == "Mode : choisissez dans la liste."
    day = TODAY - 3 * DAY
    with pytest.raises(ValidationError) as err:
        app.visits.log(actor, visit(pid, date=day, duree="0", prochain_contact=day - DAY))
    assert err.value.errors["duree"].startswith("La durée doit être positive")
    assert err.value.errors["prochain_contact"] == (
        f"Le prochain contact ne peut pas précéder la visite du {day.strftime('%d/%m/%Y')}."
    )
    with pytest.raises(ValidationError) as err:
        app.visits.log(actor, visit(pid, date=TODAY + DAY, duree="abc"))
    assert "dans le futur" in err.value.errors["date"]
    assert err.value.errors["duree"] == "Durée invalide (en minutes, par exemple 45 ou 1h30)."
    with app.db.read() as s:
        assert s.get(Person, pid).next_contact_due is None
    assert app.timeline.for_person(actor, pid) == []


def test_confidential_note_only_reaches_roles_allowed_to_read_it(app, actor, role_actor) -> None:
    pid = person(app, actor)
    benevole = role_actor(Role.BENEVOLE, assigned=[pid])
    logged = app.visits.log(actor, visit(pid, note_confidentielle="Conflit familial évoqué.",
                                         intervenants=[IntervenantRef(user_id=benevole.user_id)]))
    assert logged.note_confidentielle == "Conflit familial évoqué."
    seen = app.visits.get(benevole, logged.id)
    assert seen.note_confidentielle is None and seen.note_hidden
    assert seen.to_input().note_confidentielle is None
    assert all(e.confidential is None and "Conflit" not in e.detail
               for e in app.timeline.for_person(benevole, pid))
    assert app.timeline.for_person(actor, pid)[0].confidential == "Conflit familial évoqué."
    # editing the visit without the right keeps the note instead of erasing it
    app.visits.update(benevole, logged.id, seen.version_id, seen.to_input())
    with app.db.read() as s:
        assert s.get(VisitConfidential, logged.id).note == "Conflit familial évoqué."
    with pytest.raises(ValidationError) as err:
        app.visits.log(benevole, visit(pid, note_confidentielle="Écrit par un bénévole"))
    assert "note confidentielle" in err.value.errors["note_confidentielle"]
    with pytest.raises(PermissionDenied):
        app.visits.get(Actor(actor.user_id, "anim", "Animatrice", Role.ANIMATEUR), logged.id)


def test_cnil_reminder_is_the_text_the_form_shows() -> None:
    assert CNIL_REMINDER == "La personne peut lire ce qui est écrit sur elle : restez factuel."


def test_two_intervenants_at_most_user_and_benevole(app, actor) -> None:
    pid = person(app, actor)
    ben = person(app, actor, nom="Durand", prenom="Jean", est_benevole=True, est_beneficiaire=False)
    not_ben = person(app, actor, nom="Roux", prenom="Léa")
    both = [IntervenantRef(user_id=actor.user_id), IntervenantRef(person_id=ben)]
    detail = app.visits.log(actor, visit(pid, intervenants=both))
    assert [c.label for c in detail.intervenants] == ["Coordinateur", "DURAND Jean (bénévole)"]
    labels = [c.label for c in app.visits.intervenant_choices(actor)]
    assert "DURAND Jean (bénévole)" in labels and "ROUX Léa (bénévole)" not in labels
    with pytest.raises(ValidationError, match="Deux intervenants au plus"):
        app.visits.log(actor, visit(pid, intervenants=[*both, IntervenantRef(person_id=not_ben)]))
    with pytest.raises(ValidationError, match="pas inscrite comme bénévole"):
        app.visits.log(actor, visit(pid, intervenants=[IntervenantRef(person_id=not_ben)]))


def test_orientations_name_the_partner_and_refuse_an_archived_one(app, actor) -> None:
    pid = person(app, actor)
    clic = app.partners.create(actor, PartnerInput(nom="CLIC du Bassin de Thau", type="clic_dac"))
    old = app.partners.create(actor, PartnerInput(nom="Ancien SAAD", type="saad_ssiad"))
    app.partners.set_archived(actor, old.id)
    detail = app.visits.log(actor, visit(pid, objet="orientation",
                                         orientations=[OrientationInput(clic.id, "Dossier APA")]))
    assert [(o.partner_nom, o.motif) for o in detail.orientations] == [("CLIC du Bassin de Thau", "Dossier APA")]
    assert "Orientation : CLIC du Bassin de Thau (Dossier APA)" in app.timeline.for_person(actor, pid)[0].detail
    with pytest.raises(ValidationError) as err:
        app.visits.log(actor, visit(pid, orientations=[OrientationInput(old.id, "Aide au ménage")]))
    assert err.value.errors["orientations"] == "« Ancien SAAD » est archivé : choisissez un partenaire actif."


def test_edit_with_stale_version_is_a_conflict_and_changes_are_audited(app, actor) -> None:
    pid = person(app, actor)
    logged = app.visits.log(actor, visit(pid, days_ago=5))
    edited = app.visits.update(actor, logged.id, logged.version_id,
                               visit(pid, days_ago=4, resume="Résumé corrigé."))
    assert edited.resume == "Résumé corrigé." and edited.date == TODAY - 4 * DAY
    with pytest.raises(Conflict):
        app.visits.update(actor, logged.id, logged.version_id, visit(pid, resume="Version périmée"))
    with app.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "modification",
                                                    AuditEntry.entity == "visit")).one()
        assert entry.fields == "date,resume"
        assert s.get(Person, pid).last_contact_date == TODAY - 4 * DAY


def test_delete_is_audited_and_last_contact_falls_back(app, actor) -> None:
    pid = person(app, actor)
    older = app.visits.log(actor, visit(pid, days_ago=30))
    newer = app.visits.log(actor, visit(pid, days_ago=3, prochain_contact=TODAY + 7 * DAY))
    app.visits.delete(actor, newer.id)
    with app.db.read() as s:
        p = s.get(Person, pid)
        assert p.last_contact_date == TODAY - 30 * DAY and p.next_contact_due is None
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "suppression")).startswith("visite du")
    app.visits.delete(actor, older.id)
    with app.db.read() as s:
        assert s.get(Person, pid).last_contact_date == TODAY  # back to the day the file was opened


def test_editing_the_file_is_not_a_contact(app, actor) -> None:
    pid = person(app, actor)
    app.visits.log(actor, visit(pid, days_ago=40))
    detail = app.people.get(actor, pid)
    data = detail.to_input()
    data.telephone = "06 12 34 56 78"
    edited = app.people.update(actor, pid, detail.version_id, data)
    assert edited.data.telephone == "+33612345678"
    assert edited.last_contact_date == TODAY - 40 * DAY


def test_file_opened_before_a_visit_is_logged_still_saves(app, actor) -> None:
    pid = person(app, actor)
    detail = app.people.get(actor, pid)
    app.visits.log(actor, visit(pid, days_ago=1))  # a colleague logs a visit meanwhile
    data = detail.to_input()
    data.prenom = "Helena"
    assert app.people.update(actor, pid, detail.version_id, data).data.prenom == "Helena"


def test_journal_lists_the_period_newest_first(app, actor) -> None:
    a = person(app, actor)
    b = person(app, actor, nom="Garcia", prenom="Paul")
    app.visits.log(actor, visit(a, days_ago=10))
    app.visits.log(actor, visit(b, days_ago=2, mode="telephone"))
    app.visits.log(actor, visit(a, days_ago=50))
    rows = app.visits.journal(actor, TODAY - 20 * DAY, TODAY)
    assert [(r.person_name, r.mode) for r in rows] == [("GARCIA Paul", "telephone"), ("MARTIN Hélène", "domicile")]
    assert app.visits.count_between(actor, TODAY - 60 * DAY, TODAY) == 3
