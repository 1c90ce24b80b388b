"""Demo ateliers: a realistic year written on the people present, the same for a seed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from db.models import AtelierPresence, AtelierSatisfaction, Person
from desktop_app.app import Escale
from desktop_app.demo.ateliers import populate_ateliers

REF = dt.date(2026, 6, 15)


def _fill(app: Escale, n: int = 80) -> None:
    with app.db.uow() as s:
        s.add_all([Person(nom=f"Nom{i:03d}", prenom="Prénom", search_text=f"nom{i:03d}", sort_key=f"nom{i:03d}")
                   for i in range(n)])


def test_demo_year_of_ateliers(app, actor) -> None:
    _fill(app)
    summary = populate_ateliers(app.db, seed=3, reference_date=REF)
    assert summary.startswith("Ateliers : 12 actions,")
    rows = app.ateliers.actions.list_actions(actor)
    titles = {r.titre for r in rows}
    assert {"Café des aidants", "Numérique débutant : tablette et smartphone"} <= titles
    assert any(r.en_attente > 0 for r in rows)
    assert all(r.capacite is None or r.inscrits <= r.capacite for r in rows)
    figures = app.ateliers.figures_for(actor)
    held = [f for f in figures.values() if f.seances_realisees >= 4]
    assert held and all(0.4 < (f.taux_presence or 0) <= 1 for f in held)
    assert any(f.recettes > 0 for f in figures.values())
    future = next(r for r in rows if r.titre == "Sophrologie (printemps)")
    assert figures[future.id].seances_realisees == 0 and future.statut == "ouvert"
    with app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AtelierSatisfaction)) > 100
        assert s.scalar(select(func.count()).where(AtelierPresence.hors_inscription.is_(True))) > 0


def test_demo_is_deterministic_and_needs_people(tmp_path) -> None:
    counts = []
    for name in ("a", "b"):
        app = Escale.open(f"sqlite:///{tmp_path / name}.sqlite")
        _fill(app)
        counts.append(populate_ateliers(app.db, seed=5, reference_date=REF))
        app.close()
    assert counts[0] == counts[1]
    empty = Escale.open(f"sqlite:///{tmp_path / 'empty'}.sqlite")
    assert "aucune personne" in populate_ateliers(empty.db, seed=1, reference_date=REF)
    empty.close()


def test_demo_actions_are_funded_through_funding_lines(app, actor) -> None:
    from desktop_app.demo.partners import populate_partners
    from desktop_app.partners.records import PartnerInput

    _fill(app)
    populate_partners(app.db, seed=3, reference_date=REF)
    app.partners.create(actor, PartnerInput(nom="Mairie de Gignac", type="commune", roles=["lieu", "relais"]))
    populate_ateliers(app.db, seed=3, reference_date=REF)
    rows = {r.titre: r.id for r in app.ateliers.actions.list_actions(actor)}
    memoire = app.ateliers.actions.get(actor, rows["Atelier mémoire « Peps Eurêka »"])
    labels = [c.libelle for c in memoire.financements]
    assert any(x.startswith("Carsat Languedoc-Roussillon 2025 — 5\u202f300\u00a0€") for x in labels), labels
    assert memoire.data.financeur is None and memoire.lieu_partner_nom == "Mairie de Gignac"
    aidants = app.ateliers.actions.get(actor, rows["Café des aidants"])
    assert any(c.libelle.startswith("AG2R La Mondiale") for c in aidants.financements)
    assert all(app.ateliers.actions.get(actor, aid).financements for aid in rows.values())
