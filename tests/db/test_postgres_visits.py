"""Visits, veille, timeline, partners and funding on PostgreSQL through the URL alone
(ESCALE_TEST_PG_URL; CI starts a throwaway server with .ci/start-postgres)."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pytest

from desktop_app.app import Escale
from desktop_app.errors import Refused
from desktop_app.partners.records import FundingInput, PartnerFilter, PartnerInput
from desktop_app.people.records import PersonInput
from desktop_app.visits.records import OrientationInput, VisitInput

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)"),
]
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)



def test_visits_veille_partners_and_funding_on_postgresql(pg_app: Escale) -> None:
    actor = pg_app.local_actor()
    alone = pg_app.people.create(actor, PersonInput(nom="Seule", prenom="A", vit_seul=True,
                                                    date_naissance="01/01/1950")).id
    older = pg_app.people.create(actor, PersonInput(nom="Agee", prenom="B", date_naissance="01/01/1930")).id
    clic = pg_app.partners.create(actor, PartnerInput(nom="CLIC Cœur d'Hérault", type="clic_dac",
                                                      roles=["relais"], siret="73282932000074"))
    for pid in (older, alone):
        pg_app.visits.log(actor, VisitInput(person_id=pid, date=TODAY - 60 * DAY, duree="1h",
                                            note_confidentielle="Note", resume="Suivi",
                                            orientations=[OrientationInput(clic.id, "APA")]))
    assert pg_app.veille.current(actor).ids == [alone, older]
    assert pg_app.veille.counts(actor).sans_contact == 2
    entry = pg_app.timeline.for_person(actor, alone)[0]
    assert entry.confidential == "Note" and "CLIC" in entry.detail
    figures = pg_app.accueil.figures(actor)
    assert figures.veille == 2 and figures.new_people == 2
    assert [r.id for r in pg_app.partners.search(actor, PartnerFilter(text="coeur herault"))] == [clic.id]
    with pytest.raises(Refused):
        pg_app.partners.delete(actor, clic.id)
    for amount in ("1 234,50", "0,25"):
        pg_app.funding.create(actor, FundingInput(financeur_id=clic.id, annee=2026, montant=amount,
                                                  action="Forum", statut="verse"))
    assert pg_app.funding.summary(actor, 2026).total == Decimal("1234.75")
