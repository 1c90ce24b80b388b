"""Use cases of visits and contacts: log, edit, delete (each audited), read one visit, the
choices the form offers, and the journal of visits over a period.

The confidential note lives in its own table and leaves this service only for roles with
``Perm.CONFIDENTIAL_READ``; a role without it can neither read nor overwrite it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.enums import StatutPersonne
from db.models import (
    Partner,
    Person,
    User,
    Visit,
    VisitConfidential,
    VisitIntervenant,
    VisitOrientation,
)
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, ValidationError
from desktop_app.security import audit, scope
from desktop_app.security.permissions import Perm, can, require
from desktop_app.visits.followup import refresh_followup
from desktop_app.visits.names import intervenant_labels, person_name
from desktop_app.visits.records import (
    IntervenantChoice,
    IntervenantRef,
    OrientationView,
    VisitDetail,
    VisitInput,
    VisitRow,
)
from desktop_app.visits.scoping import check_visit, restrict_visits
from desktop_app.visits.validate import clean_visit

_COLUMNS = ("date", "heure", "duree_minutes", "mode", "objet", "resume", "prochain_contact")


class VisitsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- reading -------------------------------------------------------------------
    def get(self, actor: Actor, visit_id: int) -> VisitDetail:
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            visit = self._load(s, visit_id)
            check_visit(s, actor, visit)
            return self._detail(s, actor, visit)

    def latest_for_person(self, actor: Actor, person_id: int) -> VisitDetail | None:
        """The person's latest visit (the form pre-fills mode, purpose and intervenants)."""
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            scope.check_person(s, actor, person_id)
            visit = s.scalar(
                restrict_visits(select(Visit), actor).where(Visit.person_id == person_id)
                .order_by(Visit.date.desc(), Visit.heure.desc(), Visit.id.desc()).limit(1)
            )
            return None if visit is None else self._detail(s, actor, visit)

    def intervenant_choices(self, actor: Actor) -> list[IntervenantChoice]:
        """Active staff accounts, then the active bénévoles of the file."""
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            users = s.execute(
                select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.display_name)
            ).all()
            stmt = (select(Person.id, Person.nom, Person.prenom)
                    .where(Person.est_benevole.is_(True), Person.statut == str(StatutPersonne.ACTIF))
                    .order_by(Person.sort_key))
            if scope.own_only(actor):  # a bénévole names only themselves among the bénévoles
                stmt = stmt.where(Person.id == actor.person_id)
            benevoles = s.execute(stmt).all()
        out = [IntervenantChoice(IntervenantRef(user_id=u.id), u.display_name) for u in users]
        out += [
            IntervenantChoice(IntervenantRef(person_id=p.id), f"{person_name(p.nom, p.prenom)} (bénévole)")
            for p in benevoles
        ]
        return out

    def journal(self, actor: Actor, start: dt.date, end: dt.date, limit: int = 2000) -> list[VisitRow]:
        """Visits between two dates (inclusive), newest first."""
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            rows = s.execute(
                restrict_visits(select(Visit, Person.nom, Person.prenom), actor)
                .join(Person, Person.id == Visit.person_id)
                .where(Visit.date.between(start, end))
                .order_by(Visit.date.desc(), Visit.heure.desc(), Visit.id.desc()).limit(limit)
            ).all()
            labels = intervenant_labels(s, [r.Visit.id for r in rows])
            return [
                VisitRow(
                    id=r.Visit.id, person_id=r.Visit.person_id, person_name=person_name(r.nom, r.prenom),
                    date=r.Visit.date, heure=r.Visit.heure, duree_minutes=r.Visit.duree_minutes,
                    mode=r.Visit.mode, objet=r.Visit.objet,
                    intervenants=", ".join(c.label for c in labels.get(r.Visit.id, ())),
                )
                for r in rows
            ]

    def count_between(self, actor: Actor, start: dt.date, end: dt.date) -> int:
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            stmt = restrict_visits(select(func.count()).select_from(Visit), actor)
            return s.scalar(stmt.where(Visit.date.between(start, end))) or 0

    # ----- writing -------------------------------------------------------------------
    def log(self, actor: Actor, data: VisitInput, today: dt.date | None = None) -> VisitDetail:
        require(actor, Perm.VISITS_WRITE)
        values = self._clean(actor, data, today)
        with self.db.uow() as s:
            scope.check_person(s, actor, values["person_id"])
            self._check_refs(s, values, previous_partners=set())
            visit = Visit(**{k: values[k] for k in ("person_id", *_COLUMNS)}, created_by=actor.user_id)
            s.add(visit)
            s.flush()
            self._write_children(s, visit.id, values, write_note=True)
            refresh_followup(s, visit.person_id)
            filled = [k for k in (*_COLUMNS, "intervenants", "orientations") if values[k]]
            if values["note"]:
                filled.append("note_confidentielle")
            audit.record(s, actor, "creation", "visit", visit.id, person_id=visit.person_id, fields=filled)
            return self._detail(s, actor, visit)

    def update(
        self, actor: Actor, visit_id: int, expected_version: int, data: VisitInput,
        today: dt.date | None = None,
    ) -> VisitDetail:
        require(actor, Perm.VISITS_WRITE)
        values = self._clean(actor, data, today)
        write_note = can(actor, Perm.CONFIDENTIAL_READ)
        try:
            with self.db.uow() as s:
                visit = self._load(s, visit_id)
                check_visit(s, actor, visit)
                if visit.version_id != expected_version:
                    raise Conflict("Cette visite a été modifiée par ailleurs depuis son ouverture. Rechargez-la.")
                if values["person_id"] != visit.person_id:
                    raise ValidationError.single("person_id", "Une visite ne change pas de personne : supprimez-la et saisissez-la sur la bonne fiche.")
                before = self._snapshot(s, visit)
                self._check_refs(s, values, previous_partners={p for p, _ in before["orientations"]})
                for key in _COLUMNS:
                    setattr(visit, key, values[key])
                self._write_children(s, visit.id, values, write_note=write_note, replace=True)
                s.flush()
                after = self._snapshot(s, visit)
                changed = [k for k in after if after[k] != before[k]]
                refresh_followup(s, visit.person_id)
                if changed:
                    audit.record(s, actor, "modification", "visit", visit.id, person_id=visit.person_id, fields=changed)
                return self._detail(s, actor, visit)
        except StaleDataError as exc:
            raise Conflict() from exc

    def delete(self, actor: Actor, visit_id: int) -> None:
        require(actor, Perm.VISITS_WRITE)
        with self.db.uow() as s:
            visit = self._load(s, visit_id)
            check_visit(s, actor, visit)
            person_id = visit.person_id
            audit.record(s, actor, "suppression", "visit", visit.id, person_id=person_id,
                         detail=f"visite du {visit.date.isoformat()}")
            s.delete(visit)
            s.flush()
            refresh_followup(s, person_id)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _clean(actor: Actor, data: VisitInput, today: dt.date | None) -> dict[str, Any]:
        values = clean_visit(data, today or dt.date.today())
        if values["note"] and not can(actor, Perm.CONFIDENTIAL_READ):
            raise ValidationError.single(
                "note_confidentielle", "Votre rôle ne permet pas d'écrire une note confidentielle."
            )
        if not values["intervenants"] and actor.user_id is not None:
            values["intervenants"] = [IntervenantRef(user_id=actor.user_id)]  # who logs it went
        return values

    @staticmethod
    def _load(s: Session, visit_id: int) -> Visit:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound("Cette visite n'existe pas ou plus.")
        return visit

    @staticmethod
    def _check_refs(s: Session, values: dict[str, Any], previous_partners: set[int]) -> None:
        errors: dict[str, str] = {}
        person = s.get(Person, values["person_id"])
        if person is None:
            raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
        for ref in values["intervenants"]:
            if ref.user_id is not None:
                user = s.get(User, ref.user_id)
                if user is None or not user.active:
                    errors["intervenants"] = "Cet intervenant n'a plus de compte actif."
            else:
                benevole = s.get(Person, ref.person_id)
                if benevole is None or not benevole.est_benevole:
                    errors["intervenants"] = "Cette personne n'est pas inscrite comme bénévole."
        for partner_id, _ in values["orientations"]:
            partner = s.get(Partner, partner_id)
            if partner is None:
                errors["orientations"] = "Ce partenaire n'existe plus."
            elif partner.archived and partner_id not in previous_partners:
                errors["orientations"] = f"« {partner.nom} » est archivé : choisissez un partenaire actif."
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _write_children(
        s: Session, visit_id: int, values: dict[str, Any], write_note: bool, replace: bool = False
    ) -> None:
        if replace:
            for model in (VisitIntervenant, VisitOrientation):
                for row in s.scalars(select(model).where(model.visit_id == visit_id)):
                    s.delete(row)
            s.flush()
        for pos, ref in enumerate(values["intervenants"], start=1):
            s.add(VisitIntervenant(visit_id=visit_id, position=pos, user_id=ref.user_id, person_id=ref.person_id))
        for partner_id, motif in values["orientations"]:
            s.add(VisitOrientation(visit_id=visit_id, partner_id=partner_id, motif=motif))
        if write_note:
            note = s.get(VisitConfidential, visit_id)
            if values["note"] and note is None:
                s.add(VisitConfidential(visit_id=visit_id, note=values["note"]))
            elif values["note"] and note is not None:
                note.note = values["note"]
            elif note is not None:
                s.delete(note)
        s.flush()

    @staticmethod
    def _snapshot(s: Session, visit: Visit) -> dict[str, Any]:
        snap: dict[str, Any] = {k: getattr(visit, k) for k in _COLUMNS}
        snap["intervenants"] = s.execute(
            select(VisitIntervenant.user_id, VisitIntervenant.person_id)
            .where(VisitIntervenant.visit_id == visit.id).order_by(VisitIntervenant.position)
        ).all()
        snap["orientations"] = sorted(s.execute(
            select(VisitOrientation.partner_id, VisitOrientation.motif).where(VisitOrientation.visit_id == visit.id)
        ).all())
        snap["note_confidentielle"] = s.scalar(select(VisitConfidential.note).where(VisitConfidential.visit_id == visit.id))
        return snap

    def _detail(self, s: Session, actor: Actor, visit: Visit) -> VisitDetail:
        person = s.get(Person, visit.person_id)
        assert person is not None
        orientations = s.execute(
            select(VisitOrientation.partner_id, Partner.nom, VisitOrientation.motif)
            .join(Partner, Partner.id == VisitOrientation.partner_id)
            .where(VisitOrientation.visit_id == visit.id).order_by(VisitOrientation.id)
        ).all()
        allowed = can(actor, Perm.CONFIDENTIAL_READ)
        note = s.scalar(select(VisitConfidential.note).where(VisitConfidential.visit_id == visit.id)) if allowed else None
        creator = s.get(User, visit.created_by) if visit.created_by else None
        return VisitDetail(
            id=visit.id, version_id=visit.version_id, person_id=visit.person_id,
            person_name=person_name(person.nom, person.prenom), date=visit.date, heure=visit.heure,
            duree_minutes=visit.duree_minutes, mode=visit.mode, objet=visit.objet, resume=visit.resume,
            intervenants=intervenant_labels(s, [visit.id]).get(visit.id, ()),
            orientations=tuple(OrientationView(o.partner_id, o.nom, o.motif) for o in orientations),
            prochain_contact=visit.prochain_contact,
            created_by_name=creator.display_name if creator else None, created_at=visit.created_at,
            note_confidentielle=note, note_hidden=not allowed,
        )
