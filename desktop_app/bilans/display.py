"""French display of published values, shared by the screen and the PDF (the XLSX and JSON
keep the numbers as numbers)."""

from __future__ import annotations

from desktop_app.bilans.records import KeyFigure, Value
from desktop_app.formatting import number_fr


def value_fr(value: Value, fmt: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if fmt == "y":
        return str(value)
    if fmt == "€":
        return f"{number_fr(value, 2)} €"
    if fmt == "%":
        return f"{number_fr(value, 1)} %"
    if fmt == "h":
        return f"{number_fr(value, 1)} h"
    if fmt == "d":
        return number_fr(value, 2)
    if isinstance(value, float) and not value.is_integer():
        return number_fr(value, 1)
    return number_fr(value)


def figure_fr(fig: KeyFigure) -> str:
    if isinstance(fig.value, str) or fig.value is None:
        return value_fr(fig.value)
    if fig.unit == "€":
        return value_fr(fig.value, "€")
    text = value_fr(fig.value, "h" if fig.unit == "h" else "")
    return text if fig.unit in ("", "h") else f"{text} {fig.unit}"
