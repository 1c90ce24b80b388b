"""French communes reference: INSEE code, name, postal codes, département, population.

Data: ``resources/communes/communes.csv.gz`` (COG INSEE via ``@etalab/decoupage-administratif``
and ``codes-postaux``; see ``resources/communes/SOURCE.md``, rebuilt by
``scripts/build_communes.py``). Paris, Lyon and Marseille are single communes (75056, 69123,
13055): their arrondissements' postal codes point to them.

Typical use in an address form::

    reg = get_registry()
    reg.for_postal_code("34150")      # Gignac, Aniane, Saint-Jean-de-Fos, ... by population
    reg.search("st jean de fos")[0]   # Commune(insee='34267', nom='Saint-Jean-de-Fos', ...)
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from desktop_app.text import fold

_POSTAL_CODE = re.compile(r"\d{5}")
COMMUNES_FILE = "communes.csv.gz"
DEPARTEMENTS_FILE = "departements.csv"


def is_valid_postal_code_format(code: str) -> bool:
    """True for exactly five ASCII digits ("34200"); says nothing about existence."""
    return bool(_POSTAL_CODE.fullmatch(code)) and code.isascii()


@dataclass(frozen=True)
class Commune:
    insee: str  # "34301"
    nom: str  # "Sète"
    codes_postaux: tuple[str, ...]  # La Poste codes first
    departement: str  # "34", "2A", "971"
    population: int | None  # population légale; None when unknown (TAAF, Clipperton)

    @property
    def label(self) -> str:
        """Display label, "Sète (34200)": first postal code; just the name if there is none."""
        return f"{self.nom} ({self.codes_postaux[0]})" if self.codes_postaux else self.nom


def _by_population(communes: Iterable[Commune]) -> list[Commune]:
    return sorted(communes, key=lambda c: (-(c.population or 0), c.nom, c.insee))


class CommuneRegistry:
    """In-memory, read-only index of the communes. Build it with :meth:`load`."""

    def __init__(self, communes: Iterable[Commune], departements: dict[str, str] | None = None):
        self._communes: tuple[Commune, ...] = tuple(communes)
        self._by_insee: dict[str, Commune] = {c.insee: c for c in self._communes}
        by_cp: dict[str, list[Commune]] = {}
        for c in self._communes:
            for cp in c.codes_postaux:
                by_cp.setdefault(cp, []).append(c)
        self._by_postal_code: dict[str, tuple[Commune, ...]] = {
            cp: tuple(_by_population(cs)) for cp, cs in by_cp.items()
        }
        self._departements: dict[str, str] = dict(departements or {})
        self._folded: list[tuple[str, Commune]] | None = None  # built on first search

    @classmethod
    def load(cls, path: Path | None = None) -> CommuneRegistry:
        """Read ``communes.csv.gz`` (default: the packaged one) and the sibling
        ``departements.csv`` if present."""
        folder: Traversable = (
            path.parent if path is not None else resources.files("resources") / "communes"
        )
        source: Traversable = path if path is not None else folder / COMMUNES_FILE
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter=";")
            header = next(reader)
            if header != ["insee", "nom", "codes_postaux", "departement", "population"]:
                raise ValueError(f"{source}: unexpected header {header!r}")
            communes = [
                Commune(insee, nom, tuple(cps.split()), dep, int(pop) if pop else None)
                for insee, nom, cps, dep, pop in reader
            ]
        departements: dict[str, str] = {}
        dep_file = folder / DEPARTEMENTS_FILE
        if dep_file.is_file():
            text = dep_file.read_text(encoding="utf-8")
            rows = csv.reader(io.StringIO(text), delimiter=";")
            next(rows, None)
            departements = {row[0]: row[1] for row in rows if len(row) >= 2}
        return cls(communes, departements)

    def __len__(self) -> int:
        return len(self._communes)

    def __iter__(self) -> Iterator[Commune]:
        return iter(self._communes)

    def by_insee(self, insee: str) -> Commune | None:
        return self._by_insee.get(insee.strip().upper())

    def for_postal_code(self, code_postal: str) -> list[Commune]:
        """Communes sharing this postal code, most populated first; [] if none."""
        return list(self._by_postal_code.get(code_postal.strip(), ()))

    def departement_name(self, code: str) -> str | None:
        code = code.strip().upper()
        return self._departements.get(code) or self._departements.get(code.zfill(2))

    def search(self, text: str, limit: int = 20) -> list[Commune]:
        """Name search ignoring case, accents, hyphens and "st"/"saint".

        Ranking: exact name, then names starting with the query, then names containing it
        at a word start, then names whose words start with every query word (any order);
        most populated first within each group.
        """
        query = fold(text)
        if not query or limit <= 0:
            return []
        if self._folded is None:
            self._folded = [(fold(c.nom), c) for c in self._communes]
        words = query.split()
        inner = " " + query
        tiers: tuple[list[Commune], ...] = ([], [], [], [])
        for name, commune in self._folded:
            if name.startswith(query):
                tiers[0 if len(name) == len(query) else 1].append(commune)
            elif inner in name:
                tiers[2].append(commune)
            elif len(words) > 1 and all(w in name for w in words):  # cheap filter first
                name_words = name.split()
                if all(any(n.startswith(w) for n in name_words) for w in words):
                    tiers[3].append(commune)
        result: list[Commune] = []
        for tier in tiers:
            result.extend(_by_population(tier))
            if len(result) >= limit:
                break
        return result[:limit]


@functools.lru_cache(maxsize=1)
def get_registry() -> CommuneRegistry:
    """The packaged registry, loaded once per process."""
    return CommuneRegistry.load()


def clean_commune_fields(
    code_postal: str | None, commune_insee: str | None, values: dict[str, Any], errors: dict[str, str]
) -> None:
    """Fill ``code_postal``, ``commune_insee`` and ``commune_nom`` of a form's ``values`` from
    what was typed, or put the French message under the field in ``errors``. A postal code
    shared by several communes needs the INSEE code of the chosen one."""
    code = (code_postal or "").replace(" ", "").strip()
    insee = (commune_insee or "").strip() or None
    values.update(code_postal=None, commune_insee=None, commune_nom=None)
    registry = get_registry()
    if not code:
        if insee:
            commune = registry.by_insee(insee)
            if commune is None:
                errors["commune_insee"] = "Commune inconnue."
            else:
                values.update(commune_insee=commune.insee, commune_nom=commune.nom)
        return
    if not is_valid_postal_code_format(code):
        errors["code_postal"] = "Le code postal compte 5 chiffres (exemple : 34150)."
        return
    communes = registry.for_postal_code(code)
    if not communes:
        errors["code_postal"] = f"Aucune commune ne correspond au code postal {code}."
        return
    values["code_postal"] = code
    if insee is None and len(communes) == 1:
        insee = communes[0].insee
    chosen = next((c for c in communes if c.insee == insee), None)
    if chosen is None:
        if insee is None:
            errors["commune_insee"] = f"Choisissez la commune : le code postal {code} en regroupe plusieurs."
        else:
            errors["commune_insee"] = f"Cette commune n'a pas le code postal {code}."
        return
    values.update(commune_insee=chosen.insee, commune_nom=chosen.nom)
