"""An action's financeurs (funding lines through action_funding) and its place linked to a
partner « lieu »: stored, read back with their labels, checked with French messages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import ActionFunding, AuditEntry
from desktop_app.ateliers.records import ActionInput
from desktop_app.errors import PermissionDenied, Refused, ValidationError
from desktop_app.partners.records import FundingInput, PartnerInput


@pytest.fixture
def lines(app, actor) -> dict[str, int]:  # type: ignore[no-untyped-def]
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat", type="caisse_retraite", roles=["financeur"]))
    cfppa = app.partners.create(actor, PartnerInput(nom="CFPPA de l'Hérault", type="financeur", roles=["financeur"]))
    made = {
        "carsat": app.funding.create(actor, FundingInput(financeur_id=carsat.id, annee=2026, montant="12000",
                                                         action="Ateliers mémoire", statut="accorde",
                                                         date_demande="10/01/2026", date_accord="15/03/2026")),
        "cfppa": app.funding.create(actor, FundingInput(financeur_id=cfppa.id, annee=2026, montant="4500,50",
                                                        action="Équilibre", statut="demande",
                                                        date_demande="10/01/2026")),
    }
    return {k: v.id for k, v in made.items()}


@pytest.fixture
def salle(app, actor) -> int:  # type: ignore[no-untyped-def]
    return app.partners.create(actor, PartnerInput(nom="Maison des associations", type="commune",
                                                   roles=["lieu"])).id


def test_financeurs_round_trip_with_labels(app, actor, theme_id, lines) -> None:
    detail = app.ateliers.actions.create(actor, ActionInput(
        titre="Atelier mémoire", theme_id=theme_id, financements=[lines["carsat"], lines["cfppa"], lines["carsat"]]))
    assert sorted(detail.data.financements) == sorted([lines["carsat"], lines["cfppa"]])
    labels = [c.libelle for c in detail.financements]
    assert "Carsat 2026 — 12\u202f000\u00a0€ — accordé" in labels
    assert "CFPPA de l'Hérault 2026 — 4\u202f500,50\u00a0€ — demandé" in labels

    data = detail.data
    data.financements = [lines["cfppa"]]
    again = app.ateliers.actions.update(actor, detail.id, detail.version_id, data)
    assert again.data.financements == [lines["cfppa"]]
    with app.db.read() as s:
        assert s.scalars(select(ActionFunding.funding_line_id)
                         .where(ActionFunding.action_id == detail.id)).all() == [lines["cfppa"]]
        audits = s.scalars(select(AuditEntry.fields).where(AuditEntry.entity == "atelier_action")).all()
    assert any("financements" in (f or "") for f in audits)
    assert app.ateliers.actions.get(actor, detail.id).data.financements == [lines["cfppa"]]


def test_unknown_funding_line_is_refused_in_french(app, actor, theme_id, lines) -> None:
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(titre="X", theme_id=theme_id, financements=[lines["carsat"], 9999]))
    assert err.value.errors["financements"].startswith("Une ligne de financement choisie n'existe plus")
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(titre="X", theme_id=theme_id, financements=["abc"]))  # type: ignore[list-item]
    assert err.value.errors == {"financements": "Choisissez les financeurs dans la liste."}


def test_funding_choices_are_labelled_and_need_write_access(app, actor, role_actor, lines) -> None:
    choices = app.ateliers.actions.funding_choices(actor)
    assert [c.id for c in choices] == [lines["carsat"], lines["cfppa"]]
    with pytest.raises(PermissionDenied):
        app.ateliers.actions.funding_choices(role_actor(Role.BENEVOLE))


def test_place_is_a_partner_lieu(app, actor, theme_id, salle, lines) -> None:
    detail = app.ateliers.actions.create(actor, ActionInput(titre="Équilibre", theme_id=theme_id,
                                                            lieu="Salle du rez-de-chaussée", lieu_partner_id=salle))
    assert detail.data.lieu_partner_id == salle and detail.lieu_partner_nom == "Maison des associations"
    assert [c.libelle for c in app.ateliers.actions.place_choices(actor)] == ["Maison des associations"]
    carsat_partner = app.funding.lines(actor)[0].financeur_id
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(titre="X", theme_id=theme_id, lieu_partner_id=carsat_partner))
    assert err.value.errors["lieu_partner_id"] == (
        "« Carsat » n'est pas un lieu d'accueil : choisissez un partenaire « lieu »."
    )
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(titre="X", theme_id=theme_id, lieu_partner_id=4242))
    assert err.value.errors["lieu_partner_id"] == "Ce partenaire n'existe plus : choisissez un autre lieu."


def test_a_linked_funding_line_cannot_be_deleted(app, actor, theme_id, lines) -> None:
    app.ateliers.actions.create(actor, ActionInput(titre="X", theme_id=theme_id, financements=[lines["carsat"]]))
    with pytest.raises(Refused) as err:
        app.funding.delete(actor, lines["carsat"])
    assert str(err.value) == "Cette ligne finance 1 action d'ateliers : retirez-la d'abord de ses financements."
    assert len(app.funding.lines(actor)) == 2
