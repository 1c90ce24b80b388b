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


FIELD_LABELS = {
    "civilite": "Civilité", "nom": "Nom", "nom_naissance": "Nom de naissance", "prenom": "Prénom",
    "sexe": "Sexe", "date_naissance": "Date de naissance", "annee_naissance": "Année de naissance",
    "adresse": "Adresse", "complement_adresse": "Complément d'adresse", "code_postal": "Code postal",
    "commune_nom": "Commune", "commune_insee": "Code INSEE", "telephone": "Téléphone",
    "telephone2": "Téléphone 2", "email": "E-mail", "vit_seul": "Vit seul(e)",
    "caisse_retraite": "Caisse de retraite", "caisse_complementaire": "Caisse complémentaire",
    "gir": "GIR", "gir_date": "Date de l'évaluation GIR", "gir_evaluateur": "Évaluateur GIR",
    "mobilite": "Mobilité", "fragilite_isolement": "Fragilité : isolement",
    "fragilite_precarite": "Fragilité : précarité", "fragilite_sante": "Fragilité : santé",
    "source_orientation": "Orientée par", "est_beneficiaire": "Bénéficiaire", "est_benevole": "Bénévole",
    "statut": "Statut", "created_at": "Fiche créée le", "updated_at": "Dernière modification",
    "last_contact_date": "Dernier contact", "consentement_date": "Consentement recueilli le",
    "notice_date": "Notice d'information remise le", "archived_at": "Archivée le",
    "anonymised_at": "Anonymisée le", "urgence_nom": "Personne à prévenir",
    "urgence_telephone": "Son téléphone", "urgence_lien": "Son lien",
    "medecin_traitant": "Médecin traitant", "relation": "Lien", "kind": "Droit",
    "requester": "Demandé par", "received_on": "Reçue le", "answered_on": "Répondue le",
    "answer": "Réponse",
}
_DISPLAY = {
    "civilite": CIVILITE, "sexe": SEXE, "caisse_retraite": CAISSE, "mobilite": MOBILITE,
    "source_orientation": SOURCE, "statut": STATUT,
}
_PHONES = {"telephone", "telephone2", "urgence_telephone"}
IDENTITY = ("civilite", "nom", "nom_naissance", "prenom", "sexe", "date_naissance", "annee_naissance",
            "adresse", "complement_adresse", "code_postal", "commune_nom", "commune_insee",
            "telephone", "telephone2", "email")
SITUATION = ("vit_seul", "caisse_retraite", "caisse_complementaire", "gir", "gir_date", "gir_evaluateur",
             "mobilite", "fragilite_isolement", "fragilite_precarite", "fragilite_sante",
             "source_orientation", "est_beneficiaire", "est_benevole", "statut", "created_at",
             "updated_at", "last_contact_date", "consentement_date", "notice_date", "archived_at",
             "anonymised_at")
CONTACTS = ("urgence_nom", "urgence_telephone", "urgence_lien", "medecin_traitant")


def fields_label(names: str) -> str:
    """« telephone,email » → « Téléphone, E-mail » for the audit journal."""
    return ", ".join(FIELD_LABELS.get(n, n) for n in names.split(",") if n)


def _value(p: Person, name: str) -> object:
    value = getattr(p, name)
    if name in _DISPLAY:
        return label(_DISPLAY[name], value) or None
    if name in _PHONES:
        return format_phone(value) or None
    return value


def _block(title: str, p: Person, names: tuple[str, ...]) -> Section:
    return Section(title, fields=[(FIELD_LABELS[n], _value(p, n)) for n in names])  # type: ignore[misc]


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
                   rows=rows, widths=(1.3, 2, 1.3, 1.3, 1.3, 2.8), empty_text="Aucune demande enregistrée.")


def _audit(s: Session, person_id: int) -> Section:
    stmt = (select(AuditEntry, User.display_name).outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.person_id == person_id).order_by(AuditEntry.id))
    rows = [(_local(e.at), name or "Escale (système)", audit_action_label(e.action),
             "toute la fiche" if e.action == "creation" else fields_label(e.fields))
            for e, name in s.execute(stmt)]
    return Section("Journal : qui a créé, modifié, exporté ou imprimé ce dossier",
                   columns=("Date", "Par", "Action", "Champs concernés"), rows=rows, widths=(2, 2, 2.4, 3.6),
                   note="Le journal cite les champs modifiés, jamais leurs valeurs.",
                   empty_text="Aucune entrée au journal.")


def people_sections(s: Session, person_id: int) -> list[Section]:
    person = s.get(Person, person_id)
    if person is None:
        return []
    return [
        _block("Identité et coordonnées", person, IDENTITY),
        _block("Situation et accompagnement", person, SITUATION),
        _block("Personne à prévenir et médecin traitant", person, CONTACTS),
        _links(s, person_id), _requests(s, person_id),
    ]


def audit_sections(s: Session, person_id: int) -> list[Section]:
    """Registered last (order 900), after the sections of every other area."""
    return [_audit(s, person_id)]
