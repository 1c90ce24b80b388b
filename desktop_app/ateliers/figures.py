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
  year, else « plein ».
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, extract, func, select
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

    present = (
        select(AtelierSeance.action_id, AtelierPresence.seance_id, AtelierPresence.person_id,
               AtelierPresence.hors_inscription)
        .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
        .where(AtelierPresence.statut == StatutPresence.PRESENT, AtelierSeance.statut == StatutSeance.REALISEE)
    )
    present = scoped(present, AtelierSeance.action_id).subquery()
    per_seance = {
        sid: (int(n), int(hors or 0)) for sid, n, hors in s.execute(
            select(present.c.seance_id, func.count(), func.sum(case((present.c.hors_inscription.is_(True), 1), else_=0)))
            .group_by(present.c.seance_id))
    }
    unique = dict(s.execute(
        select(present.c.action_id, func.count(func.distinct(present.c.person_id))).group_by(present.c.action_id)
    ).all())
    withdrawn = dict(s.execute(scoped(
        select(AtelierInscription.action_id, func.count())
        .join(AtelierSeance, AtelierSeance.action_id == AtelierInscription.action_id)
        .join(AtelierPresence, (AtelierPresence.seance_id == AtelierSeance.id)
              & (AtelierPresence.person_id == AtelierInscription.person_id))
        .where(AtelierInscription.statut == StatutInscription.DESISTE, AtelierSeance.statut == StatutSeance.REALISEE,
               AtelierPresence.statut == StatutPresence.PRESENT, AtelierPresence.hors_inscription.is_(False))
        .group_by(AtelierInscription.action_id), AtelierInscription.action_id)).all())
    satisfaction = {
        aid: (float(total), int(n)) for aid, total, n in s.execute(scoped(
            select(AtelierSeance.action_id, func.sum(AtelierSatisfaction.note), func.count())
            .join(AtelierSeance, AtelierSeance.id == AtelierSatisfaction.seance_id)
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
            action, rows = actions[aid], seances.get(aid) or []
            year = action.date_debut.year if action.date_debut else (rows[0][1].year if rows else None)
            out[aid] += _price(action, tarif, (pid, year) in members)
    if per_seance:
        tarifs = {
            (aid, pid): tarif for aid, pid, tarif in s.execute(
                select(AtelierInscription.action_id, AtelierInscription.person_id, AtelierInscription.tarif)
                .where(AtelierInscription.action_id.in_(per_seance)))
        }
        year = extract("year", AtelierSeance.debut)
        for aid, pid, annee, n in s.execute(
            select(AtelierSeance.action_id, AtelierPresence.person_id, year, func.count())
            .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
            .where(AtelierSeance.action_id.in_(per_seance), AtelierSeance.statut == StatutSeance.REALISEE,
                   AtelierPresence.statut == StatutPresence.PRESENT)
            .group_by(AtelierSeance.action_id, AtelierPresence.person_id, year)
        ):
            out[aid] += _price(actions[aid], tarifs.get((aid, pid)), (pid, int(annee)) in members) * int(n)
    return dict(out)
