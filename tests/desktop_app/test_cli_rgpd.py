"""The data-protection commands: encrypt, change the passphrase, backup, restore, export a
person's file and print the notice — what they print, what they write, and their French
refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import crypto
from db.engine import sqlite_url
from db.enums import Role
from desktop_app import cli
from desktop_app.app import Escale
from desktop_app.people.records import PersonInput
from desktop_app.security.records import AccountInput

PASS = "Garrigue-Lodève 2026 !"
NEW = "Olivette-Pézenas 2027 ?"


COORD_PASSWORD = "Coordination-Lodève-2026"


def add_account(app: Escale, role: Role, username: str) -> None:
    """A real account with its own password (the temporary one changed, as at first login)."""
    new = app.accounts.create(app.local_actor(), AccountInput(username, f"Compte {username}", str(role), None))
    actor = app.auth.login(username, new.temporary_password).actor
    app.auth.change_password(actor, new.temporary_password, COORD_PASSWORD, COORD_PASSWORD)


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    path = tmp_path / "escale.sqlite"
    app = Escale.open(sqlite_url(path))
    pid = app.people.create(app.local_actor(), PersonInput(nom="Cabrol", prenom="Rosine", sexe="f",
                                                          date_naissance="02/02/1941")).id
    add_account(app, Role.COORDINATEUR, "claire")
    add_account(app, Role.ANIMATEUR, "julien")
    app.close()
    monkeypatch.setenv("ESCALE_USER", "claire")
    monkeypatch.setenv("ESCALE_PASSWORD", COORD_PASSWORD)
    return path, pid


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_encrypt_then_use_with_the_passphrase(base, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, pid = base
    monkeypatch.setenv("ESCALE_NEW_PASSPHRASE", "trop court")
    code, _out, err = run(["chiffrer", "--db", str(path)], capsys)
    assert code == 1 and err.strip() and not crypto.is_encrypted_file(path)
    monkeypatch.setenv("ESCALE_NEW_PASSPHRASE", PASS)
    code, out, _err = run(["chiffrer", "--db", str(path)], capsys)
    assert code == 0 and "Base chiffrée" in out and crypto.is_encrypted_file(path)
    monkeypatch.setenv("ESCALE_PASSPHRASE", "pas la bonne phrase")
    code, _out, err = run(["backup", "--db", str(path)], capsys)
    assert code == 1 and err.startswith("Phrase de passe incorrecte")
    monkeypatch.setenv("ESCALE_PASSPHRASE", PASS)
    code, out, _err = run(["backup", "--db", str(path)], capsys)
    assert code == 0 and "Sauvegarde vérifiée (chiffrée" in out
    monkeypatch.setenv("ESCALE_NEW_PASSPHRASE", NEW)
    code, out, _err = run(["changer-phrase", "--db", str(path)], capsys)
    assert code == 0 and "Phrase de passe changée" in out
    monkeypatch.setenv("ESCALE_PASSPHRASE", NEW)
    pdf = path.parent / "dossier.pdf"
    code, out, _err = run(["export-personne", "--db", str(path), "--id", str(pid), "-o", str(pdf)], capsys)
    assert code == 0 and "CABROL Rosine" in out and pdf.exists()


def test_backup_restore_round_trip(base, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, _pid = base
    folder = tmp_path / "cle-usb"
    code, out, _err = run(["backup", "--db", str(path), "--to", str(folder)], capsys)
    assert code == 0 and "non chiffrée" in out
    copy = next(folder.glob("escale-*.sqlite"))
    app = Escale.open(sqlite_url(path))
    app.people.create(app.local_actor(), PersonInput(nom="Ajout", prenom="Tardif"), confirm_duplicate=True)
    app.close()
    code, out, _err = run(["restore", "--db", str(path), "--from", str(copy)], capsys)
    assert code == 0 and "Base restaurée" in out and "avant-restauration" in out
    assert crypto.table_counts(path, None)["person"] == 1
    code, _out, err = run(["restore", "--db", str(path), "--from", str(tmp_path / "absente.sqlite")], capsys)
    assert code == 1 and "Sauvegarde introuvable" in err


def test_export_person_json_and_notice(base, capsys) -> None:  # type: ignore[no-untyped-def]
    path, pid = base
    js, notice = path.parent / "d.json", path.parent / "notice.pdf"
    code, _out, err = run(["export-personne", "--db", str(path), "--id", str(pid)], capsys)
    assert code == 1 and "-o FICHIER.pdf" in err
    code, _out, _err = run(["export-personne", "--db", str(path), "--id", str(pid), "--json", str(js)], capsys)
    assert code == 0 and json.loads(js.read_text())["personne"] == "CABROL Rosine"
    code, _out, err = run(["export-personne", "--db", str(path), "--id", "999", "--json", str(js)], capsys)
    assert code == 1 and "n'existe pas" in err
    code, out, _err = run(["notice", "--db", str(path), "--id", str(pid), "-o", str(notice)], capsys)
    assert code == 0 and "remise à Rosine CABROL le" in out
    assert "Vos droits" in PdfReader(str(notice)).pages[0].extract_text()


def test_personal_data_commands_log_in_and_obey_the_role(base, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, pid = base
    js = path.parent / "d.json"
    monkeypatch.delenv("ESCALE_USER")
    code, _out, err = run(["export-personne", "--db", str(path), "--id", str(pid), "--json", str(js)], capsys)
    assert code == 1 and "--utilisateur" in err and not js.exists()
    monkeypatch.setenv("ESCALE_PASSWORD", "pas le bon mot de passe")
    code, _out, err = run(["export-personne", "--db", str(path), "-u", "claire", "--id", str(pid), "--json", str(js)], capsys)
    assert code == 1 and "Identifiant ou mot de passe incorrect" in err and not js.exists()
    monkeypatch.setenv("ESCALE_PASSWORD", COORD_PASSWORD)
    code, _out, err = run(["export-personne", "--db", str(path), "-u", "julien", "--id", str(pid), "--json", str(js)], capsys)
    assert code == 1 and "Votre rôle ne permet pas" in err and not js.exists()  # an animateur exports no file
    code, _out, _err = run(["export-personne", "--db", str(path), "-u", "claire", "--id", str(pid), "--json", str(js)], capsys)
    assert code == 0 and js.exists()
    app = Escale.open(sqlite_url(path))
    try:
        from sqlalchemy import select

        from db.models import AuditEntry, User
        with app.db.read() as s:
            rows = s.execute(select(AuditEntry.action, User.username).join(User, User.id == AuditEntry.user_id)
                             .where(AuditEntry.action.in_(["connexion", "echec_connexion", "export"]))).all()
    finally:
        app.close()
    assert ("echec_connexion", "claire") in rows and ("connexion", "julien") in rows and ("export", "claire") in rows


def test_bilan_command_obeys_the_account_role(base, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _pid = base
    out = path.parent / "bilan.json"
    code, _out, err = run(["bilan", "--db", str(path), "-u", "julien", "--year", "2026", "--json", str(out)], capsys)
    assert code == 1 and "Votre rôle ne permet pas" in err and not out.exists()  # an animateur prints no bilan
    code, _out, _err = run(["bilan", "--db", str(path), "-u", "claire", "--year", "2026", "--json", str(out)], capsys)
    assert code == 0 and json.loads(out.read_text())["periode"]
