"""Attendance grid and per-action figures: attendance rate = presences / (inscrits ×
séances held), retention, walk-ins, cancelled séances excluded, revenue with memberships."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.errors import Refused

P, A, E = "present", "absent", "excuse"


@pytest.fixture
def cycle(app, actor, people, make_action):  # type: ignore[no-untyped-def]
    """Capacity 4, five Monday séances in January 2025 (the last cancelled), four
    inscrits and one waiting, one walk-in at séance 3."""
    action = make_action(capacite=4, seances=5, first="06/01/2025")
    for pid in people[:5]:
        app.ateliers.registrations.register(actor, action.id, pid)
    s1, s2, s3, s4, s5 = (x.id for x in app.ateliers.seances.list_seances(actor, action.id))
    app.ateliers.seances.cancel(actor, s5, "Animatrice malade")
    a, b, c, d = people[:4]
    att = app.ateliers.attendance
    att.set_seance(actor, s1, {a: P, b: P, c: P, d: P})
    att.set_seance(actor, s2, {a: P, b: P, c: P, d: E})
    att.set_seance(actor, s3, {a: P, b: P, c: A, d: P})
    att.add_walk_in(actor, s3, people[8])
    att.set_seance(actor, s4, {a: P, b: P, c: A, d: A})
    return action, [s1, s2, s3, s4, s5]


def test_figures_of_a_cycle(app, actor, people, cycle) -> None:
    action, _ = cycle
    f = app.ateliers.figures(actor, action.id)
    assert (f.inscrits, f.en_attente, f.liste_attente) == (4, 1, 1)
    assert (f.seances_prevues, f.seances_realisees, f.seances_annulees) == (4, 4, 1)
    assert f.heures_realisees == 8.0
    assert (f.presences, f.presences_inscrits, f.presences_hors_inscription) == (13, 12, 1)
    assert f.taux_presence == pytest.approx(12 / 16)
    assert f.taux_remplissage == 1.0
    assert (f.presents_premiere, f.presents_derniere, f.retention) == (4, 2, 0.5)
    assert f.participants_uniques == 5


def test_the_grid_shows_people_seances_and_walk_ins(app, actor, people, cycle) -> None:
    action, (_s1, s2, s3, _s4, s5) = cycle
    grid = app.ateliers.attendance.grid(actor, action.id)
    assert [p.nom for p in grid.people] == ["BERNARD Jean", "DUBOIS Odette", "MARTIN Hélène", "THOMAS Marcel",
                                            "LEROY Lucienne"]
    assert grid.people[-1].inscription == "hors_inscription"
    assert people[4] not in {p.person_id for p in grid.people}  # waiting: not on the grid
    assert [x.statut for x in grid.seances] == ["realisee"] * 4 + ["annulee"]
    assert [x.numero for x in grid.seances] == [1, 2, 3, 4, 0]
    assert grid.cells[(people[3], s2)] == E and grid.cells[(people[8], s3)] == P
    assert (people[0], s5) not in grid.cells


def test_cells_can_be_changed_and_cleared(app, actor, people, cycle) -> None:
    action, (s1, *_rest) = cycle
    app.ateliers.attendance.set_cell(actor, s1, people[2], A)
    app.ateliers.attendance.set_cell(actor, s1, people[3], None)
    grid = app.ateliers.attendance.grid(actor, action.id)
    assert grid.cells[(people[2], s1)] == A and (people[3], s1) not in grid.cells
    assert app.ateliers.figures(actor, action.id).presents_premiere == 2


def test_attendance_refused_on_cancelled_future_or_for_unregistered(app, actor, people, cycle, make_action) -> None:
    _action, (*_held, s5) = cycle
    with pytest.raises(Refused, match="La séance du 03/02/2025 est annulée"):
        app.ateliers.attendance.set_cell(actor, s5, people[0], P)
    with pytest.raises(Refused, match="ajoutez-la comme venue sans inscription"):
        app.ateliers.attendance.set_cell(actor, _held[0], people[10], P)
    later = make_action(titre="Numérique débutant", seances=1, first=f"04/01/{dt.date.today().year + 1}")
    seance = app.ateliers.seances.list_seances(actor, later.id)[0]
    app.ateliers.registrations.register(actor, later.id, people[0])
    with pytest.raises(Refused, match="n'a pas encore eu lieu"):
        app.ateliers.attendance.set_cell(actor, seance.id, people[0], P)


def test_a_withdrawn_person_leaves_the_rate_but_keeps_their_history(app, actor, people, cycle) -> None:
    action, _seances = cycle
    regs = app.ateliers.registrations.list_registrations(actor, action.id)
    martin = next(r for r in regs.inscrits if r.person_id == people[0])
    app.ateliers.registrations.withdraw(actor, martin.id, "Déménagement")
    f = app.ateliers.figures(actor, action.id)
    assert f.inscrits == 3 and f.presences == 13
    assert f.presences_inscrits == 8  # Hélène's four presences left with her
    assert f.taux_presence == pytest.approx(8 / 12)
    grid = app.ateliers.attendance.grid(actor, action.id)
    assert next(p for p in grid.people if p.person_id == people[0]).inscription == "desiste"


def test_planned_seances_are_not_held_until_attendance(app, actor, people, make_action) -> None:
    action = make_action(seances=3, first="06/01/2025")
    app.ateliers.registrations.register(actor, action.id, people[0])
    first = app.ateliers.seances.list_seances(actor, action.id)[0]
    assert app.ateliers.figures(actor, action.id).taux_presence is None
    app.ateliers.attendance.set_cell(actor, first.id, people[0], P)
    f = app.ateliers.figures(actor, action.id)
    assert (f.seances_realisees, f.taux_presence, f.retention) == (1, 1.0, None)


def test_revenue_per_cycle_uses_tarifs_and_memberships(app, actor, people, make_action) -> None:
    action = make_action(capacite=3, seances=2, first="06/01/2025", tarification="payant",
                         prix_plein="12", prix_reduit="4,50", prix_adherent="6")
    app.ateliers.memberships.add(actor, people[0], 2025, "29", "02/01/2025")
    app.ateliers.memberships.add(actor, people[1], 2024, "29", "02/01/2024")  # last year's: plein
    app.ateliers.registrations.register(actor, action.id, people[0])
    app.ateliers.registrations.register(actor, action.id, people[1])
    app.ateliers.registrations.register(actor, action.id, people[2], tarif="reduit")
    app.ateliers.registrations.register(actor, action.id, people[3])  # waiting: pays nothing
    assert app.ateliers.figures(actor, action.id).recettes == Decimal("22.50")


def test_revenue_per_seance_counts_presences(app, actor, people, make_action) -> None:
    action = make_action(capacite=5, seances=2, first="06/01/2025", tarification="payant",
                         tarif_unite="seance", prix_plein="3", prix_adherent="2")
    app.ateliers.memberships.add(actor, people[0], 2025, "29", "02/01/2025")
    for pid in people[:2]:
        app.ateliers.registrations.register(actor, action.id, pid)
    s1, s2 = (x.id for x in app.ateliers.seances.list_seances(actor, action.id))
    app.ateliers.attendance.set_seance(actor, s1, {people[0]: P, people[1]: P})
    app.ateliers.attendance.set_seance(actor, s2, {people[0]: P, people[1]: A})
    app.ateliers.attendance.add_walk_in(actor, s2, people[6])
    assert app.ateliers.figures(actor, action.id).recettes == Decimal("10.00")  # 2+3 + 2 + 3


def test_figures_for_many_actions_match_one_by_one(app, actor, people, cycle, make_action) -> None:
    other = make_action(titre="Nutrition", seances=2, first="07/01/2025", lieu="Foyer")
    every = app.ateliers.figures_for(actor)
    assert set(every) == {cycle[0].id, other.id}
    assert every[cycle[0].id] == app.ateliers.figures(actor, cycle[0].id)
    assert every[other.id].seances_prevues == 2 and every[other.id].presences == 0
