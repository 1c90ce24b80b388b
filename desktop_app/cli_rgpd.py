"""Command-line side of data protection: backup, restore, encrypt, change the passphrase,
export everything about a person, print the information notice.

The passphrase of an encrypted file comes from ESCALE_PASSPHRASE or is asked without echo;
a new passphrase from ESCALE_NEW_PASSPHRASE or asked twice. Scripts and tests use the
variables; people type it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from db.engine import sqlite_path
from desktop_app import paths
from desktop_app.app import Escale, resolve_database_url
from desktop_app.cli_auth import add_user_option, cli_actor
from desktop_app.encryption import (
    change_passphrase,
    check_new_passphrase,
    encrypt_database,
    is_encrypted,
    plain_copies,
)
from desktop_app.errors import Refused, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.restore import restore_database

Handler = Callable[[argparse.Namespace], int]
HANDLERS: dict[str, Handler] = {}


def read_passphrase(prompt: str, env: str = "ESCALE_PASSPHRASE") -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise Refused(f"Base chiffrée : donnez la phrase de passe dans la variable {env}.")
    return getpass.getpass(prompt)


def read_new_passphrase() -> str:
    value = os.environ.get("ESCALE_NEW_PASSPHRASE")
    if value:
        confirmation = value
    else:
        value = read_passphrase("Nouvelle phrase de passe : ", "ESCALE_NEW_PASSPHRASE")
        confirmation = getpass.getpass("Saisissez-la une seconde fois : ")
    check_new_passphrase(value, confirmation)
    return value


def passphrase_for(url: str) -> str | None:
    """Ask for the passphrase only when the file is encrypted."""
    path = sqlite_path(url)
    if path is None or not is_encrypted(path):
        return None
    return read_passphrase(f"Phrase de passe de {path.name} : ")


def open_escale(db: str | None) -> Escale:
    url = resolve_database_url(db)
    return Escale.open(url, passphrase=passphrase_for(url))


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="CHEMIN", help="fichier de la base")


def _file_path(args: argparse.Namespace) -> Path:
    path = sqlite_path(resolve_database_url(getattr(args, "db", None)))
    if path is None:
        raise Refused("Cette commande s'applique à un fichier SQLite (--db CHEMIN).")
    return path


def _register_backup(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="sauvegarder la base (copie vérifiée, chiffrée comme elle)")
    _db_option(p)
    p.add_argument("--to", metavar="DOSSIER", type=Path, help="dossier de destination (par défaut : le dossier des sauvegardes)")
    HANDLERS["backup"] = _run_backup


def _run_backup(args: argparse.Namespace) -> int:
    app = open_escale(getattr(args, "db", None))
    try:
        info = app.backups.backup_to(app.local_actor(), args.to)
    finally:
        app.close()
    kind = "chiffrée" if info.encrypted else "non chiffrée"
    print(f"Sauvegarde vérifiée ({kind}, {info.size // 1024} Ko) : {info.path}")
    return 0


def _register_restore(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("restore", help="restaurer une sauvegarde (l'état actuel est gardé à côté)")
    _db_option(p)
    p.add_argument("--from", dest="source", required=True, type=Path, metavar="FICHIER", help="sauvegarde à restaurer")
    HANDLERS["restore"] = _run_restore


def _run_restore(args: argparse.Namespace) -> int:
    url = resolve_database_url(getattr(args, "db", None))
    passphrase = passphrase_for(url)
    app = Escale.open(url, passphrase=passphrase)
    actor = app.local_actor()
    app.close()
    result = restore_database(url, passphrase, args.source, actor)
    print(f"Base restaurée depuis {result.restored_from.name}.")
    if result.safety_copy is not None:
        print(f"L'état précédent est conservé dans : {result.safety_copy}")
    return 0


def _register_encrypt(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("chiffrer", help="chiffrer une base non chiffrée (Escale doit être fermé)")
    _db_option(p)
    HANDLERS["chiffrer"] = _run_encrypt
    q = sub.add_parser("changer-phrase", help="changer la phrase de passe d'une base chiffrée")
    _db_option(q)
    HANDLERS["changer-phrase"] = _run_rekey


def _run_encrypt(args: argparse.Namespace) -> int:
    path = _file_path(args)
    result = encrypt_database(path, read_new_passphrase())
    print(f"Base chiffrée : {path} ({result.tables} tables, {result.rows} lignes vérifiées).")
    print("Sans la phrase de passe, les données sont perdues : conservez-la en lieu sûr.")
    leftovers = plain_copies(path.parent, path.stem) + plain_copies(paths.backup_dir(), path.stem)
    if leftovers:
        print(f"Attention : {len(leftovers)} copie(s) non chiffrée(s) restent lisibles, à supprimer :")
        for copy in leftovers:
            print(f"  {copy}")
    return 0


def _run_rekey(args: argparse.Namespace) -> int:
    path = _file_path(args)
    old = read_passphrase("Phrase de passe actuelle : ")
    change_passphrase(path, old, read_new_passphrase())
    print("Phrase de passe changée. Les sauvegardes déjà faites gardent l'ancienne.")
    return 0


def _register_export_person(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export-personne", help="tout ce qu'Escale détient sur une personne (PDF, JSON)")
    _db_option(p)
    p.add_argument("--id", dest="person_id", type=int, required=True, metavar="N", help="numéro de la fiche")
    p.add_argument("-o", dest="pdf", type=Path, metavar="FICHIER.pdf", help="PDF à écrire")
    p.add_argument("--json", dest="json_path", type=Path, metavar="FICHIER.json", help="JSON à écrire")
    add_user_option(p)
    HANDLERS["export-personne"] = _run_export_person


def _run_export_person(args: argparse.Namespace) -> int:
    if args.pdf is None and args.json_path is None:
        raise ValidationError.single("fichier", "Indiquez -o FICHIER.pdf et/ou --json FICHIER.json.")
    app = open_escale(getattr(args, "db", None))
    try:
        data = app.rights.export_person(cli_actor(app, args), args.person_id, args.pdf, args.json_path)
    finally:
        app.close()
    written = ", ".join(str(p) for p in (args.pdf, args.json_path) if p is not None)
    print(f"Dossier de {data.display_name} ({len(data.sections)} rubriques) : {written}")
    return 0


def _register_notice(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("notice", help="imprimer la notice d'information (et la noter remise)")
    _db_option(p)
    p.add_argument("-o", dest="pdf", type=Path, required=True, metavar="FICHIER.pdf", help="PDF à écrire")
    p.add_argument("--id", dest="person_id", type=int, metavar="N", help="personne à qui elle est remise")
    add_user_option(p)
    HANDLERS["notice"] = _run_notice


def _run_notice(args: argparse.Namespace) -> int:
    app = open_escale(getattr(args, "db", None))
    try:
        # the blank notice holds no personal data; giving it to a person writes on their file
        actor = app.local_actor() if args.person_id is None else cli_actor(app, args)
        notice = app.notice.print_notice(actor, args.pdf, args.person_id)
    finally:
        app.close()
    if notice.recipient and notice.given_on:
        print(f"Notice écrite dans {args.pdf} ; remise à {notice.recipient} le {date_fr(notice.given_on)} (noté sur sa fiche).")
    else:
        print(f"Notice écrite dans {args.pdf}.")
    return 0


REGISTRARS = [_register_backup, _register_restore, _register_encrypt, _register_export_person, _register_notice]
