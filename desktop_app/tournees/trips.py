"""The driver's side of the tournées (« Trajets »): the passages a chauffeur account drives
(``passage.chauffeur_id``) whose route is computed, and their feuilles de route to open or
print. A chauffeur sees only their own passages (:func:`desktop_app.security.scope.restrict_own`);
the coordinator sees every passage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import Passage
from db.models.tournees import PassageStatus
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, PermissionDenied
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, require
from desktop_app.tournees.passages import passage_view
from desktop_app.tournees.pickups import PickupService
from desktop_app.tournees.records import PassageRoute, PassageView

NOT_YOURS = "Ce passage n'est pas l'un des vôtres : seules les feuilles de route des passages que vous conduisez sont accessibles."


class TripsService:
    def __init__(self, db: Database, pickups: PickupService) -> None:
        self.db = db
        self.pickups = pickups

    def list_trips(self, actor: Actor, since: dt.date | None = None) -> list[PassageView]:
        """Passages with a computed route, not cancelled, from ``since`` on (all by default)."""
        require(actor, Perm.ROUTE_SHEETS)
        stmt = select(Passage).where(Passage.route_calculee_le.is_not(None), Passage.statut != PassageStatus.ANNULE)
        if since is not None:
            stmt = stmt.where(Passage.date >= since)
        stmt = scope.restrict_own(stmt, actor, user_id_col=Passage.chauffeur_id)
        with self.db.read() as s:
            return [passage_view(s, p) for p in s.scalars(stmt.order_by(Passage.date, Passage.heure_debut))]

    def route(self, actor: Actor, passage_id: int) -> PassageRoute:
        self._check(actor, passage_id)
        route = self.pickups.read_route(passage_id)
        if route is None:
            raise NotFound("Le trajet de ce passage n'est pas encore calculé : voyez avec la coordination.")
        return route

    def print_route_sheet(self, actor: Actor, passage_id: int, path: Path | str) -> Path:
        """The feuille de route PDF of one of the actor's passages (export logged)."""
        return self.pickups.write_route_sheet(actor, passage_id, self.route(actor, passage_id), path)

    def _check(self, actor: Actor, passage_id: int) -> None:
        require(actor, Perm.ROUTE_SHEETS)
        with self.db.read() as s:
            passage = s.get(Passage, passage_id)
            if passage is None:
                raise NotFound("Ce passage n'existe pas ou plus.")
            if scope.own_only(actor) and passage.chauffeur_id != actor.user_id:
                raise PermissionDenied(NOT_YOURS)
