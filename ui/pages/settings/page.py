"""Paramètres: the service-wide settings (shared by every workstation of the service), grouped
by subject, each with its message under the field when the value is refused, and the blank
information notice (RGPD articles 13–14) printable from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from desktop_app.notice import NoticeText
from desktop_app.settings import REGISTRY
from ui.context import Context
from ui.i18n import tr
from ui.widgets.common import PAGE_MARGINS, Card, Page, button, muted_label, title_label

LABEL_WIDTH = 470  # the same for every card, so the fields line up down the page

GROUPS: list[tuple[str, list[str]]] = [
    ("Le service et la notice d'information",
     ["service.nom", "service.adresse", "rgpd.responsable", "rgpd.dpo_contact"]),
    ("Suivi, ateliers et bilans",
     ["veille.semaines", "ateliers.adhesion_montant", "bilan.seuil_petits_effectifs"]),
    ("Protection des données",
     ["rgpd.retention_mois", "session.verrouillage_minutes", "audit.conservation_mois"]),
    ("Tournées et géocodage",
     ["tournees.vitesse_kmh", "tournees.facteur_detour", "tournees.trajet_max_minutes",
      "tournees.marge_arrivee_minutes", "tournees.depart_au_plus_tot_minutes",
      "tournees.osrm_url", "geocodage.ban_url"]),
]


def groups() -> list[tuple[str, list[str]]]:
    """The groups shown, with any setting not placed above in a last « Autres réglages »."""
    placed = {key for _title, keys in GROUPS for key in keys}
    rest = [key for key in REGISTRY if key not in placed]
    shown = [(title, [k for k in keys if k in REGISTRY]) for title, keys in GROUPS]
    return shown + ([("Autres réglages", rest)] if rest else [])


def shown_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def field_label(key: str) -> str:
    text = REGISTRY[key].label
    head, sep, tail = text.partition(" : ")
    return (tail[:1].upper() + tail[1:]) if sep and head in ("Tournées", "Géocodage", "Ateliers", "Bilans",
                                                              "Veille") else text


class SettingsPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.saved: dict[str, str] = {}
        self.choose_path = self._choose_path  # replaced in tests (no native dialog there)
        self.open_file = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(10)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title_label(tr("Paramètres")))
        titles.addWidget(muted_label(tr(
            "Réglages communs à tous les postes du service. Chaque modification est notée au journal."),
            "pageSubtitle"))
        head.addLayout(titles, 1)
        self.notice_button = button(tr("Imprimer la notice d'information…"), "printer", tooltip=tr(
            "La notice vierge (qui détient les données, pourquoi, combien de temps, les droits), "
            "rédigée à partir des réglages ci-dessous"))
        self.notice_button.clicked.connect(self.print_notice)
        self.save_button = button(tr("Enregistrer"), "save", primary=True)
        self.save_button.clicked.connect(self.save)
        head.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(head)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(12)
        for title, keys in groups():
            card = Card(tr(title))
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setHorizontalSpacing(16)
            for key in keys:
                label = QLabel(field_label(key))
                label.setMinimumWidth(LABEL_WIDTH)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                form.addRow(label, self._field(key))
            card.body.addLayout(form)
            column.addWidget(card)
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _field(self, key: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        edit = QLineEdit()
        edit.setAccessibleName(REGISTRY[key].label)
        setting = REGISTRY[key]
        if setting.minimum is not None and setting.maximum is not None:
            edit.setPlaceholderText(tr("de {low} à {high}").format(
                low=shown_value(setting.minimum), high=shown_value(setting.maximum)))
        edit.setMaximumWidth(520)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        edit.textEdited.connect(lambda _text, k=key: self._clear_error(k))
        layout.addWidget(edit)
        layout.addWidget(error)
        self.fields[key], self.errors[key] = edit, error
        return box

    def show_with(self, **params: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.ctx.ops.run(self.ctx.escale.settings.all, self._show, parent=self)

    def _show(self, values: dict[str, Any]) -> None:
        for key, edit in self.fields.items():
            text = shown_value(values.get(key, REGISTRY[key].default))
            self.saved[key] = text
            edit.setText(text)
            self._clear_error(key)

    @property
    def dirty(self) -> bool:
        return any(edit.text() != self.saved.get(key, edit.text()) for key, edit in self.fields.items())

    def can_leave(self) -> bool:
        return True  # settings are few; unsaved text stays in the fields until the page is reloaded

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.fields.items() if edit.text() != self.saved.get(key)}
        if not values:
            self.ctx.notify(tr("Aucune modification à enregistrer."))
            return
        ctx = self.ctx

        def done(changed: list[str]) -> None:
            ctx.notify(tr("Paramètres enregistrés ({count}).").format(count=len(changed)))
            window = self.window()
            if "service.nom" in changed and hasattr(window, "show_service_name"):
                window.show_service_name(values["service.nom"].strip())
            self.refresh()

        ctx.ops.run(lambda: ctx.escale.settings.set_many(ctx.actor, values), done, self._refused, parent=self)

    def _refused(self, error: DomainError) -> bool:
        if not isinstance(error, ValidationError):
            return False
        for key, message in error.errors.items():
            if key in self.errors:
                self.errors[key].setText(message)
                self.errors[key].show()
        first = next((self.fields[k] for k in self.fields if k in error.errors), None)
        if first is not None:
            first.setFocus()
        self.ctx.notify(tr("Certains réglages sont refusés : voyez le message sous le champ."))
        return True

    def _choose_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(self, tr("Notice d'information"),
                                                    str(Path(folder) / "notice-information.pdf"),
                                                    tr("Documents PDF (*.pdf)"))
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def print_notice(self) -> None:
        if self.dirty:
            self.ctx.notify(tr("Enregistrez d'abord vos modifications (Ctrl+S) : la notice reprend les réglages."))
            return
        path = self.choose_path()
        if path is None:
            return
        ctx = self.ctx

        def done(_notice: NoticeText) -> None:
            ctx.notify(tr("Notice d'information écrite dans {file}.").format(file=path.name))
            self.open_file(path)

        ctx.ops.run(lambda: ctx.escale.notice.print_notice(ctx.actor, path), done, parent=self)
