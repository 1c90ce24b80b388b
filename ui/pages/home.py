"""Accueil: the follow-up of contacts (planned today and this week, the veille, the year's
people accompanied and contacts) and the figures of the people file, each one a door to the
matching list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import long_date_fr, number_fr
from desktop_app.people.records import PersonFilter, RoleFilter
from desktop_app.people.stats import ACTIVE, Focus, HomeFigures
from desktop_app.security.permissions import Perm, can
from desktop_app.visits.accueil import AccueilFigures
from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.keys import PERSONNES, VEILLE
from ui.widgets.common import PAGE_MARGINS, Card, EmptyState, Page, button, muted_label, title_label


@dataclass(frozen=True)
class FigureLink:
    attr: str  # HomeFigures attribute
    label: str
    hint: str
    icon: str
    flt: PersonFilter
    focus: Focus | None = None


def figure_links(year: int) -> list[FigureLink]:
    return [
        FigureLink("actifs", tr("Personnes actives"), tr("dans le fichier"), "users", ACTIVE),
        FigureLink("beneficiaires", tr("Bénéficiaires"), tr("personnes accompagnées"), "user-check",
                   replace(ACTIVE, role=RoleFilter.BENEFICIAIRE)),
        FigureLink("aidants", tr("Aidants"), tr("liés à une personne aidée"), "heart",
                   replace(ACTIVE, role=RoleFilter.AIDANT)),
        FigureLink("benevoles", tr("Bénévoles"), tr("bénévoles actifs"), "award",
                   replace(ACTIVE, role=RoleFilter.BENEVOLE)),
        FigureLink("nouveaux", tr("Nouvelles en {year}").format(year=year), tr("fiches créées cette année"),
                   "star", ACTIVE, Focus.NOUVEAUX),
        FigureLink("gir_1_4", tr("GIR 1 à 4"), tr("ouvrent droit à l'APA"), "activity",
                   replace(ACTIVE, gir="1-4")),
        FigureLink("vit_seul", tr("Vivent seules"), tr("à leur domicile"), "home-user", ACTIVE, Focus.VIT_SEUL),
    ]


@dataclass(frozen=True)
class ContactLink:
    """A figure of the contacts' follow-up; opens the matching list of the Veille page."""

    attr: str  # AccueilFigures attribute
    label: str
    hint: str
    icon: str
    liste: str


def contact_links(year: int) -> list[ContactLink]:
    # The files opened this year are already a figure of the people file (« Nouvelles en … »).
    return [
        ContactLink("planned_today", tr("Prévus aujourd'hui"), tr("contacts à faire"), "calendar", "aujourdhui"),
        ContactLink("planned_week", tr("Prévus cette semaine"), tr("du lundi au dimanche"), "list", "semaine"),
        ContactLink("veille", tr("À recontacter"), tr("veille : contact en retard"), "eye", "veille"),
        ContactLink("people_accompanied", tr("Accompagnées en {year}").format(year=year),
                    tr("au moins un contact cette année"), "user-check", "accompagnees"),
        ContactLink("visits", tr("Contacts en {year}").format(year=year), tr("visites, appels, permanences"),
                    "clipboard", "contacts"),
    ]


class FigureCard(QFrame):
    """A large clickable figure: value, label, hint. Keyboard: Tab, then Espace or Entrée."""

    opened = Signal(object)  # FigureLink

    def __init__(self, link: FigureLink | ContactLink) -> None:
        super().__init__()
        self.link = link
        self.setObjectName("figure")
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(link.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(2)
        top = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(theme.icon(link.icon, theme.ACCENT).pixmap(QSize(28, 28)))
        top.addWidget(picture)
        top.addStretch(1)
        arrow = QLabel()
        arrow.setPixmap(theme.icon("chevron-right", "#9aa5b1").pixmap(QSize(20, 20)))
        top.addWidget(arrow)
        layout.addLayout(top)
        layout.addSpacing(6)
        self.value = QLabel("…")
        self.value.setObjectName("figureValue")
        layout.addWidget(self.value)
        self.caption = QLabel(link.label)
        self.caption.setObjectName("figureLabel")
        layout.addWidget(self.caption)
        hint = QLabel(link.hint)
        hint.setObjectName("figureHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.opened.emit(self.link)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.opened.emit(self.link)
            return
        super().keyPressEvent(event)

    def set_value(self, value: int) -> None:
        self.value.setText(number_fr(value))
        self.setToolTip(tr("Voir la liste : {label}").format(label=self.link.label))


class HomePage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.figures: HomeFigures | None = None
        self.contacts: AccueilFigures | None = None
        self.follows_contacts = can(ctx.actor, Perm.VISITS_READ)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(6)
        outer.addWidget(title_label(tr("Accueil")))
        service = ctx.escale.settings.get("service.nom")
        today = dt.date.today()
        subtitle = long_date_fr(today).capitalize() + (f" · {service}" if service else "")
        outer.addWidget(muted_label(subtitle, "pageSubtitle"))
        outer.addSpacing(16)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.dashboard = QWidget()
        self.stack.addWidget(self.dashboard)
        self.empty = EmptyState("users", tr("Aucune personne dans le fichier"), tr("Ajouter une personne"))
        self.empty.action.clicked.connect(lambda: ctx.navigate(PERSONNES, new=True))
        self.stack.addWidget(self.empty)

        body = QVBoxLayout(self.dashboard)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(20)
        self.contact_cards: dict[str, FigureCard] = {}
        if self.follows_contacts:
            row = QHBoxLayout()
            row.setSpacing(16)
            for contact in contact_links(today.year):
                card = FigureCard(contact)
                card.opened.connect(self._open)
                row.addWidget(card, 1)
                self.contact_cards[contact.attr] = card
            body.addLayout(row)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.cards: dict[str, FigureCard] = {}
        for i, link in enumerate(figure_links(today.year)):
            card = FigureCard(link)
            card.opened.connect(self._open)
            grid.addWidget(card, i // 4, i % 4)
            self.cards[link.attr] = card
        for column in range(4):
            grid.setColumnStretch(column, 1)
        body.addLayout(grid)

        shortcuts = Card(tr("Pour commencer"))
        row = QHBoxLayout()
        row.setSpacing(12)
        new_person = button(tr("Nouvelle personne"), "user-plus", primary=True, tooltip="Ctrl+N")
        new_person.clicked.connect(lambda: ctx.navigate(PERSONNES, new=True))
        find = button(tr("Rechercher une personne"), "search", tooltip="Ctrl+F")
        find.clicked.connect(lambda: ctx.navigate(PERSONNES, search=True))
        row.addWidget(new_person)
        row.addWidget(find)
        row.addStretch(1)
        shortcuts.body.addLayout(row)
        body.addWidget(shortcuts)
        body.addStretch(1)
        ctx.ops.bus.changed.connect(self._on_changed)

    def show_with(self, **params: Any) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.stats.figures(ctx.actor), self._show_figures, parent=self)
        if self.follows_contacts:
            ctx.ops.run(lambda: ctx.escale.accueil.figures(ctx.actor), self._show_contacts, parent=self)

    def _on_changed(self, topic: str) -> None:
        if topic == PEOPLE:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def _show_figures(self, figures: HomeFigures) -> None:
        self.figures = figures
        self.stack.setCurrentWidget(self.empty if figures.total == 0 else self.dashboard)
        for attr, card in self.cards.items():
            value = getattr(figures, attr)
            card.setVisible(value is not None)
            if value is not None:
                card.set_value(value)

    def _show_contacts(self, figures: AccueilFigures) -> None:
        self.contacts = figures
        for attr, card in self.contact_cards.items():
            card.set_value(getattr(figures, attr))

    def _open(self, link: FigureLink | ContactLink) -> None:
        if isinstance(link, ContactLink):
            self.ctx.navigate(VEILLE, liste=link.liste)
        else:
            self.ctx.navigate(PERSONNES, filter=link.flt, focus=link.focus)
