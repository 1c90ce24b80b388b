"""The ateliers on PostgreSQL through the URL alone: generation, waiting list, attendance,
figures (grouped queries, year extraction for the per-séance price) and the timeline."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from sqlalchemy import select

from db.models import AtelierTheme, Person
from desktop_app.app import Escale
from desktop_app.ateliers.records import ActionInput, SeanceRule
from desktop_app.ateliers.timeline import timeline_entries

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)"),
]



def test_a_cycle_on_postgresql(pg_app: Escale) -> None:
    app, actor = pg_app, pg_app.local_actor()
    with app.db.uow() as s:
        people = [Person(nom=n, prenom=p, search_text=n.lower(), sort_key=n.lower())
                  for n, p in (("Martin", "Hélène"), ("Bernard", "Jean"), ("Dubois", "Odette"))]
        s.add_all(people)
        s.flush()
        a, b, c = (p.id for p in people)
        theme = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "activite_physique"))
    action = app.ateliers.actions.create(actor, ActionInput(
        titre="Équilibre", theme_id=theme, capacite=2, lieu="Gymnase", tarification="payant",
        tarif_unite="seance", prix_plein="3", prix_adherent="2"))
    rows = app.ateliers.seances.generate(actor, action.id, SeanceRule(
        premier_jour="28/10/2024", heure_debut="10:00", heure_fin="11:30", nombre=3))
    assert [r.debut.day for r in rows] == [28, 4, 18]  # 11 November skipped
    app.ateliers.memberships.add(actor, a, 2024, "29", "01/10/2024")
    for pid in (a, b, c):
        app.ateliers.registrations.register(actor, action.id, pid)
    regs = app.ateliers.registrations.list_registrations(actor, action.id)
    assert (regs.counts.inscrits, regs.counts.en_attente) == (2, 1)
    app.ateliers.attendance.set_seance(actor, rows[0].id, {a: "present", b: "present"})
    app.ateliers.attendance.set_seance(actor, rows[1].id, {a: "present", b: "absent"})
    f = app.ateliers.figures(actor, action.id)
    assert (f.seances_realisees, f.presences, f.retention) == (2, 3, 0.5)
    assert f.taux_presence == pytest.approx(3 / 4)
    assert f.recettes == Decimal("7.00")  # 2 + 3 + 2
    assert app.ateliers.actions.list_actions(actor, year=2024)[0].inscrits == 2
    assert len(timeline_entries(app.db, a)) == 4  # inscription, two séances, adhésion


def test_financeurs_and_partner_place_on_postgresql(pg_app: Escale) -> None:
    from desktop_app.partners.records import FundingInput, PartnerInput

    app, actor = pg_app, pg_app.local_actor()
    with app.db.read() as s:
        theme = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "memoire"))
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat", type="caisse_retraite", roles=["financeur"]))
    salle = app.partners.create(actor, PartnerInput(nom="Maison des associations", type="commune", roles=["lieu"]))
    lines = [app.funding.create(actor, FundingInput(financeur_id=carsat.id, annee=year, montant="1000", action="x"))
             for year in (2025, 2026)]
    action = app.ateliers.actions.create(actor, ActionInput(
        titre="Mémoire", theme_id=theme, lieu_partner_id=salle.id, financements=[lines[0].id, lines[1].id]))
    assert sorted(action.data.financements) == sorted(line.id for line in lines)
    data = action.data
    data.financements = [lines[1].id]
    again = app.ateliers.actions.update(actor, action.id, action.version_id, data)
    assert again.data.financements == [lines[1].id] and again.lieu_partner_nom == "Maison des associations"
