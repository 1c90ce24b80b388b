"""The bilan as plain figures: what every output (screen, PDF, XLSX, JSON) prints.

A bilan is a list of sections; a section holds key figures, tables and charts whose
values are already published: a count of people below the small-count threshold is the
text « < 5 », never the number (see ``suppress``). Nothing here names a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# A published cell: a number, a text (label, « < 5 ») or nothing.
Value = int | float | str | None


@dataclass(frozen=True)
class Period:
    debut: dt.date
    fin: dt.date

    @classmethod
    def year(cls, annee: int) -> Period:
        return cls(dt.date(annee, 1, 1), dt.date(annee, 12, 31))

    @property
    def is_calendar_year(self) -> bool:
        return (self.debut.month, self.debut.day, self.fin.month, self.fin.day) == (1, 1, 12, 31) \
            and self.debut.year == self.fin.year

    @property
    def label(self) -> str:
        if self.is_calendar_year:
            return f"année {self.debut.year}"
        return f"du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"

    @property
    def key(self) -> str:
        return f"{self.debut.isoformat()}_{self.fin.isoformat()}"


@dataclass(frozen=True)
class Scope:
    """Everything (``financeur_id`` None) or one financeur's funded actions and conventions."""

    financeur_id: int | None = None
    financeur_nom: str | None = None

    @property
    def key(self) -> str:
        return "tous" if self.financeur_id is None else f"financeur:{self.financeur_id}"

    @property
    def label(self) -> str:
        return "Toutes les activités" if self.financeur_nom is None else f"Financeur : {self.financeur_nom}"


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: Value
    unit: str = ""


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: tuple[Value, ...] | None = None  # the « Total » row, printed last
    widths: tuple[float, ...] = ()  # relative widths for the PDF
    formats: tuple[str, ...] = ()  # per column: "" as is, "h" hours, "%" percent, "€" euros, "d" 2 decimals, "y" a year


@dataclass(frozen=True)
class Chart:
    key: str
    kind: str  # "bar" or "pie"
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    note: str = ""  # e.g. categories left out because masked


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: tuple[KeyFigure, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    paragraphs: tuple[tuple[str, str], ...] = ()  # (heading, text): the narrative
    notes: tuple[str, ...] = ()  # definitions and scope remarks printed under the section


@dataclass(frozen=True)
class Bilan:
    service_nom: str
    periode: Period
    scope: Scope
    seuil: int
    sections: tuple[Section, ...] = field(default_factory=tuple)
    summary: tuple[KeyFigure, ...] = ()

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
