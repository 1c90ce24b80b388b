"""Small-count suppression (« secret statistique »).

A count of people ``n`` with ``0 < n < seuil`` is published as « < seuil ». So that a
masked cell cannot be recomputed from its total, a breakdown with exactly one masked cell
masks a second one too: the smallest remaining non-zero cell (the first one on a tie).
A total below the threshold is masked, and then so is every non-zero cell under it.
Zero is published as 0: it singles nobody out.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.bilans.records import Value


def masked(seuil: int) -> str:
    return f"< {seuil}"


def cell(n: int, seuil: int) -> Value:
    """One count of people on its own (no total to protect)."""
    return masked(seuil) if 0 < n < seuil else n


def breakdown(counts: Sequence[int], total: int, seuil: int) -> tuple[list[Value], Value]:
    """The published cells of a breakdown summing to ``total``, and the published total."""
    hidden = [0 < n < seuil for n in counts]
    total_hidden = 0 < total < seuil
    if total_hidden:
        hidden = [n > 0 for n in counts]
    elif sum(hidden) == 1:
        candidates = [(n, i) for i, n in enumerate(counts) if n > 0 and not hidden[i]]
        if candidates:
            hidden[min(candidates)[1]] = True
    cells: list[Value] = [masked(seuil) if h else n for n, h in zip(counts, hidden, strict=True)]
    return cells, masked(seuil) if total_hidden else total


def column(counts: Sequence[int], seuil: int) -> tuple[list[Value], Value]:
    """A column of a table whose total row is the sum of its cells (same rules)."""
    return breakdown(counts, sum(counts), seuil)
