"""The coordinator's narrative of a bilan: read, saved (audited) and turned into a section."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.models import BilanNarrative
from desktop_app.actor import Actor
from desktop_app.bilans.records import Period, Scope, Section
from desktop_app.errors import Conflict, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require

FIELDS = (("objectifs", "Objectifs"), ("faits_marquants", "Faits marquants"),
          ("difficultes", "Difficultés rencontrées"), ("temoignages", "Témoignages"))
MAX_CHARS = 20_000


@dataclass(frozen=True)
class Narrative:
    objectifs: str = ""
    faits_marquants: str = ""
    difficultes: str = ""
    temoignages: str = ""
    version_id: int = 0  # 0: never saved


class NarrativeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, actor: Actor, period: Period, scope: Scope) -> Narrative:
        require(actor, Perm.BILANS)
        with self.db.read() as s:
            row = self._row(s, period, scope)
            return self._view(row) if row is not None else Narrative()

    def save(self, actor: Actor, period: Period, scope: Scope, text: Narrative) -> Narrative:
        require(actor, Perm.BILANS)
        values = {key: getattr(text, key).strip() for key, _label in FIELDS}
        errors = {key: f"{label} : {MAX_CHARS} caractères au plus." for key, label in FIELDS
                  if len(values[key]) > MAX_CHARS}
        if errors:
            raise ValidationError(errors)
        try:
            with self.db.uow() as s:
                row = self._row(s, period, scope)
                if row is None:
                    row = BilanNarrative(periode_debut=period.debut, periode_fin=period.fin, perimetre=scope.key,
                                         **values)
                    s.add(row)
                    s.flush()
                    audit.record(s, actor, "creation", "bilan_narrative", row.id,
                                 fields=[k for k, v in values.items() if v], detail=f"{period.key} {scope.key}")
                    return self._view(row)
                if row.version_id != text.version_id:
                    raise Conflict()
                changed = [k for k, v in values.items() if getattr(row, k) != v]
                for key, value in values.items():
                    setattr(row, key, value)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "bilan_narrative", row.id, fields=changed,
                                 detail=f"{period.key} {scope.key}")
                return self._view(row)
        except StaleDataError as exc:
            raise Conflict() from exc

    @staticmethod
    def _row(s, period: Period, scope: Scope) -> BilanNarrative | None:  # type: ignore[no-untyped-def]
        return s.scalar(select(BilanNarrative).where(
            BilanNarrative.periode_debut == period.debut, BilanNarrative.periode_fin == period.fin,
            BilanNarrative.perimetre == scope.key))

    @staticmethod
    def _view(row: BilanNarrative) -> Narrative:
        return Narrative(row.objectifs, row.faits_marquants, row.difficultes, row.temoignages, row.version_id)


def section(text: Narrative) -> Section:
    paragraphs = tuple((label, getattr(text, key)) for key, label in FIELDS if getattr(text, key))
    notes = () if paragraphs else ("Aucun texte saisi pour ce bilan.",)
    return Section("recit", "Récit de l'année", paragraphs=paragraphs, notes=notes)
