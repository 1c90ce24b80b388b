"""Phone numbers and e-mail addresses for demo people, stored as the form stores them.

Numbers are built inside ranges that ``phonenumbers`` accepts as valid French numbers
(landlines 04 67 / 04 99 / 04 34 of the Hérault, mobiles 06 00–06 89 except 06 39, and
07 50–07 89) and written in E.164 (« +33467570001 »), like ``normalize_phone`` does.
"""

from __future__ import annotations

import random

from desktop_app.text import fold

_LANDLINE_PREFIXES = ("467", "467", "467", "467", "467", "467", "499", "434")
_MAIL_DOMAINS = (
    "orange.fr", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "gmail.com", "gmail.com",
    "sfr.fr", "neuf.fr", "hotmail.fr", "yahoo.fr",
)


def _tail(rng: random.Random) -> str:
    """The last six digits."""
    return f"{rng.randrange(1_000_000):06d}"


def landline(rng: random.Random) -> str:
    """A Hérault landline, « +33467… »."""
    return f"+33{rng.choice(_LANDLINE_PREFIXES)}{_tail(rng)}"


def mobile(rng: random.Random) -> str:
    """A mobile number, « +336… » or « +337… », in allocated ranges only."""
    if rng.random() < 0.75:
        block = rng.randrange(90)
        if block == 39:  # 06 39 is not allocated to mobiles
            block = 38
        return f"+336{block:02d}{_tail(rng)}"
    return f"+337{rng.randrange(50, 90):02d}{_tail(rng)}"


def email(rng: random.Random, prenom: str, nom: str, birth_year: int) -> str:
    """« jean-pierre.fabre@orange.fr », or a variant with initial or year."""
    first = fold(prenom).replace(" ", "-")
    last = fold(nom).replace(" ", "")
    style = rng.random()
    if style < 0.55:
        local = f"{first}.{last}"
    elif style < 0.75:
        local = f"{first[0]}{last}"
    elif style < 0.9:
        local = f"{first}.{last}{birth_year % 100:02d}"
    else:
        local = f"{last}.{first}{rng.randint(1, 99)}"
    return f"{local}@{rng.choice(_MAIL_DOMAINS)}"
