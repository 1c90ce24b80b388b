"""Passages of the bus: create and adjust them, accept the plan assistant's proposals, and
keep each passage's list of registered people (who needs a ride, who came).

The list of people lives in ``passage_participant`` for now. When the ateliers tables
land, a passage hosts one séance (``passage.seance_id``): registrations and attendance then
come from the séance, and ``passage_participant`` keeps only what is the bus's own
business (pick-up needed, planned pick-up time).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.models import CommuneConvention, Passage, PassageParticipant, PassageStop, Person, Vehicle
from db.models.tournees import PassageStatus, PassageType
from desktop_app.actor import Actor
from desktop_app.communes import get_registry
from desktop_app.errors import Conflict, NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.tournees import planning
from desktop_app.tournees.records import (
    ParticipantView,
    PassageInput,
    PassageView,
    parse_float,
    parse_time,
)
from desktop_app.validation import FieldError, clean_text, format_phone, parse_date

MAX_PARTICIPANTS = 12  # « jusqu'à douze par séance »
CIVILITE_COURTE = {"mme": "Mme", "m": "M."}


def person_name(p: Person, with_civilite: bool = True) -> str:
    civ = CIVILITE_COURTE.get(p.civilite or "", "") if with_civilite else ""
    return " ".join(x for x in (civ, p.nom.upper(), p.prenom) if x)


def participant_view(row: PassageParticipant, p: Person) -> ParticipantView:
    address = ", ".join(x for x in (p.adresse, p.complement_adresse) if x)
    urgence = " ".join(x for x in (p.urgence_nom or "", f"({p.urgence_lien})" if p.urgence_lien else "",
                                   format_phone(p.urgence_telephone)) if x)
    return ParticipantView(
        row.id, p.id, person_name(p, False), p.civilite, address, p.commune_nom, p.telephone, p.mobilite,
        p.latitude, p.longitude, p.geocode_status, urgence, row.besoin_transport, row.heure_prise_en_charge,
        row.present,
    )


def passage_view(s: Session, p: Passage) -> PassageView:
    stats = s.execute(select(
        func.count(PassageParticipant.id),
        func.count(PassageParticipant.id).filter(PassageParticipant.present.is_(True)),
        func.count(PassageParticipant.id).filter(PassageParticipant.besoin_transport.is_(True)),
    ).where(PassageParticipant.passage_id == p.id)).one()
    vehicle = s.get(Vehicle, p.vehicle_id) if p.vehicle_id else None
    warnings = tuple(w for w in (p.route_avertissements or "").split("\n") if w)
    return PassageView(
        p.id, p.version_id, p.convention_id, p.commune_insee, p.commune_nom, p.date, p.heure_debut,
        p.heure_fin, p.depart_au_plus_tot, p.type, p.statut, p.theme, p.vehicle_id,
        vehicle.nom if vehicle else None, p.lieu_nom, p.lieu_lat, p.lieu_lon, p.seance_id,
        stats[0], stats[1], stats[2], p.route_km, p.route_minutes, p.route_calculee_le, warnings, p.notes,
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
            self._load(s, passage_id)
            rows = s.execute(select(PassageParticipant, Person).join(Person, Person.id == PassageParticipant.person_id)
                             .where(PassageParticipant.passage_id == passage_id).order_by(Person.sort_key)).all()
            return [participant_view(r, p) for r, p in rows]

    # ----- writing ---------------------------------------------------------------------
    def create(self, actor: Actor, data: PassageInput) -> PassageView:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            values = self._clean(s, data)
            passage = Passage(**values)
            s.add(passage)
            s.flush()
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

    # ----- the people of a passage -----------------------------------------------------
    def register(self, actor: Actor, passage_id: int, person_id: int, needs_pickup: bool = False) -> ParticipantView:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            self._load(s, passage_id)
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            if s.scalar(select(PassageParticipant.id).where(PassageParticipant.passage_id == passage_id,
                                                           PassageParticipant.person_id == person_id)):
                raise ValidationError.single("person_id", f"{person_name(person)} est déjà inscrit(e) à ce passage.")
            count = s.scalar(select(func.count()).where(PassageParticipant.passage_id == passage_id)) or 0
            if count >= MAX_PARTICIPANTS:
                raise Refused(f"Ce passage a déjà {MAX_PARTICIPANTS} inscrits, le maximum pour une séance dans le bus.")
            row = PassageParticipant(passage_id=passage_id, person_id=person_id, besoin_transport=needs_pickup)
            s.add(row)
            s.flush()
            audit.record(s, actor, "inscription", "passage", passage_id, person_id=person_id,
                         fields=["besoin_transport"])
            return participant_view(row, person)

    def unregister(self, actor: Actor, passage_id: int, person_id: int) -> None:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            row = self._participant(s, passage_id, person_id)
            if row.besoin_transport:
                clear_route(s, self._load(s, passage_id))
            audit.record(s, actor, "desinscription", "passage", passage_id, person_id=person_id)
            s.delete(row)

    def set_pickups(self, actor: Actor, passage_id: int, person_ids: set[int]) -> list[ParticipantView]:
        """Tick exactly these registered people as needing a ride from home."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            rows = s.scalars(select(PassageParticipant).where(PassageParticipant.passage_id == passage_id)).all()
            unknown = person_ids - {r.person_id for r in rows}
            if unknown:
                raise ValidationError.single("person_id", "Seules les personnes inscrites peuvent être cherchées à domicile.")
            if {r.person_id for r in rows if r.besoin_transport} != person_ids:
                clear_route(s, passage)  # the stored route no longer matches the ticks
            for row in rows:
                wanted = row.person_id in person_ids
                if row.besoin_transport != wanted:
                    row.besoin_transport = wanted
                    if not wanted:
                        row.heure_prise_en_charge = None
                    audit.record(s, actor, "transport", "passage", passage_id, person_id=row.person_id,
                                 fields=["besoin_transport"])
        return self.participants(actor, passage_id)

    def set_presence(self, actor: Actor, passage_id: int, person_id: int, present: bool | None) -> None:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            row = self._participant(s, passage_id, person_id)
            row.present = present
            audit.record(s, actor, "presence", "passage", passage_id, person_id=person_id, fields=["present"])

    @staticmethod
    def _participant(s: Session, passage_id: int, person_id: int) -> PassageParticipant:
        row = s.scalar(select(PassageParticipant).where(PassageParticipant.passage_id == passage_id,
                                                        PassageParticipant.person_id == person_id))
        if row is None:
            raise NotFound("Cette personne n'est pas inscrite à ce passage.")
        return row

    @staticmethod
    def _load(s: Session, passage_id: int) -> Passage:
        passage = s.get(Passage, passage_id)
        if passage is None:
            raise NotFound("Ce passage n'existe pas ou plus.")
        return passage
