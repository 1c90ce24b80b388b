"""Per-action figures for the action page, the list and the bilans, computed in a handful of
grouped queries whatever the number of actions (a year of 2,000 séances and 200,000
attendance rows stays well under a second).

Definitions (DOMAIN.md, "Quality"):
- séances held = séances marked « réalisée » (cancelled ones never count);
- attendance rate = presences of people currently registered / (inscrits × séances held);
  presences of someone who came without registering, or who has since withdrawn, are
  counted in ``presences`` but not in the rate;
- retention = present at the last held séance / present at the first;
- revenue: the price of each registration (per cycle) or of each presence (per séance),
  at the registration's tarif, or « adhérent » when the person holds a membership for the
  year the action starts, else « plein ».
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from db.models import (
    Adhesion,
    AtelierAction,
    AtelierInscription,
    AtelierPresence,
    AtelierSatisfaction,
    AtelierSeance,
)
from db.models.ateliers import StatutSeance, Tarification, UniteTarif
from db.models.ateliers_participation import StatutInscription, StatutPresence, Tarif
from desktop_app.ateliers.records import ActionFigures

ZERO = Decimal("0.00")


def compute_figures(s: Session, action_ids: list[int] | None = None) -> dict[int, ActionFigures]:
    """Figures of the given actions (every action when None)."""

    def scoped(stmt: Select, column: Any) -> Select:  # type: ignore[type-arg]
        return stmt if action_ids is None else stmt.where(column.in_(action_ids))

    actions = {a.id: a for a in s.scalars(scoped(select(AtelierAction), AtelierAction.id))}
    if not actions:
        return {}
    reg_counts: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, statut, n in s.execute(scoped(
        select(AtelierInscription.action_id, AtelierInscription.statut, func.count())
        .group_by(AtelierInscription.action_id, AtelierInscription.statut), AtelierInscription.action_id)):
        reg_counts[aid][statut] = int(n)

    seances: dict[int, list[tuple[int, dt.datetime, dt.datetime, str]]] = defaultdict(list)
    for sid, aid, debut, fin, statut in s.execute(scoped(
        select(AtelierSeance.id, AtelierSeance.action_id, AtelierSeance.debut, AtelierSeance.fin, AtelierSeance.statut)
        .order_by(AtelierSeance.debut, AtelierSeance.id), AtelierSeance.action_id)):
        seances[aid].append((sid, debut, fin, statut))

    present_rows = select(
        AtelierPresence.seance_id, func.count(),
        func.sum(case((AtelierPresence.hors_inscription.is_(True), 1), else_=0)),
    ).where(AtelierPresence.statut == StatutPresence.PRESENT).group_by(AtelierPresence.seance_id)
    if action_ids is not None:
        present_rows = present_rows.where(AtelierPresence.seance_id.in_(
            select(AtelierSeance.id).where(AtelierSeance.action_id.in_(action_ids))))
    per_seance = {sid: (int(n), int(hors or 0)) for sid, n, hors in s.execute(present_rows)}
    unique = dict(s.execute(scoped(
        select(AtelierSeance.action_id, func.count(func.distinct(AtelierPresence.person_id)))
        .join(AtelierPresence, (AtelierPresence.seance_id == AtelierSeance.id)
              & (AtelierPresence.statut == StatutPresence.PRESENT))
        .where(AtelierSeance.statut == StatutSeance.REALISEE)
        .group_by(AtelierSeance.action_id), AtelierSeance.action_id)).all())
    withdrawn = _withdrawn_presences(s, action_ids)
    satisfaction = {
        aid: (float(total), int(n)) for aid, total, n in s.execute(scoped(
            select(AtelierSeance.action_id, func.sum(AtelierSatisfaction.note), func.count())
            .join(AtelierSatisfaction, AtelierSatisfaction.seance_id == AtelierSeance.id)
            .where(AtelierSeance.statut != StatutSeance.ANNULEE)
            .group_by(AtelierSeance.action_id), AtelierSeance.action_id))
    }
    revenue = _revenue(s, actions, seances)

    out: dict[int, ActionFigures] = {}
    for aid, action in actions.items():
        regs = reg_counts.get(aid, {})
        rows = seances.get(aid, [])
        held = [x for x in rows if x[3] == StatutSeance.REALISEE]
        presences = sum(per_seance.get(x[0], (0, 0))[0] for x in held)
        hors = sum(per_seance.get(x[0], (0, 0))[1] for x in held)
        hours = sum((x[2] - x[1]).total_seconds() for x in held) / 3600  # type: ignore[operator]
        sat_total, sat_n = satisfaction.get(aid, (0.0, 0))
        out[aid] = ActionFigures(
            action_id=aid, capacite=action.capacite,
            inscrits=regs.get(StatutInscription.INSCRIT, 0), en_attente=regs.get(StatutInscription.EN_ATTENTE, 0),
            desistes=regs.get(StatutInscription.DESISTE, 0),
            seances_prevues=sum(1 for x in rows if x[3] != StatutSeance.ANNULEE),
            seances_realisees=len(held), seances_annulees=sum(1 for x in rows if x[3] == StatutSeance.ANNULEE),
            heures_realisees=round(hours, 2), presences=presences,
            presences_inscrits=presences - hors - withdrawn.get(aid, 0), presences_hors_inscription=hors,
            participants_uniques=int(unique.get(aid, 0)),
            presents_premiere=per_seance.get(held[0][0], (0, 0))[0] if held else 0,
            presents_derniere=per_seance.get(held[-1][0], (0, 0))[0] if held else 0,
            recettes=revenue.get(aid, ZERO),
            satisfaction_moyenne=sat_total / sat_n if sat_n else None, satisfaction_nombre=sat_n,
        )
    return out


def _withdrawn_presences(s: Session, action_ids: list[int] | None) -> dict[int, int]:
    """Presences, at held séances, of people registered then withdrawn (few: fetched apart)."""
    stmt = select(AtelierInscription.action_id, AtelierInscription.person_id).where(
        AtelierInscription.statut == StatutInscription.DESISTE)
    if action_ids is not None:
        stmt = stmt.where(AtelierInscription.action_id.in_(action_ids))
    pairs = set(s.execute(stmt).all())
    if not pairs:
        return {}
    out: dict[int, int] = defaultdict(int)
    for aid, pid in s.execute(
        select(AtelierSeance.action_id, AtelierPresence.person_id)
        .join(AtelierPresence, AtelierPresence.seance_id == AtelierSeance.id)
        .where(AtelierSeance.action_id.in_({a for a, _ in pairs}),
               AtelierPresence.person_id.in_({p for _, p in pairs}),
               AtelierSeance.statut == StatutSeance.REALISEE, AtelierPresence.statut == StatutPresence.PRESENT,
               AtelierPresence.hors_inscription.is_(False))
    ):
        if (aid, pid) in pairs:
            out[aid] += 1
    return out


def _year(action: AtelierAction, seances: dict[int, list[tuple[int, dt.datetime, dt.datetime, str]]]) -> int | None:
    """The membership year that gives the « adhérent » price: the year the action starts."""
    if action.date_debut is not None:
        return action.date_debut.year
    rows = seances.get(action.id)
    return rows[0][1].year if rows else None


def _price(action: AtelierAction, tarif: str | None, member: bool) -> Decimal:
    plein = action.prix_plein or ZERO
    if tarif == Tarif.EXONERE:
        return ZERO
    if tarif == Tarif.REDUIT:
        return action.prix_reduit if action.prix_reduit is not None else plein
    if tarif == Tarif.ADHERENT or (tarif is None and member):
        return action.prix_adherent if action.prix_adherent is not None else plein
    return plein


def _revenue(
    s: Session, actions: dict[int, AtelierAction], seances: dict[int, list[tuple[int, dt.datetime, dt.datetime, str]]]
) -> dict[int, Decimal]:
    paying = [a for a in actions.values() if a.tarification == Tarification.PAYANT]
    if not paying:
        return {}
    members = set(s.execute(select(Adhesion.person_id, Adhesion.annee)).all())
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    per_cycle = [a.id for a in paying if a.tarif_unite == UniteTarif.CYCLE]
    per_seance = [a.id for a in paying if a.tarif_unite == UniteTarif.SEANCE]
    if per_cycle:
        for aid, pid, tarif in s.execute(
            select(AtelierInscription.action_id, AtelierInscription.person_id, AtelierInscription.tarif)
            .where(AtelierInscription.action_id.in_(per_cycle), AtelierInscription.statut == StatutInscription.INSCRIT)
        ):
            out[aid] += _price(actions[aid], tarif, (pid, _year(actions[aid], seances)) in members)
    if per_seance:
        tarifs = {
            (aid, pid): tarif for aid, pid, tarif in s.execute(
                select(AtelierInscription.action_id, AtelierInscription.person_id, AtelierInscription.tarif)
                .where(AtelierInscription.action_id.in_(per_seance)))
        }
        for aid, pid, n in s.execute(
            select(AtelierSeance.action_id, AtelierPresence.person_id, func.count())
            .join(AtelierPresence, (AtelierPresence.seance_id == AtelierSeance.id)
                  & (AtelierPresence.statut == StatutPresence.PRESENT))
            .where(AtelierSeance.action_id.in_(per_seance), AtelierSeance.statut == StatutSeance.REALISEE)
            .group_by(AtelierSeance.action_id, AtelierPresence.person_id)
        ):
            member = (pid, _year(actions[aid], seances)) in members
            out[aid] += _price(actions[aid], tarifs.get((aid, pid)), member) * int(n)
    return dict(out)
