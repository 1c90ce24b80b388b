"""Passages of the bus: create and adjust them, accept the plan assistant's proposals, and
keep each passage's people.

A passage IS a séance of its convention's atelier action (:mod:`seance_link`): creating,
moving or cancelling a passage does the same to its séance; registering a person registers
them to the action and presence is the séance attendance, both through the ateliers
services. ``passage_participant`` keeps only the pick-up tick and the planned time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.enums import Role
from db.models import (
    AtelierAction,
    AtelierInscription,
    CommuneConvention,
    Passage,
    PassageParticipant,
    PassageStop,
    Person,
    User,
    Vehicle,
)
from db.models.ateliers_participation import StatutInscription, StatutPresence
from db.models.tournees import PassageStatus, PassageType
from desktop_app.actor import Actor
from desktop_app.ateliers.attendance import AttendanceService
from desktop_app.ateliers.common import counts as action_counts
from desktop_app.ateliers.registrations import RegistrationService
from desktop_app.communes import get_registry
from desktop_app.errors import Conflict, NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.tournees import participants as parts
from desktop_app.tournees import planning, seance_link
from desktop_app.tournees.participants import person_name
from desktop_app.tournees.records import (
    ParticipantView,
    PassageInput,
    PassageView,
    parse_float,
    parse_time,
)
from desktop_app.validation import FieldError, clean_text, parse_date

MAX_PARTICIPANTS = seance_link.CAPACITY
__all__ = ["MAX_PARTICIPANTS", "PassageService", "clear_route", "passage_view", "person_name"]


def passage_view(s: Session, p: Passage) -> PassageView:
    inscrits, presents, riders = parts.counts(s, p)
    vehicle = s.get(Vehicle, p.vehicle_id) if p.vehicle_id else None
    driver = s.get(User, p.chauffeur_id) if p.chauffeur_id else None
    warnings = tuple(w for w in (p.route_avertissements or "").split("\n") if w)
    return PassageView(
        p.id, p.version_id, p.convention_id, p.commune_insee, p.commune_nom, p.date, p.heure_debut,
        p.heure_fin, p.depart_au_plus_tot, p.type, p.statut, p.theme, p.vehicle_id,
        vehicle.nom if vehicle else None, p.lieu_nom, p.lieu_lat, p.lieu_lon, p.seance_id,
        inscrits, presents, riders, p.route_km, p.route_minutes, p.route_calculee_le, warnings, p.notes,
        p.chauffeur_id, driver.display_name if driver else None, parts.action_id_of(s, p),
    )


def clear_route(s: Session, passage: Passage) -> None:
    s.execute(delete(PassageStop).where(PassageStop.passage_id == passage.id))
    passage.route_km = passage.route_minutes = None
    passage.route_calculee_le = None
    passage.route_avertissements = None
    for row in s.scalars(select(PassageParticipant).where(PassageParticipant.passage_id == passage.id)):
        row.heure_prise_en_charge = None


class PassageService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.registrations = RegistrationService(db)
        self.attendance = AttendanceService(db)

    # ----- reading ---------------------------------------------------------------------
    def for_year(self, actor: Actor, annee: int, commune_insee: str | None = None) -> list[PassageView]:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            q = select(Passage).where(Passage.date >= dt.date(annee, 1, 1), Passage.date <= dt.date(annee, 12, 31))
            if commune_insee:
                q = q.where(Passage.commune_insee == commune_insee)
            return [passage_view(s, p) for p in s.scalars(q.order_by(Passage.date, Passage.heure_debut))]

    def get(self, actor: Actor, passage_id: int) -> PassageView:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return passage_view(s, self._load(s, passage_id))

    def participants(self, actor: Actor, passage_id: int) -> list[ParticipantView]:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return parts.participants(s, self._load(s, passage_id))

    # ----- writing ---------------------------------------------------------------------
    def create(self, actor: Actor, data: PassageInput) -> PassageView:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            values = self._clean(s, data)
            passage = Passage(**values)
            s.add(passage)
            s.flush()
            seance_link.attach_seance(s, passage)
            audit.record(s, actor, "creation", "passage", passage.id, fields=values.keys())
            return passage_view(s, passage)

    def update(self, actor: Actor, passage_id: int, expected_version: int, data: PassageInput) -> PassageView:
        require(actor, Perm.TOURNEES_WRITE)
        try:
            with self.db.uow() as s:
                passage = self._load(s, passage_id)
                if passage.version_id != expected_version:
                    raise Conflict()
                values = self._clean(s, data, passage_id)
                changed = [k for k, v in values.items() if getattr(passage, k) != v]
                for key, value in values.items():
                    setattr(passage, key, value)
                seance_link.sync_seance(s, passage)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "passage", passage.id, fields=changed)
                return passage_view(s, passage)
        except StaleDataError as exc:
            raise Conflict() from exc

    def apply_plan(self, actor: Actor, proposals: list[planning.Proposal], heure_debut: str = "14:00",
                   heure_fin: str = "16:30") -> list[PassageView]:
        """Store the proposals the coordinator kept, as planned passages."""
        require(actor, Perm.TOURNEES_WRITE)
        created = []
        with self.db.uow() as s:
            for prop in proposals:
                conv = s.get(CommuneConvention, prop.convention_id)
                if conv is None:
                    raise NotFound("Une convention de la proposition n'existe plus : relancez l'assistant.")
                data = PassageInput(conv.commune_insee, prop.date, heure_debut, heure_fin, type=prop.type,
                                    vehicle_id=prop.vehicle_id, convention_id=conv.id,
                                    theme="Découverte de l'API Bus" if prop.type == PassageType.DECOUVERTE else None)
                values = self._clean(s, data)
                passage = Passage(**values)
                s.add(passage)
                s.flush()
                seance_link.attach_seance(s, passage)
                audit.record(s, actor, "creation", "passage", passage.id, detail="plan annuel")
                created.append(passage_view(s, passage))
        return created

    def _clean(self, s: Session, data: PassageInput, passage_id: int | None = None) -> dict[str, Any]:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        conv = s.get(CommuneConvention, data.convention_id) if data.convention_id else None
        if data.convention_id and conv is None:
            errors["convention_id"] = "Cette convention n'existe plus."
        insee = conv.commune_insee if conv else data.commune_insee
        commune = get_registry().by_insee(insee or "")
        if commune is None:
            errors["commune_insee"] = "Choisissez la commune dans la liste."
        else:
            values["commune_insee"], values["commune_nom"] = commune.insee, commune.nom
        for field, parser in (("date", parse_date), ("heure_debut", parse_time), ("heure_fin", parse_time),
                              ("depart_au_plus_tot", parse_time)):
            try:
                values[field] = parser(getattr(data, field))
            except FieldError as exc:
                errors[field] = str(exc)
        if conv is None and commune is not None and isinstance(values.get("date"), dt.date):
            # a passage typed by hand joins the commune's convention of that year, if any
            conv = s.scalar(select(CommuneConvention).where(CommuneConvention.annee == values["date"].year,
                                                            CommuneConvention.commune_insee == commune.insee))
        values["convention_id"] = conv.id if conv else None
        for field, label in (("date", "la date"), ("heure_debut", "l'heure de début"), ("heure_fin", "l'heure de fin")):
            if field not in errors and values.get(field) is None:
                errors[field] = f"Indiquez {label} du passage."
        if values.get("heure_debut") and values.get("heure_fin") and values["heure_fin"] <= values["heure_debut"]:
            errors["heure_fin"] = "L'heure de fin doit suivre l'heure de début."
        dep = values.get("depart_au_plus_tot")
        if dep and values.get("heure_debut") and dep >= values["heure_debut"]:
            errors["depart_au_plus_tot"] = "Le départ de la base doit précéder le début de l'animation."
        if data.type not in set(PassageType):
            errors["type"] = "Type de passage : découverte ou série d'ateliers."
        if data.statut not in set(PassageStatus):
            errors["statut"] = "Statut : prévu, réalisé ou annulé."
        values["type"], values["statut"] = data.type, data.statut
        if data.vehicle_id is not None:
            if s.get(Vehicle, data.vehicle_id) is None:
                errors["vehicle_id"] = "Ce véhicule n'existe plus."
            elif values.get("date") and data.statut != PassageStatus.ANNULE:
                clash = s.scalar(select(Passage.commune_nom).where(
                    Passage.vehicle_id == data.vehicle_id, Passage.date == values["date"],
                    Passage.statut != PassageStatus.ANNULE, Passage.id != (passage_id or -1)))
                if clash:
                    errors["vehicle_id"] = f"Ce véhicule est déjà à {clash} ce jour-là (un passage par jour et par véhicule)."
        values["vehicle_id"] = data.vehicle_id
        values["chauffeur_id"] = data.chauffeur_id
        if data.chauffeur_id is not None:
            driver = s.get(User, data.chauffeur_id)
            if driver is None or not driver.active:
                errors["chauffeur_id"] = "Ce compte n'existe plus ou est désactivé."
            elif driver.role != Role.CHAUFFEUR:
                errors["chauffeur_id"] = f"{driver.display_name} n'a pas un compte chauffeur."
        try:
            values["theme"] = clean_text(data.theme, 150)
            values["notes"] = clean_text(data.notes, 4000)
            values["lieu_nom"] = clean_text(data.lieu_nom, 150)
            lat = parse_float(data.lieu_lat, "Latitude invalide : un nombre comme 43,6286.")
            lon = parse_float(data.lieu_lon, "Longitude invalide : un nombre comme 3,4319.")
        except FieldError as exc:
            errors["lieu_lat"] = str(exc)
            lat = lon = None
        if values.get("lieu_nom") is None and lat is None and conv is not None:
            values["lieu_nom"], lat, lon = conv.lieu_nom, conv.lieu_lat, conv.lieu_lon
        values["lieu_lat"], values["lieu_lon"] = lat, lon
        if errors:
            raise ValidationError(errors)
        return values

    # ----- the people of a passage (registrations and attendance of its séance) ---------
    def register(self, actor: Actor, passage_id: int, person_id: int, needs_pickup: bool = False) -> ParticipantView:
        """Register the person to the passage's atelier action (ateliers service), then
        keep their pick-up tick for this passage."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            passage = self._load(s, passage_id)
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            action_id = self._action_id(s, passage)
            if person_id in parts.participant_ids(s, passage):
                raise ValidationError.single("person_id", f"{person_name(person)} est déjà inscrit(e) à ce passage.")
            action = s.get(AtelierAction, action_id)
            assert action is not None
            if action_counts(s, action).complet:
                raise Refused(f"Ce passage a déjà {action.capacite} inscrits, le maximum pour une séance dans le bus.")
        self.registrations.register(actor, action_id, person_id)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            row = self._pickup_row(s, passage_id, person_id)
            row.besoin_transport = needs_pickup
            s.flush()
            if needs_pickup:
                clear_route(s, passage)
                audit.record(s, actor, "transport", "passage", passage_id, person_id=person_id,
                             fields=["besoin_transport"])
            return next(p for p in parts.participants(s, passage) if p.person_id == person_id)

    def unregister(self, actor: Actor, passage_id: int, person_id: int) -> None:
        """Withdraw the person from the passage's action (ateliers service); their pick-up
        rows of the passages still to come go, with the routes that counted on them."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            passage = self._load(s, passage_id)
            conv_id, insee = passage.convention_id, passage.commune_insee
            action_id = self._action_id(s, passage)
            reg_id = s.scalar(select(AtelierInscription.id).where(
                AtelierInscription.action_id == action_id, AtelierInscription.person_id == person_id,
                AtelierInscription.statut == StatutInscription.INSCRIT))
        if reg_id is None:
            raise NotFound("Cette personne n'est pas inscrite à ce passage.")
        self.registrations.withdraw(actor, reg_id, "désinscription d'un passage du bus")
        with self.db.uow() as s:
            coming = s.scalars(select(Passage).join(PassageParticipant, PassageParticipant.passage_id == Passage.id).where(
                PassageParticipant.person_id == person_id, Passage.statut == PassageStatus.PREVU,
                Passage.convention_id.is_not_distinct_from(conv_id), Passage.commune_insee == insee)).all()
            for other in coming:
                row = self._pickup_row(s, other.id, person_id, create=False)
                if row is not None:
                    if row.besoin_transport:
                        clear_route(s, other)
                    s.delete(row)
            audit.record(s, actor, "desinscription", "passage", passage_id, person_id=person_id)

    def set_pickups(self, actor: Actor, passage_id: int, person_ids: set[int]) -> list[ParticipantView]:
        """Tick exactly these registered people as needing a ride from home."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            if person_ids - parts.participant_ids(s, passage):
                raise ValidationError.single("person_id", "Seules les personnes inscrites peuvent être cherchées à domicile.")
            rows = {r.person_id: r for r in s.scalars(select(PassageParticipant).where(
                PassageParticipant.passage_id == passage_id))}
            if {pid for pid, r in rows.items() if r.besoin_transport} != person_ids:
                clear_route(s, passage)  # the stored route no longer matches the ticks
            for pid in person_ids - rows.keys():
                rows[pid] = self._pickup_row(s, passage_id, pid)
            for pid, row in rows.items():
                wanted = pid in person_ids
                if row.besoin_transport != wanted:
                    row.besoin_transport = wanted
                    if not wanted:
                        row.heure_prise_en_charge = None
                    audit.record(s, actor, "transport", "passage", passage_id, person_id=pid,
                                 fields=["besoin_transport"])
        return self.participants(actor, passage_id)

    def set_presence(self, actor: Actor, passage_id: int, person_id: int, present: bool | None) -> None:
        """Attendance of the passage's séance (ateliers service): present, absent or cleared.
        A planned passage with attendance is carried out."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            passage = self._load(s, passage_id)
            if person_id not in parts.participant_ids(s, passage):
                raise NotFound("Cette personne n'est pas inscrite à ce passage.")
            seance_id = passage.seance_id
        assert seance_id is not None
        statut = None if present is None else (StatutPresence.PRESENT if present else StatutPresence.ABSENT)
        self.attendance.set_cell(actor, seance_id, person_id, statut)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            if present is not None and passage.statut == PassageStatus.PREVU:
                passage.statut = PassageStatus.REALISE
                audit.record(s, actor, "modification", "passage", passage_id, fields=["statut"])

    def drivers(self, actor: Actor) -> list[tuple[int, str]]:
        """The active chauffeur accounts, for the passage form."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            return [(u.id, u.display_name) for u in s.scalars(select(User).where(
                User.role == Role.CHAUFFEUR, User.active.is_(True)).order_by(User.display_name))]

    def _action_id(self, s: Session, passage: Passage) -> int:
        action_id = parts.action_id_of(s, passage)
        if action_id is None:  # a passage written before its séance existed
            with self.db.uow() as w:
                row = self._load(w, passage.id)
                seance_link.sync_seance(w, row)
                w.flush()
                action_id = parts.action_id_of(w, row)
                passage.seance_id = row.seance_id
        assert action_id is not None
        return action_id

    @staticmethod
    def _pickup_row(s: Session, passage_id: int, person_id: int, create: bool = True) -> PassageParticipant:
        row = s.scalar(select(PassageParticipant).where(PassageParticipant.passage_id == passage_id,
                                                        PassageParticipant.person_id == person_id))
        if row is None and create:
            row = PassageParticipant(passage_id=passage_id, person_id=person_id, besoin_transport=False)
            s.add(row)
        return row  # type: ignore[return-value]

    @staticmethod
    def _load(s: Session, passage_id: int) -> Passage:
        passage = s.get(Passage, passage_id)
        if passage is None:
            raise NotFound("Ce passage n'existe pas ou plus.")
        return passage
