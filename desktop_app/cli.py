"""The ``escale`` command line, on the same core as the desktop application.

``escale`` alone opens the window (handled by ui.entry); every sub-command here runs
headless, so it works on a server or in CI.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from db.engine import sqlite_path
from db.migrate import DatabaseTooNew
from desktop_app import __version__, cli_bilan, cli_planning, cli_rgpd
from desktop_app.app import Escale, resolve_database_url
from desktop_app.errors import DomainError

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]
_HANDLERS: dict[str, Handler] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="escale",
        description="Escale — dossier usagers, visites, ateliers, tournées et bilans.",
    )
    parser.add_argument("--version", action="version", version=f"Escale {__version__}")
    parser.add_argument("--db", metavar="CHEMIN", help="fichier SQLite (ou URL SQLAlchemy) à ouvrir")
    parser.add_argument("--demo", action="store_true", help="ouvrir la base de démonstration (créée au besoin)")
    sub = parser.add_subparsers(dest="command", metavar="commande")
    for register in _REGISTRARS:
        register(sub)
    return parser


def _register_demo(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="écrire une base de démonstration réaliste")
    p.add_argument("--db", required=True, metavar="CHEMIN", help="fichier à créer")
    p.add_argument("--people", type=int, default=300, metavar="N", help="nombre de personnes (jusqu'à 100 000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="graine (même graine, même base)")
    p.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")
    _HANDLERS["demo"] = _run_demo


def _run_demo(args: argparse.Namespace) -> int:
    from desktop_app.demo import write_demo_database

    if not 1 <= args.people <= 100_000:
        print("--people doit être compris entre 1 et 100 000.", file=sys.stderr)
        return 2
    summary = write_demo_database(args.db, people=args.people, seed=args.seed, force=args.force)
    print(summary)
    return 0


def _register_audit(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="journal d'audit : vérifier la chaîne, purger les entrées expirées")
    p.add_argument("action", choices=["verify", "purge"], help="verify : vérifier ; purge : supprimer les entrées expirées")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="CHEMIN", help="fichier SQLite (ou URL) à ouvrir")
    _HANDLERS["audit"] = _run_audit


def _run_audit(args: argparse.Namespace) -> int:
    """Exit 0 when the journal is intact (or purged), 1 when it was tampered with."""
    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        print(f"Aucune base Escale à cet emplacement : {path}", file=sys.stderr)
        return 1
    app = Escale.open(url, passphrase=cli_rgpd.passphrase_for(url), purge_journal=False)
    try:
        if args.action == "purge":
            removed = app.audit.purge_expired()
            print(f"{removed} entrée(s) expirée(s) supprimée(s) du journal." if removed
                  else "Aucune entrée expirée à supprimer.")
            return 0
        check = app.audit.verify()
        print(check.message, file=sys.stdout if check.ok else sys.stderr)
        return 0 if check.ok else 1
    finally:
        app.close()


def _register_rgpd(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for register in cli_rgpd.REGISTRARS:  # backup, restore, chiffrer, export-personne, notice
        register(sub)
    _HANDLERS.update(cli_rgpd.HANDLERS)


def _register_bilan(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cli_bilan.register(sub)
    _HANDLERS["bilan"] = cli_bilan.run


_REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [_register_demo, _register_audit, _register_rgpd, _register_bilan, cli_planning.register]  # type: ignore[type-arg]
_HANDLERS["planning"] = cli_planning.run


def open_app(db: str | None) -> Escale:
    """Open the database, asking for its passphrase when the file is encrypted."""
    return cli_rgpd.open_escale(db)


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; French message and exit code 1 on a domain error."""
    try:
        return _HANDLERS[args.command](args)
    except DatabaseTooNew:
        print("Cette base a été écrite par une version plus récente d'Escale : mettez Escale à jour.", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(exc.message_fr, file=sys.stderr)
        return 1
    except FileExistsError as exc:
        print(f"Le fichier existe déjà : {exc.filename}. Ajoutez --force pour le remplacer.", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("commande manquante (l'interface graphique se lance par « escale » seul)")
    return run(args)


if __name__ == "__main__":  # python -m desktop_app.cli …
    sys.exit(main())
