"""Opening Escale on a database: resolve where it is, upgrade its schema, and hand out the
services. The UI and the CLI both start here."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.engine import Database, sqlite_url
from db.enums import Role
from db.migrate import upgrade
from db.models import User
from desktop_app import paths
from desktop_app.actor import Actor
from desktop_app.ateliers.service import AteliersService
from desktop_app.backups import BackupService
from desktop_app.encryption import translated_errors
from desktop_app.errors import Refused
from desktop_app.notice import NoticeService
from desktop_app.partners.funding import FundingService
from desktop_app.partners.service import PartnersService
from desktop_app.people.service import PeopleService
from desktop_app.planning.exports import PlanningExports
from desktop_app.planning.moves import MoveService
from desktop_app.planning.service import PlanningService
from desktop_app.retention import RetentionService
from desktop_app.rights import RightsService
from desktop_app.security.accounts import AccountService
from desktop_app.security.auth import AuthService
from desktop_app.security.journal import AuditService
from desktop_app.settings import SettingsService
from desktop_app.timeline import TimelineService
from desktop_app.tournees import Tournees
from desktop_app.visits.accueil import AccueilService
from desktop_app.visits.service import VisitsService
from desktop_app.visits.veille import VeilleService

log = logging.getLogger(__name__)

LOCAL_COORDINATOR = "coordinateur"


def resolve_database_url(db_path: str | Path | None = None, demo: bool = False) -> str:
    """``--db PATH`` first, then ESCALE_DATABASE_URL, then the file in the user data dir."""
    if db_path:
        text = str(db_path)
        return text if "://" in text else sqlite_url(text)
    env = os.environ.get("ESCALE_DATABASE_URL")
    if env:
        return env
    return sqlite_url(paths.demo_database_path() if demo else paths.default_database_path())


@dataclass
class Escale:
    """One open database and its services."""

    db: Database
    people: PeopleService
    settings: SettingsService
    tournees: Tournees
    auth: AuthService
    accounts: AccountService
    audit: AuditService
    backups: BackupService
    retention: RetentionService
    rights: RightsService
    notice: NoticeService
    visits: VisitsService
    veille: VeilleService
    accueil: AccueilService
    timeline: TimelineService
    partners: PartnersService
    funding: FundingService
    ateliers: AteliersService
    planning: PlanningService
    moves: MoveService
    planning_exports: PlanningExports

    @classmethod
    def open(cls, url: str, passphrase: str | None = None, purge_journal: bool = True) -> Escale:
        """``passphrase`` for an encrypted file; a wrong or missing one raises a French
        WrongPassphrase / PassphraseRequired (desktop_app.encryption)."""
        with translated_errors():
            db = Database(url, passphrase=passphrase)
        upgrade(db)
        settings = SettingsService(db)
        veille = VeilleService(db, settings)
        planning = PlanningService(db)
        app = cls(
            db=db, people=PeopleService(db), settings=settings, auth=AuthService(db),
            accounts=AccountService(db), audit=AuditService(db, settings),
            tournees=Tournees.create(db, settings), backups=BackupService(db),
            retention=RetentionService(db, settings), rights=RightsService(db, settings),
            notice=NoticeService(db, settings),
            visits=VisitsService(db), veille=veille, accueil=AccueilService(db, veille),
            timeline=TimelineService(db), partners=PartnersService(db), funding=FundingService(db),
            ateliers=AteliersService(db), planning=planning, moves=MoveService(db),
            planning_exports=PlanningExports(db, settings, planning),
        )
        if purge_journal:  # the journal keeps 12 months (setting); older entries go at opening
            try:
                app.audit.purge_expired()
            except Refused as exc:
                log.warning("Audit purge skipped: %s", exc.message_fr)
        return app

    def local_actor(self) -> Actor:
        """The fixed local coordinator account used until personal logins exist."""
        with self.db.uow() as s:
            user = s.scalar(select(User).where(User.username == LOCAL_COORDINATOR))
            if user is None:
                user = User(username=LOCAL_COORDINATOR, display_name="Coordinateur", role=str(Role.COORDINATEUR))
                s.add(user)
                s.flush()
            return Actor(user.id, user.username, user.display_name, Role(user.role))

    def close(self, backup: bool = False) -> None:
        """``backup=True`` when the user closes Escale: one verified backup, then rotation."""
        try:
            if backup:
                self.backups.on_close()
        except Refused as exc:  # the data is safe in the base itself; say it in the log
            log.error("Sauvegarde à la fermeture impossible : %s", exc.message_fr)
        finally:
            self.db.dispose()
