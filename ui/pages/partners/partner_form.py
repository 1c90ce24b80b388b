"""The partner form: name, type and roles, address and commune, phone, e-mail, SIRET
(checked: a wrong key is refused at the field), notes, and the people to call there
(name, function, phone, e-mail). The partner and its contacts are saved together: every
contact is checked before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.labels import ROLE_PARTENAIRE, TYPE_PARTENAIRE
from desktop_app.partners.records import ContactInput, ContactView, PartnerDetail, PartnerInput
from desktop_app.partners.validate import clean_contact
from desktop_app.validation import format_phone
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers.form_dialog import FormDialog, TextAreaField, form_layout
from ui.pages.partners import PARTNERS
from ui.pages.people.form_fields import CommuneSuggestion, choices
from ui.widgets.common import button, muted_label
from ui.widgets.fields import CheckField, ChoiceField, PhoneField, TextField

CONTACT_COLUMNS = (tr("Nom"), tr("Fonction"), tr("Téléphone"), tr("E-mail"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ContactChange:
    contact_id: int | None
    version_id: int | None
    data: ContactInput


class PartnerForm(FormDialog):
    topic = PARTNERS

    def __init__(self, ctx: Context, detail: PartnerDetail | None = None, parent: QWidget | None = None) -> None:
        title = tr("Nouveau partenaire") if detail is None else detail.data.nom
        super().__init__(ctx, title, tr("Les champs marqués * sont obligatoires."), parent=parent, width=760)
        self.detail = detail
        form = form_layout()
        self.add(form, tr("Nom *"), TextField("nom", tr("Nom du partenaire")))
        self.add(form, tr("Type *"), ChoiceField("type", tr("Type"), choices(TYPE_PARTENAIRE, tr("— choisissez —")), 300))
        self.role_fields = [CheckField(f"role_{value}", text) for value, text in ROLE_PARTENAIRE.items()]
        self.add(form, tr("Rôles"), *self.role_fields)
        self.add(form, tr("Adresse"), TextField("adresse", tr("Adresse")))
        self.add(form, tr("Complément"), TextField("complement_adresse", tr("Complément d'adresse")))
        code_postal = TextField("code_postal", tr("Code postal"), tr("34150"), 120, 6)
        commune = ChoiceField("commune_insee", tr("Commune"), [], None)
        self.add(form, tr("Code postal, commune"), code_postal, commune)
        self.add(form, tr("Téléphone, e-mail"), PhoneField("telephone", tr("Téléphone")),
                 TextField("email", tr("E-mail"), tr("contact@exemple.fr")))
        self.add(form, tr("SIRET"), TextField("siret", tr("SIRET"), tr("14 chiffres"), 220, 20))
        self.add(form, tr("Notes"), TextAreaField("notes", tr("Notes"), height=60))
        self.body.addLayout(form)
        self.communes = CommuneSuggestion(code_postal, commune)

        self.body.addWidget(muted_label(tr("Contacts chez ce partenaire")))
        self.contacts = QTableWidget(0, len(CONTACT_COLUMNS))
        self.contacts.setHorizontalHeaderLabels(list(CONTACT_COLUMNS))
        self.contacts.setAccessibleName(tr("Contacts chez ce partenaire"))
        self.contacts.verticalHeader().hide()
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.setFixedHeight(120)
        self.contacts.itemChanged.connect(lambda _item: self._touched())
        self.body.addWidget(self.contacts)
        row = QHBoxLayout()
        add = button(tr("Ajouter un contact"), "plus")
        add.clicked.connect(self.add_contact)
        remove = button(tr("Retirer le contact"), "trash")
        remove.clicked.connect(self.remove_contact)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.body.addLayout(row)
        self.removed: list[int] = []
        if detail is not None:
            self._load(detail)

    def _load(self, detail: PartnerDetail) -> None:
        data = detail.data
        values = {k: getattr(data, k) for k in ("nom", "type", "adresse", "complement_adresse", "code_postal",
                                               "telephone", "email", "notes")}
        values["siret"] = detail.siret_display
        values |= {f"role_{r}": True for r in data.roles}
        self.load(values)
        self.communes.update(keep_insee=data.commune_insee or "")
        for contact in detail.contacts:
            self._contact_row(contact)
        self.dirty = False

    # ----- contacts ----------------------------------------------------------------------
    def _contact_row(self, contact: ContactView | None = None) -> int:
        r = self.contacts.rowCount()
        self.contacts.insertRow(r)
        texts = ("", "", "", "") if contact is None else (
            contact.nom, contact.fonction or "", format_phone(contact.telephone) if contact.telephone else "",
            contact.email or "")
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c == 0 and contact is not None:
                item.setData(ID_ROLE, (contact.id, contact.version_id))
            self.contacts.setItem(r, c, item)
        return r

    def add_contact(self) -> None:
        r = self._contact_row()
        self.contacts.setCurrentCell(r, 0)
        self.contacts.editItem(self.contacts.item(r, 0))

    def remove_contact(self) -> None:
        r = self.contacts.currentRow()
        if r < 0:
            return
        ref = self.contacts.item(r, 0).data(ID_ROLE)
        if ref:
            self.removed.append(ref[0])
        self.contacts.removeRow(r)
        self._touched()

    def contact_changes(self) -> list[ContactChange]:
        out = []
        for r in range(self.contacts.rowCount()):
            texts = [(self.contacts.item(r, c).text() if self.contacts.item(r, c) else "") for c in range(4)]
            if not any(t.strip() for t in texts):
                continue
            ref = self.contacts.item(r, 0).data(ID_ROLE) if self.contacts.item(r, 0) else None
            out.append(ContactChange(ref[0] if ref else None, ref[1] if ref else None,
                                     ContactInput(texts[0], texts[1] or None, texts[2] or None, texts[3] or None)))
        return out

    # ----- saving ----------------------------------------------------------------------
    def collect(self) -> PartnerInput:
        v = self.values()
        roles = [value for value in ROLE_PARTENAIRE if v[f"role_{value}"]]
        return PartnerInput(
            nom=v["nom"], type=v["type"] or "", roles=[str(r) for r in roles], adresse=v["adresse"],
            complement_adresse=v["complement_adresse"], code_postal=v["code_postal"],
            commune_insee=v["commune_insee"], telephone=v["telephone"], email=v["email"], siret=v["siret"],
            notes=v["notes"],
        )

    def submit(self) -> None:
        data, changes, removed = self.collect(), self.contact_changes(), list(self.removed)
        ctx, detail = self.ctx, self.detail
        service = ctx.escale.partners

        def work() -> PartnerDetail:
            for n, change in enumerate(changes, start=1):  # every contact checked before any write
                try:
                    clean_contact(change.data)
                except ValidationError as exc:
                    message = next(iter(exc.errors.values()))
                    raise ValidationError({"contacts": tr("Contact {n} : {msg}").format(n=n, msg=message)}) from exc
            if detail is None:
                saved = service.create(ctx.actor, data)
            else:
                saved = service.update(ctx.actor, detail.id, detail.version_id, data)
            for contact_id in removed:
                service.delete_contact(ctx.actor, contact_id)
            for change in changes:
                if change.contact_id is None:
                    service.add_contact(ctx.actor, saved.id, change.data)
                else:
                    assert change.version_id is not None
                    service.update_contact(ctx.actor, change.contact_id, change.version_id, change.data)
            return service.get(ctx.actor, saved.id)

        name = data.nom.strip()
        notice = tr("Partenaire « {name} » créé.") if detail is None else tr("Partenaire « {name} » enregistré.")
        self.run(work, lambda _saved: None, notice.format(name=name))

    def show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        if "roles" in errors:
            errors[self.role_fields[0].name] = errors.pop("roles")
        super().show_errors(errors)
