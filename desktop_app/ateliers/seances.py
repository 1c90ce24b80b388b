"""Use cases of an action's séances: generate them from a rule, add, move, cancel (the row
stays, with its reason), restore, mark as held, and delete a mistaken one that has no
attendance. Every write first looks for clashes of place or animateur; they are raised
as :class:`OverlapSuspected` unless the coordinator confirmed them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.base import utcnow
from db.engine import Database
from db.models import AtelierAction, AtelierPresence, AtelierSatisfaction, AtelierSeance
from db.models.ateliers import StatutAction, StatutSeance
from db.models.ateliers_participation import StatutPresence
from desktop_app.actor import Actor
from desktop_app.ateliers import schedule
from desktop_app.ateliers.common import load_action, load_seance, seance_numbers
from desktop_app.ateliers.overlaps import Slot, find_overlaps
from desktop_app.ateliers.records import (
    GenerationPreview,
    OverlapSuspected,
    SeanceInput,
    SeanceRow,
    SeanceRule,
    SkippedDate,
)
from desktop_app.ateliers.validate import clean_rule, clean_seance
from desktop_app.errors import Conflict, Refused, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.validation import FieldError, clean_text


class SeanceService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_seances(self, actor: Actor, action_id: int) -> list[SeanceRow]:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            action = load_action(s, action_id)
            return self._rows(s, action)

    # ----- generation ----------------------------------------------------------------
    def preview(self, actor: Actor, action_id: int, rule: SeanceRule) -> GenerationPreview:
        """What :meth:`generate` would create, what it skips and why, and the clashes."""
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return self._preview(s, load_action(s, action_id), rule)

    def generate(self, actor: Actor, action_id: int, rule: SeanceRule, confirm_overlaps: bool = False) -> list[SeanceRow]:
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            action = load_action(s, action_id)
            self._check_open(action)
            preview = self._preview(s, action, rule)
            if not preview.slots:
                raise ValidationError.single("premier_jour", "Aucune séance à créer avec cette règle (dates exclues ou fériées).")
            if preview.overlaps and not confirm_overlaps:
                raise OverlapSuspected(preview.overlaps)
            for debut, fin in preview.slots:
                s.add(AtelierSeance(action_id=action.id, debut=debut, fin=fin, statut=StatutSeance.PREVUE))
            s.flush()
            audit.record(
                s, actor, "generation_seances", "atelier_action", action.id,
                detail=f"{len(preview.slots)} séances ; {len(preview.skipped)} dates sautées",
            )
            return self._rows(s, action)

    def _preview(self, s: Session, action: AtelierAction, rule: SeanceRule) -> GenerationPreview:
        clean = clean_rule(rule, (action.date_debut, action.date_fin))
        taken = s.scalars(
            select(AtelierSeance.debut).where(
                AtelierSeance.action_id == action.id, AtelierSeance.statut != StatutSeance.ANNULEE)
        ).all()
        already = frozenset(d.date() for d in taken if d.time() == clean.heure_debut)
        days, skipped = schedule.generate_dates(clean, already)
        slots = schedule.slots(clean, days)
        overlaps = find_overlaps(s, [Slot(a, b, action.lieu, action.animateur) for a, b in slots])
        return GenerationPreview(slots, [SkippedDate(d, r) for d, r in skipped], overlaps)

    # ----- single séances ------------------------------------------------------------
    def add(self, actor: Actor, action_id: int, data: SeanceInput, confirm_overlaps: bool = False) -> SeanceRow:
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            action = load_action(s, action_id)
            self._check_open(action)
            values = clean_seance(data, (action.date_debut, action.date_fin))
            self._check_overlaps(s, action, values, (), confirm_overlaps)
            seance = AtelierSeance(action_id=action.id, statut=StatutSeance.PREVUE, **values)
            s.add(seance)
            s.flush()
            audit.record(s, actor, "ajout_seance", "atelier_seance", seance.id, detail=f"{values['debut']:%d/%m/%Y %H:%M}")
            return self._row(s, action, seance)

    def update(
        self, actor: Actor, seance_id: int, expected_version: int, data: SeanceInput, confirm_overlaps: bool = False
    ) -> SeanceRow:
        """Edit or move one séance (date, times, place, animateur)."""
        require(actor, Perm.ATELIERS_WRITE)
        try:
            with self.db.uow() as s:
                seance = load_seance(s, seance_id)
                if seance.version_id != expected_version:
                    raise Conflict()
                if seance.statut == StatutSeance.ANNULEE:
                    raise Refused("Cette séance est annulée : rétablissez-la avant de la modifier.")
                action = load_action(s, seance.action_id)
                values = clean_seance(data, (action.date_debut, action.date_fin))
                self._check_overlaps(s, action, values, (seance.id,), confirm_overlaps)
                before = f"{seance.debut:%d/%m/%Y %H:%M}"
                changed = [k for k, v in values.items() if getattr(seance, k) != v]
                for key, value in values.items():
                    setattr(seance, key, value)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification_seance", "atelier_seance", seance.id, fields=changed,
                                 detail=f"était le {before}")
                return self._row(s, action, seance)
        except StaleDataError as exc:
            raise Conflict() from exc

    def cancel(self, actor: Actor, seance_id: int, motif: str) -> SeanceRow:
        require(actor, Perm.ATELIERS_WRITE)
        try:
            reason = clean_text(motif, 300)
        except FieldError as exc:
            raise ValidationError.single("motif", str(exc)) from exc
        if not reason:
            raise ValidationError.single("motif", "Indiquez le motif de l'annulation (il reste dans l'historique).")
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            if seance.statut == StatutSeance.ANNULEE:
                raise Refused("Cette séance est déjà annulée.")
            seance.statut, seance.motif_annulation, seance.annulee_le = StatutSeance.ANNULEE, reason, utcnow()
            s.flush()
            audit.record(s, actor, "annulation_seance", "atelier_seance", seance.id, detail=reason)
            return self._row(s, load_action(s, seance.action_id), seance)

    def restore(self, actor: Actor, seance_id: int) -> SeanceRow:
        """Undo a cancellation; the former reason stays in the audit trail."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            if seance.statut != StatutSeance.ANNULEE:
                raise Refused("Cette séance n'est pas annulée.")
            has_attendance = s.scalar(select(func.count()).where(AtelierPresence.seance_id == seance.id))
            seance.statut = StatutSeance.REALISEE if has_attendance else StatutSeance.PREVUE
            seance.motif_annulation, seance.annulee_le = None, None
            s.flush()
            audit.record(s, actor, "retablissement_seance", "atelier_seance", seance.id)
            return self._row(s, load_action(s, seance.action_id), seance)

    def mark_held(self, actor: Actor, seance_id: int, held: bool = True) -> SeanceRow:
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            if seance.statut == StatutSeance.ANNULEE:
                raise Refused("Cette séance est annulée : rétablissez-la d'abord.")
            if held and seance.debut.date() > dt.date.today():
                raise Refused(f"La séance du {date_fr(seance.debut)} n'a pas encore eu lieu.")
            seance.statut = StatutSeance.REALISEE if held else StatutSeance.PREVUE
            s.flush()
            audit.record(s, actor, "seance_realisee" if held else "seance_prevue", "atelier_seance", seance.id)
            return self._row(s, load_action(s, seance.action_id), seance)

    def delete(self, actor: Actor, seance_id: int) -> None:
        """Remove a séance created by mistake. One with attendance or scores is cancelled
        instead, so its history stays."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            used = s.scalar(select(func.count()).where(AtelierPresence.seance_id == seance.id)) or s.scalar(
                select(func.count()).where(AtelierSatisfaction.seance_id == seance.id))
            if used:
                raise Refused("Cette séance a des présences ou des avis enregistrés : annulez-la plutôt que de la supprimer.")
            audit.record(s, actor, "suppression_seance", "atelier_seance", seance.id,
                         detail=f"{seance.debut:%d/%m/%Y %H:%M}")
            s.delete(seance)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _check_open(action: AtelierAction) -> None:
        if action.statut == StatutAction.ANNULE:
            raise Refused("Cet atelier est annulé : on ne peut plus lui ajouter de séances.")

    @staticmethod
    def _check_overlaps(s: Session, action: AtelierAction, values: dict, exclude: tuple[int, ...], confirmed: bool) -> None:  # type: ignore[type-arg]
        slot = Slot(values["debut"], values["fin"], values["lieu"] or action.lieu, values["animateur"] or action.animateur)
        warnings = find_overlaps(s, [slot], exclude)
        if warnings and not confirmed:
            raise OverlapSuspected(warnings)

    def _rows(self, s: Session, action: AtelierAction) -> list[SeanceRow]:
        seances = s.scalars(
            select(AtelierSeance).where(AtelierSeance.action_id == action.id).order_by(AtelierSeance.debut, AtelierSeance.id)
        ).all()
        presents = dict(
            s.execute(
                select(AtelierPresence.seance_id, func.count())
                .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
                .where(AtelierSeance.action_id == action.id, AtelierPresence.statut == StatutPresence.PRESENT)
                .group_by(AtelierPresence.seance_id)
            ).all()
        )
        numbers = seance_numbers(s, action.id)
        return [self._make_row(action, x, numbers.get(x.id, 0), presents.get(x.id, 0)) for x in seances]

    def _row(self, s: Session, action: AtelierAction, seance: AtelierSeance) -> SeanceRow:
        present = s.scalar(select(func.count()).where(
            AtelierPresence.seance_id == seance.id, AtelierPresence.statut == StatutPresence.PRESENT)) or 0
        return self._make_row(action, seance, seance_numbers(s, action.id).get(seance.id, 0), present)

    @staticmethod
    def _make_row(action: AtelierAction, x: AtelierSeance, numero: int, presents: int) -> SeanceRow:
        return SeanceRow(
            id=x.id, version_id=x.version_id, action_id=x.action_id, numero=numero, debut=x.debut, fin=x.fin,
            lieu=x.lieu or action.lieu, animateur=x.animateur or action.animateur, lieu_propre=x.lieu is not None,
            statut=x.statut, motif_annulation=x.motif_annulation, presents=presents,
        )
