"""Where demo people live: Hérault communes taken from the registry, and street addresses.

A small file (up to :data:`LOCAL_MAX_PEOPLE` people) stays in the dozen communes around
Gignac, Clermont-l'Hérault and Lodève that a Maison des Aidants of the Cœur d'Hérault
serves; a large one spreads over every commune of the département, weighted by population.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.communes import Commune, CommuneRegistry, get_registry

HERAULT = "34"
LOCAL_MAX_PEOPLE = 1_000
# Cœur d'Hérault: Saint-Jean-de-Fos first, so that even a tiny file has someone there.
LOCAL_INSEE = (
    "34267",  # Saint-Jean-de-Fos
    "34114",  # Gignac
    "34010",  # Aniane
    "34173",  # Montpeyroux
    "34079",  # Clermont-l'Hérault
    "34142",  # Lodève
    "34194",  # Paulhan
    "34239",  # Saint-André-de-Sangonis
    "34210",  # Le Pouget
    "34125",  # Lagamas
    "34221",  # Puéchabon
    "34261",  # Saint-Guilhem-le-Désert
)
RURAL_POPULATION = 3_000  # below this, farming pensions (MSA) are much more common

STREETS = (
    "rue des Oliviers", "chemin des Vignes", "avenue de Lodève", "place de la Mairie",
    "impasse des Amandiers", "rue du Four", "route de Montpellier", "Grand'Rue",
    "rue de la Poste", "rue de l'Église", "avenue du Languedoc", "chemin de la Garrigue",
    "rue des Cigales", "rue Jean-Jaurès", "boulevard Gambetta", "rue Frédéric-Mistral",
    "rue de la République", "avenue de la Gare", "chemin du Moulin", "rue des Écoles",
    "rue du Château", "place du Marché", "rue Pasteur", "avenue Victor-Hugo",
    "chemin des Mûriers", "rue des Micocouliers", "rue de l'Hérault", "allée des Platanes",
    "rue du Lavoir", "chemin de Saint-Guilhem", "rue des Aires", "avenue de Clermont",
    "rue de la Fontaine", "impasse du Pressoir", "rue des Tilleuls", "chemin des Capitelles",
    "rue Paul-Vidal", "avenue du 8-Mai-1945", "rue de la Treille", "rue du Pont",
    "chemin de la Croix", "rue Émile-Zola", "rue des Jardins", "montée du Castellas",
    "rue de l'Horloge", "avenue des Cévennes", "chemin des Oliviers", "rue Neuve",
)
LIEUX_DITS = (
    "Mas de Fourques", "Domaine de la Croix", "Mas Reboul", "Hameau des Salces",
    "Mas de Carles", "Domaine du Pradel", "Les Rouquettes", "Mas Baumes",
)
COMPLEMENTS = (
    "Résidence Les Tilleuls, bât. B", "Appartement 3", "1er étage", "Résidence Le Clos",
    "Porte gauche", "Maison du fond", "Résidence Les Oliviers, appt 12", "Rez-de-chaussée",
    "Bâtiment A, 2e étage", "Au fond de l'impasse",
)


@dataclass(frozen=True)
class Address:
    adresse: str
    complement: str | None
    commune: Commune

    @property
    def code_postal(self) -> str:
        return self.commune.codes_postaux[0]


class CommunePicker:
    """Draws communes for new households: local dozen, or the whole Hérault."""

    def __init__(self, people: int, registry: CommuneRegistry | None = None) -> None:
        reg = registry or get_registry()
        if people <= LOCAL_MAX_PEOPLE:
            communes = [c for c in (reg.by_insee(i) for i in LOCAL_INSEE) if c is not None]
            # Flattened weights so that villages of 100 people still appear in a file of 300.
            weights = [float(c.population or 100) ** 0.7 for c in communes]
            self.first: tuple[Commune, ...] = tuple(communes)
        else:
            communes = sorted(
                (c for c in reg if c.departement == HERAULT and c.codes_postaux),
                key=lambda c: c.insee,
            )
            weights = [float(c.population or 1) for c in communes]
            self.first = tuple(c for c in (reg.by_insee(i) for i in LOCAL_INSEE) if c is not None)
        self.communes: tuple[Commune, ...] = tuple(communes)
        self._cum = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random, household_index: int) -> Commune:
        """The first households visit each local commune once, then draws are weighted."""
        if household_index < len(self.first):
            return self.first[household_index]
        return rng.choices(self.communes, cum_weights=self._cum)[0]

    def pick_other(self, rng: random.Random, avoid: Commune) -> Commune:
        """Another commune (a child living elsewhere)."""
        for _ in range(8):
            commune = rng.choices(self.communes, cum_weights=self._cum)[0]
            if commune.insee != avoid.insee:
                return commune
        return avoid


def street_address(rng: random.Random, commune: Commune, streets: Sequence[str] = STREETS) -> Address:
    """« 12 rue des Oliviers », sometimes « 4 bis », a lieu-dit or a complement."""
    roll = rng.random()
    if roll < 0.05:
        line = rng.choice(LIEUX_DITS)
    else:
        number = rng.choices((rng.randint(1, 15), rng.randint(16, 80)), weights=(3, 1))[0]
        suffix = " bis" if rng.random() < 0.04 else ""
        line = f"{number}{suffix} {rng.choice(streets)}"
    complement = rng.choice(COMPLEMENTS) if rng.random() < 0.1 else None
    return Address(line, complement, commune)


def neighbour_address(rng: random.Random, home: Address) -> Address:
    """Same street, another number: the neighbour who keeps an eye."""
    words = home.adresse.split(" ", 1)
    street = words[1].removeprefix("bis ") if len(words) > 1 and words[0][:1].isdigit() else None
    if street is None:
        return street_address(rng, home.commune)
    return Address(f"{rng.randint(1, 60)} {street}", None, home.commune)


def is_rural(commune: Commune) -> bool:
    return (commune.population or 0) < RURAL_POPULATION
