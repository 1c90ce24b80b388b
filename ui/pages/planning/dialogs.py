"""Forms of the planning: an absence or unavailability (a staff member or a vehicle) and a
recurring contact with a person. The service's French messages show under their field;
conflicts are listed and saving asks for confirmation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from desktop_app.errors import DomainError
from desktop_app.planning.records import AbsenceInput, AbsenceView, RecurringInput, RecurringView
from desktop_app.planning.recurrence import FREQUENCES, JOURS
from desktop_app.planning.service import ConflictsFound
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.widgets.common import button
from ui.widgets.fields import ChoiceField, DateField, TextField
from ui.widgets.messages import ask

MODES = [("Appel téléphonique", "telephone"), ("Visite à domicile", "domicile"), ("Visio", "visio")]


def _dt_text(value: dt.datetime | None) -> str:
    return "" if value is None else f"{value:%d/%m/%Y %H:%M}"


def conflicts_text(exc: ConflictsFound) -> str:
    return "\n".join(f"• {c.message}" for c in exc.conflicts) + "\n\n" + tr("Enregistrer quand même ?")


class _PlanningDialog(FormDialog):
    """A FormDialog that confirms conflicts and can delete what it edits."""

    def __init__(self, ctx: Context, title: str, subtitle: str, on_saved: Callable[[Any], None],
                 parent: QWidget | None) -> None:
        super().__init__(ctx, title, subtitle, parent=parent, width=560)
        self.on_saved = on_saved
        self.confirmed = False

    def add_delete(self, text: str, work: Callable[[], None]) -> None:
        remove = button(text, "trash", flat=True)
        self.outer.itemAt(self.outer.count() - 1).layout().insertWidget(0, remove)

        def confirmed() -> None:
            self.ctx.ops.run(work, lambda _r: self._deleted(), changes="planning", parent=self)

        remove.clicked.connect(lambda: ask(self, text, tr("Cette suppression est définitive."), text, confirmed))

    def _deleted(self) -> None:
        self.dirty = False
        self.on_saved(None)
        self.accept()

    def handle_error(self, exc: DomainError) -> bool:
        if isinstance(exc, ConflictsFound):
            ask(self, tr("Conflits de planning"), conflicts_text(exc), tr("Enregistrer quand même"), self._confirm)
            return True
        return False

    def _confirm(self) -> None:
        self.confirmed = True
        self.submit()


class AbsenceDialog(_PlanningDialog):
    def __init__(self, ctx: Context, absence: AbsenceView | None, on_saved: Callable[[Any], None],
                 start: dt.datetime | None = None, end: dt.datetime | None = None,
                 parent: QWidget | None = None) -> None:
        title = tr("Modifier l'absence") if absence else tr("Nouvelle absence ou indisponibilité")
        super().__init__(ctx, title, tr("Un membre de l'équipe ou un véhicule."), on_saved, parent)
        self.absence = absence
        planning = ctx.escale.planning
        who = [(c.label, c.value) for c in planning.agent_choices(ctx.actor) if c.value.startswith("u:")]
        who += [(f"{c.label} (véhicule)", f"v:{c.value}") for c in planning.vehicle_choices(ctx.actor)]
        form = form_layout()
        self.add(form, tr("Qui *"), ChoiceField("qui", tr("Qui"), who, max_width=360))
        self.add(form, tr("Début *"), TextField("debut", tr("Début"), "24/12/2026 08:00", 170))
        self.add(form, tr("Fin *"), TextField("fin", tr("Fin"), "24/12/2026 18:00", 170))
        self.add(form, tr("Motif"), TextField("motif", tr("Motif"), tr("Congé, formation, entretien…")))
        self.body.addLayout(form)
        if absence is not None:
            qui = f"u:{absence.user_id}" if absence.user_id else f"v:{absence.vehicle_id}"
            self.load({"qui": qui, "debut": _dt_text(absence.debut), "fin": _dt_text(absence.fin),
                       "motif": absence.motif or ""})
            absence_id = absence.id
            self.add_delete(tr("Supprimer l'absence"),
                            lambda: planning.delete_absence(ctx.actor, absence_id))
        else:
            self.load({"debut": _dt_text(start), "fin": _dt_text(end)})

    def submit(self) -> None:
        v = self.values()
        qui = str(v["qui"] or "")
        data = AbsenceInput(user_id=int(qui[2:]) if qui.startswith("u:") else None,
                            vehicle_id=int(qui[2:]) if qui.startswith("v:") else None,
                            debut=v["debut"], fin=v["fin"], motif=v["motif"])
        service, actor, confirmed, absence = self.ctx.escale.planning, self.ctx.actor, self.confirmed, self.absence
        self.run(lambda: service.save_absence(actor, data, absence.id if absence else None,
                                              absence.version_id if absence else None, confirm=confirmed),
                 self.on_saved, tr("Absence enregistrée."))


class RecurringDialog(_PlanningDialog):
    def __init__(self, ctx: Context, recurring: RecurringView | None, on_saved: Callable[[Any], None],
                 start: dt.datetime | None = None, person_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = tr("Modifier le contact régulier") if recurring else tr("Nouveau contact régulier")
        super().__init__(ctx, title, tr("Par exemple : un appel tous les lundis à une personne isolée."),
                         on_saved, parent)
        self.recurring = recurring
        planning = ctx.escale.planning
        people = [(c.label, int(c.value)) for c in planning.person_choices(ctx.actor)]
        form = form_layout()
        person = ChoiceField("person_id", tr("Personne"), [(tr("— choisir —"), None), *people], max_width=420)
        person.combo.setEditable(True)
        person.combo.setInsertPolicy(person.combo.InsertPolicy.NoInsert)
        completer = person.combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add(form, tr("Personne *"), person)
        agents = [(tr("— personne —"), None), *((c.label, c.value) for c in planning.agent_choices(ctx.actor))]
        self.add(form, tr("Qui appelle"), ChoiceField("agent", tr("Intervenant"), agents, max_width=360))
        self.add(form, tr("Fréquence *"),
                 ChoiceField("frequence", tr("Fréquence"), [(v, k) for k, v in FREQUENCES.items()], max_width=240),
                 ChoiceField("jour_semaine", tr("Jour"), [(j, n) for n, j in enumerate(JOURS)], max_width=130))
        self.add(form, tr("Heure *"), TextField("heure", tr("Heure"), "10:00", 90, 5),
                 TextField("duree_minutes", tr("Durée (min)"), "15", 80, 3),
                 ChoiceField("mode", tr("Mode"), MODES, max_width=190))
        self.add(form, tr("Du *"), DateField("date_debut", tr("Premier jour")))
        self.add(form, tr("Jusqu'au"), DateField("date_fin", tr("Dernier jour")))
        self.add(form, tr("Note"), TextAreaField("note", tr("Note"), tr("Ce qu'il faut savoir avant d'appeler"), 70))
        self.body.addLayout(form)
        if recurring is not None:
            self.load({"person_id": recurring.person_id, "agent": recurring.agent, "frequence": recurring.frequence,
                       "jour_semaine": recurring.jour_semaine, "heure": f"{recurring.heure:%H:%M}",
                       "duree_minutes": str(recurring.duree_minutes), "mode": recurring.mode,
                       "date_debut": recurring.date_debut, "date_fin": recurring.date_fin, "note": recurring.note})
            rid = recurring.id
            self.add_delete(tr("Supprimer le contact régulier"), lambda: planning.delete_recurring(ctx.actor, rid))
        else:
            when = start or dt.datetime.combine(dt.date.today(), dt.time(10))
            self.load({"person_id": person_id, "jour_semaine": when.weekday(), "heure": f"{when:%H:%M}",
                       "duree_minutes": "15", "date_debut": when.date()})

    def submit(self) -> None:
        v = self.values()
        data = RecurringInput(person_id=v["person_id"], agent=v["agent"], frequence=v["frequence"],
                              jour_semaine=v["jour_semaine"], heure=v["heure"], duree_minutes=v["duree_minutes"],
                              mode=v["mode"], date_debut=v["date_debut"], date_fin=v["date_fin"], note=v["note"])
        service, actor, rec = self.ctx.escale.planning, self.ctx.actor, self.recurring
        self.run(lambda: service.save_recurring(actor, data, rec.id if rec else None, rec.version_id if rec else None),
                 self.on_saved, tr("Contact régulier enregistré."))
