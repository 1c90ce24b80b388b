"""What an action points at outside the ateliers: the funding lines that pay for it (its
financeurs, through ``action_funding``) and the partner whose room it uses (a partner whose
role is « lieu »). Reading, checking and writing those links, and the choices the form
offers."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from db.enums import RolePartenaire
from db.models import ActionFunding, FundingLine, Partner, PartnerRole
from desktop_app.ateliers.records import Choice
from desktop_app.errors import ValidationError
from desktop_app.formatting import number_fr
from desktop_app.labels import STATUT_FINANCEMENT, label


def funding_label(financeur: str, annee: int, montant: Decimal | float, statut: str) -> str:
    """« Carsat 2026 — 12 000 € — accordé »: the amount never wraps before its euro sign."""
    amount = number_fr(Decimal(str(montant)), 0 if Decimal(str(montant)) % 1 == 0 else 2)
    return f"{financeur} {annee} — {amount}\u00a0€ — {label(STATUT_FINANCEMENT, statut).lower()}"


def _funding_stmt():  # type: ignore[no-untyped-def]
    return (
        select(FundingLine.id, Partner.nom, FundingLine.annee, FundingLine.montant, FundingLine.statut)
        .join(Partner, Partner.id == FundingLine.financeur_id)
    )


def funding_choices(s: Session) -> list[Choice]:
    """Every funding line, most recent year first, then by financeur."""
    rows = s.execute(_funding_stmt().order_by(FundingLine.annee.desc(), Partner.sort_key, FundingLine.id))
    return [Choice(fid, funding_label(nom, annee, montant, statut)) for fid, nom, annee, montant, statut in rows]


def funding_of(s: Session, action_id: int) -> list[Choice]:
    rows = s.execute(
        _funding_stmt().join(ActionFunding, ActionFunding.funding_line_id == FundingLine.id)
        .where(ActionFunding.action_id == action_id)
        .order_by(FundingLine.annee.desc(), Partner.sort_key, FundingLine.id)
    )
    return [Choice(fid, funding_label(nom, annee, montant, statut)) for fid, nom, annee, montant, statut in rows]


def clean_funding_ids(values: list[int] | tuple[int, ...] | None) -> list[int]:
    """The chosen lines, each once, in the order given."""
    out: list[int] = []
    for value in values or ():
        try:
            line_id = int(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError.single("financements", "Choisissez les financeurs dans la liste.") from exc
        if line_id not in out:
            out.append(line_id)
    return out


def check_funding(s: Session, line_ids: list[int]) -> None:
    if not line_ids:
        return
    found = set(s.scalars(select(FundingLine.id).where(FundingLine.id.in_(line_ids))))
    missing = [i for i in line_ids if i not in found]
    if missing:
        raise ValidationError.single(
            "financements",
            "Une ligne de financement choisie n'existe plus : rouvrez la liste des financeurs."
            if len(missing) == 1 else
            f"{len(missing)} lignes de financement choisies n'existent plus : rouvrez la liste des financeurs.",
        )


def set_funding(s: Session, action_id: int, line_ids: list[int]) -> bool:
    """Replace the action's financeurs; True when something changed."""
    current = set(s.scalars(select(ActionFunding.funding_line_id).where(ActionFunding.action_id == action_id)))
    wanted = set(line_ids)
    if current == wanted:
        return False
    gone = current - wanted
    if gone:
        s.execute(delete(ActionFunding).where(ActionFunding.action_id == action_id,
                                              ActionFunding.funding_line_id.in_(gone)))
    s.add_all(ActionFunding(action_id=action_id, funding_line_id=i) for i in line_ids if i not in current)
    s.flush()
    return True


def _is_place(partner_id):  # type: ignore[no-untyped-def]
    return exists().where(PartnerRole.partner_id == partner_id, PartnerRole.role == RolePartenaire.LIEU)


def place_choices(s: Session, current: int | None = None) -> list[Choice]:
    """Active partners whose role is « lieu » (and the current one, even if archived since)."""
    stmt = select(Partner.id, Partner.nom, Partner.commune_nom).where(
        _is_place(Partner.id), (Partner.archived.is_(False)) | (Partner.id == (current or -1))
    ).order_by(Partner.sort_key, Partner.id)
    return [Choice(pid, f"{nom} ({commune})" if commune else nom) for pid, nom, commune in s.execute(stmt)]


def place_name(s: Session, partner_id: int | None) -> str | None:
    if partner_id is None:
        return None
    return s.scalar(select(Partner.nom).where(Partner.id == partner_id))


def check_place(s: Session, partner_id: int | None, current: int | None) -> None:
    if partner_id is None:
        return
    partner = s.get(Partner, partner_id)
    if partner is None:
        raise ValidationError.single("lieu_partner_id", "Ce partenaire n'existe plus : choisissez un autre lieu.")
    if not s.scalar(select(_is_place(partner_id))):
        raise ValidationError.single(
            "lieu_partner_id", f"« {partner.nom} » n'est pas un lieu d'accueil : choisissez un partenaire « lieu »."
        )
    if partner.archived and partner_id != current:
        raise ValidationError.single("lieu_partner_id", f"« {partner.nom} » est archivé : choisissez un lieu actif.")
