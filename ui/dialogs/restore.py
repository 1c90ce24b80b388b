"""Confirmation before a restore: what will be replaced, where the current state is kept,
and that everyone must log in again. « Restaurer » stays disabled until the box
« J'ai compris » is ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.dialogs.sizing import fix_size
from ui.i18n import tr
from ui.widgets.common import button, title_label


class RestoreDialog(QDialog):
    def __init__(self, backup_label: str, database_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restaurer une sauvegarde"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("Restaurer {label}").format(label=backup_label), "sectionTitle"))
        text = QLabel(tr(
            "La base « {db} » va être remplacée par cette sauvegarde : ce qui a été saisi depuis "
            "n'y figurera plus.\n\n"
            "Rien n'est perdu pour autant : l'état actuel de la base est d'abord copié et vérifié, à côté "
            "d'elle, dans un fichier « avant-restauration ».\n\n"
            "Après la restauration, il faudra vous reconnecter.").format(db=database_name))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.understood = QCheckBox(tr("J'ai compris : remplacer la base par cette sauvegarde"))
        layout.addWidget(self.understood)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(tr("Annuler"))
        cancel.clicked.connect(self.reject)
        self.restore_button = button(tr("Restaurer"), "restore", primary=True)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.accept)
        self.understood.toggled.connect(self.restore_button.setEnabled)
        row.addWidget(cancel)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        fix_size(self, layout, 560)  # final size before showing (no resize warning offscreen)
        cancel.setFocus()
