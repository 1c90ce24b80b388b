"""Funding lines: French amounts, refused input, and the per-year summary by financeur
and status."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.errors import ValidationError
from desktop_app.partners.records import FundingInput, PartnerInput


def financeurs(app, actor) -> tuple[int, int]:
    cfppa = app.partners.create(actor, PartnerInput(nom="CFPPA de l'Hérault", type="financeur", roles=["financeur"]))
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat Languedoc-Roussillon", type="caisse_retraite"))
    return cfppa.id, carsat.id


def test_french_amount_is_stored_exactly(app, actor) -> None:
    cfppa, _ = financeurs(app, actor)
    row = app.funding.create(actor, FundingInput(
        financeur_id=cfppa, annee="2026", montant="1 234,50 €", action="Ateliers mémoire",
        axe_cfppa="6", periode_debut="01/01/2026", periode_fin="31/12/2026", statut="accorde",
        date_demande="15/11/2025", date_accord="02/02/2026"))
    assert row.montant == Decimal("1234.50") and row.financeur_nom == "CFPPA de l'Hérault"
    assert app.funding.lines(actor, year=2026)[0].montant == Decimal("1234.50")


def test_bad_input_gets_a_french_message_per_field(app, actor) -> None:
    cfppa, _ = financeurs(app, actor)
    with pytest.raises(ValidationError) as err:
        app.funding.create(actor, FundingInput(
            financeur_id=None, annee="26", montant="mille euros", action="",
            periode_debut="01/07/2026", periode_fin="30/06/2026",
            date_demande="10/03/2026", date_accord="01/03/2026"))
    assert err.value.errors == {
        "financeur_id": "Choisissez le financeur.",
        "annee": "Année invalide : entre 2000 et 2100.",
        "montant": "Montant invalide : saisissez un nombre, par exemple 1 234,50.",
        "action": "Indiquez l'action financée.",
        "periode_fin": "La fin de la période précède son début.",
        "date_accord": "Cette date précède celle de la demande.",
    }
    with pytest.raises(ValidationError) as err:
        app.funding.create(actor, FundingInput(financeur_id=cfppa, annee=2026, montant="-50", action="x"))
    assert err.value.errors == {"montant": "Le montant doit être positif."}
    assert app.funding.lines(actor) == []


def test_summary_by_financeur_and_status(app, actor) -> None:
    cfppa, carsat = financeurs(app, actor)
    for fid, amount, statut, year in [
        (cfppa, "15 000", "verse", 2026), (cfppa, "6 000,50", "accorde", 2026),
        (cfppa, "2 000", "demande", 2026), (carsat, "5 300", "solde", 2026),
        (carsat, "0,10", "solde", 2026), (carsat, "0,20", "solde", 2026),
        (carsat, "76 000", "solde", 2016),
    ]:
        app.funding.create(actor, FundingInput(financeur_id=fid, annee=year, montant=amount,
                                               action="API Bus", statut=statut))
    summary = app.funding.summary(actor, 2026)
    assert [f.financeur_nom for f in summary.financeurs] == ["CFPPA de l'Hérault", "Carsat Languedoc-Roussillon"]
    first = summary.financeurs[0]
    assert first.by_status == {"demande": Decimal("2000.00"), "accorde": Decimal("6000.50"),
                               "verse": Decimal("15000.00"), "solde": Decimal("0.00")}
    assert first.total == Decimal("23000.50") and first.lines == 3
    assert summary.financeurs[1].by_status["solde"] == Decimal("5300.30")
    assert summary.by_status["solde"] == Decimal("5300.30")
    assert summary.total == Decimal("28300.80")
    assert app.funding.years(actor) == [2026, 2016]
    assert app.funding.summary(actor, 2020).financeurs == ()


def test_edit_and_delete(app, actor) -> None:
    cfppa, _ = financeurs(app, actor)
    row = app.funding.create(actor, FundingInput(financeur_id=cfppa, annee=2026, montant="10000", action="Bus"))
    data = row.to_input()
    data.statut, data.date_versement = "verse", "15/06/2026"
    edited = app.funding.update(actor, row.id, row.version_id, data)
    assert edited.statut == "verse" and edited.montant == Decimal("10000.00")
    app.funding.delete(actor, row.id)
    assert app.funding.lines(actor) == []

