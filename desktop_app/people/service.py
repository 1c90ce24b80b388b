"""Use cases of the people file: create, edit, archive, link aidants, list and search.

Every method takes the acting user, checks the permission, limits what it returns to the
people the actor may see (desktop_app.security.scope: a bénévole sees only the people
assigned to them), writes the audit entry in the same unit of work (opening a fiche is
logged as « consultation »), and returns plain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields as dc_fields
from dataclasses import replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.base import utcnow
from db.engine import Database
from db.enums import RelationAidant, StatutPersonne
from db.models import AidantLink, Person
from desktop_app.actor import Actor
from desktop_app.communes import get_registry
from desktop_app.errors import Conflict, NotFound, PermissionDenied, Refused, ValidationError
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
from desktop_app.security import audit, scope
from desktop_app.security.permissions import Perm, can, require
from desktop_app.text import fold
from desktop_app.validation import age_on, parse_date

_INPUT_NAMES = [f.name for f in dc_fields(PersonInput)]


class PeopleService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- reading -------------------------------------------------------------------
    def get(self, actor: Actor, person_id: int) -> PersonDetail:
        """Open one fiche; the opening is logged (who consulted whose file)."""
        require(actor, Perm.PEOPLE_READ)
        with self.db.uow() as s:
            person = self._load(s, person_id)
            scope.check_person(s, actor, person_id)
            if person.statut == StatutPersonne.ARCHIVE and not can(actor, Perm.PEOPLE_ARCHIVE):
                raise PermissionDenied("Cette fiche est archivée : seul le coordinateur peut la consulter.")
            audit.record(s, actor, "consultation", "person", person.id, person_id=person.id)
            return self._detail(s, actor, person)

    @staticmethod
    def _visible(actor: Actor, flt: PersonFilter) -> PersonFilter:
        """Archived files are readable by the coordinator only (CNIL 2023-095)."""
        return flt if can(actor, Perm.PEOPLE_ARCHIVE) else replace(flt, hide_archived=True)

    def list_ids(self, actor: Actor, flt: PersonFilter, limit: int | None = None) -> list[int]:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.list_ids(s, self._visible(actor, flt), limit, scope=scope.people_clause(actor, Person.id))

    def count(self, actor: Actor, flt: PersonFilter) -> int:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return search.count(s, self._visible(actor, flt), scope.people_clause(actor, Person.id))

    def rows(self, actor: Actor, ids: list[int]) -> list[PersonRow]:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            ids = scope.visible_ids(s, actor, ids)
            return search.fetch_rows(s, ids, can(actor, Perm.PEOPLE_READ_SENSITIVE), dt.date.today())

    def pick(self, actor: Actor, text: str, limit: int = 20) -> list[tuple[int, str]]:
        """(id, « NOM Prénom — Commune, âge ») of matching people, for a registration."""
        require(actor, Perm.PEOPLE_PICK)
        with self.db.read() as s:
            return search.brief_matches(s, text, limit, scope.people_clause(actor, Person.id))

    def communes_in_use(self, actor: Actor) -> list[tuple[str, str]]:
        """(INSEE, name) of the communes where people live, for the filter."""
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:  # DISTINCT on the INSEE index alone: no table scan, no sort
            stmt = select(Person.commune_insee).distinct()
            codes = [c for c in s.scalars(scope.restrict_people(stmt, actor, Person.id)) if c]
        registry = get_registry()
        pairs = [(code, commune.nom if (commune := registry.by_insee(code)) else code) for code in codes]
        return sorted(pairs, key=lambda pair: (fold(pair[1]), pair[0]))

    def duplicates(self, actor: Actor, data: PersonInput, exclude_id: int | None = None) -> list[DuplicateCandidate]:
        require(actor, Perm.PEOPLE_WRITE)
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
            # Opening the file is the first contact; afterwards only real contacts (visits,
            # desktop_app.visits.followup) move it — editing the file does not.
            person.last_contact_date = dt.date.today()
            self._refresh_derived(person)
            s.add(person)
            s.flush()
            filled = [k for k, v in values.items() if v not in (None, "", False)]
            audit.record(s, actor, "creation", "person", person.id, person_id=person.id, fields=filled)
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
                scope.check_person(s, actor, person_id)
                if person.version_id != expected_version:
                    raise Conflict()
                self._refuse_anonymised(person, values["statut"])
                changed = [k for k, v in values.items() if getattr(person, k) != v]
                if values["statut"] == StatutPersonne.ARCHIVE and person.statut != StatutPersonne.ARCHIVE:
                    person.archived_at = utcnow()
                for key, value in values.items():
                    setattr(person, key, value)
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
            scope.check_person(s, actor, person_id)
            self._refuse_anonymised(person, str(statut))
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
            for pid in (aidant_id, aide_id):
                self._load(s, pid)
                scope.check_person(s, actor, pid)
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
                scope.check_person(s, actor, pid)
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
    def _refuse_anonymised(person: Person, new_statut: str) -> None:
        if person.anonymised_at is not None:
            raise Refused("Cette fiche a été anonymisée : elle ne peut plus être modifiée.")
        if new_statut == StatutPersonne.ANONYMISE:
            raise ValidationError.single(
                "statut", "L'anonymisation se fait depuis la page Conservation des données.")

    @staticmethod
    def _refresh_derived(person: Person) -> None:
        person.search_text = search.search_text_for(person)
        person.sort_key = search.sort_key_for(person)
        person.annee_naissance = person.date_naissance.year if person.date_naissance else None

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
        visible = set(scope.visible_ids(s, actor, [other.id for _, other in links]))
        links = [row for row in links if row[1].id in visible]
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
