"""Encryption at rest: the file's bytes hold no readable name, a wrong passphrase is a
clear French error that leaves the file intact, migrations and WAL work on encrypted files,
and a plain database can be encrypted and re-keyed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from db import crypto
from db.engine import Database, sqlite_url
from db.migrate import current_revisions, head_revisions
from desktop_app.app import Escale
from desktop_app.encryption import (
    NotEncrypted,
    PassphraseRequired,
    WrongPassphrase,
    change_passphrase,
    check_new_passphrase,
    encrypt_database,
    passphrase_problem,
)
from desktop_app.errors import Refused, ValidationError
from desktop_app.people.records import PersonInput

PASS = "Jardin-du-Lez 2026 !"
NAME = "Quatrefages"


def _add_person(app: Escale, nom: str = NAME) -> int:
    actor = app.local_actor()
    return app.people.create(actor, PersonInput(nom=nom, prenom="Hélène", sexe="f",
                                                date_naissance="12/03/1938"), confirm_duplicate=True).id


def _all_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            data += side.read_bytes()
    return data


def test_encrypted_file_holds_no_readable_name(tmp_path: Path) -> None:
    path = tmp_path / "chiffree.sqlite"
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    _add_person(app)
    assert app.db.is_encrypted
    raw = _all_bytes(path)  # while open: the WAL is encrypted too
    assert NAME.encode() not in raw and NAME.upper().encode() not in raw
    assert "Hélène".encode() not in raw
    app.close()
    raw = path.read_bytes()
    assert not raw.startswith(crypto.SQLITE_HEADER)
    assert NAME.encode() not in raw and b"person" not in raw


def test_plain_file_would_show_the_name(tmp_path: Path) -> None:
    """The control for the test above: the search does find a name in a plain file."""
    path = tmp_path / "claire.sqlite"
    app = Escale.open(sqlite_url(path))
    _add_person(app)
    app.close()
    assert NAME.encode() in _all_bytes(path)


def test_wrong_passphrase_is_clear_and_harmless(tmp_path: Path) -> None:
    path = tmp_path / "chiffree.sqlite"
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    pid = _add_person(app)
    app.close()
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase) as err:
        Escale.open(sqlite_url(path), passphrase="jardin-du-lez 2026 !")
    assert err.value.message_fr.startswith("Phrase de passe incorrecte")
    assert path.read_bytes() == before
    with pytest.raises(PassphraseRequired) as err2:
        Escale.open(sqlite_url(path))
    assert "chiffrée" in err2.value.message_fr
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    assert app.people.get(app.local_actor(), pid).data.nom == NAME
    with app.db.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    app.close()


def test_plain_file_refuses_a_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "claire.sqlite"
    Escale.open(sqlite_url(path)).close()
    with pytest.raises(NotEncrypted):
        Escale.open(sqlite_url(path), passphrase=PASS)


def test_encrypted_connections_keep_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "c.sqlite"), passphrase=PASS)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA cipher_version")).scalar()
    db.dispose()


def test_passphrase_with_quotes_and_accents_round_trips(tmp_path: Path) -> None:
    tricky = 'L\'été "à" Sète; -- 7 mots pour la clé'
    path = tmp_path / "q.sqlite"
    app = Escale.open(sqlite_url(path), passphrase=tricky)
    _add_person(app)
    app.close()
    assert crypto.table_counts(path, tricky)["person"] == 1  # raw connection, same key


def test_committed_v1_file_encrypted_then_migrated(tmp_path: Path) -> None:
    """The v1 schema file, encrypted, upgrades to head; the pre-migration copy stays encrypted."""
    path = tmp_path / "v1.sqlite"
    shutil.copy(Path(__file__).parent.parent / "resources" / "db" / "v1.sqlite", path)
    encrypt_database(path, PASS)
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    assert set(current_revisions(app.db.engine)) == set(head_revisions())
    with app.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar() == 2
    app.close()
    backups = list(tmp_path.glob("v1.avant-migration-*.sqlite"))
    assert len(backups) == 1 and crypto.is_encrypted_file(backups[0])
    assert crypto.table_counts(backups[0], PASS)["person"] == 2


def test_encrypt_an_existing_plain_database(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite"
    app = Escale.open(sqlite_url(path))
    pid = _add_person(app)
    app.close()
    result = encrypt_database(path, PASS)
    assert result.rows >= 2
    assert crypto.is_encrypted_file(path) and NAME.encode() not in _all_bytes(path)
    assert not list(tmp_path.glob("base.sqlite.chiffrement*"))
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    assert app.people.get(app.local_actor(), pid).data.nom == NAME
    app.close()
    with pytest.raises(Refused) as err:
        encrypt_database(path, PASS)
    assert "déjà chiffrée" in err.value.message_fr


def test_change_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite"
    app = Escale.open(sqlite_url(path), passphrase=PASS)
    pid = _add_person(app)
    app.close()
    with pytest.raises(WrongPassphrase):
        change_passphrase(path, "pas la bonne", "Nouvelle phrase 2027 ! ok")
    change_passphrase(path, PASS, "Nouvelle phrase 2027 ! ok")
    with pytest.raises(WrongPassphrase):
        Escale.open(sqlite_url(path), passphrase=PASS)
    app = Escale.open(sqlite_url(path), passphrase="Nouvelle phrase 2027 ! ok")
    assert app.people.get(app.local_actor(), pid).data.nom == NAME
    app.close()


@pytest.mark.parametrize("phrase", [
    "Garrigue-Lodève 2026 !", "Escale2026Bilans", "le bus passe chaque mardi matin par Lodève",
])
def test_strong_passphrases_are_accepted(phrase: str) -> None:
    assert passphrase_problem(phrase) is None


@pytest.mark.parametrize("phrase", ["motdepasse", "Abcdef1234!", "Motdepasse2026!", "le bus passe le mardi"])
def test_weak_passphrases_are_refused(phrase: str) -> None:
    assert passphrase_problem(phrase)  # a French reason


def test_confirmation_must_match() -> None:
    with pytest.raises(ValidationError) as err:
        check_new_passphrase("Garrigue-Lodève 2026 !", "Garrigue-Lodève 2026 ?")
    assert err.value.errors == {"confirmation": "Les deux saisies ne sont pas identiques."}
