"""What Escale holds about one person, gathered from every area of the application.

Each area registers a *section provider* (for the right of access: the person file, visits
with their notes, ateliers, tournées…) and, when it stores free text or identifying data
about a person, an *anonymiser* (for the end of retention and erasure requests). The people
file registers its own in desktop_app.rights; later areas add theirs when imported, so the
export and the anonymisation never forget a table.

Values stay typed (dates, booleans, numbers): the PDF formats them in French, the JSON
keeps ISO dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

Value = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Section:
    """One part of the person's file: label/value pairs, a table, or both."""

    title: str
    fields: Sequence[tuple[str, Value]] = ()
    columns: Sequence[str] = ()
    rows: Sequence[Sequence[Value]] = ()
    widths: Sequence[float] = ()  # relative column widths of the table (equal when empty)
    empty_text: str = "Aucune donnée."
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"titre": self.title}
        if self.fields:
            out["champs"] = {label: _json_value(v) for label, v in self.fields}
        if self.columns:
            out["colonnes"] = list(self.columns)
            out["lignes"] = [[_json_value(v) for v in row] for row in self.rows]
        if self.note:
            out["note"] = self.note
        return out


def _json_value(value: Value) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


SectionProvider = Callable[[Session, int], Sequence[Section]]
Anonymiser = Callable[[Session, Sequence[int]], Mapping[int, Sequence[str]]]


@dataclass
class _Registry:
    providers: dict[str, tuple[int, SectionProvider]] = field(default_factory=dict)
    anonymisers: dict[str, Anonymiser] = field(default_factory=dict)


_REGISTRY = _Registry()


def register_sections(key: str, provider: SectionProvider, order: int = 100) -> None:
    """Add (or replace, by key) the sections an area contributes to a person's file.
    ``order`` places them: the people file uses 10–30, the audit trail 900."""
    _REGISTRY.providers[key] = (order, provider)


def register_anonymiser(key: str, anonymiser: Anonymiser) -> None:
    """Add (or replace) a function that removes identifying data an area stores about some
    people (a batch: a few statements for all of them); it returns, per person id, the
    names of what it cleared (for each person's audit entry)."""
    _REGISTRY.anonymisers[key] = anonymiser


def sections_for(session: Session, person_id: int) -> list[Section]:
    out: list[Section] = []
    for _order, provider in sorted(_REGISTRY.providers.values(), key=lambda item: item[0]):
        out.extend(provider(session, person_id))
    return out


def anonymise_everywhere(session: Session, person_ids: Sequence[int]) -> dict[int, list[str]]:
    cleared: dict[int, list[str]] = {pid: [] for pid in person_ids}
    for key in sorted(_REGISTRY.anonymisers):
        for pid, names in _REGISTRY.anonymisers[key](session, person_ids).items():
            cleared.setdefault(pid, []).extend(names)
    return cleared
