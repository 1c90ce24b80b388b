"""A funding line: financeur, year, amount (French « 1 234,50 » accepted), what it funds,
CFPPA axis, period, status (demandé, accordé, versé, soldé) and the date of each step."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from desktop_app.formatting import number_fr
from desktop_app.labels import AXE_CFPPA, STATUT_FINANCEMENT
from desktop_app.partners.records import FundingInput, FundingRow
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.pages.partners import PARTNERS
from ui.pages.people.form_fields import choices
from ui.widgets.fields import ChoiceField, DateField, TextField

_DATES = ("periode_debut", "periode_fin", "date_demande", "date_accord", "date_versement", "date_solde")


class FundingForm(FormDialog):
    topic = PARTNERS

    def __init__(self, ctx: Context, row: FundingRow | None = None, year: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = tr("Nouvelle ligne de financement") if row is None else tr("Financement — {name}").format(
            name=row.financeur_nom)
        super().__init__(ctx, title, tr("Les champs marqués * sont obligatoires."), parent=parent, width=720)
        self.row = row
        financeurs = [(tr("— choisissez —"), None),
                      *[(nom, pid) for pid, nom in ctx.escale.partners.choices(ctx.actor, "financeur")]]
        form = form_layout()
        self.add(form, tr("Financeur *"), ChoiceField("financeur_id", tr("Financeur"), financeurs, 360))
        self.add(form, tr("Année *"), TextField("annee", tr("Année"), "2026", 90, 4))
        self.add(form, tr("Montant (€) *"), TextField("montant", tr("Montant en euros"), tr("1 234,50"), 180, 20))
        self.add(form, tr("Action financée *"), TextAreaField("action", tr("Action financée"),
                                                             tr("Ateliers équilibre, tournées de l'API Bus…"), 56))
        self.add(form, tr("Axe CFPPA"), ChoiceField("axe_cfppa", tr("Axe CFPPA"), choices(AXE_CFPPA, tr("—")), 420))
        self.add(form, tr("Période"), DateField("periode_debut", tr("Début de la période")),
                 DateField("periode_fin", tr("Fin de la période")))
        self.add(form, tr("Statut"), ChoiceField("statut", tr("Statut"), choices(STATUT_FINANCEMENT), 200))
        self.add(form, tr("Demandé, accordé le"), DateField("date_demande", tr("Date de la demande")),
                 DateField("date_accord", tr("Date de l'accord")))
        self.add(form, tr("Versé, soldé le"), DateField("date_versement", tr("Date du versement")),
                 DateField("date_solde", tr("Date du solde")))
        self.add(form, tr("Référence"), TextField("reference", tr("Référence du dossier"), max_length=100))
        self.add(form, tr("Notes"), TextAreaField("notes", tr("Notes"), height=50))
        self.body.addLayout(form)
        if row is not None:
            values = {k: getattr(row, k) for k in ("financeur_id", "annee", "action", "axe_cfppa", "statut",
                                                   "reference", "notes", *_DATES)}
            values["montant"] = number_fr(row.montant, 2)
            self.load(values)
        else:
            self.load({"annee": year or dt.date.today().year, "statut": "demande"})

    def collect(self) -> FundingInput:
        v = self.values()
        return FundingInput(
            financeur_id=v["financeur_id"], annee=v["annee"], montant=v["montant"], action=v["action"],
            axe_cfppa=v["axe_cfppa"], statut=v["statut"], reference=v["reference"], notes=v["notes"],
            **{k: v[k] for k in _DATES},
        )

    def submit(self) -> None:
        data, ctx, row = self.collect(), self.ctx, self.row
        if row is None:
            def work() -> FundingRow:
                return ctx.escale.funding.create(ctx.actor, data)
        else:
            line_id, version = row.id, row.version_id

            def work() -> FundingRow:
                return ctx.escale.funding.update(ctx.actor, line_id, version, data)
        self.run(work, self._done, tr("Ligne de financement enregistrée."))

    def _done(self, saved: FundingRow) -> None:
        self.saved = saved


def amount_text(value: Decimal) -> str:
    return f"{number_fr(value, 2)} €"
