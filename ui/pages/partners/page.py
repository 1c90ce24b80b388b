"""Partenaires: the directory (« Annuaire ») and, for the roles that manage money, the
« Financements » tab.

Navigation parameters: ``tab="financements"``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.partners.directory import PartnersDirectory
from ui.pages.partners.funding_tab import FundingTab
from ui.widgets.common import PAGE_MARGINS, Page, title_label


class PartnersPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(title_label(tr("Partenaires")))
        self.tabs = QTabWidget()
        self.directory = PartnersDirectory(ctx)
        self.tabs.addTab(self.directory, tr("Annuaire"))
        self.funding: FundingTab | None = None
        if can(ctx.actor, Perm.FUNDING_READ):
            self.funding = FundingTab(ctx)
            self.tabs.addTab(self.funding, tr("Financements"))
        layout.addWidget(self.tabs, 1)

    def show_with(self, **params: Any) -> None:
        if not self._loaded:
            self._loaded = True
            self.directory.refresh()
            if self.funding is not None:
                self.funding.refresh()
        if params.get("tab") == "financements" and self.funding is not None:
            self.tabs.setCurrentWidget(self.funding)

    def focus_search(self) -> bool:
        self.tabs.setCurrentWidget(self.directory)
        self.directory.search.setFocus()
        return True
