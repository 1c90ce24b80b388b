"""Who pays for the demo ateliers and where they take place: each demo action is linked to
the demo funding lines of its financeurs (``action_funding``, the line of the year the action
starts, else the closest earlier one) and, when it uses a mairie's room, to that partner
« lieu ». Without the demo partners the free-text financeur stays."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ActionFunding, AtelierAction, FundingLine, Partner, PartnerRole

CFPPA = ("CFPPA de l'Hérault", "Ateliers itinérants de prévention")
AIDANTS_CFPPA = ("CFPPA de l'Hérault", "Soutien aux proches aidants")
CARSAT = ("Carsat Languedoc-Roussillon", "Ateliers bien vieillir")
# title prefix → (financeur, start of the funded action's text)
FUNDED_BY: list[tuple[str, list[tuple[str, str]]]] = [
    ("Atelier mémoire", [CARSAT, CFPPA]),
    ("Équilibre", [CFPPA]),
    ("Numérique", [("Fondation Caisse d'Épargne", "Ateliers numériques"), CFPPA]),
    ("Nutrition", [CFPPA]),
    ("Sophrologie", [CFPPA]),
    ("Café des aidants", [AIDANTS_CFPPA, ("AG2R La Mondiale", "Café des aidants")]),
    ("Sommeil", [CARSAT]),
    ("Prévention des arnaques", [CFPPA]),
]
ROOMS_OF_THE_MAIRIE = ("Salle des fêtes", "Salle polyvalente")


def link_demo_action(s: Session, action: AtelierAction) -> int:
    """Link one demo action; returns the number of funding lines linked."""
    wanted = next((funders for prefix, funders in FUNDED_BY if action.titre.startswith(prefix)), [])
    year = action.date_debut.year if action.date_debut else None
    linked = 0
    for financeur, text in wanted:
        rows = s.execute(
            select(FundingLine.id, FundingLine.annee).join(Partner, Partner.id == FundingLine.financeur_id)
            .where(Partner.nom == financeur, FundingLine.action.startswith(text))
            .order_by(FundingLine.annee.desc())
        ).all()
        line = next((lid for lid, annee in rows if year is None or annee <= year), rows[-1][0] if rows else None)
        if line is not None:
            s.add(ActionFunding(action_id=action.id, funding_line_id=line))
            linked += 1
    if linked:
        action.financeur = None  # the funding lines say it now
    if action.lieu in ROOMS_OF_THE_MAIRIE:
        action.lieu_partner_id = s.scalar(
            select(Partner.id).join(PartnerRole, PartnerRole.partner_id == Partner.id)
            .where(PartnerRole.role == "lieu", Partner.nom.startswith("Mairie")).order_by(Partner.id).limit(1))
    return linked
