"""« État des passages et participation »: the yearly statement sent to a commune that
subscribes to the bus — its convention, the amount and payment, every passage with its
registrations and presences, and the number of different people reached. Aggregates only:
no names leave the service in this document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desktop_app.formatting import JOURS, amount_fr, date_fr
from desktop_app.reports.common import data_table, document, footer, styles
from desktop_app.tournees.records import CommuneStatement

TITLE = "État des passages et participation"
TYPES = {"decouverte": "Découverte", "serie": "Série d'ateliers"}
STATUTS = {"prevu": "Prévu", "realise": "Réalisé", "annule": "Annulé"}


def _esc(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_story(st: CommuneStatement) -> list[Any]:
    sheet = styles()
    conv = st.convention
    if conv.paye:
        payment = f"Payé le {date_fr(conv.date_paiement)}" if conv.date_paiement else "Payé"
    else:
        payment = "En attente de paiement"
    story: list[Any] = [
        Paragraph(f"{TITLE} — {conv.annee}", sheet["Title"]),
        Paragraph(f"<b>Commune : {_esc(conv.commune_nom)}</b> (INSEE {conv.commune_insee})", sheet["Body"]),
        Paragraph(f"Lieu d'accueil : {_esc(conv.lieu_nom or '—')}", sheet["Body"]),
        Paragraph(f"Passages prévus par la convention : {conv.passages_commandes}"
                  + (" + un passage découverte offert" if conv.decouverte else "")
                  + (f" — jour habituel : {JOURS[conv.jour_prefere]}" if conv.jour_prefere is not None else ""),
                  sheet["Body"]),
        Paragraph(f"Montant : <b>{amount_fr(conv.montant)}</b> ({_esc(st.tarif_detail)}) — {payment}", sheet["Body"]),
        Spacer(1, 6),
        Paragraph("Passages", sheet["H1"]),
    ]
    rows: list[list[Any]] = [["Date", "Type", "Thème", "Statut", "Inscrits", "Présents", "Transportés"]]
    for line in st.lines:
        rows.append([date_fr(line.date), TYPES.get(line.type, line.type),
                     Paragraph(_esc(line.theme or ""), sheet["Cell"]), STATUTS.get(line.statut, line.statut),
                     str(line.inscrits), str(line.presents), str(line.transportes)])
    if len(rows) == 1:
        rows.append(["Aucun passage enregistré pour cette convention.", "", "", "", "", "", ""])
    done = [line for line in st.lines if line.statut == "realise"]
    rows.append(["Total", f"{len(done)} réalisé(s)", "", "", str(sum(x.inscrits for x in st.lines)),
                 str(sum(x.presents for x in st.lines)), str(sum(x.transportes for x in st.lines))])
    story.append(data_table(rows, [22 * mm, 30 * mm, 47 * mm, 18 * mm, 17 * mm, 18 * mm, 26 * mm]))
    story.append(Paragraph("Transportés : personnes présentes cherchées à domicile par le véhicule.", sheet["Small"]))
    story += [
        Spacer(1, 8),
        Paragraph(f"Personnes différentes venues dans l'année : <b>{st.personnes_uniques}</b>", sheet["Body"]),
        Paragraph("Les présences comptent chaque venue ; une même personne venue à plusieurs passages "
                  "n'est comptée qu'une fois parmi les personnes différentes.", sheet["Small"]),
    ]
    if conv.contact:
        story += [Spacer(1, 6), Paragraph(f"Contact en mairie / CCAS : {_esc(conv.contact)}", sheet["Small"])]
    return story


def write_etat_passages(path: Path | str, statement: CommuneStatement) -> Path:
    target = Path(path)
    title = f"{TITLE} — {statement.convention.commune_nom} {statement.convention.annee}"
    doc = document(target, title)
    draw = footer(statement.service_nom, title)
    doc.build(build_story(statement), onFirstPage=draw, onLaterPages=draw)
    return target
