"""French labels of the ateliers enumerations, in display order."""

from __future__ import annotations

from db.models.ateliers import (
    Niveau,
    StatutAction,
    StatutSeance,
    Tarification,
    TypeAction,
    TypeAnimateur,
    UniteTarif,
)
from db.models.ateliers_participation import (
    MomentQuestionnaire,
    StatutInscription,
    StatutPresence,
    Tarif,
)
from desktop_app.ateliers.schedule import Frequence

TYPE_ACTION = {TypeAction.CYCLE: "Cycle de séances", TypeAction.PONCTUEL: "Action ponctuelle"}
STATUT_ACTION = {
    StatutAction.PREPARATION: "En préparation",
    StatutAction.OUVERT: "Inscriptions ouvertes",
    StatutAction.TERMINE: "Terminé",
    StatutAction.ANNULE: "Annulé",
}
TYPE_ANIMATEUR = {
    TypeAnimateur.SALARIE: "Salarié du service",
    TypeAnimateur.BENEVOLE: "Bénévole",
    TypeAnimateur.PRESTATAIRE: "Prestataire",
}
NIVEAU = {Niveau.DEBUTANT: "Débutant", Niveau.CONFIRME: "Confirmé"}
TARIFICATION = {Tarification.GRATUIT: "Gratuit", Tarification.PAYANT: "Payant"}
UNITE_TARIF = {UniteTarif.CYCLE: "par cycle", UniteTarif.SEANCE: "par séance"}
AXE_CFPPA = {5: "Axe 5 — accompagnement des proches aidants", 6: "Axe 6 — autres actions collectives de prévention"}
STATUT_SEANCE = {
    StatutSeance.PREVUE: "Prévue",
    StatutSeance.REALISEE: "Réalisée",
    StatutSeance.ANNULEE: "Annulée",
}
STATUT_INSCRIPTION = {
    StatutInscription.INSCRIT: "Inscrit",
    StatutInscription.EN_ATTENTE: "En attente",
    StatutInscription.DESISTE: "Désisté",
}
TARIF = {
    Tarif.PLEIN: "Plein tarif",
    Tarif.REDUIT: "Tarif réduit",
    Tarif.ADHERENT: "Adhérent",
    Tarif.EXONERE: "Exonéré",
}
PRESENCE = {
    StatutPresence.PRESENT: "Présent",
    StatutPresence.ABSENT: "Absent",
    StatutPresence.EXCUSE: "Excusé",
}
PRESENCE_COURT = {StatutPresence.PRESENT: "P", StatutPresence.ABSENT: "A", StatutPresence.EXCUSE: "E"}
MOMENT = {
    MomentQuestionnaire.DEBUT: "Première séance",
    MomentQuestionnaire.FIN: "Dernière séance",
    MomentQuestionnaire.SUIVI: "Suivi à 3 mois",
}
FREQUENCE = {
    Frequence.HEBDOMADAIRE: "Chaque semaine",
    Frequence.QUINZAINE: "Toutes les deux semaines",
    Frequence.MENSUELLE: "Chaque mois (même jour de la semaine)",
}
SMILEYS = {1: "Très déçu", 2: "Déçu", 3: "Moyen", 4: "Content", 5: "Très content"}
