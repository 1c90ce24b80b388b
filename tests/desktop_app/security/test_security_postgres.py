"""Accounts, scoping and the audit chain on PostgreSQL (ESCALE_TEST_PG_URL): the
migration's dialect branch, the chain-head row lock and the purge run there too."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from db.enums import Role
from desktop_app.app import Escale
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import PersonFilter, PersonInput
from desktop_app.security.records import AccountInput, AccountLocked, LoginRefused

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)"),
]
GOOD = "Tulipe-Jaune-42"



def test_accounts_scope_and_journal_on_postgresql(pg_app: Escale) -> None:
    admin = pg_app.auth.create_first_admin("admin", "Alice Admin", GOOD, GOOD)
    coord = pg_app.local_actor()
    helene = pg_app.people.create(coord, PersonInput(nom="Martin", prenom="Hélène", sexe="f", gir=4)).id
    odette = pg_app.people.create(coord, PersonInput(nom="Roux", prenom="Odette", sexe="f")).id
    lea = pg_app.accounts.create(admin, AccountInput("lea", "Léa", "benevole"))
    pg_app.accounts.assign(coord, lea.account.id, helene)
    benevole = pg_app.auth.login("lea", lea.temporary_password).actor
    assert benevole.role == Role.BENEVOLE
    assert pg_app.people.list_ids(benevole, PersonFilter()) == [helene]
    with pytest.raises(PermissionDenied):
        pg_app.people.get(benevole, odette)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            pg_app.auth.login("lea", "mauvais")
    with pytest.raises(AccountLocked):
        pg_app.auth.login("lea", "mauvais")
    check = pg_app.audit.verify()
    assert check.ok and check.entries >= 10
    with pg_app.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET detail = 'x' WHERE id = 3"))
    assert pg_app.audit.verify().first_broken_id == 3
