"""Ateliers: the list of actions and, in its place when one is open, the action view.

Navigation parameters (``ctx.navigate("ateliers", ...)``): ``action_id`` (open an action),
``new=True`` (the new-atelier dialog), ``search=True`` (cursor in the search field).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop_app.ateliers.records import ActionDetail, ActionFormChoices
from ui.context import Context
from ui.pages.ateliers.action_form import ActionDialog
from ui.pages.ateliers.action_view import ActionView
from ui.pages.ateliers.list_view import ActionsList
from ui.widgets.common import PAGE_MARGINS, Page


class AteliersPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.list = ActionsList(ctx)
        self.view = ActionView(ctx)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.view)
        self.list.open_requested.connect(self.open_action)
        self.list.new_requested.connect(self.new_action)
        self.view.closed.connect(self.show_list)

    def show_with(self, **params: Any) -> None:
        if params.get("action_id") is not None:
            self.open_action(int(params["action_id"]))
        elif params.get("new"):
            self.show_list()
            self.new_action()
        else:
            self.show_list()
            if params.get("search"):
                self.focus_search()

    def open_action(self, action_id: int) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.open_action(action_id)

    def show_list(self) -> None:
        shown = self.view.action_id if self.stack.currentWidget() is self.view else None
        self.stack.setCurrentWidget(self.list)
        if shown is not None:
            self.list.refresh(select_id=shown)
        else:
            self.list.ensure_fresh()
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_action(self) -> None:
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.escale.ateliers.actions.form_choices(ctx.actor), self._new_dialog, parent=self)

    def _new_dialog(self, lists: ActionFormChoices) -> None:
        self.dialog = ActionDialog(self.ctx, lists, None, self._created, self)
        self.dialog.open()

    def _created(self, detail: ActionDetail) -> None:
        self.open_action(detail.id)

    def focus_search(self) -> bool:
        if self.stack.currentWidget() is self.view:
            self.show_list()
        self.list.focus_search()
        return True
