"""The planning tests' world: a small world written straight into the tables (an
animatrice account, people with phones, a vehicle, an atelier action with a séance, two
passages with their pick-up stops, a visit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import (
    AtelierAction,
    AtelierInscription,
    AtelierSeance,
    AtelierTheme,
    Passage,
    PassageParticipant,
    PassageStop,
    Person,
    User,
    Vehicle,
    Visit,
)

DAY = dt.date(2027, 3, 9)  # a Tuesday, not a holiday


@dataclass
class World:
    animatrice: int
    people: list[int]
    vehicle: int
    action: int
    seance: int
    passages: list[int]
    visit: int


def _person(nom: str, prenom: str, tel: str | None = None) -> Person:
    return Person(nom=nom, prenom=prenom, sexe="f", telephone=tel, search_text=f"{nom} {prenom}".lower(),
                  sort_key=f"{nom} {prenom}".lower(), commune_nom="Gignac")


def build_world(app, actor) -> World:  # type: ignore[no-untyped-def]
    with app.db.uow() as s:
        claire = User(username="claire", display_name="Claire Lemoine", role="animateur")
        people = [_person("Martin", "Hélène", "0467570102"), _person("Vidal", "Yvette", "0612345678"),
                  _person("Roux", "Josette")]
        van = Vehicle(nom="Minibus 1", places=8, places_pmr=1)
        s.add_all([claire, *people, van])
        s.flush()
        theme = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "memoire"))
        action = AtelierAction(titre="Atelier mémoire", theme_id=theme, lieu="Salle des fêtes",
                               animateur="Claire Lemoine", statut="ouvert")
        s.add(action)
        s.flush()
        seance = AtelierSeance(action_id=action.id, debut=dt.datetime.combine(DAY, dt.time(14)),
                               fin=dt.datetime.combine(DAY, dt.time(16)))
        s.add(seance)
        s.add_all([AtelierInscription(action_id=action.id, person_id=people[0].id, statut="inscrit", inscrit_le=DAY),
                   AtelierInscription(action_id=action.id, person_id=people[2].id, statut="desiste", inscrit_le=DAY)])
        passages = [
            Passage(commune_insee="34114", commune_nom="Gignac", date=DAY, heure_debut=dt.time(9, 30),
                    heure_fin=dt.time(11, 30), vehicle_id=van.id, lieu_nom="Mairie de Gignac"),
            Passage(commune_insee="34010", commune_nom="Aniane", date=DAY, heure_debut=dt.time(14),
                    heure_fin=dt.time(16), vehicle_id=van.id, lieu_nom="Foyer d'Aniane"),
        ]
        s.add_all(passages)
        s.flush()
        for p, (go, back) in zip(passages, [(dt.time(8, 50), dt.time(12, 10)), (dt.time(13, 20), dt.time(16, 40))],
                                 strict=True):
            s.add_all([
                PassageStop(passage_id=p.id, sens="aller", rotation=1, ordre=1, genre="depart", libelle="Base",
                            heure_prevue=go, lat=43.6, lon=3.5),
                PassageStop(passage_id=p.id, sens="retour", rotation=1, ordre=9, genre="arrivee", libelle="Base",
                            heure_prevue=back, lat=43.6, lon=3.5),
            ])
        s.add(PassageParticipant(passage_id=passages[1].id, person_id=people[1].id, besoin_transport=True,
                                 heure_prise_en_charge=dt.time(13, 35)))
        visit = Visit(person_id=people[1].id, date=DAY - dt.timedelta(days=7), heure=dt.time(10), duree_minutes=45,
                      mode="visite", objet="suivi", prochain_contact=DAY + dt.timedelta(days=2),
                      created_by=actor.user_id)
        s.add(visit)
        s.flush()
        people[1].last_contact_date = visit.date
        people[1].next_contact_due = visit.prochain_contact
        return World(claire.id, [p.id for p in people], van.id, action.id, seance.id,
                     [p.id for p in passages], visit.id)
