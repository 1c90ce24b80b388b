"""Home visits and other contacts of the period (whole-service bilan only: no funding line
pays for visits). Contacts are events (not suppressed); people visited are people (masked
under the threshold)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from db.enums import StatutPersonne
from db.models import Person, Visit
from desktop_app.bilans import suppress
from desktop_app.bilans.context import BilanContext, excluded_people
from desktop_app.bilans.records import Chart, KeyFigure, Section, Table
from desktop_app.labels import MODE_CONTACT, OBJET_CONTACT

NOTES = (
    "Un contact est une visite, un appel, une permanence… ; une personne vue plusieurs fois compte "
    "une fois dans « personnes vues ».",
    "Par mode et par objet, les chiffres sont des contacts, non des personnes.",
)


def compute(ctx: BilanContext) -> Section:
    if not ctx.all_activities:
        return Section("visites", "Visites à domicile et contacts",
                       notes=("Les visites et contacts ne sont financés par aucune ligne de ce financeur : "
                              "ils ne figurent pas dans ce bilan.",))
    s = ctx.session
    in_period = (Visit.date >= ctx.period.debut, Visit.date <= ctx.period.fin)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for mode, objet, n in s.execute(select(Visit.mode, Visit.objet, func.count()).where(*in_period)
                                    .group_by(Visit.mode, Visit.objet)):
        counts[(mode, objet)] += int(n)
    # archived files are few: their contacts are taken off rather than filtered row by row
    for mode, objet, n in s.execute(select(Visit.mode, Visit.objet, func.count())
                                    .where(*in_period, Visit.person_id.in_(excluded_people()))
                                    .group_by(Visit.mode, Visit.objet)):
        counts[(mode, objet)] -= int(n)
    people = s.scalar(select(func.count()).select_from(Person).where(
        Person.statut != StatutPersonne.ARCHIVE, ctx.visited(Person.id))) or 0
    by = {}
    for index, labels in ((0, MODE_CONTACT), (1, OBJET_CONTACT)):
        found: dict[str, int] = defaultdict(int)
        for key, n in counts.items():
            found[key[index]] += n
        keys = [str(k) for k in labels] + sorted(k for k in found if k not in labels)
        by[index] = [(labels.get(k, k), found.get(k, 0)) for k in keys]  # type: ignore[call-overload]
    return build(ctx.seuil, sum(counts.values()), int(people), by[0], by[1])


def build(seuil: int, total: int, people: int, modes: list[tuple[str, int]],
          objets: list[tuple[str, int]]) -> Section:
    tables = []
    for key, title, rows in (("modes", "Contacts par mode", modes), ("objets", "Contacts par objet", objets)):
        tables.append(Table(key, title, ("Mode" if key == "modes" else "Objet", "Contacts"),
                            tuple(rows), ("Total", total), (3.5, 1.5)))
    domicile = next((n for lab, n in modes if lab == MODE_CONTACT["domicile"]), 0)
    figures = (
        KeyFigure("Contacts (visites, appels, permanences…)", total),
        KeyFigure("dont visites à domicile", domicile),
        KeyFigure("Personnes vues", suppress.cell(people, seuil)),
    )
    chart = Chart("modes", "bar", "Contacts par mode", tuple(r[0] for r in modes if r[1]),
                  tuple(float(r[1]) for r in modes if r[1]))
    return Section("visites", "Visites à domicile et contacts", figures, tuple(tables), (chart,) if total else (),
                   notes=NOTES)
