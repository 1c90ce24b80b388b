"""A commune convention names the funding lines that pay for it: only lines of its year,
kept and shown with the convention; a linked line cannot be deleted."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.errors import Refused, ValidationError
from desktop_app.partners.records import FundingInput, PartnerInput
from desktop_app.tournees.records import ConventionInput


def _lines(app, actor) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    cfppa = app.partners.create(actor, PartnerInput(nom="CFPPA de l'Hérault", type="financeur", roles=["financeur"]))
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat Languedoc-Roussillon", type="caisse_retraite"))
    a = app.funding.create(actor, FundingInput(financeur_id=cfppa.id, annee="2026", montant="8 000", action="API Bus"))
    b = app.funding.create(actor, FundingInput(financeur_id=carsat.id, annee="2026", montant="2 500,50",
                                               action="Transport des seniors"))
    old = app.funding.create(actor, FundingInput(financeur_id=cfppa.id, annee="2025", montant="7 000", action="API Bus"))
    return a.id, b.id, old.id


def _input(**changes) -> ConventionInput:  # type: ignore[no-untyped-def]
    base = ConventionInput(2026, "34186", 4, lieu_nom="Salle des fêtes d'Octon")
    return dataclasses.replace(base, **changes)


def test_convention_keeps_the_funding_lines_chosen(app, actor) -> None:
    t = app.tournees
    t.conventions.set_tariff_grid(actor, [(1, "150"), (2, "130"), (3, "120"), (4, "100"), (5, "90")])
    a, b, _old = _lines(app, actor)
    choices = dict(t.conventions.funding_choices(actor, 2026))
    assert set(choices) == {a, b}  # the 2025 line is not offered for 2026
    assert choices[b] == "Carsat Languedoc-Roussillon — Transport des seniors 2026 (2\u202f500,50 €)"
    view = t.conventions.save(actor, _input(funding_line_ids=(a, b)))
    assert {i for i, _label in view.financements} == {a, b}
    # None leaves the links alone; an empty tuple removes them
    view = t.conventions.save(actor, _input(notes="rappel"), view.id, view.version_id)
    assert {i for i, _l in view.financements} == {a, b}
    view = t.conventions.save(actor, _input(funding_line_ids=(b,)), view.id, view.version_id)
    assert [i for i, _l in t.conventions.get(actor, view.id).financements] == [b]
    with pytest.raises(Refused) as err:
        app.funding.delete(actor, b)  # still paying for the convention
    assert err.value.message_fr == ("Cette ligne finance la convention de tournée de Octon : "
                                    "retirez-la d'abord de ses financements.")


def test_a_line_of_another_year_is_refused(app, actor) -> None:
    t = app.tournees
    t.conventions.set_tariff_grid(actor, [(1, "150"), (2, "130"), (3, "120"), (4, "100"), (5, "90")])
    _a, _b, old = _lines(app, actor)
    with pytest.raises(ValidationError) as err:
        t.conventions.save(actor, _input(funding_line_ids=(old,)))
    assert err.value.errors["funding_line_ids"] == (
        "La ligne « CFPPA de l'Hérault — API Bus 2025 (7\u202f000,00 €) » finance l'année 2025, pas 2026.")
    with pytest.raises(ValidationError) as err:
        t.conventions.save(actor, _input(funding_line_ids=(9999,)))
    assert "n'existe plus" in err.value.errors["funding_line_ids"]
    assert t.conventions.for_year(actor, 2026) == []  # nothing stored
