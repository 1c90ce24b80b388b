"""Who runs a command: the commands that read or write personal data (export of a person's
file, notice given to a person, bilans, agendas) log in with a personal account, exactly as
the window does — same password check, lockout delays and journal entry — and then obey
that account's role in the services.

The account comes from ``--utilisateur`` (or ESCALE_USER); the password from ESCALE_PASSWORD
(scripts) or is asked without echo."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.errors import Refused


def add_user_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-u", "--utilisateur", metavar="IDENTIFIANT",
                   help="votre identifiant Escale (mot de passe demandé, ou lu dans ESCALE_PASSWORD)")


def cli_actor(app: Escale, args: argparse.Namespace) -> Actor:
    """Log the account in (journalled) and return its Actor; a French refusal otherwise."""
    if app.auth.needs_first_admin():
        raise Refused("Aucun compte n'existe encore : ouvrez Escale pour créer le compte administrateur.")
    username = (getattr(args, "utilisateur", None) or os.environ.get("ESCALE_USER") or "").strip()
    if not username:
        raise Refused("Indiquez votre identifiant Escale : --utilisateur IDENTIFIANT (ou ESCALE_USER).")
    password = os.environ.get("ESCALE_PASSWORD")
    if password is None:
        password = getpass.getpass(f"Mot de passe de {username} : ") if sys.stdin.isatty() else ""
    result = app.auth.login(username, password)
    if result.must_change_password:
        raise Refused("Ce compte doit d'abord changer son mot de passe : connectez-vous une fois dans Escale.")
    return result.actor
