"""Dialogs of the séances: generate a cycle from a rule (with a live preview of the dates,
the holidays skipped and the clashes), add or move one séance, and give a reason (cancel a
séance, withdraw a registration). Clashes of place or animateur are shown before saving and
the coordinator may confirm them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import (
    ActionDetail,
    GenerationPreview,
    OverlapSuspected,
    SeanceInput,
    SeanceRow,
    SeanceRule,
)
from desktop_app.errors import DomainError, ValidationError
from desktop_app.formatting import JOURS, long_date_fr
from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.widgets.common import Card, muted_label
from ui.widgets.fields import ChoiceField, DateField, TextField
from ui.widgets.messages import ask

PREVIEW_DELAY_MS = 300


def confirm_overlaps(parent: QWidget, exc: OverlapSuspected, again: Callable[[], None]) -> None:
    ask(parent, tr("Chevauchement avec une autre séance"),
        exc.message_fr + "\n\n" + tr("Enregistrer quand même ?"), tr("Enregistrer quand même"), again,
        tr("Revenir à la saisie"))


class GenerationDialog(FormDialog):
    def __init__(self, ctx: Context, action: ActionDetail, on_saved: Callable[[list[SeanceRow]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("Générer les séances"), action.data.titre, tr("Créer les séances"), parent, 1080)
        self.setMinimumHeight(660)
        self.action = action
        self.on_saved = on_saved
        self.confirmed = False
        self._generation = 0
        columns = QHBoxLayout()
        columns.setSpacing(16)
        rule_card, preview_card = Card(tr("Règle")), Card(tr("Aperçu"))
        columns.addWidget(rule_card, 5)
        columns.addWidget(preview_card, 6)
        self.body.addLayout(columns)
        form = form_layout()
        self.add(form, tr("Fréquence"), ChoiceField("frequence", tr("Fréquence"),
                                                    [(t, str(v)) for v, t in labels.FREQUENCE.items()], None))
        self.add(form, tr("Première séance *"), DateField("premier_jour", tr("Date de la première séance")))
        self.add(form, tr("Jour"), ChoiceField("jour_semaine", tr("Jour de la semaine"),
                                               [(tr("le jour de la première séance"), None)]
                                               + [(j.capitalize(), i) for i, j in enumerate(JOURS)], None))
        self.add(form, tr("Horaire *"), TextField("heure_debut", tr("Heure de début"), "14:00", 110, 5),
                 TextField("heure_fin", tr("Heure de fin"), "16:00", 110, 5))
        self.add(form, tr("Nombre de séances"), TextField("nombre", tr("Nombre de séances"), "10", 110, 3))
        self.add(form, tr("ou jusqu'au"), DateField("jusqu_au", tr("Jusqu'au")))
        self.add(form, tr("Dates exclues"), TextAreaField("dates_exclues", tr("Dates exclues"),
                                                          tr("jj/mm/aaaa, séparées par des virgules "
                                                             "(vacances, salle prise…)"), 64))
        rule_card.body.addLayout(form)
        rule_card.body.addWidget(muted_label(tr("Les jours fériés sont sautés et ne comptent pas : « 10 séances » "
                                                "donne dix séances réelles.")))
        rule_card.body.addStretch(1)
        self.summary = muted_label("")
        preview_card.body.addWidget(self.summary)
        self.preview_list = QListWidget()
        self.preview_list.setObjectName("results")
        self.preview_list.setMinimumHeight(360)
        self.preview_list.setWordWrap(True)
        self.preview_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        preview_card.body.addWidget(self.preview_list, 1)
        self.load({"frequence": "hebdomadaire", "heure_debut": "14:00", "heure_fin": "16:00", "nombre": "10",
                   "premier_jour": action.data.date_debut, "jusqu_au": None, "jour_semaine": None})
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        for f in self.fields.values():
            f.changed.connect(self.timer.start)
        self.fields["premier_jour"].setFocus()
        self.refresh_preview()

    def rule(self) -> SeanceRule:
        v = self.values()
        excluded = [d for d in re.split(r"[\s,;]+", v.pop("dates_exclues") or "") if d]
        return SeanceRule(dates_exclues=list(excluded), **v)

    def refresh_preview(self) -> None:
        if not self.fields["premier_jour"].value().strip():
            self.summary.setText(tr("Indiquez la date de la première séance."))
            self.preview_list.clear()
            return
        self._generation += 1
        generation = self._generation
        service, actor, rule, action_id = self.ctx.escale.ateliers.seances, self.ctx.actor, self.rule(), self.action.id

        def failed(exc: DomainError) -> bool:
            if generation == self._generation and isinstance(exc, ValidationError):
                self.show_errors(exc.errors)
                self.preview_list.clear()
                self.summary.setText(tr("Corrigez la règle pour voir les dates."))
            return True

        self.ctx.ops.run(lambda: service.preview(actor, action_id, rule),
                         lambda p: self._show_preview(generation, p), failed, parent=self)

    def _show_preview(self, generation: int, preview: GenerationPreview) -> None:
        if generation != self._generation:
            return
        self.show_errors({})
        self.preview_list.clear()
        clashes = {w.debut for w in preview.overlaps}
        rows: list[tuple[Any, str, str | None]] = []
        for i, (debut, fin) in enumerate(preview.slots, start=1):
            text = f"{i}. {long_date_fr(debut.date())}, {debut:%H:%M}–{fin:%H:%M}"
            rows.append((debut.date(), text + (tr("  — chevauchement") if debut in clashes else ""),
                         "alert" if debut in clashes else "calendar"))
        for skipped in preview.skipped:
            rows.append((skipped.date, f"{long_date_fr(skipped.date)} — {tr('sautée')} : {skipped.reason}", "x"))
        for _day, text, icon_name in sorted(rows, key=lambda r: r[0]):
            item = QListWidgetItem(text)
            if icon_name:
                item.setIcon(theme.icon(icon_name, theme.ERROR if icon_name != "calendar" else theme.ACCENT))
            self.preview_list.addItem(item)
        n = len(preview.slots)
        parts = [tr("{n} séance(s) à créer").format(n=n)]
        if preview.skipped:
            parts.append(tr("{n} date(s) sautée(s)").format(n=len(preview.skipped)))
        if preview.overlaps:
            parts.append(tr("{n} chevauchement(s) à vérifier").format(n=len(preview.overlaps)))
        self.summary.setText(" · ".join(parts))
        self.banner.setText("\n".join(w.message for w in preview.overlaps[:4]))
        self.banner.setVisible(bool(preview.overlaps))

    def submit(self) -> None:
        service, actor, rule, action_id = self.ctx.escale.ateliers.seances, self.ctx.actor, self.rule(), self.action.id
        confirmed = self.confirmed
        self.run(lambda: service.generate(actor, action_id, rule, confirm_overlaps=confirmed), self.on_saved,
                 tr("Séances créées."))

    def handle_error(self, exc: DomainError) -> bool:
        if isinstance(exc, OverlapSuspected):
            confirm_overlaps(self, exc, self._confirmed)
            return True
        return False

    def _confirmed(self) -> None:
        self.confirmed = True
        self.submit()


class SeanceDialog(FormDialog):
    """Add a séance (``seance`` None) or move / edit one."""

    def __init__(self, ctx: Context, action: ActionDetail, seance: SeanceRow | None,
                 on_saved: Callable[[SeanceRow], None], parent: QWidget | None = None) -> None:
        title = tr("Modifier la séance") if seance else tr("Ajouter une séance")
        super().__init__(ctx, title, action.data.titre, parent=parent)
        self.action, self.seance, self.on_saved = action, seance, on_saved
        self.confirmed = False
        form = form_layout()
        self.add(form, tr("Date *"), DateField("date", tr("Date")))
        self.add(form, tr("Horaire *"), TextField("heure_debut", tr("Heure de début"), "14:00", 110, 5),
                 TextField("heure_fin", tr("Heure de fin"), "16:00", 110, 5))
        self.add(form, tr("Lieu"), TextField("lieu", tr("Lieu"), action.data.lieu or tr("Lieu de l'atelier")))
        self.add(form, tr("Animateur"), TextField("animateur", tr("Animateur"),
                                                  action.data.animateur or tr("Animateur de l'atelier")))
        self.body.addLayout(form)
        self.body.addWidget(muted_label(tr("Lieu et animateur vides : ceux de l'atelier.")))
        if seance is not None:
            self.load({"date": seance.debut.date(), "heure_debut": f"{seance.debut:%H:%M}",
                       "heure_fin": f"{seance.fin:%H:%M}", "lieu": seance.lieu if seance.lieu_propre else "",
                       "animateur": seance.animateur if seance.animateur != action.data.animateur else ""})
        self.fields["date"].setFocus()

    def submit(self) -> None:
        data = SeanceInput(**self.values())
        service, actor, confirmed = self.ctx.escale.ateliers.seances, self.ctx.actor, self.confirmed
        if self.seance is None:
            action_id = self.action.id
            self.run(lambda: service.add(actor, action_id, data, confirm_overlaps=confirmed), self.on_saved,
                     tr("Séance ajoutée."))
        else:
            seance = self.seance
            self.run(lambda: service.update(actor, seance.id, seance.version_id, data, confirm_overlaps=confirmed),
                     self.on_saved, tr("Séance modifiée."))

    def handle_error(self, exc: DomainError) -> bool:
        if isinstance(exc, OverlapSuspected):
            confirm_overlaps(self, exc, self._confirmed)
            return True
        return False

    def _confirmed(self) -> None:
        self.confirmed = True
        self.submit()


class ReasonDialog(FormDialog):
    """One motif, then ``work(motif)`` (cancel a séance, withdraw a registration)."""

    def __init__(self, ctx: Context, title: str, subtitle: str, save_text: str, notice: str,
                 work: Callable[[str], Any], on_saved: Callable[[Any], None], required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, subtitle, save_text, parent)
        self.work, self.on_saved, self.notice = work, on_saved, notice
        form = form_layout()
        self.add(form, tr("Motif *") if required else tr("Motif"),
                 TextAreaField("motif", tr("Motif"), tr("Il reste dans l'historique."), 70))
        self.body.addLayout(form)
        self.fields["motif"].setFocus()

    def submit(self) -> None:
        motif = self.fields["motif"].value()
        self.run(lambda: self.work(motif), self.on_saved, self.notice)
