"""Satisfaction: a smiley 1–5 per participant per séance, and a short questionnaire (items
editable per action) answered at the first and the last séance — sometimes three months
later. The summary gives the mean, the distribution and the before/after of each item."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AtelierInscription,
    AtelierPresence,
    AtelierQuestion,
    AtelierReponse,
    AtelierSatisfaction,
    AtelierSeance,
    Person,
)
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import MomentQuestionnaire, StatutInscription, StatutPresence
from desktop_app.actor import Actor
from desktop_app.ateliers.common import display_name, load_action, load_person, load_seance
from desktop_app.ateliers.records import (
    QuestionRow,
    QuestionSummary,
    SatisfactionEntry,
    SatisfactionSummary,
)
from desktop_app.errors import NotFound, Refused, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.validation import FieldError, clean_text


def _note(value: int | str | None, field: str = "note") -> int | None:
    if value in (None, ""):
        return None
    try:
        note = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValidationError.single(field, "La note va de 1 (très déçu) à 5 (très content).") from exc
    if not 1 <= note <= 5:
        raise ValidationError.single(field, "La note va de 1 (très déçu) à 5 (très content).")
    return note


def _mean(total: float | None, n: int) -> float | None:
    return float(total) / n if n and total is not None else None


class SatisfactionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- smileys per séance --------------------------------------------------------
    def entries(self, actor: Actor, seance_id: int) -> list[SatisfactionEntry]:
        """The people of a séance (present first) with their score, for the entry screen."""
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            seance = load_seance(s, seance_id)
            presence = dict(s.execute(select(AtelierPresence.person_id, AtelierPresence.statut)
                                      .where(AtelierPresence.seance_id == seance.id)).all())
            notes = dict(s.execute(select(AtelierSatisfaction.person_id, AtelierSatisfaction.note)
                                   .where(AtelierSatisfaction.seance_id == seance.id)).all())
            registered = set(s.scalars(select(AtelierInscription.person_id).where(
                AtelierInscription.action_id == seance.action_id,
                AtelierInscription.statut == StatutInscription.INSCRIT)))
            ids = registered | presence.keys() | notes.keys()
            people = s.execute(select(Person.id, Person.nom, Person.prenom).where(Person.id.in_(ids))).all()
            rows = [SatisfactionEntry(pid, display_name(nom, prenom), presence.get(pid), notes.get(pid))
                    for pid, nom, prenom in people]
            rows.sort(key=lambda e: (e.presence != StatutPresence.PRESENT, e.nom))
            return rows

    def set_note(self, actor: Actor, seance_id: int, person_id: int, note: int | str | None) -> None:
        require(actor, Perm.ATELIERS_WRITE)
        value = _note(note)
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            if seance.statut == StatutSeance.ANNULEE:
                raise Refused("Cette séance est annulée : elle ne reçoit pas d'avis.")
            load_person(s, person_id)
            row = s.scalar(select(AtelierSatisfaction).where(
                AtelierSatisfaction.seance_id == seance.id, AtelierSatisfaction.person_id == person_id))
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(AtelierSatisfaction(seance_id=seance.id, person_id=person_id, note=value))
            else:
                row.note = value
            audit.record(s, actor, "satisfaction", "atelier_seance", seance.id, person_id=person_id, detail=str(value or ""))

    # ----- questionnaire items -------------------------------------------------------
    def questions(self, actor: Actor, action_id: int, include_inactive: bool = False) -> list[QuestionRow]:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            stmt = select(AtelierQuestion).where(AtelierQuestion.action_id == action_id).order_by(
                AtelierQuestion.ordre, AtelierQuestion.id)
            if not include_inactive:
                stmt = stmt.where(AtelierQuestion.actif.is_(True))
            return [QuestionRow(q.id, q.ordre, q.libelle, q.actif) for q in s.scalars(stmt)]

    def save_question(
        self, actor: Actor, action_id: int, libelle: str, question_id: int | None = None, actif: bool = True
    ) -> QuestionRow:
        """Add an item, or reword / (de)activate one. Answered items are deactivated, never
        deleted, so past answers keep their wording."""
        require(actor, Perm.ATELIERS_WRITE)
        try:
            text = clean_text(libelle, 200)
        except FieldError as exc:
            raise ValidationError.single("libelle", str(exc)) from exc
        if not text:
            raise ValidationError.single("libelle", "Le libellé de la question est obligatoire.")
        with self.db.uow() as s:
            load_action(s, action_id)
            q: AtelierQuestion | None
            if question_id is None:
                last = s.scalar(select(func.max(AtelierQuestion.ordre)).where(AtelierQuestion.action_id == action_id))
                q = AtelierQuestion(action_id=action_id, ordre=(last or 0) + 1, libelle=text, actif=actif)
                s.add(q)
            else:
                q = s.get(AtelierQuestion, question_id)
                if q is None or q.action_id != action_id:
                    raise NotFound("Cette question n'existe pas ou plus.")
                q.libelle, q.actif = text, actif
            s.flush()
            return QuestionRow(q.id, q.ordre, q.libelle, q.actif)

    def record_answers(
        self, actor: Actor, action_id: int, person_id: int, moment: str, notes: dict[int, int | str | None],
        on: dt.date | None = None,
    ) -> None:
        """One person's answers at a moment (début / fin / suivi); None clears an answer."""
        require(actor, Perm.ATELIERS_WRITE)
        try:
            when = str(MomentQuestionnaire(moment))
        except ValueError as exc:
            raise ValidationError.single("moment", "Choisissez le moment : première séance, dernière séance ou suivi.") from exc
        clean = {qid: _note(v, f"question_{qid}") for qid, v in notes.items()}
        with self.db.uow() as s:
            load_action(s, action_id)
            load_person(s, person_id)
            valid = set(s.scalars(select(AtelierQuestion.id).where(AtelierQuestion.action_id == action_id)))
            existing = {r.question_id: r for r in s.scalars(select(AtelierReponse).where(
                AtelierReponse.person_id == person_id, AtelierReponse.moment == when,
                AtelierReponse.question_id.in_(list(clean))))}
            for qid, note in clean.items():
                if qid not in valid:
                    raise NotFound("Cette question n'appartient pas à cet atelier.")
                row = existing.get(qid)
                if note is None:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(AtelierReponse(question_id=qid, person_id=person_id, moment=when, note=note,
                                         repondu_le=on or dt.date.today()))
                else:
                    row.note = note
            audit.record(s, actor, "questionnaire", "atelier_action", action_id, person_id=person_id, detail=when)

    def answers(self, actor: Actor, action_id: int, person_id: int, moment: str) -> dict[int, int]:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return dict(s.execute(
                select(AtelierReponse.question_id, AtelierReponse.note)
                .join(AtelierQuestion, AtelierQuestion.id == AtelierReponse.question_id)
                .where(AtelierQuestion.action_id == action_id, AtelierReponse.person_id == person_id,
                       AtelierReponse.moment == moment)
            ).all())

    # ----- summary -------------------------------------------------------------------
    def summary(self, actor: Actor, action_id: int) -> SatisfactionSummary:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            load_action(s, action_id)
            return summarize(s, action_id)


def summarize(s: Session, action_id: int) -> SatisfactionSummary:
    distribution = {i: 0 for i in range(1, 6)}
    for note, n in s.execute(
        select(AtelierSatisfaction.note, func.count())
        .join(AtelierSeance, AtelierSeance.id == AtelierSatisfaction.seance_id)
        .where(AtelierSeance.action_id == action_id, AtelierSeance.statut != StatutSeance.ANNULEE)
        .group_by(AtelierSatisfaction.note)
    ):
        distribution[int(note)] = int(n)
    total = sum(distribution.values())
    mean = sum(k * v for k, v in distribution.items()) / total if total else None
    per_seance = [
        (sid, debut, _mean(sm, int(n)), int(n))
        for sid, debut, sm, n in s.execute(
            select(AtelierSeance.id, AtelierSeance.debut, func.sum(AtelierSatisfaction.note), func.count(AtelierSatisfaction.id))
            .outerjoin(AtelierSatisfaction, AtelierSatisfaction.seance_id == AtelierSeance.id)
            .where(AtelierSeance.action_id == action_id, AtelierSeance.statut != StatutSeance.ANNULEE)
            .group_by(AtelierSeance.id, AtelierSeance.debut)
            .order_by(AtelierSeance.debut)
        )
    ]
    stats: dict[tuple[int, str], tuple[float, int]] = {
        (qid, moment): (float(sm), int(n))
        for qid, moment, sm, n in s.execute(
            select(AtelierReponse.question_id, AtelierReponse.moment, func.sum(AtelierReponse.note), func.count())
            .join(AtelierQuestion, AtelierQuestion.id == AtelierReponse.question_id)
            .where(AtelierQuestion.action_id == action_id)
            .group_by(AtelierReponse.question_id, AtelierReponse.moment)
        )
    }
    questionnaire = []
    for q in s.scalars(select(AtelierQuestion).where(AtelierQuestion.action_id == action_id)
                       .order_by(AtelierQuestion.ordre, AtelierQuestion.id)):
        before = stats.get((q.id, MomentQuestionnaire.DEBUT), (0.0, 0))
        after = stats.get((q.id, MomentQuestionnaire.FIN), (0.0, 0))
        if not q.actif and not before[1] and not after[1]:
            continue
        questionnaire.append(QuestionSummary(q.id, q.libelle, _mean(before[0], before[1]), before[1],
                                             _mean(after[0], after[1]), after[1]))
    return SatisfactionSummary(mean, total, distribution, per_seance, questionnaire)
