"""Ateliers: per action of the scope with at least one séance held in the period.

Definitions (same as desktop_app/ateliers/figures.py, restricted to the period):
- séances held: « réalisée » séances starting in the period (cancelled ones never count);
- hours: their summed duration;
- inscrits: registrations « inscrit » of the action; waiting list: « en attente » (never
  mixed; withdrawn registrations count in neither);
- unique participants: distinct people present at least once; presences: every presence;
- attendance rate: presences of registered people / (inscrits × séances held);
- satisfaction: mean of the smiley scores (1–5) given at those séances, and how many.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, case, func, select

from db.enums import StatutPersonne
from db.models import (
    AtelierAction,
    AtelierInscription,
    AtelierPresence,
    AtelierSatisfaction,
    AtelierSeance,
    AtelierTheme,
    Person,
)
from db.models.ateliers_participation import StatutInscription, StatutPresence
from desktop_app.bilans import suppress
from desktop_app.bilans.context import BilanContext, excluded_people
from desktop_app.bilans.records import Chart, KeyFigure, Section, Table, Value

MAX_BARS = 20  # a chart of more actions would not fit on a page
COLUMNS = ("Action", "Thème", "Axe", "Séances", "Heures", "Inscrits", "Participants uniques", "Présences",
           "Taux d'assiduité", "Satisfaction (sur 5)", "Liste d'attente")


def compute(ctx: BilanContext) -> Section:
    s = ctx.session
    held = ctx.held_seances()
    seances: dict[int, tuple[int, float]] = {}
    for aid, debut, fin in s.execute(select(AtelierSeance.action_id, AtelierSeance.debut, AtelierSeance.fin)
                                     .where(held)):
        n, hours = seances.get(aid, (0, 0.0))
        seances[aid] = (n + 1, hours + (fin - debut).total_seconds() / 3600)
    ids = sorted(seances)
    actions = s.execute(select(AtelierAction.id, AtelierAction.titre, AtelierTheme.libelle, AtelierAction.axe_cfppa)
                        .join(AtelierTheme, AtelierTheme.id == AtelierAction.theme_id)
                        .where(AtelierAction.id.in_(ids))).all()
    regs: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, statut, n in s.execute(
            select(AtelierInscription.action_id, AtelierInscription.statut, func.count())
            .where(AtelierInscription.action_id.in_(ids), AtelierInscription.person_id.not_in(excluded_people()))
            .group_by(AtelierInscription.action_id, AtelierInscription.statut)):
        regs[aid][statut] = int(n)
    # One pass over the presences: (action, person, presences) pairs, then per action the
    # people (pairs), the presences and those of registered people; archived files excluded.
    pairs = (select(AtelierSeance.action_id.label("aid"), AtelierPresence.person_id.label("pid"),
                    func.count().label("n"))
             .join(AtelierPresence, AtelierPresence.seance_id == AtelierSeance.id)
             .where(held, AtelierPresence.statut == StatutPresence.PRESENT)
             .group_by(AtelierSeance.action_id, AtelierPresence.person_id).subquery("pairs"))
    registered_n = case((AtelierInscription.statut == StatutInscription.INSCRIT, pairs.c.n), else_=0)
    per_action = {aid: (int(n), int(u), int(r or 0)) for aid, n, u, r in s.execute(
        select(pairs.c.aid, func.sum(pairs.c.n), func.count(), func.sum(registered_n))
        .outerjoin(AtelierInscription, and_(AtelierInscription.action_id == pairs.c.aid,
                                            AtelierInscription.person_id == pairs.c.pid))
        .where(pairs.c.pid.not_in(excluded_people())).group_by(pairs.c.aid))}
    sat = {aid: (float(avg), int(n)) for aid, avg, n in s.execute(
        select(AtelierSeance.action_id, func.avg(AtelierSatisfaction.note), func.count())
        .join(AtelierSatisfaction, AtelierSatisfaction.seance_id == AtelierSeance.id)
        .where(held).group_by(AtelierSeance.action_id))}
    notes = dict(s.execute(
        select(AtelierSatisfaction.note, func.count())
        .join(AtelierSeance, AtelierSeance.id == AtelierSatisfaction.seance_id)
        .where(held).group_by(AtelierSatisfaction.note)).all())
    unique_all = s.scalar(select(func.count()).select_from(Person).where(
        Person.statut != StatutPersonne.ARCHIVE, ctx.present(Person.id))) or 0
    rows = []
    for aid, titre, theme, axe in sorted(actions, key=lambda a: (a[1].casefold(), a[0])):
        n_seances, hours = seances[aid]
        inscrits = regs[aid].get(StatutInscription.INSCRIT, 0)
        presences, unique, registered = per_action.get(aid, (0, 0, 0))
        rate = round(100 * registered / (inscrits * n_seances), 1) if inscrits and n_seances else None
        mean = round(sat[aid][0], 2) if aid in sat and sat[aid][1] >= ctx.seuil else None
        rows.append([titre, theme, axe, n_seances, round(hours, 2), inscrits, unique, presences, rate, mean,
                     regs[aid].get(StatutInscription.EN_ATTENTE, 0)])
    return build(ctx.seuil, rows, unique_all, notes)


def build(seuil: int, rows: list[list[Value]], unique_all: int, notes: dict[int, int]) -> Section:
    inscrits, attente = (suppress.column([int(r[i]) for r in rows], seuil) for i in (5, 10))  # type: ignore[arg-type]
    total_seances = sum(int(r[3]) for r in rows)  # type: ignore[arg-type]
    total_hours = round(sum(float(r[4]) for r in rows), 2)  # type: ignore[arg-type]
    total_presences = sum(int(r[7]) for r in rows)  # type: ignore[arg-type]
    charts_data = [(str(r[0]), int(r[7])) for r in rows]  # type: ignore[arg-type]
    for r, ins, att in zip(rows, inscrits[0], attente[0], strict=True):
        r[5], r[10] = ins, att
        r[6] = suppress.cell(int(r[6]), seuil)  # type: ignore[arg-type]
    total = ("Total", "", "", total_seances, total_hours, inscrits[1], suppress.cell(unique_all, seuil),
             total_presences, None, None, attente[1])
    sat_cells, sat_total = suppress.column([notes.get(i, 0) for i in range(1, 6)], seuil)
    sat_table = Table("satisfaction", "Satisfaction : notes données (1 = pas du tout satisfait, 5 = très satisfait)",
                      ("Note", "Réponses"), tuple((f"{i} sur 5", c) for i, c in zip(range(1, 6), sat_cells, strict=True)),
                      ("Total", sat_total), (4, 1.5))
    figures = (
        KeyFigure("Actions menées", len(rows)),
        KeyFigure("Séances réalisées", total_seances),
        KeyFigure("Heures d'ateliers", total_hours, "h"),
        KeyFigure("Participants uniques", suppress.cell(unique_all, seuil)),
        KeyFigure("Présences", total_presences),
    )
    top = sorted(charts_data, key=lambda c: (-c[1], c[0]))[:MAX_BARS]
    top_labels = {c[0] for c in top}
    shown = [c for c in charts_data if c[0] in top_labels]  # the table's order
    note = f"Les {MAX_BARS} actions aux présences les plus nombreuses." if len(charts_data) > MAX_BARS else ""
    charts = (Chart("presences", "bar", "Présences par action", tuple(c[0] for c in shown),
                    tuple(float(c[1]) for c in shown), note),) if rows else ()
    notes_text = (
        "Seules les séances réalisées comptent : une séance annulée n'entre dans aucun chiffre.",
        "Participants uniques : une personne présente à plusieurs séances compte une fois ; "
        "le total n'est pas la somme des actions (une personne peut suivre plusieurs actions).",
        "Taux d'assiduité = présences des inscrits / (inscrits × séances réalisées). "
        "Inscrits et liste d'attente ne sont jamais additionnés.",
        f"Satisfaction moyenne publiée à partir de {seuil} réponses.",
    )
    table = Table("actions", "Actions collectives de prévention", COLUMNS, tuple(tuple(r) for r in rows), total,
                  (3.2, 2.4, 0.7, 1.1, 1.1, 1.1, 1.5, 1.3, 1.4, 1.5, 1.2),
                  ("", "", "", "", "h", "", "", "", "%", "d", ""))
    return Section("ateliers", "Ateliers collectifs", figures, (table, sat_table), charts, notes=notes_text)
