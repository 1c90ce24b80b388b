"""Use cases of the actions themselves: the theme reference table, creating and editing an
atelier (cycle or one-off), and the list with inscrits and en attente counted apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields as dc_fields
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.models import (
    AtelierAction,
    AtelierInscription,
    AtelierQuestion,
    AtelierSeance,
    AtelierTheme,
)
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutInscription
from desktop_app.actor import Actor
from desktop_app.ateliers import links
from desktop_app.ateliers.common import counts, load_action
from desktop_app.ateliers.records import (
    ActionDetail,
    ActionFormChoices,
    ActionInput,
    ActionRow,
    Choice,
    ThemeRow,
)
from desktop_app.ateliers.validate import clean_action
from desktop_app.errors import Conflict, NotFound, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.text import fold
from desktop_app.validation import FieldError, clean_text

DEFAULT_QUESTIONS = (
    "Je me sens en forme au quotidien",
    "Je me sens entouré(e), je vois du monde",
    "Je connais les conseils et les gestes abordés dans l'atelier",
    "Je me sens capable d'agir pour ma santé et mon bien-être",
)
_INPUT_NAMES = [f.name for f in dc_fields(ActionInput) if f.name != "financements"]


class ActionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- themes --------------------------------------------------------------------
    def themes(self, actor: Actor, include_inactive: bool = False) -> list[ThemeRow]:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            stmt = select(AtelierTheme).order_by(AtelierTheme.ordre, AtelierTheme.libelle)
            if not include_inactive:
                stmt = stmt.where(AtelierTheme.actif.is_(True))
            return [ThemeRow(t.id, t.code, t.libelle, t.ordre, t.actif) for t in s.scalars(stmt)]

    def save_theme(self, actor: Actor, libelle: str, theme_id: int | None = None, actif: bool = True) -> ThemeRow:
        """Add a theme (theme_id None) or rename / (de)activate one. Themes are never deleted:
        past actions and bilans keep pointing at them."""
        require(actor, Perm.SETTINGS)
        try:
            text = clean_text(libelle, 120)
        except FieldError as exc:
            raise ValidationError.single("libelle", str(exc)) from exc
        if not text:
            raise ValidationError.single("libelle", "Le libellé du thème est obligatoire.")
        with self.db.uow() as s:
            same = s.scalar(select(AtelierTheme).where(func.lower(AtelierTheme.libelle) == text.lower()))
            if same is not None and same.id != theme_id:
                raise ValidationError.single("libelle", f"Le thème « {same.libelle} » existe déjà.")
            theme: AtelierTheme | None
            if theme_id is None:
                code = fold(text).replace(" ", "_")[:36] or "theme"
                while s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == code)) is not None:
                    code += "_"
                last = s.scalar(select(func.max(AtelierTheme.ordre))) or 0
                theme = AtelierTheme(code=code, libelle=text, ordre=last + 1, actif=actif)
                s.add(theme)
            else:
                theme = s.get(AtelierTheme, theme_id)
                if theme is None:
                    raise NotFound("Ce thème n'existe pas ou plus.")
                theme.libelle, theme.actif = text, actif
            s.flush()
            audit.record(s, actor, "theme", "atelier_theme", theme.id, fields=["libelle", "actif"])
            return ThemeRow(theme.id, theme.code, theme.libelle, theme.ordre, theme.actif)

    # ----- actions -------------------------------------------------------------------
    def get(self, actor: Actor, action_id: int) -> ActionDetail:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return self._detail(s, load_action(s, action_id))

    def create(self, actor: Actor, data: ActionInput) -> ActionDetail:
        require(actor, Perm.ATELIERS_WRITE)
        values = clean_action(data)
        funding = links.clean_funding_ids(data.financements)
        with self.db.uow() as s:
            self._check_theme(s, values["theme_id"], None)
            links.check_place(s, values["lieu_partner_id"], None)
            links.check_funding(s, funding)
            action = AtelierAction(**values)
            s.add(action)
            s.flush()
            links.set_funding(s, action.id, funding)
            for i, text in enumerate(DEFAULT_QUESTIONS, start=1):
                s.add(AtelierQuestion(action_id=action.id, ordre=i, libelle=text, actif=True))
            audit.record(s, actor, "creation", "atelier_action", action.id,
                         fields=[*values.keys(), *(["financements"] if funding else [])])
            return self._detail(s, action)

    def update(self, actor: Actor, action_id: int, expected_version: int, data: ActionInput) -> ActionDetail:
        require(actor, Perm.ATELIERS_WRITE)
        values = clean_action(data)
        funding = links.clean_funding_ids(data.financements)
        try:
            with self.db.uow() as s:
                action = load_action(s, action_id)
                if action.version_id != expected_version:
                    raise Conflict()
                self._check_theme(s, values["theme_id"], action.theme_id)
                links.check_place(s, values["lieu_partner_id"], action.lieu_partner_id)
                links.check_funding(s, funding)
                self._check_capacity(s, action, values["capacite"])
                self._check_dates(s, action, values["date_debut"], values["date_fin"])
                changed = [k for k, v in values.items() if getattr(action, k) != v]
                for key, value in values.items():
                    setattr(action, key, value)
                s.flush()
                if links.set_funding(s, action.id, funding):
                    changed.append("financements")
                if changed:
                    audit.record(s, actor, "modification", "atelier_action", action.id, fields=changed)
                return self._detail(s, action)
        except StaleDataError as exc:
            raise Conflict() from exc

    def list_actions(self, actor: Actor, text: str = "", year: int | None = None, statut: str | None = None) -> list[ActionRow]:
        """Every action matching, most recent first, with its counts kept apart."""
        require(actor, Perm.ATELIERS_READ)
        reg = (
            select(
                AtelierInscription.action_id.label("aid"),
                func.sum(case((AtelierInscription.statut == StatutInscription.INSCRIT, 1), else_=0)).label("inscrits"),
                func.sum(case((AtelierInscription.statut == StatutInscription.EN_ATTENTE, 1), else_=0)).label("attente"),
            )
            .group_by(AtelierInscription.action_id)
            .subquery()
        )
        now = dt.datetime.now()
        seances = (
            select(
                AtelierSeance.action_id.label("aid"),
                func.count().label("n"),
                func.min(case((AtelierSeance.debut >= now, AtelierSeance.debut), else_=None)).label("prochaine"),
                func.min(AtelierSeance.debut).label("premiere"),
                func.max(AtelierSeance.debut).label("derniere"),
            )
            .where(AtelierSeance.statut != StatutSeance.ANNULEE)
            .group_by(AtelierSeance.action_id)
            .subquery()
        )
        stmt = (
            select(
                AtelierAction, AtelierTheme.libelle, reg.c.inscrits, reg.c.attente,
                seances.c.n, seances.c.prochaine, seances.c.premiere, seances.c.derniere,
            )
            .join(AtelierTheme, AtelierTheme.id == AtelierAction.theme_id)
            .outerjoin(reg, reg.c.aid == AtelierAction.id)
            .outerjoin(seances, seances.c.aid == AtelierAction.id)
        )
        if statut:
            stmt = stmt.where(AtelierAction.statut == statut)
        words = fold(text).split()
        rows = []
        with self.db.read() as s:
            for action, theme, inscrits, attente, n, prochaine, premiere, derniere in s.execute(stmt):
                debut = action.date_debut or (premiere.date() if premiere else None)
                fin = action.date_fin or (derniere.date() if derniere else None)
                if year is not None and not (debut and debut.year <= year <= (fin or debut).year):
                    continue
                haystack = fold(f"{action.titre} {theme} {action.lieu or ''} {action.animateur or ''}")
                if any(w not in haystack for w in words):
                    continue
                rows.append(ActionRow(
                    id=action.id, titre=action.titre, theme=theme, type_action=action.type_action,
                    statut=action.statut, lieu=action.lieu, animateur=action.animateur,
                    date_debut=debut, date_fin=fin, capacite=action.capacite,
                    inscrits=int(inscrits or 0), en_attente=int(attente or 0), seances=int(n or 0),
                    prochaine_seance=prochaine,
                ))
        rows.sort(key=lambda r: r.titre.lower())
        rows.sort(key=lambda r: r.date_debut or dt.date.min, reverse=True)
        return rows

    def form_choices(self, actor: Actor, action_id: int | None = None) -> ActionFormChoices:
        """Everything the action form lists, in one call (the current place is kept even if
        its partner was archived since)."""
        require(actor, Perm.ATELIERS_WRITE)
        themes = self.themes(actor)
        with self.db.read() as s:
            current = load_action(s, action_id).lieu_partner_id if action_id is not None else None
            return ActionFormChoices(themes, links.funding_choices(s), links.place_choices(s, current))

    def funding_choices(self, actor: Actor) -> list[Choice]:
        """The funding lines an action may be linked to: « Carsat 2026 — 12 000 € — accordé »."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.read() as s:
            return links.funding_choices(s)

    def place_choices(self, actor: Actor, current: int | None = None) -> list[Choice]:
        """The partners whose role is « lieu », for the action's place."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.read() as s:
            return links.place_choices(s, current)

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _check_theme(s: Session, theme_id: int, current: int | None) -> None:
        theme = s.get(AtelierTheme, theme_id)
        if theme is None or (not theme.actif and theme_id != current):
            raise ValidationError.single("theme_id", "Choisissez un thème de la liste.")

    @staticmethod
    def _check_capacity(s: Session, action: AtelierAction, capacite: int | None) -> None:
        if capacite is None:
            return
        inscrits = counts(s, action).inscrits
        if capacite < inscrits:
            raise ValidationError.single(
                "capacite",
                f"Capacité trop faible : {inscrits} personnes sont déjà inscrites. "
                f"Gardez au moins {inscrits} places, ou enregistrez d'abord des désistements.",
            )

    @staticmethod
    def _check_dates(s: Session, action: AtelierAction, debut: dt.date | None, fin: dt.date | None) -> None:
        bounds = s.execute(
            select(func.min(AtelierSeance.debut), func.max(AtelierSeance.debut))
            .where(AtelierSeance.action_id == action.id, AtelierSeance.statut != StatutSeance.ANNULEE)
        ).one()
        first, last = bounds
        if first is not None and debut is not None and first.date() < debut:
            raise ValidationError.single(
                "date_debut", f"Une séance est prévue le {date_fr(first)}, avant ce début de cycle."
            )
        if last is not None and fin is not None and last.date() > fin:
            raise ValidationError.single("date_fin", f"Une séance est prévue le {date_fr(last)}, après cette fin de cycle.")

    def _detail(self, s: Session, action: AtelierAction) -> ActionDetail:
        values: dict[str, Any] = {name: getattr(action, name) for name in _INPUT_NAMES}
        theme = s.get(AtelierTheme, action.theme_id)
        by_status = dict(
            s.execute(
                select(AtelierSeance.statut, func.count())
                .where(AtelierSeance.action_id == action.id)
                .group_by(AtelierSeance.statut)
            ).all()
        )
        funding = links.funding_of(s, action.id)
        values["financements"] = [c.id for c in funding]
        return ActionDetail(
            id=action.id, version_id=action.version_id, data=ActionInput(**values),
            theme_libelle=theme.libelle if theme else "", counts=counts(s, action),
            seances_prevues=by_status.get(StatutSeance.PREVUE, 0) + by_status.get(StatutSeance.REALISEE, 0),
            seances_annulees=by_status.get(StatutSeance.ANNULEE, 0),
            financements=tuple(funding), lieu_partner_nom=links.place_name(s, action.lieu_partner_id),
        )
