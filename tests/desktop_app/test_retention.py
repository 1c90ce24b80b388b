"""Retention (CNIL 2023-095): files past the retention period are listed for review, then
archived (out of everyday lists, coordinator only) or anonymised (identity gone, statistics
unchanged). Nothing is deleted; every action is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from db.enums import Role
from db.models import AuditEntry, Person, User
from desktop_app import person_data
from desktop_app.actor import Actor
from desktop_app.errors import PermissionDenied, Refused, ValidationError
from desktop_app.people.records import PersonFilter, PersonInput
from desktop_app.retention import Reason, age_band
from desktop_app.rights import RequestInput

TODAY = dt.date.today()
OLD = TODAY - dt.timedelta(days=800)  # about 26 months ago


def _actor(app, role: Role) -> Actor:  # type: ignore[no-untyped-def]
    with app.db.uow() as s:
        user = User(username=f"u-{role}", display_name=f"Compte {role}", role=str(role))
        s.add(user)
        s.flush()
        return Actor(user.id, user.username, user.display_name, role)


def _person(app, actor, nom: str, last_contact: dt.date | None = OLD, **over) -> int:  # type: ignore[no-untyped-def]
    data = PersonInput(nom=nom, prenom="Marcelle", sexe="f", date_naissance="14/08/1936",
                       adresse="3 rue des Aires", code_postal="34700", commune_insee="34142",
                       telephone="04 67 44 00 01", email="m@exemple.fr", gir=3,
                       urgence_nom="Paul Vidal", urgence_telephone="06 12 34 56 78", medecin_traitant="Dr Roux")
    for key, value in over.items():
        setattr(data, key, value)
    pid = app.people.create(actor, data, confirm_duplicate=True).id
    with app.db.uow() as s:
        s.execute(update(Person).where(Person.id == pid).values(last_contact_date=last_contact))
    return pid


def test_review_lists_files_past_the_retention_period(app, actor) -> None:
    old = _person(app, actor, "Ancien")
    recent = _person(app, actor, "Recent", last_contact=TODAY - dt.timedelta(days=200))
    review = app.retention.review(actor)
    assert review.months == 24
    assert [r.id for r in review.due] == [old]
    assert review.due[0].display_name == "ANCIEN Marcelle" and review.due[0].last_contact_date == OLD
    app.settings.set(actor, "rgpd.retention_mois", 6)
    assert {r.id for r in app.retention.review(actor).due} == {old, recent}


def test_only_the_coordinator_reviews(app, actor) -> None:
    intervenant = _actor(app, Role.INTERVENANT)
    with pytest.raises(PermissionDenied):
        app.retention.review(intervenant)
    with pytest.raises(PermissionDenied):
        app.retention.archive(intervenant, [_person(app, actor, "Ancien")])


def test_archived_files_leave_everyday_lists_and_only_the_coordinator_reads_them(app, actor) -> None:
    pid = _person(app, actor, "Ancien")
    other = _person(app, actor, "Voisin")
    assert app.retention.archive(actor, [pid]) == 1
    assert app.people.list_ids(actor, PersonFilter()) == [other]
    assert pid in app.people.list_ids(actor, PersonFilter(statut="archive"))
    assert app.people.get(actor, pid).data.statut == "archive"
    intervenant = _actor(app, Role.INTERVENANT)
    assert app.people.list_ids(intervenant, PersonFilter(statut=None)) == [other]
    assert app.people.count(intervenant, PersonFilter(statut="archive")) == 0
    with pytest.raises(PermissionDenied) as err:
        app.people.get(intervenant, pid)
    assert "archivée" in err.value.message_fr
    review = app.retention.review(actor)
    assert [r.id for r in review.archived] == [pid] and pid not in [r.id for r in review.due]
    with app.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "archivage"))
        assert entry.person_id == pid and entry.user_id == actor.user_id and "24 mois" in entry.detail


def test_anonymisation_removes_the_identity_and_keeps_the_statistics_fields(app, actor) -> None:
    pid = _person(app, actor, "Quatrefages")
    assert app.retention.anonymise(actor, [pid]) == 1
    with app.db.read() as s:
        p = s.get(Person, pid)
        assert (p.nom, p.prenom) == ("Anonyme", f"n° {pid}")
        for column in ("date_naissance", "adresse", "code_postal", "telephone", "email",
                       "urgence_nom", "urgence_telephone", "medecin_traitant", "nom_naissance"):
            assert getattr(p, column) is None, column
        assert (p.sexe, p.annee_naissance, p.commune_insee, p.gir) == ("f", 1936, "34142", 3)
        assert p.statut == "anonymise" and p.anonymised_at is not None
        assert "quatrefages" not in p.search_text
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "anonymisation"))
        assert entry.person_id == pid and "telephone" in entry.fields and "Quatrefages" not in entry.detail
        assert s.scalar(select(func.count(Person.id))) == 1  # nothing deleted
    assert app.people.list_ids(actor, PersonFilter(text="quatrefages", statut=None)) == []
    detail = app.people.get(actor, pid)
    with pytest.raises(Refused) as err:
        app.people.update(actor, pid, detail.version_id, detail.to_input())
    assert "anonymisée" in err.value.message_fr


def test_statistics_are_unchanged_after_anonymisation(app, actor) -> None:
    births = ["03/01/1930", "30/12/1944", "01/07/1950", "15/05/1962", "20/11/1935", None, "09/09/1941"]
    communes = [("34700", "34142"), ("34150", "34267"), ("34200", None)]
    ids = []
    for i in range(21):
        cp, insee = communes[i % 3]
        ids.append(_person(app, actor, f"Nom{i}", sexe="fhi"[i % 3], date_naissance=births[i % 7],
                           code_postal=cp, commune_insee=insee, gir=[None, 2, 4, 6][i % 4],
                           last_contact=OLD if i % 2 else TODAY))
    before = {year: app.retention.profile(actor, year) for year in (2024, 2025, TODAY.year)}
    due = [r.id for r in app.retention.review(actor).due]
    assert len(due) == 10
    app.retention.anonymise(actor, due)
    after = {year: app.retention.profile(actor, year) for year in (2024, 2025, TODAY.year)}
    assert after == before
    assert before[2025].by_age_band["90 et +"] == 6  # 3 born in 1930 and 3 in 1935: 95 and 90 in 2025
    assert before[2025].total == 21
    with app.db.read() as s:  # the identity really went
        assert s.scalar(select(func.count()).where(Person.date_naissance.is_(None))) == 11  # 3 unknown + 8 more


def test_anonymisation_refuses_a_file_still_in_retention(app, actor) -> None:
    pid = _person(app, actor, "Recent", last_contact=TODAY - dt.timedelta(days=30))
    with pytest.raises(Refused) as err:
        app.retention.anonymise(actor, [pid])
    assert "encore dans la durée de conservation" in err.value.message_fr
    with pytest.raises(Refused) as err2:
        app.retention.anonymise(actor, [pid], reason=Reason.ERASURE)
    assert "aucune demande d'effacement" in err2.value.message_fr
    app.rights.record_request(actor, pid, RequestInput("effacement", "la personne elle-même", TODAY))
    assert app.retention.anonymise(actor, [pid], reason=Reason.ERASURE) == 1


def test_other_areas_anonymisers_run_in_the_same_transaction(app, actor, monkeypatch) -> None:
    seen: list[int] = []

    def visits_notes(session, person_ids: list[int]) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
        seen.extend(person_ids)
        return {pid: ["visite.note_confidentielle"] for pid in person_ids}

    monkeypatch.setitem(person_data._REGISTRY.anonymisers, "visites", visits_notes)
    pid = _person(app, actor, "Ancien")
    app.retention.anonymise(actor, [pid])
    assert seen == [pid]
    with app.db.read() as s:
        fields = s.scalar(select(AuditEntry.fields).where(AuditEntry.action == "anonymisation"))
    assert "visite.note_confidentielle" in fields


def test_the_person_form_cannot_set_the_anonymised_status(app, actor) -> None:
    pid = _person(app, actor, "Ancien")
    detail = app.people.get(actor, pid)
    data = detail.to_input()
    data.statut = "anonymise"
    with pytest.raises(ValidationError) as err:
        app.people.update(actor, pid, detail.version_id, data)
    assert "Conservation" in err.value.errors["statut"]


def test_age_bands() -> None:
    assert [age_band(a) for a in (59, 60, 74, 75, 89, 90, 104, None)] == [
        "< 60", "60–69", "70–74", "75–79", "85–89", "90 et +", "90 et +", "non renseigné"]
