"""Retention of the people file (CNIL référentiel 2023-095): the active base keeps a person
for ``rgpd.retention_mois`` months (24 by default) after the last contact; then the
coordinator reviews them and either archives the file (out of everyday lists, readable by
the coordinator only) or anonymises it.

Anonymisation removes the identity — names, birth date, address, phones, e-mail, emergency
contact, médecin, free text — and keeps what the bilans count: sex, birth year (the age in
year N is N − birth year, exact at 31 December), commune (INSEE), GIR, mobility, fragility
flags, roles and aidant links. The row stays, so past bilans still add up. Nothing is
deleted, and every action is audited, one entry per person.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.engine import Database
from db.enums import RightsKind, StatutPersonne
from db.models import Person, RightsRequest
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, Refused
from desktop_app.person_data import anonymise_everywhere
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService

ANONYMOUS_NAME = "Anonyme"
# Columns emptied by anonymisation (the birth date goes too; its year stays in annee_naissance).
IDENTITY_COLUMNS = (
    "civilite", "nom_naissance", "date_naissance", "adresse", "complement_adresse",
    "code_postal", "telephone", "telephone2", "email", "caisse_complementaire",
    "gir_evaluateur", "urgence_nom", "urgence_telephone", "urgence_lien", "medecin_traitant",
)
AGE_BANDS = ((0, 59, "< 60"), (60, 69, "60–69"), (70, 74, "70–74"), (75, 79, "75–79"),
             (80, 84, "80–84"), (85, 89, "85–89"), (90, 200, "90 et +"))


class Reason:
    RETENTION = "conservation"
    ERASURE = "effacement"


@dataclass(frozen=True)
class RetentionRow:
    id: int
    display_name: str
    statut: str
    annee_naissance: int | None
    commune_nom: str | None
    last_contact_date: dt.date | None
    archived_at: dt.datetime | None


@dataclass(frozen=True)
class RetentionReview:
    months: int
    cutoff: dt.date
    due: list[RetentionRow]  # active (or deceased) files past the retention period
    archived: list[RetentionRow]  # archived files, to anonymise when their time comes


@dataclass(frozen=True)
class Profile:
    """The counts a bilan draws from the people file; anonymisation must not change them."""

    by_sex: dict[str, int]
    by_age_band: dict[str, int]
    by_commune: dict[str, int]
    by_gir: dict[str, int]
    total: int


def age_band(age: int | None) -> str:
    if age is None:
        return "non renseigné"
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)


def _last_contact_before(cutoff: dt.date):  # type: ignore[no-untyped-def]
    start_of_cutoff = dt.datetime.combine(cutoff, dt.time())
    return or_(
        Person.last_contact_date < cutoff,
        and_(Person.last_contact_date.is_(None), Person.created_at < start_of_cutoff),
    )


def _row(p: Any) -> RetentionRow:
    """From a Person or a row with the same column names."""
    name = f"{p.nom.upper()} {p.prenom}".strip()
    return RetentionRow(p.id, name, p.statut, p.annee_naissance, p.commune_nom,
                        p.last_contact_date, p.archived_at)


class RetentionService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def months(self) -> int:
        return int(self.settings.get("rgpd.retention_mois"))

    def cutoff(self, today: dt.date | None = None) -> dt.date:
        return (today or dt.date.today()) - relativedelta(months=self.months())

    def review(self, actor: Actor, today: dt.date | None = None) -> RetentionReview:
        require(actor, Perm.PEOPLE_ARCHIVE)
        cutoff = self.cutoff(today)
        columns = (Person.id, Person.nom, Person.prenom, Person.statut, Person.annee_naissance,
                   Person.commune_nom, Person.last_contact_date, Person.archived_at)
        with self.db.read() as s:
            due = s.execute(
                select(*columns)
                .where(Person.statut.in_([StatutPersonne.ACTIF, StatutPersonne.DECEDE]),
                       Person.anonymised_at.is_(None), _last_contact_before(cutoff))
                .order_by(Person.last_contact_date, Person.sort_key, Person.id)
            ).all()
            archived = s.execute(
                select(*columns).where(Person.statut == StatutPersonne.ARCHIVE)
                .order_by(Person.archived_at, Person.sort_key, Person.id)
            ).all()
            return RetentionReview(self.months(), cutoff, [_row(p) for p in due], [_row(p) for p in archived])

    def archive(self, actor: Actor, person_ids: Sequence[int]) -> int:
        """Move files out of the active base; returns how many changed."""
        require(actor, Perm.PEOPLE_ARCHIVE)
        changed = 0
        with self.db.uow() as s:
            for person in self._load_all(s, person_ids):
                if person.anonymised_at is not None or person.statut == StatutPersonne.ARCHIVE:
                    continue
                person.statut = str(StatutPersonne.ARCHIVE)
                person.archived_at = utcnow()
                audit.record(s, actor, "archivage", "person", person.id, person_id=person.id,
                             fields=["statut"], detail=f"fin de conservation en base active ({self.months()} mois)")
                changed += 1
        return changed

    def anonymise(self, actor: Actor, person_ids: Sequence[int], reason: str = Reason.RETENTION,
                  today: dt.date | None = None) -> int:
        """Remove the identity of each file (irreversible). For ``conservation`` the file must
        be past retention or archived; for ``effacement`` an erasure request must be on record."""
        require(actor, Perm.PEOPLE_ARCHIVE)
        if reason not in (Reason.RETENTION, Reason.ERASURE):
            raise ValueError(reason)
        cutoff = self.cutoff(today)
        changed = 0
        with self.db.uow() as s:
            people = self._load_all(s, person_ids)
            for person in people:
                self._check_may_anonymise(s, person, reason, cutoff)
            people = [p for p in people if p.anonymised_at is None]
            elsewhere = anonymise_everywhere(s, [p.id for p in people])  # one batch per area
            for person in people:
                cleared = self._clear_identity(person) + elsewhere.get(person.id, [])
                audit.record(s, actor, "anonymisation", "person", person.id, person_id=person.id,
                             fields=cleared, detail=reason)
                changed += 1
        return changed

    def profile(self, actor: Actor, year: int) -> Profile:
        """Counts by sex, age band in ``year``, commune and GIR over every file (any status)."""
        require(actor, Perm.BILANS)
        with self.db.read() as s:
            rows = s.execute(select(Person.sexe, Person.annee_naissance, Person.commune_insee, Person.gir)).all()
        return Profile(
            by_sex=dict(Counter(r.sexe for r in rows)),
            by_age_band=dict(Counter(age_band(year - r.annee_naissance if r.annee_naissance else None)
                                     for r in rows)),
            by_commune=dict(Counter(r.commune_insee or "" for r in rows)),
            by_gir=dict(Counter(str(r.gir or "non évalué") for r in rows)),
            total=len(rows),
        )

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _load_all(s: Session, person_ids: Sequence[int]) -> list[Person]:
        wanted = list(dict.fromkeys(person_ids))
        found: dict[int, Person] = {}
        for start in range(0, len(wanted), 500):  # one query per 500 ids
            chunk = wanted[start:start + 500]
            found.update((p.id, p) for p in s.scalars(select(Person).where(Person.id.in_(chunk))))
        if len(found) != len(wanted):
            raise NotFound("Une des personnes choisies n'existe plus dans le fichier.")
        return [found[pid] for pid in wanted]

    @staticmethod
    def _check_may_anonymise(s: Session, person: Person, reason: str, cutoff: dt.date) -> None:
        name = f"{person.nom.upper()} {person.prenom}".strip()
        if person.anonymised_at is not None:
            return
        if reason == Reason.ERASURE:
            asked = s.scalar(select(RightsRequest.id).where(
                RightsRequest.person_id == person.id, RightsRequest.kind == RightsKind.EFFACEMENT))
            if asked is None:
                raise Refused(f"{name} : aucune demande d'effacement n'est enregistrée. "
                              "Enregistrez d'abord la demande (droits de la personne).")
            return
        if person.statut == StatutPersonne.ARCHIVE:
            return
        last = person.last_contact_date or person.created_at.date()
        if last >= cutoff:
            raise Refused(f"{name} a eu un contact le {last.strftime('%d/%m/%Y')} : "
                          "sa fiche est encore dans la durée de conservation.")

    @staticmethod
    def _clear_identity(person: Person) -> list[str]:
        if person.annee_naissance is None and person.date_naissance is not None:
            person.annee_naissance = person.date_naissance.year
        cleared = [c for c in IDENTITY_COLUMNS if getattr(person, c) is not None]
        for column in IDENTITY_COLUMNS:
            setattr(person, column, None)
        cleared += ["nom", "prenom"]
        person.nom = ANONYMOUS_NAME
        person.prenom = f"n° {person.id}"
        person.search_text = ""
        person.sort_key = f"~anonyme {person.id:09d}"
        person.statut = str(StatutPersonne.ANONYMISE)
        person.anonymised_at = utcnow()
        return cleared
