"""The questionnaire of an action: one person's answers at a moment (première séance,
dernière séance, suivi à 3 mois), and the editing of its items (add, reword, put aside —
never deleted, so past answers keep their wording)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionDetail, QuestionRow
from desktop_app.errors import DomainError, ValidationError
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.form_dialog import FormDialog, form_layout
from ui.widgets.common import button, muted_label, title_label
from ui.widgets.fields import ChoiceField

SCALE = [("—", None)] + [(f"{n} — {t}", n) for n, t in
                         ((1, tr("pas du tout")), (2, tr("plutôt non")), (3, tr("moyennement")),
                          (4, tr("plutôt oui")), (5, tr("tout à fait")))]


class QuestionnaireDialog(FormDialog):
    def __init__(self, ctx: Context, action: ActionDetail, people: list[tuple[str, int]],
                 questions: list[QuestionRow], parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("Questionnaire"), action.data.titre, parent=parent, width=720)
        self.action = action
        self.questions = questions
        form = form_layout()
        self.add(form, tr("Participant *"), ChoiceField("person_id", tr("Participant"),
                                                        [(tr("— choisir —"), None), *people], None))
        self.add(form, tr("Moment"), ChoiceField("moment", tr("Moment"),
                                                 [(t, str(v)) for v, t in labels.MOMENT.items()], None))
        self.body.addLayout(form)
        items = form_layout()
        items.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the question above its answer
        items.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for q in questions:
            self.add(items, q.libelle, ChoiceField(f"question_{q.id}", q.libelle, SCALE, 300))
        self.body.addLayout(items)
        if not questions:
            self.body.addWidget(muted_label(tr("Aucune question : ajoutez-en avec « Modifier les questions… ».")))
        self.fields["person_id"].changed.connect(self.load_answers)
        self.fields["moment"].changed.connect(self.load_answers)
        self.fields["person_id"].setFocus()

    def load_answers(self) -> None:
        person_id, moment = self.fields["person_id"].value(), self.fields["moment"].value()
        if person_id is None:
            return
        service, actor, action_id = self.ctx.escale.ateliers.satisfaction, self.ctx.actor, self.action.id

        def show(answers: dict[int, int]) -> None:
            for q in self.questions:
                self.fields[f"question_{q.id}"].set_value(answers.get(q.id))

        self.ctx.ops.run(lambda: service.answers(actor, action_id, person_id, moment), show, parent=self)

    def submit(self) -> None:
        person_id, moment = self.fields["person_id"].value(), self.fields["moment"].value()
        if person_id is None:
            self.show_errors({"person_id": tr("Choisissez le participant.")})
            return
        notes = {q.id: self.fields[f"question_{q.id}"].value() for q in self.questions}
        service, actor, action_id = self.ctx.escale.ateliers.satisfaction, self.ctx.actor, self.action.id
        self.run(lambda: service.record_answers(actor, action_id, person_id, moment, notes), lambda _r: None,
                 tr("Questionnaire enregistré."))


class QuestionsDialog(QDialog):
    def __init__(self, ctx: Context, action: ActionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.action = ctx, action
        self.setWindowTitle(tr("Questions du questionnaire"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(640, 460)
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(tr("Questions du questionnaire"), "sectionTitle"))
        layout.addWidget(muted_label(tr("Une question mise de côté n'est plus posée ; ses réponses passées restent.")))
        self.items = QListWidget()
        self.items.setObjectName("results")
        self.items.currentItemChanged.connect(self._selected)
        layout.addWidget(self.items, 1)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Libellé de la question"))
        layout.addWidget(self.text)
        self.error = muted_label("", "fieldError")
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = button(tr("Ajouter"), "plus", primary=True)
        self.add_button.clicked.connect(lambda: self._save(None, True))
        self.rename_button = button(tr("Enregistrer le libellé"), "save")
        self.rename_button.clicked.connect(lambda: self._save(self._current(), None))
        self.toggle_button = button(tr("Mettre de côté"), "archive")
        self.toggle_button.clicked.connect(self._toggle)
        close = button(tr("Fermer"))
        close.clicked.connect(self.accept)
        for b in (self.add_button, self.rename_button, self.toggle_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.rows: list[QuestionRow] = []
        self.reload()

    def reload(self) -> None:
        service, actor, action_id = self.ctx.escale.ateliers.satisfaction, self.ctx.actor, self.action.id
        self.ctx.ops.run(lambda: service.questions(actor, action_id, include_inactive=True), self._show, parent=self)

    def _show(self, rows: list[QuestionRow]) -> None:
        self.rows = rows
        self.items.clear()
        for q in rows:
            item = QListWidgetItem(q.libelle if q.actif else tr("{text} (mise de côté)").format(text=q.libelle))
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            if not q.actif:
                item.setForeground(Qt.GlobalColor.gray)
            self.items.addItem(item)
        self._selected()

    def _current(self) -> QuestionRow | None:
        item = self.items.currentItem()
        qid = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((q for q in self.rows if q.id == qid), None)

    def _selected(self, *_args: object) -> None:
        q = self._current()
        self.rename_button.setEnabled(q is not None)
        self.toggle_button.setEnabled(q is not None)
        if q is not None:
            self.text.setText(q.libelle)
            self.toggle_button.setText(tr("Mettre de côté") if q.actif else tr("Reprendre"))

    def _toggle(self) -> None:
        q = self._current()
        if q is not None:
            self._save(q, not q.actif)

    def _save(self, q: QuestionRow | None, actif: bool | None) -> None:
        text = self.text.text() if actif is None or q is None else q.libelle
        active = (q.actif if q else True) if actif is None else actif
        service, actor, action_id = self.ctx.escale.ateliers.satisfaction, self.ctx.actor, self.action.id
        qid = q.id if q else None

        def failed(exc: DomainError) -> bool:
            if isinstance(exc, ValidationError):
                self.error.setText(exc.message_fr)
                self.error.show()
                return True
            return False

        def done(_row: QuestionRow) -> None:
            self.error.hide()
            if qid is None:
                self.text.clear()
            self.reload()

        self.ctx.ops.run(lambda: service.save_question(actor, action_id, text, qid, active), done, failed,
                         changes=ATELIERS, parent=self)
