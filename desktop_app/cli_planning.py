"""``escale planning ics`` (one agent's or one vehicle's agenda as .ics) and
``escale planning semaine`` (the week's planning as an A4 landscape PDF)."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop_app import cli_rgpd
from desktop_app.cli_auth import add_user_option, cli_actor
from desktop_app.errors import ValidationError
from desktop_app.planning.exports import monday_of
from desktop_app.validation import FieldError, parse_date


def _date(text: str) -> dt.date:
    try:
        day = parse_date(text)
    except FieldError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    if day is None:
        raise argparse.ArgumentTypeError("date manquante")
    return day


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("planning", help="planning : agenda iCalendar, planning de la semaine en PDF")
    psub = p.add_subparsers(dest="planning_command", metavar="action", required=True)
    ics = psub.add_parser("ics", help="agenda d'un agent ou d'un véhicule au format .ics")
    who = ics.add_mutually_exclusive_group(required=True)
    who.add_argument("--agent", metavar="IDENTIFIANT", help="identifiant de connexion de l'agent")
    who.add_argument("--vehicule", metavar="NOM", help="nom du véhicule")
    ics.add_argument("--from", dest="start", type=_date, required=True, metavar="JJ/MM/AAAA")
    ics.add_argument("--to", dest="end", type=_date, required=True, metavar="JJ/MM/AAAA")
    ics.add_argument("-o", dest="out", required=True, metavar="FICHIER.ics")
    week = psub.add_parser("semaine", help="planning d'une semaine en PDF (A4 paysage)")
    week.add_argument("--date", type=_date, default=dt.date.today(), metavar="JJ/MM/AAAA")
    week.add_argument("-o", dest="out", required=True, metavar="FICHIER.pdf")
    for q in (ics, week):
        q.add_argument("--db", default=argparse.SUPPRESS, metavar="CHEMIN", help="fichier de la base")
        add_user_option(q)


def run(args: argparse.Namespace) -> int:
    app = cli_rgpd.open_escale(getattr(args, "db", None))
    try:
        actor = cli_actor(app, args)
        if args.planning_command == "ics":
            if args.end < args.start:
                raise ValidationError.single("to", "La date de fin doit être après la date de début.")
            count = app.planning_exports.agenda_ics(actor, args.out, args.start, args.end,
                                                    agent_login=args.agent, vehicle_name=args.vehicule)
            print(f"{count} événement(s) écrit(s) dans {args.out}")
        else:
            count = app.planning_exports.week_pdf(actor, args.date, args.out)
            print(f"Planning de la semaine du {monday_of(args.date):%d/%m/%Y} ({count} élément(s)) : {args.out}")
    finally:
        app.close()
    return 0
