"""``escale bilan``: print the bilan of a year (or of dates) for everything or one financeur,
as PDF, XLSX and/or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop_app import cli_rgpd
from desktop_app.bilans.service import BilanService, period_of
from desktop_app.cli_auth import add_user_option, cli_actor


def _date(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"date invalide : « {text} » (AAAA-MM-JJ ou JJ/MM/AAAA)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bilan", help="bilan d'activité d'une année (PDF, XLSX, JSON), sans aucun nom")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="CHEMIN", help="fichier de la base")
    p.add_argument("--year", type=int, metavar="AAAA", help="année civile (par défaut : l'année dernière)")
    p.add_argument("--from", dest="debut", type=_date, metavar="DATE", help="début de période (avec --to)")
    p.add_argument("--to", dest="fin", type=_date, metavar="DATE", help="fin de période (avec --from)")
    p.add_argument("--financeur", metavar="NOM", help="seulement les actions et conventions de ce financeur")
    p.add_argument("-o", "--output", metavar="FICHIER.pdf", help="bilan PDF")
    p.add_argument("--xlsx", metavar="FICHIER.xlsx", help="classeur XLSX")
    p.add_argument("--json", dest="json_path", metavar="FICHIER.json", help="chiffres en JSON")
    add_user_option(p)


def run(args: argparse.Namespace) -> int:
    if not (args.output or args.xlsx or args.json_path):
        print("Indiquez au moins un fichier : -o bilan.pdf, --xlsx ou --json.", file=sys.stderr)
        return 2
    year = args.year if args.year is not None or args.debut or args.fin else dt.date.today().year - 1
    app = cli_rgpd.open_escale(getattr(args, "db", None))
    try:
        actor = cli_actor(app, args)
        service = BilanService(app.db, app.settings, app.tournees.figures)
        period = period_of(year, args.debut, args.fin)
        bilan = service.compute(actor, period, service.scope(actor, args.financeur))
        written = service.write(actor, bilan, args.output, args.xlsx, args.json_path)
    finally:
        app.close()
    print(f"Bilan {bilan.periode.label} ({bilan.scope.label}) : " + ", ".join(str(p) for p in written))
    return 0
