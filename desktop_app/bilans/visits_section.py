"""Home visits and other contacts of the period (whole-service bilan only: no funding line
pays for visits). Contacts are events (not suppressed); people visited are people (masked
under the threshold)."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Visit
from desktop_app.bilans import suppress
from desktop_app.bilans.context import BilanContext, excluded_people
from desktop_app.bilans.records import Chart, KeyFigure, Section, Table
from desktop_app.labels import MODE_CONTACT, OBJET_CONTACT

NOTES = (
    "Un contact est une visite, un appel, une permanence… ; une personne vue plusieurs fois compte "
    "une fois dans « personnes vues ».",
    "Par mode et par objet, une personne peut figurer sur plusieurs lignes : la colonne « personnes » "
    "ne s'additionne pas.",
)


def compute(ctx: BilanContext) -> Section:
    if not ctx.all_activities:
        return Section("visites", "Visites à domicile et contacts",
                       notes=("Les visites et contacts ne sont financés par aucune ligne de ce financeur : "
                              "ils ne figurent pas dans ce bilan.",))
    s = ctx.session
    cond = (Visit.date >= ctx.period.debut, Visit.date <= ctx.period.fin, Visit.person_id.not_in(excluded_people()))
    total, people = s.execute(select(func.count(), func.count(func.distinct(Visit.person_id))).where(*cond)).one()
    by = {}
    for col, labels in ((Visit.mode, MODE_CONTACT), (Visit.objet, OBJET_CONTACT)):
        found = {k: (int(n), int(u)) for k, n, u in s.execute(
            select(col, func.count(), func.count(func.distinct(Visit.person_id))).where(*cond).group_by(col))}
        keys = [str(k) for k in labels] + sorted(k for k in found if k not in labels)
        by[col.key] = [(labels.get(k, k), *found.get(k, (0, 0))) for k in keys]  # type: ignore[call-overload]
    return build(ctx.seuil, int(total), int(people), by["mode"], by["objet"])


def build(seuil: int, total: int, people: int, modes: list[tuple[str, int, int]],
          objets: list[tuple[str, int, int]]) -> Section:
    tables = []
    for key, title, rows in (("modes", "Contacts par mode", modes), ("objets", "Contacts par objet", objets)):
        tables.append(Table(key, title, ("Mode" if key == "modes" else "Objet", "Contacts", "Personnes vues"),
                            tuple((lab, n, suppress.cell(u, seuil)) for lab, n, u in rows),
                            ("Total", total, suppress.cell(people, seuil)), (3.5, 1.5, 1.5)))
    domicile = next((n for lab, n, _u in modes if lab == MODE_CONTACT["domicile"]), 0)
    figures = (
        KeyFigure("Contacts (visites, appels, permanences…)", total),
        KeyFigure("dont visites à domicile", domicile),
        KeyFigure("Personnes vues", suppress.cell(people, seuil)),
    )
    chart = Chart("modes", "bar", "Contacts par mode", tuple(r[0] for r in modes if r[1]),
                  tuple(float(r[1]) for r in modes if r[1]))
    return Section("visites", "Visites à domicile et contacts", figures, tuple(tables), (chart,) if total else (),
                   notes=NOTES)
