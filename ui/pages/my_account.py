"""Mon compte: who I am in Escale, what my role lets me see, and changing my password.
Every role has this page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.enums import Role
from desktop_app import labels
from desktop_app.errors import DomainError, ValidationError
from ui.auth.password_field import PasswordField
from ui.context import Context
from ui.i18n import tr
from ui.widgets.common import PAGE_MARGINS, Card, Page, button, muted_label, title_label

ROLE_SCOPE = {
    Role.ADMINISTRATEUR: "Vous gérez les comptes, les réglages et le journal d'audit. Vous ne voyez pas "
                         "les dossiers des personnes.",
    Role.COORDINATEUR: "Vous voyez et gérez tout : personnes, visites, ateliers, tournées, bilans, comptes.",
    Role.INTERVENANT: "Vous voyez les fiches des personnes (GIR et santé compris), les visites avec leurs "
                      "notes confidentielles et les ateliers.",
    Role.ANIMATEUR: "Vous voyez les ateliers et les listes des tournées : noms, téléphones et mobilité des "
                    "participants. Pas de GIR, de santé, de notes ni de visites.",
    Role.BENEVOLE: "Vous voyez les personnes qui vous sont confiées (identité, téléphone, adresse) et vos "
                   "propres visites. Pas de GIR, de santé ni de notes confidentielles.",
    Role.CHAUFFEUR: "Vous voyez les feuilles de route de vos passages.",
}


class MyAccountPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        actor = ctx.actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(16)
        layout.addWidget(title_label(tr("Mon compte")))
        row = QHBoxLayout()
        row.setSpacing(16)
        who = Card(tr("Votre compte"))
        who.body.addWidget(QLabel(f"<b>{actor.display_name}</b> ({actor.username})"))
        who.body.addWidget(QLabel(labels.ROLE.get(actor.role, str(actor.role))))
        who.body.addWidget(muted_label(tr(ROLE_SCOPE.get(actor.role, ""))))
        who.body.addWidget(muted_label(tr(
            "Chaque ouverture de fiche, modification, export ou impression est inscrite au journal "
            "d'audit à votre nom.")))
        who.body.addStretch(1)
        row.addWidget(who, 1)

        change = Card(tr("Changer mon mot de passe"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields = {
            "current": PasswordField("current", tr("Mot de passe actuel")),
            "new": PasswordField("new", tr("Nouveau mot de passe"), policy_hint=True,
                                 who=lambda: (actor.username, actor.display_name)),
            "confirm": PasswordField("confirm", tr("Confirmation")),
        }
        for field in self.fields.values():
            caption = QLabel(field.label)
            caption.setObjectName("fieldLabel")
            caption.setBuddy(field.line)
            form.addRow(caption, field)
            field.submitted.connect(self.save)
        change.body.addLayout(form)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.save_button = button(tr("Enregistrer le mot de passe"), "key", primary=True)
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.save_button)
        change.body.addLayout(actions)
        row.addWidget(change, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    def save(self) -> None:
        values = {name: f.text() for name, f in self.fields.items()}
        self.save_button.setEnabled(False)

        def failed(error: DomainError) -> bool:
            self.save_button.setEnabled(True)
            errors = error.errors if isinstance(error, ValidationError) else {"current": error.message_fr}
            first = None
            for name, field in self.fields.items():
                field.set_error(errors.get(name))
                if name in errors and first is None:
                    first = field
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return True

        def done(_result: object) -> None:
            self.save_button.setEnabled(True)
            for field in self.fields.values():
                field.clear()
            self.ctx.notify(tr("Mot de passe changé."))

        self.ctx.ops.run(
            lambda: self.ctx.escale.auth.change_password(self.ctx.actor, values["current"], values["new"],
                                                         values["confirm"]),
            done, failed, parent=self,
        )
