"""Communes served, one convention per commune and year; the editable tariff grid; the
yearly plan assistant that turns conventions into proposed passages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.models import CommuneConvention, Passage, TariffRate
from db.models.tournees import PassageStatus
from desktop_app.actor import Actor
from desktop_app.communes import get_registry
from desktop_app.errors import Conflict, NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.tournees import convention_funding, planning, tariff
from desktop_app.tournees.geocoding import check_coordinates
from desktop_app.tournees.records import ConventionInput, ConventionView, parse_float
from desktop_app.validation import FieldError, clean_text, parse_amount, parse_date


def convention_view(s: Session, c: CommuneConvention) -> ConventionView:
    counts = dict(s.execute(
        select(Passage.statut, func.count()).where(Passage.convention_id == c.id).group_by(Passage.statut)
    ).all())
    planned = sum(n for st, n in counts.items() if st != PassageStatus.ANNULE)
    return ConventionView(
        c.id, c.version_id, c.annee, c.commune_insee, c.commune_nom, c.passages_commandes, c.decouverte,
        c.lieu_nom, c.lieu_adresse, c.lieu_lat, c.lieu_lon, c.contact, c.prioritaire, c.jour_prefere,
        c.montant, c.paye, c.date_paiement, c.notes, planned, counts.get(PassageStatus.REALISE, 0),
        tuple(convention_funding.linked(s, c.id)),
    )


class ConventionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- tariff grid -----------------------------------------------------------------
    def tariff_grid(self, actor: Actor) -> list[tariff.TariffRow]:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return self._grid(s)

    def set_tariff_grid(self, actor: Actor, rows: list[tuple[Any, Any]]) -> list[tariff.TariffRow]:
        """Replace the grid: (from how many passages, price per passage or empty)."""
        require(actor, Perm.FUNDING_WRITE)
        clean: dict[int, Decimal | None] = {}
        errors: dict[str, str] = {}
        for i, (minimum, price) in enumerate(rows):
            try:
                n = int(str(minimum).strip())
                if n < 1:
                    raise ValueError
            except ValueError:
                errors[f"ligne_{i}"] = f"Ligne {i + 1} : le nombre de passages est un entier à partir de 1."
                continue
            try:
                amount = parse_amount(price)
            except FieldError as exc:
                errors[f"ligne_{i}"] = f"Ligne {i + 1} : {exc}"
                continue
            if amount is not None and amount < 0:
                errors[f"ligne_{i}"] = f"Ligne {i + 1} : un prix ne peut pas être négatif."
            if n in clean:
                errors[f"ligne_{i}"] = f"Ligne {i + 1} : « {n} passages » figure deux fois."
            clean[n] = amount
        if 1 not in clean and not errors:
            errors["ligne_0"] = "La grille doit commencer à 1 passage par an."
        if errors:
            raise ValidationError(errors)
        with self.db.uow() as s:
            for row in s.scalars(select(TariffRate)):
                s.delete(row)
            s.flush()
            for n, amount in sorted(clean.items()):
                s.add(TariffRate(min_passages=n, prix_par_passage=amount))
            audit.record(s, actor, "modification", "tariff_rate", None, fields=["prix_par_passage"])
            s.flush()
            return self._grid(s)

    @staticmethod
    def _grid(s: Session) -> list[tariff.TariffRow]:
        return [tariff.TariffRow(r.min_passages, r.prix_par_passage)
                for r in s.scalars(select(TariffRate).order_by(TariffRate.min_passages))]

    # ----- conventions -----------------------------------------------------------------
    def for_year(self, actor: Actor, annee: int) -> list[ConventionView]:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            rows = s.scalars(select(CommuneConvention).where(CommuneConvention.annee == annee)
                             .order_by(CommuneConvention.prioritaire.desc(), CommuneConvention.commune_nom))
            return [convention_view(s, c) for c in rows]

    def get(self, actor: Actor, convention_id: int) -> ConventionView:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return convention_view(s, self._load(s, convention_id))

    def save(self, actor: Actor, data: ConventionInput, convention_id: int | None = None,
             expected_version: int | None = None) -> ConventionView:
        """Create or update; the amount is recomputed from the grid (refused if a price is missing)."""
        require(actor, Perm.TOURNEES_WRITE)
        values = self._clean(data)
        try:
            with self.db.uow() as s:
                values["montant"] = tariff.amount_due(values["passages_commandes"], self._grid(s))
                funding = data.funding_line_ids
                if funding is not None:
                    message = convention_funding.check(s, funding, values["annee"])
                    if message:
                        raise ValidationError.single("funding_line_ids", message)
                if convention_id is None:
                    conv = CommuneConvention(**values)
                    s.add(conv)
                    s.flush()
                    audit.record(s, actor, "creation", "commune_convention", conv.id, fields=values.keys())
                else:
                    conv = self._load(s, convention_id)
                    if expected_version is not None and conv.version_id != expected_version:
                        raise Conflict()
                    changed = [k for k, v in values.items() if getattr(conv, k) != v]
                    for key, value in values.items():
                        setattr(conv, key, value)
                    s.flush()
                    if changed:
                        audit.record(s, actor, "modification", "commune_convention", conv.id, fields=changed)
                if funding is not None and convention_funding.store(s, conv.id, funding):
                    audit.record(s, actor, "financement", "commune_convention", conv.id, fields=["convention_funding"],
                                 detail=", ".join(str(i) for i in sorted(set(funding))) or "aucune ligne")
                return convention_view(s, conv)
        except StaleDataError as exc:
            raise Conflict() from exc
        except IntegrityError as exc:
            raise ValidationError.single("commune_insee", "Cette commune a déjà une convention pour cette année.") from exc

    def funding_choices(self, actor: Actor, annee: int) -> list[tuple[int, str]]:
        """The funding lines of the year a convention may be paid by."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            return convention_funding.choices(s, annee)

    def set_paid(self, actor: Actor, convention_id: int, paid: bool, on: dt.date | None = None) -> ConventionView:
        require(actor, Perm.FUNDING_WRITE)
        with self.db.uow() as s:
            conv = self._load(s, convention_id)
            conv.paye = paid
            conv.date_paiement = (on or dt.date.today()) if paid else None
            audit.record(s, actor, "paiement" if paid else "annulation_paiement", "commune_convention", conv.id,
                         fields=["paye", "date_paiement"])
            s.flush()
            return convention_view(s, conv)

    def _clean(self, data: ConventionInput) -> dict[str, Any]:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        try:
            values["annee"] = int(str(data.annee).strip())
            if not 2000 <= values["annee"] <= 2100:
                raise ValueError
        except ValueError:
            errors["annee"] = "Année invalide (exemple : 2026)."
        commune = get_registry().by_insee(data.commune_insee or "")
        if commune is None:
            errors["commune_insee"] = "Choisissez la commune dans la liste (code INSEE inconnu)."
        else:
            values["commune_insee"], values["commune_nom"] = commune.insee, commune.nom
        try:
            values["passages_commandes"] = int(str(data.passages_commandes).strip())
            if not 0 <= values["passages_commandes"] <= 60:
                raise ValueError
        except ValueError:
            errors["passages_commandes"] = "Nombre de passages : un entier de 0 à 60."
        values["decouverte"] = bool(data.decouverte)
        if values.get("passages_commandes") == 0 and not values["decouverte"]:
            errors["passages_commandes"] = "Une convention sans passage payant doit au moins prévoir la découverte."
        for field, size in (("lieu_nom", 150), ("lieu_adresse", 250), ("contact", 2000), ("notes", 4000)):
            try:
                values[field] = clean_text(getattr(data, field), size)
            except FieldError as exc:
                errors[field] = str(exc)
        try:
            lat = parse_float(data.lieu_lat, "Latitude invalide : un nombre comme 43,6286.")
            lon = parse_float(data.lieu_lon, "Longitude invalide : un nombre comme 3,4319.")
        except FieldError as exc:
            errors["lieu_lat"] = str(exc)
            lat = lon = None
        if (lat is None) != (lon is None):
            errors["lieu_lat"] = "Saisissez la latitude et la longitude du lieu, ou aucune des deux."
        elif lat is not None:
            errors.update({f"lieu_{k[:3]}": m for k, m in check_coordinates(lat, lon).items()})
        values["lieu_lat"], values["lieu_lon"] = lat, lon
        values["prioritaire"] = bool(data.prioritaire)
        if data.jour_prefere is not None and data.jour_prefere not in range(5):
            errors["jour_prefere"] = "Jour préféré : du lundi au vendredi."
        values["jour_prefere"] = data.jour_prefere
        values["paye"] = bool(data.paye)
        try:
            values["date_paiement"] = parse_date(data.date_paiement) if data.paye else None
        except FieldError as exc:
            errors["date_paiement"] = str(exc)
        if errors:
            raise ValidationError(errors)
        return values

    @staticmethod
    def _load(s: Session, convention_id: int) -> CommuneConvention:
        conv = s.get(CommuneConvention, convention_id)
        if conv is None:
            raise NotFound("Cette convention n'existe pas ou plus.")
        return conv

    # ----- yearly plan assistant -------------------------------------------------------
    def propose_plan(self, actor: Actor, annee: int, start: dt.date, end: dt.date,
                     vehicle_ids: list[int]) -> planning.PlanResult:
        """Dates for every passage still to plan in the year's conventions (not stored)."""
        require(actor, Perm.TOURNEES_READ)
        if end < start:
            raise ValidationError.single("fin", "La fin de la période précède son début.")
        if not vehicle_ids:
            raise Refused("Aucun véhicule actif : ajoutez un véhicule avant de planifier l'année.")
        with self.db.read() as s:
            demands = []
            for c in s.scalars(select(CommuneConvention).where(CommuneConvention.annee == annee)):
                existing = s.scalars(select(Passage.type).where(
                    Passage.convention_id == c.id, Passage.statut != PassageStatus.ANNULE)).all()
                has_decouverte = "decouverte" in existing
                remaining = c.passages_commandes - sum(1 for t in existing if t == "serie")
                decouverte = c.decouverte and not has_decouverte
                if remaining > 0 or decouverte:
                    demands.append(planning.CommuneDemand(c.id, c.commune_nom, max(remaining, 0), decouverte,
                                                          c.jour_prefere, c.prioritaire))
            busy = s.execute(select(Passage.vehicle_id, Passage.date).where(
                Passage.vehicle_id.is_not(None), Passage.statut != PassageStatus.ANNULE,
                Passage.date >= start, Passage.date <= end)).all()
        return planning.propose(demands, vehicle_ids, start, end, [(v, d) for v, d in busy if v is not None])
