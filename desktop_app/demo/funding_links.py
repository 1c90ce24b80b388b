"""Demo: which funding lines pay for the tournée conventions (the mairies' bus subscriptions
and the bus's own financeurs), so a bilan per financeur has something to show. The demo
actions get their financeurs as they are written (:mod:`desktop_app.demo.ateliers_links`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from db.engine import Database
from db.models import ActionFunding, CommuneConvention, ConventionFunding, FundingLine, Partner


def populate_funding_links(db: Database, seed: int, reference_date: dt.date) -> str:
    del seed, reference_date  # deterministic from the rows already written
    with db.uow() as s:
        lines = s.execute(select(FundingLine.id, FundingLine.annee, FundingLine.action,
                                 Partner.commune_insee, Partner.type)
                          .join(Partner, Partner.id == FundingLine.financeur_id).order_by(FundingLine.id)).all()
        conventions = 0
        for conv in s.scalars(select(CommuneConvention).order_by(CommuneConvention.id)):
            funded = [ln for ln in lines if ln.annee == conv.annee and (
                (ln.type == "commune" and ln.commune_insee == conv.commune_insee) or ("itinérant" in ln.action
                and ln.type != "commune"))]
            for ln in funded:
                s.add(ConventionFunding(convention_id=conv.id, funding_line_id=ln.id))
            conventions += bool(funded)
        actions = s.scalar(select(func.count(func.distinct(ActionFunding.action_id))))
    return f"Financements : {actions} actions et {conventions} conventions rattachées à leurs lignes de financement."
