"""Restore a backup over the live SQLite file, never without a verified safety copy of the
current content beside it (``<base>.avant-restauration-AAAAMMJJ-HHMMSS.sqlite``).

Escale must not hold the file open: the UI closes its Escale first, restores, and opens
again; the CLI works on a closed file. The restore is audited in the restored database.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db import backup as db_backup
from db import crypto
from db.engine import Database, sqlite_path
from db.migrate import is_known_revision, upgrade
from db.models import User
from desktop_app.actor import Actor
from desktop_app.errors import Refused
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    database: Path


def _check_source(source: Path, passphrase: str | None) -> None:
    try:
        db_backup.check_backup_file(source, passphrase)
    except FileNotFoundError as exc:
        raise Refused(f"Sauvegarde introuvable : {source}") from exc
    except crypto.WrongPassphrase as exc:
        raise Refused(
            "Cette sauvegarde ne s'ouvre pas avec la phrase de passe de la base (elle a pu être "
            "faite avant un changement de phrase de passe, ou ne pas être une base Escale)."
        ) from exc
    except crypto.NotEncrypted as exc:
        raise Refused("Cette sauvegarde n'est pas chiffrée alors que la base l'est : restauration refusée.") from exc
    except crypto.PassphraseRequired as exc:
        raise Refused("Cette sauvegarde est chiffrée alors que la base ne l'est pas : restauration refusée.") from exc
    except db_backup.BackupFailed as exc:
        raise Refused("Cette sauvegarde est endommagée (contrôle d'intégrité en échec) : choisissez-en une autre.") from exc
    revisions = db_backup.alembic_revisions(source, passphrase)
    if not revisions:
        raise Refused("Ce fichier n'est pas une base Escale.")
    if not all(is_known_revision(r) for r in revisions):
        raise Refused("Cette sauvegarde vient d'une version plus récente d'Escale : mettez Escale à jour d'abord.")


def restore_database(url: str, passphrase: str | None, source: Path, actor: Actor) -> RestoreResult:
    """Replace the database at ``url`` by the backup ``source`` (same passphrase)."""
    require(actor, Perm.SETTINGS)
    live = sqlite_path(url)
    if live is None:
        raise Refused("Seule une base locale (fichier) se restaure depuis Escale.")
    source = Path(source)
    if live.exists() and source.resolve() == live.resolve():
        raise Refused("Choisissez une sauvegarde, pas la base elle-même.")
    _check_source(source, passphrase)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = live.with_name(f"{live.stem}.avant-restauration-{stamp}{live.suffix}")
    try:
        db_backup.restore_file(source, live, passphrase, safety)
    except db_backup.BackupFailed as exc:
        raise Refused(
            f"La restauration a échoué ; l'état précédent de la base est conservé dans {safety.name}."
        ) from exc
    db = Database(url, passphrase=passphrase)
    try:
        upgrade(db)
        with db.uow() as s:
            known = actor.user_id is not None and s.get(User, actor.user_id) is not None
            user_id = actor.user_id if known else s.scalar(
                select(User.id).where(User.username == actor.username))
            who = actor if user_id == actor.user_id else Actor(user_id, actor.username, actor.display_name, actor.role)
            audit.record(s, who, "restauration", "database",
                         detail=f"depuis {source.name} ; état précédent : {safety.name}")
    finally:
        db.dispose()
    return RestoreResult(source, safety if safety.exists() else None, live)
