"""Communes reference data (resources/communes) and its lookup API, against the real data."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from desktop_app.communes import (
    Commune,
    CommuneRegistry,
    get_registry,
    is_valid_postal_code_format,
)
from desktop_app.text import fold


@pytest.fixture(scope="module")
def reg() -> CommuneRegistry:
    return get_registry()


def names(communes: list[Commune]) -> list[str]:
    return [c.nom for c in communes]


def test_get_registry_is_a_singleton(reg: CommuneRegistry) -> None:
    assert get_registry() is reg


def test_count_is_the_whole_cog(reg: CommuneRegistry) -> None:
    # COG 2026: ~34,870 communes in France + DROM, plus the COM (Polynésie, Nouvelle-Calédonie...).
    assert 34_800 <= len(reg) <= 35_100
    assert len({c.insee for c in reg}) == len(reg)


def test_by_insee(reg: CommuneRegistry) -> None:
    sete = reg.by_insee("34301")
    assert sete is not None
    assert sete.nom == "Sète"
    assert sete.codes_postaux == ("34200",)
    assert sete.departement == "34"
    assert sete.population is not None and 40_000 < sete.population < 50_000
    assert sete.label == "Sète (34200)"
    ajaccio = reg.by_insee("2A004")
    assert ajaccio is not None and ajaccio.nom == "Ajaccio" and ajaccio.departement == "2A"
    assert reg.by_insee("2a004") == ajaccio
    abymes = reg.by_insee("97101")
    assert abymes is not None and abymes.departement == "971"
    assert reg.by_insee("00000") is None


def test_only_current_communes(reg: CommuneRegistry) -> None:
    # Arrondissements municipaux and communes déléguées are not communes of their own.
    assert reg.by_insee("75111") is None  # Paris 11e Arrondissement
    assert reg.by_insee("69381") is None  # Lyon 1er
    assert "Paris 11e Arrondissement" not in names(reg.search("paris 11"))


def test_postal_code_shared_by_several_communes(reg: CommuneRegistry) -> None:
    communes = reg.for_postal_code("34150")
    assert {"Gignac", "Aniane", "Saint-Jean-de-Fos", "Saint-Guilhem-le-Désert", "Puéchabon"} <= set(
        names(communes)
    )
    assert communes[0].nom == "Gignac"  # most populated first
    pops = [c.population or 0 for c in communes]
    assert pops == sorted(pops, reverse=True)
    in_34230 = names(reg.for_postal_code("34230"))
    assert in_34230[0] == "Paulhan"
    assert {"Saint-Pargoire", "Le Pouget", "Adissan"} <= set(in_34230)


def test_postal_code_single_commune(reg: CommuneRegistry) -> None:
    assert [(c.insee, c.nom) for c in reg.for_postal_code("34200")] == [("34301", "Sète")]
    assert [c.insee for c in reg.for_postal_code(" 34200 ")] == ["34301"]


@pytest.mark.parametrize(
    ("code_postal", "insee", "nom"),
    [
        ("75011", "75056", "Paris"),
        ("75001", "75056", "Paris"),
        ("75116", "75056", "Paris"),
        ("69003", "69123", "Lyon"),
        ("13008", "13055", "Marseille"),
    ],
)
def test_arrondissements_map_to_parent_commune(
    reg: CommuneRegistry, code_postal: str, insee: str, nom: str
) -> None:
    assert [(c.insee, c.nom) for c in reg.for_postal_code(code_postal)] == [(insee, nom)]


def test_paris_label_and_codes(reg: CommuneRegistry) -> None:
    paris = reg.by_insee("75056")
    assert paris is not None
    assert paris.label == "Paris (75001)"
    assert len(paris.codes_postaux) == 21  # 75001..75020 + 75116


def test_la_poste_is_authoritative_for_known_codes(reg: CommuneRegistry) -> None:
    # codes-postaux (DGFiP) also ties 13270 to Arles for a few border streets; La Poste
    # only to Fos-sur-Mer, which must stay the only (hence first) answer.
    assert names(reg.for_postal_code("13270")) == ["Fos-sur-Mer"]


def test_unknown_postal_code(reg: CommuneRegistry) -> None:
    assert reg.for_postal_code("99999") == []
    assert reg.for_postal_code("") == []
    assert reg.for_postal_code("abc") == []


def test_search_ignores_case_accents_hyphens_and_saint(reg: CommuneRegistry) -> None:
    assert reg.search("st jean de fos")[0].insee == "34267"
    assert reg.search("SAINT JEAN DE FOS")[0].nom == "Saint-Jean-de-Fos"
    assert reg.search("Saint-Jean-de-Fos")[0].nom == "Saint-Jean-de-Fos"
    assert reg.search("sete")[0].insee == "34301"
    assert reg.search("oeuilly")[0].nom == "Œuilly"


def test_search_ranking(reg: CommuneRegistry) -> None:
    # Exact / prefix matches before inner matches, then by population.
    assert names(reg.search("montpellier", 3)) == [
        "Montpellier",
        "Montpellier-de-Médillan",
        "Murviel-lès-Montpellier",
    ]
    assert reg.search("paris")[0].insee == "75056"
    assert reg.search("marseille")[0].insee == "13055"
    results = reg.search("st jean de", 200)
    is_prefix = [fold(c.nom).startswith("saint jean de") for c in results]
    n_prefix = sum(is_prefix)
    assert n_prefix > 50  # Saint-Jean-de-Braye, ..., and Saint-Jean-Delnous (typing prefix)
    assert all(is_prefix[:n_prefix])  # every prefix match before any inner match
    assert "Saint-Jean-Pied-de-Port" in names(results[n_prefix:])  # words in any position
    pops = [c.population or 0 for c in results[:n_prefix]]
    assert pops == sorted(pops, reverse=True)


def test_search_words_in_any_order(reg: CommuneRegistry) -> None:
    assert "Saint-Jean-de-Fos" in names(reg.search("jean fos"))


def test_search_limit_and_empty(reg: CommuneRegistry) -> None:
    assert len(reg.search("saint", limit=7)) == 7
    assert len(reg.search("saint")) == 20
    assert reg.search("") == []
    assert reg.search(" - ") == []
    assert reg.search("saint", limit=0) == []
    assert reg.search("xyzzyqwert") == []


def test_departement_name(reg: CommuneRegistry) -> None:
    assert reg.departement_name("34") == "Hérault"
    assert reg.departement_name("2A") == "Corse-du-Sud"
    assert reg.departement_name("2b") == "Haute-Corse"
    assert reg.departement_name("971") == "Guadeloupe"
    assert reg.departement_name("1") == "Ain"
    assert reg.departement_name("99") is None
    # Every commune's département is known.
    assert all(reg.departement_name(c.departement) for c in reg)


def test_every_commune_has_a_well_formed_postal_code(reg: CommuneRegistry) -> None:
    without = [c.insee for c in reg if not c.codes_postaux]
    assert len(without) <= 10  # only the TAAF districts (984xx)
    assert all(i.startswith("984") for i in without)
    assert all(is_valid_postal_code_format(cp) for c in reg for cp in c.codes_postaux)


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("34200", True),
        ("01000", True),
        ("3420", False),
        ("342000", False),
        ("34 200", False),
        ("2A004", False),
        ("", False),
        ("３４２００", False),
    ],
)
def test_is_valid_postal_code_format(code: str, ok: bool) -> None:
    assert is_valid_postal_code_format(code) is ok


def test_load_from_path(tmp_path: Path) -> None:
    gz = tmp_path / "communes.csv.gz"
    gz.write_bytes(
        gzip.compress(
            "insee;nom;codes_postaux;departement;population\n"
            "34301;Sète;34200;34;45337\n"
            "98411;Îles Saint-Paul et Nouvelle-Amsterdam;;984;\n".encode()
        )
    )
    small = CommuneRegistry.load(gz)
    assert len(small) == 2
    taaf = small.by_insee("98411")
    assert taaf is not None and taaf.population is None and taaf.codes_postaux == ()
    assert taaf.label == "Îles Saint-Paul et Nouvelle-Amsterdam"
    assert small.departement_name("34") is None  # no departements.csv next to it
    (tmp_path / "departements.csv").write_text("code;nom\n34;Hérault\n", encoding="utf-8")
    assert CommuneRegistry.load(gz).departement_name("34") == "Hérault"


def test_load_rejects_unexpected_header(tmp_path: Path) -> None:
    gz = tmp_path / "bad.csv.gz"
    gz.write_bytes(gzip.compress(b"code;name\n34301;Sete\n"))
    with pytest.raises(ValueError, match="header"):
        CommuneRegistry.load(gz)
