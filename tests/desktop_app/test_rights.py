"""Rights of the person: the register of requests, the full export (PDF and JSON, audited,
extensible by other areas), and the information notice recorded as given."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry, Person
from desktop_app import person_data
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, PermissionDenied, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.notice import build_notice
from desktop_app.people.records import PersonInput
from desktop_app.person_data import Section
from desktop_app.rights import RequestInput

TODAY = dt.date.today()


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def marcelle(app, actor) -> int:  # type: ignore[no-untyped-def]
    pid = app.people.create(actor, PersonInput(
        nom="Bousquet", prenom="Marcelle", civilite="mme", sexe="f", date_naissance="14/08/1936",
        adresse="3 rue des Aires", code_postal="34700", commune_insee="34142", telephone="04 67 44 00 01",
        gir=4, medecin_traitant="Dr Roux", urgence_nom="Paul Bousquet", urgence_telephone="06 12 34 56 78",
    )).id
    aidant = app.people.create(actor, PersonInput(nom="Bousquet", prenom="Paul", sexe="h"), confirm_duplicate=True).id
    app.people.link_aidant(actor, aidant, pid, "enfant")
    return pid


def test_a_request_is_recorded_with_its_one_month_deadline(app, actor, marcelle) -> None:
    req = app.rights.record_request(actor, marcelle, RequestInput("acces", "Paul Bousquet, son fils", "31/01/2026"))
    assert (req.kind_label, req.received_on, req.due_on) == ("Accès", dt.date(2026, 1, 31), dt.date(2026, 2, 28))
    assert req.overdue(dt.date(2026, 3, 1)) and not req.overdue(dt.date(2026, 2, 28))
    answered = app.rights.answer(actor, req.id, req.version_id, "20/02/2026", "Copie du dossier remise en main propre.")
    assert answered.answered_on == dt.date(2026, 2, 20)
    assert app.rights.requests(actor, open_only=True) == []
    with pytest.raises(Conflict):
        app.rights.answer(actor, req.id, req.version_id, "21/02/2026", "bis")
    with app.db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "rights_request")).all()
    assert actions == ["demande_droit", "reponse_droit"]


def test_a_bad_request_gets_french_messages(app, actor, marcelle) -> None:
    with pytest.raises(ValidationError) as err:
        app.rights.record_request(actor, marcelle, RequestInput("oubli", "", "32/01/2026"))
    assert set(err.value.errors) == {"kind", "requester", "received_on"}
    assert "qui fait la demande" in err.value.errors["requester"]
    req = app.rights.record_request(actor, marcelle, RequestInput("effacement", "elle-même", TODAY))
    with pytest.raises(ValidationError) as err2:
        app.rights.answer(actor, req.id, req.version_id, TODAY - dt.timedelta(days=3), "")
    assert err2.value.errors["answered_on"] == "La réponse ne peut précéder la demande."


def test_export_holds_everything_about_the_person(app, actor, marcelle, tmp_path: Path) -> None:
    app.rights.record_request(actor, marcelle, RequestInput("acces", "elle-même", TODAY))
    pdf, js = tmp_path / "dossier.pdf", tmp_path / "dossier.json"
    app.rights.export_person(actor, marcelle, pdf, js)
    text = _pdf_text(pdf)
    for expected in ("Dossier de BOUSQUET Marcelle", "Identité et coordonnées", "3 rue des Aires",
                     "04 67 44 00 01", "14/08/1936", "Dr Roux", "BOUSQUET Paul", "Enfant",
                     "Demandes d'exercice des droits", "Création de la fiche", "Coordinateur"):
        assert expected in text, expected
    data = json.loads(js.read_text(encoding="utf-8"))
    titles = [s["titre"] for s in data["sections"]]
    assert titles[0] == "Identité et coordonnées" and titles[-1].startswith("Journal")
    identity = data["sections"][0]["champs"]
    assert identity["Date de naissance"] == "1936-08-14" and identity["Nom"] == "Bousquet"
    with app.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.person_id == marcelle and "PDF+JSON" in entry.detail


def test_other_areas_add_their_sections(app, actor, marcelle, tmp_path: Path, monkeypatch) -> None:
    def visits(session, person_id: int) -> list[Section]:  # type: ignore[no-untyped-def]
        return [Section("Visites à domicile", columns=("Date", "Compte rendu"),
                        rows=[(dt.date(2026, 3, 2), "Visite de convivialité, bonne forme.")])]

    monkeypatch.setitem(person_data._REGISTRY.providers, "visites", (50, visits))
    app.rights.export_person(actor, marcelle, tmp_path / "d.pdf", tmp_path / "d.json")
    assert "Visite de convivialité" in _pdf_text(tmp_path / "d.pdf")
    titles = [s["titre"] for s in json.loads((tmp_path / "d.json").read_text())["sections"]]
    assert titles.index("Visites à domicile") < len(titles) - 1  # before the audit journal


def test_export_is_for_the_coordinator_only(app, actor, marcelle, tmp_path: Path) -> None:
    for role in (Role.INTERVENANT, Role.BENEVOLE, Role.ANIMATEUR, Role.ADMINISTRATEUR):
        with pytest.raises(PermissionDenied):
            app.rights.export_person(Actor(None, "x", "X", role), marcelle, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_notice_text_comes_from_the_settings(app, actor) -> None:
    app.settings.set(actor, "service.nom", "CCAS de Clermont-l'Hérault")
    app.settings.set(actor, "service.adresse", "1 place de la Mairie, 34800 Clermont-l'Hérault")
    app.settings.set(actor, "rgpd.dpo_contact", "dpo@clermont-herault.fr")
    notice = app.notice.text()
    body = " ".join(t for _h, t in notice.blocks)
    assert "CCAS de Clermont-l'Hérault — CCAS de Clermont-l'Hérault, 1 place de la Mairie" in body
    assert "dpo@clermont-herault.fr" in body and "2 ans (24 mois)" in body and "www.cnil.fr" in body
    assert "18 mois" in " ".join(t for _h, t in build_notice({"rgpd.retention_mois": 18}).blocks)


def test_printing_the_notice_for_a_person_records_it(app, actor, marcelle, tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    app.notice.print_notice(actor, pdf, marcelle)
    text = _pdf_text(pdf)
    assert len(PdfReader(str(pdf)).pages) == 1
    assert f"Notice remise à Madame Marcelle BOUSQUET le {date_fr(TODAY)}" in text
    assert "Vos droits" in text and "Combien de temps ?" in text
    with app.db.read() as s:
        assert s.get(Person, marcelle).notice_date == TODAY
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "notice_remise")).one()
    assert entry.fields == "notice_date"
    blank = tmp_path / "vierge.pdf"
    app.notice.print_notice(actor, blank)
    assert "Notice remise à ……" in _pdf_text(blank)


def _visit(app, actor, person_id: int, when: dt.date) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.visits.records import IntervenantRef, VisitInput

    app.visits.log(actor, VisitInput(
        person_id=person_id, date=when, duree="45", mode="domicile", objet="suivi",
        resume="Mme Bousquet a parlé de sa chute du mois dernier.",
        note_confidentielle="Tensions avec le voisinage signalées par le fils.",
        intervenants=[IntervenantRef(user_id=actor.user_id)],
    ))


def test_export_includes_visits_with_their_confidential_notes(app, actor, marcelle, tmp_path: Path) -> None:
    _visit(app, actor, marcelle, TODAY - dt.timedelta(days=3))
    app.rights.export_person(actor, marcelle, tmp_path / "d.pdf", tmp_path / "d.json")
    text = " ".join(_pdf_text(tmp_path / "d.pdf").split())
    assert "sa chute du mois dernier" in text and "Tensions avec le voisinage" in text
    sections = {s["titre"]: s for s in json.loads((tmp_path / "d.json").read_text())["sections"]}
    assert sections["Visites et contacts"]["lignes"][0][0] == (TODAY - dt.timedelta(days=3)).isoformat()
    assert sections["Ateliers"]["lignes"] == [] and sections["Tournées du bus"]["lignes"] == []


def test_anonymisation_erases_visit_text_but_keeps_the_visits(app, actor, marcelle) -> None:
    from db.models import Visit, VisitConfidential

    _visit(app, actor, marcelle, TODAY - dt.timedelta(days=900))
    app.retention.anonymise(actor, [marcelle])
    with app.db.read() as s:
        visit = s.scalars(select(Visit).where(Visit.person_id == marcelle)).one()
        assert visit.resume is None and visit.duree_minutes == 45  # counted in bilans still
        note = s.scalar(select(VisitConfidential.note).where(VisitConfidential.visit_id == visit.id))
        assert "Tensions" not in note and "effacée" in note
        fields = s.scalar(select(AuditEntry.fields).where(AuditEntry.action == "anonymisation"))
    assert "visite.note_confidentielle" in fields and "visite.resume" in fields
