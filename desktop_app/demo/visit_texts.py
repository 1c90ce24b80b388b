"""Factual French wording of the demo visits: summaries per purpose, a few confidential
notes and the usual orientation reasons. ``{Mme}`` is « Madame » or « Monsieur », ``{e}``
the feminine ending, ``{elle}`` the pronoun."""

from __future__ import annotations

SUMMARIES: dict[str, list[str]] = {
    "evaluation": [
        "Première visite à domicile. {Mme} vit dans une maison de plain-pied ; présentation du service et recueil du consentement. Besoins exprimés : aide aux courses et compagnie.",
        "Évaluation des besoins avec {Mme} et sa fille. Salle de bains avec baignoire, {elle} souhaite une douche de plain-pied. Dossier d'adaptation du logement à constituer.",
        "Réévaluation de la situation. {Mme} se déplace avec une canne depuis sa chute de mars. Aide à domicile deux fois par semaine.",
        "Visite d'évaluation. {Mme} dit se sentir seul{e} depuis le décès de son conjoint ; {elle} accepte des visites de convivialité.",
        "Point sur l'autonomie : {Mme} prépare ses repas, l'entretien du logement est assuré par l'ADMR. Pas de téléalarme.",
    ],
    "suivi": [
        "Visite de suivi. {Mme} va bien, {elle} a repris ses promenades quotidiennes.",
        "Appel de suivi : rendez-vous médical honoré, {elle} attend les résultats de la prise de sang.",
        "Suivi à domicile. Les courses sont livrées chaque jeudi ; {Mme} souhaite garder ce fonctionnement.",
        "{Mme} signale des difficultés pour monter l'escalier extérieur. Information donnée sur les aides à l'adaptation du logement.",
        "Point mensuel. Le portage de repas fonctionne ; {elle} apprécie les menus.",
        "Suivi téléphonique : pas de changement depuis la dernière visite. {Mme} participera à l'atelier mémoire.",
        "{Mme} a été hospitalisé{e} trois jours pour une chute ; retour à domicile avec passage infirmier quotidien.",
        "Visite de suivi avec l'aide à domicile présente. Organisation du planning des interventions revue ensemble.",
        "Suivi : la téléalarme est installée, {Mme} l'a testée devant nous.",
        "{Mme} évoque la fatigue liée à l'accompagnement de son conjoint. Information sur les temps de répit.",
    ],
    "convivialite": [
        "Visite de convivialité : partie de cartes et café. {Mme} a parlé de ses petits-enfants.",
        "Promenade jusqu'au marché avec {Mme}, une demi-heure de marche.",
        "Après-midi de discussion autour des photos de famille. {Mme} demande la prochaine visite dans quinze jours.",
        "Appel de convivialité : {Mme} a reçu la visite de sa sœur ce week-end.",
        "Lecture du journal local ensemble et échange sur la fête du village.",
        "Visite de convivialité au jardin ; {Mme} a montré ses plantations de tomates.",
    ],
    "repit": [
        "Temps de répit : présence au domicile pendant que l'aidant{e} se rendait à son rendez-vous.",
        "Échange avec l'aidant{e} sur son organisation de la semaine. Proposition du café des aidants.",
        "Répit de trois heures à domicile ; activité de jeux de mémoire avec la personne aidée.",
        "Point avec l'aidant{e} : {elle} dort mieux depuis la mise en place de l'accueil de jour.",
    ],
    "acces_droits": [
        "Permanence : aide à la demande d'APA, dossier complété et envoyé au Département.",
        "Aide à la déclaration de revenus en ligne, accusé de réception remis à {Mme}.",
        "Demande de complémentaire santé solidaire préparée ; pièces justificatives à fournir.",
        "Information sur l'allocation de solidarité aux personnes âgées ; simulation faite avec {Mme}.",
        "Aide au renouvellement de la carte mobilité inclusion.",
    ],
    "orientation": [
        "Situation présentée au partenaire avec l'accord de {Mme}.",
        "Orientation proposée et acceptée par {Mme} ; coordonnées transmises.",
        "{Mme} souhaite être mis{e} en relation avec le partenaire ; premier contact pris devant {elle}.",
    ],
}

CONFIDENTIAL = [
    "Évoque des tensions avec son fils au sujet de la vente de la maison.",
    "Signale des difficultés financières depuis la fin de l'aide de sa fille ; loyer en retard de deux mois.",
    "Dit avoir reçu plusieurs appels d'un démarcheur insistant ; a donné son numéro de carte une fois.",
    "Traitement pour dépression depuis l'automne, suivi par son médecin traitant.",
    "L'aidante dit se sentir épuisée et avoir pensé à tout arrêter ; orientation vers le psychologue proposée.",
]

# partner-name keyword → reasons
ORIENTATIONS: dict[str, list[str]] = {
    "CLIC": ["Évaluation de la perte d'autonomie", "Dossier APA", "Coordination du retour à domicile"],
    "ADMR du": ["Aide au ménage et aux courses", "Aide à la toilette"],
    "SSIAD": ["Soins infirmiers à domicile"],
    "Carsat": ["Plan d'actions personnalisé", "Aide au retour à domicile après hospitalisation"],
    "MSA": ["Aide au répit de l'aidant", "Accompagnement social MSA"],
    "Hérault Habitat": ["Adaptation du logement (douche)", "Demande de mutation en rez-de-chaussée"],
    "Petits Frères": ["Visites de convivialité bénévoles"],
    "gendarmerie": ["Démarchage abusif signalé"],
    "France Services": ["Démarches en ligne"],
}


def fill(text: str, sexe: str) -> str:
    woman = sexe == "f"
    return text.format(Mme="Madame" if woman else "Monsieur", e="e" if woman else "",
                       elle="elle" if woman else "il")
