"""The pages of the main window, in navigation order.

Adding a page is one line in :func:`registry`: a key (used by ``ctx.navigate(key, ...)``),
the French title shown in the navigation, the icon name in resources/icons, a factory
taking the :class:`~ui.context.Context` and returning a :class:`~ui.widgets.common.Page`,
and the permission a role needs to see it (the services check it again: hiding a page is
comfort, not security).
A page whose issue has not landed is simply not listed: no placeholder pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.actor import Actor
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.accounts.page import AccountsPage
from ui.pages.ateliers.page import AteliersPage
from ui.pages.audit.page import AuditPage
from ui.pages.bilans.page import BilansPage
from ui.pages.home import HomePage
from ui.pages.keys import (
    ACCUEIL,
    ATELIERS,
    BILANS,
    COMPTES,
    CONSERVATION,
    JOURNAL,
    MON_COMPTE,
    PARAMETRES,
    PARTENAIRES,
    PERSONNES,
    PLANNING,
    SAUVEGARDES,
    TOURNEES,
    TRAJETS,
    VEILLE,
)
from ui.pages.my_account import MyAccountPage
from ui.pages.partners.page import PartnersPage
from ui.pages.people.page import PeoplePage
from ui.pages.planning.page import PlanningPage
from ui.pages.rgpd.backups import BackupsPage
from ui.pages.rgpd.retention import RetentionPage
from ui.pages.settings.page import SettingsPage
from ui.pages.tournees.page import TourneesPage
from ui.pages.trajets.page import TrajetsPage
from ui.pages.visits.veille_page import VeillePage
from ui.widgets.common import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[Context], Page]
    perm: Perm | None = None  # None: every role


def registry(actor: Actor | None = None) -> list[PageSpec]:
    """The pages ``actor`` may use (all of them without an actor). Built at call time so
    the titles go through the translator installed by then."""
    pages = [
        PageSpec(ACCUEIL, tr("Accueil"), "home", HomePage, Perm.PEOPLE_READ),
        PageSpec(PERSONNES, tr("Personnes"), "users", PeoplePage, Perm.PEOPLE_READ),
        PageSpec(VEILLE, tr("Veille"), "eye", VeillePage, Perm.VISITS_READ),
        PageSpec(ATELIERS, tr("Ateliers"), "calendar", AteliersPage, Perm.ATELIERS_READ),
        PageSpec(TOURNEES, tr("Tournées"), "bus", TourneesPage, Perm.TOURNEES_READ),
        PageSpec(PLANNING, tr("Planning"), "clipboard", PlanningPage, Perm.PLANNING_READ),
        PageSpec(TRAJETS, tr("Trajets"), "bus", TrajetsPage, Perm.TRAJETS),
        PageSpec(PARTENAIRES, tr("Partenaires"), "link", PartnersPage, Perm.PARTNERS_READ),
        PageSpec(BILANS, tr("Bilans"), "award", BilansPage, Perm.BILANS),
        PageSpec(COMPTES, tr("Comptes"), "user-check", AccountsPage, Perm.ACCOUNTS),
        PageSpec(CONSERVATION, tr("Conservation"), "archive", RetentionPage, Perm.PEOPLE_ARCHIVE),
        PageSpec(JOURNAL, tr("Journal"), "activity", AuditPage, Perm.AUDIT_READ),
        PageSpec(SAUVEGARDES, tr("Sauvegardes"), "database", BackupsPage, Perm.SETTINGS),
        PageSpec(PARAMETRES, tr("Paramètres"), "sliders", SettingsPage, Perm.SETTINGS),
        PageSpec(MON_COMPTE, tr("Mon compte"), "user", MyAccountPage),
    ]
    return [p for p in pages if actor is None or p.perm is None or can(actor, p.perm)]
