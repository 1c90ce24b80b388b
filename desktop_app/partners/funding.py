"""Funding lines (conventions / financements) and the per-year summary of amounts by
financeur and status. Amounts are Decimal end to end; French input « 1 234,50 » is
accepted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.enums import StatutFinancement
from db.models import ActionFunding, CommuneConvention, ConventionFunding, FundingLine, Partner
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, Refused, ValidationError
from desktop_app.partners.records import FinanceurTotals, FundingInput, FundingRow, FundingSummary
from desktop_app.partners.validate import clean_funding
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require

STATUSES = tuple(str(s) for s in StatutFinancement)
_ZERO = Decimal("0.00")


def _money(value: Any) -> Decimal:
    """SUM() may come back as a float on SQLite: back to cents exactly."""
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


class FundingService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def lines(self, actor: Actor, year: int | None = None, financeur_id: int | None = None) -> list[FundingRow]:
        require(actor, Perm.FUNDING_READ)
        stmt = select(FundingLine, Partner.nom).join(Partner, Partner.id == FundingLine.financeur_id)
        if year is not None:
            stmt = stmt.where(FundingLine.annee == year)
        if financeur_id is not None:
            stmt = stmt.where(FundingLine.financeur_id == financeur_id)
        stmt = stmt.order_by(FundingLine.annee.desc(), Partner.sort_key, FundingLine.id)
        with self.db.read() as s:
            return [self._row(line, nom) for line, nom in s.execute(stmt)]

    def years(self, actor: Actor) -> list[int]:
        require(actor, Perm.FUNDING_READ)
        with self.db.read() as s:
            return list(s.scalars(select(FundingLine.annee).distinct().order_by(FundingLine.annee.desc())))

    def summary(self, actor: Actor, year: int) -> FundingSummary:
        require(actor, Perm.FUNDING_READ)
        with self.db.read() as s:
            rows = s.execute(
                select(FundingLine.financeur_id, Partner.nom, FundingLine.statut,
                       func.sum(FundingLine.montant), func.count(FundingLine.id))
                .join(Partner, Partner.id == FundingLine.financeur_id)
                .where(FundingLine.annee == year)
                .group_by(FundingLine.financeur_id, Partner.nom, FundingLine.statut)
            ).all()
        per: dict[int, dict[str, Any]] = {}
        for fid, nom, statut, amount, n in rows:
            entry = per.setdefault(fid, {"nom": nom, "by": dict.fromkeys(STATUSES, _ZERO), "lines": 0})
            entry["by"][statut] = _money(amount)
            entry["lines"] += n
        financeurs = sorted(
            (FinanceurTotals(fid, e["nom"], e["by"], sum(e["by"].values(), _ZERO), e["lines"])
             for fid, e in per.items()),
            key=lambda f: (-f.total, f.financeur_nom),
        )
        by_status = {st: sum((f.by_status[st] for f in financeurs), _ZERO) for st in STATUSES}
        return FundingSummary(year, STATUSES, tuple(financeurs), by_status, sum(by_status.values(), _ZERO))

    def create(self, actor: Actor, data: FundingInput) -> FundingRow:
        require(actor, Perm.FUNDING_WRITE)
        values = clean_funding(data)
        with self.db.uow() as s:
            nom = self._financeur(s, values["financeur_id"], None)
            line = FundingLine(**values)
            s.add(line)
            s.flush()
            audit.record(s, actor, "creation", "funding_line", line.id, fields=[k for k, v in values.items() if v])
            return self._row(line, nom)

    def update(self, actor: Actor, line_id: int, expected_version: int, data: FundingInput) -> FundingRow:
        require(actor, Perm.FUNDING_WRITE)
        values = clean_funding(data)
        try:
            with self.db.uow() as s:
                line = self._load(s, line_id)
                if line.version_id != expected_version:
                    raise Conflict()
                nom = self._financeur(s, values["financeur_id"], line.financeur_id)
                changed = [k for k, v in values.items() if getattr(line, k) != v]
                for key, value in values.items():
                    setattr(line, key, value)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "funding_line", line.id, fields=changed)
                return self._row(line, nom)
        except StaleDataError as exc:
            raise Conflict() from exc

    def delete(self, actor: Actor, line_id: int) -> None:
        require(actor, Perm.FUNDING_WRITE)
        with self.db.uow() as s:
            line = self._load(s, line_id)
            actions = s.scalar(select(func.count()).select_from(ActionFunding)
                               .where(ActionFunding.funding_line_id == line_id)) or 0
            communes = s.scalars(select(CommuneConvention.commune_nom).join(
                ConventionFunding, ConventionFunding.convention_id == CommuneConvention.id)
                .where(ConventionFunding.funding_line_id == line_id).order_by(CommuneConvention.commune_nom)).all()
            if actions or communes:
                uses = []
                if actions:
                    uses.append(f"{actions} action{'s' if actions > 1 else ''} d'ateliers")
                if communes:
                    uses.append("la convention de tournée de " + ", ".join(communes))
                raise Refused("Cette ligne finance " + " et ".join(uses) + " : retirez-la d'abord de ses financements.")
            audit.record(s, actor, "suppression", "funding_line", line.id, detail=f"{line.annee}")
            s.delete(line)

    @staticmethod
    def _load(s: Session, line_id: int) -> FundingLine:
        line = s.get(FundingLine, line_id)
        if line is None:
            raise NotFound("Cette ligne de financement n'existe plus.")
        return line

    @staticmethod
    def _financeur(s: Session, financeur_id: int, current: int | None) -> str:
        partner = s.get(Partner, financeur_id)
        if partner is None:
            raise ValidationError.single("financeur_id", "Ce financeur n'existe plus.")
        if partner.archived and financeur_id != current:
            raise ValidationError.single("financeur_id", f"« {partner.nom} » est archivé : choisissez un financeur actif.")
        return partner.nom

    @staticmethod
    def _row(line: FundingLine, financeur_nom: str) -> FundingRow:
        return FundingRow(
            id=line.id, version_id=line.version_id, financeur_id=line.financeur_id,
            financeur_nom=financeur_nom, annee=line.annee, montant=_money(line.montant),
            action=line.action, axe_cfppa=line.axe_cfppa, periode_debut=line.periode_debut,
            periode_fin=line.periode_fin, statut=line.statut, date_demande=line.date_demande,
            date_accord=line.date_accord, date_versement=line.date_versement,
            date_solde=line.date_solde, reference=line.reference, notes=line.notes,
        )
