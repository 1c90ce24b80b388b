"""Account management: create (temporary password), role change, deactivation, the last
account able to manage accounts is kept, bénévole assignments."""

from __future__ import annotations

import pytest

from db.enums import Role
from desktop_app.errors import PermissionDenied, Refused, ValidationError
from desktop_app.people.records import PersonInput
from desktop_app.security.records import AccountInput

GOOD = "Tulipe-Jaune-42"


@pytest.fixture
def admin(app):  # type: ignore[no-untyped-def]
    return app.auth.create_first_admin("admin", "Alice Admin", GOOD, GOOD)


def test_create_account_gives_a_temporary_password(app, admin) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(admin, AccountInput(" Sophie.M ", "Sophie Martin", "intervenant"))
    assert new.account.username == "sophie.m"
    assert new.account.role_label == "Intervenant social"
    assert new.account.status_label == "Mot de passe à changer"
    assert app.auth.login("sophie.m", new.temporary_password).must_change_password


def test_create_refuses_bad_input_with_field_messages(app, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        app.accounts.create(admin, AccountInput("ab", "Bob", "intervenant"))
    assert "3 à 60 caractères" in err.value.errors["username"]
    with pytest.raises(ValidationError) as err:
        app.accounts.create(admin, AccountInput("bob", "", "magicien"))
    assert err.value.errors == {
        "display_name": "Saisissez le nom affiché (120 caractères au plus).",
        "role": "Choisissez un rôle.",
    }
    with pytest.raises(ValidationError) as err:
        app.accounts.create(admin, AccountInput("admin", "Autre", "animateur"))
    assert err.value.errors == {"username": "L'identifiant « admin » est déjà pris."}


def test_role_change_and_deactivation(app, admin) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(admin, AccountInput("paul", "Paul", "animateur"))
    row = app.accounts.update(admin, new.account.id, AccountInput("paul", "Paul Durand", "coordinateur"))
    assert (row.display_name, row.role) == ("Paul Durand", "coordinateur")
    assert app.auth.login("paul", new.temporary_password).actor.role == Role.COORDINATEUR
    row = app.accounts.set_active(admin, new.account.id, False)
    assert row.status_label == "Désactivé"
    assert [a.username for a in app.accounts.list_accounts(admin, include_inactive=False)] == ["admin"]


def test_the_last_account_manager_is_kept(app, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Refused) as err:
        app.accounts.set_active(admin, admin.user_id, False)
    assert err.value.message_fr == "Vous ne pouvez pas désactiver votre propre compte."
    with pytest.raises(Refused) as err:
        app.accounts.update(admin, admin.user_id, AccountInput("admin", "Alice", "animateur"))
    assert "au moins un compte actif capable de gérer les comptes" in err.value.message_fr
    second = app.accounts.create(admin, AccountInput("admin2", "Second Admin", "administrateur"))
    admin2 = app.auth.login("admin2", second.temporary_password).actor
    app.accounts.update(admin, admin.user_id, AccountInput("admin", "Alice", "animateur"))
    assert app.accounts.get(admin2, admin.user_id).role == "animateur"


def test_only_account_managers_manage_accounts(app, admin, role_actor) -> None:  # type: ignore[no-untyped-def]
    for role in (Role.INTERVENANT, Role.ANIMATEUR, Role.BENEVOLE, Role.CHAUFFEUR):
        other = role_actor(role)
        with pytest.raises(PermissionDenied):
            app.accounts.list_accounts(other)
        with pytest.raises(PermissionDenied):
            app.accounts.create(other, AccountInput("x" + str(role), "X", "coordinateur"))
        with pytest.raises(PermissionDenied):
            app.accounts.reset_password(other, admin.user_id)


def test_benevole_assignments(app, admin, actor) -> None:  # type: ignore[no-untyped-def]
    people = [app.people.create(actor, PersonInput(nom=n, prenom="Jeanne", sexe="f")).id
              for n in ("Abadie", "Bonnet")]
    lea = app.accounts.create(admin, AccountInput("lea", "Léa", "benevole"))
    with pytest.raises(PermissionDenied):  # the administrator does not choose who visits whom
        app.accounts.assign(admin, lea.account.id, people[0])
    app.accounts.assign(actor, lea.account.id, people[0])
    app.accounts.assign(actor, lea.account.id, people[0])  # twice is harmless
    assert app.accounts.assigned(actor, lea.account.id) == [(people[0], "ABADIE Jeanne")]
    assert app.accounts.get(admin, lea.account.id).assigned_count == 1
    paul = app.accounts.create(admin, AccountInput("paul", "Paul", "animateur"))
    with pytest.raises(ValidationError):
        app.accounts.assign(actor, paul.account.id, people[1])
    app.accounts.update(admin, lea.account.id, AccountInput("lea", "Léa", "animateur"))
    assert app.accounts.assigned(actor, lea.account.id) == []  # a role change drops them


def test_bénévole_account_linked_to_their_person(app, admin, actor) -> None:  # type: ignore[no-untyped-def]
    me = app.people.create(actor, PersonInput(nom="Roux", prenom="Léa", sexe="f", est_benevole=True,
                                              est_beneficiaire=False))
    assert app.accounts.linkable_people(admin) == [(me.id, "ROUX Léa")]
    new = app.accounts.create(admin, AccountInput("lea", "Léa Roux", "benevole", me.id))
    assert new.account.person_name == "ROUX Léa"
    assert app.auth.login("lea", new.temporary_password).actor.person_id == me.id
