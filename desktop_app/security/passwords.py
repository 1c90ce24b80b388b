"""Password policy (CNIL délibération n° 2022-100, case 1 « mot de passe seul », 80 bits),
Argon2id hashing and temporary passwords.

A password is accepted when it meets ONE of the three examples the recommendation gives:

1. at least 12 characters mixing upper case, lower case, digits and special characters;
2. at least 14 characters mixing upper case, lower case and digits (no special character
   required);
3. a passphrase of at least 7 words (counted here as 7 *different* words of two letters or
   more: a repeated word adds nothing an attacker has to guess).

Whatever the rule met, it is refused when it is built on one of the most common passwords
(resources/passwords/courants.txt, see its README), contains the user name, or repeats too
few different characters. Refusals say in French exactly what is missing.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher

from desktop_app.text import strip_accents

COMMON_LIST = Path(__file__).resolve().parents[2] / "resources" / "passwords" / "courants.txt"
MIN_LENGTH_4_CLASSES = 12
MIN_LENGTH_3_CLASSES = 14
MIN_PASSPHRASE_WORDS = 7
MIN_DISTINCT_CHARS = 6

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t", "€": "e"})
_EDGES = re.compile(r"^[^a-z]+|[^a-z]+$")
_WORD_SPLIT = re.compile(r"[\s\-_.,;:/+]+")

_UPPER = "une majuscule"
_LOWER = "une minuscule"
_DIGIT = "un chiffre"
_SPECIAL = "un caractère spécial comme ! ? - # ou une espace"


def hasher() -> PasswordHasher:
    """Argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile)."""
    return PasswordHasher()


def core(password: str) -> str:
    """What an attacker's dictionary sees: lower case, no accents, digits and symbols
    stripped from both ends, common letter substitutions undone (« P@ssw0rd2024! » →
    « password »). The common-password list is stored in this form."""
    text = strip_accents(password).lower().strip()
    return _EDGES.sub("", text).translate(_LEET)


@cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class _Classes:
    upper: bool
    lower: bool
    digit: bool
    special: bool

    @classmethod
    def of(cls, password: str) -> _Classes:
        return cls(
            upper=any(c.isupper() for c in password),
            lower=any(c.islower() for c in password),
            digit=any(c.isdigit() for c in password),
            special=any(not c.isalnum() for c in password),
        )


def passphrase_words(password: str) -> list[str]:
    """The different words (two letters or more) of a passphrase, folded."""
    seen: list[str] = []
    for token in _WORD_SPLIT.split(strip_accents(password).lower()):
        if sum(c.isalpha() for c in token) >= 2 and token not in seen:
            seen.append(token)
    return seen


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def _gap(length: int, need: int, missing: list[str]) -> tuple[int, str]:
    parts = []
    if length < need:
        parts.append(_plural(need - length, "caractère"))
    parts += missing
    return (max(0, need - length) + 2 * len(missing), _join(parts) if parts else "")


def _weakness(password: str, short: bool = False) -> str | None:
    """None if one of the three CNIL examples is met, else what is missing (French);
    ``short`` leaves out the other possibilities (the live hint under the field)."""
    length = len(password)
    cls = _Classes.of(password)
    words = passphrase_words(password)
    if len(words) >= MIN_PASSPHRASE_WORDS:
        return None
    missing_a = [n for n, ok in ((_UPPER, cls.upper), (_LOWER, cls.lower), (_DIGIT, cls.digit), (_SPECIAL, cls.special)) if not ok]
    missing_b = [n for n, ok in ((_UPPER, cls.upper), (_LOWER, cls.lower), (_DIGIT, cls.digit)) if not ok]
    if (length >= MIN_LENGTH_4_CLASSES and not missing_a) or (length >= MIN_LENGTH_3_CLASSES and not missing_b):
        return None
    rule_a = "au moins 12 caractères avec majuscules, minuscules, chiffres et caractères spéciaux"
    rule_b = "au moins 14 caractères avec majuscules, minuscules et chiffres"
    rule_c = "une phrase d'au moins 7 mots différents"
    if len(words) >= 3 and " " in password.strip():
        missing_words = MIN_PASSPHRASE_WORDS - len(words)
        words_text = f"{_plural(missing_words, 'mot')} différent{'s' if missing_words > 1 else ''}"
        if short:
            return f"Il manque {words_text} ({rule_c})."
        return f"Phrase de passe trop courte : il manque {words_text} ({rule_c}). Autre possibilité : {rule_a}."
    cost_a, text_a = _gap(length, MIN_LENGTH_4_CLASSES, missing_a)
    cost_b, text_b = _gap(length, MIN_LENGTH_3_CLASSES, missing_b)
    text, rule, others = (text_b, rule_b, f"{rule_a}, ou {rule_c}") if cost_b < cost_a else (
        text_a, rule_a, f"{rule_b}, ou {rule_c}")
    if short:
        return f"Il manque {text} ({rule})."
    return f"Mot de passe trop faible : il manque {text} ({rule}). Autres possibilités : {others}."


def problem(password: str, username: str = "", display_name: str = "", short: bool = False) -> str | None:
    """The French reason this password is refused, or None when it is acceptable
    (``short``: the nearest rule only, for the hint shown while typing)."""
    if not password:
        return "Saisissez un mot de passe."
    weakness = _weakness(password, short)
    if weakness:
        return weakness
    folded = strip_accents(password).lower()
    base = core(password)
    if base in common_passwords() or folded.replace(" ", "") in common_passwords():
        shown = base or folded
        return (
            f"Ce mot de passe est construit sur « {shown} », l'un des mots de passe les plus "
            "courants, que les pirates essaient en premier : choisissez-en un autre."
        )
    for name in (username, *display_name.split()):
        name = strip_accents(name or "").lower()
        if len(name) >= 4 and name in folded:
            return "Le mot de passe ne doit pas contenir votre identifiant ni votre nom."
    if len(passphrase_words(password)) < MIN_PASSPHRASE_WORDS and len(set(folded)) < MIN_DISTINCT_CHARS:
        return f"Le mot de passe répète trop les mêmes caractères : il en faut au moins {MIN_DISTINCT_CHARS} différents."
    return None


_ALPHABET_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: read aloud or copied by hand
_ALPHABET_LOWER = "abcdefghijkmnopqrstuvwxyz"  # no l
_ALPHABET_DIGIT = "23456789"  # no 0 or 1


def temporary_password() -> str:
    """A random password to hand over once (it must be changed at first login), in three
    groups easy to copy: « Kx7m-Pq3r-Tz9w » (14 characters, four classes, ≈ 70 bits)."""
    while True:
        groups = []
        for _ in range(3):
            chars = [secrets.choice(_ALPHABET_UPPER), secrets.choice(_ALPHABET_LOWER),
                     secrets.choice(_ALPHABET_DIGIT), secrets.choice(_ALPHABET_LOWER)]
            groups.append("".join(chars))
        candidate = "-".join(groups)
        if problem(candidate) is None:
            return candidate
