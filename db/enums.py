"""Enumerations stored as strings. French labels live in desktop_app.labels."""

from __future__ import annotations

from enum import StrEnum


class Civilite(StrEnum):
    MADAME = "mme"
    MONSIEUR = "m"


class Sexe(StrEnum):
    FEMME = "f"
    HOMME = "h"
    INCONNU = "i"


class StatutPersonne(StrEnum):
    ACTIF = "actif"
    ARCHIVE = "archive"
    DECEDE = "decede"
    ANONYMISE = "anonymise"  # identity removed at the end of retention; statistics kept


class Mobilite(StrEnum):
    AUTONOME = "autonome"
    CANNE = "canne"
    DEAMBULATEUR = "deambulateur"
    FAUTEUIL = "fauteuil"


class CaisseRetraite(StrEnum):
    CARSAT = "carsat"
    MSA = "msa"
    CNRACL = "cnracl"
    SSI = "ssi"
    FONCTION_PUBLIQUE = "fonction_publique"
    AUTRE = "autre"


class SourceOrientation(StrEnum):
    MAIRIE = "mairie"
    CCAS = "ccas"
    ADMR = "admr"
    CLIC = "clic"
    FAMILLE = "famille"
    TRAVAILLEUR_SOCIAL = "travailleur_social"
    MEDECIN = "medecin"
    VOISIN = "voisin"
    SPONTANE = "spontane"
    AUTRE = "autre"


class RelationAidant(StrEnum):
    CONJOINT = "conjoint"
    ENFANT = "enfant"
    PARENT = "parent"
    FRATRIE = "fratrie"
    PETIT_ENFANT = "petit_enfant"
    VOISIN = "voisin"
    AMI = "ami"
    AUTRE = "autre"


class Role(StrEnum):
    """Application roles (need-to-know access, CNIL 2021-028)."""

    ADMINISTRATEUR = "administrateur"
    COORDINATEUR = "coordinateur"
    INTERVENANT = "intervenant"
    ANIMATEUR = "animateur"
    BENEVOLE = "benevole"
    CHAUFFEUR = "chauffeur"


class RightsKind(StrEnum):
    """Requests a person makes under the RGPD (articles 15 to 21)."""

    ACCES = "acces"
    RECTIFICATION = "rectification"
    EFFACEMENT = "effacement"
    OPPOSITION = "opposition"
    LIMITATION = "limitation"
