"""Need-to-know, through the services: for each role, what it can and cannot read or
change in the people file, search, accounts, journal and settings; a bénévole sees only
the people assigned to them, and never GIR, health or caisse.

Other services reuse the same pattern: the ``role_actor`` fixture (tests/conftest.py) makes
a real account of any role, and desktop_app.security.scope gives the clauses to apply."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import PersonFilter, PersonInput
from desktop_app.security import scope
from desktop_app.security.journal import AuditFilter
from desktop_app.security.records import AccountInput


@pytest.fixture
def people(app, actor) -> dict[str, int]:  # type: ignore[no-untyped-def]
    def add(nom: str, prenom: str, cp: str, insee: str, **kw: Any) -> int:
        return app.people.create(actor, PersonInput(nom=nom, prenom=prenom, code_postal=cp,
                                                    commune_insee=insee, telephone="0467570001", **kw)).id
    ids = {
        "helene": add("Martin", "Hélène", "34150", "34267", sexe="f", gir=4, fragilite_sante=True,
                      medecin_traitant="Dr Vidal", caisse_retraite="msa", mobilite="canne",
                      adresse="3 rue du Pont"),
        "jean": add("Martin", "Jean", "34150", "34267", sexe="h", date_naissance="01/02/1936"),
        "odette": add("Roux", "Odette", "34700", "34142", sexe="f", gir=2),
    }
    app.people.link_aidant(actor, ids["jean"], ids["helene"], "conjoint")
    return ids


CHECKS: dict[str, Callable[[Any, Any, Any, dict[str, int]], object]] = {
    "lister les personnes": lambda app, a, c, p: app.people.list_ids(a, PersonFilter()),
    "ouvrir une fiche": lambda app, a, c, p: app.people.get(a, p["helene"]),
    "chercher une personne par son nom": lambda app, a, c, p: app.people.pick(a, "martin"),
    "créer une fiche": lambda app, a, c, p: app.people.create(a, PersonInput(nom="Neuve", prenom="Alice")),
    "modifier une fiche": lambda app, a, c, p: app.people.update(
        a, p["odette"], app.people.get(c, p["odette"]).version_id, app.people.get(c, p["odette"]).to_input()),
    "archiver une fiche": lambda app, a, c, p: app.people.archive(a, p["odette"]),
    "gérer les comptes": lambda app, a, c, p: app.accounts.list_accounts(a),
    "confier des personnes à un bénévole": lambda app, a, c, p: app.accounts.assigned(a, c.user_id),
    "lire le journal d'audit": lambda app, a, c, p: app.audit.search(a, AuditFilter()),
    "modifier les réglages": lambda app, a, c, p: app.settings.set(a, "veille.semaines", 8),
}
ALLOWED: dict[Role, set[str]] = {
    Role.COORDINATEUR: set(CHECKS),
    Role.ADMINISTRATEUR: {"gérer les comptes", "lire le journal d'audit", "modifier les réglages"},
    Role.INTERVENANT: {"lister les personnes", "ouvrir une fiche", "chercher une personne par son nom",
                       "créer une fiche", "modifier une fiche"},
    Role.ANIMATEUR: {"chercher une personne par son nom"},
    Role.BENEVOLE: {"lister les personnes", "ouvrir une fiche", "chercher une personne par son nom"},
    Role.CHAUFFEUR: set(),
}


@pytest.mark.parametrize("role", list(Role))
def test_what_each_role_may_do(app, actor, people, role_actor, role: Role) -> None:  # type: ignore[no-untyped-def]
    who = role_actor(role, assigned=[people["helene"]] if role == Role.BENEVOLE else [])
    for name, call in CHECKS.items():
        if name in ALLOWED[role]:
            call(app, who, actor, people)
        else:
            with pytest.raises(PermissionDenied):
                call(app, who, actor, people)
                pytest.fail(f"{role} ne devrait pas pouvoir : {name}")


@pytest.mark.parametrize("role", [Role.COORDINATEUR, Role.INTERVENANT])
def test_full_roles_see_everyone_and_sensitive_data(app, people, role_actor, role: Role) -> None:  # type: ignore[no-untyped-def]
    who = role_actor(role)
    assert set(app.people.list_ids(who, PersonFilter())) == set(people.values())
    fiche = app.people.get(who, people["helene"])
    assert (fiche.data.gir, fiche.data.medecin_traitant, fiche.data.fragilite_sante) == (4, "Dr Vidal", True)
    assert [v.display_name for v in fiche.aidants] == ["MARTIN Jean"]


def test_benevole_sees_only_assigned_people_without_sensitive_data(app, people, role_actor) -> None:  # type: ignore[no-untyped-def]
    lea = role_actor(Role.BENEVOLE, assigned=[people["helene"]])
    assert app.people.list_ids(lea, PersonFilter()) == [people["helene"]]
    assert app.people.count(lea, PersonFilter(statut=None)) == 1
    assert app.people.list_ids(lea, PersonFilter(text="odette")) == []  # search too
    assert [pid for pid, _ in app.people.pick(lea, "")] == [people["helene"]]
    rows = app.people.rows(lea, list(people.values()))
    assert [(r.id, r.gir) for r in rows] == [(people["helene"], None)]
    assert app.people.communes_in_use(lea) == [("34267", "Saint-Jean-de-Fos")]
    fiche = app.people.get(lea, people["helene"])
    assert (fiche.data.nom, fiche.data.telephone, fiche.data.adresse) == ("Martin", "+33467570001", "3 rue du Pont")
    assert (fiche.data.gir, fiche.data.medecin_traitant, fiche.data.caisse_retraite) == (None, None, None)
    assert fiche.data.fragilite_sante is False and fiche.sensitive_hidden
    assert fiche.aidants == ()  # Jean is not assigned to her: not even his name
    with pytest.raises(PermissionDenied) as err:
        app.people.get(lea, people["odette"])
    assert err.value.message_fr == scope.NOT_ASSIGNED
    with pytest.raises(PermissionDenied):
        app.people.update(lea, people["helene"], fiche.version_id, fiche.to_input())


def test_animateur_picks_names_but_opens_no_file(app, people, role_actor) -> None:  # type: ignore[no-untyped-def]
    anim = role_actor(Role.ANIMATEUR)
    assert sorted(label.split(" —")[0] for _, label in app.people.pick(anim, "martin")) == [
        "MARTIN Hélène", "MARTIN Jean"]
    assert scope.person_fields(anim) == {"civilite", "nom", "prenom", "telephone", "telephone2",
                                         "mobilite", "commune_nom"}
    shown = scope.redact(anim, {"nom": "Martin", "gir": 4, "adresse": "3 rue du Pont", "mobilite": "canne",
                                "inscrit": True})
    assert shown == {"nom": "Martin", "gir": None, "adresse": None, "mobilite": "canne", "inscrit": True}


def test_field_sets_per_role(role_actor) -> None:  # type: ignore[no-untyped-def]
    driver = scope.person_fields(role_actor(Role.CHAUFFEUR))
    assert {"adresse", "code_postal", "telephone", "mobilite"} <= driver and "gir" not in driver
    assert "date_naissance" not in driver
    benevole = scope.person_fields(role_actor(Role.BENEVOLE))
    assert {"adresse", "telephone", "date_naissance"} <= benevole
    assert not {"gir", "medecin_traitant", "fragilite_sante", "caisse_retraite"} & benevole
    assert scope.person_fields(role_actor(Role.ADMINISTRATEUR)) == frozenset()
    assert "gir" in scope.person_fields(role_actor(Role.INTERVENANT))


def test_own_records_clause_for_visits_and_passages(app, actor, people, role_actor) -> None:  # type: ignore[no-untyped-def]
    """The clause the visits and tournées services apply, shown on the journal's user_id."""
    lea = role_actor(Role.BENEVOLE, assigned=[people["helene"]])
    app.people.get(lea, people["helene"])
    stmt = scope.restrict_own(select(AuditEntry.user_id), lea, user_id_col=AuditEntry.user_id)
    with app.db.read() as s:
        assert set(s.scalars(stmt)) == {lea.user_id}
        everyone = set(s.scalars(scope.restrict_own(select(AuditEntry.user_id), actor, AuditEntry.user_id)))
    assert actor.user_id in everyone and lea.user_id in everyone
    assert scope.own_only(role_actor(Role.CHAUFFEUR)) and not scope.own_only(role_actor(Role.INTERVENANT))


def test_admin_links_accounts_but_sees_no_social_data(app, people, role_actor) -> None:  # type: ignore[no-untyped-def]
    admin = role_actor(Role.ADMINISTRATEUR)
    new = app.accounts.create(admin, AccountInput("lea", "Léa", "benevole"))
    assert new.account.assigned_count == 0
    with pytest.raises(PermissionDenied):
        app.people.rows(admin, list(people.values()))
    with pytest.raises(PermissionDenied):
        app.people.communes_in_use(admin)
