"""Likely duplicates of a new or edited person: same name and birth date, or a close
fuzzy match of the name (rapidfuzz) among people sharing the birth date or the start of
the name. Candidates are found with indexed SQL, scored in Python."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from db.models import Person
from desktop_app.people.records import DuplicateCandidate
from desktop_app.text import fold

FUZZY_THRESHOLD = 88.0


def find_duplicates(
    session: Session,
    nom: str,
    prenom: str,
    date_naissance: dt.date | None,
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[DuplicateCandidate]:
    wanted = f"{fold(nom)} {fold(prenom)}".strip()
    if not wanted:
        return []
    prefix = fold(nom)[:3]
    clauses: list[ColumnElement[bool]] = [Person.sort_key.like(f"{prefix}%")]
    if date_naissance is not None:
        clauses.append(Person.date_naissance == date_naissance)
    stmt = select(
        Person.id, Person.nom, Person.prenom, Person.nom_naissance, Person.date_naissance,
        Person.commune_nom, Person.sort_key,
    ).where(or_(*clauses)).limit(5000)
    found: list[DuplicateCandidate] = []
    for r in session.execute(stmt):
        if r.id == exclude_id:
            continue
        names = [r.sort_key]
        if r.nom_naissance:
            names.append(f"{fold(r.nom_naissance)} {fold(r.prenom)}")
        score = max(fuzz.token_sort_ratio(wanted, n) for n in names)
        same_birth = date_naissance is not None and r.date_naissance == date_naissance
        if same_birth and score >= 95:
            reason = "Même nom et même date de naissance"
        elif same_birth and score >= 75:
            reason = "Même date de naissance, nom proche"
        elif score >= FUZZY_THRESHOLD and (
            date_naissance is None or r.date_naissance is None or same_birth
            or abs(r.date_naissance.year - date_naissance.year) <= 1
        ):
            reason = "Nom très proche"
        else:
            continue
        found.append(DuplicateCandidate(
            id=r.id, display_name=f"{r.nom.upper()} {r.prenom}", date_naissance=r.date_naissance,
            commune_nom=r.commune_nom, reason=reason, score=score + (10 if same_birth else 0),
        ))
    found.sort(key=lambda c: -c.score)
    return found[:limit]
