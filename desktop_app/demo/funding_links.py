"""Demo: which funding lines pay for which actions and tournée conventions, so a bilan per
financeur has something to show (Carsat, CFPPA, Département, the mairies' bus subscriptions)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.engine import Database
from db.models import (
    ActionFunding,
    AtelierAction,
    CommuneConvention,
    ConventionFunding,
    FundingLine,
    Partner,
)

# free-text financeur of a demo action → the partner whose lines fund it
ACTION_FINANCEURS = {
    "Carsat": "Carsat Languedoc-Roussillon",
    "Conférence des financeurs (CFPPA)": "CFPPA de l'Hérault",
    "CNSA via le Département": "Département de l'Hérault",
}


def populate_funding_links(db: Database, seed: int, reference_date: dt.date) -> str:
    del seed, reference_date  # deterministic from the rows already written
    with db.uow() as s:
        lines = s.execute(select(FundingLine.id, FundingLine.annee, FundingLine.axe_cfppa, FundingLine.action,
                                 Partner.nom, Partner.commune_insee, Partner.type)
                          .join(Partner, Partner.id == FundingLine.financeur_id).order_by(FundingLine.id)).all()
        actions = 0
        linked = set(s.scalars(select(ActionFunding.action_id)))  # the ateliers demo links most actions itself
        for action in s.scalars(select(AtelierAction).where(AtelierAction.id.not_in(linked) if linked else True)
                                .order_by(AtelierAction.id)):
            partner = ACTION_FINANCEURS.get(action.financeur or "")
            year = action.date_debut.year if action.date_debut else None
            mine = [ln for ln in lines if ln.nom == partner and ln.annee == year]
            best = [ln for ln in mine if ln.axe_cfppa == str(action.axe_cfppa)] or mine
            if best:
                s.add(ActionFunding(action_id=action.id, funding_line_id=best[0].id))
                actions += 1
        conventions = 0
        for conv in s.scalars(select(CommuneConvention).order_by(CommuneConvention.id)):
            funded = [ln for ln in lines if ln.annee == conv.annee and (
                (ln.type == "commune" and ln.commune_insee == conv.commune_insee) or ("itinérant" in ln.action
                and ln.type != "commune"))]
            for ln in funded:
                s.add(ConventionFunding(convention_id=conv.id, funding_line_id=ln.id))
            conventions += bool(funded)
        actions += len(linked)
    return f"Financements : {actions} actions et {conventions} conventions rattachées à leurs lignes de financement."
