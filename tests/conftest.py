"""Shared fixtures. Every test gets its own data, config and log dirs under tmp_path: a
test never touches the real user directories. Qt runs offscreen unless --onscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop_app.actor import Actor
    from desktop_app.app import Escale

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows (debugging)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = os.environ.get("ESCALE_ONSCREEN_PLATFORM", "xcb")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        monkeypatch.setenv(f"ESCALE_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.delenv("ESCALE_DATABASE_URL", raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'escale-test.sqlite'}"


@pytest.fixture
def app(db_url: str) -> Iterator[Escale]:
    from desktop_app.app import Escale

    escale = Escale.open(db_url)
    yield escale
    escale.close()


@pytest.fixture
def actor(app: Escale) -> Actor:
    return app.local_actor()


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its lowest cost: tests check the login logic, not the hashing strength
    (tests/desktop_app/security/test_passwords.py checks the real parameters)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(
        "desktop_app.security.passwords.hasher",
        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
    )


@pytest.fixture
def role_actor(app: Escale, actor: Actor):  # type: ignore[no-untyped-def]
    """Factory of real accounts for role tests: ``role_actor(Role.BENEVOLE, assigned=[id])``
    creates an account with that role (a bénévole gets the listed people) and returns its
    Actor. Services on other branches test their part of the role matrix with it."""
    from db.enums import Role
    from desktop_app.security.records import AccountInput

    made: dict[str, int] = {}

    def make(role: Role, assigned: tuple[int, ...] | list[int] = (), person_id: int | None = None) -> Actor:
        made[role] = made.get(role, 0) + 1
        name = f"{role}{made[role]}"
        new = app.accounts.create(actor, AccountInput(name, f"Compte {name}", str(role), person_id))
        for pid in assigned:
            app.accounts.assign(actor, new.account.id, pid)
        return app.auth.login(name, new.temporary_password).actor

    return make



@pytest.fixture
def pg_app() -> Iterator[Escale]:
    """Escale on an emptied PostgreSQL schema (ESCALE_TEST_PG_URL; CI starts a server)."""
    from sqlalchemy import create_engine, text

    from desktop_app.app import Escale

    url = os.environ.get("ESCALE_TEST_PG_URL")
    if not url:
        pytest.skip("ESCALE_TEST_PG_URL not set (no PostgreSQL server)")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    escale = Escale.open(url)
    yield escale
    escale.close()


@pytest.fixture
def cli_account(app: Escale, monkeypatch: pytest.MonkeyPatch) -> Actor:
    """A coordinator account with its own password, given to the command line through
    ESCALE_USER / ESCALE_PASSWORD (commands on personal data log in like the window)."""
    from db.enums import Role
    from desktop_app.security.records import AccountInput

    password = "Garrigue-Olivier-2026 !"
    new = app.accounts.create(app.local_actor(), AccountInput("cli.coord", "Agnès Terral", str(Role.COORDINATEUR), None))
    who = app.auth.login("cli.coord", new.temporary_password).actor
    app.auth.change_password(who, new.temporary_password, password, password)
    monkeypatch.setenv("ESCALE_USER", "cli.coord")
    monkeypatch.setenv("ESCALE_PASSWORD", password)
    return who
