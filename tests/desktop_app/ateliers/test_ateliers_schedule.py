"""Séance generation: French public holidays and excluded dates are skipped and do not
count; fortnightly and monthly rules; the rule's own mistakes get French messages."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.ateliers.records import SeanceRule
from desktop_app.ateliers.schedule import describe, generate_dates, holiday_name
from desktop_app.ateliers.validate import clean_rule, parse_time
from desktop_app.errors import ValidationError
from desktop_app.validation import FieldError

D = dt.date


def dates(**kw: object) -> tuple[list[dt.date], list[tuple[dt.date, str]]]:
    return generate_dates(clean_rule(SeanceRule(**kw)))  # type: ignore[arg-type]


def test_weekly_monday_cycle_skips_easter_monday_and_keeps_its_count() -> None:
    kept, skipped = dates(premier_jour="18/03/2024", nombre=4)
    assert kept == [D(2024, 3, 18), D(2024, 3, 25), D(2024, 4, 8), D(2024, 4, 15)]
    assert skipped == [(D(2024, 4, 1), "jour férié (Lundi de Pâques)")]


def test_weekly_monday_cycle_skips_armistice_and_an_excluded_date() -> None:
    kept, skipped = dates(premier_jour="28/10/2024", nombre=3, dates_exclues=["04/11/2024"])
    assert kept == [D(2024, 10, 28), D(2024, 11, 18), D(2024, 11, 25)]
    assert skipped == [(D(2024, 11, 4), "date exclue"), (D(2024, 11, 11), "jour férié (Armistice)")]


def test_start_date_moves_to_the_chosen_weekday_and_stops_at_the_end_date() -> None:
    # Wednesday 1 May 2024 is the Fête du Travail; the cycle starts on a Sunday.
    kept, skipped = dates(premier_jour="28/04/2024", jour_semaine=2, jusqu_au="22/05/2024")
    assert kept == [D(2024, 5, 15), D(2024, 5, 22)]
    assert [d for d, _ in skipped] == [D(2024, 5, 1), D(2024, 5, 8)]  # Travail, Victoire


def test_fortnightly_rule() -> None:
    kept, _ = dates(frequence="quinzaine", premier_jour="07/01/2025", nombre=3)
    assert kept == [D(2025, 1, 7), D(2025, 1, 21), D(2025, 2, 4)]


def test_monthly_rule_keeps_the_rank_of_the_weekday() -> None:
    kept, _ = dates(frequence="mensuelle", premier_jour="14/01/2025", nombre=3)  # 2nd Tuesday
    assert kept == [D(2025, 1, 14), D(2025, 2, 11), D(2025, 3, 11)]
    kept, _ = dates(frequence="mensuelle", premier_jour="30/01/2025", nombre=2)  # 5th Thursday
    assert kept == [D(2025, 1, 30), D(2025, 2, 27)]  # February has none: its last Thursday


def test_rule_times_are_applied() -> None:
    rule = clean_rule(SeanceRule(premier_jour="06/01/2025", heure_debut="9h30", heure_fin="11h", nombre=1))
    assert (rule.heure_debut, rule.heure_fin) == (dt.time(9, 30), dt.time(11, 0))
    assert describe(rule) == "Chaque lundi de 09:30 à 11:00 à partir du 06/01/2025, 1 séance"


def test_holiday_names_are_french() -> None:
    assert holiday_name(D(2026, 7, 14)) == "Fête nationale"
    assert holiday_name(D(2026, 7, 15)) is None


def test_bad_rules_get_french_messages() -> None:
    with pytest.raises(ValidationError) as err:
        clean_rule(SeanceRule(premier_jour="", heure_debut="16:00", heure_fin="14:00"))
    errors = err.value.errors
    assert errors["premier_jour"] == "Indiquez la date de la première séance."
    assert errors["heure_fin"] == "L'heure de fin (14:00) doit être après l'heure de début (16:00)."
    assert errors["nombre"] == "Indiquez un nombre de séances ou une date de fin."
    with pytest.raises(ValidationError) as err:
        clean_rule(SeanceRule(premier_jour="10/03/2025", jusqu_au="01/03/2025"))
    assert err.value.errors["jusqu_au"] == "La date de fin (01/03/2025) est avant la première séance (10/03/2025)."
    with pytest.raises(ValidationError) as err:
        clean_rule(SeanceRule(premier_jour="06/01/2025", nombre=5), cycle=(D(2025, 1, 13), D(2025, 6, 30)))
    assert err.value.errors["premier_jour"] == "La première séance (06/01/2025) est avant le début du cycle (13/01/2025)."


def test_cycle_end_bounds_a_rule_without_count() -> None:
    rule = clean_rule(SeanceRule(premier_jour="06/01/2025"), cycle=(None, D(2025, 1, 20)))
    assert generate_dates(rule)[0] == [D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 20)]


@pytest.mark.parametrize("text", ["25h", "14:75", "midi"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(FieldError, match="Heure invalide"):
        parse_time(text)
