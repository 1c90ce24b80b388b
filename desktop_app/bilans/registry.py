"""The sections of a bilan, in print order. A new activity adds one entry here (a key and a
function from the context to a :class:`Section`), not a rewrite of the outputs: the screen,
PDF, XLSX and JSON print whatever sections they are given."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.bilans import (
    ateliers_section,
    funding_section,
    people_section,
    tournees_section,
    visits_section,
)
from desktop_app.bilans.context import BilanContext
from desktop_app.bilans.records import Section

SectionBuilder = Callable[[BilanContext], Section]

SECTIONS: list[tuple[str, SectionBuilder]] = [
    ("personnes", people_section.compute),
    ("ateliers", ateliers_section.compute),
    ("visites", visits_section.compute),
    ("tournees", tournees_section.compute),
    ("financements", funding_section.compute),
]
