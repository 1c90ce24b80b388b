"""Demo partners, funding and visits: realistic volumes on the people already present,
deterministic for a seed, consistent with what the services derive."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from db.models import Person, Visit
from desktop_app.demo.partners import populate_partners
from desktop_app.demo.visits import populate_visits
from desktop_app.people.records import PersonInput
from desktop_app.visits.followup import refresh_followup

REF = dt.date.today()


def _people(app, actor, n: int = 40) -> None:
    for i in range(n):
        app.people.create(actor, PersonInput(
            nom=f"Demo{i:02d}", prenom="Test", sexe="f" if i % 3 else "h", code_postal="34150",
            commune_insee="34114", vit_seul=i % 2 == 0, fragilite_isolement=i % 5 == 0,
            est_benevole=i >= 36, est_beneficiaire=i < 36), confirm_duplicate=True)
    with app.db.uow() as s:  # files opened a year and a half ago
        for person in s.scalars(select(Person)):
            person.created_at = dt.datetime.combine(REF - dt.timedelta(days=540), dt.time(9))


def _snapshot(app) -> list[tuple]:
    with app.db.read() as s:
        return s.execute(select(Visit.person_id, Visit.date, Visit.mode, Visit.objet, Visit.resume)
                         .order_by(Visit.id)).all()


def test_a_year_of_visits_partners_and_funding(app, actor) -> None:
    _people(app, actor)
    summary = populate_partners(app.db, seed=3, reference_date=REF)
    assert summary.startswith("Partenaires :")
    names = [r.nom for r in app.partners.search(actor)]
    for expected in ("Carsat Languedoc-Roussillon", "MSA Languedoc", "Fondation de France",
                     "CLIC Cœur d'Hérault", "Mairie de Gignac", "Brigade de gendarmerie de Gignac"):
        assert expected in names
    assert app.funding.summary(actor, REF.year).total > 0
    assert populate_visits(app.db, seed=3, reference_date=REF).startswith("Visites :")
    with app.db.read() as s:
        count = s.scalar(select(func.count(Visit.id)))
        people = s.scalar(select(func.count(func.distinct(Visit.person_id))))
        first = s.scalar(select(func.min(Visit.date)))
    assert people == 36 and 36 * 8 < count < 36 * 60  # ~5,000 for 300 people
    assert first >= REF - dt.timedelta(days=365)
    # the follow-up dates are what the service would derive
    with app.db.uow() as s:
        before = s.execute(select(Person.id, Person.last_contact_date, Person.next_contact_due).order_by(Person.id)).all()
        for pid, *_ in before:
            refresh_followup(s, pid)
    with app.db.read() as s:
        after = s.execute(select(Person.id, Person.last_contact_date, Person.next_contact_due).order_by(Person.id)).all()
    assert [r for r in before if r[0] <= 36] == [r for r in after if r[0] <= 36]
    timeline = app.timeline.for_person(actor, 1)
    assert timeline[-1].title == "Visite à domicile — Évaluation"  # the first visit evaluates


def test_same_seed_same_visits(app, actor, tmp_path) -> None:
    from desktop_app.app import Escale

    _people(app, actor, 12)
    populate_partners(app.db, 5, REF)
    populate_visits(app.db, 5, REF)
    other = Escale.open(f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        _people(other, other.local_actor(), 12)
        populate_partners(other.db, 5, REF)
        populate_visits(other.db, 5, REF)
        assert _snapshot(other) == _snapshot(app)
    finally:
        other.close()
