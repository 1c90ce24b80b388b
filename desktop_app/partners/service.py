"""Use cases of the partners directory: create, edit, archive, delete (refused while
referenced), search and filter, and the partner's contacts. Every change is audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.base import utcnow
from db.engine import Database
from db.models import FundingLine, Partner, PartnerContact, PartnerRole, VisitOrientation
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, Refused
from desktop_app.partners.records import (
    ContactInput,
    ContactView,
    PartnerDetail,
    PartnerFilter,
    PartnerInput,
    PartnerRow,
)
from desktop_app.partners.validate import clean_contact, clean_partner, format_siret
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.text import fold

_COLUMNS = ("nom", "type", "adresse", "complement_adresse", "code_postal", "commune_insee",
            "commune_nom", "telephone", "email", "siret", "notes")

# What may point to a partner: (count query, singular, plural). Ateliers and tournées add theirs.
Reference = tuple[Callable[[Session, int], int], str, str]
REFERENCES: list[Reference] = [
    (lambda s, pid: s.scalar(select(func.count()).where(VisitOrientation.partner_id == pid)) or 0,
     "orientation de visite", "orientations de visites"),
    (lambda s, pid: s.scalar(select(func.count()).where(FundingLine.financeur_id == pid)) or 0,
     "ligne de financement", "lignes de financement"),
]


def _search_text(values: dict[str, Any]) -> str:
    return fold(" ".join(filter(None, (values["nom"], values.get("commune_nom"), values.get("code_postal")))))


def _join_fr(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


class PartnersService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- reading -------------------------------------------------------------------
    def search(self, actor: Actor, flt: PartnerFilter | None = None) -> list[PartnerRow]:
        require(actor, Perm.PARTNERS_READ)
        flt = flt or PartnerFilter()
        stmt = select(Partner)
        for token in fold(flt.text).split():
            stmt = stmt.where(Partner.search_text.like(f"%{token}%"))
        if flt.type:
            stmt = stmt.where(Partner.type == flt.type)
        if flt.role:
            stmt = stmt.where(exists().where(PartnerRole.partner_id == Partner.id, PartnerRole.role == flt.role))
        if not flt.include_archived:
            stmt = stmt.where(Partner.archived.is_(False))
        with self.db.read() as s:
            partners = list(s.scalars(stmt.order_by(Partner.sort_key, Partner.id)))
            roles = self._roles(s, [p.id for p in partners])
        return [PartnerRow(p.id, p.nom, p.type, roles.get(p.id, ()), p.commune_nom, p.telephone, p.archived)
                for p in partners]

    def choices(self, actor: Actor, role: str | None = None) -> list[tuple[int, str]]:
        """(id, name) of the active partners, those with ``role`` first when given."""
        rows = self.search(actor, PartnerFilter())
        if role:
            rows = sorted(rows, key=lambda r: role not in r.roles)
        return [(r.id, r.nom) for r in rows]

    def get(self, actor: Actor, partner_id: int) -> PartnerDetail:
        require(actor, Perm.PARTNERS_READ)
        with self.db.read() as s:
            return self._detail(s, self._load(s, partner_id))

    # ----- writing -------------------------------------------------------------------
    def create(self, actor: Actor, data: PartnerInput) -> PartnerDetail:
        require(actor, Perm.PARTNERS_WRITE)
        values = clean_partner(data)
        with self.db.uow() as s:
            partner = Partner(**{k: values[k] for k in _COLUMNS}, search_text=_search_text(values),
                              sort_key=fold(values["nom"])[:200])
            s.add(partner)
            s.flush()
            s.add_all(PartnerRole(partner_id=partner.id, role=r) for r in values["roles"])
            audit.record(s, actor, "creation", "partner", partner.id, fields=[k for k, v in values.items() if v])
            return self._detail(s, partner)

    def update(self, actor: Actor, partner_id: int, expected_version: int, data: PartnerInput) -> PartnerDetail:
        require(actor, Perm.PARTNERS_WRITE)
        values = clean_partner(data)
        try:
            with self.db.uow() as s:
                partner = self._load(s, partner_id)
                if partner.version_id != expected_version:
                    raise Conflict()
                old_roles = list(self._roles(s, [partner_id]).get(partner_id, ()))
                changed = [k for k in _COLUMNS if getattr(partner, k) != values[k]]
                if old_roles != values["roles"]:
                    changed.append("roles")
                    s.execute(delete(PartnerRole).where(PartnerRole.partner_id == partner_id))
                    s.add_all(PartnerRole(partner_id=partner_id, role=r) for r in values["roles"])
                for key in _COLUMNS:
                    setattr(partner, key, values[key])
                partner.search_text = _search_text(values)
                partner.sort_key = fold(values["nom"])[:200]
                if changed:
                    partner.updated_at = utcnow()  # a roles-only change still bumps the version
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "partner", partner.id, fields=changed)
                return self._detail(s, partner)
        except StaleDataError as exc:
            raise Conflict() from exc

    def set_archived(self, actor: Actor, partner_id: int, archived: bool = True) -> PartnerDetail:
        """Archive (hidden from lists and pickers, history kept) or bring back a partner."""
        require(actor, Perm.PARTNERS_WRITE)
        with self.db.uow() as s:
            partner = self._load(s, partner_id)
            if partner.archived != archived:
                partner.archived = archived
                s.flush()
                audit.record(s, actor, "archivage" if archived else "desarchivage", "partner", partner.id,
                             fields=["archived"])
            return self._detail(s, partner)

    def delete(self, actor: Actor, partner_id: int) -> None:
        """Delete a partner nothing refers to; otherwise Refused, saying what refers to it."""
        require(actor, Perm.PARTNERS_WRITE)
        with self.db.uow() as s:
            partner = self._load(s, partner_id)
            uses = []
            for count, singular, plural in REFERENCES:
                n = count(s, partner_id)
                if n:
                    uses.append(f"{n} {singular if n == 1 else plural}")
            if uses:
                raise Refused(
                    f"« {partner.nom} » ne peut pas être supprimé : il est cité dans {_join_fr(uses)}. "
                    "Archivez-le plutôt : il disparaîtra des listes et l'historique restera intact."
                )
            audit.record(s, actor, "suppression", "partner", partner.id, detail=partner.nom)
            s.delete(partner)

    # ----- contacts ------------------------------------------------------------------
    def add_contact(self, actor: Actor, partner_id: int, data: ContactInput) -> ContactView:
        require(actor, Perm.PARTNERS_WRITE)
        values = clean_contact(data)
        with self.db.uow() as s:
            self._load(s, partner_id)
            contact = PartnerContact(partner_id=partner_id, **values)
            s.add(contact)
            s.flush()
            audit.record(s, actor, "creation", "partner_contact", contact.id, fields=[k for k, v in values.items() if v])
            return self._contact_view(contact)

    def update_contact(self, actor: Actor, contact_id: int, expected_version: int, data: ContactInput) -> ContactView:
        require(actor, Perm.PARTNERS_WRITE)
        values = clean_contact(data)
        try:
            with self.db.uow() as s:
                contact = s.get(PartnerContact, contact_id)
                if contact is None:
                    raise NotFound("Ce contact n'existe plus.")
                if contact.version_id != expected_version:
                    raise Conflict()
                changed = [k for k, v in values.items() if getattr(contact, k) != v]
                for key, value in values.items():
                    setattr(contact, key, value)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "partner_contact", contact.id, fields=changed)
                return self._contact_view(contact)
        except StaleDataError as exc:
            raise Conflict() from exc

    def delete_contact(self, actor: Actor, contact_id: int) -> None:
        require(actor, Perm.PARTNERS_WRITE)
        with self.db.uow() as s:
            contact = s.get(PartnerContact, contact_id)
            if contact is None:
                raise NotFound("Ce contact n'existe plus.")
            audit.record(s, actor, "suppression", "partner_contact", contact.id)
            s.delete(contact)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, partner_id: int) -> Partner:
        partner = s.get(Partner, partner_id)
        if partner is None:
            raise NotFound("Ce partenaire n'existe pas ou plus.")
        return partner

    @staticmethod
    def _roles(s: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = {}
        if ids:
            for pid, role in s.execute(select(PartnerRole.partner_id, PartnerRole.role)
                                       .where(PartnerRole.partner_id.in_(ids)).order_by(PartnerRole.role)):
                out.setdefault(pid, []).append(role)
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def _contact_view(c: PartnerContact) -> ContactView:
        return ContactView(c.id, c.version_id, c.nom, c.fonction, c.telephone, c.email)

    def _detail(self, s: Session, partner: Partner) -> PartnerDetail:
        contacts = s.scalars(select(PartnerContact).where(PartnerContact.partner_id == partner.id)
                             .order_by(PartnerContact.nom, PartnerContact.id))
        data = PartnerInput(**{k: getattr(partner, k) for k in _COLUMNS if k != "commune_nom"},
                            roles=list(self._roles(s, [partner.id]).get(partner.id, ())))
        return PartnerDetail(
            id=partner.id, version_id=partner.version_id, data=data, commune_nom=partner.commune_nom,
            archived=partner.archived, contacts=tuple(self._contact_view(c) for c in contacts),
            siret_display=format_siret(partner.siret),
        )
