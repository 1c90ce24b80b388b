"""Home coordinates on the person form: what is stored and how it was obtained (BAN match
score, « à vérifier » when the match is weak, typed by hand), a « Géocoder » button that
asks the national address base for the saved address, and latitude / longitude typed or
corrected by hand (French decimal comma accepted; the service checks the ranges)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.errors import DomainError, ValidationError
from desktop_app.formatting import number_fr
from desktop_app.people.records import PersonDetail
from desktop_app.security.permissions import Perm, can
from desktop_app.tournees.records import HomeCoordinates
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import TextField


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def describe(home: HomeCoordinates) -> tuple[str, bool]:
    """The status line and whether it is a warning."""
    if home.latitude is None or home.longitude is None:
        if home.status == "echec":
            return tr("Adresse introuvable dans la base nationale : saisissez les coordonnées à la main."), True
        return tr("Pas encore de coordonnées : géocodez l'adresse ou saisissez-les à la main."), False
    score = tr(" (score {s} %)").format(s=number_fr(home.score * 100)) if home.score is not None else ""
    if home.status == "a_verifier":
        return tr("À vérifier : correspondance faible avec la base nationale{score}. Contrôlez le point et "
                  "corrigez-le si besoin.").format(score=score), True
    if home.status == "manuel":
        return tr("Coordonnées saisies à la main."), False
    return tr("Localisée par la base nationale des adresses{score}.").format(score=score), False



def save_home_point(ctx: Context, parent: QWidget, person_id: int, lat: TextField, lon: TextField,
                    on_saved: Callable[[], None]) -> None:
    """Save the home point typed in ``lat`` / ``lon``; a refused value shows under its field."""
    actor, lat_text, lon_text = ctx.actor, lat.value(), lon.value()
    lat.set_error(None)
    lon.set_error(None)

    def done(_result: None) -> None:
        ctx.notify(tr("Coordonnées enregistrées."))
        on_saved()

    def failed(exc: DomainError) -> bool:
        if isinstance(exc, ValidationError):
            lat.set_error(exc.errors.get("latitude"))
            lon.set_error(exc.errors.get("longitude"))
            return True
        return False

    geocoding = ctx.escale.tournees.geocoding
    ctx.ops.run(lambda: geocoding.set_person_coordinates(actor, person_id, lat_text, lon_text), done, failed,
                changes=TOURNEES, parent=parent)

class CoordinatesCard(Card):
    def __init__(self, ctx: Context) -> None:
        super().__init__(tr("Coordonnées du domicile (tournées)"))
        self.ctx = ctx
        self.person_id: int | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        row = QHBoxLayout()
        self.lat = TextField("latitude", tr("Latitude"), "43,6543", max_width=170)
        self.lon = TextField("longitude", tr("Longitude"), "3,3056", max_width=170)
        row.addWidget(self.lat)
        row.addWidget(self.lon)
        self.save_btn = button(tr("Enregistrer les coordonnées"), "save", flat=True)
        self.save_btn.clicked.connect(self.save)
        self.geocode_btn = button(tr("Géocoder"), "search", flat=True,
                                  tooltip=tr("Cherche l'adresse enregistrée dans la base nationale des adresses"))
        self.geocode_btn.clicked.connect(self.geocode)
        row.addWidget(self.save_btn)
        row.addWidget(self.geocode_btn)
        if not can(ctx.actor, Perm.PEOPLE_WRITE):  # read-only roles see the point, not the buttons
            for widget in (self.save_btn, self.geocode_btn):
                widget.hide()
            for field in (self.lat, self.lon):
                field.editor.setEnabled(False)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(muted_label(tr("Sans réseau, ou pour une ferme isolée, relevez le point sur une carte "
                                           "ou au GPS : 43,6543 et 3,3056 par exemple.")))

    @property
    def geo(self):  # type: ignore[no-untyped-def]
        return self.ctx.escale.tournees.geocoding

    def set_person(self, detail: PersonDetail | None) -> None:
        self.person_id = detail.id if detail is not None else None
        self.setVisible(detail is not None)
        self.lat.set_error(None)
        self.lon.set_error(None)
        if detail is not None:
            pid, actor = detail.id, self.ctx.actor
            self.ctx.ops.run(lambda: self.geo.home(actor, pid), self.show_home, lambda _e: self._hide(), parent=self)

    def _hide(self) -> bool:
        self.setVisible(False)  # not allowed to read them: nothing to show
        return True

    def show_home(self, home: HomeCoordinates) -> None:
        self.lat.set_value(_text(home.latitude))
        self.lon.set_value(_text(home.longitude))
        self._status(*describe(home))

    def _status(self, text: str, warning: bool) -> None:
        self.status.setText(("⚠ " if warning else "") + text)
        self.status.setObjectName("banner" if warning else "notice")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _reload(self) -> None:
        if self.person_id is not None:
            pid, actor = self.person_id, self.ctx.actor
            self.ctx.ops.run(lambda: self.geo.home(actor, pid), self.show_home, parent=self)

    def save(self) -> None:
        if self.person_id is None:
            return
        save_home_point(self.ctx, self, self.person_id, self.lat, self.lon, self._reload)

    def geocode(self) -> None:
        if self.person_id is None:
            return
        pid, actor = self.person_id, self.ctx.actor

        def failed(exc: DomainError) -> bool:
            message = exc.errors.get("adresse", exc.message_fr) if isinstance(exc, ValidationError) else exc.message_fr
            self._status(message, True)  # offline, no address…: said here, nothing else blocked
            return True

        self.geocode_btn.setEnabled(False)

        def done(_result: object) -> None:
            self.geocode_btn.setEnabled(True)
            self._reload()

        def error(exc: DomainError) -> bool:
            self.geocode_btn.setEnabled(True)
            return failed(exc)

        self.ctx.ops.run(lambda: self.geo.geocode_person(actor, pid), done, error, changes=TOURNEES, parent=self)
