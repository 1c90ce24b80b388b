"""The audit journal as the administrator reads it: filtered by person, user, dates and
kind of action, newest first, page by page; its verification and its retention purge.

The view shows who did what on which record; a person appears by name only (no social
data), which the administrator needs to answer « who opened my file? ».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from db.base import utcnow
from db.engine import Database
from db.models import AuditEntry, Person, User
from desktop_app.actor import SYSTEM, Actor
from desktop_app.errors import ValidationError
from desktop_app.people import search
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.validation import parse_date

RETENTION_KEY = "audit.conservation_mois"

ACTION_LABELS = {
    "creation": "Création",
    "modification": "Modification",
    "consultation": "Consultation de la fiche",
    "suppression": "Suppression",
    "export": "Export",
    "impression": "Impression",
    "connexion": "Connexion",
    "echec_connexion": "Échec de connexion",
    "deconnexion": "Déconnexion",
    "deverrouillage": "Déverrouillage de session",
    "echec_deverrouillage": "Échec de déverrouillage",
    "changement_mot_de_passe": "Changement de mot de passe",
    "reinitialisation_mot_de_passe": "Réinitialisation du mot de passe",
    "desactivation": "Désactivation du compte",
    "reactivation": "Réactivation du compte",
    "attribution_benevole": "Confiée à un bénévole",
    "retrait_benevole": "Retirée à un bénévole",
    "lien_aidant": "Lien d'aidant ajouté",
    "suppression_lien_aidant": "Lien d'aidant retiré",
    "statut:archive": "Archivage",
    "statut:actif": "Remise en actif",
    "statut:decede": "Décès enregistré",
    "purge_journal": "Purge du journal",
    "archivage": "Archivage (conservation)",
    "anonymisation": "Anonymisation",
    "notice_remise": "Notice d'information remise",
    "demande_droit": "Demande d'exercice d'un droit",
    "reponse_droit": "Réponse à une demande de droit",
    "sauvegarde": "Sauvegarde",
    "restauration": "Restauration d'une sauvegarde",
    "geocodage": "Géocodage",
    "inscription": "Inscription",
    "desinscription": "Désinscription",
    "desistement": "Désistement",
    "promotion_liste_attente": "Place proposée (liste d'attente)",
    "presence": "Présences",
    "presence_effacee": "Présence effacée",
    "satisfaction": "Satisfaction",
    "questionnaire": "Questionnaire",
    "tarif": "Tarif appliqué",
    "theme": "Thème d'atelier",
    "adhesion": "Adhésion",
    "suppression_adhesion": "Adhésion supprimée",
    "ajout_seance": "Séance ajoutée",
    "generation_seances": "Séances générées",
    "financement": "Financeurs modifiés",
    "deplacement": "Déplacé dans le planning",
    "paiement": "Paiement",
    "presence_sans_inscription": "Présence sans inscription",
    "seance_realisee": "Séance réalisée",
    "modification_seance": "Séance modifiée",
    "annulation_seance": "Séance annulée",
    "retablissement_seance": "Séance rétablie",
    "suppression_seance": "Séance supprimée",
    "export_emargement": "Feuille d'émargement imprimée",
    "transport": "Transport à domicile",
    "planification_transport": "Trajet calculé",
}
ENTITY_LABELS = {
    "person": "Personne", "user": "Compte", "setting": "Réglage", "aidant_link": "Lien d'aidant",
    "audit": "Journal", "visit": "Visite", "atelier": "Atelier", "tournee": "Tournée",
    "rights_request": "Demande de droits", "database": "Base de données", "atelier_action": "Action",
    "atelier_seance": "Séance", "atelier_inscription": "Inscription", "atelier_theme": "Thème",
    "adhesion": "Adhésion", "commune_convention": "Convention commune", "passage": "Passage",
    "vehicle": "Véhicule", "tariff_rate": "Tarif des passages", "partner": "Partenaire",
    "partner_contact": "Contact partenaire", "funding_line": "Financement",
    "bilan": "Bilan", "bilan_narrative": "Récit du bilan", "recurring_contact": "Contact régulier",
    "unavailability": "Absence / indisponibilité",
}
FIELD_LABELS = {
    "civilite": "civilité", "nom": "nom", "prenom": "prénom", "nom_naissance": "nom de naissance",
    "sexe": "sexe", "date_naissance": "date de naissance", "adresse": "adresse",
    "complement_adresse": "complément d'adresse", "code_postal": "code postal", "commune_insee": "commune", "commune_nom": "commune",
    "telephone": "téléphone", "telephone2": "autre téléphone", "email": "e-mail", "vit_seul": "vit seul(e)",
    "caisse_retraite": "caisse de retraite", "caisse_complementaire": "caisse complémentaire", "gir": "GIR",
    "gir_date": "date du GIR", "gir_evaluateur": "évaluateur du GIR", "mobilite": "mobilité",
    "fragilite_isolement": "isolement", "fragilite_precarite": "précarité", "fragilite_sante": "santé",
    "source_orientation": "orientée par", "urgence_nom": "personne à prévenir", "urgence_telephone":
    "téléphone d'urgence", "urgence_lien": "lien d'urgence", "medecin_traitant": "médecin traitant",
    "consentement_date": "date du consentement", "notice_date": "date de la notice",
    "est_beneficiaire": "bénéficiaire", "est_benevole": "bénévole", "statut": "statut",
    "relation": "lien", "username": "identifiant", "display_name": "nom affiché", "role": "rôle",
    "person_id": "fiche liée", "password_hash": "mot de passe", "active": "actif",
    "kind": "nature de la demande", "requester": "demandeur", "received_on": "reçue le",
    "answered_on": "répondue le", "answer": "réponse", "latitude": "latitude", "longitude": "longitude",
    "geocode_score": "score de géocodage", "geocode_status": "état du géocodage", "present": "présence",
    "paye": "payé", "date_paiement": "date de paiement", "besoin_transport": "transport à domicile",
    "heure_prise_en_charge": "heure de prise en charge", "libelle": "libellé", "tarif": "tarif",
    "prix_par_passage": "prix par passage", "archived": "archivé",
}
SYSTEM_LABEL = "Escale (système)"
# Kinds of action offered by the filter (label → action codes; empty = every action).
ACTION_GROUPS: dict[str, tuple[str, ...]] = {
    "Toutes les actions": (),
    "Connexions et échecs": ("connexion", "echec_connexion", "deconnexion", "deverrouillage", "echec_deverrouillage"),
    "Consultations de fiches": ("consultation",),
    "Créations": ("creation",),
    "Modifications": ("modification", "statut:archive", "statut:actif", "statut:decede", "lien_aidant",
                      "suppression_lien_aidant", "attribution_benevole", "retrait_benevole",
                      "archivage", "anonymisation", "geocodage"),
    "Droits des personnes et notices": ("demande_droit", "reponse_droit", "notice_remise"),
    "Suppressions": ("suppression",),
    "Exports et impressions": ("export", "impression", "export_emargement"),
    "Comptes et mots de passe": ("changement_mot_de_passe", "reinitialisation_mot_de_passe", "desactivation",
                                 "reactivation"),
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action.replace("_", " ").capitalize())


def fields_label(fields: str) -> str:
    """« gir,medecin_traitant » → « GIR, médecin traitant » (settings keep their key)."""
    names = [f for f in fields.split(",") if f]
    shown = [FIELD_LABELS.get(f, f if "." in f else f.replace("_", " ")) for f in names]
    return ", ".join(dict.fromkeys(shown))


@dataclass(frozen=True)
class AuditFilter:
    person_id: int | None = None
    user_id: int | None = None
    date_from: dt.date | str | None = None  # local dates, inclusive; « jj/mm/aaaa » accepted
    date_to: dt.date | str | None = None
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # local time
    user_label: str
    action: str
    action_label: str
    entity_label: str
    entity_id: int | None
    person_id: int | None
    person_name: str | None
    fields: str
    detail: str


@dataclass(frozen=True)
class AuditResults:
    rows: list[AuditRow]
    total: int
    offset: int
    limit: int


def _utc_bound(day: dt.date) -> dt.datetime:
    """Local midnight of ``day`` as naive UTC (the journal stores UTC)."""
    return dt.datetime.combine(day, dt.time.min).astimezone(dt.UTC).replace(tzinfo=None)


def _local(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _checked(flt: AuditFilter) -> AuditFilter:
    """Dates typed as text become dates; a wrong one is refused under its field."""
    errors: dict[str, str] = {}
    dates: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            dates[name] = parse_date(getattr(flt, name))
        except ValueError as exc:
            errors[name] = str(exc)
    start, end = dates.get("date_from"), dates.get("date_to")
    if start and end and end < start:
        errors["date_to"] = "La date de fin est avant la date de début."
    if errors:
        raise ValidationError(errors)
    return replace(flt, date_from=start, date_to=end)


def _filtered(stmt: Select, flt: AuditFilter) -> Select:  # type: ignore[type-arg]
    if flt.person_id is not None:
        stmt = stmt.where(AuditEntry.person_id == flt.person_id)
    if flt.user_id is not None:
        stmt = stmt.where(AuditEntry.user_id == flt.user_id)
    if isinstance(flt.date_from, dt.date):
        stmt = stmt.where(AuditEntry.at >= _utc_bound(flt.date_from))
    if isinstance(flt.date_to, dt.date):
        stmt = stmt.where(AuditEntry.at < _utc_bound(flt.date_to + dt.timedelta(days=1)))
    if flt.actions:
        stmt = stmt.where(AuditEntry.action.in_(flt.actions))
    return stmt


class AuditService:
    def __init__(self, db: Database, settings: SettingsService, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock

    def search(self, actor: Actor, flt: AuditFilter, offset: int = 0, limit: int = 100) -> AuditResults:
        require(actor, Perm.AUDIT_READ)
        flt = _checked(flt)
        person = aliased(Person)
        with self.db.read() as s:
            total = s.scalar(_filtered(select(func.count(AuditEntry.id)), flt)) or 0
            stmt = _filtered(
                select(AuditEntry, User.display_name, User.username, person.nom, person.prenom)
                .outerjoin(User, User.id == AuditEntry.user_id)
                .outerjoin(person, person.id == AuditEntry.person_id),
                flt,
            ).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).offset(offset).limit(limit)
            rows = [
                AuditRow(
                    id=e.id, at=_local(e.at),
                    user_label=f"{display} ({username})" if username
                    else "—" if e.action.startswith("echec_") else SYSTEM_LABEL,
                    action=e.action, action_label=action_label(e.action),
                    entity_label=ENTITY_LABELS.get(e.entity, e.entity), entity_id=e.entity_id,
                    person_id=e.person_id,
                    person_name=f"{nom.upper()} {prenom}" if nom is not None else None,
                    fields=fields_label(e.fields), detail=e.detail,
                )
                for e, display, username, nom, prenom in s.execute(stmt)
            ]
        return AuditResults(rows, total, offset, limit)

    def users(self, actor: Actor) -> list[tuple[int, str]]:
        require(actor, Perm.AUDIT_READ)
        with self.db.read() as s:
            return [(u.id, f"{u.display_name} ({u.username})")
                    for u in s.scalars(select(User).order_by(User.display_name))]

    def pick_person(self, actor: Actor, text: str, limit: int = 20) -> list[tuple[int, str]]:
        """People by name, to filter the journal on one person (names only)."""
        require(actor, Perm.AUDIT_READ)
        with self.db.read() as s:
            return search.brief_matches(s, text, limit)

    def verify(self) -> audit.ChainCheck:
        """Check the chain (no personal data involved: open to the command line)."""
        with self.db.read() as s:
            return audit.verify(s)

    def purge_expired(self, actor: Actor = SYSTEM) -> int:
        """Delete the entries older than the retention setting (12 months by default)."""
        months = int(self.settings.get(RETENTION_KEY))
        before = self.clock() - relativedelta(months=months)
        with self.db.uow() as s:
            return self._purge(s, actor, before, months)

    @staticmethod
    def _purge(s: Session, actor: Actor, before: dt.datetime, months: int) -> int:
        removed = audit.purge(s, before)
        if removed:
            audit.record(s, actor, "purge_journal", "audit",
                         detail=f"{removed} entrées antérieures au {_local(before):%d/%m/%Y} supprimées "
                                f"(conservation : {months} mois)")
        return removed
