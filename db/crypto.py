"""Encryption at rest with SQLCipher: the only module that imports ``sqlcipher3``.

Key scheme (see docs/security.md): the passphrase is handed to SQLCipher as is
(``PRAGMA key``) and SQLCipher 4 derives the page key with PBKDF2-HMAC-SHA512, 256,000
iterations and a random 16-byte salt stored in the first bytes of the file itself, so a
file and its backups are self-contained. ``cipher_compatibility = 4`` pins those parameters
so a later SQLCipher still opens today's files.

The errors raised here are plain exceptions; desktop_app turns them into French messages.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


class CryptoError(Exception):
    """Base of the encryption errors."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open this file (or the file is not a database)."""


class PassphraseRequired(CryptoError):
    """The file is encrypted and no passphrase was given."""


class NotEncrypted(CryptoError):
    """A passphrase was given for a plain (unencrypted) file."""


def module() -> ModuleType:
    import sqlcipher3

    return sqlcipher3


def is_encrypted_file(path: Path | str) -> bool:
    """True for an existing, non-empty file that does not start with the plain SQLite header."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def quote_key(passphrase: str) -> str:
    """The passphrase as SQLAlchemy's pysqlcipher dialect quotes it (same derived key)."""
    return '"' + passphrase.replace('"', '""') + '"'


def key_connection(conn: Any, passphrase: str) -> None:
    """Key a fresh sqlcipher3 connection; must run before anything reads the file."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {quote_key(passphrase)}")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("PRAGMA temp_store = MEMORY")


def connect(path: Path | str, passphrase: str | None) -> Any:
    """A raw DB-API connection: sqlcipher3 keyed and checked, or sqlite3 for a plain file.

    Raises WrongPassphrase when the key does not decrypt the file; nothing is written.
    """
    if passphrase is None:
        return sqlite3.connect(str(path))
    sqlcipher = module()
    conn = sqlcipher.connect(str(path))
    try:
        key_connection(conn, passphrase)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongPassphrase(str(path)) from exc
    return conn


def check_file(path: Path | str, passphrase: str | None) -> None:
    """Refuse early and cleanly: an encrypted file without key, a plain file with a key,
    or a wrong key. A missing or empty file is fine (it will be created)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    encrypted = is_encrypted_file(path)
    if encrypted and passphrase is None:
        raise PassphraseRequired(str(path))
    if not encrypted and passphrase is not None:
        raise NotEncrypted(str(path))
    if encrypted:
        connect(path, passphrase).close()


def integrity_ok(path: Path | str, passphrase: str | None) -> bool:
    """``PRAGMA integrity_check`` on a file, through a fresh connection."""
    conn = connect(path, passphrase)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except (sqlite3.DatabaseError, module().DatabaseError):
        return False  # not even readable as a database
    finally:
        conn.close()
    return [tuple(r) for r in rows] == [("ok",)]


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def export_encrypted(source: Path, target: Path, source_passphrase: str | None, new_passphrase: str) -> None:
    """Write ``target`` as an encrypted copy of ``source`` (plain or encrypted) with
    ``sqlcipher_export``, then check it. ``source`` is only read."""
    if target.exists():
        raise FileExistsError(str(target))
    sqlcipher = module()
    conn = sqlcipher.connect(str(source))
    try:
        if source_passphrase is not None:
            key_connection(conn, source_passphrase)
        else:
            conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), new_passphrase))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.commit()
        conn.execute("DETACH DATABASE encrypted")
    except sqlcipher.DatabaseError as exc:
        conn.close()
        remove_with_sidecars(target)
        raise WrongPassphrase(str(source)) from exc
    conn.close()
    if not integrity_ok(target, new_passphrase):
        remove_with_sidecars(target)
        raise CryptoError(f"integrity check failed on {target}")


def replace_file(current: Path, replacement: Path) -> None:
    """Swap ``replacement`` in place of ``current`` (same directory, atomic rename), removing
    the old file's WAL and shared-memory files first."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{current}{suffix}").unlink(missing_ok=True)
    os.replace(replacement, current)
    log.info("Replaced %s", current)


def table_counts(path: Path | str, passphrase: str | None) -> dict[str, int]:
    """Row count of every table: used to check that a copy holds the same data."""
    conn = connect(path, passphrase)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()
