"""Actions: stored values, refused input with its French message, capacity below the
registered count, the theme table, and the list that never sums inscrits and en attente."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AtelierAction, AtelierQuestion, AtelierTheme, AuditEntry
from desktop_app.actor import Actor
from desktop_app.ateliers.records import ActionInput
from desktop_app.errors import Conflict, PermissionDenied, ValidationError


def test_themes_are_prefilled_with_the_cfppa_grid(app, actor) -> None:
    libelles = [t.libelle for t in app.ateliers.actions.themes(actor)]
    assert libelles[0] == "Santé globale / bien vieillir"
    assert "Activité physique / équilibre / prévention des chutes" in libelles
    assert "Soutien aux aidants" in libelles and libelles[-1] == "Autre"
    assert len(libelles) == 14


def test_themes_are_editable_but_never_duplicated(app, actor) -> None:
    added = app.ateliers.actions.save_theme(actor, "Arnaques et sécurité")
    assert added.code == "arnaques_et_securite"
    app.ateliers.actions.save_theme(actor, "Arnaques et sécurité du quotidien", added.id, actif=False)
    assert "Arnaques et sécurité du quotidien" not in [t.libelle for t in app.ateliers.actions.themes(actor)]
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.save_theme(actor, "nutrition")
    assert err.value.errors["libelle"] == "Le thème « Nutrition » existe déjà."


def test_create_stores_clean_values_and_default_questions(app, actor, theme_id) -> None:
    detail = app.ateliers.actions.create(actor, ActionInput(
        titre="  Atelier   mémoire ", theme_id=theme_id, axe_cfppa="6", capacite="12",
        tarification="payant", prix_plein="12", prix_reduit="4,50", prix_adherent="6,00",
        date_debut="05/01/2027", date_fin="30/03/2027", lieu="Salle des fêtes", financeur="CFPPA de l'Hérault",
    ))
    assert detail.theme_libelle == "Mémoire"
    assert detail.counts.inscrits == 0 and detail.counts.places_libres == 12
    with app.db.read() as s:
        action = s.get(AtelierAction, detail.id)
        assert action.titre == "Atelier mémoire"
        assert (action.prix_plein, action.prix_reduit, action.prix_adherent) == (Decimal("12.00"), Decimal("4.50"), Decimal("6.00"))
        assert action.date_fin == dt.date(2027, 3, 30)
        assert action.financeur == "CFPPA de l'Hérault" and detail.financements == ()
        assert s.scalar(select(AtelierQuestion.libelle).where(AtelierQuestion.action_id == detail.id).limit(1))
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.entity == "atelier_action")) == "creation"


def test_bad_input_gets_french_messages(app, actor, theme_id) -> None:
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(
            titre="", theme_id=None, capacite="0", prix_reduit="-4,50", tarification="payant",
            date_debut="30/03/2027", date_fin="05/01/2027", axe_cfppa=3,
        ))
    errors = err.value.errors
    assert errors["titre"] == "Le titre de l'atelier est obligatoire."
    assert errors["theme_id"] == "Choisissez un thème."
    assert errors["capacite"] == "Capacité : saisissez un nombre supérieur à zéro."
    assert errors["prix_reduit"] == "Tarif réduit : un prix ne peut pas être négatif."
    assert errors["prix_plein"] == "Atelier payant : indiquez au moins le plein tarif."
    assert errors["date_fin"] == "La date de fin (05/01/2027) est avant la date de début (30/03/2027)."
    assert "axe 5" in errors["axe_cfppa"]


def test_free_action_keeps_no_prices(app, actor, theme_id) -> None:
    detail = app.ateliers.actions.create(actor, ActionInput(titre="Café des aidants", theme_id=theme_id,
                                                            tarification="gratuit", prix_plein="12"))
    assert detail.data.prix_plein is None


def test_capacity_below_registered_count_is_refused_with_the_reason(app, actor, people, make_action) -> None:
    action = make_action(capacite=5)
    for pid in people[:4]:
        app.ateliers.registrations.register(actor, action.id, pid)
    data = action.data
    data.capacite = 3
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.update(actor, action.id, action.version_id, data)
    assert err.value.errors["capacite"] == (
        "Capacité trop faible : 4 personnes sont déjà inscrites. "
        "Gardez au moins 4 places, ou enregistrez d'abord des désistements."
    )
    data.capacite = 4
    updated = app.ateliers.actions.update(actor, action.id, action.version_id, data)
    assert updated.counts.complet
    with pytest.raises(Conflict):
        app.ateliers.actions.update(actor, action.id, action.version_id, data)


def test_cycle_dates_cannot_leave_seances_outside(app, actor, make_action) -> None:
    action = make_action(seances=3, first="06/01/2025")
    data = action.data
    data.date_debut, data.date_fin = "13/01/2025", "31/01/2025"
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.update(actor, action.id, action.version_id, data)
    assert err.value.errors["date_debut"] == "Une séance est prévue le 06/01/2025, avant ce début de cycle."


def test_list_shows_inscrits_and_waiting_apart(app, actor, people, make_action) -> None:
    action = make_action(capacite=3, seances=4)
    make_action(titre="Équilibre et prévention des chutes", first="07/01/2025", seances=2, lieu="Gymnase")
    for pid in people[:5]:
        app.ateliers.registrations.register(actor, action.id, pid)
    rows = {r.titre: r for r in app.ateliers.actions.list_actions(actor)}
    row = rows["Atelier mémoire"]
    assert (row.inscrits, row.en_attente, row.seances) == (3, 2, 4)
    assert row.date_debut == dt.date(2025, 1, 6) and row.date_fin == dt.date(2025, 1, 27)
    assert [r.titre for r in app.ateliers.actions.list_actions(actor, text="chute")] == [
        "Équilibre et prévention des chutes"]
    assert app.ateliers.actions.list_actions(actor, year=2024) == []


def test_a_benevole_cannot_create_ateliers(app, theme_id) -> None:
    benevole = Actor(None, "b", "Bénévole", Role.BENEVOLE)
    with pytest.raises(PermissionDenied):
        app.ateliers.actions.create(benevole, ActionInput(titre="X", theme_id=theme_id))


def test_inactive_theme_is_refused_for_a_new_action(app, actor) -> None:
    with app.db.uow() as s:
        theme = s.scalar(select(AtelierTheme).where(AtelierTheme.code == "sommeil"))
        theme.actif = False
        tid = theme.id
    with pytest.raises(ValidationError) as err:
        app.ateliers.actions.create(actor, ActionInput(titre="Sommeil", theme_id=tid))
    assert err.value.errors["theme_id"] == "Choisissez un thème de la liste."
