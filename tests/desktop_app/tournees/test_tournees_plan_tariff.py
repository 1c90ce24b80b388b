"""The yearly plan assistant (spacing, public holidays, one slot per vehicle and day,
preferred weekday, découverte first) and the tariff grid (seeded prices, refusal when a
needed price is not set)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import holidays
import pytest

from desktop_app.errors import Refused, ValidationError
from desktop_app.tournees.planning import CommuneDemand, propose
from desktop_app.tournees.records import ConventionInput
from desktop_app.tournees.tariff import SEED_GRID, TariffRow, amount_due

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
FR_HOLIDAYS = holidays.France(years=2026)


def test_passages_are_spread_evenly_over_the_year() -> None:
    plan = propose([CommuneDemand(1, "Octon", 12)], [1], *YEAR)
    days = [p.date for p in plan.proposals]
    assert len(days) == 12 and not plan.unplaced
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    assert min(gaps) >= 21 and max(gaps) <= 40  # about monthly
    assert {d.month for d in days} == set(range(1, 13))


def test_no_weekend_nor_public_holiday_and_preferred_weekday_kept() -> None:
    demands = [CommuneDemand(i, f"Commune {i}", 6, jour_prefere=0 if i == 1 else None) for i in range(1, 9)]
    plan = propose(demands, [1], *YEAR)
    assert all(p.date.weekday() < 5 and p.date not in FR_HOLIDAYS for p in plan.proposals)
    assert all(p.date.weekday() == 0 for p in plan.proposals if p.convention_id == 1)
    # Easter Monday 6 April 2026 and Pentecost Monday are Mondays the preferred-Monday commune never gets
    assert dt.date(2026, 4, 6) not in {p.date for p in plan.proposals}


def test_one_half_day_slot_per_vehicle_and_day() -> None:
    demands = [CommuneDemand(i, f"Commune {i}", 12) for i in range(1, 21)]
    plan = propose(demands, [1, 2], dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    pairs = [(p.vehicle_id, p.date) for p in plan.proposals]
    assert len(pairs) == len(set(pairs))
    per_day: dict[dt.date, int] = {}
    for _, day in pairs:
        per_day[day] = per_day.get(day, 0) + 1
    assert max(per_day.values()) <= 2  # two vehicles
    assert {v for v, _ in pairs} == {1, 2}


def test_days_already_taken_are_respected_and_overflow_is_reported() -> None:
    start, end = dt.date(2026, 3, 2), dt.date(2026, 3, 6)  # one week, five working days
    busy = [(1, dt.date(2026, 3, 4))]
    plan = propose([CommuneDemand(1, "Octon", 3), CommuneDemand(2, "Salasc", 3)], [1], start, end, busy)
    assert dt.date(2026, 3, 4) not in {p.date for p in plan.proposals}
    assert len(plan.proposals) == 4
    assert len(plan.unplaced) == 2 and "pas de créneau libre" in plan.unplaced[0]


def test_decouverte_comes_first_and_priority_communes_are_served_first() -> None:
    plan = propose([CommuneDemand(1, "Aspiran", 2), CommuneDemand(2, "Mourèze", 2, decouverte=True, prioritaire=True)],
                   [1], *YEAR)
    moureze = [p for p in plan.proposals if p.convention_id == 2]
    assert [p.type for p in moureze] == ["decouverte", "serie", "serie"]
    assert moureze[0].date < moureze[1].date


def test_tariff_from_the_seed() -> None:
    grid = [TariffRow(n, p) for n, p in SEED_GRID]
    assert amount_due(1, grid) == Decimal("150.00")
    assert amount_due(6, grid) == Decimal("540.00")  # 90 € per passage beyond four
    assert amount_due(12, grid) == Decimal("1080.00")
    assert amount_due(0, grid) == Decimal("0.00")  # découverte only
    with pytest.raises(Refused) as err:
        amount_due(3, grid)
    assert "« 3 passages par an » n'est pas fixé" in err.value.message_fr


def test_convention_amount_uses_the_editable_grid(app, actor) -> None:
    conv = app.tournees.conventions
    assert [(r.min_passages, r.prix_par_passage) for r in conv.tariff_grid(actor)] == [
        (1, Decimal("150.00")), (2, None), (3, None), (4, None), (5, Decimal("90.00"))]
    with pytest.raises(Refused) as err:
        conv.save(actor, ConventionInput(2026, "34292", 2))
    assert "2 passages par an" in err.value.message_fr
    conv.set_tariff_grid(actor, [(1, "150"), (2, "120,00"), (3, "110"), (4, "100"), (5, "90")])
    saved = conv.save(actor, ConventionInput(2026, "34292", 2, lieu_nom="Mairie"))
    assert saved.montant == Decimal("240.00") and saved.commune_nom == "Salasc"
    with pytest.raises(ValidationError) as bad:
        conv.set_tariff_grid(actor, [(1, "150"), (2, "douze")])
    assert "Ligne 2" in bad.value.errors["ligne_1"]


def test_plan_assistant_through_the_service(app, actor) -> None:
    t = app.tournees
    from desktop_app.tournees.records import VehicleInput

    bus = t.vehicles.create(actor, VehicleInput("API Bus", 5, 1, "Clermont", "43,6275", "3,4317"))
    a = t.conventions.save(actor, ConventionInput(2026, "34186", 5, decouverte=True, jour_prefere=1))
    t.conventions.save(actor, ConventionInput(2026, "34292", 1))
    plan = t.conventions.propose_plan(actor, 2026, *YEAR, [bus.id])
    assert len(plan.proposals) == 7
    created = t.passages.apply_plan(actor, list(plan.proposals))
    assert {p.commune_nom for p in created} == {"Octon", "Salasc"}
    assert all(p.date.weekday() == 1 for p in created if p.convention_id == a.id)
    assert t.conventions.get(actor, a.id).passages_planifies == 6
    again = t.conventions.propose_plan(actor, 2026, *YEAR, [bus.id])
    assert again.proposals == ()  # nothing left to plan
