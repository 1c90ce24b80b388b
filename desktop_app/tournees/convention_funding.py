"""Which funding lines pay for a commune convention (``convention_funding``): the choices
offered in the convention form, their validation and the stored links."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import ConventionFunding, FundingLine, Partner
from desktop_app.formatting import amount_fr


def label(line: FundingLine, financeur: str) -> str:
    return f"{financeur} — {line.action} {line.annee} ({amount_fr(line.montant)})"


def choices(s: Session, annee: int) -> list[tuple[int, str]]:
    """The funding lines of the year, « financeur — action année (montant) »."""
    rows = s.execute(select(FundingLine, Partner.nom).join(Partner, Partner.id == FundingLine.financeur_id)
                     .where(FundingLine.annee == annee).order_by(Partner.sort_key, FundingLine.id)).all()
    return [(line.id, label(line, nom)) for line, nom in rows]


def check(s: Session, ids: Iterable[int], annee: int | None) -> str | None:
    """The French message of the first wrong line, or None when every line may pay for a
    convention of ``annee``."""
    for line_id in sorted(set(ids)):
        row = s.execute(select(FundingLine, Partner.nom).join(Partner, Partner.id == FundingLine.financeur_id)
                        .where(FundingLine.id == line_id)).first()
        if row is None:
            return "Une ligne de financement choisie n'existe plus : rouvrez la convention."
        line, nom = row
        if annee is not None and line.annee != annee:
            return f"La ligne « {label(line, nom)} » finance l'année {line.annee}, pas {annee}."
    return None


def linked(s: Session, convention_id: int) -> list[tuple[int, str]]:
    rows = s.execute(select(FundingLine, Partner.nom).join(Partner, Partner.id == FundingLine.financeur_id)
                     .join(ConventionFunding, ConventionFunding.funding_line_id == FundingLine.id)
                     .where(ConventionFunding.convention_id == convention_id)
                     .order_by(Partner.sort_key, FundingLine.id)).all()
    return [(line.id, label(line, nom)) for line, nom in rows]


def store(s: Session, convention_id: int, ids: Iterable[int]) -> bool:
    """Replace the links; True when they changed."""
    wanted = set(ids)
    current = set(s.scalars(select(ConventionFunding.funding_line_id)
                            .where(ConventionFunding.convention_id == convention_id)))
    if wanted == current:
        return False
    s.execute(delete(ConventionFunding).where(ConventionFunding.convention_id == convention_id,
                                              ConventionFunding.funding_line_id.in_(current - wanted)))
    for line_id in sorted(wanted - current):
        s.add(ConventionFunding(convention_id=convention_id, funding_line_id=line_id))
    s.flush()
    return True
