"""The overview of an action: its details, and the figures a financeur asks for — fill
rate, attendance rate, retention, waiting list, séances, hours, participants, revenue,
satisfaction — each with a line saying how it is counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionDetail, ActionFigures
from desktop_app.formatting import amount_fr, date_fr, number_fr, percent_fr
from desktop_app.labels import label
from ui.i18n import tr
from ui.widgets.common import Card


class FigureTile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("figure")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.setSpacing(2)
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.title = QLabel(title)
        self.title.setObjectName("figureLabel")
        self.hint = QLabel("")
        self.hint.setObjectName("figureHint")
        self.hint.setWordWrap(True)
        for w in (self.value, self.title, self.hint):
            box.addWidget(w)
        box.addStretch(1)

    def set(self, value: str, hint: str) -> None:
        self.value.setText(value)
        self.hint.setText(hint)
        self.setAccessibleName(f"{self.title.text()} : {value}. {hint}")


def plural(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n=number_fr(n))


def price_text(d: ActionDetail) -> str:
    data = d.data
    if data.tarification != "payant":
        return tr("Gratuit")
    parts = [tr("plein {a}").format(a=amount_fr(data.prix_plein))]  # type: ignore[arg-type]
    if data.prix_reduit is not None:
        parts.append(tr("réduit {a}").format(a=amount_fr(data.prix_reduit)))  # type: ignore[arg-type]
    if data.prix_adherent is not None:
        parts.append(tr("adhérent {a}").format(a=amount_fr(data.prix_adherent)))  # type: ignore[arg-type]
    return ", ".join(parts) + " " + label(labels.UNITE_TARIF, data.tarif_unite)


TILES = [
    ("remplissage", "Taux de remplissage"), ("attente", "Liste d'attente"), ("presence", "Taux de présence"),
    ("retention", "Rétention"), ("seances", "Séances réalisées"), ("participants", "Participants"),
    ("heures", "Heures d'atelier"), ("satisfaction", "Satisfaction"), ("recettes", "Recettes"),
]


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(16)
        self.details = Card(tr("L'atelier"))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(7)
        self.values: dict[str, QLabel] = {}
        for key, text in (("type", "Type"), ("theme", "Thème"), ("axe", "Axe CFPPA"), ("public", "Public"),
                          ("periode", "Période"), ("lieu", "Lieu"), ("animateur", "Animateur"),
                          ("capacite", "Capacité"), ("niveau", "Niveau"), ("tarif", "Tarif"),
                          ("financeur", "Financeurs"), ("statut", "Statut"), ("description", "Description")):
            value = QLabel("")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(tr(text))
            caption.setObjectName("fieldLabel")
            self.form.addRow(caption, value)
            self.values[key] = value
        self.details.body.addLayout(self.form)
        self.details.body.addStretch(1)
        layout.addWidget(self.details, 2)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.tiles: dict[str, FigureTile] = {}
        for i, (key, title) in enumerate(TILES):
            tile = FigureTile(tr(title))
            self.tiles[key] = tile
            grid.addWidget(tile, i // 3, i % 3)
        holder = QVBoxLayout()
        holder.addLayout(grid)
        holder.addStretch(1)
        layout.addLayout(holder, 3)

    def set_data(self, d: ActionDetail, f: ActionFigures) -> None:
        data = d.data
        v = self.values
        v["type"].setText(label(labels.TYPE_ACTION, data.type_action))
        v["theme"].setText(d.theme_libelle)
        v["axe"].setText(label(labels.AXE_CFPPA, data.axe_cfppa))
        v["public"].setText(data.public or "—")
        debut, fin = data.date_debut, data.date_fin
        v["periode"].setText(tr("du {a} au {b}").format(a=date_fr(debut), b=date_fr(fin)) if debut and fin
                             else date_fr(debut) or tr("selon les séances"))  # type: ignore[arg-type]
        place = [x for x in (data.lieu, d.lieu_partner_nom) if x]
        v["lieu"].setText(" — ".join(dict.fromkeys(place)) or "—")
        kind = label(labels.TYPE_ANIMATEUR, data.animateur_type)
        v["animateur"].setText(f"{data.animateur or '—'}" + (f" ({kind.lower()})" if kind else ""))
        v["capacite"].setText(plural(int(data.capacite), tr("{n} place"), tr("{n} places")) if data.capacite
                              else tr("Sans limite"))
        v["niveau"].setText(label(labels.NIVEAU, data.niveau, tr("Tous niveaux")))
        v["tarif"].setText(price_text(d))
        funders = [c.libelle for c in d.financements]
        if data.financeur and not funders:
            funders = [tr("{name} (saisi avant les lignes de financement)").format(name=data.financeur)]
        v["financeur"].setText("\n".join(funders) or tr("Aucun financeur lié"))
        v["statut"].setText(label(labels.STATUT_ACTION, data.statut))
        v["description"].setText(data.description or "—")

        t = self.tiles
        t["remplissage"].set(percent_fr(f.taux_remplissage), tr("{i} inscrits pour {c}").format(
            i=f.inscrits, c=plural(f.capacite, tr("{n} place"), tr("{n} places"))) if f.capacite
            else tr("{i} inscrits, sans limite de places").format(i=f.inscrits))
        t["attente"].set(str(f.en_attente), tr("personnes en attente (comptées à part des inscrits)"))
        t["presence"].set(percent_fr(f.taux_presence), tr("présences des inscrits ÷ (inscrits × séances réalisées)"))
        t["retention"].set(percent_fr(f.retention), tr("{a} présents à la dernière séance, {b} à la première").format(
            a=f.presents_derniere, b=f.presents_premiere))
        cancelled = plural(f.seances_annulees, tr(", {n} annulée"), tr(", {n} annulées")) if f.seances_annulees else ""
        t["seances"].set(f"{f.seances_realisees} / {f.seances_prevues}", tr("réalisées sur prévues{c}").format(c=cancelled))
        t["participants"].set(str(f.participants_uniques), tr("personnes différentes venues\u00a0; {p}\u00a0présences "
                                                              "dont {h} sans inscription").format(
            p=f.presences, h=f.presences_hors_inscription))
        t["heures"].set(number_fr(f.heures_realisees, 1 if f.heures_realisees % 1 else 0) + " h",
                        tr("durée des séances réalisées"))
        t["satisfaction"].set(f"{number_fr(f.satisfaction_moyenne, 1)} / 5" if f.satisfaction_moyenne else "—",
                              plural(f.satisfaction_nombre, tr("{n} avis"), tr("{n} avis")))
        t["recettes"].set(amount_fr(f.recettes), tr("participations encaissées (tarif de chacun)")
                          if data.tarification == "payant" else tr("atelier gratuit"))
