"""Demo data of the tournées: the API Bus based in Clermont-l'Hérault, fifteen communes of
the Cœur d'Hérault with their conventions, a year of passages with registrations, pick-ups,
computed routes and attendance.

People: only those already in the database (the people demo lives in the communes around
Gignac, Clermont-l'Hérault and Lodève). Four small communes with no resident in the demo
file host passages shared with their neighbours (« d'autres petites communes se sont
regroupées pour accueillir l'API Bus »): their groups come from :data:`NEIGHBOURS`.

Coordinates: the communes reference (resources/communes) has no coordinates, so the centre
(mairie) of each commune used is in :data:`CENTRES` — values known to within a few hundred
metres, enough for a demo. Homes are placed around their commune centre: most in the village
(within ~1 km), some in hamlets and farms further out (up to ~4 km). A few matches are left
« à vérifier » as real geocoding does.

Deterministic for a seed; passages before ``reference_date`` are carried out (attendance
recorded on their séance), the later ones planned. Each convention's « API Bus » action gets
its group of registered people; registrations and presences are written in one transaction
(demo data, no audit entries); passages and routes go through the services.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from sqlalchemy import select, update

from db.engine import Database
from db.models import (
    AtelierInscription,
    AtelierPresence,
    AtelierSeance,
    Passage,
    PassageParticipant,
    Person,
)
from db.models.tournees import GeocodeStatus
from desktop_app.actor import SYSTEM
from desktop_app.settings import SettingsService
from desktop_app.tournees import Tournees
from desktop_app.tournees.model import RouteInfeasible
from desktop_app.tournees.records import ConventionInput, VehicleInput

BASE = ("API Bus", "2 avenue Raymond Lacombe, 34800 Clermont-l'Hérault", 43.6276, 3.4322)

# INSEE → (centre latitude, longitude, venue, passages ordered, découverte, preferred weekday, priority)
CENTRES: dict[str, tuple[float, float, str, int, bool, int | None, bool]] = {
    "34267": (43.7006, 3.5531, "Salle des fêtes de Saint-Jean-de-Fos", 12, False, 1, True),
    "34114": (43.6519, 3.5514, "Salle polyvalente de Gignac", 6, False, 3, False),
    "34010": (43.6858, 3.5869, "Foyer municipal d'Aniane", 6, False, None, False),
    "34173": (43.6947, 3.5044, "Salle des Barrys, Montpeyroux", 4, False, 0, True),
    "34142": (43.7317, 3.3194, "Parking du Grand Cours, Lodève", 4, False, None, False),
    "34194": (43.5397, 3.4578, "Salle du Peyrou, Paulhan", 2, False, None, False),
    "34239": (43.6483, 3.5017, "Foyer des campagnes, Saint-André-de-Sangonis", 6, False, 4, False),
    "34210": (43.5897, 3.5233, "Salle de la mairie du Pouget", 2, False, None, True),
    "34125": (43.6775, 3.5264, "Mairie de Lagamas", 1, True, None, True),
    "34221": (43.7186, 3.6175, "Salle communale de Puéchabon", 2, False, None, True),
    "34261": (43.7339, 3.5497, "Salle du Presbytère, Saint-Guilhem-le-Désert", 1, False, None, True),
    "34186": (43.6543, 3.3056, "Salle des fêtes d'Octon", 4, False, 2, True),
    "34175": (43.6172, 3.3594, "Salle du Cirque, Mourèze", 0, True, None, True),
    "34011": (43.7136, 3.4911, "Mairie d'Arboras", 0, True, None, True),
    "34287": (43.6747, 3.4661, "Salle du Peyral, Saint-Saturnin-de-Lucian", 2, False, None, False),
}
# People of the base town get coordinates too: they join the groups of Octon and Mourèze.
CLERMONT = ("34079", 43.6275, 3.4317)
NEIGHBOURS = {"34186": ("34079", "34142"), "34175": ("34079",), "34011": ("34173",), "34287": ("34173", "34239")}
THEMES = ["Prévention des chutes", "Mémoire en jeux", "Bien manger, bien vieillir", "Initiation à la tablette",
          "Arnaques : les déjouer (avec la gendarmerie)", "Gestes de premiers secours (pompiers)", "Loisirs créatifs",
          "Sommeil et bien-être", "Accès aux droits : vos aides à domicile", "Jeux de société et goûter"]
POOL = 40  # people considered per commune


def _home(rnd: random.Random, lat: float, lon: float) -> tuple[float, float]:
    """Most homes in the village, some in hamlets and farms further out."""
    km = rnd.uniform(0.1, 1.0) if rnd.random() < 0.7 else rnd.uniform(1.5, 4.0)
    angle = rnd.uniform(0, 2 * math.pi)
    return lat + km * math.sin(angle) / 111.0, lon + km * math.cos(angle) / (111.0 * math.cos(math.radians(lat)))


def _locate_people(db: Database, rnd: random.Random, reference_date: dt.date) -> dict[str, list[tuple[int, str | None]]]:
    """Seniors (60+) of each commune used, with home coordinates set: insee → [(id, mobility)]."""
    centres = {insee: (lat, lon) for insee, (lat, lon, *_rest) in CENTRES.items()}
    centres[CLERMONT[0]] = CLERMONT[1:]
    born_before = reference_date.replace(year=reference_date.year - 60)
    pools: dict[str, list[tuple[int, str | None]]] = {}
    with db.uow() as s:
        for insee, (lat, lon) in centres.items():
            people = s.execute(select(Person.id, Person.mobilite, Person.latitude).where(
                Person.commune_insee == insee, Person.statut == "actif", Person.est_beneficiaire.is_(True),
                Person.date_naissance <= born_before).order_by(Person.id).limit(POOL)).all()
            for person_id, _mobility, latitude in people:
                if latitude is None:
                    home = _home(rnd, lat, lon)
                    doubtful = rnd.random() < 0.06
                    # Core update: the demo rows keep their timestamps and version (same seed, same file)
                    s.execute(update(Person).where(Person.id == person_id).values(
                        latitude=home[0], longitude=home[1], updated_at=Person.updated_at,
                        geocode_score=round(rnd.uniform(0.42, 0.58) if doubtful else rnd.uniform(0.72, 0.97), 2),
                        geocode_status=(GeocodeStatus.A_VERIFIER if doubtful else GeocodeStatus.BAN).value))
            pools[insee] = [(pid, mobility) for pid, mobility, _lat in people]
    return pools


def populate_tournees(db: Database, seed: int, reference_date: dt.date) -> str:
    rnd = random.Random(seed * 7919 + 5)
    t = Tournees.create(db, SettingsService(db))
    year = reference_date.year
    t.conventions.set_tariff_grid(SYSTEM, [(1, "150"), (2, "135"), (3, "120"), (4, "105"), (5, "90")])
    bus = t.vehicles.create(SYSTEM, VehicleInput(BASE[0], 5, 1, BASE[1], BASE[2], BASE[3], 50, 1.3))
    pools = _locate_people(db, rnd, reference_date)
    for insee, (lat, lon, venue, ordered, decouverte, weekday, priority) in CENTRES.items():
        paid = ordered > 0 and rnd.random() < 0.7
        t.conventions.save(SYSTEM, ConventionInput(
            year, insee, ordered, decouverte, venue, venue, lat, lon,
            f"Mairie — secrétariat, 04 67 {rnd.choice([44, 57, 88, 96])} {rnd.randint(10, 99)} 00",
            priority, weekday, paid, dt.date(year, rnd.randint(1, 4), rnd.randint(1, 28)) if paid else None))
    plan = t.conventions.propose_plan(SYSTEM, year, dt.date(year, 1, 5), dt.date(year, 12, 18), [bus.id])
    created = t.passages.apply_plan(SYSTEM, list(plan.proposals))
    # A passage is a séance of its convention's « API Bus » action: the group registers to the
    # action once and comes to each passage of the year; rides are ticked per passage.
    groups: dict[int, list[tuple[int, str | None]]] = {}
    by_action: dict[int, list[tuple[int, str | None]]] = {}
    with db.uow() as s:
        for view in created:
            passage = s.get(Passage, view.id)
            assert passage is not None and view.action_id is not None
            if view.action_id not in by_action:
                pool = [p for insee in (view.commune_insee, *NEIGHBOURS.get(view.commune_insee, ())) for p in pools[insee]]
                by_action[view.action_id] = rnd.sample(pool, min(len(pool), rnd.randint(5, 11)))
                for person_id, _mobility in by_action[view.action_id]:
                    s.add(AtelierInscription(action_id=view.action_id, person_id=person_id, statut="inscrit",
                                             inscrit_le=min(view.date, reference_date)))
            groups[view.id] = by_action[view.action_id]
            for person_id, mobility in groups[view.id]:
                s.add(PassageParticipant(passage_id=view.id, person_id=person_id,
                                         besoin_transport=(mobility or "autonome") != "autonome" or rnd.random() < 0.3))
            passage.theme = passage.theme or THEMES[(view.date.toordinal() + len(view.commune_nom)) % len(THEMES)]
    routes = 0
    for view in created:
        try:
            t.pickups.compute(SYSTEM, view.id)
            routes += 1
        except RouteInfeasible:
            continue
    with db.uow() as s:
        for view in created:
            if view.date >= reference_date:
                continue
            s.execute(update(Passage).where(Passage.id == view.id).values(statut="realise"))
            s.execute(update(AtelierSeance).where(AtelierSeance.id == view.seance_id).values(statut="realisee"))
            for person_id, _mobility in groups[view.id]:
                s.add(AtelierPresence(seance_id=view.seance_id, person_id=person_id, hors_inscription=False,
                                      statut="present" if rnd.random() < 0.88 else "absent"))
    people = len({pid for group in groups.values() for pid, _m in group})
    return (f"Tournées : 1 véhicule, {len(CENTRES)} communes conventionnées, {len(created)} passages "
            f"({routes} trajets calculés), {people} personnes inscrites au moins une fois.")
