"""Satisfaction: the smiley (1 très déçu … 5 très content) of each participant at a séance
— keys 1 to 5 or a click, Suppr clears —, and the summary of the action: mean,
distribution, and the questionnaire before / after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import (
    ActionDetail,
    QuestionRow,
    Registrations,
    SatisfactionEntry,
    SatisfactionSummary,
    SeanceRow,
)
from desktop_app.formatting import long_date_fr, number_fr
from desktop_app.labels import label
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.questionnaire import QuestionnaireDialog, QuestionsDialog
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import QuietComboBox

NOTE_COLOURS = {1: "#f6d5d1", 2: "#fbe3cf", 3: "#fbecc4", 4: "#e2f0d9", 5: "#c8e6cf"}


def mean_text(value: float | None) -> str:
    return "—" if value is None else f"{number_fr(value, 1)} / 5"


class NotesTable(QTableWidget):
    """Rows of participants; columns Nom, Présence, then one per smiley."""

    def __init__(self, tab: SatisfactionTab) -> None:
        super().__init__(0, 7)
        self.tab = tab
        self.setHorizontalHeaderLabels([tr("Participant"), tr("Présence"), "1", "2", "3", "4", "5"])
        for n in range(1, 6):
            self.horizontalHeaderItem(n + 1).setToolTip(labels.SMILEYS[n])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 7):
            self.horizontalHeader().resizeSection(c, 48 if c > 1 else 95)
        self.cellClicked.connect(lambda r, c: tab.set_note(r, c - 1) if c >= 2 else None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        if row >= 0 and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            self.tab.set_note(row, event.key() - Qt.Key.Key_0)
            return
        if row >= 0 and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.tab.set_note(row, None)
            return
        super().keyPressEvent(event)


class SatisfactionTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.writable = can(ctx.actor, Perm.ATELIERS_WRITE)
        self.action: ActionDetail | None = None
        self.registrations: Registrations | None = None
        self.questions: list[QuestionRow] = []
        self.entries: list[SatisfactionEntry] = []
        self.dialog: QWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(16)
        left = Card(tr("Avis par séance"))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Séance")))
        self.seance = QuietComboBox()
        self.seance.setAccessibleName(tr("Séance"))
        self.seance.activated.connect(lambda _i: self.load_entries())
        top.addWidget(self.seance, 1)
        left.body.addLayout(top)
        left.body.addWidget(muted_label(tr("1 très déçu · 2 déçu · 3 moyen · 4 content · 5 très content. "
                                           "Touches 1 à 5 ou clic dans la colonne ; Suppr efface.")))
        self.table = NotesTable(self)
        left.body.addWidget(self.table, 1)
        layout.addWidget(left, 1)

        right = Card(tr("Bilan de l'atelier"))
        right.setMaximumWidth(440)
        self.mean = QLabel("—")
        self.mean.setObjectName("figureValue")
        right.body.addWidget(self.mean)
        self.count = muted_label("")
        right.body.addWidget(self.count)
        bars = QGridLayout()
        self.bars: dict[int, tuple[QProgressBar, QLabel]] = {}
        for i, n in enumerate(range(5, 0, -1)):
            bars.addWidget(QLabel(f"{n} — {labels.SMILEYS[n]}"), i, 0)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setAccessibleName(labels.SMILEYS[n])
            bars.addWidget(bar, i, 1)
            number = QLabel("0")
            bars.addWidget(number, i, 2)
            self.bars[n] = (bar, number)
        bars.setColumnStretch(1, 1)
        right.body.addLayout(bars)
        right.body.addWidget(QLabel(tr("Questionnaire : première et dernière séance")))
        self.questionnaire = QTableWidget(0, 4)
        self.questionnaire.setHorizontalHeaderLabels([tr("Question"), tr("Début"), tr("Fin"), tr("Écart")])
        self.questionnaire.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.questionnaire.verticalHeader().hide()
        self.questionnaire.setWordWrap(True)
        self.questionnaire.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c, width in ((1, 60), (2, 50), (3, 64)):
            self.questionnaire.horizontalHeader().resizeSection(c, width)
        right.body.addWidget(self.questionnaire, 1)
        row = QVBoxLayout()
        row.setSpacing(6)
        self.answer_button = button(tr("Saisir un questionnaire…"), "clipboard")
        self.answer_button.clicked.connect(self.answer)
        self.items_button = button(tr("Modifier les questions…"), "edit", flat=True)
        self.items_button.clicked.connect(self.edit_items)
        for b in (self.answer_button, self.items_button):
            b.setEnabled(self.writable)
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        right.body.addLayout(row)
        layout.addWidget(right, 1)

    def set_data(self, action: ActionDetail, seances: list[SeanceRow], registrations: Registrations,
                 summary: SatisfactionSummary, questions: list[QuestionRow]) -> None:
        self.action, self.registrations, self.questions = action, registrations, questions
        chosen = self.seance.currentData()
        self.seance.clear()
        for s in seances:
            if s.statut != "annulee":
                self.seance.addItem(f"n°{s.numero} — {long_date_fr(s.debut.date())}", s.id)
        held = [s.id for s in seances if s.statut == "realisee"]
        index = self.seance.findData(chosen if chosen is not None else (held[-1] if held else None))
        self.seance.setCurrentIndex(max(index, 0))
        self.mean.setText(mean_text(summary.moyenne))
        self.count.setText(tr("{n} avis sur l'ensemble des séances").format(n=summary.nombre))
        for n, (bar, number) in self.bars.items():
            bar.setMaximum(max(summary.nombre, 1))
            bar.setValue(summary.distribution.get(n, 0))
            number.setText(str(summary.distribution.get(n, 0)))
        self.questionnaire.setRowCount(len(summary.questionnaire))
        for r, q in enumerate(summary.questionnaire):
            evolution = q.evolution
            values = [q.libelle, mean_text(q.moyenne_debut).replace(" / 5", ""), mean_text(q.moyenne_fin).replace(" / 5", ""),
                      "—" if evolution is None else f"{'+' if evolution >= 0 else ''}{number_fr(evolution, 1)}"]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.questionnaire.setItem(r, c, item)
        self.questionnaire.resizeRowsToContents()
        self.load_entries()

    # ----- smileys ---------------------------------------------------------------------
    def load_entries(self) -> None:
        seance_id = self.seance.currentData()
        if seance_id is None:
            self.entries = []
            self.table.setRowCount(0)
            return
        service, actor = self.ctx.escale.ateliers.satisfaction, self.ctx.actor
        self.ctx.ops.run(lambda: service.entries(actor, seance_id), self._show_entries, parent=self)

    def _show_entries(self, entries: list[SatisfactionEntry]) -> None:
        self.entries = entries
        row_now = self.table.currentRow()
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            self.table.setItem(r, 0, QTableWidgetItem(e.nom))
            self.table.setItem(r, 1, QTableWidgetItem(label(labels.PRESENCE, e.presence, "—")))
            for n in range(1, 6):
                item = QTableWidgetItem("●" if e.note == n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if e.note == n:
                    item.setBackground(QBrush(QColor(NOTE_COLOURS[n])))
                item.setToolTip(labels.SMILEYS[n])
                self.table.setItem(r, n + 1, item)
        if entries:
            self.table.setCurrentCell(min(max(row_now, 0), len(entries) - 1), 0)

    def set_note(self, row: int, note: int | None) -> None:
        if not self.writable or not 0 <= row < len(self.entries):
            return
        entry, seance_id = self.entries[row], self.seance.currentData()
        service, actor = self.ctx.escale.ateliers.satisfaction, self.ctx.actor
        self.ctx.ops.run(lambda: service.set_note(actor, seance_id, entry.person_id, note), None,
                         changes=ATELIERS, parent=self)
        if row + 1 < len(self.entries):
            self.table.setCurrentCell(row + 1, 0)  # next participant, as on paper

    # ----- questionnaire ---------------------------------------------------------------
    def answer(self) -> None:
        if self.action is None or self.registrations is None:
            return
        people = [(r.nom, r.person_id) for r in self.registrations.inscrits + self.registrations.desistes]
        self.dialog = QuestionnaireDialog(self.ctx, self.action, people, self.questions, self)
        self.dialog.open()

    def edit_items(self) -> None:
        if self.action is not None:
            self.dialog = QuestionsDialog(self.ctx, self.action, self)
            self.dialog.open()
