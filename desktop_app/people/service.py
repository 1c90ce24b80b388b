"""Use cases of the people file: create, edit, archive, link aidants, list and search.

Every method takes the acting user, checks the permission, writes the audit entry in the
same unit of work, and returns plain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields as dc_fields
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.base import utcnow
from db.engine import Database
from db.enums import RelationAidant, StatutPersonne
from db.models import AidantLink, Person
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, ValidationError
from desktop_app.people import search
from desktop_app.people.duplicates import find_duplicates
from desktop_app.people.records import (
    SENSITIVE_FIELDS,
    DuplicateCandidate,
    DuplicateSuspected,
    LinkView,
    PersonDetail,
    PersonFilter,
    PersonInput,
    PersonRow,
)
from desktop_app.people.validate import clean_person
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, can, require
from desktop_app.validation import age_on, parse_date

_INPUT_NAMES = [f.name for f in dc_fields(PersonInput)]


class PeopleService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- reading -------------------------------------------------------------------
    def get(self, actor: Actor, person_id: int) -> PersonDetail:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return self._detail(s, actor, self._load(s, person_id))

    def list_ids(self, actor: Actor, flt: PersonFilter) -> list[int]:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.list_ids(s, flt)

    def count(self, actor: Actor, flt: PersonFilter) -> int:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.count(s, flt)

    def rows(self, actor: Actor, ids: list[int]) -> list[PersonRow]:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.fetch_rows(s, ids, can(actor, Perm.PEOPLE_READ_SENSITIVE), dt.date.today())

    def pick(self, actor: Actor, text: str, limit: int = 20) -> list[tuple[int, str]]:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.brief_matches(s, text, limit)

    def communes_in_use(self, actor: Actor) -> list[tuple[str, str]]:
        """(INSEE, name) of the communes where people live, for the filter."""
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            rows = s.execute(
                select(Person.commune_insee, Person.commune_nom)
                .where(Person.commune_insee.is_not(None)).distinct().order_by(Person.commune_nom)
            )
            return [(r[0], r[1] or r[0]) for r in rows if r[0]]

    def duplicates(self, actor: Actor, data: PersonInput, exclude_id: int | None = None) -> list[DuplicateCandidate]:
        require(actor, Perm.PEOPLE_READ)
        try:
            born = parse_date(data.date_naissance)
        except ValueError:
            born = None
        with self.db.read() as s:
            return find_duplicates(s, data.nom or "", data.prenom or "", born, exclude_id)

    # ----- writing -------------------------------------------------------------------
    def create(self, actor: Actor, data: PersonInput, confirm_duplicate: bool = False) -> PersonDetail:
        require(actor, Perm.PEOPLE_WRITE)
        values = clean_person(data)
        with self.db.uow() as s:
            if not confirm_duplicate:
                candidates = find_duplicates(s, values["nom"], values["prenom"], values["date_naissance"])
                if candidates:
                    raise DuplicateSuspected(candidates)
            person = Person(**values)
            person.last_contact_date = dt.date.today()
            self._refresh_derived(person)
            s.add(person)
            s.flush()
            audit.record(s, actor, "creation", "person", person.id, person_id=person.id, fields=values.keys())
            return self._detail(s, actor, person)

    def update(self, actor: Actor, person_id: int, expected_version: int, data: PersonInput) -> PersonDetail:
        require(actor, Perm.PEOPLE_WRITE)
        values = clean_person(data)
        if not can(actor, Perm.PEOPLE_READ_SENSITIVE):
            for name in SENSITIVE_FIELDS:  # a role that cannot see them cannot change them
                values.pop(name, None)
        try:
            with self.db.uow() as s:
                person = self._load(s, person_id)
                if person.version_id != expected_version:
                    raise Conflict()
                changed = [k for k, v in values.items() if getattr(person, k) != v]
                if values["statut"] == StatutPersonne.ARCHIVE and person.statut != StatutPersonne.ARCHIVE:
                    person.archived_at = utcnow()
                for key, value in values.items():
                    setattr(person, key, value)
                if changed:
                    person.last_contact_date = dt.date.today()
                self._refresh_derived(person)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "person", person.id, person_id=person.id, fields=changed)
                return self._detail(s, actor, person)
        except StaleDataError as exc:
            raise Conflict() from exc

    def set_status(self, actor: Actor, person_id: int, statut: StatutPersonne) -> PersonDetail:
        """Archive, reactivate or mark deceased. People are never hard-deleted from the list."""
        require(actor, Perm.PEOPLE_ARCHIVE)
        with self.db.uow() as s:
            person = self._load(s, person_id)
            if person.statut == statut:
                return self._detail(s, actor, person)
            person.statut = str(statut)
            person.archived_at = utcnow() if statut == StatutPersonne.ARCHIVE else None
            s.flush()
            audit.record(s, actor, f"statut:{statut}", "person", person.id, person_id=person.id, fields=["statut"])
            return self._detail(s, actor, person)

    def archive(self, actor: Actor, person_id: int) -> PersonDetail:
        return self.set_status(actor, person_id, StatutPersonne.ARCHIVE)

    def link_aidant(self, actor: Actor, aidant_id: int, aide_id: int, relation: str) -> None:
        require(actor, Perm.PEOPLE_WRITE)
        if aidant_id == aide_id:
            raise ValidationError.single("aide", "Une personne ne peut pas être sa propre aidante.")
        try:
            relation = str(RelationAidant(relation))
        except ValueError as exc:
            raise ValidationError.single("relation", "Choisissez le lien (conjoint, enfant, voisin…).") from exc
        with self.db.uow() as s:
            self._load(s, aidant_id)
            self._load(s, aide_id)
            existing = s.scalar(select(AidantLink).where(
                AidantLink.aidant_id == aidant_id, AidantLink.aide_id == aide_id))
            if existing is not None:
                raise ValidationError.single("aide", "Ce lien d'aidant existe déjà.")
            link = AidantLink(aidant_id=aidant_id, aide_id=aide_id, relation=relation, depuis=dt.date.today())
            s.add(link)
            s.flush()
            for pid in (aidant_id, aide_id):
                audit.record(s, actor, "lien_aidant", "aidant_link", link.id, person_id=pid, fields=["relation"])

    def unlink_aidant(self, actor: Actor, link_id: int) -> None:
        require(actor, Perm.PEOPLE_WRITE)
        with self.db.uow() as s:
            link = s.get(AidantLink, link_id)
            if link is None:
                raise NotFound()
            for pid in (link.aidant_id, link.aide_id):
                audit.record(s, actor, "suppression_lien_aidant", "aidant_link", link.id, person_id=pid)
            s.delete(link)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
        return person

    @staticmethod
    def _refresh_derived(person: Person) -> None:
        person.search_text = search.search_text_for(person)
        person.sort_key = search.sort_key_for(person)

    def _detail(self, s: Session, actor: Actor, person: Person) -> PersonDetail:
        show_sensitive = can(actor, Perm.PEOPLE_READ_SENSITIVE)
        values: dict[str, Any] = {name: getattr(person, name) for name in _INPUT_NAMES}
        if not show_sensitive:
            for name in SENSITIVE_FIELDS:
                values[name] = False if name.startswith("fragilite") else None
        links = s.execute(
            select(AidantLink, Person).join(
                Person, or_(
                    (AidantLink.aidant_id == Person.id) & (AidantLink.aide_id == person.id),
                    (AidantLink.aide_id == Person.id) & (AidantLink.aidant_id == person.id),
                ),
            )
        ).all()
        aidants = tuple(
            LinkView(link.id, other.id, f"{other.nom.upper()} {other.prenom}", link.relation)
            for link, other in links if link.aide_id == person.id
        )
        aides = tuple(
            LinkView(link.id, other.id, f"{other.nom.upper()} {other.prenom}", link.relation)
            for link, other in links if link.aidant_id == person.id
        )
        return PersonDetail(
            id=person.id, version_id=person.version_id, data=PersonInput(**values),
            commune_nom=person.commune_nom,
            age=age_on(person.date_naissance, dt.date.today()) if person.date_naissance else None,
            created_at=person.created_at, updated_at=person.updated_at,
            last_contact_date=person.last_contact_date, archived_at=person.archived_at,
            aidants=aidants, aides=aides, sensitive_hidden=not show_sensitive,
        )
