"""A hand-built database for the bilan tests: twelve people reached in 2025, two actions,
visits, two financeurs. Every expected figure of tests/desktop_app/bilans is worked out by
hand from the rows below (see the comments) — never computed by the code under test.

People (age on 31/12/2025):
 1 Alice Martin      f 10/03/1950 75  GIR 3  seule   34114  action A; visit 2024 (not new) and 2025
 2 Bernard Durand    h 31/12/1945 80  GIR 5  non     34114  action A (80 on the last day of 2025)
 3 Claire Petit      f 15/06/1966 59  —      —       34079  action A; present in December 2024 (not new)
 4 Denis Moreau      h 01/07/1955 70  GIR 6  non     34079  action A
 5 Édith Roux        f 02/02/1940 85  GIR 2  seule   34114  action A; visit 2025
 6 Fernande Blanc    f 05/05/1934 91  GIR 4  seule   34114  action A
 7 Gérard Faure      h 01/01/1962 63  —      non     34079  action B; aidant of 5
 8 Hélène Girard     f —             —      —       —      two visits 2025
 9 Irène Lambert     f 08/08/1948 77  GIR 5  seule   34142  action B
10 Jacques Bonnet    h 11/11/1951 74  GIR 6  non     34114  action B
11 Kamel Mercier     f 04/04/1944 81  GIR 1  seule   34114  action B (waiting list, came once unregistered)
12 Lou Fontaine      i 09/09/1958 67  —      —       34114  visit 2025; waiting list of B
13 Alice Martin      archived duplicate of 1: present, visited, never counted
14 Zoé Ancienne      visited in 2024 only: not reached in 2025
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from db.models import (
    ActionFunding,
    AidantLink,
    AtelierAction,
    AtelierInscription,
    AtelierPresence,
    AtelierSatisfaction,
    AtelierSeance,
    AtelierTheme,
    FundingLine,
    Partner,
    Person,
    Visit,
)

D = dt.date
PEOPLE = [
    # id, prenom, nom, sexe, naissance, gir, vit_seul, insee, commune
    (1, "Alice", "Martin", "f", D(1950, 3, 10), 3, True, "34114", "Gignac"),
    (2, "Bernard", "Durand", "h", D(1945, 12, 31), 5, False, "34114", "Gignac"),
    (3, "Claire", "Petit", "f", D(1966, 6, 15), None, None, "34079", "Clermont-l'Hérault"),
    (4, "Denis", "Moreau", "h", D(1955, 7, 1), 6, False, "34079", "Clermont-l'Hérault"),
    (5, "Édith", "Roux", "f", D(1940, 2, 2), 2, True, "34114", "Gignac"),
    (6, "Fernande", "Blanc", "f", D(1934, 5, 5), 4, True, "34114", "Gignac"),
    (7, "Gérard", "Faure", "h", D(1962, 1, 1), None, False, "34079", "Clermont-l'Hérault"),
    (8, "Hélène", "Girard", "f", None, None, None, None, None),
    (9, "Irène", "Lambert", "f", D(1948, 8, 8), 5, True, "34142", "Lodève"),
    (10, "Jacques", "Bonnet", "h", D(1951, 11, 11), 6, False, "34114", "Gignac"),
    (11, "Kamel", "Mercier", "f", D(1944, 4, 4), 1, True, "34114", "Gignac"),
    (12, "Lou", "Fontaine", "i", D(1958, 9, 9), None, None, "34114", "Gignac"),
    (13, "Alice", "Martin", "f", D(1950, 3, 10), 3, True, "34114", "Gignac"),
    (14, "Zoé", "Ancienne", "f", D(1939, 1, 20), None, None, "34114", "Gignac"),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def build(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Write the fixture; returns the ids the tests need (financeurs)."""
    with app.db.uow() as s:
        for pid, prenom, nom, sexe, naissance, gir, seul, insee, commune in PEOPLE:
            s.add(Person(id=pid, prenom=prenom, nom=nom, sexe=sexe, date_naissance=naissance, gir=gir,
                         vit_seul=seul, commune_insee=insee, commune_nom=commune,
                         adresse=f"{pid} rue des Écoles", statut="archive" if pid == 13 else "actif"))
        s.flush()
        s.add(AidantLink(aidant_id=7, aide_id=5, relation="conjoint"))
        carsat = Partner(nom="Carsat Sud", type="caisse_retraite")
        dept = Partner(nom="Département de l'Hérault", type="financeur")
        s.add_all([carsat, dept])
        s.flush()
        line_a = FundingLine(financeur_id=carsat.id, annee=2025, montant=Decimal("8000.00"),
                             action="Atelier mémoire", axe_cfppa="6", statut="verse")
        line_b = FundingLine(financeur_id=dept.id, annee=2025, montant=Decimal("3000.00"),
                             action="Café des aidants", axe_cfppa="5", statut="accorde")
        old = FundingLine(financeur_id=carsat.id, annee=2024, montant=Decimal("5000.00"),
                          action="Atelier mémoire 2024", axe_cfppa="6", statut="solde")
        s.add_all([line_a, line_b, old])
        memoire = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "memoire"))
        aidants = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "soutien_aidants"))
        a = AtelierAction(titre="Atelier mémoire", theme_id=memoire, axe_cfppa=6, statut="termine")
        b = AtelierAction(titre="Café des aidants", theme_id=aidants, axe_cfppa=5, statut="termine")
        s.add_all([a, b])
        s.flush()
        s.add_all([ActionFunding(action_id=a.id, funding_line_id=line_a.id),
                   ActionFunding(action_id=b.id, funding_line_id=line_b.id)])
        # Action A: S0 in 2024, S1 S2 S4 held in 2025, S3 cancelled (its presence and score never count)
        days = {"S0": D(2024, 12, 16), "S1": D(2025, 3, 3), "S2": D(2025, 3, 10), "S3": D(2025, 3, 17),
                "S4": D(2025, 3, 24), "T1": D(2025, 6, 5), "T2": D(2025, 6, 12)}
        seances = {}
        for key, day in days.items():
            action, hour = (b, 14) if key.startswith("T") else (a, 10)
            seances[key] = AtelierSeance(action_id=action.id, debut=_at(day, hour), fin=_at(day, hour + 2),
                                         statut="annulee" if key == "S3" else "realisee")
        s.add_all(seances.values())
        s.flush()
        for pid in (1, 2, 3, 4, 5, 6):
            s.add(AtelierInscription(action_id=a.id, person_id=pid, statut="inscrit", inscrit_le=D(2025, 2, 1)))
        s.add(AtelierInscription(action_id=a.id, person_id=7, statut="en_attente", rang_attente=1, inscrit_le=D(2025, 2, 2)))
        s.add(AtelierInscription(action_id=a.id, person_id=8, statut="desiste", inscrit_le=D(2025, 2, 2)))
        for pid in (7, 9, 10):
            s.add(AtelierInscription(action_id=b.id, person_id=pid, statut="inscrit", inscrit_le=D(2025, 5, 1)))
        for rank, pid in enumerate((11, 12), 1):
            s.add(AtelierInscription(action_id=b.id, person_id=pid, statut="en_attente", rang_attente=rank,
                                     inscrit_le=D(2025, 5, 2)))
        presences = {
            "S0": {3: "present"},
            "S1": {1: "present", 2: "present", 3: "present", 4: "present", 5: "present", 6: "absent", 13: "present"},
            "S2": {1: "present", 2: "present", 3: "present", 6: "present", 4: "absent", 5: "excuse"},
            "S3": {1: "present"},
            "S4": {1: "present", 2: "present", 3: "present", 4: "present", 5: "present", 6: "present"},
            "T1": {7: "present", 9: "present", 10: "present"},
            "T2": {7: "present", 9: "present", 11: "present"},
        }
        for key, marks in presences.items():
            for pid, statut in marks.items():
                s.add(AtelierPresence(seance_id=seances[key].id, person_id=pid, statut=statut,
                                      hors_inscription=(pid == 11)))
        for key, pid, note in (("S1", 1, 5), ("S1", 2, 4), ("S1", 3, 4), ("S2", 1, 5), ("S2", 6, 3), ("S3", 1, 1)):
            s.add(AtelierSatisfaction(seance_id=seances[key].id, person_id=pid, note=note))
        for pid, day, mode, objet in (
            (1, D(2024, 5, 1), "domicile", "evaluation"), (14, D(2024, 6, 1), "domicile", "suivi"),
            (8, D(2025, 2, 1), "domicile", "suivi"), (8, D(2025, 4, 1), "telephone", "suivi"),
            (12, D(2025, 5, 5), "domicile", "evaluation"), (5, D(2025, 7, 7), "domicile", "convivialite"),
            (1, D(2025, 9, 9), "telephone", "suivi"), (13, D(2025, 3, 1), "domicile", "suivi"),
        ):
            s.add(Visit(person_id=pid, date=day, duree_minutes=45, mode=mode, objet=objet,
                        resume=f"Compte rendu de la visite du {day:%d/%m/%Y}"))
        return {"carsat": carsat.id, "departement": dept.id}


def identities() -> list[str]:
    """Every name and birth date of the fixture, in the forms a leak would take."""
    out: list[str] = []
    for _pid, prenom, nom, _sexe, naissance, *_rest in PEOPLE:
        out += [nom, f"{prenom} {nom}"]
        if naissance is not None:
            out += [naissance.strftime("%d/%m/%Y"), naissance.isoformat()]
    return out
