"""Automatic and manual backups of the SQLite file, their rotation, and restore.

Backups are named ``<base>-AAAAMMJJ-HHMMSS.sqlite`` in the backup folder
(desktop_app.paths.backup_dir()), written with the online backup API, encrypted like the
database and verified before they get their final name (db.backup). One is taken at each
close and one a day while Escale stays open (``maybe_daily_backup``, called by a UI timer).
Rotation keeps the newest copy of each of the 7 latest days, 4 latest weeks and 12 latest
months that have a copy: even after months without use, the latest copies survive.

A PostgreSQL database is backed up by its server (pg_dump): the service is then inert.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from db import backup as db_backup
from db.engine import Database
from desktop_app import paths
from desktop_app.actor import Actor
from desktop_app.errors import Refused
from desktop_app.restore import RestoreResult, restore_database
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    size: int
    encrypted: bool


def _newest_per_bucket(
    moments: Sequence[dt.datetime], bucket: Callable[[dt.datetime], object], count: int
) -> set[dt.datetime]:
    kept: set[dt.datetime] = set()
    seen: list[object] = []
    for moment in sorted(moments, reverse=True):
        key = bucket(moment)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.append(key)
        kept.add(moment)
    return kept


def moments_to_keep(
    moments: Iterable[dt.datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[dt.datetime]:
    """The backup times a rotation keeps: the newest of each of the ``daily`` latest days,
    ``weekly`` latest ISO weeks and ``monthly`` latest months that have a backup."""
    items = list(moments)
    return (
        _newest_per_bucket(items, lambda m: m.date(), daily)
        | _newest_per_bucket(items, lambda m: m.isocalendar()[:2], weekly)
        | _newest_per_bucket(items, lambda m: (m.year, m.month), monthly)
    )


class BackupService:
    def __init__(self, db: Database, directory: Path | None = None) -> None:
        self.db = db
        self._directory = directory

    @property
    def enabled(self) -> bool:
        return self.db.path is not None

    @property
    def directory(self) -> Path:
        return self._directory or paths.backup_dir()

    def _pattern(self) -> re.Pattern[str]:
        assert self.db.path is not None
        return re.compile(rf"^{re.escape(self.db.path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.sqlite$")

    def list(self, directory: Path | None = None) -> list[BackupInfo]:
        """Backups of this database in the folder, newest first."""
        folder = directory or self.directory
        if not self.enabled or not folder.is_dir():
            return []
        pattern = self._pattern()
        found = []
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if not match or not path.is_file():
                continue
            taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            taken += dt.timedelta(microseconds=int(match.group(2) or 0))  # same-second copies
            found.append(BackupInfo(path, taken, path.stat().st_size, self.db.is_encrypted))
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def _target(self, folder: Path, now: dt.datetime) -> Path:
        assert self.db.path is not None
        base = f"{self.db.path.stem}-{db_backup.stamp(now)}"
        target = folder / f"{base}.sqlite"
        n = 1
        while target.exists():
            target = folder / f"{base}-{n}.sqlite"
            n += 1
        return target

    def _write(self, folder: Path, now: dt.datetime) -> BackupInfo:
        if not self.enabled:
            raise Refused("Cette base est sur un serveur : sa sauvegarde relève du serveur (pg_dump).")
        try:
            result = db_backup.copy_database(self.db, self._target(folder, now))
        except db_backup.BackupFailed as exc:
            log.error("Backup failed: %s", exc)
            raise Refused(
                "La sauvegarde a échoué (copie illisible ou disque plein) ; la base n'est pas touchée."
            ) from exc
        return BackupInfo(result.path, now.replace(microsecond=0), result.size, result.encrypted)

    def backup_now(self, now: dt.datetime | None = None) -> BackupInfo:
        """An automatic backup into the backup folder, then rotation."""
        now = now or dt.datetime.now()
        info = self._write(self.directory, now)
        self.rotate()
        return info

    def backup_to(self, actor: Actor, folder: Path | None = None) -> BackupInfo:
        """A backup asked for by someone (CLI, menu); a copy leaving the backup folder is an
        export of every file, hence audited."""
        require(actor, Perm.SETTINGS)
        target = folder or self.directory
        info = self._write(target, dt.datetime.now())
        with self.db.uow() as s:
            audit.record(s, actor, "sauvegarde", "database", detail=str(info.path))
        if folder is None or folder.resolve() == self.directory.resolve():
            self.rotate()
        return info

    def maybe_daily_backup(self, now: dt.datetime | None = None) -> BackupInfo | None:
        """The daily backup while Escale stays open: only if none was taken today."""
        if not self.enabled:
            return None
        now = now or dt.datetime.now()
        if any(b.taken_at.date() == now.date() for b in self.list()):
            return None
        return self.backup_now(now)

    def on_close(self) -> BackupInfo | None:
        if not self.enabled:
            return None
        return self.backup_now()

    def restore(self, actor: Actor, source: Path) -> RestoreResult:
        """Restore ``source`` over this database (same passphrase). Every pooled connection
        is closed first; the next use of the services reopens the restored file."""
        require(actor, Perm.SETTINGS)
        self.db.dispose()
        return restore_database(self.db.url, self.db.passphrase, source, actor)

    def rotate(self) -> list[Path]:
        """Delete the automatic backups the rotation no longer keeps; returns them."""
        backups = self.list()
        keep = moments_to_keep(b.taken_at for b in backups)
        removed = []
        for b in backups:
            if b.taken_at not in keep:
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
        if removed:
            log.info("Rotation removed %d backups", len(removed))
        return removed
