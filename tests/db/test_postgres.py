"""The same code on PostgreSQL, through the URL alone (ESCALE_TEST_PG_URL; CI starts a
throwaway server with .ci/start-postgres)."""

from __future__ import annotations

import os

import pytest

from desktop_app.app import Escale
from desktop_app.people.records import DuplicateSuspected, PersonFilter, PersonInput

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)"),
]



def test_people_file_works_on_postgresql(pg_app: Escale) -> None:
    actor = pg_app.local_actor()
    data = PersonInput(nom="Martin", prenom="Hélène", sexe="f", date_naissance="12/03/1938",
                       code_postal="34150", commune_insee="34267", telephone="04 67 57 00 01", gir=4)
    created = pg_app.people.create(actor, data)
    assert created.commune_nom == "Saint-Jean-de-Fos"
    with pytest.raises(DuplicateSuspected):
        pg_app.people.create(actor, data)
    assert pg_app.people.list_ids(actor, PersonFilter(text="ST JEAN")) == [created.id]
    assert pg_app.people.list_ids(actor, PersonFilter(text="helene", gir="1-4")) == [created.id]
    edited = pg_app.people.update(actor, created.id, created.version_id, data)
    assert edited.version_id == created.version_id  # nothing changed, no new version
    pg_app.people.archive(actor, created.id)
    assert pg_app.people.list_ids(actor, PersonFilter()) == []
    # Upgrading again is a no-op: the schema is at head.
    again = Escale.open(PG_URL)
    assert again.people.count(actor, PersonFilter(statut=None)) == 1
    again.close()
