"""Encryption at rest, as the user meets it: French errors for a wrong or missing
passphrase, the passphrase rule, and the two file operations (encrypt a plain database,
change the passphrase). The cipher itself lives in db.crypto (see docs/security.md).

Both operations write a new encrypted file beside the current one, check it (integrity and
the row count of every table), and only then swap it in: an interruption leaves the
original untouched. Escale must be closed on that file while they run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from db import crypto
from desktop_app.errors import DomainError, Refused, ValidationError
from desktop_app.security.passwords import problem

log = logging.getLogger(__name__)


class WrongPassphrase(DomainError):
    message_fr = (
        "Phrase de passe incorrecte : la base n'a pas été ouverte et n'a pas été modifiée. "
        "Vérifiez les majuscules, les accents et la touche Verr. Maj, puis réessayez."
    )


class PassphraseRequired(DomainError):
    message_fr = "Cette base est chiffrée : saisissez sa phrase de passe pour l'ouvrir."


class NotEncrypted(DomainError):
    message_fr = (
        "Cette base n'est pas chiffrée : ouvrez-la sans phrase de passe, "
        "ou chiffrez-la d'abord (commande « escale chiffrer »)."
    )


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn the db-level encryption errors into French domain errors."""
    try:
        yield
    except crypto.WrongPassphrase as exc:
        raise WrongPassphrase() from exc
    except crypto.PassphraseRequired as exc:
        raise PassphraseRequired() from exc
    except crypto.NotEncrypted as exc:
        raise NotEncrypted() from exc


def is_encrypted(path: Path | str) -> bool:
    return crypto.is_encrypted_file(path)


def passphrase_problem(passphrase: str) -> str | None:
    """The accounts' rule (CNIL 2022-100, common passwords refused: security.passwords), the
    passphrase being as exposed as a password attacked offline. None when fine."""
    return problem(passphrase)


def check_new_passphrase(passphrase: str, confirmation: str) -> None:
    problem = passphrase_problem(passphrase)
    if problem:
        raise ValidationError.single("phrase", problem)
    if passphrase != confirmation:
        raise ValidationError.single("confirmation", "Les deux saisies ne sont pas identiques.")


@dataclass(frozen=True)
class EncryptResult:
    path: Path
    tables: int
    rows: int


def _swap_in_encrypted(path: Path, old: str | None, new: str, label: str) -> EncryptResult:
    work = path.with_name(f"{path.name}.{label}")
    crypto.remove_with_sidecars(work)
    with translated_errors():
        before = crypto.table_counts(path, old)
        crypto.export_encrypted(path, work, old, new)
        after = crypto.table_counts(work, new)
    if before != after:
        crypto.remove_with_sidecars(work)
        raise Refused("La copie chiffrée ne contient pas les mêmes données : la base d'origine est inchangée.")
    crypto.replace_file(path, work)
    return EncryptResult(path, len(after), sum(after.values()))


def encrypt_database(path: Path, passphrase: str) -> EncryptResult:
    """Encrypt a plain database file in place (through a checked encrypted copy)."""
    if not path.is_file():
        raise Refused(f"Fichier introuvable : {path}")
    if crypto.is_encrypted_file(path):
        raise Refused("Cette base est déjà chiffrée. Pour changer sa phrase de passe : « escale changer-phrase ».")
    result = _swap_in_encrypted(path, None, passphrase, "chiffrement")
    log.info("Encrypted %s (%d tables, %d rows)", path, result.tables, result.rows)
    return result


def change_passphrase(path: Path, old: str, new: str) -> EncryptResult:
    """Re-encrypt an encrypted database with a new passphrase."""
    if not crypto.is_encrypted_file(path):
        raise NotEncrypted()
    with translated_errors():
        crypto.check_file(path, old)
    return _swap_in_encrypted(path, old, new, "nouvelle-phrase")


def plain_copies(directory: Path, stem: str) -> list[Path]:
    """Unencrypted copies of a database left in a folder (older backups), to warn about."""
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.glob(f"{stem}*.sqlite") if p.is_file() and not crypto.is_encrypted_file(p)
    )


def encrypted_file(url: str) -> Path | None:
    """The file behind ``url`` when it is an encrypted SQLite file (the UI asks for the
    passphrase before opening it), else None."""
    from db.engine import sqlite_path

    path = sqlite_path(url)
    return path if path is not None and crypto.is_encrypted_file(path) else None
