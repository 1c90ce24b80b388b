"""Tournées of the bus, read only through desktop_app.tournees.figures (its yearly figures
for the whole service, the statement of each funded commune convention for a financeur).
Tournée figures exist per calendar year only."""

from __future__ import annotations

from sqlalchemy import select

from db.models import CommuneConvention
from desktop_app.bilans import suppress
from desktop_app.bilans.context import BilanContext
from desktop_app.bilans.records import KeyFigure, Section, Table

TITLE = "Tournées du bus"
REALISE = "realise"


def compute(ctx: BilanContext) -> Section:
    if not ctx.period.is_calendar_year:
        return Section("tournees", TITLE, notes=(
            "Les chiffres des tournées sont établis par année civile : choisissez une année entière pour les voir.",))
    annee = ctx.period.debut.year
    if ctx.all_activities:
        y = ctx.tournees.year(ctx.actor, annee)
        figures = (
            KeyFigure("Communes desservies", y.communes_servies),
            KeyFigure("Passages réalisés", y.passages_realises),
            KeyFigure("Présences", y.presents),
            KeyFigure("Personnes uniques", suppress.cell(y.personnes_uniques, ctx.seuil)),
            KeyFigure("dont nouvelles personnes", suppress.cell(y.nouvelles_personnes, ctx.seuil)),
            KeyFigure("Prises en charge à domicile (présences)", y.personnes_transportees),
            KeyFigure("Kilomètres parcourus", y.kilometres, "km"),
            KeyFigure("Participation des communes encaissée", float(y.montant_encaisse), "€"),
        )
        return Section("tournees", TITLE, figures, notes=_notes())
    ids = ctx.convention_ids or []
    convs = ctx.session.execute(select(CommuneConvention.id).where(
        CommuneConvention.id.in_(ids), CommuneConvention.annee == annee)).scalars().all()
    rows = []
    for cid in sorted(convs):
        st = ctx.tournees.commune_statement(ctx.actor, cid)
        done = [line for line in st.lines if line.statut == REALISE]
        rows.append((st.convention.commune_nom, st.convention.commune_insee, len(done),
                     sum(line.presents for line in done), sum(line.transportes for line in done),
                     st.personnes_uniques))
    if not rows:
        return Section("tournees", TITLE, notes=(
            f"Aucune convention de tournée {annee} n'est financée par ce financeur.",))
    rows.sort(key=lambda r: (r[0], r[1]))
    table = Table("communes_tournees", "Communes desservies (conventions financées)",
                  ("Commune", "Code INSEE", "Passages réalisés", "Présences", "Prises en charge", "Personnes uniques"),
                  tuple((*r[:5], suppress.cell(r[5], ctx.seuil)) for r in rows),
                  ("Total", "", sum(r[2] for r in rows), sum(r[3] for r in rows), sum(r[4] for r in rows), None),
                  (3, 1.3, 1.4, 1.3, 1.4, 1.5))
    figures = (
        KeyFigure("Communes desservies", sum(1 for r in rows if r[2])),
        KeyFigure("Passages réalisés", sum(r[2] for r in rows)),
        KeyFigure("Présences", sum(r[3] for r in rows)),
    )
    return Section("tournees", TITLE, figures, (table,), notes=_notes())


def _notes() -> tuple[str, ...]:
    return ("Seuls les passages réalisés comptent ; présences et personnes uniques restent distinctes.",
            "Prises en charge : présences de personnes transportées depuis leur domicile.")
