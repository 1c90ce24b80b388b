"""People reached: who the service reached in the period, in one grouped query.

Definitions (docs/bilans.md):
- people reached: distinct people present at a held séance in the period or visited in the
  period (visits only in the whole-service bilan); archived files excluded;
- new: reached people with no visit and no presence before the period;
- age: at the last day of the period, from the birth date, or from the birth year alone for an
  anonymised file (age = year of the period end − birth year);
- aidant: the person is a proche aidant of someone in the file.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Integer, case, cast, exists, extract, func, literal, null, select, union_all
from sqlalchemy.orm import aliased

from db.enums import StatutPersonne
from db.models import AidantLink, AtelierPresence, AtelierSeance, Person, Visit
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutPresence
from desktop_app.bilans import suppress
from desktop_app.bilans.context import BilanContext
from desktop_app.bilans.records import Chart, KeyFigure, Section, Table, Value

UNKNOWN = "Inconnu / non renseigné"
AGE_BANDS = ("Moins de 60 ans", "60–69 ans", "70–74 ans", "75–79 ans", "80–84 ans", "85–89 ans", "90 ans et plus", UNKNOWN)
SEXES = (("f", "Femmes"), ("h", "Hommes"), ("i", UNKNOWN))
GIR_BANDS = ("GIR 1 à 4", "GIR 5 à 6", "Non évalué / non renseigné")
ALONE = ("Vit seul(e)", "Ne vit pas seul(e)", UNKNOWN)
PROFILE = ("Proches aidants", "Personnes âgées accompagnées")
NEWNESS = ("Nouvelles personnes", "Personnes déjà connues")


def age_expr(ctx: BilanContext) -> Any:
    """Age in whole years on the last day of the period (NULL when unknown)."""
    end = ctx.period.fin
    born = Person.date_naissance
    later = (cast(extract("month", born), Integer) * 100 + cast(extract("day", born), Integer)) > end.month * 100 + end.day
    from_date = end.year - cast(extract("year", born), Integer) - case((later, 1), else_=0)
    return case((born.is_not(None), from_date),
                (Person.annee_naissance.is_not(None), end.year - Person.annee_naissance), else_=None)


def band_expr(age: Any) -> Any:
    return case((age.is_(None), 7), (age < 60, 0), (age < 70, 1), (age < 75, 2), (age < 80, 3), (age < 85, 4),
                (age < 90, 5), else_=6)


def _new_expr(ctx: BilanContext) -> Any:
    before_visit = exists().where(Visit.person_id == Person.id, Visit.date < ctx.period.debut)
    seance = aliased(AtelierSeance)
    before_presence = exists().where(
        AtelierPresence.person_id == Person.id, AtelierPresence.statut == StatutPresence.PRESENT,
        seance.id == AtelierPresence.seance_id, seance.statut == StatutSeance.REALISEE, seance.debut < ctx.start)
    return case((before_visit, 0), (before_presence, 0), else_=1)  # CASE stops at the first match


def compute(ctx: BilanContext) -> Section:
    """One statement: the reached people with their age computed once (a materialised CTE),
    then the cube of the breakdowns and the communes, read from it together."""
    age = age_expr(ctx)
    gir = case((Person.gir.is_(None), 2), (Person.gir <= 4, 0), else_=1)
    alone = case((Person.vit_seul.is_(True), 0), (Person.vit_seul.is_(False), 1), else_=2)
    aidant = case((exists().where(AidantLink.aidant_id == Person.id), 0), else_=1)
    r = (select(Person.commune_insee.label("insee"), Person.commune_nom.label("nom"), Person.sexe.label("sexe"),
                age.label("a"), gir.label("girb"), alone.label("alone"), aidant.label("aidant"),
                _new_expr(ctx).label("new"))
         .where(Person.statut != StatutPersonne.ARCHIVE, ctx.reached(Person.id))
         .cte("reached").prefix_with("MATERIALIZED"))
    keys = [r.c.sexe, band_expr(r.c.a), r.c.girb, r.c.alone, r.c.aidant, r.c.new]
    cube = select(literal("c"), *keys, null(), null(), func.count(), func.sum(r.c.a), func.count(r.c.a)).group_by(*keys)
    per_commune = (select(literal("m"), *(null() for _ in keys), r.c.insee, func.min(r.c.nom), func.count(),
                          null(), null()).group_by(r.c.insee))
    sex: dict[str, int] = defaultdict(int)
    dims: list[dict[int, int]] = [defaultdict(int) for _ in range(5)]
    total = age_sum = age_n = 0
    communes = []
    for kind, sexe, *rest in ctx.session.execute(union_all(cube, per_commune)):
        *codes, insee, nom, n, a_sum, a_n = rest
        if kind == "m":
            communes.append((insee, nom, int(n)))
            continue
        sex[sexe if sexe in ("f", "h") else "i"] += n
        for d, code in zip(dims, codes, strict=True):
            d[int(code)] += n
        total += n
        age_sum += int(a_sum or 0)
        age_n += int(a_n or 0)
    return build(ctx.seuil, total, sex, dims, age_sum, age_n, communes)


def _table(key: str, title: str, labels: tuple[str, ...], counts: list[int], total: int,
           seuil: int) -> tuple[Table, list[Value]]:
    cells, shown_total = suppress.breakdown(counts, total, seuil)
    table = Table(key, title, ("Catégorie", "Personnes"), tuple((lab, c) for lab, c in zip(labels, cells, strict=True)),
                  ("Total", shown_total), (4, 1.5))
    return table, cells


def _chart(key: str, kind: str, title: str, labels: tuple[str, ...], cells: list[Value]) -> Chart | None:
    """The chart of a breakdown, without its masked categories; none at all when most of them
    are masked (a chart of what little is left would mislead)."""
    shown = [(lab, float(c)) for lab, c in zip(labels, cells, strict=True) if isinstance(c, int) and c > 0]
    left_out = sum(isinstance(c, str) for c in cells)
    if not shown or left_out > len(shown):
        return None
    note = "Les catégories de petits effectifs (masquées) ne sont pas représentées." if left_out else ""
    return Chart(key, kind, title, tuple(lab for lab, _ in shown), tuple(v for _, v in shown), note)


def departement(insee: str | None) -> str | None:
    if not insee:
        return None
    return insee[:3] if insee.startswith("97") else insee[:2]


def build(seuil: int, total: int, sex: dict[str, int], dims: list[dict[int, int]], age_sum: int, age_n: int,
          communes: list[Any]) -> Section:
    bands, girs, alone, profile, new = dims
    tables: list[Table] = []
    charts: list[Chart] = []
    specs = [
        ("sexe", "Répartition par sexe", tuple(lab for _, lab in SEXES), [sex.get(c, 0) for c, _ in SEXES], "pie"),
        ("age", "Répartition par âge (à la fin de la période)", AGE_BANDS, [bands.get(i, 0) for i in range(8)], "bar"),
        ("gir", "Degré d'autonomie (GIR)", GIR_BANDS, [girs.get(i, 0) for i in range(3)], "pie"),
        ("vit_seul", "Personnes vivant seules", ALONE, [alone.get(i, 0) for i in range(3)], ""),
        ("profil", "Proches aidants et personnes âgées", PROFILE, [profile.get(i, 0) for i in range(2)], ""),
        ("nouveaux", "Nouvelles personnes", NEWNESS, [new.get(1, 0), new.get(0, 0)], ""),
    ]
    published: dict[str, list[Value]] = {}
    for key, title, labels, counts, kind in specs:
        table, cells = _table(key, title, labels, counts, total, seuil)
        tables.append(table)
        published[key] = cells
        chart = _chart(key, kind, title, labels, cells) if kind else None
        if chart is not None:
            charts.append(chart)
    tables.append(_communes_table(communes, total, seuil))
    tables.append(_departements_table(communes, total, seuil))
    shown_total = suppress.cell(total, seuil)
    mean = round(age_sum / age_n, 1) if age_n >= seuil else None
    figures = (
        KeyFigure("Personnes touchées (uniques)", shown_total),
        KeyFigure("dont nouvelles personnes", published["nouveaux"][0]),
        KeyFigure("Âge moyen", mean if mean is not None else "non publié", "ans" if mean is not None else ""),
        KeyFigure("Proches aidants", published["profil"][0]),
        KeyFigure("Personnes vivant seules", published["vit_seul"][0]),
    )
    notes = (
        "Une personne est comptée une seule fois, quelle que soit le nombre de ses participations.",
        "Âge calculé au dernier jour de la période ; âge moyen sur les âges connus.",
        f"Effectifs de moins de {seuil} personnes affichés « < {seuil} » ; un second effectif est masqué "
        "(« masqué ») lorsque le premier pourrait être retrouvé par différence avec le total.",
    )
    return Section("personnes", "Personnes touchées", figures, tuple(tables), tuple(charts), notes=notes)


def _communes_table(communes: list[Any], total: int, seuil: int) -> Table:
    known = sorted(((code, nom or "", n) for code, nom, n in communes if code), key=lambda r: (-r[2], r[0]))
    unknown = sum(n for code, _nom, n in communes if not code)
    counts = [n for _c, _nom, n in known] + [unknown]
    cells, shown_total = suppress.breakdown(counts, total, seuil)
    rows = [(code, nom, departement(code), c) for (code, nom, _n), c in zip(known, cells, strict=False)]
    rows.append(("", UNKNOWN, "", cells[-1]))
    return Table("communes", "Communes de résidence (code INSEE)", ("Code INSEE", "Commune", "Département", "Personnes"),
                 tuple(rows), ("", "Total", "", shown_total), (1.3, 3.5, 1.3, 1.3))


def _departements_table(communes: list[Any], total: int, seuil: int) -> Table:
    per: dict[str, int] = defaultdict(int)
    unknown = 0
    for code, _nom, n in communes:
        dep = departement(code)
        if dep is None:
            unknown += n
        else:
            per[dep] += n
    deps = sorted(per)
    cells, shown_total = suppress.breakdown([per[d] for d in deps] + [unknown], total, seuil)
    rows = [(d, c) for d, c in zip(deps, cells, strict=False)] + [(UNKNOWN, cells[-1])]
    return Table("departements", "Départements de résidence", ("Département", "Personnes"), tuple(rows),
                 ("Total", shown_total), (4, 1.5))

