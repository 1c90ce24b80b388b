"""The three forms shown before the main window: log in, create the first administrator
(a new database), choose a new password (after a reset). Each gathers its values, hands
them to the window, and shows the service's French messages under the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.auth.password_field import PasswordField, restyle
from ui.i18n import tr
from ui.widgets.common import button, muted_label, title_label


class _TextLine(QWidget):
    """A QLineEdit with its error line underneath."""

    def __init__(self, name: str, label: str, placeholder: str = "") -> None:
        super().__init__()
        self.name = name
        self.line = QLineEdit()
        self.line.setAccessibleName(label)
        self.line.setPlaceholderText(placeholder)
        self.line.setMaxLength(120)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.error)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(lambda _t: self.set_error(None))

    def text(self) -> str:
        return self.line.text()

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.line.setProperty("error", bool(message))
        restyle(self.line)


class _Screen(QWidget):
    """Title, explanation, a form, one primary button; Entrée submits."""

    submitted = Signal()

    def __init__(self, title: str, intro: str, action: str) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(14)
        self.title = title_label(title, "sectionTitle")
        self.layout_.addWidget(self.title)
        self.intro = muted_label(intro)
        self.intro.setVisible(bool(intro))
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setVerticalSpacing(8)
        self.layout_.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.action = button(action, primary=True)
        self.action.setDefault(True)
        self.action.clicked.connect(self.submitted)
        self.layout_.addWidget(self.action)
        self.fields: dict[str, _TextLine | PasswordField] = {}

    def add(self, label: str, field: _TextLine | PasswordField) -> None:
        caption = QLabel(label)
        caption.setObjectName("fieldLabel")
        caption.setBuddy(field.line)
        self.form.addRow(caption, field)
        self.fields[field.name] = field
        if isinstance(field, PasswordField):
            field.submitted.connect(self.submitted)
        else:
            field.line.returnPressed.connect(self.submitted)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; the first wrong field gets the focus."""
        first = None
        for name, field in self.fields.items():
            field.set_error(errors.get(name))
            if name in errors and first is None:
                first = field
        others = [m for n, m in errors.items() if n not in self.fields]
        self.show_message(" ".join(others) if others else None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.action.setEnabled(not busy)


class LoginScreen(_Screen):
    def __init__(self, demo: bool) -> None:
        super().__init__(tr("Connexion"), "", tr("Se connecter"))
        self.username = _TextLine("username", tr("Identifiant"))
        self.password = PasswordField("password", tr("Mot de passe"))
        self.add(tr("Identifiant"), self.username)
        self.add(tr("Mot de passe"), self.password)
        self.password.line.textEdited.connect(lambda _t: self.show_message(None))
        if demo:
            note = muted_label(tr(
                "Base de démonstration — comptes : admin, coordinatrice, intervenante, animateur, "
                "benevole, chauffeur ; mot de passe : Escale-Demo-2026."))
            note.setObjectName("notice")
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.layout_.addWidget(note)

    def refused(self, message: str) -> None:
        """Wrong password, unknown user, waiting account: the message under the password,
        the password emptied and focused, the identifier kept."""
        self.password.line.clear()
        self.password.set_error(message)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)


class FirstAdminScreen(_Screen):
    def __init__(self) -> None:
        super().__init__(
            tr("Créer le compte administrateur"),
            tr("Première ouverture de cette base : créez le compte de la personne qui gérera les comptes "
               "de l'équipe. Chacun aura ensuite son propre compte."),
            tr("Créer le compte et se connecter"),
        )
        self.username = _TextLine("username", tr("Identifiant"), tr("par exemple : c.fabre"))
        self.display_name = _TextLine("display_name", tr("Nom affiché"), tr("Prénom et nom"))
        self.password = PasswordField("password", tr("Mot de passe"), policy_hint=True,
                                      who=lambda: (self.username.text(), self.display_name.text()))
        self.confirm = PasswordField("confirm", tr("Confirmation du mot de passe"))
        self.add(tr("Identifiant"), self.username)
        self.add(tr("Nom affiché"), self.display_name)
        self.add(tr("Mot de passe"), self.password)
        self.add(tr("Confirmation du mot de passe"), self.confirm)


class ChangePasswordScreen(_Screen):
    """Forced after an administrator's reset: the temporary password was just typed."""

    def __init__(self) -> None:
        super().__init__(
            tr("Choisir votre mot de passe"),
            tr("Votre mot de passe est provisoire : choisissez-en un que vous seul connaissez."),
            tr("Enregistrer et continuer"),
        )
        self.who: tuple[str, str] = ("", "")
        self.new = PasswordField("new", tr("Nouveau mot de passe"), policy_hint=True, who=lambda: self.who)
        self.confirm = PasswordField("confirm", tr("Confirmation"))
        self.add(tr("Nouveau mot de passe"), self.new)
        self.add(tr("Confirmation"), self.confirm)
