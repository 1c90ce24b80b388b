"""The demo database: deterministic, realistic, valid for every rule the forms enforce,
and searchable the way the GUI tests search it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

from db.engine import sqlite_url
from db.enums import CaisseRetraite, Mobilite, RelationAidant, SourceOrientation, StatutPersonne
from desktop_app.app import Escale
from desktop_app.communes import get_registry
from desktop_app.demo import REFERENCE_DATE, write_demo_database
from desktop_app.people.records import PersonFilter, RoleFilter
from desktop_app.validation import age_on, normalize_email

PHONE_COLUMNS = ("telephone", "telephone2", "urgence_telephone")


def rows(path: Path, table: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_database(path, people=300, seed=1)
    return path


@pytest.fixture(scope="module")
def people(demo: Path) -> list[dict[str, Any]]:
    return rows(demo, "person")


@pytest.fixture(scope="module")
def links(demo: Path) -> list[dict[str, Any]]:
    return rows(demo, "aidant_link")


def test_summary_line(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    summary = write_demo_database(path, people=300, seed=1)
    links = rows(path, "aidant_link")
    aidants = len({link["aidant_id"] for link in links})
    people_line, *others = summary.splitlines()
    tournees_line = next(line for line in others if line.startswith("Tournées"))
    accounts_line = next(line for line in others if "comptes de démonstration" in line)
    assert people_line == (
        f"Base de démonstration écrite : {path.resolve()} (300 personnes, {aidants} aidants liés, 12 communes)"
    )
    assert tournees_line.startswith("Tournées : 1 véhicule, 15 communes conventionnées")
    assert "mot de passe" in accounts_line
    assert others[-1].startswith("Données personnelles : ")


def test_same_seed_same_rows_other_seed_other_rows(tmp_path: Path, demo: Path) -> None:
    again, other = tmp_path / "again.sqlite", tmp_path / "other.sqlite"
    write_demo_database(again, people=300, seed=1)
    write_demo_database(other, people=300, seed=2)
    for table in ("person", "aidant_link"):
        assert rows(again, table) == rows(demo, table)
        assert rows(other, table) != rows(demo, table)


def test_counts_and_roles(people: list[dict[str, Any]], links: list[dict[str, Any]]) -> None:
    assert len(people) == 300
    assert [p["id"] for p in people] == list(range(1, 301))
    beneficiaires = [p for p in people if p["est_beneficiaire"]]
    benevoles = [p for p in people if p["est_benevole"]]
    assert 0.7 * 300 <= len(beneficiaires) <= 0.9 * 300
    assert 0.02 * 300 <= len(benevoles) <= 0.09 * 300
    aides = {link["aide_id"] for link in links}
    assert 0.12 <= len(aides) / len(beneficiaires) <= 0.3  # about one in five has a proche aidant
    women = sum(p["sexe"] == "f" for p in people) / len(people)
    assert 0.55 <= women <= 0.7
    alone = sum(p["vit_seul"] == 1 for p in beneficiaires) / len(beneficiaires)
    assert 0.3 <= alone <= 0.55
    assert {p["statut"] for p in people} <= {str(s) for s in StatutPersonne}
    assert sum(p["statut"] == "actif" for p in people) > 0.85 * 300


def test_commune_of_every_person_is_in_the_registry(people: list[dict[str, Any]]) -> None:
    reg = get_registry()
    for p in people:
        commune = reg.by_insee(p["commune_insee"])
        assert commune is not None, p
        assert commune.departement == "34"
        assert commune.nom == p["commune_nom"]
        assert p["code_postal"] in commune.codes_postaux
    assert len({p["commune_insee"] for p in people}) == 12
    assert any(p["commune_nom"] == "Saint-Jean-de-Fos" for p in people)


def test_phones_are_valid_french_numbers_in_e164(people: list[dict[str, Any]]) -> None:
    seen = 0
    for p in people:
        for column in PHONE_COLUMNS:
            number = p[column]
            if number is None:
                continue
            seen += 1
            assert number.startswith("+33") and len(number) == 12, number
            parsed = phonenumbers.parse(number, "FR")
            assert phonenumbers.is_valid_number(parsed), number
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
    assert seen > 300


def test_values_pass_the_form_rules(people: list[dict[str, Any]]) -> None:
    for p in people:
        if p["email"]:
            assert normalize_email(p["email"]) == p["email"]
        assert p["caisse_retraite"] is None or p["caisse_retraite"] in {str(c) for c in CaisseRetraite}
        assert p["mobilite"] is None or p["mobilite"] in {str(m) for m in Mobilite}
        source = p["source_orientation"]
        assert source is None or source in {str(s) for s in SourceOrientation}
        assert p["civilite"] == ("mme" if p["sexe"] == "f" else "m")
        assert p["nom_naissance"] != p["nom"]
        if p["gir"] is None:
            assert p["gir_date"] is None and p["gir_evaluateur"] is None
        else:
            assert 1 <= p["gir"] <= 6 and p["gir_date"] and p["gir_evaluateur"]
            if p["gir"] <= 4:
                assert p["gir_evaluateur"] == "Équipe APA du Département"
        for column in ("consentement_date", "notice_date", "gir_date", "last_contact_date"):
            if p[column]:
                assert dt.date.fromisoformat(p[column]) <= REFERENCE_DATE
        created = dt.datetime.fromisoformat(p["created_at"])
        # files past the two-year retention period (for the Conservation page) were opened earlier
        oldest = 2000 if dt.date.fromisoformat(p["last_contact_date"]) < REFERENCE_DATE - dt.timedelta(days=730) else 731
        assert REFERENCE_DATE - dt.timedelta(days=oldest) <= created.date() <= REFERENCE_DATE
        assert created.date() <= dt.date.fromisoformat(p["last_contact_date"])
        assert (p["archived_at"] is not None) == (p["statut"] == "archive")


def test_ages(people: list[dict[str, Any]]) -> None:
    def age(p: dict[str, Any]) -> int:
        return age_on(dt.date.fromisoformat(p["date_naissance"]), REFERENCE_DATE)

    beneficiaires = [age(p) for p in people if p["est_beneficiaire"]]
    assert min(beneficiaires) >= 58 and max(beneficiaires) <= 99
    assert sum(75 <= a <= 95 for a in beneficiaires) / len(beneficiaires) > 0.7
    everyone = [age(p) for p in people]
    assert min(everyone) >= 18
    assert any(a < 50 for a in everyone)  # a few younger aidants and bénévoles
    assert all(1925 <= int(p["date_naissance"][:4]) <= 1968 for p in people if p["est_beneficiaire"])


def test_gir_and_mobility_spread(people: list[dict[str, Any]]) -> None:
    beneficiaires = [p for p in people if p["est_beneficiaire"]]
    girs = [p["gir"] for p in beneficiaires]
    light = sum(g in (5, 6, None) for g in girs) / len(girs)
    assert 0.65 <= light <= 0.92
    assert any(g in (1, 2) for g in girs) and any(g in (3, 4) for g in girs)
    mobility = [p["mobilite"] for p in beneficiaires]
    assert mobility.count("autonome") > len(mobility) / 2
    assert {"canne", "deambulateur", "fauteuil"} <= set(mobility)


def test_aidant_links_are_valid(people: list[dict[str, Any]], links: list[dict[str, Any]]) -> None:
    by_id = {p["id"]: p for p in people}
    pairs = set()
    for link in links:
        aidant, aide = by_id[link["aidant_id"]], by_id[link["aide_id"]]
        assert aidant["id"] != aide["id"]
        assert (aidant["id"], aide["id"]) not in pairs
        pairs.add((aidant["id"], aide["id"]))
        assert link["relation"] in {str(r) for r in RelationAidant}
        assert aide["est_beneficiaire"]
        assert link["depuis"] <= REFERENCE_DATE.isoformat()
        if link["relation"] == "conjoint":
            assert aidant["nom"] == aide["nom"]
            assert aidant["adresse"] == aide["adresse"]
    accompanied_aidants = [by_id[a] for a, _ in pairs if by_id[a]["est_beneficiaire"]]
    assert accompanied_aidants  # a spouse can be accompanied and the aidant of the other
    assert any(not by_id[a]["est_beneficiaire"] for a, _ in pairs)


def test_derived_columns_match_the_search_helpers(people: list[dict[str, Any]]) -> None:
    from db.models import Person
    from desktop_app.people.search import search_text_for, sort_key_for

    for p in people[:50]:
        person = Person(**{k: p[k] for k in ("nom", "prenom", "nom_naissance", "commune_nom", "telephone", "telephone2")})
        assert p["search_text"] == search_text_for(person)
        assert p["sort_key"] == sort_key_for(person)


def test_accents_and_showcase_names(people: list[dict[str, Any]]) -> None:
    prenoms = [p["prenom"] for p in people]
    assert sum("Hélène" in name for name in prenoms) >= 3
    for name in ("Françoise", "Géraldine", "Noël", "Bénédicte"):
        assert name in prenoms


def test_service_search_finds_folded_queries(demo: Path) -> None:
    app = Escale.open(sqlite_url(demo))
    try:
        actor = app.local_actor()
        helene = app.people.rows(actor, app.people.list_ids(actor, PersonFilter(text="helene")))
        assert sum("Hélène" in r.prenom for r in helene) >= 3
        st_jean = app.people.rows(actor, app.people.list_ids(actor, PersonFilter(text="ST JEAN")))
        assert any(r.commune_nom == "Saint-Jean-de-Fos" for r in st_jean)
        assert app.people.list_ids(actor, PersonFilter(role=RoleFilter.AIDANT))
        assert app.people.list_ids(actor, PersonFilter(role=RoleFilter.BENEVOLE))
    finally:
        app.close()


def test_large_file_spreads_over_the_herault(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite"
    summary = write_demo_database(path, people=2_000, seed=5)
    people = rows(path, "person")
    assert len(people) == 2_000
    communes = {p["commune_insee"] for p in people}
    assert len(communes) > 100
    reg = get_registry()
    assert all(reg.by_insee(insee).departement == "34" for insee in communes)  # type: ignore[union-attr]
    counts: dict[str, int] = {}
    for p in people:
        counts[p["commune_nom"]] = counts.get(p["commune_nom"], 0) + 1
    assert max(counts, key=lambda name: counts[name]) == "Montpellier"  # weighted by population
    assert f"{len(communes)} communes" in summary


def test_tiny_files(tmp_path: Path) -> None:
    for n in (1, 2, 7):
        path = tmp_path / f"tiny{n}.sqlite"
        write_demo_database(path, people=n, seed=1)
        assert len(rows(path, "person")) == n
    with pytest.raises(ValueError):
        write_demo_database(tmp_path / "zero.sqlite", people=0)


def test_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "exists.sqlite"
    path.write_bytes(b"not a database")
    with pytest.raises(FileExistsError) as info:
        write_demo_database(path, people=10)
    assert info.value.filename == str(path.resolve())
    assert path.read_bytes() == b"not a database"
    write_demo_database(path, people=10, force=True)
    assert len(rows(path, "person")) == 10
