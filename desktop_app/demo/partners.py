"""Demo partners and funding lines: the organisations the domain sources name (Carsat
Languedoc-Roussillon, MSA, the Hérault conférence des financeurs, ADMR, CLIC, Fondation de
France, AG2R, Malakoff Humanis, gendarmerie…) plus the mairies and CCAS of the communes
where the demo people live. Written through the services, so every value is validated.

Phone numbers are in the range ARCEP keeps for fiction (04 65 71 xx xx); e-mail addresses
use the reserved « exemple.fr » domain.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select

from db.engine import Database
from db.models import Partner, Person
from desktop_app.actor import SYSTEM
from desktop_app.partners.funding import FundingService
from desktop_app.partners.records import ContactInput, FundingInput, PartnerInput
from desktop_app.partners.service import PartnersService
from desktop_app.text import fold

# (name, type, roles, postal code, INSEE, address, contacts: (name, function))
PARTNERS: list[tuple[str, str, list[str], str, str, str, list[tuple[str, str]]]] = [
    ("Carsat Languedoc-Roussillon", "caisse_retraite", ["financeur", "prescripteur"], "34000", "34172",
     "29 cours Gambetta", [("Sophie Bernard", "Chargée de l'action sociale retraite"),
                           ("Marc Olivier", "Responsable prévention")]),
    ("MSA Languedoc", "caisse_retraite", ["financeur", "prescripteur"], "34000", "34172",
     "Place Chaptal", [("Anne Vidal", "Travailleuse sociale MSA")]),
    ("CFPPA de l'Hérault", "financeur", ["financeur"], "34000", "34172",
     "Hôtel du Département, 1977 avenue des Moulins", [("Julien Castel", "Chargé de mission CFPPA")]),
    ("Département de l'Hérault", "financeur", ["financeur", "prescripteur"],
     "34000", "34172", "1977 avenue des Moulins", [("Karima Haddad", "Évaluatrice APA")]),
    ("Fédération ADMR de l'Hérault", "association", ["relais", "prestataire", "prescripteur"], "34000",
     "34172", "Parc Euromédecine, 95 rue Pierre Flourens", [("Patrick Solier", "Coordinateur API Bus")]),
    ("ADMR du Cœur d'Hérault", "saad_ssiad", ["prestataire", "prescripteur"], "34150", "34114",
     "4 place du Jeu de Ballon", [("Céline Pradal", "Responsable de secteur")]),
    ("SSIAD du Lodévois", "saad_ssiad", ["prestataire"], "34700", "34142", "Avenue Joseph Vallot",
     [("Hélène Bastide", "Infirmière coordinatrice")]),
    ("CLIC Cœur d'Hérault", "clic_dac", ["prescripteur", "relais"], "34800", "34079",
     "1 boulevard Gambetta", [("Laure Mercier", "Coordinatrice CLIC")]),
    ("DAC 34 — Dispositif d'appui à la coordination", "clic_dac", ["relais"], "34000", "34172",
     "Rue de la Valsière", [("Thierry Combes", "Coordinateur de parcours")]),
    ("Fondation de France", "fondation", ["financeur"], "75017", "75056", "40 avenue Hoche",
     [("Isabelle Marchand", "Chargée de programme Personnes âgées")]),
    ("Fondation Caisse d'Épargne", "fondation", ["financeur"], "34000", "34172", "254 rue Michel Teule", []),
    ("AG2R La Mondiale", "caisse_retraite", ["financeur"], "34000", "34172",
     "Rue de la Croix Verte", [("Nathalie Roche", "Conseillère action sociale")]),
    ("Malakoff Humanis", "caisse_retraite", ["financeur"], "34000", "34172",
     "Avenue du Pont Juvénal", [("Damien Lefort", "Chargé de projets aidants")]),
    ("Brigade de gendarmerie de Gignac", "gendarmerie_pompiers", ["relais"], "34150", "34114",
     "Route de Pézenas", [("Adjudant Éric Salles", "Référent prévention seniors")]),
    ("Centre de secours de Lodève (SDIS 34)", "gendarmerie_pompiers", ["relais"], "34700", "34142",
     "Avenue de Fumel", []),
    ("Hérault Habitat", "bailleur", ["relais"], "34000", "34172", "100 rue de l'Oasis",
     [("Sandrine Peyre", "Conseillère sociale")]),
    ("Petits Frères des Pauvres — équipe de l'Hérault", "association", ["relais", "prestataire"],
     "34000", "34172", "Rue du Faubourg Figuerolles", [("Jeanne Arnal", "Coordinatrice bénévoles")]),
    ("Siel Bleu Occitanie", "prestataire", ["prestataire"], "34000", "34172", "Rue de Verdun",
     [("Lucas Martin", "Chargé de prévention, activité physique adaptée")]),
    ("France Services de Gignac", "ccas", ["relais", "lieu"], "34150", "34114", "Place du Général Claparède",
     [("Mélanie Cros", "Conseillère France Services")]),
]

# (partner name, year offset, amount, action, CFPPA axis, status)
FUNDING: list[tuple[str, int, str, str, str | None, str]] = [
    ("CFPPA de l'Hérault", -1, "15 000", "Ateliers itinérants de prévention (API Bus)", "6", "solde"),
    ("CFPPA de l'Hérault", 0, "21 000", "Ateliers itinérants de prévention (API Bus) et ateliers supplémentaires", "6", "verse"),
    ("CFPPA de l'Hérault", 0, "8 500", "Soutien aux proches aidants : groupes de parole et temps de répit", "5", "accorde"),
    ("Carsat Languedoc-Roussillon", -1, "5 300", "Ateliers bien vieillir interrégimes", "6", "solde"),
    ("Carsat Languedoc-Roussillon", 0, "6 200", "Ateliers bien vieillir interrégimes", "6", "verse"),
    ("Carsat Languedoc-Roussillon", 0, "12 000", "Renouvellement du véhicule API Bus (aménagement PMR)", None, "demande"),
    ("MSA Languedoc", 0, "3 000", "Lutte contre l'isolement en milieu rural : visites de convivialité", "6", "accorde"),
    ("Fondation de France", -1, "10 000", "Lien social des aînés isolés en milieu rural", None, "solde"),
    ("Fondation de France", 0, "7 500", "Lien social des aînés isolés en milieu rural (2e année)", None, "verse"),
    ("Fondation Caisse d'Épargne", 0, "4 000", "Ateliers numériques et prêt de tablettes", "6", "accorde"),
    ("AG2R La Mondiale", 0, "4 000", "Café des aidants", "5", "demande"),
    ("Malakoff Humanis", 0, "6 000", "Répit des aidants : séjours et ateliers bien-être", "5", "accorde"),
    ("Département de l'Hérault", 0, "18 500", "Visites à domicile et veille des personnes isolées", None, "verse"),
]


def of(commune: str) -> str:
    """« de Gignac », « du Pouget », « des Matelles »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if commune.startswith(article):
            return contracted + commune[len(article):]
    return "de " + commune


def _phone(rng: random.Random) -> str:
    return f"04 65 71 {rng.randrange(100):02d} {rng.randrange(100):02d}"


def _email(name: str) -> str:
    words = fold(name).split()
    return f"{words[0][0]}.{words[-1]}@exemple.fr" if len(words) > 1 else f"{words[0]}@exemple.fr"


def _organisation_email(name: str) -> str:
    """« contact@carsat-languedoc.exemple.fr » from the first two meaningful words."""
    words = [w for w in fold(name).split() if w not in {"de", "du", "des", "la", "le", "les", "l", "d"}]
    return f"contact@{'-'.join(words[:2])}.exemple.fr"


def _communes_in_use(db: Database, limit: int) -> list[tuple[str, str, str]]:
    """(INSEE, name, postal code) of the communes where most demo people live."""
    with db.read() as s:
        rows = s.execute(
            select(Person.commune_insee, Person.commune_nom, func.min(Person.code_postal))
            .where(Person.commune_insee.is_not(None), Person.code_postal.is_not(None))
            .group_by(Person.commune_insee, Person.commune_nom)
            .order_by(func.count(Person.id).desc(), Person.commune_insee).limit(limit)
        ).all()
    return [(r[0], r[1] or "", r[2] or "") for r in rows if r[0]]


def populate_partners(db: Database, seed: int, reference_date: dt.date) -> str:
    """Partners with contacts, the mairies and CCAS of the people's communes, and two years
    of funding lines. Deterministic for a seed."""
    rng = random.Random(seed * 7919 + 3)
    partners, funding = PartnersService(db), FundingService(db)
    with db.read() as s:
        if s.scalar(select(func.count(Partner.id))):
            return "Partenaires : déjà présents, rien ajouté."
    ids: dict[str, int] = {}
    contacts = 0
    for nom, kind, roles, cp, insee, adresse, people in PARTNERS:
        detail = partners.create(SYSTEM, PartnerInput(
            nom=nom, type=kind, roles=roles, adresse=adresse, code_postal=cp, commune_insee=insee,
            telephone=_phone(rng), email=_organisation_email(nom),
        ))
        ids[nom] = detail.id
        for name, function in people:
            partners.add_contact(SYSTEM, detail.id, ContactInput(
                nom=name, fonction=function, telephone=_phone(rng), email=_email(name)))
            contacts += 1
    year = reference_date.year
    for i, (insee, commune, cp) in enumerate(_communes_in_use(db, 8)):
        mairie = partners.create(SYSTEM, PartnerInput(
            nom=f"Mairie {of(commune)}", type="commune", roles=["relais", "lieu", "financeur"],
            adresse="Place de la Mairie", code_postal=cp, commune_insee=insee, telephone=_phone(rng)))
        ids[mairie.data.nom] = mairie.id
        partners.add_contact(SYSTEM, mairie.id, ContactInput(nom=f"Secrétariat de mairie {of(commune)}",
                                                             fonction="Accueil", telephone=_phone(rng)))
        contacts += 1
        if i < 3:
            ccas = partners.create(SYSTEM, PartnerInput(
                nom=f"CCAS {of(commune)}", type="ccas", roles=["relais", "prescripteur"],
                adresse="Place de la Mairie", code_postal=cp, commune_insee=insee, telephone=_phone(rng)))
            ids[ccas.data.nom] = ccas.id
        monthly = i < 3
        funding.create(SYSTEM, FundingInput(
            financeur_id=mairie.id, annee=year, montant="500" if monthly else "150",
            action="Abonnement API Bus — " + ("un passage par mois" if monthly else "un passage dans l'année"),
            statut="verse" if i % 2 == 0 else "accorde", date_demande=dt.date(year, 1, 15),
            date_accord=dt.date(year, 2, 10), date_versement=dt.date(year, 4, 2) if i % 2 == 0 else None,
            periode_debut=dt.date(year, 1, 1), periode_fin=dt.date(year, 12, 31)))
    lines = len(_communes_in_use(db, 8))
    for number, (nom, offset, amount, action, axe, statut) in enumerate(FUNDING, start=1):
        y = year + offset
        steps = ["demande", "accorde", "verse", "solde"]
        reached = steps.index(statut)
        steps_on = [dt.date(y - 1, 11, 20), dt.date(y, 3, 12), dt.date(y, 5, 28), dt.date(y + 1, 2, 15)]
        dates = [d if k <= reached and d <= reference_date else None for k, d in enumerate(steps_on)]
        funding.create(SYSTEM, FundingInput(
            financeur_id=ids[nom], annee=y, montant=amount, action=action, axe_cfppa=axe, statut=statut,
            periode_debut=dt.date(y, 1, 1), periode_fin=dt.date(y, 12, 31), date_demande=dates[0],
            date_accord=dates[1], date_versement=dates[2], date_solde=dates[3],
            reference=f"CONV-{y}-{number:03d}"))
        lines += 1
    return f"Partenaires : {len(ids)} organismes, {contacts} contacts, {lines} lignes de financement."
