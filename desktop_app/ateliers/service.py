"""The ateliers services behind one field of the Escale container: ``app.ateliers.actions``,
``.seances``, ``.registrations``, ``.attendance``, ``.satisfaction``, ``.memberships``,
plus the per-action figures, the émargement PDF and the person timeline."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import AtelierInscription, AtelierSeance, AtelierTheme, Person
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutInscription
from desktop_app.actor import Actor
from desktop_app.ateliers import links
from desktop_app.ateliers.actions import ActionService
from desktop_app.ateliers.attendance import AttendanceService
from desktop_app.ateliers.common import display_name, load_action, seance_numbers
from desktop_app.ateliers.figures import compute_figures
from desktop_app.ateliers.memberships import MembershipService
from desktop_app.ateliers.records import ActionFigures
from desktop_app.ateliers.registrations import RegistrationService
from desktop_app.ateliers.satisfaction import SatisfactionService
from desktop_app.ateliers.seances import SeanceService
from desktop_app.ateliers.timeline import TimelineEntry, timeline_entries
from desktop_app.errors import Refused
from desktop_app.formatting import long_date_fr
from desktop_app.reports.emargement import EmargementPage, EmargementSheet, write_emargement
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService


class AteliersService:
    def __init__(self, db: Database, settings: SettingsService | None = None) -> None:
        self.db = db
        self.settings = settings or SettingsService(db)
        self.actions = ActionService(db)
        self.seances = SeanceService(db)
        self.registrations = RegistrationService(db)
        self.attendance = AttendanceService(db)
        self.satisfaction = SatisfactionService(db)
        self.memberships = MembershipService(db)

    def figures(self, actor: Actor, action_id: int) -> ActionFigures:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            load_action(s, action_id)
            return compute_figures(s, [action_id])[action_id]

    def figures_for(self, actor: Actor, action_ids: list[int] | None = None) -> dict[int, ActionFigures]:
        """Figures of many actions at once (None: all) — for the list and the bilans."""
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return compute_figures(s, action_ids)

    def timeline(self, actor: Actor, person_id: int) -> list[TimelineEntry]:
        require(actor, Perm.ATELIERS_READ)
        return timeline_entries(self.db, person_id)

    def emargement_sheet(self, actor: Actor, action_id: int, seance_ids: list[int] | None = None) -> EmargementSheet:
        """The data of the émargement PDF: séances not cancelled (all, or those chosen)."""
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            action = load_action(s, action_id)
            theme = s.get(AtelierTheme, action.theme_id)
            stmt = select(AtelierSeance).where(
                AtelierSeance.action_id == action.id, AtelierSeance.statut != StatutSeance.ANNULEE
            ).order_by(AtelierSeance.debut, AtelierSeance.id)
            seances = [x for x in s.scalars(stmt) if seance_ids is None or x.id in seance_ids]
            people = [
                display_name(nom, prenom) for nom, prenom in s.execute(
                    select(Person.nom, Person.prenom)
                    .join(AtelierInscription, AtelierInscription.person_id == Person.id)
                    .where(AtelierInscription.action_id == action.id,
                           AtelierInscription.statut == StatutInscription.INSCRIT)
                    .order_by(Person.sort_key))
            ]
            numbers = seance_numbers(s, action.id)
            partner = links.place_name(s, action.lieu_partner_id)
            place = " — ".join(dict.fromkeys(x for x in (action.lieu, partner) if x))
            pages = [
                EmargementPage(
                    date_longue=long_date_fr(x.debut.date()), horaire=f"{x.debut:%H:%M} – {x.fin:%H:%M}",
                    lieu=x.lieu or place, animateur=x.animateur or action.animateur or "",
                    numero=numbers.get(x.id, 0), total=len(numbers), people=list(people),
                )
                for x in seances
            ]
            service_name = str(self.settings.get("service.nom"))
            return EmargementSheet(service_name, action.titre, theme.libelle if theme else "", pages)

    def print_emargement(self, actor: Actor, action_id: int, path: Path | str, seance_ids: list[int] | None = None) -> Path:
        """Write the PDF; printing names is an export of personal data, so it is logged."""
        sheet = self.emargement_sheet(actor, action_id, seance_ids)
        if not sheet.pages:
            raise Refused("Aucune séance à imprimer : créez d'abord les séances de l'atelier.")
        out = write_emargement(path, sheet)
        with self.db.uow() as s:
            audit.record(s, actor, "export_emargement", "atelier_action", action_id,
                         detail=f"{len(sheet.pages)} page(s)")
        return out
