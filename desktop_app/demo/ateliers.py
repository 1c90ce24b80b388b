"""Demo ateliers: a year of realistic collective prevention actions around a reference date
— mémoire, équilibre / prévention des chutes, numérique débutant and confirmé, nutrition,
sophrologie, café des aidants, a conference on scams — with registrations, waiting lists,
withdrawals and promotions, attendance that fluctuates, walk-ins, a cancelled séance,
smileys, the before/after questionnaire and yearly memberships. Uses the people already in
the database; deterministic for a seed."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    Adhesion,
    AidantLink,
    AtelierAction,
    AtelierInscription,
    AtelierPresence,
    AtelierQuestion,
    AtelierReponse,
    AtelierSatisfaction,
    AtelierSeance,
    AtelierTheme,
    Person,
)
from db.models.ateliers import StatutAction, StatutSeance
from desktop_app.ateliers.actions import DEFAULT_QUESTIONS
from desktop_app.ateliers.schedule import CleanRule, Frequence, generate_dates
from desktop_app.demo.ateliers_links import link_demo_action
from desktop_app.formatting import number_fr


@dataclass(frozen=True)
class Plan:
    titre: str
    theme: str
    start_offset_days: int  # first séance relative to the reference date
    weekday: int
    start: dt.time
    end: dt.time
    count: int
    capacite: int | None
    demand: float  # registrations / capacity
    lieu: str
    animateur: str
    animateur_type: str
    frequence: Frequence = Frequence.HEBDOMADAIRE
    axe: int = 6
    niveau: str | None = None
    prix: tuple[str, str, str] | None = None  # plein, réduit, adhérent (per cycle)
    financeur: str = "Conférence des financeurs (CFPPA)"
    public: str = "Retraités de 60 ans et plus"
    aidants: bool = False


T = dt.time
PLANS = [
    Plan("Atelier mémoire « Peps Eurêka »", "memoire", -330, 0, T(14), T(16), 10, 12, 1.3, "Salle des fêtes",
         "Claire Lemoine", "salarie", financeur="Carsat"),
    Plan("Équilibre et prévention des chutes", "activite_physique", -300, 1, T(10), T(11, 30), 12, 12, 1.5,
         "Gymnase municipal", "Siel Bleu (Julien Marty)", "prestataire"),
    Plan("Numérique débutant : tablette et smartphone", "numerique", -280, 3, T(9, 30), T(11, 30), 8, 6, 1.8,
         "Médiathèque", "Lucas Ferrand", "benevole", niveau="debutant", public="Seniors débutants en numérique"),
    Plan("Nutrition : bien manger pour bien vieillir", "nutrition", -240, 2, T(14, 30), T(16, 30), 6, 12, 0.9,
         "Foyer-logement Les Tilleuls", "Diététicienne Mutualité (Anne Roux)", "prestataire"),
    Plan("Sophrologie et gestion du stress", "bien_etre", -200, 4, T(10), T(11, 30), 8, 10, 1.2,
         "Salle polyvalente", "Nadia Benali", "prestataire", prix=("12", "4.50", "6"), financeur="Commune"),
    Plan("Café des aidants", "soutien_aidants", -310, 5, T(10), T(12), 11, 15, 0.8, "Maison des Aidants",
         "Sophie Garnier (psychologue)", "salarie", frequence=Frequence.MENSUELLE, axe=5,
         public="Proches aidants", aidants=True, financeur="CNSA via le Département"),
    Plan("Atelier mémoire (2e groupe)", "memoire", -120, 0, T(14), T(16), 10, 12, 1.2, "Salle des fêtes",
         "Claire Lemoine", "salarie", financeur="Carsat"),
    Plan("Numérique confirmé : démarches en ligne", "numerique", -100, 3, T(9, 30), T(11, 30), 8, 6, 1.4,
         "Médiathèque", "Lucas Ferrand", "benevole", niveau="confirme"),
    Plan("Équilibre et prévention des chutes (automne)", "activite_physique", -70, 1, T(10), T(11, 30), 12, 12,
         1.3, "Gymnase municipal", "Siel Bleu (Julien Marty)", "prestataire"),
    Plan("Sommeil : retrouver des nuits sereines", "sommeil", -45, 2, T(14), T(16), 5, 12, 0.8,
         "Salle polyvalente", "Anne Roux", "prestataire"),
    Plan("Prévention des arnaques, avec la gendarmerie", "acces_droits", -150, 4, T(14, 30), T(16, 30), 1, None,
         0, "Salle des fêtes", "Adjudant Morel (gendarmerie)", "prestataire"),
    Plan("Sophrologie (printemps)", "bien_etre", 20, 4, T(10), T(11, 30), 8, 10, 1.1, "Salle polyvalente",
         "Nadia Benali", "prestataire", prix=("12", "4.50", "6"), financeur="Commune"),
]
REGULARS = 400  # people of the file who come to ateliers
CANCEL_REASONS = ("Animatrice malade", "Neige : routes impraticables", "Salle réquisitionnée (élections)")
WITHDRAW_REASONS = ("Hospitalisation", "Raisons de santé", "Déménagement chez sa fille", "Horaires incompatibles", None)


def _ids(s: Session) -> tuple[list[int], list[int]]:
    everyone = list(s.scalars(select(Person.id).where(Person.statut == "actif").order_by(Person.id)))
    aidants = sorted(set(s.scalars(select(AidantLink.aidant_id))))
    return everyone, aidants


def populate_ateliers(db: Database, seed: int, reference_date: dt.date) -> str:
    """Write the demo ateliers and return a one-line French summary."""
    rng = random.Random(seed * 7919 + 4)
    with db.uow() as s:
        everyone, aidants = _ids(s)
        if not everyone:
            return "Ateliers : aucune personne dans le fichier, aucun atelier créé."
        themes = dict(s.execute(select(AtelierTheme.code, AtelierTheme.id)).all())
        regulars = rng.sample(everyone, min(len(everyone), REGULARS))  # ateliers draw from a few hundred
        members = _memberships(s, rng, regulars, reference_date)
        totals = {"actions": 0, "seances": 0, "inscrits": 0, "attente": 0, "presences": 0}
        for plan in PLANS:
            pool = aidants[:REGULARS] if plan.aidants and len(aidants) >= 6 else regulars
            _one_action(s, rng, plan, themes[plan.theme], pool, regulars, reference_date, members, totals)
    return (
        f"Ateliers : {totals['actions']} actions, {number_fr(totals['seances'])} séances, "
        f"{number_fr(totals['inscrits'])} inscrits et {number_fr(totals['attente'])} en attente, "
        f"{number_fr(totals['presences'])} présences, {len(members)} adhésions."
    )


def _memberships(s: Session, rng: random.Random, people: list[int], ref: dt.date) -> set[tuple[int, int]]:
    chosen = set()
    for pid in people:
        if rng.random() < 0.3:
            for year in (ref.year - 1, ref.year):
                if rng.random() < 0.8:
                    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 90))
                    if day <= ref:
                        s.add(Adhesion(person_id=pid, annee=year, montant=Decimal("29.00"), date_adhesion=day))
                        chosen.add((pid, year))
    return chosen


def _one_action(
    s: Session, rng: random.Random, plan: Plan, theme_id: int, pool: list[int], everyone: list[int],
    ref: dt.date, members: set[tuple[int, int]], totals: dict[str, int],
) -> None:
    first = ref + dt.timedelta(days=plan.start_offset_days)
    rule = CleanRule(plan.frequence, first, plan.weekday, plan.start, plan.end, plan.count, None, frozenset())
    days, _skipped = generate_dates(rule)
    ended = days[-1] < ref
    action = AtelierAction(
        titre=plan.titre, type_action="ponctuel" if plan.count == 1 else "cycle", theme_id=theme_id,
        axe_cfppa=plan.axe, public=plan.public, lieu=plan.lieu, animateur=plan.animateur,
        animateur_type=plan.animateur_type, capacite=plan.capacite, niveau=plan.niveau,
        tarification="payant" if plan.prix else "gratuit", tarif_unite="cycle",
        prix_plein=Decimal(plan.prix[0]) if plan.prix else None,
        prix_reduit=Decimal(plan.prix[1]) if plan.prix else None,
        prix_adherent=Decimal(plan.prix[2]) if plan.prix else None,
        financeur=plan.financeur, date_debut=days[0], date_fin=days[-1],
        statut=StatutAction.TERMINE if ended else StatutAction.OUVERT,
        description=f"{plan.titre} : {plan.count} séance(s) animée(s) par {plan.animateur}.",
    )
    s.add(action)
    s.flush()
    link_demo_action(s, action)
    questions = [AtelierQuestion(action_id=action.id, ordre=i, libelle=q, actif=True)
                 for i, q in enumerate(DEFAULT_QUESTIONS, start=1)]
    s.add_all(questions)
    cancel_index = rng.randrange(2, len(days)) if len(days) > 4 and rng.random() < 0.5 else None
    seances = []
    for i, day in enumerate(days):
        x = AtelierSeance(action_id=action.id, debut=dt.datetime.combine(day, plan.start),
                          fin=dt.datetime.combine(day, plan.end), statut=StatutSeance.PREVUE)
        if i == cancel_index:
            x.statut, x.motif_annulation = StatutSeance.ANNULEE, rng.choice(CANCEL_REASONS)
            x.annulee_le = dt.datetime.combine(day - dt.timedelta(days=1), T(9))
        elif day < ref:
            x.statut = StatutSeance.REALISEE
        seances.append(x)
    s.add_all(seances)
    s.flush()
    totals["actions"] += 1
    totals["seances"] += sum(1 for x in seances if x.statut != StatutSeance.ANNULEE)

    wanted = len(pool) if plan.capacite is None else round(plan.capacite * plan.demand)
    if plan.capacite is None:
        wanted = min(len(everyone), rng.randint(25, 40))
    candidates = rng.sample(pool, min(wanted, len(pool)))
    regs = _registrations(s, rng, action, candidates, days[0], members)
    held = [x for x in seances if x.statut == StatutSeance.REALISEE]
    totals["inscrits"] += sum(1 for r in regs if r.statut == "inscrit")
    totals["attente"] += sum(1 for r in regs if r.statut == "en_attente")
    totals["presences"] += _attendance(s, rng, held, regs, everyone, questions)


def _registrations(
    s: Session, rng: random.Random, action: AtelierAction, people: list[int], start: dt.date,
    members: set[tuple[int, int]],
) -> list[AtelierInscription]:
    regs: list[AtelierInscription] = []
    rank = 0
    days = sorted(start - dt.timedelta(days=rng.randint(5, 40)) for _ in people)  # first come, first served
    for i, pid in enumerate(people):
        day = days[i]
        full = action.capacite is not None and i >= action.capacite
        rank += full
        tarif = None
        if action.tarification == "payant" and (pid, start.year) not in members and rng.random() < 0.3:
            tarif = "reduit"
        regs.append(AtelierInscription(
            action_id=action.id, person_id=pid, statut="en_attente" if full else "inscrit",
            rang_attente=rank if full else None, inscrit_le=day, tarif=tarif))
    inscrits = [r for r in regs if r.statut == "inscrit"]
    waiting = [r for r in regs if r.statut == "en_attente"]
    if inscrits and waiting and rng.random() < 0.7:  # one withdrawal, the first waiting gets the place
        gone = rng.choice(inscrits)
        gone.statut, gone.desiste_le = "desiste", start + dt.timedelta(days=rng.randint(-4, 10))
        gone.motif_desistement = rng.choice(WITHDRAW_REASONS)
        lucky = waiting.pop(0)
        lucky.statut, lucky.rang_attente = "inscrit", None
        lucky.promu_le = dt.datetime.combine(gone.desiste_le + dt.timedelta(days=1), T(10))
    s.add_all(regs)
    s.flush()
    return regs


def _attendance(
    s: Session, rng: random.Random, held: list[AtelierSeance], regs: list[AtelierInscription],
    everyone: list[int], questions: list[AtelierQuestion],
) -> int:
    assiduity = {r.person_id: rng.uniform(0.6, 0.97) for r in regs}
    # a few stop coming without telling anyone; the others tire a little over the cycle
    drop_after = {r.person_id: rng.randrange(2, len(held)) for r in regs if len(held) > 3 and rng.random() < 0.12}
    registered = {r.person_id for r in regs}
    outsiders = [p for p in everyone if p not in registered]
    presences = 0
    for n, seance in enumerate(held):
        day = seance.debut.date()
        for r in regs:
            if r.statut == "en_attente" or r.inscrit_le > day:
                continue
            if r.statut == "desiste" and r.desiste_le and r.desiste_le <= day:
                continue
            if r.promu_le and r.promu_le.date() > day:
                continue
            chance = assiduity[r.person_id] * (1 - 0.12 * n / max(len(held) - 1, 1))
            if n == 0:
                chance = min(0.98, chance + 0.1)
            if r.person_id in drop_after and n >= drop_after[r.person_id]:
                chance = 0.0
            roll = rng.random()
            statut = "present" if roll < chance else ("excuse" if rng.random() < 0.6 else "absent")
            s.add(AtelierPresence(seance_id=seance.id, person_id=r.person_id, statut=statut, hors_inscription=False))
            if statut == "present":
                presences += 1
                if rng.random() < 0.7:
                    note = rng.choices((5, 4, 3, 2), weights=(50, 35, 12, 3))[0]
                    s.add(AtelierSatisfaction(seance_id=seance.id, person_id=r.person_id, note=note))
        if outsiders and rng.random() < 0.15:  # someone came along with a neighbour
            s.add(AtelierPresence(seance_id=seance.id, person_id=rng.choice(outsiders), statut="present",
                                  hors_inscription=True))
            presences += 1
        if len(held) >= 4 and n in (0, len(held) - 1):
            _questionnaire(s, rng, questions, regs, "debut" if n == 0 else "fin", day)
    s.flush()
    return presences


def _questionnaire(
    s: Session, rng: random.Random, questions: list[AtelierQuestion], regs: list[AtelierInscription],
    moment: str, day: dt.date,
) -> None:
    for r in regs:
        if r.statut != "inscrit" or rng.random() < 0.2:
            continue
        for q in questions:
            base = rng.choice((2, 3, 3, 4)) if moment == "debut" else rng.choice((3, 4, 4, 5))
            s.add(AtelierReponse(question_id=q.id, person_id=r.person_id, moment=moment, note=base, repondu_le=day))
