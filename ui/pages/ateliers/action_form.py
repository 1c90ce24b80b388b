"""Create or edit an atelier: what, where and with whom, capacity and level, dates and
status, price rule and financeurs (funding lines ticked in a list; the place may also
point at a partner « lieu »). Two columns of fields; the service checks everything."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionDetail, ActionFormChoices, ActionInput
from desktop_app.formatting import number_fr
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.pages.ateliers.funding_field import FundingField
from ui.widgets.common import Card
from ui.widgets.fields import ChoiceField, DateField, TextField


def choices(mapping: Mapping[Any, str], empty: str | None = None) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [(empty, None)] if empty is not None else []
    return items + [(text, str(value)) for value, text in mapping.items()]


def amount_text(value: Any) -> str:
    return number_fr(value, 2) if isinstance(value, Decimal) else ("" if value is None else str(value))


class ActionDialog(FormDialog):
    def __init__(self, ctx: Context, lists: ActionFormChoices, detail: ActionDetail | None,
                 on_saved: Callable[[ActionDetail], None], parent: QWidget | None = None) -> None:
        title = tr("Modifier l'atelier") if detail else tr("Nouvel atelier")
        super().__init__(ctx, title, tr("Les champs marqués * sont obligatoires."), parent=parent, width=980)
        self.detail = detail
        self.on_saved = on_saved
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = Card(tr("L'atelier")), Card(tr("Organisation"))
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        self.body.addLayout(columns)

        what = form_layout()
        self.add(what, tr("Titre *"), TextField("titre", tr("Titre"), tr("Atelier mémoire"), max_length=150))
        self.add(what, tr("Type"), ChoiceField("type_action", tr("Type"), choices(labels.TYPE_ACTION), None))
        self.add(what, tr("Thème *"), ChoiceField("theme_id", tr("Thème"),
                                                  [(tr("— choisir —"), None)] + [(t.libelle, t.id) for t in lists.themes], None))
        self.add(what, tr("Axe CFPPA"), ChoiceField("axe_cfppa", tr("Axe CFPPA"),
                                                    [(text, axe) for axe, text in labels.AXE_CFPPA.items()], None))
        self.add(what, tr("Public"), TextField("public", tr("Public"), tr("Retraités de 60 ans et plus")))
        self.add(what, tr("Description"), TextAreaField("description", tr("Description"),
                                                        tr("Objectifs, contenu des séances…")))
        left.body.addLayout(what)
        left.body.addStretch(1)

        how = form_layout()
        self.add(how, tr("Lieu"), TextField("lieu", tr("Lieu"), tr("Salle des fêtes, médiathèque…")))
        self.add(how, tr("Partenaire lieu"), ChoiceField(
            "lieu_partner_id", tr("Partenaire lieu"),
            [(tr("— aucun (lieu en texte libre) —"), None)] + [(c.libelle, c.id) for c in lists.lieux], None))
        self.add(how, tr("Animateur"), TextField("animateur", tr("Animateur"), tr("Nom ou structure")),
                 ChoiceField("animateur_type", tr("Type d'animateur"), choices(labels.TYPE_ANIMATEUR, "—"), 190))
        self.add(how, tr("Capacité"), TextField("capacite", tr("Capacité"), tr("12 (vide : sans limite)"), 190, 4),
                 ChoiceField("niveau", tr("Niveau"), choices(labels.NIVEAU, tr("Tous niveaux")), 190))
        self.add(how, tr("Dates du cycle"), DateField("date_debut", tr("Début du cycle")),
                 DateField("date_fin", tr("Fin du cycle")))
        self.add(how, tr("Statut"), ChoiceField("statut", tr("Statut"), choices(labels.STATUT_ACTION), None))
        self.add(how, tr("Tarif"), ChoiceField("tarification", tr("Tarification"), choices(labels.TARIFICATION), 190),
                 ChoiceField("tarif_unite", tr("Unité du tarif"), choices(labels.UNITE_TARIF), 190))
        self.add(how, tr("Prix (€)"), TextField("prix_plein", tr("Plein tarif"), tr("plein"), 120, 12),
                 TextField("prix_reduit", tr("Tarif réduit"), tr("réduit"), 120, 12),
                 TextField("prix_adherent", tr("Tarif adhérent"), tr("adhérent"), 120, 12))
        right.body.addLayout(how)
        right.body.addStretch(1)

        money = Card(tr("Financeurs"))
        funders = form_layout()
        self.add(funders, tr("Lignes de financement"),
                 FundingField("financements", tr("Financeurs"), lists.financements))
        if detail is not None and detail.data.financeur:  # typed before funding lines existed
            self.add(funders, tr("Financeur (ancien)"), TextField("financeur", tr("Financeur (texte libre)")))
        money.body.addLayout(funders)
        self.body.addWidget(money)
        self.fields["tarification"].changed.connect(self._price_state)

        if detail is not None:
            values = asdict(detail.data)
            for name in ("prix_plein", "prix_reduit", "prix_adherent"):
                values[name] = amount_text(values[name])
            values["capacite"] = "" if values["capacite"] is None else str(values["capacite"])
            self.load(values)
        else:
            self.load({"type_action": "cycle", "axe_cfppa": 6, "statut": "ouvert", "tarification": "gratuit",
                       "tarif_unite": "cycle", "theme_id": None})
        self._price_state()
        self.fields["titre"].setFocus()

    def _price_state(self) -> None:
        paying = self.fields["tarification"].value() == "payant"
        for name in ("tarif_unite", "prix_plein", "prix_reduit", "prix_adherent"):
            self.fields[name].setEnabled(paying)

    def submit(self) -> None:
        values = self.values()
        data = ActionInput(**{k: v for k, v in values.items() if k in ActionInput.__dataclass_fields__})
        if self.detail is not None and "financeur" not in self.fields:
            data.financeur = self.detail.data.financeur
        service, actor = self.ctx.escale.ateliers.actions, self.ctx.actor
        if self.detail is None:
            self.run(lambda: service.create(actor, data), self.on_saved, tr("Atelier créé."))
        else:
            detail = self.detail
            self.run(lambda: service.update(actor, detail.id, detail.version_id, data), self.on_saved,
                     tr("Atelier enregistré."))
