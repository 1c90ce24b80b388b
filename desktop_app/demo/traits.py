"""Per-person traits of the demo file with plausible distributions.

Everything is drawn from the given ``random.Random`` and dated relative to
:data:`REFERENCE_DATE`, never to the clock, so one seed always gives the same file.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from desktop_app.communes import Commune
from desktop_app.demo.places import is_rural

REFERENCE_DATE = dt.date(2026, 11, 1)
HISTORY_DAYS = 730  # files were opened over the two years before the reference date
APA_TEAM = "Équipe APA du Département"

SOURCES = (
    ("famille", 20), ("mairie", 18), ("ccas", 15), ("clic", 12), ("admr", 10),
    ("travailleur_social", 10), ("medecin", 8), ("voisin", 4), ("spontane", 2), ("autre", 1),
)
_SOURCE_NAMES = tuple(s for s, _ in SOURCES)
_SOURCE_WEIGHTS = tuple(w for _, w in SOURCES)


def beneficiary_age(rng: random.Random) -> int:
    """58–99, mostly 75–95; a few younger people (disability, early dependency)."""
    if rng.random() < 0.08:
        return rng.randint(58, 74)
    return max(70, min(99, round(rng.gauss(84, 6))))


def birth_date(rng: random.Random, age: int) -> dt.date:
    """A birth date giving exactly ``age`` years on the reference date."""
    anniversary = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
    return anniversary - dt.timedelta(days=rng.randrange(1, 365))


def age_of(born: dt.date) -> int:
    ref = REFERENCE_DATE
    return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))


@dataclass(frozen=True)
class Pension:
    caisse: str | None
    complementaire: str | None
    evaluateur_5_6: str


def pension_for(rng: random.Random, commune: Commune, age: int) -> Pension:
    """Carsat for most, MSA in the villages, CNRACL for former local-government staff."""
    if age < 60:
        return Pension(None, None, APA_TEAM)
    roll = rng.random()
    msa = 0.33 if is_rural(commune) else 0.09
    if roll < msa:
        return Pension("msa", "Agrica" if rng.random() < 0.3 else None, "MSA Languedoc")
    if roll < msa + 0.08:
        return Pension("cnracl", "Ircantec" if rng.random() < 0.4 else None, APA_TEAM)
    if roll < msa + 0.13:
        return Pension("fonction_publique", None, APA_TEAM)
    if roll < msa + 0.18:
        return Pension("ssi", "Agirc-Arrco" if rng.random() < 0.5 else None, APA_TEAM)
    if roll < msa + 0.20:
        return Pension("autre", None, APA_TEAM)
    return Pension("carsat", "Agirc-Arrco" if rng.random() < 0.8 else None, "Carsat Languedoc-Roussillon")


@dataclass(frozen=True)
class Dependency:
    gir: int | None
    gir_date: dt.date | None
    gir_evaluateur: str | None
    mobilite: str


def dependency_for(rng: random.Random, age: int, pension: Pension) -> Dependency:
    """GIR mostly 5–6 or not evaluated, some 1–4 (APA); mobility follows the GIR."""
    heavy = max(0.03, min(0.45, 0.05 + (age - 70) * 0.012))
    roll = rng.random()
    if roll < heavy:
        gir: int | None = rng.choices((1, 2, 3, 4), weights=(1, 2, 3, 6))[0]
        evaluateur: str | None = APA_TEAM
    elif roll < heavy + 0.38:
        gir = 6 if rng.random() < 0.6 else 5
        evaluateur = pension.evaluateur_5_6
    else:
        gir = evaluateur = None
    gir_date = REFERENCE_DATE - dt.timedelta(days=rng.randint(20, 1100)) if gir else None
    if gir in (1, 2):
        mobilite = rng.choices(("fauteuil", "deambulateur"), weights=(7, 3))[0]
    elif gir in (3, 4):
        mobilite = rng.choices(
            ("deambulateur", "canne", "fauteuil", "autonome"), weights=(45, 35, 15, 5))[0]
    else:
        mobilite = rng.choices(
            ("autonome", "canne", "deambulateur", "fauteuil"), weights=(72, 20, 7, 1))[0]
    return Dependency(gir, gir_date, evaluateur, mobilite)


def source_for(rng: random.Random) -> str:
    return rng.choices(_SOURCE_NAMES, weights=_SOURCE_WEIGHTS)[0]


@dataclass(frozen=True)
class Timeline:
    created_at: dt.datetime
    updated_at: dt.datetime
    last_contact_date: dt.date
    consentement_date: dt.date | None
    notice_date: dt.date | None


def _at(rng: random.Random, day: dt.date) -> dt.datetime:
    """A working-hours moment on ``day``."""
    minutes = rng.randint(8 * 60 + 30, 17 * 60 + 45)
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60, rng.randrange(60)))


def timeline(rng: random.Random, consent_rate: float) -> Timeline:
    """File opened in the last two years, last contact since then, consent at opening."""
    opened = REFERENCE_DATE - dt.timedelta(days=rng.randint(1, HISTORY_DAYS))
    span = (REFERENCE_DATE - opened).days
    last = opened + dt.timedelta(days=min(span, int(span * rng.random() ** 0.4)))
    created = _at(rng, opened)
    updated = max(created, _at(rng, last))
    consent = notice = None
    if rng.random() < consent_rate:
        consent = opened
        notice = opened if rng.random() < 0.8 else min(last, opened + dt.timedelta(days=rng.randint(1, 20)))
    elif rng.random() < 0.5:
        notice = opened
    return Timeline(created, updated, last, consent, notice)


def status_for(rng: random.Random, age: int, archive_rate: float, dated: Timeline) -> tuple[str, dt.datetime | None]:
    """Actif for most; some archived (moved, went into care), a few deceased (the oldest)."""
    death = 0.0 if age < 75 else 0.01 + (age - 75) * 0.002
    roll = rng.random()
    if roll < death:
        return "decede", None
    if roll < death + archive_rate:
        return "archive", max(dated.updated_at, _at(rng, dated.last_contact_date))
    return "actif", None
