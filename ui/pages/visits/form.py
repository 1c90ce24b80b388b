"""The visit / contact form: when, how long, who went (one or two), mode and purpose, the
factual summary and — for roles allowed to read it — the confidential note, orientations
to partners and the next contact due. The CNIL reminder sits next to the free text.

Keyboard first: the date field has the focus, Tab follows the reading order, Ctrl+S
saves, Échap cancels (with a question when something was typed). The service's French
messages appear under their field and the typed text stays."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.formatting import date_fr
from desktop_app.labels import MODE_CONTACT, OBJET_CONTACT
from desktop_app.security.permissions import Perm, can
from desktop_app.visits.records import (
    CNIL_REMINDER,
    IntervenantRef,
    OrientationInput,
    VisitDetail,
    VisitInput,
)
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.pages.people.form_fields import choices
from ui.widgets.fields import ChoiceField, DateField, TextField

ORIENTATION_ROWS = 2


def reminder_label() -> QLabel:
    """« La personne peut lire ce qui est écrit sur elle : restez factuel. »"""
    label = QLabel(tr(CNIL_REMINDER))
    label.setObjectName("notice")
    label.setWordWrap(True)
    return label


class VisitForm(FormDialog):
    """``VisitForm(ctx, person_id, name)`` logs a new contact; ``detail=`` edits one."""

    topic = PEOPLE
    saved_visit = Signal(object)  # VisitDetail

    def __init__(self, ctx: Context, person_id: int, person_name: str, detail: VisitDetail | None = None,
                 parent: QWidget | None = None) -> None:
        title = tr("Nouveau contact") if detail is None else tr("Contact du {date}").format(date=date_fr(detail.date))
        super().__init__(ctx, title, person_name, parent=parent, width=720)
        self.person_id = person_id
        self.person_name = person_name
        self.detail = detail
        actor = ctx.actor
        self.note_allowed = can(actor, Perm.CONFIDENTIAL_READ)
        self.partners_allowed = can(actor, Perm.PARTNERS_READ)
        people = [(c.label, c.ref.key) for c in ctx.escale.visits.intervenant_choices(actor)]

        form = form_layout()
        self.add(form, tr("Date et heure *"), DateField("date", tr("Date du contact")),
                 TextField("heure", tr("Heure"), tr("14h30"), max_width=110, max_length=8))
        self.add(form, tr("Durée *"), TextField("duree", tr("Durée"), tr("45 ou 1h30"), max_width=150, max_length=10))
        self.add(form, tr("Intervenant(s)"),
                 ChoiceField("intervenants", tr("Premier intervenant"), [(tr("— choisissez —"), None), *people], None),
                 ChoiceField("intervenant2", tr("Second intervenant"), [(tr("— personne d'autre —"), None), *people],
                             None))
        self.add(form, tr("Mode et objet"), ChoiceField("mode", tr("Mode"), choices(MODE_CONTACT), 240),
                 ChoiceField("objet", tr("Objet"), choices(OBJET_CONTACT), 240))
        self.add(form, tr("Résumé factuel"), TextAreaField("resume", tr("Résumé factuel"),
                                                           tr("Ce qui a été fait, dit et décidé."), 96))
        if self.note_allowed:
            self.add(form, tr("Note confidentielle"), TextAreaField(
                "note_confidentielle", tr("Note confidentielle"),
                tr("Visible seulement des rôles habilités (coordination, intervenants sociaux)."), 64))
        form.addRow("", reminder_label())
        if self.partners_allowed:
            partners = [(tr("— aucune orientation —"), None),
                        *[(nom, pid) for pid, nom in ctx.escale.partners.choices(actor, "relais")]]
            for i in range(ORIENTATION_ROWS):
                name = "orientations" if i == 0 else f"orientation{i + 1}"
                self.add(form, tr("Orientation vers") if i == 0 else "",
                         ChoiceField(name, tr("Partenaire vers lequel la personne est orientée"), partners, 300),
                         TextField(f"motif{i + 1}", tr("Motif de l'orientation"), tr("Pourquoi ?"), max_length=500))
        self.add(form, tr("Prochain contact"), DateField("prochain_contact", tr("Prochain contact prévu le")))
        self.body.addLayout(form)
        self._load(detail)

    def open(self) -> None:
        super().open()
        self.fields["date"].setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- values ----------------------------------------------------------------------
    def _load(self, detail: VisitDetail | None) -> None:
        if detail is None:
            base = self.ctx.escale.visits.latest_for_person(self.ctx.actor, self.person_id)
            now = dt.datetime.now()
            values: dict[str, object] = {"date": dt.date.today(), "heure": f"{now.hour}h{now.minute:02d}"}
            if base is not None:  # the usual mode, purpose, duration and people of this person
                values |= {"mode": base.mode, "objet": base.objet, "duree": str(base.duree_minutes)}
                refs = [c.ref for c in base.intervenants]
            else:
                refs = []
        else:
            values = {"date": detail.date, "heure": detail.heure.strftime("%Hh%M") if detail.heure else "",
                      "duree": str(detail.duree_minutes), "mode": detail.mode, "objet": detail.objet,
                      "resume": detail.resume, "note_confidentielle": detail.note_confidentielle,
                      "prochain_contact": detail.prochain_contact}
            refs = [c.ref for c in detail.intervenants]
            for i, o in enumerate(detail.orientations[:ORIENTATION_ROWS]):
                values["orientations" if i == 0 else f"orientation{i + 1}"] = o.partner_id
                values[f"motif{i + 1}"] = o.motif
        keys = [r.key for r in refs]
        if not keys and self.ctx.actor.user_id is not None:  # who logs it went, unless changed
            keys = [IntervenantRef(user_id=self.ctx.actor.user_id).key]
        values["intervenants"] = keys[0] if keys else None
        values["intervenant2"] = keys[1] if len(keys) > 1 else None
        self.load(values)

    def collect(self) -> VisitInput:
        v = self.values()
        refs = [IntervenantRef.from_key(key) for key in (v["intervenants"], v["intervenant2"]) if key]
        orientations = [
            OrientationInput(v.get("orientations" if i == 0 else f"orientation{i + 1}"), v.get(f"motif{i + 1}"))
            for i in range(ORIENTATION_ROWS) if self.partners_allowed
        ]
        keep_orientations = [OrientationInput(o.partner_id, o.motif) for o in (self.detail.orientations if self.detail
                                                                                 else ())]
        return VisitInput(
            person_id=self.person_id, date=v["date"], heure=v["heure"], duree=v["duree"],
            mode=v["mode"], objet=v["objet"], resume=v["resume"],
            note_confidentielle=v.get("note_confidentielle") if self.note_allowed else None,
            intervenants=refs,
            orientations=orientations if self.partners_allowed else keep_orientations,
            prochain_contact=v["prochain_contact"],
        )

    def submit(self) -> None:
        data = self.collect()
        ctx, detail = self.ctx, self.detail
        if detail is None:
            def work() -> VisitDetail:
                return ctx.escale.visits.log(ctx.actor, data)
            notice = tr("Contact enregistré pour {name}.")
        else:
            visit_id, version = detail.id, detail.version_id

            def work() -> VisitDetail:
                return ctx.escale.visits.update(ctx.actor, visit_id, version, data)
            notice = tr("Contact modifié pour {name}.")
        self.run(work, self.saved_visit.emit, notice.format(name=self.person_name))

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        if "person_id" in errors:  # the person is fixed by the file: shown in the banner
            errors["_"] = errors.pop("person_id")
        super().show_errors(errors)
