from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.formatting import amount_fr, date_fr
from desktop_app.text import fold
from desktop_app.validation import (
    FieldError,
    format_phone,
    normalize_email,
    normalize_phone,
    parse_amount,
    parse_birth_date,
    parse_date,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("22/11/2026", dt.date(2026, 11, 22)), ("1-2-1940", dt.date(1940, 2, 1)),
     ("2026-11-22", dt.date(2026, 11, 22)), ("", None)],
)
def test_dates_in_french_formats(typed: str, expected: dt.date | None) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/1950", "12/13/1950", "hier", "12/03"])
def test_impossible_dates_are_refused_in_french(typed: str) -> None:
    with pytest.raises(FieldError, match="Date invalide"):
        parse_date(typed)


def test_birth_date_in_future_or_too_old() -> None:
    today = dt.date(2026, 11, 22)
    with pytest.raises(FieldError, match="futur"):
        parse_birth_date("01/01/2027", today)
    with pytest.raises(FieldError, match="120 ans"):
        parse_birth_date("01/01/1900", today)
    assert parse_birth_date("01/01/1930", today) == dt.date(1930, 1, 1)


@pytest.mark.parametrize(
    ("typed", "e164"),
    [("06 12 34 56 78", "+33612345678"), ("04.67.57.00.01", "+33467570001"),
     ("+33 6 12 34 56 78", "+33612345678"), ("0262 12 34 56", "+262262123456")],
)
def test_french_phones_normalised(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize("typed", ["123", "06 12 34", "+44 20 7946 0958", "abcdefghij"])
def test_non_french_phones_refused(typed: str) -> None:
    with pytest.raises(FieldError):
        normalize_phone(typed)


def test_phone_displayed_in_french_format() -> None:
    assert format_phone("+33612345678") == "06 12 34 56 78"


def test_email() -> None:
    assert normalize_email(" Marie.Dupont@Exemple.FR ") == "marie.dupont@exemple.fr"
    for bad in ["marie@", "marie.exemple.fr", "a@b", "a..b@c.fr"]:
        with pytest.raises(FieldError, match="e-mail"):
            normalize_email(bad)


def test_amounts_in_french_format() -> None:
    assert parse_amount("1 234,50") == Decimal("1234.50")
    assert parse_amount("1 234,50 €") == Decimal("1234.50")
    assert parse_amount("90") == Decimal("90.00")
    with pytest.raises(FieldError, match="Montant invalide"):
        parse_amount("douze")
    assert amount_fr(Decimal("1234.5")) == "1\u202f234,50 €"


def test_fold_ignores_case_accents_and_abbreviations() -> None:
    assert fold("Hélène") == "helene"
    assert fold("ST JEAN") == "saint jean"
    assert fold("Saint-Jean-de-Fos") == "saint jean de fos"
    assert fold("Cœur") == "coeur"
    assert date_fr(dt.date(2026, 11, 22)) == "22/11/2026"
