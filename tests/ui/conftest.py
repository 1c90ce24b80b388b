"""GUI fixtures: a small people file and the main window on it, with the real look
(Fusion, stylesheet, Qt's French translation) so a bad stylesheet or a Qt warning fails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import open_window

from desktop_app.app import Escale
from desktop_app.people.records import PersonInput

# Saint-Jean-de-Fos is 34267 (postal code 34150, shared with Gignac 34114, Aniane 34010).
PEOPLE: list[dict[str, object]] = [
    dict(nom="Dupont", prenom="Hélène", date_naissance="12/03/1938", code_postal="34150",
         commune_insee="34114", telephone="04 67 57 01 02", vit_seul=True, gir=3),
    dict(nom="Martin", prenom="Marcel", date_naissance="01/06/1935", code_postal="34150",
         commune_insee="34267", telephone="06 12 34 56 78", gir=5),
    dict(nom="Roux", prenom="Josette", date_naissance="23/09/1964", code_postal="34800",
         commune_insee="34079", est_beneficiaire=False),
    dict(nom="Fabre", prenom="André", date_naissance="05/01/1950", code_postal="34800",
         commune_insee="34051", est_benevole=True, est_beneficiaire=False),
    dict(nom="Vidal", prenom="Yvette", date_naissance="14/07/1931", code_postal="34150",
         commune_insee="34010", gir=2, vit_seul=True),
]


@pytest.fixture
def seeded(app: Escale, actor) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Five people (prénom → id); Josette Roux is the aidante (enfant) of Yvette Vidal."""
    ids = {}
    for values in PEOPLE:
        detail = app.people.create(actor, PersonInput(**values))  # type: ignore[arg-type]
        ids[str(values["prenom"])] = detail.id
    app.people.link_aidant(actor, ids["Josette"], ids["Yvette"], "enfant")
    return ids


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """As in the application: no cyclic GC in worker threads (ui.gc_guard)."""
    from ui import gc_guard

    gc_guard.install(qapp)
    yield
    import gc

    gc.collect()


@pytest.fixture
def qt_app(qapp):  # type: ignore[no-untyped-def]
    from ui.app import create_application

    return create_application()




@pytest.fixture
def window(qtbot: QtBot, qt_app, app: Escale, actor, seeded):  # type: ignore[no-untyped-def]
    yield from open_window(qtbot, app, actor)


@pytest.fixture
def empty_window(qtbot: QtBot, qt_app, app: Escale, actor):  # type: ignore[no-untyped-def]
    yield from open_window(qtbot, app, actor)


@pytest.fixture
def people_page(window):  # type: ignore[no-untyped-def]
    from ui.pages.keys import PERSONNES

    return window.pages[PERSONNES]
