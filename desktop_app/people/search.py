"""Listing and search of the people file, filtered and sorted in SQL.

The list asks for the ordered ids first (cheap: one indexed scan), then fetches the rows
it shows in pages; search folds case and accents on both sides (``desktop_app.text.fold``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.orm import Session

from db.models import AidantLink, Person
from desktop_app.people.records import PersonFilter, PersonRow, RoleFilter, SortKey
from desktop_app.text import digits, fold
from desktop_app.validation import age_on

_SORT_COLUMNS = {
    SortKey.NOM: (Person.sort_key,),
    SortKey.AGE: (Person.date_naissance,),
    SortKey.COMMUNE: (Person.commune_nom, Person.sort_key),
    SortKey.GIR: (Person.gir, Person.sort_key),
    SortKey.DERNIER_CONTACT: (Person.last_contact_date, Person.sort_key),
    SortKey.STATUT: (Person.statut, Person.sort_key),
}


def search_text_for(person: Person) -> str:
    """The folded text searched by the list: names, birth name, commune, phone digits."""
    parts = [person.nom, person.prenom, person.nom_naissance or "", person.commune_nom or ""]
    text = fold(" ".join(parts))
    phones = []
    for phone in (person.telephone, person.telephone2):
        if phone:
            num = digits(phone)
            phones += [num, "0" + num[2:] if num.startswith("33") else num]
    return " ".join([text, *phones]).strip()


def sort_key_for(person: Person) -> str:
    return f"{fold(person.nom)} {fold(person.prenom)}"[:220]


def apply_filter(stmt: Select, flt: PersonFilter) -> Select:  # type: ignore[type-arg]
    for token in fold(flt.text).split():
        stmt = stmt.where(Person.search_text.like(f"%{token}%"))
    if flt.statut:
        stmt = stmt.where(Person.statut == flt.statut)
    if flt.hide_archived:
        stmt = stmt.where(Person.statut != "archive")
    if flt.commune_insee:
        stmt = stmt.where(Person.commune_insee == flt.commune_insee)
    if flt.gir:
        if flt.gir == "aucun":
            stmt = stmt.where(Person.gir.is_(None))
        elif "-" in flt.gir:
            low, high = (int(x) for x in flt.gir.split("-"))
            stmt = stmt.where(Person.gir.between(low, high))
        else:
            stmt = stmt.where(Person.gir == int(flt.gir))
    role_clause = {
        RoleFilter.BENEFICIAIRE: Person.est_beneficiaire.is_(True),
        RoleFilter.BENEVOLE: Person.est_benevole.is_(True),
        RoleFilter.AIDANT: exists().where(AidantLink.aidant_id == Person.id),
        RoleFilter.AIDE: exists().where(AidantLink.aide_id == Person.id),
    }.get(flt.role)
    if role_clause is not None:
        stmt = stmt.where(role_clause)
    return stmt


def list_ids(
    session: Session,
    flt: PersonFilter,
    limit: int | None = None,
    extra: ColumnElement[bool] | None = None,
    scope: ColumnElement[bool] | None = None,
) -> list[int]:
    """Ordered ids of the matching people; with ``limit``, only the first ones (the list
    shows them at once, then asks for the rest). ``extra`` narrows the filter further;
    ``scope`` limits the ids to what the actor may see."""
    columns = _SORT_COLUMNS[flt.sort]
    order = [c.desc() if flt.descending else c.asc() for c in columns]
    if flt.sort == SortKey.AGE:  # age ascending = youngest first = latest birth date first
        order = [c.asc() if flt.descending else c.desc() for c in columns]
    stmt = apply_filter(select(Person.id), flt).order_by(*order, Person.id)
    if extra is not None:
        stmt = stmt.where(extra)
    if scope is not None:
        stmt = stmt.where(scope)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count(session: Session, flt: PersonFilter, scope: ColumnElement[bool] | None = None) -> int:
    from sqlalchemy import func

    stmt = apply_filter(select(func.count(Person.id)), flt)
    if scope is not None:
        stmt = stmt.where(scope)
    return session.scalar(stmt) or 0


def roles_label(est_beneficiaire: bool, est_benevole: bool, aidant: bool, aide: bool) -> str:
    roles = []
    if est_beneficiaire:
        roles.append("Bénéficiaire")
    if aidant:
        roles.append("Aidant")
    if aide:
        roles.append("Aidé")
    if est_benevole:
        roles.append("Bénévole")
    return ", ".join(roles)


def fetch_rows(session: Session, ids: Sequence[int], show_gir: bool, today: dt.date) -> list[PersonRow]:
    """Rows for the given ids, in the same order (missing ids are skipped)."""
    if not ids:
        return []
    is_aidant = exists().where(AidantLink.aidant_id == Person.id)
    is_aide = exists().where(AidantLink.aide_id == Person.id)
    stmt = select(
        Person.id, Person.nom, Person.prenom, Person.date_naissance, Person.commune_nom,
        Person.code_postal, Person.telephone, Person.gir, Person.statut,
        Person.est_beneficiaire, Person.est_benevole, is_aidant.label("aidant"),
        is_aide.label("aide"), Person.last_contact_date,
    ).where(Person.id.in_(list(ids)))
    by_id = {}
    for r in session.execute(stmt):
        by_id[r.id] = PersonRow(
            id=r.id, nom=r.nom, prenom=r.prenom, date_naissance=r.date_naissance,
            age=age_on(r.date_naissance, today) if r.date_naissance else None,
            commune_nom=r.commune_nom, code_postal=r.code_postal, telephone=r.telephone,
            gir=r.gir if show_gir else None, statut=r.statut,
            roles=roles_label(r.est_beneficiaire, r.est_benevole, bool(r.aidant), bool(r.aide)),
            last_contact_date=r.last_contact_date,
        )
    return [by_id[i] for i in ids if i in by_id]


def brief_matches(
    session: Session, text: str, limit: int = 20, scope: ColumnElement[bool] | None = None
) -> list[tuple[int, str]]:
    """(id, « NOM Prénom — Commune (âge) ») for pickers: active people matching the text."""
    flt = PersonFilter(text=text)
    stmt = apply_filter(
        select(Person.id, Person.nom, Person.prenom, Person.commune_nom, Person.date_naissance), flt
    ).order_by(Person.sort_key, Person.id).limit(limit)
    if scope is not None:
        stmt = stmt.where(scope)
    today = dt.date.today()
    out = []
    for r in session.execute(stmt):
        extra = r.commune_nom or ""
        if r.date_naissance:
            extra += f", {age_on(r.date_naissance, today)} ans"
        out.append((r.id, f"{r.nom.upper()} {r.prenom} — {extra}".rstrip(" —")))
    return out
