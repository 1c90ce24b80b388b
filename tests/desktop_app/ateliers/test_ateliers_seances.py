"""Séances through the service: generation, overlaps flagged before saving (same place or
same animateur) and confirmable, moves inside the cycle only, cancellation that keeps its
history, and deletion refused once attendance exists."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AtelierSeance
from desktop_app.ateliers.records import OverlapSuspected, SeanceInput, SeanceRule
from desktop_app.errors import Refused, ValidationError


def test_generation_stores_the_seances_and_reports_skipped_dates(app, actor, make_action) -> None:
    action = make_action()
    rule = SeanceRule(premier_jour="28/10/2024", heure_debut="14h", heure_fin="16h", nombre=4)
    preview = app.ateliers.seances.preview(actor, action.id, rule)
    assert [d.reason for d in preview.skipped] == ["jour férié (Armistice)"]
    rows = app.ateliers.seances.generate(actor, action.id, rule)
    assert [r.debut for r in rows] == [dt.datetime(2024, 10, 28, 14), dt.datetime(2024, 11, 4, 14),
                                       dt.datetime(2024, 11, 18, 14), dt.datetime(2024, 11, 25, 14)]
    assert [r.numero for r in rows] == [1, 2, 3, 4]
    assert rows[0].lieu == "Salle des fêtes" and not rows[0].lieu_propre
    # generating again the same rule creates nothing twice
    with pytest.raises(ValidationError, match="Aucune séance à créer"):
        app.ateliers.seances.generate(actor, action.id, rule)


def test_overlap_same_place_is_flagged_then_confirmed(app, actor, make_action) -> None:
    make_action(seances=2, first="06/01/2025")
    other = make_action(titre="Sophrologie", animateur="Nadia Benali")
    rule = SeanceRule(premier_jour="06/01/2025", heure_debut="15:00", heure_fin="16:30", nombre=3)
    with pytest.raises(OverlapSuspected) as err:
        app.ateliers.seances.generate(actor, other.id, rule)
    warnings = err.value.warnings
    assert len(warnings) == 2  # the third Monday is free
    assert warnings[0].message == (
        "Le 06/01/2025 de 15:00 à 16:30 chevauche « Atelier mémoire » (14:00–16:00) : "
        "même lieu (Salle des fêtes)."
    )
    rows = app.ateliers.seances.generate(actor, other.id, rule, confirm_overlaps=True)
    assert len(rows) == 3


def test_overlap_same_animateur_elsewhere_is_flagged(app, actor, make_action) -> None:
    make_action(seances=1, first="06/01/2025")
    other = make_action(titre="Équilibre", lieu="Gymnase municipal")
    with pytest.raises(OverlapSuspected) as err:
        app.ateliers.seances.add(actor, other.id, SeanceInput("06/01/2025", "13:00", "14:30"))
    assert "même animateur (Claire Lemoine)" in err.value.message_fr
    # back to back is not an overlap
    row = app.ateliers.seances.add(actor, other.id, SeanceInput("06/01/2025", "16:00", "17:00"))
    assert row.debut == dt.datetime(2025, 1, 6, 16)


def test_cancelled_seances_never_clash(app, actor, make_action) -> None:
    first = make_action(seances=1, first="06/01/2025")
    seance = app.ateliers.seances.list_seances(actor, first.id)[0]
    app.ateliers.seances.cancel(actor, seance.id, "Salle indisponible")
    other = make_action(titre="Nutrition")
    app.ateliers.seances.add(actor, other.id, SeanceInput("06/01/2025", "14:00", "16:00"))


def test_move_inside_the_cycle_only(app, actor, make_action) -> None:
    action = make_action(seances=2, first="06/01/2025", date_debut="06/01/2025", date_fin="31/01/2025")
    seance = app.ateliers.seances.list_seances(actor, action.id)[1]
    with pytest.raises(ValidationError) as err:
        app.ateliers.seances.update(actor, seance.id, seance.version_id, SeanceInput("03/02/2025", "14:00", "16:00"))
    assert err.value.errors["date"] == "Le 03/02/2025 est en dehors du cycle (du 06/01/2025 au 31/01/2025)."
    moved = app.ateliers.seances.update(actor, seance.id, seance.version_id,
                                        SeanceInput("15/01/2025", "10:00", "12:00", lieu="Médiathèque"))
    assert moved.debut == dt.datetime(2025, 1, 15, 10) and moved.lieu == "Médiathèque" and moved.lieu_propre


def test_end_before_start_is_refused(app, actor, make_action) -> None:
    action = make_action()
    with pytest.raises(ValidationError) as err:
        app.ateliers.seances.add(actor, action.id, SeanceInput("06/01/2025", "16:00", "14:00"))
    assert err.value.errors["heure_fin"] == "L'heure de fin (14:00) doit être après l'heure de début (16:00)."


def test_cancel_keeps_the_history_and_renumbers(app, actor, make_action) -> None:
    action = make_action(seances=3, first="06/01/2025")
    rows = app.ateliers.seances.list_seances(actor, action.id)
    with pytest.raises(ValidationError) as err:
        app.ateliers.seances.cancel(actor, rows[1].id, "  ")
    assert err.value.errors["motif"] == "Indiquez le motif de l'annulation (il reste dans l'historique)."
    app.ateliers.seances.cancel(actor, rows[1].id, "Neige : routes fermées")
    after = app.ateliers.seances.list_seances(actor, action.id)
    assert [(r.statut, r.numero) for r in after] == [("prevue", 1), ("annulee", 0), ("prevue", 2)]
    assert after[1].motif_annulation == "Neige : routes fermées"
    assert app.ateliers.actions.get(actor, action.id).seances_prevues == 2
    restored = app.ateliers.seances.restore(actor, rows[1].id)
    assert restored.statut == "prevue" and restored.numero == 2


def test_delete_only_an_unused_seance(app, actor, people, make_action) -> None:
    action = make_action(seances=2, first="06/01/2025")
    app.ateliers.registrations.register(actor, action.id, people[0])
    first, second = app.ateliers.seances.list_seances(actor, action.id)
    app.ateliers.attendance.set_cell(actor, first.id, people[0], "present")
    with pytest.raises(Refused, match="annulez-la plutôt"):
        app.ateliers.seances.delete(actor, first.id)
    app.ateliers.seances.delete(actor, second.id)
    with app.db.read() as s:
        assert s.scalars(select(AtelierSeance.id)).all() == [first.id]


def test_future_seance_cannot_be_marked_held(app, actor, make_action) -> None:
    next_year = dt.date.today().year + 1
    action = make_action(seances=1, first=f"05/01/{next_year}")
    seance = app.ateliers.seances.list_seances(actor, action.id)[0]
    with pytest.raises(Refused, match="n'a pas encore eu lieu"):
        app.ateliers.seances.mark_held(actor, seance.id)
