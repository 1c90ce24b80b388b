"""Demo data of the tournées: the API Bus based in Clermont-l'Hérault, fifteen communes of
the Clermontais and Lodévois with their conventions, a year of passages with registrations,
pick-ups, computed routes and attendance.

Coordinates: the communes reference (resources/communes) has no coordinates, so the centre
(mairie) of each demo commune is in :data:`CENTRES` — values known to within a few hundred
metres, enough for a demo. People's homes are placed around their commune centre: most in
the village (within ~1 km), some in hamlets and farms further out (up to ~4 km), as in the
Hérault hinterland. People already in the database who live in these communes are used
first; each commune is topped up with a few residents so every passage has its group.

Deterministic for a seed; passages before ``reference_date`` are carried out (attendance
recorded), the later ones planned.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from sqlalchemy import select

from db.engine import Database
from db.models import Person
from db.models.tournees import GeocodeStatus
from desktop_app.actor import SYSTEM
from desktop_app.people.records import PersonInput
from desktop_app.people.service import PeopleService
from desktop_app.settings import SettingsService
from desktop_app.tournees import Tournees
from desktop_app.tournees.model import RouteInfeasible
from desktop_app.tournees.records import ConventionInput, PassageInput, VehicleInput

BASE = ("API Bus", "2 avenue Raymond Lacombe, 34800 Clermont-l'Hérault", 43.6276, 3.4322)

# INSEE → (centre latitude, longitude, venue, passages ordered, découverte, preferred weekday, priority)
CENTRES: dict[str, tuple[float, float, str, int, bool, int | None, bool]] = {
    "34186": (43.6543, 3.3056, "Salle des fêtes d'Octon", 12, False, 1, True),
    "34292": (43.6736, 3.3206, "Foyer communal de Salasc", 4, False, None, True),
    "34175": (43.6172, 3.3594, "Salle du Cirque, Mourèze", 2, False, None, False),
    "34137": (43.6336, 3.3628, "Mairie de Liausson", 1, True, None, True),
    "34041": (43.6214, 3.4678, "Salle polyvalente de Brignac", 6, False, 3, False),
    "34076": (43.6444, 3.4606, "Parking de la mairie, Ceyras", 6, False, None, False),
    "34254": (43.6583, 3.4664, "Salle Lucien Lavit, Saint-Félix-de-Lodez", 4, False, 0, False),
    "34013": (43.5656, 3.4492, "Foyer rural d'Aspiran", 12, False, 2, True),
    "34180": (43.6047, 3.4361, "Salle des fêtes de Nébian", 2, False, None, False),
    "34338": (43.6117, 3.4036, "Place de la Manufacture, Villeneuvette", 0, True, None, True),
    "34036": (43.6983, 3.3917, "Salle communale du Bosc", 4, False, 4, True),
    "34316": (43.7094, 3.3972, "Mairie d'Usclas-du-Bosc", 1, False, None, True),
    "34287": (43.6747, 3.4661, "Salle du Peyral, Saint-Saturnin-de-Lucian", 2, False, None, False),
    "34011": (43.7136, 3.4911, "Mairie d'Arboras", 0, True, None, True),
    "34173": (43.6947, 3.5044, "Salle des Barrys, Montpeyroux", 6, False, 1, False),
}
COMMUNE_NAMES = {
    "34186": "Octon", "34292": "Salasc", "34175": "Mourèze", "34137": "Liausson", "34041": "Brignac",
    "34076": "Ceyras", "34254": "Saint-Félix-de-Lodez", "34013": "Aspiran", "34180": "Nébian",
    "34338": "Villeneuvette", "34036": "Le Bosc", "34316": "Usclas-du-Bosc", "34287": "Saint-Saturnin-de-Lucian",
    "34011": "Arboras", "34173": "Montpeyroux",
}
POSTCODES = {"34254": "34725", "34287": "34725", "34036": "34700", "34316": "34700", "34011": "34150", "34173": "34150"}
STREETS = ["rue de l'Église", "chemin des Oliviers", "place de la Mairie", "rue du Château", "chemin de la Lergue",
           "impasse des Vignes", "route de Lodève", "rue des Écoles", "chemin du Moulin", "hameau des Crozes",
           "mas de la Garrigue", "lotissement les Amandiers", "rue du Four", "chemin de Saint-Martin"]
FEMMES = ["Marie", "Jeanne", "Odette", "Simone", "Yvette", "Paulette", "Germaine", "Huguette", "Monique", "Josette",
          "Lucienne", "Denise", "Colette", "Renée", "Marcelle", "Andrée", "Ginette", "Raymonde"]
HOMMES = ["Jean", "André", "Pierre", "Marcel", "René", "Roger", "Louis", "Henri", "Robert", "Gilbert", "Fernand",
          "Lucien", "Émile", "Maurice", "Marius", "Raymond"]
NOMS = ["Vidal", "Fabre", "Roux", "Bonnet", "Martin", "Granier", "Salles", "Rouquette", "Cabanel", "Arnaud", "Bousquet",
        "Combes", "Palat", "Vernhet", "Julien", "Mas", "Pujol", "Bouissou", "Teisserenc", "Castan", "Rigal",
        "Galtier", "Bessière", "Lacombe", "Maurel", "Pagès", "Roques", "Fournier", "Carrière", "Delmas"]
THEMES = ["Prévention des chutes", "Mémoire en jeux", "Bien manger, bien vieillir", "Initiation à la tablette",
          "Arnaques : les déjouer (avec la gendarmerie)", "Gestes de premiers secours (pompiers)", "Loisirs créatifs",
          "Sommeil et bien-être", "Accès aux droits : vos aides à domicile", "Jeux de société et goûter"]
MOBILITY = ["autonome"] * 5 + ["canne"] * 3 + ["deambulateur"] * 2 + ["fauteuil"]
PER_COMMUNE = 11


def _home(rnd: random.Random, lat: float, lon: float) -> tuple[float, float]:
    """Most homes in the village, some in hamlets and farms further out."""
    km = rnd.uniform(0.1, 1.0) if rnd.random() < 0.7 else rnd.uniform(1.5, 4.0)
    angle = rnd.uniform(0, 2 * math.pi)
    return lat + km * math.sin(angle) / 111.0, lon + km * math.cos(angle) / (111.0 * math.cos(math.radians(lat)))


def _residents(db: Database, people: PeopleService, rnd: random.Random, insee: str) -> list[int]:
    with db.read() as s:
        existing = list(s.scalars(select(Person.id).where(Person.commune_insee == insee, Person.statut == "actif")
                                  .order_by(Person.id).limit(PER_COMMUNE)))
    while len(existing) < PER_COMMUNE:
        woman = rnd.random() < 0.65
        detail = people.create(SYSTEM, PersonInput(
            nom=rnd.choice(NOMS), prenom=rnd.choice(FEMMES if woman else HOMMES), civilite="mme" if woman else "m",
            sexe="f" if woman else "h", date_naissance=dt.date(rnd.randint(1932, 1955), rnd.randint(1, 12), rnd.randint(1, 28)),
            adresse=f"{rnd.randint(1, 40)} {rnd.choice(STREETS)}", code_postal=POSTCODES.get(insee, "34800"),
            commune_insee=insee, telephone=f"04 67 {rnd.choice([44, 88, 96, 57, 25])} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
            vit_seul=rnd.random() < 0.55, mobilite=rnd.choice(MOBILITY), fragilite_isolement=rnd.random() < 0.4,
            urgence_nom=f"{rnd.choice(FEMMES + HOMMES)} {rnd.choice(NOMS)}", urgence_lien=rnd.choice(["fille", "fils", "voisine", "neveu"]),
            urgence_telephone=f"06 {rnd.choice([12, 23, 45, 71, 80])} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
            source_orientation=rnd.choice(["mairie", "admr", "ccas", "voisin"])), confirm_duplicate=True)
        existing.append(detail.id)
    lat, lon = CENTRES[insee][:2]
    with db.uow() as s:
        for pid in existing:
            person = s.get(Person, pid)
            assert person is not None
            if person.latitude is None:
                person.latitude, person.longitude = _home(rnd, lat, lon)
                doubtful = rnd.random() < 0.08
                person.geocode_score = round(rnd.uniform(0.42, 0.58) if doubtful else rnd.uniform(0.72, 0.97), 2)
                person.geocode_status = GeocodeStatus.A_VERIFIER if doubtful else GeocodeStatus.BAN
    return existing


def populate_tournees(db: Database, seed: int, reference_date: dt.date) -> str:
    rnd = random.Random(seed * 7919 + 5)
    settings = SettingsService(db)
    t = Tournees.create(db, settings)
    people = PeopleService(db)
    year = reference_date.year
    t.conventions.set_tariff_grid(SYSTEM, [(1, "150"), (2, "135"), (3, "120"), (4, "105"), (5, "90")])
    bus = t.vehicles.create(SYSTEM, VehicleInput(BASE[0], 5, 1, BASE[1], BASE[2], BASE[3], 50, 1.3))
    residents: dict[str, list[int]] = {}
    for insee, (lat, lon, venue, ordered, decouverte, weekday, priority) in CENTRES.items():
        residents[insee] = _residents(db, people, rnd, insee)
        paid = ordered > 0 and rnd.random() < 0.7
        t.conventions.save(SYSTEM, ConventionInput(
            year, insee, ordered, decouverte, venue, f"Centre du village, {COMMUNE_NAMES[insee]}", lat, lon,
            f"Mairie de {COMMUNE_NAMES[insee]} — secrétariat, 04 67 {rnd.choice([44, 88, 96])} {rnd.randint(10, 99)} 00",
            priority, weekday, paid, dt.date(year, rnd.randint(1, 4), rnd.randint(1, 28)) if paid else None))
    plan = t.conventions.propose_plan(SYSTEM, year, dt.date(year, 1, 5), dt.date(year, 12, 18), [bus.id])
    created = t.passages.apply_plan(SYSTEM, list(plan.proposals))
    routes = 0
    for passage in created:
        group = rnd.sample(residents[passage.commune_insee], rnd.randint(5, min(11, PER_COMMUNE)))
        with db.read() as s:
            mobility = {pid: s.get(Person, pid).mobilite for pid in group}  # type: ignore[union-attr]
        riders = {pid for pid in group if mobility[pid] != "autonome" or rnd.random() < 0.3}
        for pid in group:
            t.passages.register(SYSTEM, passage.id, pid, needs_pickup=pid in riders)
        theme = passage.theme or THEMES[(passage.date.toordinal() + len(passage.commune_nom)) % len(THEMES)]
        done = passage.date < reference_date
        t.passages.update(SYSTEM, passage.id, passage.version_id, PassageInput(
            passage.commune_insee, passage.date, "14:00", "16:30", type=passage.type, theme=theme,
            statut="realise" if done else "prevu", vehicle_id=bus.id, convention_id=passage.convention_id))
        try:
            t.pickups.compute(SYSTEM, passage.id)
            routes += 1
        except RouteInfeasible:
            continue
        if done:
            for pid in group:
                t.passages.set_presence(SYSTEM, passage.id, pid, rnd.random() < 0.88)
    return (f"Tournées : 1 véhicule, {len(CENTRES)} communes conventionnées, {len(created)} passages "
            f"({routes} trajets calculés), {sum(len(v) for v in residents.values())} habitants localisés.")
