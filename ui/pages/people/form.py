"""The person form (dossier usager): every PersonInput field in sections, keyboard first
(Tab order = reading order, Ctrl+S saves, Échap goes back), service messages shown under
their field, duplicates and concurrent edits handled with the user."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.enums import StatutPersonne
from desktop_app.errors import Conflict, DomainError, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.people.records import (
    SENSITIVE_FIELDS,
    DuplicateSuspected,
    PersonDetail,
    PersonInput,
)
from desktop_app.security.permissions import Perm, can
from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.people.coordinates import CoordinatesCard
from ui.pages.people.dialogs import DuplicateDialog
from ui.pages.people.form_fields import CommuneSuggestion, Section, build_sections
from ui.pages.people.links import LinksPanel
from ui.pages.people.rgpd_actions import PersonRgpdActions
from ui.pages.people.timeline_tab import TimelineTab
from ui.widgets.common import Card, button, muted_label, title_label
from ui.widgets.fields import ChoiceField, Field, TextField
from ui.widgets.messages import ask


class PersonForm(QWidget):
    closed = Signal()  # back to the list
    saved = Signal(int)  # person id
    open_requested = Signal(int)  # another person's file (duplicate, aidant link)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: PersonDetail | None = None
        self.fields: dict[str, Field] = {}
        self._rows: dict[str, QWidget] = {}  # field name → the widget of its form row
        self._loading = False
        self._dirty = False
        self._saving = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addLayout(self._build_header())
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.sensitive_notice = QLabel(tr("Les informations de santé, de GIR et de fragilité ne sont pas "
                                          "visibles avec votre rôle."))
        self.sensitive_notice.setObjectName("notice")
        self.sensitive_notice.hide()
        outer.addWidget(self.sensitive_notice)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs, self.parcours = QTabWidget(), TimelineTab(self.ctx)  # the file, its Parcours
        self.tabs.addTab(self.scroll_area, tr("Fiche"))
        self.tabs.addTab(self.parcours, tr("Parcours"))
        self.parcours.person_loaded.connect(self._contact_changed)  # header « Dernier contact » kept current
        outer.addWidget(self.tabs, 1)
        self._build_body()
        self._build_actions()
        self.load(None)

    # ----- construction ---------------------------------------------------------------
    def _build_header(self) -> QVBoxLayout:
        header = QVBoxLayout()
        header.setSpacing(4)
        top = QHBoxLayout()
        self.back_button = button(tr("Retour à la liste"), "arrow-left", flat=True, tooltip=tr("Échap"))
        self.back_button.clicked.connect(self.request_close)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.archive_button = button(tr("Archiver"), "archive")
        self.archive_button.clicked.connect(self._toggle_archive)
        self.archive_button.setEnabled(can(self.ctx.actor, Perm.PEOPLE_ARCHIVE))
        top.addWidget(self.archive_button)
        self.rgpd = PersonRgpdActions(self.ctx, self)  # export of the file, information notice
        for extra in self.rgpd.buttons:
            top.addWidget(extra)
        self.save_button = button(tr("Enregistrer"), "save", primary=True, tooltip="Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setEnabled(can(self.ctx.actor, Perm.PEOPLE_WRITE))
        top.addWidget(self.save_button)
        header.addLayout(top)
        self.title = title_label("")
        header.addWidget(self.title)
        self.meta = muted_label("", "pageSubtitle")
        header.addWidget(self.meta)
        return header

    def _build_body(self) -> None:
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 8, 12, 16)
        body.setSpacing(16)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        stacks = [QVBoxLayout(), QVBoxLayout()]
        for stack in stacks:
            stack.setSpacing(16)
            columns.addLayout(stack, 1)
        for section in build_sections():
            stacks[section.column].addWidget(self._section_card(section))
        for stack in stacks:
            stack.addStretch(1)
        body.addLayout(columns)
        self.links = LinksPanel(self.ctx)
        self.links.open_person.connect(self.open_requested)
        body.addWidget(self.links)
        self.coordinates = CoordinatesCard(self.ctx)
        body.addWidget(self.coordinates)
        body.addStretch(1)
        self.scroll_area.setWidget(content)
        code_postal, commune = self.fields["code_postal"], self.fields["commune_insee"]
        assert isinstance(code_postal, TextField) and isinstance(commune, ChoiceField)
        self.communes = CommuneSuggestion(code_postal, commune)
        self.fields["civilite"].changed.connect(self._civilite_sets_sexe)
        editors = [f.editor for f in self.fields.values()]
        for first, second in itertools.pairwise(editors):
            QWidget.setTabOrder(first, second)

    def _section_card(self, section: Section) -> Card:
        card = Card(section.title)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for row in section.rows:
            caption = QLabel(row.label)
            caption.setContentsMargins(0, 7, 0, 0)
            caption.setMinimumWidth(156)
            caption.setBuddy(row.fields[0].editor)
            if len(row.fields) == 1:
                holder: QWidget = row.fields[0]
            else:
                holder = QWidget()
                line = QVBoxLayout(holder)
                line.setContentsMargins(0, 2, 0, 0)
                line.setSpacing(2)
                for f in row.fields:
                    line.addWidget(f)
            form.addRow(caption, holder)
            for f in row.fields:
                self.fields[f.name] = f
                self._rows[f.name] = holder
                f.changed.connect(self._mark_dirty)
        card.body.addLayout(form)
        return card

    def _build_actions(self) -> None:
        save = QAction(tr("Enregistrer"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(lambda: self.save())
        back = QAction(tr("Retour à la liste"), self)
        back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.request_close)
        self.addActions([save, back])

    # ----- loading ---------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def new_person(self) -> None:
        self.load(None)
        self.fields["nom"].setFocus(Qt.FocusReason.OtherFocusReason)

    def open_person(self, person_id: int) -> None:
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.people.get(ctx.actor, person_id), self._opened, parent=self)

    def _opened(self, detail: PersonDetail) -> None:
        self.load(detail)
        self.fields["nom"].setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, detail: PersonDetail | None) -> None:
        self._loading = True
        self.detail = detail
        values = detail.data if detail is not None else PersonInput()
        for name, f in self.fields.items():
            if name != "commune_insee":
                f.set_value(getattr(values, name))
        self.communes.update(keep_insee=values.commune_insee or "")
        self.clear_errors()
        hidden = detail is not None and detail.sensitive_hidden
        for name in SENSITIVE_FIELDS:
            self._rows[name].setVisible(not hidden)
        self.sensitive_notice.setVisible(hidden)
        self._show_header(detail)
        self.links.set_person(detail)
        self.parcours.set_person(detail)
        self.coordinates.set_person(detail)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._loading = False
        self._dirty = False

    def _contact_changed(self, detail: PersonDetail) -> None:
        """A contact was logged from the Parcours: the header shows the new last contact date
        (the file's own fields and their version are untouched)."""
        if self.detail is not None and detail.id == self.detail.id:
            self._show_header(detail)

    def _show_header(self, detail: PersonDetail | None) -> None:
        self.archive_button.setVisible(detail is not None)
        self.rgpd.set_person(detail)
        if detail is None:
            self.title.setText(tr("Nouvelle personne"))
            self.meta.setText(tr("Les champs marqués * sont obligatoires. Ctrl+S enregistre, Échap revient à la liste."))
            return
        self.title.setText(detail.display_name)
        parts = []
        if detail.age is not None:
            parts.append(tr("{age} ans").format(age=detail.age))
        if detail.commune_nom:
            parts.append(detail.commune_nom)
        if detail.last_contact_date:
            parts.append(tr("Dernier contact : {date}").format(date=date_fr(detail.last_contact_date)))
        parts.append(tr("Fiche créée le {date}").format(date=date_fr(detail.created_at)))
        if detail.data.statut == StatutPersonne.ARCHIVE:
            parts.append(tr("Archivée le {date}").format(date=date_fr(detail.archived_at)))
        elif detail.data.statut == StatutPersonne.DECEDE:
            parts.append(tr("Décédée"))
        self.meta.setText("  ·  ".join(parts))
        active = detail.data.statut == StatutPersonne.ACTIF
        self.archive_button.setText(tr("Archiver") if active else tr("Réactiver"))
        self.archive_button.setIcon(theme.button_icon("archive" if active else "restore", theme.TEXT_MUTED))

    def _mark_dirty(self) -> None:
        if not self._loading:
            self._dirty = True

    def _civilite_sets_sexe(self) -> None:
        sexe = self.fields["sexe"]
        if sexe.value() == "i":
            sexe.set_value({"mme": "f", "m": "h"}.get(self.fields["civilite"].value() or "", "i"))

    # ----- saving ----------------------------------------------------------------------
    def collect(self) -> PersonInput:
        return PersonInput(**{name: f.value() for name, f in self.fields.items()})

    def save(self, confirm_duplicate: bool = False) -> None:
        if self._saving or not self.save_button.isEnabled():
            return
        data = self.collect()
        ctx, detail = self.ctx, self.detail
        if detail is None:
            def work() -> PersonDetail:
                return ctx.people.create(ctx.actor, data, confirm_duplicate=confirm_duplicate)
        else:
            person_id, version = detail.id, detail.version_id

            def work() -> PersonDetail:
                return ctx.people.update(ctx.actor, person_id, version, data)
        self._set_saving(True)
        ctx.ops.run(work, self._saved, self._refused, changes=PEOPLE, parent=self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setText(tr("Enregistrement…") if saving else tr("Enregistrer"))

    def _saved(self, detail: PersonDetail) -> None:
        created = self.detail is None
        self._set_saving(False)
        self.load(detail)
        self.ctx.notify((tr("Fiche de {name} créée.") if created else tr("Fiche de {name} enregistrée."))
                        .format(name=detail.display_name))
        self.saved.emit(detail.id)

    def _refused(self, error: DomainError) -> bool:
        self._set_saving(False)
        if isinstance(error, DuplicateSuspected):
            dialog = DuplicateDialog(error, self)
            dialog.open_existing.connect(self._open_instead)
            dialog.create_anyway.connect(lambda: self.save(confirm_duplicate=True))
            dialog.open()
            return True
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
            return True
        if isinstance(error, Conflict) and self.detail is not None:
            person_id = self.detail.id
            ask(self, tr("Fiche modifiée ailleurs"), error.message_fr, tr("Recharger la fiche"),
                lambda: self.open_person(person_id), tr("Garder ma saisie"))
            return True
        return False

    def _open_instead(self, person_id: int) -> None:
        self._dirty = False
        self.open_person(person_id)

    def clear_errors(self) -> None:
        for f in self.fields.values():
            f.set_error(None)
        self.banner.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field, the typed text untouched, the first one focused."""
        self.clear_errors()
        others = []
        for name, message in errors.items():
            if name in self.fields:
                self.fields[name].set_error(message)
            else:
                others.append(message)
        n = len(errors)
        summary = tr("Une information est à corriger : voir le message en rouge.") if n == 1 else tr(
            "{n} informations sont à corriger : voir les messages en rouge.").format(n=n)
        self.banner.setText("\n".join([summary, *others]))
        self.banner.show()
        wrong = next((f for name, f in self.fields.items() if name in errors), None)
        if wrong is not None:
            self.scroll_area.ensureWidgetVisible(wrong, 50, 80)
            wrong.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- archive and leaving --------------------------------------------------------------
    def _toggle_archive(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if self._dirty:
            self.ctx.notify(tr("Enregistrez d'abord vos modifications (Ctrl+S)."))
            return
        ctx, person_id = self.ctx, detail.id
        target = StatutPersonne.ARCHIVE if detail.data.statut == StatutPersonne.ACTIF else StatutPersonne.ACTIF
        message = tr("Fiche de {name} archivée.") if target == StatutPersonne.ARCHIVE else tr(
            "Fiche de {name} réactivée.")

        def done(updated: PersonDetail) -> None:
            self.load(updated)
            ctx.notify(message.format(name=updated.display_name))

        ctx.ops.run(lambda: ctx.people.set_status(ctx.actor, person_id, target), done,
                    changes=PEOPLE, parent=self)

    def request_close(self) -> None:
        if not self._dirty:
            self.closed.emit()
            return
        ask(self, tr("Modifications non enregistrées"),
            tr("Les modifications de cette fiche ne sont pas enregistrées. Les abandonner ?"),
            tr("Abandonner les modifications"), self._discard, tr("Continuer la saisie"))

    def _discard(self) -> None:
        self.load(self.detail)
        self.closed.emit()
