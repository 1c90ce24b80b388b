"""The information notice (RGPD articles 13–14): who holds the data, why, who sees it, how
long it is kept, and the person's rights — built from the settings (service name and
address, controller, DPO contact, retention), printable blank or for one person, in which
case « notice remise le » is recorded on the person's file (audited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.engine import Database
from db.models import Person
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.labels import CIVILITE, label
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService

CNIL_ADDRESS = "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr"


@dataclass(frozen=True)
class NoticeText:
    title: str
    service_name: str
    intro: str
    blocks: list[tuple[str, str]]
    recipient: str | None = None
    given_on: dt.date | None = None


def retention_phrase(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} an{'s' if years > 1 else ''} ({months} mois)"
    return f"{months} mois"


def build_notice(settings: dict[str, Any], recipient: str | None = None,
                 given_on: dt.date | None = None) -> NoticeText:
    """The notice text from the settings values (pure: easy to test and to preview)."""
    service = str(settings.get("service.nom") or "Le service")
    address = str(settings.get("service.adresse") or "").strip()
    controller = str(settings.get("rgpd.responsable") or "").strip() or service
    dpo = str(settings.get("rgpd.dpo_contact") or "").strip()
    months = int(settings.get("rgpd.retention_mois") or 24)
    where = f"{service}, {address}" if address else service
    contact = f"Délégué à la protection des données : {dpo}." if dpo else f"Écrivez-nous : {where}."
    blocks = [
        ("Qui est responsable de vos données ?",
         f"{controller} — {where}.\n{contact}"),
        ("Pourquoi les enregistrons-nous ?",
         "Pour vous accompagner : suivre votre situation, préparer les visites et entretiens, vous "
         "inscrire aux ateliers et aux sorties, soutenir vos proches aidants, vous joindre en cas "
         "d'alerte (canicule, grand froid). Nos financeurs ne reçoivent que des chiffres anonymes, "
         "jamais de nom. Base légale : la mission d'intérêt public d'action sociale (article 6.1.e "
         "du RGPD) ; les informations de santé (GIR, fragilités) ne sont notées que si votre "
         "accompagnement l'exige (article 9.2.h)."),
        ("Quelles données ?",
         "Votre identité et vos coordonnées, la personne à prévenir, votre situation (vie seul(e), "
         "caisse de retraite, mobilité, GIR), les comptes rendus factuels de nos échanges et vos "
         "participations. Jamais votre numéro de sécurité sociale."),
        ("Qui peut les consulter ?",
         "Seuls les membres de l'équipe qui en ont besoin, chacun selon son rôle : un bénévole ne "
         "voit que les personnes qu'il visite, sans les informations de santé. Chaque consultation "
         "et chaque modification sont tracées. Les données sont chiffrées sur l'ordinateur et dans "
         "les sauvegardes. Elles ne sont ni vendues ni cédées."),
        ("Combien de temps ?",
         f"{retention_phrase(months)} après notre dernier contact avec vous. Ensuite, votre dossier "
         "est archivé (accès réservé au coordinateur) ou anonymisé : plus rien ne permet alors de "
         "vous identifier."),
        ("Vos droits",
         "Vous pouvez consulter toutes les données vous concernant, y compris les commentaires "
         "écrits à votre sujet, en recevoir une copie, les faire corriger, demander leur effacement "
         "ou la limitation de leur usage, et vous opposer à leur traitement. Adressez-vous à nous "
         f"({where}){' ou au délégué à la protection des données' if dpo else ''} : nous répondons "
         f"dans un délai d'un mois. Vous pouvez aussi saisir la {CNIL_ADDRESS}."),
    ]
    return NoticeText(
        title="Vos données personnelles",
        service_name=service,
        intro=("Pour vous accompagner, nous enregistrons des informations vous concernant. "
               "Cette notice vous dit lesquelles, pourquoi, pour combien de temps, et comment "
               "exercer vos droits."),
        blocks=blocks, recipient=recipient, given_on=given_on,
    )


class NoticeService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def text(self, recipient: str | None = None, given_on: dt.date | None = None) -> NoticeText:
        return build_notice(self.settings.all(), recipient, given_on)

    def print_notice(self, actor: Actor, path: Path, person_id: int | None = None,
                     given_on: dt.date | None = None) -> NoticeText:
        """Write the notice PDF; for a person, record it as given on ``given_on`` (today)."""
        from desktop_app.reports.notice import write_notice

        if person_id is None:
            notice = self.text()
            write_notice(notice, path)
            return notice
        require(actor, Perm.PEOPLE_WRITE)
        given_on = given_on or dt.date.today()
        if given_on > dt.date.today():
            raise ValidationError.single("notice_date", "Cette date est dans le futur.")
        with self.db.uow() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            civ = label(CIVILITE, person.civilite)
            recipient = " ".join(x for x in (civ, person.prenom, person.nom.upper()) if x)
            notice = self.text(recipient, given_on)
            write_notice(notice, path)
            person.notice_date = given_on
            audit.record(s, actor, "notice_remise", "person", person.id, person_id=person.id,
                         fields=["notice_date"], detail=f"notice imprimée, remise le {date_fr(given_on)}")
        return notice
