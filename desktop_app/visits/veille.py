"""Veille (follow-up watch): the people no one should forget.

Who is watched: active people the service accompanies (bénéficiaires and proches aidants;
bénévoles alone are not). A watched person is on the list when
- the next contact decided at their latest visit is past (« contact prévu dépassé »), or
- they have had no contact for N weeks (setting ``veille.semaines``, default 6), or
- no contact was ever recorded.

Priority (the order of the list), most fragile first — a lexicographic score:
1. lives alone, 2. GIR 1–4 (APA level of dependency), 3. isolation flag, then
4. age (oldest first), and finally the longest without contact. In SQL this is
``4·vit_seul + 2·GIR1–4 + 1·isolement`` descending, then birth date ascending.
The row shows the reasons in words so a coordinator sees why someone is high on the list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select

from db.engine import Database
from db.enums import StatutPersonne
from db.models import AidantLink, Person, RecurringContact
from desktop_app.actor import Actor
from desktop_app.formatting import date_fr
from desktop_app.planning.due import recurring_due
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, can, require
from desktop_app.settings import SettingsService
from desktop_app.validation import age_on
from desktop_app.visits.names import person_name

PREVU = "prevu"  # next contact due is past
SANS_CONTACT = "sans_contact"  # no contact for N weeks
JAMAIS = "jamais"  # never any contact recorded
A_JOUR = "a_jour"  # followed up in time (rows of the planned-contacts lists)


@dataclass(frozen=True)
class VeilleCounts:
    total: int
    prevu_depasse: int
    sans_contact: int
    jamais: int
    weeks: int


@dataclass(frozen=True)
class VeilleList:
    ids: list[int]  # most fragile first
    counts: VeilleCounts


@dataclass(frozen=True)
class VeilleRow:
    person_id: int
    display_name: str
    age: int | None
    commune_nom: str | None
    telephone: str | None
    last_contact_date: dt.date | None
    next_contact_due: dt.date | None
    reason: str  # PREVU, SANS_CONTACT, JAMAIS, or A_JOUR off the watch list
    reason_text: str  # « Retard de 12 j », « 9 sem. sans contact », « Prévu le 24/11 »
    priority_text: str  # « Vit seule · GIR 2 · Isolée » (sensitive parts only if allowed)


def accompanied() -> ColumnElement[bool]:
    """Active people the service accompanies: bénéficiaires and proches aidants."""
    return and_(
        Person.statut == str(StatutPersonne.ACTIF),
        or_(Person.est_beneficiaire.is_(True), exists().where(AidantLink.aidant_id == Person.id)),
    )


def _conditions(today: dt.date, weeks: int) -> tuple[ColumnElement[bool], ColumnElement[bool], ColumnElement[bool]]:
    limit = today - dt.timedelta(weeks=weeks)
    return (
        Person.next_contact_due < today,
        Person.last_contact_date < limit,
        Person.last_contact_date.is_(None),
    )


def _short(day: dt.date, today: dt.date) -> str:
    """« 03/11 » this year, « 03/11/2025 » otherwise (the list is read at a glance)."""
    return date_fr(day)[:5] if day.year == today.year else date_fr(day)


def priority_order() -> list[ColumnElement[Any]]:
    score = (
        case((Person.vit_seul.is_(True), 4), else_=0)
        + case((Person.gir.between(1, 4), 2), else_=0)
        + case((Person.fragilite_isolement.is_(True), 1), else_=0)
    )
    return [score.desc(), Person.date_naissance.asc().nulls_last(),
            Person.last_contact_date.asc().nulls_first(), Person.id.asc()]


class VeilleService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def weeks(self) -> int:
        return int(self.settings.get("veille.semaines"))

    def current(self, actor: Actor, today: dt.date | None = None) -> VeilleList:
        """Everyone on the watch list, most fragile first, with the counts by reason (one
        scan of the covering index ``ix_person_veille``)."""
        require(actor, Perm.VISITS_READ)
        today = today or dt.date.today()
        weeks = self.weeks()
        prevu, old, never = _conditions(today, weeks)
        reason = case((prevu, PREVU), (never, JAMAIS), else_=SANS_CONTACT)
        with self.db.read() as s:  # Core execution: tens of thousands of plain rows
            rows = s.connection().execute(
                scope.restrict_people(select(Person.id, reason), actor, Person.id)
                .where(accompanied(), or_(prevu, old, never))
                .order_by(*priority_order())
            ).all()
        tally = Counter(r[1] for r in rows)
        counts = VeilleCounts(len(rows), tally[PREVU], tally[SANS_CONTACT], tally[JAMAIS], weeks)
        return VeilleList([r[0] for r in rows], counts)

    def counts(self, actor: Actor, today: dt.date | None = None) -> VeilleCounts:
        """The counts alone (the Accueil figure), without sorting the list."""
        require(actor, Perm.VISITS_READ)
        today = today or dt.date.today()
        weeks = self.weeks()
        prevu, old, never = _conditions(today, weeks)
        with self.db.read() as s:
            stmt = select(
                func.count(Person.id),
                func.sum(case((prevu, 1), else_=0)),
                func.sum(case((prevu, 0), (never, 1), else_=0)),
            ).where(accompanied(), or_(prevu, old, never))
            total, n_prevu, n_never = s.execute(scope.restrict_people(stmt, actor, Person.id)).one()
        total, n_prevu, n_never = total or 0, n_prevu or 0, n_never or 0
        return VeilleCounts(total, n_prevu, total - n_prevu - n_never, n_never, weeks)

    def rows(self, actor: Actor, ids: Sequence[int], today: dt.date | None = None) -> list[VeilleRow]:
        """The rows for some ids (a page of any follow-up list), in the same order."""
        require(actor, Perm.VISITS_READ)
        today = today or dt.date.today()
        weeks = self.weeks()
        sensitive = can(actor, Perm.PEOPLE_READ_SENSITIVE)
        if not ids:
            return []
        with self.db.read() as s:
            ids = scope.visible_ids(s, actor, ids)
            found = {p.id: p for p in s.execute(
                select(Person.id, Person.nom, Person.prenom, Person.date_naissance, Person.commune_nom,
                       Person.telephone, Person.last_contact_date, Person.next_contact_due,
                       Person.vit_seul, Person.gir, Person.fragilite_isolement, Person.sexe)
                .where(Person.id.in_(list(ids)))
            )}
        return [self._row(found[i], today, weeks, sensitive) for i in ids if i in found]

    @staticmethod
    def _row(p: Any, today: dt.date, weeks: int, sensitive: bool) -> VeilleRow:
        last, nxt = p.last_contact_date, p.next_contact_due
        if nxt is not None and nxt < today:
            reason = PREVU
            text = f"Retard de {(today - nxt).days} j"  # on the contact planned for that day
        elif last is None:
            reason, text = JAMAIS, "Jamais contacté·e"
        elif last < today - dt.timedelta(weeks=weeks):
            reason = SANS_CONTACT
            text = f"{(today - last).days // 7} sem. sans contact"
        elif nxt is not None:  # not on the watch list (a planned-contacts list shows it too)
            reason, text = A_JOUR, f"Prévu le {_short(nxt, today)}"
        else:
            reason, text = A_JOUR, f"Vu le {date_fr(last)}"
        ending = {"f": "e", "h": ""}.get(p.sexe, "·e")
        parts = []
        if p.vit_seul:
            parts.append(f"Vit seul{ending}")
        if sensitive and p.gir is not None and p.gir <= 4:
            parts.append(f"GIR {p.gir}")
        if sensitive and p.fragilite_isolement:
            parts.append(f"Isolé{ending}")
        return VeilleRow(
            person_id=p.id, display_name=person_name(p.nom, p.prenom),
            age=age_on(p.date_naissance, today) if p.date_naissance else None,
            commune_nom=p.commune_nom, telephone=p.telephone,
            last_contact_date=last, next_contact_due=nxt, reason=reason, reason_text=text,
            priority_text=" · ".join(parts),
        )

    def planned_ids(self, actor: Actor, start: dt.date, end: dt.date) -> list[int]:
        """People whose next contact is due between two dates (inclusive), soonest first."""
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            stmt = (select(Person.id)
                    .where(accompanied(), Person.next_contact_due.between(start, end))
                    .order_by(Person.next_contact_due, *priority_order()))
            ids = list(s.scalars(scope.restrict_people(stmt, actor, Person.id)))
            # A recurring contact due in the period is a planned contact too.
            allowed = scope.restrict_people(select(Person.id).where(accompanied()), actor, Person.id)
            due = recurring_due(s, start, end, RecurringContact.person_id.in_(allowed))
            return ids + sorted(set(due) - set(ids), key=lambda i: (due[i], i))
