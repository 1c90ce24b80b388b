"""Logging in: first administrator, wrong passwords, growing delays after 5 failures (with
an injected clock), deactivated accounts, session unlock, password change; every try is in
the journal."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.base import utcnow
from db.enums import Role
from db.models import AuditEntry, User
from desktop_app.errors import Refused, ValidationError
from desktop_app.security.auth import format_wait, lock_delay
from desktop_app.security.records import AccountInput, AccountLocked, LoginRefused

GOOD = "Tulipe-Jaune-42"


class Clock:
    def __init__(self) -> None:
        self.now = utcnow().replace(microsecond=0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(app) -> Clock:  # type: ignore[no-untyped-def]
    c = Clock()
    app.auth.clock = c
    return c


@pytest.fixture
def admin(app):  # type: ignore[no-untyped-def]
    return app.auth.create_first_admin("Admin", "Alice Admin", GOOD, GOOD)


def journal(app) -> list[tuple[str, int | None, str]]:  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        return [(e.action, e.user_id, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_first_start_creates_the_administrator_once(app) -> None:  # type: ignore[no-untyped-def]
    assert app.auth.needs_first_admin()
    with pytest.raises(ValidationError) as err:
        app.auth.create_first_admin("admin", "", "court", "autre")
    assert set(err.value.errors) == {"display_name", "password", "confirm"}
    actor = app.auth.create_first_admin(" Admin ", "Alice Admin", GOOD, GOOD)
    assert (actor.username, actor.role) == ("admin", Role.ADMINISTRATEUR)
    assert not app.auth.needs_first_admin()
    with pytest.raises(Refused):
        app.auth.create_first_admin("autre", "Bob", GOOD, GOOD)
    with app.db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2id$") and GOOD not in stored
    assert ("creation", actor.user_id, "premier administrateur") in journal(app)


def test_login_success_and_wrong_password(app, admin, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoginRefused) as err:
        app.auth.login("admin", "Tulipe-Jaune-43")
    assert err.value.message_fr == "Identifiant ou mot de passe incorrect."
    with pytest.raises(LoginRefused) as err:
        app.auth.login("personne", GOOD)
    assert err.value.message_fr == "Identifiant ou mot de passe incorrect."
    result = app.auth.login("ADMIN", GOOD)
    assert result.actor.user_id == admin.user_id and not result.must_change_password
    actions = [a for a, _, _ in journal(app)]
    assert actions[-3:] == ["echec_connexion", "echec_connexion", "connexion"]
    assert journal(app)[-2] == ("echec_connexion", None, "identifiant inconnu « personne »")
    with app.db.read() as s:
        assert s.scalar(select(User.last_login_at).where(User.username == "admin")) == clock.now


def test_five_failures_then_growing_delays(app, admin, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        with pytest.raises(LoginRefused) as err:
            app.auth.login("admin", "mauvais")
        assert not isinstance(err.value, AccountLocked)
    with pytest.raises(AccountLocked) as err:
        app.auth.login("admin", "mauvais")
    assert err.value.wait_seconds == 30
    assert err.value.message_fr == (
        "Mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué : réessayez dans 30 secondes."
    )
    clock.advance(10)  # even the right password waits
    with pytest.raises(AccountLocked) as err:
        app.auth.login("admin", GOOD)
    assert err.value.message_fr == "Trop d'essais infructueux (5) : réessayez dans 20 secondes."
    clock.advance(20)
    with pytest.raises(AccountLocked) as err:  # 6th failure: one minute
        app.auth.login("admin", "mauvais")
    assert err.value.wait_seconds == 60 and "réessayez dans 1 minute." in err.value.message_fr
    clock.advance(60)
    with pytest.raises(AccountLocked) as err:  # 7th: two minutes
        app.auth.login("admin", "mauvais")
    assert "réessayez dans 2 minutes." in err.value.message_fr
    clock.advance(120)
    assert app.auth.login("admin", GOOD).actor.user_id == admin.user_id
    with pytest.raises(LoginRefused) as err:  # the counter starts again after a success
        app.auth.login("admin", "mauvais")
    assert not isinstance(err.value, AccountLocked)


def test_delay_schedule_is_capped() -> None:
    assert [lock_delay(n).total_seconds() for n in (4, 5, 6, 7, 8)] == [0, 30, 60, 120, 240]
    assert lock_delay(40) == dt.timedelta(minutes=30)
    assert (format_wait(1), format_wait(45), format_wait(61), format_wait(1800)) == (
        "1 seconde", "45 secondes", "2 minutes", "30 minutes")


def test_deactivated_account_cannot_log_in(app, admin, actor) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(actor, AccountInput("paul", "Paul Intervenant", "intervenant"))
    app.accounts.set_active(admin, new.account.id, False)
    with pytest.raises(LoginRefused) as err:
        app.auth.login("paul", new.temporary_password)
    assert "désactivé" in err.value.message_fr
    with pytest.raises(LoginRefused) as err:  # a wrong password says nothing more
        app.auth.login("paul", "mauvais")
    assert err.value.message_fr == "Identifiant ou mot de passe incorrect."


def test_reset_password_forces_a_change_at_next_login(app, admin) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(admin, AccountInput("lea", "Léa Bénévole", "benevole"))
    first = app.auth.login("lea", new.temporary_password)
    assert first.must_change_password
    with pytest.raises(ValidationError) as err:
        app.auth.change_password(first.actor, new.temporary_password, "azerty", "azerty")
    assert "Mot de passe trop faible" in err.value.errors["new"]
    with pytest.raises(ValidationError) as err:
        app.auth.change_password(first.actor, "faux", GOOD, GOOD + "x")
    assert err.value.errors == {
        "current": "Le mot de passe actuel est incorrect.",
        "confirm": "Les deux saisies du nouveau mot de passe ne correspondent pas.",
    }
    app.auth.change_password(first.actor, new.temporary_password, GOOD, GOOD)
    assert not app.auth.login("lea", GOOD).must_change_password
    reset = app.accounts.reset_password(admin, new.account.id)
    with pytest.raises(LoginRefused):
        app.auth.login("lea", GOOD)  # the old password no longer works
    assert app.auth.login("lea", reset.temporary_password).must_change_password
    actions = [a for a, _, _ in journal(app)]
    assert "changement_mot_de_passe" in actions and "reinitialisation_mot_de_passe" in actions


def test_unlock_checks_the_password_and_counts_failures(app, admin, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoginRefused):
        app.auth.unlock(admin, "mauvais")
    app.auth.unlock(admin, GOOD)
    for _ in range(5):
        with pytest.raises(LoginRefused):
            app.auth.unlock(admin, "mauvais")
    with pytest.raises(AccountLocked):
        app.auth.unlock(admin, GOOD)
    actions = [a for a, _, _ in journal(app)]
    assert actions.count("deverrouillage") == 1 and actions.count("echec_deverrouillage") == 7


def test_reset_lifts_a_lockout(app, admin, clock) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(admin, AccountInput("marc", "Marc Animateur", "animateur"))
    for _ in range(6):
        with pytest.raises(LoginRefused):
            app.auth.login("marc", "mauvais")
    assert app.accounts.get(admin, new.account.id).status_label == "Bloqué (trop d'essais)"
    reset = app.accounts.reset_password(admin, new.account.id)
    assert app.auth.login("marc", reset.temporary_password).actor.role == Role.ANIMATEUR
