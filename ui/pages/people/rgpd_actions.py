"""The data-protection actions of an open person file: export everything Escale holds
about the person (PDF and JSON, right of access) and print the information notice, which
records « notice remise le » on the file. Both write where the user chooses, then open
the PDF for printing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop_app.formatting import date_fr
from desktop_app.notice import NoticeText
from desktop_app.people.records import PersonDetail
from desktop_app.rights import PersonFile
from desktop_app.security.permissions import Perm, can
from desktop_app.text import fold
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.widgets.common import button


def file_stem(detail: PersonDetail) -> str:
    return "-".join(fold(f"{detail.data.nom} {detail.data.prenom}").split()) or f"personne-{detail.id}"


class PersonRgpdActions(QObject):
    def __init__(self, ctx: Context, form: QWidget) -> None:
        super().__init__(form)
        self.ctx, self.form = ctx, form
        self.detail: PersonDetail | None = None
        self.choose_path = self._choose_path  # replaced in tests (no native dialog there)
        self.open_file = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.export_button = button(tr("Exporter le dossier"), "clipboard", tooltip=tr(
            "Tout ce qu'Escale détient sur cette personne (droit d'accès) : PDF et JSON"))
        self.export_button.clicked.connect(self.export)
        self.notice_button = button(tr("Notice d'information"), "printer", tooltip=tr(
            "Imprimer la notice sur ses données et noter qu'elle lui a été remise"))
        self.notice_button.clicked.connect(self.print_notice)
        self.export_allowed = can(ctx.actor, Perm.EXPORT_PERSONAL)
        self.notice_allowed = can(ctx.actor, Perm.PEOPLE_WRITE)
        self.set_person(None)

    @property
    def buttons(self) -> list[QPushButton]:
        return [self.notice_button, self.export_button]

    def set_person(self, detail: PersonDetail | None) -> None:
        self.detail = detail
        self.export_button.setVisible(detail is not None and self.export_allowed)
        self.notice_button.setVisible(detail is not None and self.notice_allowed)

    def _choose_path(self, title: str, name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(self.form, title, str(Path(folder) / name),
                                                    tr("Documents PDF (*.pdf)"))
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def export(self) -> None:
        detail = self.detail
        if detail is None:
            return
        pdf = self.choose_path(tr("Exporter le dossier de {name}").format(name=detail.display_name),
                               f"dossier-{file_stem(detail)}.pdf")
        if pdf is None:
            return
        json_path = pdf.with_suffix(".json")
        ctx, person_id = self.ctx, detail.id

        def done(data: PersonFile) -> None:
            ctx.notify(tr("Dossier de {name} exporté : {pdf} et {json}.").format(
                name=data.display_name, pdf=pdf.name, json=json_path.name))
            self.open_file(pdf)

        ctx.ops.run(lambda: ctx.escale.rights.export_person(ctx.actor, person_id, pdf, json_path),
                    done, parent=self.form)

    def print_notice(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if getattr(self.form, "dirty", False):
            self.ctx.notify(tr("Enregistrez d'abord vos modifications (Ctrl+S)."))
            return
        pdf = self.choose_path(tr("Notice d'information pour {name}").format(name=detail.display_name),
                               f"notice-{file_stem(detail)}.pdf")
        if pdf is None:
            return
        ctx, person_id = self.ctx, detail.id

        def done(notice: NoticeText) -> None:
            ctx.notify(tr("Notice écrite dans {file} ; remise notée au {date}.").format(
                file=pdf.name, date=date_fr(notice.given_on or dt.date.today())))
            self.open_file(pdf)
            reopen = getattr(self.form, "open_person", None)
            if reopen is not None:  # the file changed (notice date): show the new version
                reopen(person_id)

        ctx.ops.run(lambda: ctx.escale.notice.print_notice(ctx.actor, pdf, person_id),
                    done, changes=PEOPLE, parent=self.form)
