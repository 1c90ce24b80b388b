"""The demo file, household by household: a person living alone, a bénéficiaire helped by a
proche aidant (spouse, daughter, neighbour…), a couple, or a bénévole.

Household mix (per household drawn): bénévole 5 %, bénéficiaire alone 55 %, bénéficiaire
with an aidant 15 %, couple of bénéficiaires 5 % (half of them with one spouse the
registered aidant of the other). That gives about one bénéficiaire in five with a linked
aidant, about 40 % living alone and 5 % bénévoles. The first households are a fixed
showcase (Hélène in Saint-Jean-de-Fos, Françoise helped by her daughter Géraldine, Noël
helped by his wife, Bénédicte bénévole…) so small files always hold them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop_app.communes import CommuneRegistry
from desktop_app.demo import names, places
from desktop_app.demo.people import (
    Identity,
    Role,
    Row,
    finish,
    identity,
    person_row,
    random_emergency,
    set_emergency,
    set_living,
)
from desktop_app.demo.places import Address, CommunePicker
from desktop_app.demo.traits import age_of, beneficiary_age, birth_date

KINDS = ("benevole", "seul", "aidant", "couple", "couple_aidant")
_KIND_WEIGHTS = (5.3, 55.0, 15.0, 2.5, 2.5)
RELATIONS = ("conjoint", "enfant", "petit_enfant", "fratrie", "voisin", "ami", "autre")
_RELATION_WEIGHTS = (30, 48, 5, 4, 7, 4, 2)
# What the aidé calls the aidant in the emergency-contact field, by relation and sex.
_LIEN = {
    "enfant": ("fille", "fils"), "petit_enfant": ("petite-fille", "petit-fils"),
    "fratrie": ("sœur", "frère"), "voisin": ("voisine", "voisin"), "ami": ("amie", "ami"),
    "autre": ("nièce", "neveu"), "conjoint": ("épouse", "époux"),
}
# (kind, relation, ((sexe, prénom) per member)): always the first households of a file.
SHOWCASE: tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...] = (
    ("seul", None, (("f", "Hélène"),)),
    ("aidant", "enfant", (("f", "Françoise"), ("f", "Géraldine"))),
    ("aidant", "conjoint", (("h", "Noël"), ("f", "Hélène"))),
    ("benevole", None, (("f", "Bénédicte"),)),
    ("seul", None, (("f", "Marie-Hélène"),)),
    ("aidant", "voisin", (("h", "Jean-François"), ("f", "Noëlle"))),
)


@dataclass
class Household:
    people: list[Row]
    links: list[Row] = field(default_factory=list)


class DemoGenerator:
    """Yields households until ``people`` persons were made; ids are 1..people."""

    def __init__(self, people: int, seed: int, registry: CommuneRegistry | None = None) -> None:
        self.rng = random.Random(seed)
        self.total = people
        self.picker = CommunePicker(people, registry)
        self._next_id = 1
        self._next_link = 1

    def households(self) -> Iterator[Household]:
        index = 0
        while self._next_id <= self.total:
            room = self.total - self._next_id + 1
            if index < len(SHOWCASE):
                kind, relation, over = SHOWCASE[index]
            else:
                kind = self.rng.choices(KINDS, weights=_KIND_WEIGHTS)[0]
                relation, over = None, ()
            if room < 2 and kind != "benevole":
                kind = "seul"
            house = self._build(kind, relation, over, index)
            for row in house.people:
                finish(row)
            yield house
            index += 1

    # ----- households ----------------------------------------------------------------
    def _build(self, kind: str, relation: str | None, over: tuple[tuple[str, str], ...], index: int) -> Household:
        rng = self.rng
        home = places.street_address(rng, self.picker.pick(rng, index))
        if kind == "benevole":
            age = rng.randint(60, 75) if rng.random() < 0.7 else rng.randint(35, 59)
            who = self._named(identity(rng, self._sexe(over, 0), birth_date(rng, age)), over, 0)
            return Household([person_row(rng, self._id(), who, Role.BENEVOLE, home)])
        if kind in ("couple", "couple_aidant"):
            return self._couple(home, linked=kind == "couple_aidant")
        aide_who = self._named(self._beneficiary(self._sexe(over, 0)), over, 0)
        aide = person_row(rng, self._id(), aide_who, Role.BENEFICIAIRE, home)
        if kind == "seul":
            alone = rng.random() < 0.52
            set_living(rng, aide, True if alone else (False if rng.random() < 0.9 else None))
            random_emergency(rng, aide)
            return Household([aide])
        relation = relation or rng.choices(RELATIONS, weights=_RELATION_WEIGHTS)[0]
        sexe = self._sexe(over, 1, opposite=aide_who.sexe if relation == "conjoint" else None)
        helper_who, helper_home = self._helper(aide_who, home, relation, sexe)
        helper = person_row(rng, self._id(), self._named(helper_who, over, 1), Role.AIDANT, helper_home)
        together = helper_home == home
        set_living(rng, aide, False if together else rng.random() < 0.7)
        if relation == "conjoint":
            random_emergency(rng, aide)
        else:
            lien = _LIEN[relation][0 if helper["sexe"] == "f" else 1]
            set_emergency(aide, f"{helper['prenom']} {helper['nom']}", helper["telephone"], lien)
        return Household([aide, helper], [self._link(helper, aide, relation)])

    def _couple(self, home: Address, linked: bool) -> Household:
        rng = self.rng
        husband = self._beneficiary("h")
        wife = self._spouse(husband, "f", max(58, min(99, age_of(husband.born) + rng.randint(-7, 2))))
        rows = [person_row(rng, self._id(), who, Role.BENEFICIAIRE, home) for who in (husband, wife)]
        for row in rows:
            set_living(rng, row, False)
        for row, other in ((rows[0], rows[1]), (rows[1], rows[0])):
            set_emergency(row, f"{other['prenom']} {other['nom']}", other["telephone"],
                          _LIEN["conjoint"][0 if other["sexe"] == "f" else 1])
        if not linked:
            return Household(rows)
        # The more autonomous spouse (higher GIR, or not evaluated) is the aidant of the other.
        rows.sort(key=lambda r: r["gir"] or 7)
        return Household(rows, [self._link(rows[1], rows[0], "conjoint")])

    def _helper(self, aide: Identity, home: Address, relation: str, sexe: str) -> tuple[Identity, Address]:
        rng = self.rng
        aide_age = age_of(aide.born)
        family = aide.nom
        if relation == "conjoint":
            return self._spouse(aide, sexe, max(50, min(99, aide_age + rng.randint(-6, 6)))), home
        if relation in ("enfant", "petit_enfant"):
            gap = rng.randint(22, 38) if relation == "enfant" else rng.randint(45, 60)
            age = max(19 if relation == "petit_enfant" else 28, aide_age - gap)
            if relation == "petit_enfant" and rng.random() < 0.5:
                family = aide.nom_naissance or aide.nom
            who = identity(rng, sexe, birth_date(rng, age), aide.origin, nom=family)
        elif relation == "fratrie":
            age = max(50, min(99, aide_age + rng.randint(-8, 8)))
            who = identity(rng, sexe, birth_date(rng, age), aide.origin, nom=aide.nom_naissance or aide.nom)
        elif relation == "autre":  # a niece or nephew
            who = identity(rng, sexe, birth_date(rng, max(30, aide_age - rng.randint(15, 35))))
        else:
            who = identity(rng, sexe, birth_date(rng, rng.randint(40, 82)))
        roll = rng.random()
        if relation == "voisin":
            return who, places.neighbour_address(rng, home)
        if relation in ("enfant", "petit_enfant") and roll < 0.1:
            return who, home  # lives with the parent
        if roll < 0.55 and relation != "autre":
            return who, places.street_address(rng, home.commune)
        return who, places.street_address(rng, self.picker.pick_other(rng, home.commune))

    # ----- helpers -------------------------------------------------------------------
    def _spouse(self, partner: Identity, sexe: str, age: int) -> Identity:
        """Same family name; most wives of these generations also have a birth name."""
        rng = self.rng
        who = identity(rng, sexe, birth_date(rng, age), partner.origin, nom=partner.nom, married_name_rate=0.0)
        if sexe == "f" and rng.random() < 0.8:
            maiden = names.surname(rng, partner.origin)
            who = dataclasses.replace(who, nom_naissance=maiden if maiden != partner.nom else None)
        return who

    def _beneficiary(self, sexe: str) -> Identity:
        return identity(self.rng, sexe, birth_date(self.rng, beneficiary_age(self.rng)))

    def _sexe(self, over: tuple[tuple[str, str], ...], k: int, opposite: str | None = None) -> str:
        if k < len(over):
            return over[k][0]
        if opposite is not None:
            return "h" if opposite == "f" else "f"
        return "f" if self.rng.random() < (0.64 if k == 0 else 0.62) else "h"

    @staticmethod
    def _named(who: Identity, over: tuple[tuple[str, str], ...], k: int) -> Identity:
        return dataclasses.replace(who, prenom=over[k][1]) if k < len(over) else who

    def _id(self) -> int:
        pid = self._next_id
        self._next_id += 1
        return pid

    def _link(self, aidant: Row, aide: Row, relation: str) -> Row:
        created: dt.datetime = max(aidant["created_at"], aide["created_at"])
        link = {
            "id": self._next_link, "aidant_id": aidant["id"], "aide_id": aide["id"],
            "relation": relation, "depuis": created.date(), "created_at": created, "updated_at": created,
        }
        self._next_link += 1
        return link
