"""Password policy (CNIL 2022-100): accepted and refused examples with the French message
saying what is missing; the common-password list; temporary passwords; Argon2id."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from desktop_app.security import passwords
from desktop_app.security.passwords import common_passwords, core, problem, temporary_password

REAL_HASHER = passwords.hasher  # captured at import, before the suite swaps in a fast one


@pytest.mark.parametrize("password", [
    "Tulipe-Jaune-42",  # 15 characters, the four classes
    "Kx7m!Pq3rTz9",  # exactly 12, four classes
    "GrandPere1938Velo",  # 17 characters, upper + lower + digits, no special character
    "Bateau2Pêche7Nord",  # accented letters count as letters
    "le chat de ma voisine mange des souris",  # 7 different words
    "cinq-heures-du-soir-au-lavoir-de-Lodève",  # words split on hyphens too
])
def test_accepted(password: str) -> None:
    assert problem(password) is None


def test_short_password_says_how_many_characters_and_which_classes_are_missing() -> None:
    message = problem("Bonjour123")
    assert message is not None
    assert message.startswith("Mot de passe trop faible : il manque 2 caractères et un caractère spécial")
    assert "au moins 12 caractères avec majuscules, minuscules, chiffres et caractères spéciaux" in message
    assert "phrase d'au moins 7 mots" in message


def test_nearest_rule_is_the_one_explained() -> None:
    # 13 characters with three classes: one more character meets the 14-character rule.
    assert problem("Bonjour123456") == (
        "Mot de passe trop faible : il manque 1 caractère (au moins 14 caractères avec majuscules, "
        "minuscules et chiffres). Autres possibilités : au moins 12 caractères avec majuscules, "
        "minuscules, chiffres et caractères spéciaux, ou une phrase d'au moins 7 mots différents."
    )
    assert "il manque une majuscule et un chiffre" in problem("abcdefghijklmn")  # type: ignore[operator]


def test_short_form_for_the_live_hint() -> None:
    assert problem("Bonjour123", short=True) == (
        "Il manque 2 caractères et un caractère spécial comme ! ? - # ou une espace (au moins 12 "
        "caractères avec majuscules, minuscules, chiffres et caractères spéciaux).")
    assert problem("le chat de ma voisine", short=True) == (
        "Il manque 2 mots différents (une phrase d'au moins 7 mots différents).")


def test_twelve_characters_without_special_is_not_enough() -> None:
    assert "un caractère spécial" in problem("Abcdefgh1234")  # type: ignore[operator]


def test_passphrase_counts_different_words() -> None:
    assert problem("le chat de ma voisine") == (
        "Phrase de passe trop courte : il manque 2 mots différents (une phrase d'au moins 7 mots "
        "différents). Autre possibilité : au moins 12 caractères avec majuscules, minuscules, "
        "chiffres et caractères spéciaux."
    )
    assert "il manque" in problem("bleu bleu bleu bleu bleu bleu bleu")  # type: ignore[operator]


@pytest.mark.parametrize(("password", "base"), [
    ("Motdepasse123!", "motdepasse"),
    ("Azerty123456!", "azerty"),
    ("P@ssw0rd-2024", "password"),
    ("Marseille2024!!", "marseille"),
    ("Soleil!123456", "soleil"),
])
def test_common_passwords_refused_even_when_long_enough(password: str, base: str) -> None:
    assert problem(password) == (
        f"Ce mot de passe est construit sur « {base} », l'un des mots de passe les plus courants, "
        "que les pirates essaient en premier : choisissez-en un autre."
    )


def test_list_is_shipped_and_reduced() -> None:
    words = common_passwords()
    assert len(words) > 3000
    assert {"motdepasse", "azerty", "bonjour", "soleil", "ccas", "password"} <= words
    assert core("  Ch0c0lat!2024 ") == "chocolat"


def test_user_name_and_repetition_refused() -> None:
    assert problem("Mdupont-2024-Vélo", "mdupont") == "Le mot de passe ne doit pas contenir votre identifiant ni votre nom."
    assert problem("Velo-Dupont-2024", "mdupont", "Marie Dupont") is not None
    assert problem("Aa1!Aa1!Aa1!") == "Le mot de passe répète trop les mêmes caractères : il en faut au moins 6 différents."
    assert problem("") == "Saisissez un mot de passe."


def test_temporary_passwords_meet_the_policy_and_differ() -> None:
    made = {temporary_password() for _ in range(50)}
    assert len(made) == 50
    for pw in made:
        assert problem(pw) is None and len(pw) == 14 and pw.count("-") == 2


def test_production_hasher_is_argon2id_with_library_defaults() -> None:
    real = REAL_HASHER()
    default = PasswordHasher()
    assert real.type is Type.ID
    assert (real.time_cost, real.memory_cost) == (default.time_cost, default.memory_cost)
    assert real.hash("Tulipe-Jaune-42").startswith("$argon2id$")
