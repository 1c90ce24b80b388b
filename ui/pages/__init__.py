"""The pages of the main window, in navigation order.

Adding a page is one line in :data:`PAGES`: a key (used by ``ctx.navigate(key, ...)``),
the French title shown in the navigation, the icon name in resources/icons, and a factory
taking the :class:`~ui.context.Context` and returning a :class:`~ui.widgets.common.Page`.
A page whose issue has not landed is simply not listed: no placeholder pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.context import Context
from ui.i18n import tr
from ui.pages.home import HomePage
from ui.pages.keys import ACCUEIL, PERSONNES, TOURNEES
from ui.pages.people.page import PeoplePage
from ui.pages.tournees.page import TourneesPage
from ui.widgets.common import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[Context], Page]


def registry() -> list[PageSpec]:
    """Built at call time so the titles go through the translator installed by then."""
    return [
        PageSpec(ACCUEIL, tr("Accueil"), "home", HomePage),
        PageSpec(PERSONNES, tr("Personnes"), "users", PeoplePage),
        PageSpec(TOURNEES, tr("Tournées"), "bus", TourneesPage),
    ]
