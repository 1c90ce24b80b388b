"""Bilans: choose a period (a calendar year, or dates) and a scope (everything or one
financeur), see the figures and charts at once, write the narrative, preview the PDF inside
Escale and save the PDF, XLSX or JSON."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bilans import pdf as bilan_pdf
from desktop_app.bilans.narrative import Narrative
from desktop_app.bilans.records import Bilan, Period, Scope
from desktop_app.bilans.service import BilanService, period_from_text
from desktop_app.errors import DomainError, ValidationError
from ui.context import Context
from ui.i18n import tr
from ui.pages.bilans.figures_view import FiguresView
from ui.pages.bilans.narrative_tab import NarrativeTab
from ui.widgets.common import PAGE_MARGINS, Page, button, muted_label, title_label
from ui.widgets.fields import DateField

FORMATS = {"pdf": "PDF (*.pdf)", "xlsx": "Classeur (*.xlsx)", "json": "JSON (*.json)"}


def default_year(today: dt.date | None = None) -> int:
    """The bilan of year N is written in the spring of N+1; from October on, the current year."""
    today = today or dt.date.today()
    return today.year if today.month >= 10 else today.year - 1


class BilansPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.service = BilanService(ctx.escale.db, ctx.escale.settings, ctx.escale.tournees.figures)
        self.bilan: Bilan | None = None
        self._pdf_buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(title_label(tr("Bilans")))
        layout.addWidget(muted_label(tr(
            "Chiffres agrégés pour les financeurs : aucun nom, aucune adresse, aucune date de naissance. "
            "Les petits effectifs sont masqués (« < 5 »).")))
        layout.addLayout(self._choosers())
        self.summary = muted_label()
        self.summary.setObjectName("notice")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.figures = FiguresView()
        self.narrative = NarrativeTab(self.save_narrative)
        self.pdf_doc = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_doc)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf_view.setZoomFactor(1.0)  # a page at its printed size, scrolled page after page
        self.pdf_view.setAccessibleName(tr("Aperçu du bilan PDF"))
        self.tabs.addTab(self.figures, tr("Chiffres"))
        self.tabs.addTab(self.narrative, tr("Récit"))
        self.tabs.addTab(self.pdf_view, tr("Aperçu PDF"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._actions())

    # ----- building -----------------------------------------------------------------------
    def _choosers(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Année")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(default_year())
        self.year.setAccessibleName(tr("Année"))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        row.addWidget(self.year)
        self.use_dates = QCheckBox(tr("Autres dates"))
        self.use_dates.toggled.connect(self._toggle_dates)
        row.addWidget(self.use_dates)
        self.debut = DateField("debut", tr("Du"))
        self.fin = DateField("fin", tr("Au"))
        for field in (self.debut, self.fin):
            field.setVisible(False)
            row.addWidget(field, 0, Qt.AlignmentFlag.AlignTop)
        self.apply_dates = button(tr("Calculer"), "check", flat=True)
        self.apply_dates.clicked.connect(self.refresh)
        self.apply_dates.setVisible(False)
        row.addWidget(self.apply_dates, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("Périmètre")))
        self.scope = QComboBox()
        self.scope.setAccessibleName(tr("Périmètre"))
        self.scope.setMinimumWidth(280)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(self.scope)
        row.addStretch(1)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = button(tr("Aperçu PDF"), "eye")
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        self.save_buttons = {}
        for fmt, text in (("xlsx", tr("Enregistrer en XLSX…")), ("json", tr("Enregistrer en JSON…")),
                          ("pdf", tr("Enregistrer le PDF…"))):
            btn = button(text, "save", primary=fmt == "pdf")
            btn.clicked.connect(lambda _c=False, f=fmt: self.ask_save(f))
            row.addWidget(btn)
            self.save_buttons[fmt] = btn
        return row

    def _toggle_dates(self, on: bool) -> None:
        for widget in (self.debut, self.fin, self.apply_dates):
            widget.setVisible(on)
        self.year.setEnabled(not on)
        if on and not self.debut.value():
            self.debut.set_value(dt.date(self.year.value(), 1, 1))
            self.fin.set_value(dt.date(self.year.value(), 12, 31))
        if not on:
            self.refresh()

    # ----- data ---------------------------------------------------------------------------
    def show_with(self, **params: Any) -> None:
        if "annee" in params:
            self.year.setValue(int(params["annee"]))
        ctx = self.ctx
        ctx.ops.run(lambda: self.service.financeurs(ctx.actor), self._fill_scopes, parent=self)

    def _fill_scopes(self, financeurs: list[tuple[int, str]]) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(tr("Toutes les activités"), None)
        for fid, nom in financeurs:
            self.scope.addItem(nom, (fid, nom))
        index = self.scope.findData(current)
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)
        self.refresh()

    def _period(self) -> Period:
        if self.use_dates.isChecked():
            return period_from_text(None, self.debut.value(), self.fin.value())
        return period_from_text(self.year.value(), "", "")

    def _scope(self) -> Scope:
        data = self.scope.currentData()
        return Scope() if data is None else Scope(*data)

    def refresh(self) -> None:
        for field in (self.debut, self.fin):
            field.set_error(None)
        try:
            period = self._period()
        except ValidationError as exc:
            self._show_period_errors(exc)
            return
        scope, ctx = self._scope(), self.ctx

        def work() -> tuple[Bilan, Narrative]:
            return self.service.compute(ctx.actor, period, scope), self.service.narratives.get(ctx.actor, period, scope)

        self.summary.setText(tr("Calcul du bilan…"))
        ctx.ops.run(work, self._show, parent=self)

    def _show_period_errors(self, exc: ValidationError) -> None:
        for key, message in exc.errors.items():
            (self.fin if key in ("fin", "periode") else self.debut).set_error(message)

    def _show(self, result: tuple[Bilan, Narrative]) -> None:
        bilan, text = result
        self.bilan = bilan
        self.summary.setText(tr("Bilan {period} — {scope}").format(period=bilan.periode.label, scope=bilan.scope.label))
        self.figures.show_bilan(bilan)
        self.narrative.set_value(text, f"{bilan.scope.label}, {bilan.periode.label}")
        self.pdf_doc.close()

    def save_narrative(self, text: Narrative) -> None:
        if self.bilan is None:
            return
        period, scope, ctx = self.bilan.periode, self.bilan.scope, self.ctx

        def done(saved: Narrative) -> None:
            self.narrative.set_value(saved, f"{scope.label}, {period.label}")
            ctx.notify(tr("Récit enregistré."))
            self.refresh()

        ctx.ops.run(lambda: self.service.narratives.save(ctx.actor, period, scope, text), done,
                    self._narrative_error, parent=self)

    def _narrative_error(self, exc: DomainError) -> bool:
        return self.narrative.handle_error(exc)

    # ----- outputs ------------------------------------------------------------------------
    def preview(self) -> None:
        if self.bilan is None:
            return
        bilan, logo = self.bilan, str(self.ctx.escale.settings.get("service.logo"))

        def work() -> bytes:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "apercu.pdf"
                bilan_pdf.write(bilan, path, logo=logo)
                return path.read_bytes()

        self.ctx.ops.run(work, self._show_pdf, parent=self)

    def _show_pdf(self, data: bytes) -> None:
        self.pdf_doc.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        if self._pdf_buffer is not None:
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer
        self.pdf_doc.load(buffer)
        self.tabs.setCurrentWidget(self.pdf_view)

    def suggested_name(self, fmt: str) -> str:
        assert self.bilan is not None
        who = self.bilan.scope.financeur_nom or "tous"
        slug = "".join(ch if ch.isalnum() else "-" for ch in who).strip("-").lower()
        return f"bilan-{self.bilan.periode.key}-{slug}.{fmt}"

    def ask_save(self, fmt: str) -> None:
        if self.bilan is None:
            return
        dialog = QFileDialog(self, tr("Enregistrer le bilan"), str(Path.home() / self.suggested_name(fmt)),
                             FORMATS[fmt])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(fmt)
        dialog.fileSelected.connect(lambda path: self.save_to(fmt, path))
        dialog.open()

    def save_to(self, fmt: str, path: str) -> None:
        if self.bilan is None:
            return
        bilan, ctx = self.bilan, self.ctx
        targets = {"pdf": None, "xlsx": None, "json_path": None}
        targets["json_path" if fmt == "json" else fmt] = path
        ctx.ops.run(lambda: self.service.write(ctx.actor, bilan, targets["pdf"], targets["xlsx"], targets["json_path"]),
                    lambda written: ctx.notify(tr("Bilan enregistré : {path}").format(path=written[0])), parent=self)
