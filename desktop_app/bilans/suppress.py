"""Small-count suppression (« secret statistique »).

A count of people ``n`` with ``0 < n < seuil`` is published as « < seuil ». So that a
masked cell cannot be recomputed from its total, a breakdown with exactly one masked cell
masks a second one too: the smallest remaining non-zero cell (the first one on a tie), shown
« masqué » (it is not below the threshold, so « < 5 » would be untrue).
A total below the threshold is masked, and then so is every non-zero cell under it.
Zero is published as 0: it singles nobody out.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.bilans.records import Value

SECONDARY = "masqué"


def masked(seuil: int) -> str:
    return f"< {seuil}"


def cell(n: int, seuil: int) -> Value:
    """One count of people on its own (no total to protect)."""
    return masked(seuil) if 0 < n < seuil else n


def breakdown(counts: Sequence[int], total: int, seuil: int) -> tuple[list[Value], Value]:
    """The published cells of a breakdown summing to ``total``, and the published total."""
    total_hidden = 0 < total < seuil
    cells: list[Value] = [masked(seuil) if 0 < n < seuil or (total_hidden and n > 0) else n for n in counts]
    if not total_hidden and sum(isinstance(c, str) for c in cells) == 1:
        candidates = [(n, i) for i, (n, c) in enumerate(zip(counts, cells, strict=True)) if n > 0 and not isinstance(c, str)]
        if candidates:
            cells[min(candidates)[1]] = SECONDARY
    return cells, masked(seuil) if total_hidden else total


def column(counts: Sequence[int], seuil: int) -> tuple[list[Value], Value]:
    """A column of a table whose total row is the sum of its cells (same rules)."""
    return breakdown(counts, sum(counts), seuil)
