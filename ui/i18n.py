"""One ``tr()`` for every user-visible string, and Qt's own French translation so the
standard buttons read « Annuler », « Enregistrer », « Oui »."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CONTEXT = "Escale"


def tr(text: str) -> str:
    """Translate a French source string (the application is written in French first)."""
    return QCoreApplication.translate(CONTEXT, text)


def install_french(app: QCoreApplication) -> list[QTranslator]:
    """Load ``qtbase_fr`` from Qt's translations folder and make French the default locale.

    Returns the translators: the caller keeps them alive as long as the application.
    """
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translators = []
    for name in ("qtbase_fr",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("Traduction Qt introuvable : %s dans %s", name, folder)
    return translators
