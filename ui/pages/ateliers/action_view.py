"""One atelier: its title and counts (inscrits and en attente apart), the freed place to
offer when there is one, and the tabs — overview and figures, séances, registrations,
attendance grid, satisfaction. Everything is read in one background op and read again
after any write (the Bus topic ``ateliers``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers.records import (
    ActionDetail,
    ActionFigures,
    ActionFormChoices,
    AttendanceGrid,
    QuestionRow,
    Registrations,
    SatisfactionSummary,
    SeanceRow,
)
from desktop_app.security.permissions import Perm, can
from desktop_app.text import fold
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.action_form import ActionDialog
from ui.pages.ateliers.attendance_tab import AttendanceTab
from ui.pages.ateliers.overview_tab import OverviewTab, plural
from ui.pages.ateliers.registrations_tab import RegistrationsTab
from ui.pages.ateliers.satisfaction_tab import SatisfactionTab
from ui.pages.ateliers.seances_tab import SeancesTab
from ui.widgets.common import button, muted_label, title_label

TABS_STYLE = """
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 9px 18px; margin-right: 4px; border: none; border-bottom: 3px solid transparent;
               color: #52606d; font-weight: 600; background: transparent; }
QTabBar::tab:selected { color: #0b5757; border-bottom: 3px solid #0f6e6e; }
QTabBar::tab:hover:!selected { color: #1f2933; border-bottom: 3px solid #c4ced4; }
"""


@dataclass(frozen=True)
class ActionBundle:
    detail: ActionDetail
    seances: list[SeanceRow]
    registrations: Registrations
    figures: ActionFigures
    grid: AttendanceGrid
    satisfaction: SatisfactionSummary
    questions: list[QuestionRow]


class ActionView(QWidget):
    closed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_id: int | None = None
        self.bundle: ActionBundle | None = None
        self.dialog: QWidget | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        back = button(tr("Retour aux ateliers"), "arrow-left", flat=True, tooltip=tr("Échap"))
        back.clicked.connect(self.closed)
        back.setShortcut(Qt.Key.Key_Escape)
        top.addWidget(back)
        top.addStretch(1)
        self.edit_button = button(tr("Modifier l'atelier"), "edit")
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(can(ctx.actor, Perm.ATELIERS_WRITE))
        top.addWidget(self.edit_button)
        self.print_button = button(tr("Imprimer l'émargement"), "printer", primary=True)
        menu = QMenu(self.print_button)
        self.print_next = QAction(tr("Prochaine séance"), self)
        self.print_all = QAction(tr("Toutes les séances à venir"), self)
        self.print_every = QAction(tr("Toutes les séances du cycle"), self)
        for act, which in ((self.print_next, "next"), (self.print_all, "upcoming"), (self.print_every, "all")):
            act.triggered.connect(lambda _c=False, w=which: self.choose_pdf(w))
            menu.addAction(act)
        self.print_button.setMenu(menu)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.title = title_label("")
        layout.addWidget(self.title)
        self.subtitle = muted_label("", "pageSubtitle")
        layout.addWidget(self.subtitle)
        self.counts = QLabel("")
        self.counts.setObjectName("countLabel")
        layout.addWidget(self.counts)
        offer_row = QHBoxLayout()
        self.offer_text = QLabel("")
        self.offer_text.setObjectName("notice")
        self.offer_text.setWordWrap(True)
        offer_row.addWidget(self.offer_text, 1)
        self.offer_button = button("", "user-check", primary=True)
        self.offer_button.clicked.connect(self._give_offer)
        offer_row.addWidget(self.offer_button)
        self.offer_box = QWidget()
        self.offer_box.setLayout(offer_row)
        offer_row.setContentsMargins(0, 4, 0, 0)
        self.offer_box.hide()
        layout.addWidget(self.offer_box)

        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(TABS_STYLE)
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab()
        self.seances = SeancesTab(ctx)
        self.registrations = RegistrationsTab(ctx)
        self.attendance = AttendanceTab(ctx)
        self.satisfaction = SatisfactionTab(ctx)
        for widget, text in ((self.overview, tr("Vue d'ensemble")), (self.seances, tr("Séances")),
                             (self.registrations, tr("Inscriptions")), (self.attendance, tr("Présences")),
                             (self.satisfaction, tr("Satisfaction"))):
            self.tabs.addTab(widget, text)
        layout.addWidget(self.tabs, 1)
        ctx.ops.bus.changed.connect(self._on_changed)

    # ----- loading ---------------------------------------------------------------------
    def open_action(self, action_id: int) -> None:
        if action_id != self.action_id:
            self.bundle = None
            self.tabs.setCurrentIndex(0)
        self.action_id = action_id
        self.reload()

    def reload(self) -> None:
        if self.action_id is None:
            return
        self._generation += 1
        generation, action_id = self._generation, self.action_id
        at, actor = self.ctx.escale.ateliers, self.ctx.actor

        def load() -> ActionBundle:
            return ActionBundle(
                at.actions.get(actor, action_id), at.seances.list_seances(actor, action_id),
                at.registrations.list_registrations(actor, action_id), at.figures(actor, action_id),
                at.attendance.grid(actor, action_id), at.satisfaction.summary(actor, action_id),
                at.satisfaction.questions(actor, action_id))

        self.ctx.ops.run(load, lambda b: self._loaded(generation, b), parent=self)

    def _on_changed(self, topic: str) -> None:
        if topic == ATELIERS and self.action_id is not None and self.isVisible():
            self.reload()

    def _loaded(self, generation: int, b: ActionBundle) -> None:
        if generation != self._generation:
            return
        self.bundle = b
        d, c = b.detail, b.registrations.counts
        self.title.setText(d.data.titre)
        parts = [d.theme_libelle, d.data.lieu or "", d.data.animateur or ""]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        places = plural(c.capacite, tr("{n} place"), tr("{n} places")) if c.capacite else tr("places illimitées")
        self.counts.setText(tr("{i} · {w} · {p} · {s}").format(
            i=plural(c.inscrits, tr("{n} inscrit"), tr("{n} inscrits")),
            w=tr("{n} en attente").format(n=c.en_attente), p=places,
            s=plural(d.seances_prevues, tr("{n} séance"), tr("{n} séances"))))
        offer = b.registrations.offre
        self.offer_box.setVisible(offer is not None)
        if offer is not None:
            free = c.places_libres or 0
            self.offer_text.setText(tr("{free} : la première personne sur la liste d'attente est {name}.").format(
                free=plural(free, tr("{n} place libre"), tr("{n} places libres")), name=offer.nom))
            self.offer_button.setText(tr("Inscrire {name}").format(name=offer.nom))
            self.offer_button.setEnabled(can(self.ctx.actor, Perm.ATELIERS_WRITE))
        self.print_button.setEnabled(bool(b.seances))
        self.overview.set_data(d, b.figures)
        self.seances.set_data(d, b.seances)
        self.registrations.set_data(d, b.registrations)
        self.attendance.set_grid(b.grid)
        self.satisfaction.set_data(d, b.seances, b.registrations, b.satisfaction, b.questions)

    def _give_offer(self) -> None:
        if self.bundle is not None and self.bundle.registrations.offre is not None:
            self.registrations.promote(self.bundle.registrations.offre)

    # ----- editing and printing --------------------------------------------------------
    def edit(self) -> None:
        if self.bundle is None:
            return
        detail, ctx = self.bundle.detail, self.ctx
        ctx.ops.run(lambda: ctx.escale.ateliers.actions.form_choices(ctx.actor, detail.id),
                    lambda lists: self._edit(lists, detail), parent=self)

    def _edit(self, lists: ActionFormChoices, detail: ActionDetail) -> None:
        self.dialog = ActionDialog(self.ctx, lists, detail, lambda _d: None, self)
        self.dialog.open()

    def seance_ids(self, which: str) -> list[int] | None:
        if self.bundle is None:
            return None
        now = dt.datetime.now()
        upcoming = [s.id for s in self.bundle.seances if s.statut != "annulee" and s.fin >= now]
        if which == "next":
            return upcoming[:1]
        return upcoming if which == "upcoming" else None

    def choose_pdf(self, which: str) -> None:
        if self.bundle is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"emargement-{re.sub(r'[^a-z0-9]+', '-', fold(self.bundle.detail.data.titre)).strip('-')}.pdf"
        dialog = QFileDialog(self, tr("Enregistrer la feuille d'émargement"), str(Path(folder) / name),
                             tr("Document PDF (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.print_to(path, which))
        self.dialog = dialog
        dialog.open()

    def print_to(self, path: str, which: str = "all", open_after: bool = True) -> None:
        ids = self.seance_ids(which)
        if ids == []:
            self.ctx.notify(tr("Aucune séance à venir : choisissez « Toutes les séances du cycle »."))
            return
        at, actor, action_id = self.ctx.escale.ateliers, self.ctx.actor, self.action_id

        def done(out: Path) -> None:
            self.ctx.notify(tr("Feuille d'émargement enregistrée : {name}").format(name=out.name))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

        self.ctx.ops.run(lambda: at.print_emargement(actor, action_id, path, ids), done, parent=self)
