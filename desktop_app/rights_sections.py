"""The people file's part of a person's export: identity, situation, contacts, aidant links,
rights requests and the audit trail of the file (who did what, when — field names only)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import AidantLink, AuditEntry, Person, RightsRequest, User
from desktop_app.labels import (
    CAISSE,
    CIVILITE,
    MOBILITE,
    RELATION,
    RIGHTS_KIND,
    SEXE,
    SOURCE,
    STATUT,
    label,
)
from desktop_app.person_data import Section
from desktop_app.validation import format_phone

AUDIT_ACTIONS = {
    "creation": "Création de la fiche",
    "modification": "Modification",
    "lien_aidant": "Lien d'aidant ajouté",
    "suppression_lien_aidant": "Lien d'aidant retiré",
    "archivage": "Archivage (fin de conservation)",
    "anonymisation": "Anonymisation",
    "export": "Export du dossier",
    "impression": "Impression",
    "notice_remise": "Notice d'information remise",
    "demande_droit": "Demande d'exercice d'un droit",
    "reponse_droit": "Réponse à une demande",
    "consultation": "Consultation",
}


def audit_action_label(action: str) -> str:
    if action.startswith("statut:"):
        return f"Statut : {label(STATUT, action.split(':', 1)[1])}"
    return AUDIT_ACTIONS.get(action, action)


def _local(at: dt.datetime) -> dt.datetime:
    """Audit times are stored in UTC; show them in local time."""
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None, microsecond=0)


def _identity(p: Person) -> Section:
    return Section("Identité et coordonnées", fields=[
        ("Civilité", label(CIVILITE, p.civilite) or None),
        ("Nom", p.nom), ("Nom de naissance", p.nom_naissance), ("Prénom", p.prenom),
        ("Sexe", label(SEXE, p.sexe)), ("Date de naissance", p.date_naissance),
        ("Année de naissance", p.annee_naissance),
        ("Adresse", p.adresse), ("Complément d'adresse", p.complement_adresse),
        ("Code postal", p.code_postal), ("Commune", p.commune_nom), ("Code INSEE", p.commune_insee),
        ("Téléphone", format_phone(p.telephone) or None),
        ("Téléphone 2", format_phone(p.telephone2) or None), ("E-mail", p.email),
    ])


def _situation(p: Person) -> Section:
    return Section("Situation et accompagnement", fields=[
        ("Vit seul(e)", p.vit_seul), ("Caisse de retraite", label(CAISSE, p.caisse_retraite) or None),
        ("Caisse complémentaire", p.caisse_complementaire), ("GIR", p.gir),
        ("Date de l'évaluation GIR", p.gir_date), ("Évaluateur GIR", p.gir_evaluateur),
        ("Mobilité", label(MOBILITE, p.mobilite) or None),
        ("Fragilité : isolement", p.fragilite_isolement), ("Fragilité : précarité", p.fragilite_precarite),
        ("Fragilité : santé", p.fragilite_sante), ("Orientée par", label(SOURCE, p.source_orientation) or None),
        ("Bénéficiaire", p.est_beneficiaire), ("Bénévole", p.est_benevole),
        ("Statut", label(STATUT, p.statut)),
        ("Fiche créée le", p.created_at), ("Dernière modification", p.updated_at),
        ("Dernier contact", p.last_contact_date), ("Consentement recueilli le", p.consentement_date),
        ("Notice d'information remise le", p.notice_date), ("Archivée le", p.archived_at),
        ("Anonymisée le", p.anonymised_at),
    ])


def _contacts(p: Person) -> Section:
    return Section("Personne à prévenir et médecin traitant", fields=[
        ("Personne à prévenir", p.urgence_nom),
        ("Son téléphone", format_phone(p.urgence_telephone) or None),
        ("Son lien", p.urgence_lien), ("Médecin traitant", p.medecin_traitant),
    ])


def _links(s: Session, person_id: int) -> Section:
    rows = []
    stmt = select(AidantLink, Person).join(Person, or_(
        (AidantLink.aidant_id == Person.id) & (AidantLink.aide_id == person_id),
        (AidantLink.aide_id == Person.id) & (AidantLink.aidant_id == person_id),
    )).order_by(AidantLink.id)
    for link, other in s.execute(stmt):
        role = "Aidé(e) par" if link.aide_id == person_id else "Aide"
        rows.append((role, f"{other.nom.upper()} {other.prenom}".strip(), label(RELATION, link.relation), link.depuis))
    return Section("Aidants et personnes aidées", columns=("Rôle", "Personne", "Lien", "Depuis"),
                   rows=rows, empty_text="Aucun lien d'aidant.")


def _requests(s: Session, person_id: int) -> Section:
    reqs = s.scalars(select(RightsRequest).where(RightsRequest.person_id == person_id)
                     .order_by(RightsRequest.received_on, RightsRequest.id)).all()
    rows = [(label(RIGHTS_KIND, r.kind), r.requester, r.received_on, r.due_on, r.answered_on, r.answer)
            for r in reqs]
    return Section("Demandes d'exercice des droits",
                   columns=("Droit", "Demandé par", "Reçue le", "Échéance", "Répondue le", "Réponse"),
                   rows=rows, empty_text="Aucune demande enregistrée.")


def _audit(s: Session, person_id: int) -> Section:
    stmt = (select(AuditEntry, User.display_name).outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.person_id == person_id).order_by(AuditEntry.id))
    rows = [(_local(e.at), name or "Escale (système)", audit_action_label(e.action), e.fields.replace(",", ", "))
            for e, name in s.execute(stmt)]
    return Section("Journal : qui a créé, modifié, exporté ou imprimé ce dossier",
                   columns=("Date", "Par", "Action", "Champs concernés"), rows=rows,
                   note="Le journal cite les champs modifiés, jamais leurs valeurs.",
                   empty_text="Aucune entrée au journal.")


def people_sections(s: Session, person_id: int) -> list[Section]:
    person = s.get(Person, person_id)
    if person is None:
        return []
    return [_identity(person), _situation(person), _contacts(person), _links(s, person_id),
            _requests(s, person_id)]


def audit_sections(s: Session, person_id: int) -> list[Section]:
    """Registered last (order 900), after the sections of every other area."""
    return [_audit(s, person_id)]
