"""Personnes: the list and, in its place when a file is open, the person form.

Navigation parameters (``ctx.navigate("personnes", ...)``): ``filter`` and ``focus`` (from
an Accueil figure), ``new=True`` (a new person), ``person_id`` (open a file), ``search=True``
(put the cursor in the search field).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop_app.people.records import PersonFilter
from ui.context import Context
from ui.i18n import tr
from ui.pages.people.form import PersonForm
from ui.pages.people.list_view import PeopleList
from ui.widgets.common import PAGE_MARGINS, Page


class PeoplePage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.list = PeopleList(ctx)
        self.form = PersonForm(ctx)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.form)
        self.list.open_requested.connect(self.open_person)
        self.list.new_requested.connect(self.new_person)
        self.form.closed.connect(self.show_list)
        self.form.open_requested.connect(self.open_person)

    def show_with(self, **params: Any) -> None:
        flt: PersonFilter | None = params.get("filter")
        if flt is not None or "focus" in params:
            self.show_list()
            self.list.apply(flt or PersonFilter(), params.get("focus"))
        elif params.get("new"):
            self.new_person()
        elif params.get("person_id") is not None:
            self.open_person(int(params["person_id"]))
        else:
            if params.get("search"):
                self.focus_search()
            self.list.ensure_fresh()

    @property
    def form_open(self) -> bool:
        return self.stack.currentWidget() is self.form

    def _form_busy(self) -> bool:
        """True (and the user is told) when the open form holds unsaved typing."""
        if self.form_open and self.form.dirty:
            self.ctx.notify(tr("Enregistrez (Ctrl+S) ou abandonnez (Échap) d'abord la fiche en cours."))
            return True
        return False

    def new_person(self) -> None:
        if self._form_busy():
            return
        self.stack.setCurrentWidget(self.form)
        self.form.new_person()

    def open_person(self, person_id: int) -> None:
        if self._form_busy():
            return
        self.stack.setCurrentWidget(self.form)
        self.form.open_person(person_id)

    def show_list(self) -> None:
        shown = self.form.detail.id if self.form.detail is not None and self.form_open else None
        self.stack.setCurrentWidget(self.list)
        if shown is not None:
            self.list.refresh(select_id=shown)
        else:
            self.list.ensure_fresh()
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> bool:
        if self.form_open:
            if self._form_busy():
                return True
            self.show_list()
        self.list.focus_search()
        return True
