"""Registrations and the waiting list.

While places remain, a person is ``inscrit``; once the action is full they go onto the
waiting list, in order. A withdrawal frees a place but promotes nobody by itself: the
first waiting person is *offered* the place and the coordinator promotes them with one
click (after a phone call), which is recorded in the audit trail. Counts of inscrits and
en attente are always returned apart.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.engine import Database
from db.models import AtelierAction, AtelierInscription, Person
from db.models.ateliers import StatutAction
from db.models.ateliers_participation import StatutInscription, Tarif
from desktop_app.actor import Actor
from desktop_app.ateliers.common import counts, display_name, load_action, load_person
from desktop_app.ateliers.records import (
    RegisterResult,
    RegistrationRow,
    Registrations,
    WithdrawResult,
)
from desktop_app.errors import NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.validation import FieldError, clean_text

INSCRIT, EN_ATTENTE, DESISTE = StatutInscription.INSCRIT, StatutInscription.EN_ATTENTE, StatutInscription.DESISTE


class RegistrationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_registrations(self, actor: Actor, action_id: int) -> Registrations:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            action = load_action(s, action_id)
            return self._registrations(s, action)

    def register(self, actor: Actor, action_id: int, person_id: int, tarif: str | None = None) -> RegisterResult:
        """Inscrit while places remain, otherwise at the end of the waiting list."""
        require(actor, Perm.ATELIERS_WRITE)
        tarif = _clean_tarif(tarif)
        with self.db.uow() as s:
            action = load_action(s, action_id)
            if action.statut in (StatutAction.TERMINE, StatutAction.ANNULE):
                raise Refused("Cet atelier est terminé ou annulé : les inscriptions sont closes.")
            person = load_person(s, person_id)
            reg = s.scalar(select(AtelierInscription).where(
                AtelierInscription.action_id == action.id, AtelierInscription.person_id == person.id))
            name = display_name(person.nom, person.prenom)
            if reg is not None and reg.statut == INSCRIT:
                raise Refused(f"{name} est déjà inscrit(e) à cet atelier.")
            if reg is not None and reg.statut == EN_ATTENTE:
                raise Refused(f"{name} est déjà sur la liste d'attente de cet atelier (rang {self._rank(s, reg)}).")
            full = counts(s, action).complet
            rank = self._next_rank(s, action.id) if full else None
            if reg is None:
                reg = AtelierInscription(action_id=action.id, person_id=person.id)
            reg.statut = EN_ATTENTE if full else INSCRIT
            reg.rang_attente = rank
            reg.inscrit_le, reg.desiste_le, reg.motif_desistement, reg.promu_le = dt.date.today(), None, None, None
            reg.tarif = tarif
            s.add(reg)
            s.flush()
            audit.record(s, actor, "inscription" if not full else "liste_attente", "atelier_inscription", reg.id,
                         person_id=person.id, detail=action.titre)
            return RegisterResult(self._row(s, reg, person), counts(s, action))

    def withdraw(self, actor: Actor, registration_id: int, motif: str | None = None) -> WithdrawResult:
        """The person leaves (or leaves the waiting list); returns whom to offer the place."""
        require(actor, Perm.ATELIERS_WRITE)
        try:
            reason = clean_text(motif, 300)
        except FieldError as exc:
            raise ValidationError.single("motif", str(exc)) from exc
        with self.db.uow() as s:
            reg = self._load(s, registration_id)
            if reg.statut == DESISTE:
                raise Refused("Cette personne s'est déjà désistée.")
            was = reg.statut
            reg.statut, reg.rang_attente, reg.desiste_le, reg.motif_desistement = DESISTE, None, dt.date.today(), reason
            s.flush()
            audit.record(s, actor, "desistement", "atelier_inscription", reg.id, person_id=reg.person_id,
                         detail=f"était {was}" + (f" ; {reason}" if reason else ""))
            action = load_action(s, reg.action_id)
            return WithdrawResult(self._row(s, reg), counts(s, action), self._offer(s, action))

    def promote(self, actor: Actor, registration_id: int) -> RegisterResult:
        """Give a freed place to a waiting person (the one offered, or another after a call)."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            reg = self._load(s, registration_id)
            if reg.statut != EN_ATTENTE:
                raise Refused("Cette personne n'est pas sur la liste d'attente.")
            action = load_action(s, reg.action_id)
            if counts(s, action).complet:
                raise Refused(
                    f"L'atelier est complet ({_places(action.capacite)}) : il faut un désistement "
                    "ou une capacité plus grande pour inscrire une personne en attente."
                )
            rank = self._rank(s, reg)
            reg.statut, reg.rang_attente, reg.promu_le = INSCRIT, None, utcnow()
            s.flush()
            audit.record(s, actor, "promotion_liste_attente", "atelier_inscription", reg.id,
                         person_id=reg.person_id, detail=f"{action.titre} ; rang {rank} sur la liste d'attente")
            return RegisterResult(self._row(s, reg), counts(s, action))

    def set_tarif(self, actor: Actor, registration_id: int, tarif: str | None) -> RegistrationRow:
        require(actor, Perm.ATELIERS_WRITE)
        value = _clean_tarif(tarif)
        with self.db.uow() as s:
            reg = self._load(s, registration_id)
            reg.tarif = value
            s.flush()
            audit.record(s, actor, "tarif", "atelier_inscription", reg.id, person_id=reg.person_id, fields=["tarif"])
            return self._row(s, reg)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, registration_id: int) -> AtelierInscription:
        reg = s.get(AtelierInscription, registration_id)
        if reg is None:
            raise NotFound("Cette inscription n'existe pas ou plus.")
        return reg

    @staticmethod
    def _next_rank(s: Session, action_id: int) -> int:
        last = s.scalar(select(func.max(AtelierInscription.rang_attente)).where(
            AtelierInscription.action_id == action_id, AtelierInscription.statut == EN_ATTENTE))
        return (last or 0) + 1

    @staticmethod
    def _rank(s: Session, reg: AtelierInscription) -> int:
        """1-based position on the waiting list (ranks stored may have gaps)."""
        ahead = s.scalar(select(func.count()).where(
            AtelierInscription.action_id == reg.action_id, AtelierInscription.statut == EN_ATTENTE,
            AtelierInscription.rang_attente < reg.rang_attente))
        return (ahead or 0) + 1

    def _offer(self, s: Session, action: AtelierAction) -> RegistrationRow | None:
        if counts(s, action).complet:
            return None
        first = s.scalar(
            select(AtelierInscription)
            .where(AtelierInscription.action_id == action.id, AtelierInscription.statut == EN_ATTENTE)
            .order_by(AtelierInscription.rang_attente, AtelierInscription.id).limit(1)
        )
        return self._row(s, first) if first is not None else None

    def _row(self, s: Session, reg: AtelierInscription, person: Person | None = None, rank: int | None = None) -> RegistrationRow:
        person = person or load_person(s, reg.person_id)
        if reg.statut == EN_ATTENTE and rank is None:
            rank = self._rank(s, reg)
        return RegistrationRow(
            id=reg.id, version_id=reg.version_id, action_id=reg.action_id, person_id=reg.person_id,
            nom=display_name(person.nom, person.prenom), statut=reg.statut,
            rang_attente=rank if reg.statut == EN_ATTENTE else None, inscrit_le=reg.inscrit_le,
            desiste_le=reg.desiste_le, promu_le=reg.promu_le, tarif=reg.tarif, telephone=person.telephone,
            mobilite=person.mobilite,
        )

    def _registrations(self, s: Session, action: AtelierAction) -> Registrations:
        rows = s.execute(
            select(AtelierInscription, Person)
            .join(Person, Person.id == AtelierInscription.person_id)
            .where(AtelierInscription.action_id == action.id)
            .order_by(AtelierInscription.rang_attente, Person.sort_key, AtelierInscription.id)
        ).all()
        inscrits: list[RegistrationRow] = []
        attente: list[RegistrationRow] = []
        desistes: list[RegistrationRow] = []
        for reg, person in rows:
            if reg.statut == EN_ATTENTE:
                attente.append(self._row(s, reg, person, rank=len(attente) + 1))
            elif reg.statut == INSCRIT:
                inscrits.append(self._row(s, reg, person))
            else:
                desistes.append(self._row(s, reg, person))
        return Registrations(inscrits, attente, desistes, counts(s, action), self._offer(s, action))


def _clean_tarif(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return str(Tarif(value))
    except ValueError as exc:
        raise ValidationError.single("tarif", f"Tarif inconnu « {value} ».") from exc


def _places(n: int | None) -> str:
    return f"{n} place{'s' if (n or 0) > 1 else ''}"
