"""Registrations: the waiting list fills in order, a withdrawal offers the place to the
first waiting person, promotion is one click and audited, double registration is refused,
and inscrits / en attente are never summed."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from db.models import AtelierInscription, AuditEntry
from desktop_app.errors import NotFound, Refused


def test_over_capacity_goes_to_the_waiting_list_in_order(app, actor, people, make_action) -> None:
    action = make_action(capacite=3)
    results = [app.ateliers.registrations.register(actor, action.id, pid) for pid in people[:6]]
    assert [r.registration.statut for r in results] == ["inscrit"] * 3 + ["en_attente"] * 3
    assert [r.registration.rang_attente for r in results[3:]] == [1, 2, 3]
    counts = results[-1].counts
    assert (counts.inscrits, counts.en_attente, counts.places_libres) == (3, 3, 0)
    regs = app.ateliers.registrations.list_registrations(actor, action.id)
    assert [r.person_id for r in regs.en_attente] == people[3:6]
    assert len(regs.inscrits) == 3 and regs.offre is None


def test_registering_twice_is_refused(app, actor, people, make_action) -> None:
    action = make_action(capacite=1)
    app.ateliers.registrations.register(actor, action.id, people[0])
    app.ateliers.registrations.register(actor, action.id, people[1])
    with pytest.raises(Refused, match=re.escape("MARTIN Hélène est déjà inscrit(e) à cet atelier.")):
        app.ateliers.registrations.register(actor, action.id, people[0])
    with pytest.raises(Refused, match=re.escape("déjà sur la liste d'attente de cet atelier (rang 1)")):
        app.ateliers.registrations.register(actor, action.id, people[1])
    with app.db.read() as s:
        assert len(s.scalars(select(AtelierInscription)).all()) == 2


def test_withdrawal_offers_the_place_to_the_first_waiting_person(app, actor, people, make_action) -> None:
    action = make_action(capacite=2)
    regs = [app.ateliers.registrations.register(actor, action.id, pid).registration for pid in people[:5]]
    result = app.ateliers.registrations.withdraw(actor, regs[0].id, "Hospitalisation")
    assert result.registration.statut == "desiste"
    assert result.offre is not None and result.offre.person_id == people[2]  # first waiting
    # nobody was promoted without the coordinator's click
    assert (result.counts.inscrits, result.counts.en_attente, result.counts.desistes) == (1, 3, 1)

    promoted = app.ateliers.registrations.promote(actor, result.offre.id)
    assert promoted.registration.statut == "inscrit" and promoted.registration.promu_le is not None
    assert (promoted.counts.inscrits, promoted.counts.en_attente) == (2, 2)
    waiting = app.ateliers.registrations.list_registrations(actor, action.id).en_attente
    assert [(r.person_id, r.rang_attente) for r in waiting] == [(people[3], 1), (people[4], 2)]
    with app.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "promotion_liste_attente"))
        assert entry.person_id == people[2] and "rang 1" in entry.detail


def test_promotion_needs_a_free_place(app, actor, people, make_action) -> None:
    action = make_action(capacite=1)
    app.ateliers.registrations.register(actor, action.id, people[0])
    waiting = app.ateliers.registrations.register(actor, action.id, people[1]).registration
    with pytest.raises(Refused, match=re.escape("L'atelier est complet (1 place)")):
        app.ateliers.registrations.promote(actor, waiting.id)


def test_leaving_the_waiting_list_offers_nothing_and_keeps_the_order(app, actor, people, make_action) -> None:
    action = make_action(capacite=1)
    regs = [app.ateliers.registrations.register(actor, action.id, pid).registration for pid in people[:4]]
    result = app.ateliers.registrations.withdraw(actor, regs[1].id)
    assert result.offre is None
    waiting = app.ateliers.registrations.list_registrations(actor, action.id).en_attente
    assert [(r.person_id, r.rang_attente) for r in waiting] == [(people[2], 1), (people[3], 2)]
    # a newcomer goes to the end of the list
    late = app.ateliers.registrations.register(actor, action.id, people[5]).registration
    assert late.rang_attente == 3


def test_raising_capacity_offers_the_new_places(app, actor, people, make_action) -> None:
    action = make_action(capacite=1)
    app.ateliers.registrations.register(actor, action.id, people[0])
    app.ateliers.registrations.register(actor, action.id, people[1])
    data = action.data
    data.capacite = 2
    app.ateliers.actions.update(actor, action.id, action.version_id, data)
    offer = app.ateliers.registrations.list_registrations(actor, action.id).offre
    assert offer is not None and offer.person_id == people[1]


def test_a_withdrawn_person_may_register_again(app, actor, people, make_action) -> None:
    action = make_action(capacite=5)
    reg = app.ateliers.registrations.register(actor, action.id, people[0]).registration
    app.ateliers.registrations.withdraw(actor, reg.id)
    with pytest.raises(Refused, match="déjà désistée"):
        app.ateliers.registrations.withdraw(actor, reg.id)
    again = app.ateliers.registrations.register(actor, action.id, people[0]).registration
    assert again.id == reg.id and again.statut == "inscrit" and again.desiste_le is None


def test_closed_actions_and_unknown_people_are_refused(app, actor, people, make_action) -> None:
    action = make_action(statut="termine")
    with pytest.raises(Refused, match="les inscriptions sont closes"):
        app.ateliers.registrations.register(actor, action.id, people[0])
    open_action = make_action(titre="Nutrition")
    with pytest.raises(NotFound, match="Cette personne n'existe pas"):
        app.ateliers.registrations.register(actor, open_action.id, 99999)


def test_without_capacity_nobody_waits(app, actor, people, make_action) -> None:
    action = make_action(capacite=None, titre="Conférence prévention des arnaques", type_action="ponctuel")
    for pid in people:
        app.ateliers.registrations.register(actor, action.id, pid)
    regs = app.ateliers.registrations.list_registrations(actor, action.id)
    assert (regs.counts.inscrits, regs.counts.en_attente, regs.counts.places_libres) == (12, 0, None)
