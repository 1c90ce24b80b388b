"""The partners directory: stored values, SIRET check, search and filters, contacts, and
deletion refused while a partner is referenced."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry, Partner
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, PermissionDenied, Refused, ValidationError
from desktop_app.partners.records import ContactInput, FundingInput, PartnerFilter, PartnerInput
from desktop_app.people.records import PersonInput
from desktop_app.visits.records import OrientationInput, VisitInput


def carsat(**over: object) -> PartnerInput:
    data = PartnerInput(
        nom="Carsat Languedoc-Roussillon", type="caisse_retraite", roles=["financeur", "prescripteur"],
        adresse="29 cours Gambetta", code_postal="34000", commune_insee="34172",
        telephone="04 67 12 94 00", siret="732 829 320 00074",
    )
    for key, value in over.items():
        setattr(data, key, value)
    return data


def test_create_stores_clean_values_and_roles(app, actor) -> None:
    detail = app.partners.create(actor, carsat())
    assert detail.commune_nom == "Montpellier"
    assert detail.data.roles == ["financeur", "prescripteur"]
    assert detail.siret_display == "732 829 320 00074"
    with app.db.read() as s:
        row = s.get(Partner, detail.id)
        assert (row.siret, row.telephone) == ("73282932000074", "+33467129400")
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.entity == "partner")) == "creation"


def test_siret_with_a_wrong_key_is_refused_with_its_message(app, actor) -> None:
    with pytest.raises(ValidationError) as err:
        app.partners.create(actor, carsat(siret="73282932000075", nom=" ", type="inconnu", code_postal="3400"))
    assert err.value.errors == {
        "siret": "SIRET invalide : la clé de contrôle ne correspond pas. Vérifiez les 14 chiffres.",
        "nom": "Le nom du partenaire est obligatoire.",
        "type": "Choisissez le type de partenaire.",
        "code_postal": "Le code postal compte 5 chiffres (exemple : 34150).",
    }
    with pytest.raises(ValidationError) as err:
        app.partners.create(actor, carsat(siret="7328293200"))
    assert err.value.errors["siret"].startswith("Le SIRET compte 14 chiffres")
    assert app.partners.search(actor) == []


def test_search_is_folded_and_filters_by_type_and_role(app, actor) -> None:
    c = app.partners.create(actor, carsat())
    m = app.partners.create(actor, PartnerInput(nom="Mutualité Sociale Agricole (MSA) Languedoc",
                                                type="caisse_retraite", roles=["financeur"]))
    g = app.partners.create(actor, PartnerInput(nom="Gendarmerie de Gignac", type="gendarmerie_pompiers",
                                                roles=["relais"], code_postal="34150", commune_insee="34114"))
    names = lambda flt: [r.id for r in app.partners.search(actor, flt)]  # noqa: E731
    assert names(PartnerFilter(text="mutualite")) == [m.id]
    assert names(PartnerFilter(text="GIGNAC")) == [g.id]  # by commune too
    assert names(PartnerFilter(type="caisse_retraite")) == [c.id, m.id]
    assert names(PartnerFilter(role="relais")) == [g.id]
    assert app.partners.choices(actor, role="relais")[0] == (g.id, "Gendarmerie de Gignac")


def test_deleting_a_referenced_partner_is_refused_archive_instead(app, actor) -> None:
    clic = app.partners.create(actor, PartnerInput(nom="CLIC Cœur d'Hérault", type="clic_dac"))
    pid = app.people.create(actor, PersonInput(nom="Martin", prenom="Hélène")).id
    for _ in range(2):
        app.visits.log(actor, VisitInput(person_id=pid, date=dt.date.today(), duree=30,
                                         orientations=[OrientationInput(clic.id, "Bilan")]))
    app.funding.create(actor, FundingInput(financeur_id=clic.id, annee=2026, montant="500", action="Forum"))
    with pytest.raises(Refused) as err:
        app.partners.delete(actor, clic.id)
    assert err.value.message_fr == (
        "« CLIC Cœur d'Hérault » ne peut pas être supprimé : il est cité dans 2 orientations de visites "
        "et 1 ligne de financement. Archivez-le plutôt : il disparaîtra des listes et l'historique restera intact."
    )
    app.partners.set_archived(actor, clic.id)
    assert app.partners.search(actor) == []
    assert [r.nom for r in app.partners.search(actor, PartnerFilter(include_archived=True))] == ["CLIC Cœur d'Hérault"]
    # a partner nothing refers to can go
    other = app.partners.create(actor, PartnerInput(nom="Doublon", type="association"))
    app.partners.delete(actor, other.id)
    with app.db.read() as s:
        assert s.get(Partner, other.id) is None


def test_contacts_and_edit_conflicts(app, actor) -> None:
    detail = app.partners.create(actor, carsat())
    contact = app.partners.add_contact(actor, detail.id, ContactInput(
        nom="Sophie Bernard", fonction="Chargée de prévention", telephone="0467129401",
        email="S.Bernard@carsat-lr.fr"))
    assert (contact.telephone, contact.email) == ("+33467129401", "s.bernard@carsat-lr.fr")
    with pytest.raises(ValidationError) as err:
        app.partners.add_contact(actor, detail.id, ContactInput(nom="", email="pas-un-mail"))
    assert set(err.value.errors) == {"nom", "email"}
    app.partners.update_contact(actor, contact.id, contact.version_id, ContactInput(nom="Sophie Bernard-Roux"))
    assert [c.nom for c in app.partners.get(actor, detail.id).contacts] == ["Sophie Bernard-Roux"]
    edited = app.partners.update(actor, detail.id, detail.version_id, carsat(roles=["financeur"]))
    assert edited.data.roles == ["financeur"] and edited.version_id == detail.version_id + 1
    with pytest.raises(Conflict):
        app.partners.update(actor, detail.id, detail.version_id, carsat(nom="Carsat LR"))
    app.partners.delete_contact(actor, contact.id)
    assert app.partners.get(actor, detail.id).contacts == ()


def test_roles_without_partner_rights(app, actor) -> None:
    chauffeur = Actor(actor.user_id, "chauffeur", "Chauffeur", Role.CHAUFFEUR)
    with pytest.raises(PermissionDenied):
        app.partners.search(chauffeur)
    animateur = Actor(actor.user_id, "anim", "Animatrice", Role.ANIMATEUR)
    with pytest.raises(PermissionDenied):
        app.partners.create(animateur, carsat())
