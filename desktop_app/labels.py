"""French labels of the stored enumerations, in display order."""

from __future__ import annotations

from db.enums import (
    CaisseRetraite,
    Civilite,
    Mobilite,
    RelationAidant,
    RightsKind,
    Role,
    Sexe,
    SourceOrientation,
    StatutPersonne,
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


def label(mapping: dict, value: object, default: str = "") -> str:  # type: ignore[type-arg]
    if value is None:
        return default
    return str(mapping.get(value, value))
