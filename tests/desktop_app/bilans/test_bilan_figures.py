"""The fixture's figures, worked out by hand (tests/bilan_fixture.py), against the JSON."""

from __future__ import annotations

import json

import pytest

from desktop_app.bilans import json_out
from desktop_app.bilans.service import period_of

M, S = "< 5", "masqué"  # masked below the threshold; masked so the first cannot be recomputed


def _section(data: dict, key: str) -> dict:  # type: ignore[type-arg]
    return next(s for s in data["sections"] if s["cle"] == key)


def _table(data: dict, section: str, key: str) -> dict:  # type: ignore[type-arg]
    return next(t for t in _section(data, section)["tableaux"] if t["cle"] == key)


def _figures(data: dict, section: str) -> dict:  # type: ignore[type-arg]
    return {f["libelle"]: f["valeur"] for f in _section(data, section)["chiffres"]}


@pytest.fixture
def data(app, actor, bilans, fixture_ids):  # type: ignore[no-untyped-def]
    bilan = bilans.compute(actor, period_of(2025), bilans.scope(actor, None))
    return json.loads(json_out.dumps(bilan))


def test_people_reached_and_breakdowns(data) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(data, "personnes")
    assert figs["Personnes touchées (uniques)"] == 12  # 1–12; 13 archived, 14 only in 2024
    assert figs["Âge moyen"] == 74.7  # 822 / 11 known ages, at 31/12/2025
    assert figs["dont nouvelles personnes"] == S  # 10 new, 2 known (1 visited and 3 present in 2024)
    rows = lambda key: [r[1] for r in _table(data, "personnes", key)["lignes"]]  # noqa: E731
    total = lambda key: _table(data, "personnes", key)["total"][-1]  # noqa: E731
    assert rows("sexe") == [7, M, M] and total("sexe") == 12  # 7 f, 4 h, 1 unknown
    assert rows("age") == [M] * 8 and total("age") == 12  # 1, 2, 2, 2, 2, 1, 1 and one unknown
    assert rows("gir") == [M, M, M]  # 4, 4, 4
    assert rows("vit_seul") == [5, M, M]  # 5 alone, 4 not, 3 unknown
    assert rows("profil") == [M, S]  # 1 aidant: the 11 others are masked too
    assert rows("nouveaux") == [S, M]
    communes = _table(data, "personnes", "communes")
    assert communes["lignes"] == [["34114", "Gignac", "34", 7], ["34079", "Clermont-l'Hérault", "34", M],
                                  ["34142", "Lodève", "34", M], ["", "Inconnu / non renseigné", "", M]]
    assert communes["total"][-1] == 12
    assert [r[1] for r in _table(data, "personnes", "departements")["lignes"]] == [S, M]  # 11 in 34, 1 unknown


def test_age_is_taken_on_the_last_day_of_the_period(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    # Person 2, born 31/12/1945, is 80 on 31/12/2025 but still 79 on 30/12/2025.
    import datetime as dt

    from sqlalchemy import select

    from db.models import Person
    from desktop_app.bilans.context import BilanContext
    from desktop_app.bilans.people_section import age_expr
    from desktop_app.bilans.records import Period, Scope

    with app.db.read() as s:
        for end, expected in ((dt.date(2025, 12, 31), 80), (dt.date(2025, 12, 30), 79)):
            ctx = BilanContext(s, actor, Period(dt.date(2025, 1, 1), end), Scope(), 5, None)
            assert s.scalar(select(age_expr(ctx)).where(Person.id == 2)) == expected


def test_ateliers(data) -> None:  # type: ignore[no-untyped-def]
    table = _table(data, "ateliers", "actions")
    # title, theme, axis, séances, hours, inscrits, unique, presences, rate, satisfaction, waiting list
    assert table["lignes"] == [
        ["Atelier mémoire", "Mémoire", 6, 3, 6.0, S, 6, 15, 83.3, 4.2, M],
        ["Café des aidants", "Soutien aux aidants", 5, 2, 4.0, M, M, 6, 83.3, None, M],
    ]
    assert table["total"] == ["Total", "", "", 5, 10.0, 9, 10, 21, None, None, M]
    figs = _figures(data, "ateliers")
    assert (figs["Séances réalisées"], figs["Participants uniques"], figs["Présences"]) == (5, 10, 21)
    sat = _table(data, "ateliers", "satisfaction")
    assert [r[1] for r in sat["lignes"]] == [0, 0, M, M, M] and sat["total"][1] == 5


def test_visits(data) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(data, "visites")
    assert figs["Contacts (visites, appels, permanences…)"] == 5
    assert figs["dont visites à domicile"] == 3
    assert figs["Personnes vues"] == M  # 4
    modes = _table(data, "visites", "modes")["lignes"]
    assert modes == [["Visite à domicile", 3], ["Téléphone", 2], ["Permanence", 0], ["API Bus", 0], ["Visio", 0]]
    objets = {r[0]: r[1] for r in _table(data, "visites", "objets")["lignes"]}
    assert (objets["Suivi"], objets["Évaluation"], objets["Convivialité"], objets["Répit"]) == (3, 1, 1, 0)


def test_funding(data) -> None:  # type: ignore[no-untyped-def]
    table = _table(data, "financements", "par_financeur")
    assert table["lignes"] == [["Carsat Sud", 0.0, 0.0, 8000.0, 0.0, 8000.0],
                               ["Département de l'Hérault", 0.0, 3000.0, 0.0, 0.0, 3000.0]]
    assert _figures(data, "financements")["Financements obtenus (accordés, versés, soldés)"] == 11000.0


def test_financeur_scope_keeps_only_its_actions(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    bilan = bilans.compute(actor, period_of(2025), bilans.scope(actor, "carsat sud"))
    data = json.loads(json_out.dumps(bilan))
    assert data["perimetre"]["financeur"] == "Carsat Sud"
    assert _figures(data, "personnes")["Personnes touchées (uniques)"] == 6  # present at action A
    assert [r[1] for r in _table(data, "personnes", "sexe")["lignes"]] == [M, M, 0]  # 4 f, 2 h
    assert [r[0] for r in _table(data, "ateliers", "actions")["lignes"]] == ["Atelier mémoire"]
    assert _section(data, "visites")["chiffres"] == []
    assert [r[0] for r in _table(data, "financements", "lignes")["lignes"]] == ["Carsat Sud"]


def test_dates_period(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    bilan = bilans.compute(actor, period_of(None, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), bilans.scope(actor, None))
    data = json.loads(json_out.dumps(bilan))
    # March 2025: S1, S2, S4 of action A (people 1–6) and no visit but person 13's (archived)
    assert _figures(data, "personnes")["Personnes touchées (uniques)"] == 6
    assert "année civile" in _section(data, "tournees")["notes"][0]
