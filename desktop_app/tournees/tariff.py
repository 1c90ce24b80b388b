"""The communes' subscription tariff: a price per passage that depends on how many
passages the commune orders in the year.

The grid is editable (the seed only says « de 150 euros pour un passage annuel à 90 euros
par passage au-delà de quatre par an »; the prices for two to four passages are not
public). A grid row applies from its ``min_passages`` up to the next row; the amount due
is passages × the price of the applicable row. A découverte passage is free and never
counted. When the applicable price is not set the computation refuses, naming the row to
fill in, rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.errors import Refused
from desktop_app.formatting import amount_fr

SEED_GRID: tuple[tuple[int, Decimal | None], ...] = (
    (1, Decimal("150.00")),
    (2, None),
    (3, None),
    (4, None),
    (5, Decimal("90.00")),
)


@dataclass(frozen=True)
class TariffRow:
    min_passages: int
    prix_par_passage: Decimal | None

    @property
    def label(self) -> str:
        return f"{self.min_passages} passage{'s' if self.min_passages > 1 else ''} par an"


def row_label(grid: Sequence[TariffRow], row: TariffRow) -> str:
    higher = [r.min_passages for r in grid if r.min_passages > row.min_passages]
    if not higher:
        return f"{row.min_passages} passages par an et plus" if row.min_passages > 1 else "1 passage par an et plus"
    upper = min(higher) - 1
    if upper == row.min_passages:
        return row.label
    return f"{row.min_passages} à {upper} passages par an"


def price_per_passage(passages: int, grid: Sequence[TariffRow]) -> Decimal:
    applicable = [r for r in grid if r.min_passages <= passages]
    if not applicable:
        raise Refused(f"La grille tarifaire n'a pas de ligne pour {passages} passage(s) par an : "
                      "ajoutez-la dans Tournées › Tarifs.")
    row = max(applicable, key=lambda r: r.min_passages)
    if row.prix_par_passage is None:
        raise Refused(f"Le prix par passage pour « {row_label(grid, row)} » n'est pas fixé dans la grille "
                      f"tarifaire : saisissez-le dans Tournées › Tarifs avant de calculer le montant "
                      f"d'une convention de {passages} passages.")
    return row.prix_par_passage


def amount_due(passages: int, grid: Sequence[TariffRow]) -> Decimal:
    """Amount for the passages ordered in a year (0 for a découverte-only convention)."""
    if passages < 0:
        raise Refused("Le nombre de passages ne peut pas être négatif.")
    if passages == 0:
        return Decimal("0.00")
    return (price_per_passage(passages, grid) * passages).quantize(Decimal("0.01"))


def explain(passages: int, grid: Sequence[TariffRow]) -> str:
    """« 6 passages × 90,00 € = 540,00 € »."""
    if passages == 0:
        return "Découverte seule : gratuit"
    price = price_per_passage(passages, grid)
    return f"{passages} passage{'s' if passages > 1 else ''} × {amount_fr(price)} = {amount_fr(amount_due(passages, grid))}"
