"""Surnames and first names for the demo file, as one would meet them in the Hérault.

First names follow the birth cohort (an « Yvonne » is born in the 1920s–30s, a
« Géraldine » in the 1960s); surnames mix the French and Occitan names of the
Languedoc with the Spanish, Maghrebi and Italian names of its mid-century migrations.
Lists are ordered by frequency: earlier entries are drawn more often.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

FRENCH_SURNAMES = (
    "Martin", "Bernard", "Roux", "Fabre", "Vidal", "Michel", "Blanc", "Bonnet", "Durand",
    "Garnier", "Fournier", "Girard", "Arnaud", "Richard", "Thomas", "Robert", "Petit",
    "Moreau", "Laurent", "Simon", "Dupont", "Lefèbvre", "Bousquet", "Guiraud", "Combes",
    "Teissier", "Granier", "Cros", "Marty", "Pagès", "Maurel", "Delmas", "Pujol",
    "Rouquette", "Cabanel", "Bru", "Coste", "Vézian", "Hébrard", "Pélissier", "Fabrègue",
    "Sénéchal", "Bérard", "Vergé", "Jullian", "Boyer", "Rey", "Mas", "Barthès", "Azéma",
    "Gaubert", "Salles", "Bouscaren", "Cazalis", "Thérond", "Causse", "Carrière", "Crouzet",
    "Hugon", "Mathieu", "Rouvière", "Sabatier", "Soulier", "Bonnafous", "Aubert", "Baumel",
    "Chabert", "Castan", "Mercier", "Duval", "Faure", "André", "Lefèvre", "Morel", "Gauthier",
    "Roussel", "Rousseau", "Nicolas", "Vincent", "Muller", "Brun", "Fontaine", "Chevalier",
    "Dupuis", "Lambert", "Gaillard", "Bertrand", "Perrin", "Masson", "Clément", "Dumas",
    "Olivier", "Marchand", "Dupré", "Lacroix", "Barbier", "Gros", "Benoît", "Prévost",
    "Rivière", "Bourdon", "Maurin", "Reynaud", "Estève", "Fourcade", "Journet", "Laurès",
    "Mazel", "Peyre", "Rigal", "Séverac", "Tardieu", "Vernet", "Escande", "Alméras",
    "Bonnefoy", "Chaptal", "Cambon", "Daudé", "Fesquet", "Gleizes", "Issert", "Lhermet",
    "Malzac", "Noguier", "Ollier", "Poujol", "Quintard", "Ramadier", "Roudil", "Sanier",
    "Trinquier", "Valette", "Astruc", "Béziat", "Cauvy", "Dussol", "Fraisse", "Guibal",
    "Jeanjean", "Lavergne", "Marcelin", "Nougaret", "Palat", "Raynal", "Saumade", "Tourrette",
    "Viala", "Bouisson", "Camman", "Dalle", "Ferrand", "Gély", "Huc", "Janin", "Lafont",
    "Molinier", "Pradal", "Roques", "Salasc", "Thomas-Vidal", "Vidal-Rouquette", "de Lacroix",
    "Le Goff", "Lenoir", "Noël", "Bélanger", "Crémieux", "Désiré", "Éthève", "Lévêque",
)
SPANISH_SURNAMES = (
    "Garcia", "Martinez", "Lopez", "Sanchez", "Fernandez", "Rodriguez", "Gomez", "Perez",
    "Ruiz", "Navarro", "Hernandez", "Jimenez", "Moreno", "Alvarez", "Romero", "Torres",
    "Ramirez", "Gutierrez", "Serrano", "Molina", "Ortega", "Castillo", "Marti", "Martí",
    "Soler", "Puig", "Ibáñez", "Muñoz", "Nuñez", "Peña",
)
MAGHREBI_SURNAMES = (
    "Benali", "Haddad", "Mansouri", "Belkacem", "Bouzid", "Khelifi", "Saïdi", "Cherif",
    "Hamidi", "Amrani", "Bensaïd", "Larbi", "Meziane", "Ziani", "Brahimi",
)
ITALIAN_SURNAMES = (
    "Rossi", "Ferrari", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "Costa", "Giordano", "Mancini", "Lombardi",
)


@dataclass(frozen=True)
class Cohort:
    """First names given in France to children born from ``first_year`` on."""

    first_year: int
    women: tuple[str, ...]
    men: tuple[str, ...]


COHORTS = (
    Cohort(
        1900,
        ("Marie", "Jeanne", "Yvonne", "Marguerite", "Germaine", "Suzanne", "Paulette",
         "Madeleine", "Simone", "Denise", "Hélène", "Odette", "Renée", "Lucienne", "Andrée",
         "Raymonde", "Marcelle", "Louise", "Georgette", "Marie-Louise", "Émilienne", "Léonie"),
        ("Jean", "Pierre", "André", "Marcel", "René", "Louis", "Roger", "Georges", "Henri",
         "Robert", "Raymond", "Lucien", "Fernand", "Maurice", "Paul", "Émile", "Joseph",
         "Albert", "Marius", "Gaston", "Noël", "Léon", "Aimé"),
    ),
    Cohort(
        1936,
        ("Monique", "Jacqueline", "Colette", "Josette", "Michèle", "Nicole", "Danielle",
         "Françoise", "Christiane", "Annie", "Ginette", "Josiane", "Mireille", "Geneviève",
         "Hélène", "Yvette", "Odile", "Éliane", "Huguette", "Arlette", "Thérèse", "Claudine",
         "Gisèle", "Bernadette", "Marie-Thérèse", "Marie-Hélène", "Noëlle", "Régine"),
        ("Jean", "Michel", "Claude", "Jacques", "Bernard", "Gérard", "Alain", "Daniel",
         "Jean-Pierre", "Jean-Claude", "Guy", "Christian", "Serge", "Roland", "Yves",
         "André", "Jean-Louis", "Gilbert", "René", "Francis", "Noël", "Jean-Marie", "Gérald"),
    ),
    Cohort(
        1951,
        ("Martine", "Catherine", "Sylvie", "Christine", "Brigitte", "Chantal", "Évelyne",
         "Dominique", "Véronique", "Isabelle", "Patricia", "Nathalie", "Françoise", "Pascale",
         "Corinne", "Joëlle", "Béatrice", "Agnès", "Élisabeth", "Géraldine", "Bénédicte",
         "Marie-Claude", "Hélène", "Anne-Marie", "Frédérique"),
        ("Philippe", "Patrick", "Alain", "Didier", "Thierry", "Éric", "Pascal", "Gilles",
         "Dominique", "Christophe", "Jean-Luc", "Frédéric", "Laurent", "Hervé", "Joël",
         "Francis", "Régis", "Bruno", "Jérôme", "Noël", "Benoît"),
    ),
    Cohort(
        1969,
        ("Stéphanie", "Sandrine", "Valérie", "Céline", "Nathalie", "Aurélie", "Émilie",
         "Laetitia", "Karine", "Séverine", "Virginie", "Géraldine", "Hélène", "Élodie",
         "Mélanie", "Bénédicte", "Anaïs", "Chloé"),
        ("Sébastien", "Nicolas", "Julien", "Stéphane", "Cédric", "Jérôme", "Frédéric",
         "Olivier", "Guillaume", "Romain", "Mathieu", "Yannick", "Grégory", "Jérémy", "Loïc",
         "Maxime", "Noël"),
    ),
)
SPANISH_FIRST = (
    ("Carmen", "Dolorès", "Conchita", "Pilar", "Mercedes", "Josefa", "Rosario", "María"),
    ("Antonio", "José", "Manuel", "Francisco", "Juan", "Miguel", "Ramón", "Andrés"),
)
MAGHREBI_FIRST = (
    ("Fatima", "Khadija", "Zohra", "Aïcha", "Malika", "Yamina", "Fatiha", "Houria"),
    ("Mohamed", "Ahmed", "Rachid", "Saïd", "Abdelkader", "Ali", "Mustapha", "Brahim"),
)
ITALIAN_FIRST = (
    ("Maria", "Giovanna", "Rosa", "Anna", "Lucia"),
    ("Giuseppe", "Antonio", "Giovanni", "Salvatore", "Mario"),
)

# Origin of a family: (share, surnames, first names (women, men), share of own first names).
ORIGINS: dict[str, tuple[float, tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]], float]] = {
    "fr": (0.82, FRENCH_SURNAMES, ((), ()), 0.0),
    "es": (0.11, SPANISH_SURNAMES, SPANISH_FIRST, 0.45),
    "ma": (0.05, MAGHREBI_SURNAMES, MAGHREBI_FIRST, 0.85),
    "it": (0.02, ITALIAN_SURNAMES, ITALIAN_FIRST, 0.4),
}


class _Weighted:
    """Draws from a list where entry ``k`` weighs ``1 / (k + offset)`` (Zipf-like)."""

    def __init__(self, items: Sequence[str], offset: float = 4.0) -> None:
        self.items = tuple(items)
        self.cum = list(itertools.accumulate(1.0 / (k + offset) for k in range(len(items))))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]


# French surnames are many and evenly spread: a flat curve (no name above 3 %).
_SURNAMES = {origin: _Weighted(spec[1], 12.0) for origin, spec in ORIGINS.items()}
_OWN_FIRST = {
    origin: (_Weighted(spec[2][0], 2.0), _Weighted(spec[2][1], 2.0))
    for origin, spec in ORIGINS.items() if spec[2][0]
}
_COHORT_FIRST = [(c.first_year, _Weighted(c.women, 3.0), _Weighted(c.men, 3.0)) for c in COHORTS]
_ORIGIN_KEYS = tuple(ORIGINS)
_ORIGIN_CUM = list(itertools.accumulate(spec[0] for spec in ORIGINS.values()))


def draw_origin(rng: random.Random) -> str:
    return rng.choices(_ORIGIN_KEYS, cum_weights=_ORIGIN_CUM)[0]


def surname(rng: random.Random, origin: str) -> str:
    return _SURNAMES[origin].draw(rng)


def first_name(rng: random.Random, sexe: str, birth_year: int, origin: str) -> str:
    """A first name fitting the sex (« f » / « h »), the birth year and the family origin."""
    own = _OWN_FIRST.get(origin)
    if own is not None and birth_year < 1975 and rng.random() < ORIGINS[origin][3]:
        return own[0 if sexe == "f" else 1].draw(rng)
    chosen = _COHORT_FIRST[0]
    for cohort in _COHORT_FIRST:
        if birth_year >= cohort[0]:
            chosen = cohort
    return (chosen[1] if sexe == "f" else chosen[2]).draw(rng)
