"""One account, in the right-hand panel of the Comptes page: identifier, name, role, the
bénévole's own fiche; « Enregistrer », « Réinitialiser le mot de passe », « Désactiver »."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.enums import Role
from desktop_app import labels
from desktop_app.errors import DomainError, ValidationError
from desktop_app.formatting import datetime_fr
from desktop_app.security.records import AccountInput, AccountRow, NewPassword
from ui.auth.password_field import restyle
from ui.context import Context
from ui.i18n import tr
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import QuietComboBox
from ui.widgets.messages import ask


class AccountPanel(Card):
    saved = Signal(object)  # AccountRow
    password_issued = Signal(object, bool)  # NewPassword, created

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(tr("Nouveau compte"), parent)
        self.ctx = ctx
        self.account: AccountRow | None = None
        self.heading = self.body.itemAt(0).widget()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._captions: dict[str, tuple[QLabel, QWidget]] = {}
        self.username = QLineEdit()
        self.username.setPlaceholderText(tr("par exemple : s.martin"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(tr("Prénom et nom"))
        self.role = QuietComboBox()
        for role in Role:
            self.role.addItem(labels.ROLE[role], str(role))
        self.role.setCurrentIndex(-1)
        self.person = QuietComboBox()
        for name, label, editor in (("username", tr("Identifiant"), self.username),
                                    ("display_name", tr("Nom affiché"), self.display_name),
                                    ("role", tr("Rôle"), self.role),
                                    ("person_id", tr("Fiche du bénévole dans le fichier"), self.person)):
            self._add_row(form, name, label, editor)
        self.body.addLayout(form)
        self.status = muted_label()
        self.body.addWidget(self.status)
        self.reset_button = button(tr("Réinitialiser le mot de passe"), "key", flat=True)
        self.active_button = button(tr("Désactiver"), "user-x", flat=True)
        self.save_button = button(tr("Enregistrer"), "save", primary=True, tooltip=tr("Enregistrer (Ctrl+S)"))
        extras = QHBoxLayout()
        extras.addWidget(self.reset_button)
        extras.addWidget(self.active_button)
        extras.addStretch(1)
        self.body.addLayout(extras)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        self.body.addLayout(actions)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self._reset)
        self.active_button.clicked.connect(self._toggle_active)
        self.role.currentIndexChanged.connect(self._role_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ctx.ops.run(lambda: self.ctx.escale.accounts.linkable_people(self.ctx.actor), self._fill_people,
                         parent=self)
        self.new_account()

    def _add_row(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(editor)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setObjectName("fieldLabel")
        caption.setBuddy(editor)
        editor.setAccessibleName(label)
        form.addRow(caption, box)
        self.editors[name], self.errors[name] = editor, error
        self._captions[name] = (caption, box)

    def _fill_people(self, rows: list[tuple[int, str]]) -> None:
        current = self.person.currentData()
        self.person.clear()
        self.person.addItem(tr("— aucune —"), None)
        for pid, name in rows:
            self.person.addItem(name, pid)
        self._select(self.person, current)

    @staticmethod
    def _select(combo: QuietComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else (0 if value is None and combo.count() else -1))

    def _role_changed(self) -> None:
        is_benevole = self.role.currentData() == str(Role.BENEVOLE)
        for part in self._captions["person_id"]:
            part.setVisible(is_benevole)

    # ----- showing -------------------------------------------------------------------
    def new_account(self) -> None:
        self.account = None
        self.heading.setText(tr("Nouveau compte"))
        self.username.setReadOnly(False)
        for editor in (self.username, self.display_name):
            editor.clear()
        self.role.setCurrentIndex(-1)
        self._select(self.person, None)
        self._role_changed()
        self.status.setText(tr("Un mot de passe provisoire sera créé : vous le remettrez à la personne."))
        self.reset_button.hide()
        self.active_button.hide()
        self.save_button.setText(tr("Créer le compte"))
        self._clear_errors()
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_account(self, account: AccountRow) -> None:
        self.account = account
        self.heading.setText(account.display_name)
        self.username.setText(account.username)
        self.username.setReadOnly(True)
        self.display_name.setText(account.display_name)
        self._select(self.role, account.role)
        self._select(self.person, account.person_id)
        self._role_changed()
        last = datetime_fr(account.last_login_at) if account.last_login_at else tr("jamais")
        self.status.setText(tr("État : {state} — dernière connexion : {last}").format(
            state=account.status_label, last=last))
        self.reset_button.show()
        self.active_button.show()
        self.active_button.setText(tr("Désactiver") if account.active else tr("Réactiver"))
        self.save_button.setText(tr("Enregistrer"))
        self._clear_errors()

    def _clear_errors(self) -> None:
        self.show_errors({})

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
            self.editors[name].setProperty("error", name in errors)
            restyle(self.editors[name])
            if name in errors and first is None:
                first = self.editors[name]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- actions -------------------------------------------------------------------
    def _input(self) -> AccountInput:
        person = self.person.currentData() if self.role.currentData() == str(Role.BENEVOLE) else None
        return AccountInput(self.username.text(), self.display_name.text(), self.role.currentData() or "", person)

    def _failed(self, error: DomainError) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
            return True
        return False  # Refused, PermissionDenied…: the message box

    def save(self) -> None:
        data, account = self._input(), self.account
        accounts, actor = self.ctx.escale.accounts, self.ctx.actor
        self.save_button.setEnabled(False)
        if account is None:
            def created(new: NewPassword) -> None:
                self.save_button.setEnabled(True)
                self.show_account(new.account)
                self.saved.emit(new.account)
                self.password_issued.emit(new, True)

            self.ctx.ops.run(lambda: accounts.create(actor, data), created, self._failed, parent=self)
        else:
            def updated(row: AccountRow) -> None:
                self.save_button.setEnabled(True)
                self.show_account(row)
                self.saved.emit(row)
                self.ctx.notify(tr("Compte de {name} enregistré.").format(name=row.display_name))

            self.ctx.ops.run(lambda: accounts.update(actor, account.id, data), updated, self._failed, parent=self)

    def _reset(self) -> None:
        account = self.account
        if account is None:
            return

        def issued(new: NewPassword) -> None:
            self.show_account(new.account)
            self.saved.emit(new.account)
            self.password_issued.emit(new, False)

        def reset() -> None:
            self.ctx.ops.run(lambda: self.ctx.escale.accounts.reset_password(self.ctx.actor, account.id),
                             issued, parent=self)

        ask(self, tr("Réinitialiser le mot de passe"),
            tr("Un mot de passe provisoire remplacera celui de {name}, qui devra en choisir un nouveau à "
               "sa prochaine connexion.").format(name=account.display_name),
            tr("Réinitialiser"), reset)

    def _toggle_active(self) -> None:
        account = self.account
        if account is None:
            return

        def done(row: AccountRow) -> None:
            self.show_account(row)
            self.saved.emit(row)
            self.ctx.notify(tr("Compte de {name} désactivé.").format(name=row.display_name) if not row.active
                            else tr("Compte de {name} réactivé.").format(name=row.display_name))

        def run() -> None:
            self.ctx.ops.run(lambda: self.ctx.escale.accounts.set_active(self.ctx.actor, account.id,
                                                                         not account.active), done, parent=self)

        if account.active:
            ask(self, tr("Désactiver le compte"),
                tr("{name} ne pourra plus se connecter. Son nom reste dans le journal d'audit.").format(
                    name=account.display_name), tr("Désactiver"), run)
        else:
            run()
