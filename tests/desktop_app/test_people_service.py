"""The people service: what is stored, what is refused (with its French message), what
the list shows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry, BenevoleAssignment, Person
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, PermissionDenied, ValidationError
from desktop_app.people.records import (
    DuplicateSuspected,
    PersonFilter,
    PersonInput,
    RoleFilter,
    SortKey,
)


def helene(**over: object) -> PersonInput:
    data = PersonInput(
        nom="Martin", prenom="Hélène", sexe="f", date_naissance="12/03/1938",
        code_postal="34150", commune_insee="34267", telephone="04 67 57 00 01",
        gir=4, vit_seul=True, mobilite="canne",
    )
    for key, value in over.items():
        setattr(data, key, value)
    return data


def test_create_stores_clean_values(app, actor) -> None:
    detail = app.people.create(actor, helene())
    assert detail.commune_nom == "Saint-Jean-de-Fos"
    with app.db.read() as s:
        person = s.get(Person, detail.id)
        assert person.telephone == "+33467570001"
        assert person.commune_insee == "34267"
        assert person.date_naissance == dt.date(1938, 3, 12)
        assert person.last_contact_date == dt.date.today()
        entry = s.scalar(select(AuditEntry).where(AuditEntry.entity_id == detail.id))
        assert entry.action == "creation" and entry.user_id == actor.user_id


def test_every_bad_field_gets_its_french_message(app, actor) -> None:
    with pytest.raises(ValidationError) as err:
        app.people.create(actor, PersonInput(
            nom="", prenom="Paul", date_naissance="31/02/1950", telephone="123",
            code_postal="99999", email="paul@", gir=9,
        ))
    errors = err.value.errors
    assert errors["nom"] == "Le nom est obligatoire."
    assert "n'existe pas" in errors["date_naissance"]
    assert "téléphone" in errors["telephone"]
    assert errors["code_postal"] == "Aucune commune ne correspond au code postal 99999."
    assert "e-mail" in errors["email"]
    assert "GIR" in errors["gir"]
    with app.db.read() as s:
        assert s.scalar(select(Person.id)) is None


def test_shared_postal_code_asks_for_the_commune(app, actor) -> None:
    with pytest.raises(ValidationError) as err:
        app.people.create(actor, helene(commune_insee=None))
    assert "plusieurs" in err.value.errors["commune_insee"]
    single = app.people.create(actor, helene(code_postal="34200", commune_insee=None, nom="Sétois"))
    assert single.commune_nom == "Sète"


def test_duplicate_is_suspected_then_confirmed(app, actor) -> None:
    first = app.people.create(actor, helene())
    with pytest.raises(DuplicateSuspected) as err:
        app.people.create(actor, helene(prenom="Helene"))
    assert err.value.candidates[0].id == first.id
    assert err.value.candidates[0].reason == "Même nom et même date de naissance"
    with pytest.raises(DuplicateSuspected):  # fuzzy: one letter off, same birth date
        app.people.create(actor, helene(nom="Martins"))
    second = app.people.create(actor, helene(prenom="Helene"), confirm_duplicate=True)
    assert second.id != first.id


def test_different_person_is_not_a_duplicate(app, actor) -> None:
    app.people.create(actor, helene())
    other = app.people.create(actor, helene(nom="Garcia", prenom="Paul", date_naissance="01/01/1950"))
    assert other.display_name == "GARCIA Paul"


def test_update_with_stale_version_is_a_conflict(app, actor) -> None:
    detail = app.people.create(actor, helene())
    edited = app.people.update(actor, detail.id, detail.version_id, helene(telephone="06 12 34 56 78"))
    assert edited.data.telephone == "+33612345678"
    with pytest.raises(Conflict):
        app.people.update(actor, detail.id, detail.version_id, helene(prenom="Léna"))
    with app.db.read() as s:
        assert s.get(Person, detail.id).prenom == "Hélène"


def test_archive_hides_from_default_list_but_keeps_the_file(app, actor) -> None:
    detail = app.people.create(actor, helene())
    app.people.archive(actor, detail.id)
    assert app.people.list_ids(actor, PersonFilter()) == []
    assert app.people.list_ids(actor, PersonFilter(statut="archive")) == [detail.id]
    assert app.people.get(actor, detail.id).data.statut == "archive"


def test_search_ignores_case_and_accents(app, actor) -> None:
    h = app.people.create(actor, helene())
    g = app.people.create(actor, helene(nom="Garcia", prenom="Paul", date_naissance="01/01/1950",
                                        code_postal="34200", commune_insee="34301", telephone="06 11 22 33 44"))
    assert app.people.list_ids(actor, PersonFilter(text="helene")) == [h.id]
    assert app.people.list_ids(actor, PersonFilter(text="ST JEAN")) == [h.id]
    assert app.people.list_ids(actor, PersonFilter(text="sete")) == [g.id]
    assert app.people.list_ids(actor, PersonFilter(text="06 11 22")) == [g.id]
    assert app.people.list_ids(actor, PersonFilter(sort=SortKey.AGE)) == [g.id, h.id]
    rows = app.people.rows(actor, [h.id])
    assert rows[0].commune_nom == "Saint-Jean-de-Fos" and rows[0].gir == 4


def test_aidant_link_from_either_side_and_role_filter(app, actor) -> None:
    aide = app.people.create(actor, helene())
    aidant = app.people.create(actor, helene(prenom="Jean", sexe="h", date_naissance="02/07/1936",
                                             gir=None, est_beneficiaire=False))
    app.people.link_aidant(actor, aidant.id, aide.id, "conjoint")
    assert [v.person_id for v in app.people.get(actor, aide.id).aidants] == [aidant.id]
    assert [v.person_id for v in app.people.get(actor, aidant.id).aides] == [aide.id]
    assert app.people.list_ids(actor, PersonFilter(role=RoleFilter.AIDANT)) == [aidant.id]
    assert app.people.list_ids(actor, PersonFilter(role=RoleFilter.AIDE)) == [aide.id]
    assert app.people.rows(actor, [aidant.id])[0].roles == "Aidant"
    with pytest.raises(ValidationError, match="existe déjà"):
        app.people.link_aidant(actor, aidant.id, aide.id, "conjoint")
    with pytest.raises(ValidationError, match="propre aidante"):
        app.people.link_aidant(actor, aide.id, aide.id, "conjoint")


def test_filters_by_gir_and_commune(app, actor) -> None:
    a = app.people.create(actor, helene())
    b = app.people.create(actor, helene(nom="Roux", prenom="Léa", gir=6, date_naissance="01/05/1944"))
    c = app.people.create(actor, helene(nom="Bru", prenom="Max", gir=None, date_naissance="01/05/1945",
                                        code_postal="34200", commune_insee="34301"))
    assert app.people.list_ids(actor, PersonFilter(gir="1-4")) == [a.id]
    assert app.people.list_ids(actor, PersonFilter(gir="aucun")) == [c.id]
    assert app.people.list_ids(actor, PersonFilter(commune_insee="34267")) == sorted([a.id, b.id], key=lambda i: i != a.id)
    assert app.people.count(actor, PersonFilter()) == 3


def test_role_without_sensitive_access_sees_no_gir(app, actor) -> None:
    detail = app.people.create(actor, helene())
    with app.db.uow() as s:
        s.add(BenevoleAssignment(user_id=actor.user_id, person_id=detail.id))
    benevole = Actor(actor.user_id, "bene", "Bénévole", Role.BENEVOLE)
    seen = app.people.get(benevole, detail.id)
    assert seen.data.gir is None and seen.sensitive_hidden
    assert app.people.rows(benevole, [detail.id])[0].gir is None
    with pytest.raises(PermissionDenied):
        app.people.create(benevole, helene(nom="Autre"))
