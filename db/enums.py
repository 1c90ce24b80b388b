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


class ModeContact(StrEnum):
    """Where or how a visit / contact took place."""

    DOMICILE = "domicile"
    TELEPHONE = "telephone"
    PERMANENCE = "permanence"
    BUS = "bus"
    VISIO = "visio"


class ObjetContact(StrEnum):
    """Purpose of a visit / contact."""

    EVALUATION = "evaluation"
    SUIVI = "suivi"
    CONVIVIALITE = "convivialite"
    REPIT = "repit"
    ACCES_DROITS = "acces_droits"
    ORIENTATION = "orientation"


class TypePartenaire(StrEnum):
    FINANCEUR = "financeur"
    COMMUNE = "commune"
    CCAS = "ccas"
    ASSOCIATION = "association"
    PRESTATAIRE = "prestataire"
    SAAD_SSIAD = "saad_ssiad"
    CLIC_DAC = "clic_dac"
    BAILLEUR = "bailleur"
    GENDARMERIE_POMPIERS = "gendarmerie_pompiers"
    FONDATION = "fondation"
    CAISSE_RETRAITE = "caisse_retraite"


class RolePartenaire(StrEnum):
    FINANCEUR = "financeur"
    RELAIS = "relais"
    PRESCRIPTEUR = "prescripteur"
    PRESTATAIRE = "prestataire"
    LIEU = "lieu"


class StatutFinancement(StrEnum):
    """Life of a funding line, in order: asked, granted, paid, closed."""

    DEMANDE = "demande"
    ACCORDE = "accorde"
    VERSE = "verse"
    SOLDE = "solde"


class AxeCfppa(StrEnum):
    """Axes of the conférence des financeurs (CASF L.233-1)."""

    AIDES_TECHNIQUES = "1"
    FORFAIT_AUTONOMIE = "2"
    SAAD = "3"
    SPASAD = "4"
    PROCHES_AIDANTS = "5"
    ACTIONS_COLLECTIVES = "6"
