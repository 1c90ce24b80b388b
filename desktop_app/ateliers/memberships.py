"""Yearly memberships (adhésions): one per person and calendar year, with its amount and
date. A member pays the « adhérent » price of the ateliers that year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from db.engine import Database
from db.models import Adhesion
from desktop_app.actor import Actor
from desktop_app.ateliers.common import display_name, load_person
from desktop_app.ateliers.records import AmountLike, DateLike, MembershipRow
from desktop_app.errors import NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.validation import FieldError, parse_amount, parse_date


def _row(a: Adhesion) -> MembershipRow:
    return MembershipRow(a.id, a.person_id, a.annee, a.montant, a.date_adhesion)


class MembershipService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_memberships(self, actor: Actor, person_id: int) -> list[MembershipRow]:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return [_row(a) for a in s.scalars(
                select(Adhesion).where(Adhesion.person_id == person_id).order_by(Adhesion.annee.desc()))]

    def is_member(self, actor: Actor, person_id: int, year: int) -> bool:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return s.scalar(select(Adhesion.id).where(Adhesion.person_id == person_id, Adhesion.annee == year)) is not None

    def add(self, actor: Actor, person_id: int, annee: int | str | None, montant: AmountLike,
            date_adhesion: DateLike = None) -> MembershipRow:
        require(actor, Perm.ATELIERS_WRITE)
        errors: dict[str, str] = {}
        year: int | None = None
        try:
            year = int(str(annee).strip()) if annee not in (None, "") else None
            if year is None:
                errors["annee"] = "Indiquez l'année de l'adhésion."
            elif not 2000 <= year <= dt.date.today().year + 1:
                errors["annee"] = f"Année invalide : entre 2000 et {dt.date.today().year + 1}."
        except ValueError:
            errors["annee"] = "Année invalide : saisissez quatre chiffres, par exemple 2027."
        amount: Decimal | None = None
        try:
            amount = parse_amount(montant)
            if amount is None:
                errors["montant"] = "Indiquez le montant de l'adhésion (0 si elle est offerte)."
            elif amount < 0:
                errors["montant"] = "Le montant de l'adhésion ne peut pas être négatif."
        except FieldError as exc:
            errors["montant"] = str(exc)
        try:
            day = parse_date(date_adhesion) or dt.date.today()
            if day > dt.date.today():
                errors["date_adhesion"] = "La date d'adhésion est dans le futur."
        except FieldError as exc:
            errors["date_adhesion"] = str(exc)
        if errors:
            raise ValidationError(errors)
        assert year is not None and amount is not None
        with self.db.uow() as s:
            person = load_person(s, person_id)
            if s.scalar(select(Adhesion.id).where(Adhesion.person_id == person_id, Adhesion.annee == year)):
                raise Refused(f"{display_name(person.nom, person.prenom)} est déjà adhérent(e) pour {year}.")
            row = Adhesion(person_id=person_id, annee=year, montant=amount, date_adhesion=day)
            s.add(row)
            s.flush()
            audit.record(s, actor, "adhesion", "adhesion", row.id, person_id=person_id, detail=str(year))
            return _row(row)

    def remove(self, actor: Actor, membership_id: int) -> None:
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            row = s.get(Adhesion, membership_id)
            if row is None:
                raise NotFound("Cette adhésion n'existe pas ou plus.")
            audit.record(s, actor, "suppression_adhesion", "adhesion", row.id, person_id=row.person_id, detail=str(row.annee))
            s.delete(row)
