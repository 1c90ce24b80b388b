"""Rights of the person (RGPD articles 15–21): the register of requests and the export of
everything Escale holds about one person, as a PDF and JSON.

The export gathers the sections every area registered (desktop_app.person_data); the
people file contributes its identity, situation, aidant links, the requests themselves and
the audit trail of who created, changed, exported or printed the file. Rectification is the
ordinary edit of the file (audited); erasure and objection end in archiving or anonymising
(desktop_app.retention). Every export is audited.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.enums import RightsKind
from db.models import Person, RightsRequest
from desktop_app.activity_sections import (
    anonymise_activity,
    atelier_sections,
    tournee_sections,
    visit_sections,
)
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, ValidationError
from desktop_app.labels import RIGHTS_KIND, label
from desktop_app.person_data import Section, register_anonymiser, register_sections, sections_for
from desktop_app.rights_sections import audit_sections, people_sections
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.validation import FieldError, clean_text, parse_date

register_sections("people", people_sections, order=10)
register_sections("visites", visit_sections, order=40)
register_sections("ateliers", atelier_sections, order=50)
register_sections("tournees", tournee_sections, order=60)
register_sections("audit", audit_sections, order=900)
register_anonymiser("activite", anonymise_activity)


@dataclass(frozen=True)
class RequestInput:
    kind: str
    requester: str
    received_on: str | dt.date | None
    note: str = ""


@dataclass(frozen=True)
class RequestView:
    id: int
    version_id: int
    person_id: int
    person_name: str
    kind: str
    kind_label: str
    requester: str
    received_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None
    answer: str
    note: str

    def overdue(self, today: dt.date) -> bool:
        return self.answered_on is None and today > self.due_on


@dataclass(frozen=True)
class PersonFile:
    """Everything Escale holds about one person, ready for the PDF and the JSON."""

    person_id: int
    display_name: str
    service_name: str
    generated_at: dt.datetime
    sections: list[Section]

    def to_json(self) -> dict[str, object]:
        return {
            "document": "Données détenues par Escale sur une personne (droit d'accès, art. 15 RGPD)",
            "service": self.service_name,
            "personne_id": self.person_id,
            "personne": self.display_name,
            "genere_le": self.generated_at.isoformat(timespec="seconds"),
            "sections": [section.to_json() for section in self.sections],
        }


def _view(req: RightsRequest, person: Person) -> RequestView:
    return RequestView(
        req.id, req.version_id, req.person_id, f"{person.nom.upper()} {person.prenom}".strip(),
        req.kind, label(RIGHTS_KIND, req.kind), req.requester, req.received_on, req.due_on,
        req.answered_on, req.answer, req.note,
    )


class RightsService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    # ----- the register of requests ----------------------------------------------------
    def record_request(self, actor: Actor, person_id: int, data: RequestInput) -> RequestView:
        require(actor, Perm.EXPORT_PERSONAL)
        errors: dict[str, str] = {}
        try:
            kind = str(RightsKind(data.kind))
        except ValueError:
            errors["kind"] = "Choisissez le droit exercé (accès, rectification, effacement…)."
            kind = ""
        try:
            requester = clean_text(data.requester, 150) or ""
            if not requester:
                errors["requester"] = "Indiquez qui fait la demande (la personne elle-même, un proche…)."
        except FieldError as exc:
            errors["requester"], requester = str(exc), ""
        try:
            received = parse_date(data.received_on)
            if received is None:
                errors["received_on"] = "Indiquez la date de réception de la demande."
            elif received > dt.date.today():
                errors["received_on"] = "Cette date est dans le futur."
        except (FieldError, ValueError) as exc:
            errors["received_on"], received = str(exc), None
        if errors:
            raise ValidationError(errors)
        assert received is not None
        with self.db.uow() as s:
            person = self._person(s, person_id)
            req = RightsRequest(
                person_id=person.id, kind=kind, requester=requester, received_on=received,
                due_on=received + relativedelta(months=1), note=(data.note or "").strip(),
                recorded_by=actor.user_id,
            )
            s.add(req)
            s.flush()
            audit.record(s, actor, "demande_droit", "rights_request", req.id, person_id=person.id,
                         fields=["kind", "requester", "received_on"], detail=kind)
            return _view(req, person)

    def answer(self, actor: Actor, request_id: int, expected_version: int,
               answered_on: str | dt.date | None, answer: str) -> RequestView:
        require(actor, Perm.EXPORT_PERSONAL)
        try:
            day = parse_date(answered_on)
        except (FieldError, ValueError) as exc:
            raise ValidationError.single("answered_on", str(exc)) from exc
        if day is None:
            raise ValidationError.single("answered_on", "Indiquez la date de la réponse.")
        if day > dt.date.today():
            raise ValidationError.single("answered_on", "Cette date est dans le futur.")
        try:
            with self.db.uow() as s:
                req = s.get(RightsRequest, request_id)
                if req is None:
                    raise NotFound()
                if req.version_id != expected_version:
                    raise Conflict()
                if day < req.received_on:
                    raise ValidationError.single("answered_on", "La réponse ne peut précéder la demande.")
                req.answered_on = day
                req.answer = (answer or "").strip()
                s.flush()
                audit.record(s, actor, "reponse_droit", "rights_request", req.id, person_id=req.person_id,
                             fields=["answered_on", "answer"])
                return _view(req, self._person(s, req.person_id))
        except StaleDataError as exc:
            raise Conflict() from exc

    def requests(self, actor: Actor, person_id: int | None = None, open_only: bool = False) -> list[RequestView]:
        require(actor, Perm.EXPORT_PERSONAL)
        with self.db.read() as s:
            stmt = select(RightsRequest, Person).join(Person, Person.id == RightsRequest.person_id)
            if person_id is not None:
                stmt = stmt.where(RightsRequest.person_id == person_id)
            if open_only:
                stmt = stmt.where(RightsRequest.answered_on.is_(None))
            stmt = stmt.order_by(RightsRequest.received_on.desc(), RightsRequest.id.desc())
            return [_view(req, person) for req, person in s.execute(stmt)]

    # ----- the export ------------------------------------------------------------------
    def person_file(self, actor: Actor, person_id: int) -> PersonFile:
        require(actor, Perm.EXPORT_PERSONAL)
        with self.db.read() as s:
            person = self._person(s, person_id)
            return PersonFile(
                person.id, f"{person.nom.upper()} {person.prenom}".strip(),
                str(self.settings.get("service.nom")), dt.datetime.now().replace(microsecond=0),
                sections_for(s, person.id),
            )

    def export_person(self, actor: Actor, person_id: int, pdf: Path | None = None,
                      json_path: Path | None = None) -> PersonFile:
        """Write the PDF and/or JSON of everything held about the person; audited."""
        from desktop_app.reports.person_file import write_person_file

        if pdf is None and json_path is None:
            raise ValidationError.single("fichier", "Choisissez un fichier PDF ou JSON à écrire.")
        data = self.person_file(actor, person_id)
        if pdf is not None:
            write_person_file(data, pdf)
        if json_path is not None:
            Path(json_path).write_text(json.dumps(data.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
        kinds = "+".join(k for k, p in (("PDF", pdf), ("JSON", json_path)) if p is not None)
        with self.db.uow() as s:
            audit.record(s, actor, "export", "person", person_id, person_id=person_id,
                         detail=f"dossier complet ({kinds})")
        return data

    @staticmethod
    def _person(s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
        return person
