"""The documented demo accounts: one per role, the documented password, a bénévole linked
to their fiche with people of their commune."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db.enums import Role
from desktop_app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, populate_accounts
from desktop_app.people.records import PersonFilter, PersonInput

DOC = Path(__file__).parents[3] / "docs" / "demo-accounts.md"


def test_each_demo_account_logs_in_with_the_documented_password(app, actor) -> None:  # type: ignore[no-untyped-def]
    for i, (nom, prenom) in enumerate([("Abadie", "Anne"), ("Bonnet", "Marc"), ("Carrère", "Odette"),
                                       ("Dupuy", "Lucien"), ("Estève", "Rose"), ("Fabre", "Jean")]):
        app.people.create(actor, PersonInput(nom=nom, prenom=prenom, code_postal="34150", commune_insee="34267",
                                             date_naissance=f"0{i + 1}/01/1940"))
    volunteer = app.people.create(actor, PersonInput(nom="Garcia", prenom="Monique", code_postal="34150",
                                                     commune_insee="34267", est_benevole=True,
                                                     est_beneficiaire=False))
    summary = populate_accounts(app.db, 1, dt.date(2026, 11, 1))
    assert summary.startswith("6 comptes de démonstration")
    assert f"`{DEMO_PASSWORD}`" in DOC.read_text(encoding="utf-8")
    roles = {}
    for username, _, role in DEMO_ACCOUNTS:
        assert f"`{username}`" in DOC.read_text(encoding="utf-8")
        result = app.auth.login(username, DEMO_PASSWORD)
        assert not result.must_change_password
        roles[role] = result.actor
    assert set(roles) == set(Role)
    benevole = roles[Role.BENEVOLE]
    assert (benevole.display_name, benevole.person_id) == ("Monique Garcia", volunteer.id)
    visible = app.people.list_ids(benevole, PersonFilter())
    assert 3 <= len(visible) <= 5 and volunteer.id not in visible
    again = populate_accounts(app.db, 1, dt.date(2026, 11, 1))  # idempotent
    assert again == summary
    assert app.people.list_ids(benevole, PersonFilter()) == visible
