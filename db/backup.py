"""Backups of a SQLite file with the online backup API, encrypted like the source.

The copy is made page by page from a live connection (consistent even while the
application writes), written to a temporary name, checked with ``PRAGMA integrity_check``
through a fresh connection, and only then renamed to its final name: a backup that exists
under its final name has been verified. An encrypted database is copied through a keyed
sqlcipher3 connection into a file keyed the same way, so no clear copy ever touches disk.

Restore goes the other way (backup file → live file) with the same API, after a safety
copy of the current file; nothing is overwritten without that copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from db import crypto
from db.engine import Database

log = logging.getLogger(__name__)


class BackupFailed(Exception):
    """The copy could not be written or did not pass the integrity check."""


@dataclass(frozen=True)
class CopyResult:
    path: Path
    size: int
    encrypted: bool


def _online_copy(source_conn: object, target: Path, passphrase: str | None) -> None:
    dst = crypto.connect(target, passphrase)
    try:
        source_conn.backup(dst)  # type: ignore[attr-defined]
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        dst.commit()
    finally:
        dst.close()


def copy_database(db: Database, target: Path) -> CopyResult:
    """Consistent, verified copy of a live SQLite database to ``target`` (must not exist)."""
    source = db.path
    if source is None:
        raise BackupFailed("only SQLite files can be copied this way")
    if target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partiel")
    crypto.remove_with_sidecars(partial)
    raw = db.engine.raw_connection()
    try:
        _online_copy(raw.driver_connection, partial, db._passphrase)
    except Exception as exc:
        crypto.remove_with_sidecars(partial)
        raise BackupFailed(str(exc)) from exc
    finally:
        raw.close()
    if not crypto.integrity_ok(partial, db._passphrase):
        crypto.remove_with_sidecars(partial)
        raise BackupFailed(f"integrity check failed on {partial}")
    os.replace(partial, target)
    log.info("Backup written and verified: %s", target)
    return CopyResult(target, target.stat().st_size, db.is_encrypted)


def copy_file(source: Path, target: Path, passphrase: str | None) -> CopyResult:
    """Verified copy of a closed database file (used before a restore)."""
    if target.exists():
        raise FileExistsError(str(target))
    partial = target.with_name(target.name + ".partiel")
    crypto.remove_with_sidecars(partial)
    src = crypto.connect(source, passphrase)
    try:
        _online_copy(src, partial, passphrase)
    finally:
        src.close()
    if not crypto.integrity_ok(partial, passphrase):
        crypto.remove_with_sidecars(partial)
        raise BackupFailed(f"integrity check failed on {partial}")
    os.replace(partial, target)
    return CopyResult(target, target.stat().st_size, passphrase is not None)


def check_backup_file(path: Path, passphrase: str | None) -> None:
    """Raise unless ``path`` is a readable database that passes the integrity check.
    Raises crypto errors for a key that does not match."""
    if not path.is_file():
        raise FileNotFoundError(str(path))
    crypto.check_file(path, passphrase)
    if not crypto.integrity_ok(path, passphrase):
        raise BackupFailed(f"integrity check failed on {path}")


def alembic_revisions(path: Path, passphrase: str | None) -> tuple[str, ...]:
    conn = crypto.connect(path, passphrase)
    try:
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except Exception:
            return ()
        return tuple(r[0] for r in rows)
    finally:
        conn.close()


def restore_file(source: Path, live: Path, passphrase: str | None, safety_copy: Path) -> CopyResult:
    """Replace the content of the (closed) live file by ``source``.

    The current file is first copied, verified, to ``safety_copy``; then the backup API
    writes the source into the live file in one transaction, so an interruption leaves
    either the old or the new content. Both files use the same key.
    """
    check_backup_file(source, passphrase)
    kept = None
    if live.exists() and live.stat().st_size > 0:
        kept = copy_file(live, safety_copy, passphrase)
    src = crypto.connect(source, passphrase)
    try:
        dst = crypto.connect(live, passphrase)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    if not crypto.integrity_ok(live, passphrase):
        raise BackupFailed(f"integrity check failed on {live} after restore")
    log.info("Restored %s from %s (previous content kept in %s)", live, source, kept and kept.path)
    return CopyResult(live, live.stat().st_size, passphrase is not None)


def stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")
