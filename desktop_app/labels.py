"""French labels of the stored enumerations, in display order."""

from __future__ import annotations

from db.enums import (
    AxeCfppa,
    CaisseRetraite,
    Civilite,
    Mobilite,
    ModeContact,
    ObjetContact,
    RelationAidant,
    RightsKind,
    Role,
    RolePartenaire,
    Sexe,
    SourceOrientation,
    StatutFinancement,
    StatutPersonne,
    TypePartenaire,
)

CIVILITE = {Civilite.MADAME: "Madame", Civilite.MONSIEUR: "Monsieur"}
SEXE = {Sexe.FEMME: "Femme", Sexe.HOMME: "Homme", Sexe.INCONNU: "Non renseigné"}
STATUT = {
    StatutPersonne.ACTIF: "Actif",
    StatutPersonne.ARCHIVE: "Archivé",
    StatutPersonne.DECEDE: "Décédé",
    StatutPersonne.ANONYMISE: "Anonymisé",
}
MOBILITE = {
    Mobilite.AUTONOME: "Autonome",
    Mobilite.CANNE: "Canne",
    Mobilite.DEAMBULATEUR: "Déambulateur",
    Mobilite.FAUTEUIL: "Fauteuil roulant (place PMR)",
}
CAISSE = {
    CaisseRetraite.CARSAT: "Carsat (régime général)",
    CaisseRetraite.MSA: "MSA",
    CaisseRetraite.CNRACL: "CNRACL",
    CaisseRetraite.SSI: "SSI (indépendants)",
    CaisseRetraite.FONCTION_PUBLIQUE: "Fonction publique d'État",
    CaisseRetraite.AUTRE: "Autre",
}
SOURCE = {
    SourceOrientation.MAIRIE: "Mairie",
    SourceOrientation.CCAS: "CCAS",
    SourceOrientation.ADMR: "ADMR / aide à domicile",
    SourceOrientation.CLIC: "CLIC / DAC",
    SourceOrientation.FAMILLE: "Famille",
    SourceOrientation.TRAVAILLEUR_SOCIAL: "Travailleur social",
    SourceOrientation.MEDECIN: "Médecin / soignant",
    SourceOrientation.VOISIN: "Voisin",
    SourceOrientation.SPONTANE: "Démarche spontanée",
    SourceOrientation.AUTRE: "Autre",
}
RELATION = {
    RelationAidant.CONJOINT: "Conjoint(e)",
    RelationAidant.ENFANT: "Enfant",
    RelationAidant.PARENT: "Parent",
    RelationAidant.FRATRIE: "Frère / sœur",
    RelationAidant.PETIT_ENFANT: "Petit-enfant",
    RelationAidant.VOISIN: "Voisin(e)",
    RelationAidant.AMI: "Ami(e)",
    RelationAidant.AUTRE: "Autre",
}
ROLE = {
    Role.ADMINISTRATEUR: "Administrateur",
    Role.COORDINATEUR: "Coordinateur",
    Role.INTERVENANT: "Intervenant social",
    Role.ANIMATEUR: "Animateur",
    Role.BENEVOLE: "Bénévole",
    Role.CHAUFFEUR: "Chauffeur",
}
GIR = {i: f"GIR {i}" for i in range(1, 7)}
RIGHTS_KIND = {
    RightsKind.ACCES: "Accès",
    RightsKind.RECTIFICATION: "Rectification",
    RightsKind.EFFACEMENT: "Effacement",
    RightsKind.OPPOSITION: "Opposition",
    RightsKind.LIMITATION: "Limitation",
}
MODE_CONTACT = {
    ModeContact.DOMICILE: "Visite à domicile",
    ModeContact.TELEPHONE: "Téléphone",
    ModeContact.PERMANENCE: "Permanence",
    ModeContact.BUS: "API Bus",
    ModeContact.VISIO: "Visio",
}
OBJET_CONTACT = {
    ObjetContact.EVALUATION: "Évaluation",
    ObjetContact.SUIVI: "Suivi",
    ObjetContact.CONVIVIALITE: "Convivialité",
    ObjetContact.REPIT: "Répit",
    ObjetContact.ACCES_DROITS: "Accès aux droits",
    ObjetContact.ORIENTATION: "Orientation",
}
TYPE_PARTENAIRE = {
    TypePartenaire.FINANCEUR: "Financeur",
    TypePartenaire.COMMUNE: "Commune / mairie",
    TypePartenaire.CCAS: "CCAS / CIAS",
    TypePartenaire.ASSOCIATION: "Association",
    TypePartenaire.PRESTATAIRE: "Prestataire",
    TypePartenaire.SAAD_SSIAD: "SAAD / SSIAD",
    TypePartenaire.CLIC_DAC: "CLIC / DAC",
    TypePartenaire.BAILLEUR: "Bailleur social",
    TypePartenaire.GENDARMERIE_POMPIERS: "Gendarmerie / pompiers",
    TypePartenaire.FONDATION: "Fondation",
    TypePartenaire.CAISSE_RETRAITE: "Caisse de retraite",
}
ROLE_PARTENAIRE = {
    RolePartenaire.FINANCEUR: "Financeur",
    RolePartenaire.RELAIS: "Relais",
    RolePartenaire.PRESCRIPTEUR: "Prescripteur",
    RolePartenaire.PRESTATAIRE: "Prestataire",
    RolePartenaire.LIEU: "Lieu d'accueil",
}
STATUT_FINANCEMENT = {
    StatutFinancement.DEMANDE: "Demandé",
    StatutFinancement.ACCORDE: "Accordé",
    StatutFinancement.VERSE: "Versé",
    StatutFinancement.SOLDE: "Soldé",
}
AXE_CFPPA = {
    AxeCfppa.AIDES_TECHNIQUES: "Axe 1 — Aides techniques",
    AxeCfppa.FORFAIT_AUTONOMIE: "Axe 2 — Forfait autonomie",
    AxeCfppa.SAAD: "Axe 3 — Prévention par les SAAD",
    AxeCfppa.SPASAD: "Axe 4 — Prévention par les SPASAD",
    AxeCfppa.PROCHES_AIDANTS: "Axe 5 — Soutien aux proches aidants",
    AxeCfppa.ACTIONS_COLLECTIVES: "Axe 6 — Autres actions collectives de prévention",
}


def label(mapping: dict, value: object, default: str = "") -> str:  # type: ignore[type-arg]
    if value is None:
        return default
    return str(mapping.get(value, value))
