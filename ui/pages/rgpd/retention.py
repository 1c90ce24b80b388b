"""Conservation des données (CNIL 2023-095): the files past the retention period, to
archive or anonymise, and the archived files, to anonymise when their time comes. The
coordinator ticks the rows, confirms, and the service does the rest (audited, nothing
deleted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import date_fr
from desktop_app.labels import STATUT, label
from desktop_app.retention import RetentionReview, RetentionRow
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.keys import PERSONNES
from ui.widgets.common import PAGE_MARGINS, EmptyState, Page, button, muted_label, title_label
from ui.widgets.messages import ask

ID_ROLE = Qt.ItemDataRole.UserRole


class RetentionList(QWidget):
    """One tab: a table with a tick box per row, and the actions on the ticked rows."""

    def __init__(self, page: RetentionPage, archived: bool, empty_text: str) -> None:
        super().__init__()
        self.page, self.archived = page, archived
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        self.stack = QStackedWidget()
        headers = [tr("Personne"), tr("Année de naissance"), tr("Commune"), tr("Dernier contact"),
                   tr("Archivée le") if archived else tr("Statut")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(tr("Fiches archivées") if archived else tr("Fiches à examiner"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 185), (2, 210), (3, 150), (4, 130)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.table.activated.connect(lambda index: self._toggle(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_selected())
        self.empty = EmptyState("shield", empty_text)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.all_button = button(tr("Tout cocher"), "check", flat=True)
        self.all_button.clicked.connect(self.toggle_all)
        self.open_button = button(tr("Ouvrir la fiche"), "eye", flat=True)
        self.open_button.clicked.connect(self.open_selected)
        actions.addWidget(self.all_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("muted")
        actions.addWidget(self.count)
        self.archive_button = button(tr("Archiver"), "archive")
        self.archive_button.clicked.connect(lambda: page.confirm_archive(self.checked_ids()))
        self.anonymise_button = button(tr("Anonymiser…"), "user-x", primary=True)
        self.anonymise_button.clicked.connect(lambda: page.confirm_anonymise(self.checked_ids()))
        actions.addWidget(self.archive_button)
        actions.addWidget(self.anonymise_button)
        layout.addLayout(actions)
        self.archive_button.setVisible(not archived)  # once parented: never a window of its own
        self._update_buttons()

    def show_rows(self, rows: list[RetentionRow]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            last = date_fr(row.last_contact_date) if row.last_contact_date else tr("aucun")
            tail = date_fr(row.archived_at) if self.archived else label(STATUT, row.statut)
            values = [row.display_name, str(row.annee_naissance or "—"), row.commune_nom or "—", last, tail]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                if c == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_buttons()

    def checked_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(ID_ROLE) for r in range(self.table.rowCount())
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def _toggle(self, row: int) -> None:
        """Space or Enter on a row ticks it: the whole page works from the keyboard."""
        item = self.table.item(row, 0)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def toggle_all(self) -> None:
        rows = range(self.table.rowCount())
        every = all(self.table.item(r, 0).checkState() == Qt.CheckState.Checked for r in rows)
        for r in rows:
            self.table.item(r, 0).setCheckState(Qt.CheckState.Unchecked if every else Qt.CheckState.Checked)

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.page.ctx.navigate(PERSONNES, person_id=self.table.item(row, 0).data(ID_ROLE))

    def _update_buttons(self) -> None:
        n = len(self.checked_ids())
        total = self.table.rowCount()
        self.count.setText(tr("{n} cochée(s) sur {total}").format(n=n, total=total) if total else "")
        self.archive_button.setText(tr("Archiver ({n})").format(n=n) if n else tr("Archiver"))
        self.anonymise_button.setText(tr("Anonymiser ({n})…").format(n=n) if n else tr("Anonymiser…"))
        for widget in (self.archive_button, self.anonymise_button):
            widget.setEnabled(n > 0)
        self.all_button.setEnabled(total > 0)
        self.open_button.setEnabled(total > 0)
        self.all_button.setText(tr("Tout décocher") if total and n == total else tr("Tout cocher"))


class RetentionPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(title_label(tr("Conservation des données")))
        self.intro = muted_label("", "pageSubtitle")
        layout.addWidget(self.intro)
        self.rules = muted_label(tr(
            "Rien n'est supprimé : archiver retire la fiche des listes (seul le coordinateur la consulte) ; "
            "anonymiser efface l'identité et garde les statistiques des bilans. Chaque action est inscrite "
            "au journal."))
        self.rules.setObjectName("notice")
        layout.addWidget(self.rules)
        self.tabs = QTabWidget()
        self.due = RetentionList(self, False, tr("Aucune fiche n'a dépassé la durée de conservation."))
        self.archived = RetentionList(self, True, tr("Aucune fiche archivée."))
        self.tabs.addTab(self.due, tr("À examiner"))
        self.tabs.addTab(self.archived, tr("Archivées"))
        layout.addWidget(self.tabs, 1)
        self.review: RetentionReview | None = None

    def show_with(self, **params: Any) -> None:
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Wrapped labels get the height their text needs at the current width (the page's
        layout does not pass height-for-width up through the window)."""
        for text in (self.intro, self.rules):
            text.setMinimumHeight(max(0, text.heightForWidth(max(text.width(), 400))))

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.escale.retention.review(ctx.actor), self._show, parent=self)

    def _show(self, review: RetentionReview) -> None:
        self.review = review
        self.intro.setText(tr(
            "Fiches sans contact depuis plus de {months} mois (dernier contact avant le {cutoff}), "
            "selon le référentiel CNIL 2023-095.").format(months=review.months, cutoff=date_fr(review.cutoff)))
        self._fit_labels()
        self.due.show_rows(review.due)
        self.archived.show_rows(review.archived)
        self.tabs.setTabText(0, tr("À examiner ({n})").format(n=len(review.due)))
        self.tabs.setTabText(1, tr("Archivées ({n})").format(n=len(review.archived)))

    # ----- actions ---------------------------------------------------------------------
    def confirm_archive(self, ids: list[int]) -> None:
        if not ids:
            return
        ask(self, tr("Archiver {n} fiche(s)").format(n=len(ids)), tr(
            "Ces fiches sortent des listes de tous les jours ; seul le coordinateur pourra encore les "
            "consulter, depuis l'onglet « Archivées ». Vous pourrez les réactiver ou les anonymiser plus tard."),
            tr("Archiver"), lambda: self._run("archive", ids))

    def confirm_anonymise(self, ids: list[int]) -> None:
        if not ids:
            return
        ask(self, tr("Anonymiser {n} fiche(s)").format(n=len(ids)), tr(
            "Les noms, dates de naissance, adresses, téléphones, e-mails, personnes à prévenir, médecins "
            "et les textes des visites seront effacés définitivement. Le sexe, l'année de naissance, la "
            "commune, le GIR et les dates des activités restent, pour que les bilans passés restent justes.\n\n"
            "Cette action est irréversible."), tr("Anonymiser définitivement"), lambda: self._run("anonymise", ids))

    def _run(self, action: str, ids: list[int]) -> None:
        ctx = self.ctx
        service = ctx.escale.retention
        work = (lambda: service.archive(ctx.actor, ids)) if action == "archive" else (
            lambda: service.anonymise(ctx.actor, ids))
        message = tr("{n} fiche(s) archivée(s).") if action == "archive" else tr("{n} fiche(s) anonymisée(s).")

        def done(count: int) -> None:
            ctx.notify(message.format(n=count))
            self.refresh()

        ctx.ops.run(work, done, changes=PEOPLE, parent=self)
