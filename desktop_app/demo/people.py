"""One demo person as a ``person`` row: identity, contact, and the traits of their role.

Rows are plain dicts with every column of ``person`` (same keys for all, so they can be
bulk-inserted together); :func:`finish` fills the derived search columns through the
people search helpers, exactly as the service does on save.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from db.models import Person
from desktop_app.demo import contact, names
from desktop_app.demo.places import Address
from desktop_app.demo.traits import (
    Pension,
    age_of,
    dependency_for,
    pension_for,
    source_for,
    status_for,
    timeline,
)
from desktop_app.people.search import search_text_for, sort_key_for

Row = dict[str, Any]

_DERIVED_FROM = ("nom", "prenom", "nom_naissance", "commune_nom", "telephone", "telephone2")
_DOCTOR_TOWNS = ("Gignac", "Clermont-l'Hérault", "Lodève", "Aniane", "Paulhan", "Montpellier")


class Role(StrEnum):
    BENEFICIAIRE = "beneficiaire"
    AIDANT = "aidant"  # a proche aidant not accompanied themselves
    BENEVOLE = "benevole"


@dataclass(frozen=True)
class Identity:
    nom: str
    prenom: str
    sexe: str  # « f » or « h »
    born: dt.date
    origin: str
    nom_naissance: str | None = None


def identity(
    rng: random.Random, sexe: str, born: dt.date, origin: str | None = None,
    nom: str | None = None, nom_naissance: str | None = None, married_name_rate: float = 0.65,
) -> Identity:
    """A name fitting sex, birth year and origin; many women carry a married name."""
    origin = origin or names.draw_origin(rng)
    nom = nom or names.surname(rng, origin)
    if nom_naissance is None and sexe == "f" and born.year < 1990 and rng.random() < married_name_rate:
        nom_naissance = nom
        nom = names.surname(rng, names.draw_origin(rng) if rng.random() < 0.3 else origin)
    if nom_naissance == nom:
        nom_naissance = None
    prenom = names.first_name(rng, sexe, born.year, origin)
    return Identity(nom, prenom, sexe, born, origin, nom_naissance)


def _phones(rng: random.Random, role: Role, age: int) -> tuple[str | None, str | None]:
    """Older people mostly keep a landline; aidants and bénévoles have a mobile."""
    if role is Role.BENEFICIAIRE:
        fixed = contact.landline(rng) if rng.random() < 0.75 else None
        cell_rate = 0.35 if fixed else (0.9 if age < 90 else 0.6)
    else:
        fixed = contact.landline(rng) if rng.random() < 0.3 else None
        cell_rate = 0.95
    cell = contact.mobile(rng) if rng.random() < cell_rate else None
    if fixed is None:
        return cell, None
    return fixed, cell


def person_row(rng: random.Random, pid: int, who: Identity, role: Role, home: Address) -> Row:
    """Every column of the person, drawn for their role (bénéficiaire, aidant, bénévole)."""
    age = age_of(who.born)
    commune = home.commune
    beneficiary = role is Role.BENEFICIAIRE
    telephone, telephone2 = _phones(rng, role, age)
    mail_rate = 0.1 if beneficiary and age >= 75 else (0.3 if beneficiary else 0.7)
    pension = pension_for(rng, commune, age)
    dated = timeline(rng, 0.88 if beneficiary else 0.7)
    statut, archived_at = status_for(rng, age if beneficiary else 60, 0.05 if beneficiary else 0.04, dated)
    row: Row = {
        "id": pid, "civilite": "mme" if who.sexe == "f" else "m", "nom": who.nom,
        "nom_naissance": who.nom_naissance, "prenom": who.prenom, "sexe": who.sexe,
        "date_naissance": who.born, "annee_naissance": who.born.year, "adresse": home.adresse,
        "complement_adresse": home.complement, "code_postal": home.code_postal,
        "commune_insee": commune.insee, "commune_nom": commune.nom,
        "telephone": telephone, "telephone2": telephone2,
        "email": contact.email(rng, who.prenom, who.nom, who.born.year) if rng.random() < mail_rate else None,
        "vit_seul": None, "caisse_retraite": pension.caisse,
        "caisse_complementaire": pension.complementaire,
        "gir": None, "gir_date": None, "gir_evaluateur": None, "mobilite": None,
        "fragilite_isolement": False, "fragilite_precarite": False, "fragilite_sante": False,
        "source_orientation": None, "urgence_nom": None, "urgence_telephone": None,
        "urgence_lien": None, "medecin_traitant": None,
        "consentement_date": dated.consentement_date, "notice_date": dated.notice_date,
        "est_beneficiaire": beneficiary, "est_benevole": role is Role.BENEVOLE,
        "statut": statut, "archived_at": archived_at, "last_contact_date": dated.last_contact_date,
        "created_at": dated.created_at, "updated_at": archived_at or dated.updated_at,
        "version_id": 1, "search_text": "", "sort_key": "",
    }
    if beneficiary:
        _beneficiary_traits(rng, row, age, pension)
    else:
        row["mobilite"] = "autonome" if rng.random() < 0.8 else None
        row["source_orientation"] = source_for(rng) if role is Role.AIDANT and rng.random() < 0.5 else None
    return row


def _beneficiary_traits(rng: random.Random, row: Row, age: int, pension: Pension) -> None:
    dep = dependency_for(rng, age, pension)
    row.update(
        gir=dep.gir, gir_date=dep.gir_date, gir_evaluateur=dep.gir_evaluateur, mobilite=dep.mobilite,
        fragilite_precarite=rng.random() < 0.12,
        fragilite_sante=rng.random() < (0.6 if dep.gir and dep.gir <= 4 else 0.18),
        source_orientation=source_for(rng),
    )
    if rng.random() < 0.55:
        row["medecin_traitant"] = f"Dr {names.surname(rng, 'fr')} ({rng.choice(_DOCTOR_TOWNS)})"


def set_living(rng: random.Random, row: Row, alone: bool | None) -> None:
    """Lives alone or not; isolation is far more frequent for people living alone."""
    row["vit_seul"] = alone
    row["fragilite_isolement"] = rng.random() < (0.35 if alone else 0.08)


def set_emergency(row: Row, nom: str, telephone: str | None, lien: str) -> None:
    row.update(urgence_nom=nom, urgence_telephone=telephone, urgence_lien=lien)


def random_emergency(rng: random.Random, row: Row) -> None:
    """A relative or neighbour to call, for about seven people in ten."""
    if rng.random() >= 0.7:
        return
    lien = rng.choice(("fille", "fils", "fille", "voisine", "neveu", "nièce", "belle-fille", "ami"))
    sexe = "h" if lien in ("fils", "neveu", "ami") else "f"
    born_year = row["date_naissance"].year + (rng.randint(22, 38) if lien != "voisine" else 5)
    born = dt.date(min(born_year, 1995), 6, 1)
    kin = identity(rng, sexe, born, nom=row["nom"] if lien == "fils" else None)
    set_emergency(row, f"{kin.prenom} {kin.nom}", contact.mobile(rng), lien)


def finish(row: Row) -> Row:
    """Fill ``search_text`` and ``sort_key`` with the people search helpers."""
    transient = Person(**{key: row[key] for key in _DERIVED_FROM})
    row["search_text"] = search_text_for(transient)
    row["sort_key"] = sort_key_for(transient)
    return row
