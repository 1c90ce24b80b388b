"""Funding: the lines of the period's years (the financeur's own lines for its bilan), with
their status, and the total per financeur and status."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from db.models import FundingLine, Partner
from desktop_app.bilans.context import BilanContext
from desktop_app.bilans.records import Chart, KeyFigure, Section, Table
from desktop_app.labels import STATUT_FINANCEMENT

STATUSES = ("demande", "accorde", "verse", "solde")


def _eur(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def compute(ctx: BilanContext) -> Section:
    years = range(ctx.period.debut.year, ctx.period.fin.year + 1)
    stmt = (select(Partner.nom, FundingLine.annee, FundingLine.action, FundingLine.axe_cfppa, FundingLine.statut,
                   FundingLine.montant)
            .join(Partner, Partner.id == FundingLine.financeur_id).where(FundingLine.annee.in_(list(years))))
    if ctx.scope.financeur_id is not None:
        stmt = stmt.where(FundingLine.financeur_id == ctx.scope.financeur_id)
    lines = sorted(ctx.session.execute(stmt).all(), key=lambda r: (r[0], r[1], r[2], r[4], r[5]))
    per: dict[str, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(STATUSES, Decimal(0)))
    for nom, _annee, _action, _axe, statut, montant in lines:
        per[nom][statut] += Decimal(montant)
    detail = Table("lignes", "Lignes de financement", ("Financeur", "Année", "Action financée", "Axe", "Statut", "Montant (€)"),
                   tuple((nom, annee, action, axe or "", STATUT_FINANCEMENT.get(statut, statut), _eur(Decimal(m)))
                         for nom, annee, action, axe, statut, m in lines),
                   ("Total", "", "", "", "", _eur(sum((Decimal(r[5]) for r in lines), Decimal(0)))),
                   (2.5, 1.0, 3.7, 0.6, 1.3, 1.5), ("", "y", "", "", "", "€"))
    names = sorted(per)
    totals = {st: sum((per[n][st] for n in names), Decimal(0)) for st in STATUSES}
    summary = Table("par_financeur", "Montants par financeur et statut",
                    ("Financeur", *(STATUT_FINANCEMENT[s] for s in STATUSES), "Total (€)"),
                    tuple((n, *(_eur(per[n][s]) for s in STATUSES), _eur(sum(per[n].values(), Decimal(0))))
                          for n in names),
                    ("Total", *(_eur(totals[s]) for s in STATUSES), _eur(sum(totals.values(), Decimal(0)))),
                    (3.2, 1.3, 1.3, 1.3, 1.3, 1.5), ("", "€", "€", "€", "€", "€"))
    obtained = totals["accorde"] + totals["verse"] + totals["solde"]
    figures = (
        KeyFigure("Financements obtenus (accordés, versés, soldés)", _eur(obtained), "€"),
        KeyFigure("dont versés ou soldés", _eur(totals["verse"] + totals["solde"]), "€"),
        KeyFigure("Demandes en cours", _eur(totals["demande"]), "€"),
    )
    obtained_by = sorted(((n, per[n]["accorde"] + per[n]["verse"] + per[n]["solde"]) for n in names),
                         key=lambda r: (-r[1], r[0]))
    obtained_by = [r for r in obtained_by if r[1]]
    if len(obtained_by) > 6:  # a legible pie: the five largest and the others together
        obtained_by = [*obtained_by[:5], ("Autres financeurs", sum((r[1] for r in obtained_by[5:]), Decimal(0)))]
    chart = Chart("financeurs", "pie", "Financements obtenus par financeur",
                  tuple(r[0] for r in obtained_by), tuple(_eur(r[1]) for r in obtained_by))
    years_label = ", ".join(str(y) for y in years)
    return Section("financements", "Financements", figures, (summary, detail), (chart,) if len(chart.values) > 1 else (),
                   notes=(f"Lignes de financement des années {years_label}, montants en euros.",))
