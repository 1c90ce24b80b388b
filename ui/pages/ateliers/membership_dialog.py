"""A person's yearly membership (adhésion): the years already paid, and a new one with its
amount and date. A member pays the « adhérent » price of the ateliers that year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app.ateliers.records import MembershipRow
from desktop_app.formatting import amount_fr, date_fr
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, form_layout
from ui.widgets.common import muted_label
from ui.widgets.fields import DateField, TextField


def history_text(rows: list[MembershipRow]) -> str:
    if not rows:
        return tr("Pas encore d'adhésion enregistrée.")
    return tr("Déjà adhérent(e) : {years}").format(years=", ".join(
        f"{r.annee} ({amount_fr(r.montant)} le {date_fr(r.date_adhesion)})" for r in rows))


class MembershipDialog(FormDialog):
    def __init__(self, ctx: Context, person_id: int, name: str, history: list[MembershipRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("Adhésion de {name}").format(name=name), "", tr("Enregistrer l'adhésion"), parent)
        self.person_id = person_id
        self.body.addWidget(muted_label(history_text(history)))
        form = form_layout()
        self.add(form, tr("Année *"), TextField("annee", tr("Année"), "2027", 110, 4))
        self.add(form, tr("Montant (€) *"), TextField("montant", tr("Montant"), "29,00", 130, 12))
        self.add(form, tr("Payée le"), DateField("date_adhesion", tr("Date d'adhésion")))
        self.body.addLayout(form)
        year = dt.date.today().year
        taken = {r.annee for r in history}
        self.load({"annee": str(year + 1 if year in taken else year),
                   "montant": str(ctx.escale.settings.get("ateliers.adhesion_montant")),
                   "date_adhesion": dt.date.today()})
        self.fields["montant"].setFocus()

    def submit(self) -> None:
        v = self.values()
        service, actor, person_id = self.ctx.escale.ateliers.memberships, self.ctx.actor, self.person_id
        self.run(lambda: service.add(actor, person_id, v["annee"], v["montant"], v["date_adhesion"]),
                 lambda _row: None, tr("Adhésion enregistrée."))
