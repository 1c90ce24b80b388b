"""The fields of the person form, section by section, one per PersonInput attribute, and
the postal code → commune suggestion.

Widgets are created in reading order, which is also the Tab order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.communes import get_registry, is_valid_postal_code_format
from desktop_app.labels import CAISSE, CIVILITE, GIR, MOBILITE, SEXE, SOURCE, STATUT
from ui.i18n import tr
from ui.widgets.fields import CheckField, ChoiceField, DateField, Field, PhoneField, TextField


def choices(mapping: Mapping[Any, str], empty: str | None = None) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [(empty, None)] if empty is not None else []
    items += [(text, str(value)) for value, text in mapping.items()]
    return items


@dataclass
class Row:
    label: str
    fields: list[Field]


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    column: int = 0

    def add(self, label: str, *fields: Field) -> None:
        self.rows.append(Row(label, list(fields)))


def build_sections() -> list[Section]:
    identite = Section(tr("Identité"))
    identite.add(tr("Nom *"), TextField("nom", tr("Nom"), max_length=100))
    identite.add(tr("Prénom *"), TextField("prenom", tr("Prénom"), max_length=100))
    identite.add(tr("Nom de naissance"), TextField("nom_naissance", tr("Nom de naissance"), max_length=100))
    identite.add(tr("Civilité"), ChoiceField("civilite", tr("Civilité"), choices(CIVILITE, "—"), 200))
    identite.add(tr("Sexe"), ChoiceField("sexe", tr("Sexe"), choices(SEXE), 200))
    identite.add(tr("Date de naissance"), DateField("date_naissance", tr("Date de naissance")))

    adresse = Section(tr("Adresse et contact"))
    adresse.add(tr("Adresse"), TextField("adresse", tr("Adresse"), tr("12 rue des Écoles")))
    adresse.add(tr("Complément"), TextField("complement_adresse", tr("Complément d'adresse"),
                                            tr("Bâtiment, étage, lieu-dit…")))
    adresse.add(tr("Code postal"), TextField("code_postal", tr("Code postal"), tr("34150"), 120, 6))
    adresse.add(tr("Commune"), ChoiceField("commune_insee", tr("Commune"), [], None))
    adresse.add(tr("Téléphone"), PhoneField("telephone", tr("Téléphone")))
    adresse.add(tr("Autre téléphone"), PhoneField("telephone2", tr("Autre téléphone")))
    adresse.add(tr("E-mail"), TextField("email", tr("E-mail"), tr("prenom.nom@exemple.fr")))

    urgence = Section(tr("Contact d'urgence et médecin"))
    urgence.add(tr("Personne à prévenir"), TextField("urgence_nom", tr("Personne à prévenir"), max_length=150))
    urgence.add(tr("Lien"), TextField("urgence_lien", tr("Lien avec la personne"), tr("fille, voisin…"),
                                      max_length=60))
    urgence.add(tr("Téléphone"), PhoneField("urgence_telephone", tr("Téléphone de la personne à prévenir")))
    urgence.add(tr("Médecin traitant"), TextField("medecin_traitant", tr("Médecin traitant"),
                                                  tr("Dr Nom, commune"), max_length=150))

    situation = Section(tr("Situation"), column=1)
    situation.add(tr("Vit seul(e)"), ChoiceField(
        "vit_seul", tr("Vit seul(e)"), [(tr("Non renseigné"), None), (tr("Oui"), True), (tr("Non"), False)], 200))
    situation.add(tr("Caisse de retraite"), ChoiceField(
        "caisse_retraite", tr("Caisse de retraite"), choices(CAISSE, tr("Non renseignée"))))
    situation.add(tr("Complémentaire"), TextField(
        "caisse_complementaire", tr("Caisse complémentaire"), tr("AG2R, Malakoff Humanis…"), max_length=100))
    situation.add(tr("GIR"), ChoiceField(
        "gir", tr("GIR"), [(tr("Non évalué"), None)] + [(text, n) for n, text in GIR.items()], 200))
    situation.add(tr("Évalué le"), DateField("gir_date", tr("Date de l'évaluation GIR")))
    situation.add(tr("Évaluateur"), TextField("gir_evaluateur", tr("Évaluateur du GIR"),
                                              tr("Équipe APA du Département…"), max_length=100))
    situation.add(tr("Mobilité"), ChoiceField("mobilite", tr("Mobilité"), choices(MOBILITE, tr("Non renseignée"))))
    situation.add(tr("Fragilités"), CheckField("fragilite_isolement", tr("Isolement")),
                  CheckField("fragilite_precarite", tr("Précarité")), CheckField("fragilite_sante", tr("Santé")))
    situation.add(tr("Orientée par"), ChoiceField(
        "source_orientation", tr("Orientée par"), choices(SOURCE, tr("Non renseigné"))))

    rgpd = Section(tr("RGPD"), column=1)
    rgpd.add(tr("Consentement le"), DateField("consentement_date", tr("Date du consentement")))
    rgpd.add(tr("Notice remise le"), DateField("notice_date", tr("Date de remise de la notice d'information")))

    roles = Section(tr("Rôles et statut"), column=1)
    roles.add(tr("Rôles"), CheckField("est_beneficiaire", tr("Bénéficiaire")), CheckField("est_benevole", tr("Bénévole")))
    roles.add(tr("Statut"), ChoiceField("statut", tr("Statut"), choices(STATUT), 200))
    return [identite, adresse, urgence, situation, rgpd, roles]


class CommuneSuggestion:
    """Fills the commune combobox from the postal code: selected at once when the code
    has one commune, a choice when it has several; the INSEE code is what is stored."""

    def __init__(self, code_postal: TextField, commune: ChoiceField) -> None:
        self.code_postal = code_postal
        self.commune = commune
        code_postal.line.textChanged.connect(lambda _text: self.update())
        self.update()

    def update(self, keep_insee: str | None = None) -> None:
        keep = keep_insee if keep_insee is not None else self.commune.value()
        code = self.code_postal.value().replace(" ", "").strip()
        registry = get_registry()
        if is_valid_postal_code_format(code):
            found = registry.for_postal_code(code)
            if not found:
                self._offer([(tr("Aucune commune pour ce code postal"), None)], None, enabled=False)
            elif len(found) == 1:
                self._offer([(found[0].nom, found[0].insee)], found[0].insee)
            else:
                items = [(tr("Choisissez la commune ({n})…").format(n=len(found)), None)]
                self._offer(items + [(c.nom, c.insee) for c in found], keep)
            return
        known = registry.by_insee(keep) if keep and not code else None
        if known is not None:
            self._offer([(known.nom, known.insee)], known.insee)
        else:
            self._offer([(tr("Saisissez d'abord le code postal"), None)], None, enabled=False)

    def _offer(self, items: list[tuple[str, Any]], selected: str | None, enabled: bool = True) -> None:
        if selected is not None and selected not in [data for _text, data in items]:
            selected = None
        self.commune.set_choices(items, selected)
        self.commune.combo.setEnabled(enabled)
