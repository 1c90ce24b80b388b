"""Append-only audit trail with a hash chain.

Every entry stores the previous entry's hash and its own hash over its content, so editing,
inserting or deleting a row breaks :func:`verify`. Two rows of ``app_setting`` complete it:

- ``audit.chain_head`` — id and hash of the last entry. Every writer updates this row
  *before* reading it, which takes the write lock (SQLite) or the row lock (PostgreSQL):
  concurrent writers queue up instead of forking the chain, and deleting the last entries
  is detected (the head no longer matches).
- ``audit.anchor`` — id and hash of the last entry removed by the retention purge; the chain
  is verified from there, so purging old entries keeps the rest verifiable.

Entries name the fields changed, never their values (health, GIR and notes are sensitive).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import AppSetting, AuditEntry
from desktop_app.actor import Actor
from desktop_app.errors import Refused

HEAD_KEY = "audit.chain_head"
ANCHOR_KEY = "audit.anchor"

_COLUMNS = (
    AuditEntry.id, AuditEntry.prev_hash, AuditEntry.at, AuditEntry.user_id, AuditEntry.action,
    AuditEntry.entity, AuditEntry.entity_id, AuditEntry.person_id, AuditEntry.fields,
    AuditEntry.detail, AuditEntry.entry_hash,
)


def _digest(prev_hash: str, at: dt.datetime, user_id: int | None, action: str, entity: str,
            entity_id: int | None, person_id: int | None, fields: str, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(timespec="microseconds"), user_id, action, entity, entity_id,
         person_id, fields, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _rowcount(result: object) -> int:
    return int(cast(CursorResult, result).rowcount or 0)  # type: ignore[type-arg]


def _read_json(session: Session, key: str) -> dict | None:  # type: ignore[type-arg]
    raw = session.scalar(select(AppSetting.value_json).where(AppSetting.key == key))
    return json.loads(raw) if raw else None


def _write_json(session: Session, key: str, value: dict) -> None:  # type: ignore[type-arg]
    text = json.dumps(value)
    if _rowcount(session.execute(update(AppSetting).where(AppSetting.key == key).values(value_json=text))) == 0:
        session.execute(insert(AppSetting).values(key=key, value_json=text))


def _lock_head(session: Session) -> tuple[int, str]:
    """Take the chain's write lock and return (id, hash) of the last entry."""
    locked = _rowcount(session.execute(
        update(AppSetting).where(AppSetting.key == HEAD_KEY).values(value_json=AppSetting.value_json)
    ))
    if locked:
        head = _read_json(session, HEAD_KEY) or {}
        return int(head.get("id", 0)), str(head.get("hash", ""))
    last = session.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    head_id, head_hash = (last[0], last[1]) if last else (0, "")
    _write_json(session, HEAD_KEY, {"id": head_id, "hash": head_hash})
    return head_id, head_hash


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None = None,
    *,
    person_id: int | None = None,
    fields: Iterable[str] = (),
    detail: str = "",
) -> int:
    """Add an audit entry in the caller's unit of work (committed with the change itself);
    returns its id."""
    return _append(session, actor, action, entity, [(entity_id, person_id)], fields, detail)


def record_many(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    targets: Sequence[tuple[int | None, int | None]],
    *,
    fields: Iterable[str] = (),
    detail: str = "",
) -> int:
    """One entry per (entity_id, person_id), written in one statement: an export or a
    printed list of 300 people is 300 entries, so each person's access history shows it.
    Returns the number of entries."""
    if targets:
        _append(session, actor, action, entity, targets, fields, detail)
    return len(targets)


def _append(
    session: Session, actor: Actor, action: str, entity: str,
    targets: Sequence[tuple[int | None, int | None]], fields: Iterable[str], detail: str,
) -> int:
    """Write the entries at the end of the chain; returns the last one's id."""
    _, prev = _lock_head(session)
    now = utcnow()
    field_text = ",".join(sorted(set(fields)))
    rows = []
    for entity_id, person_id in targets:
        entry_hash = _digest(prev, now, actor.user_id, action, entity, entity_id, person_id, field_text, detail)
        rows.append({
            "at": now, "user_id": actor.user_id, "action": action, "entity": entity, "entity_id": entity_id,
            "person_id": person_id, "fields": field_text, "detail": detail, "prev_hash": prev,
            "entry_hash": entry_hash,
        })
        prev = entry_hash
    session.execute(insert(AuditEntry), rows)
    last_id = session.scalar(select(func.max(AuditEntry.id)))  # the chain lock is held: it is ours
    _write_json(session, HEAD_KEY, {"id": last_id, "hash": prev})
    return int(last_id or 0)


def record_export(
    session: Session, actor: Actor, action: str, what: str, person_ids: Iterable[int], *, fmt: str = ""
) -> int:
    """Log an export (``action="export"``) or a print (``action="impression"``) of personal
    data: one entry per person concerned, ``what`` names the document (« liste des
    inscrits », « feuille de route »…), ``fmt`` the format (PDF, XLSX, JSON…)."""
    detail = f"{what} ({fmt})" if fmt else what
    targets = [(pid, pid) for pid in dict.fromkeys(person_ids)]
    return record_many(session, actor, action, "person", targets, detail=detail)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_broken_id: int | None = None
    reason: str = ""
    anchor_id: int | None = None

    @property
    def message(self) -> str:
        if self.ok:
            since = f" (depuis la purge de l'entrée n° {self.anchor_id})" if self.anchor_id else ""
            return f"Journal d'audit intact : {self.entries} entrées vérifiées{since}."
        return f"Journal d'audit altéré : {self.reason}"


def _check(session: Session, upto: int | None = None) -> ChainCheck:
    anchor = _read_json(session, ANCHOR_KEY)
    anchor_id = int(anchor["id"]) if anchor else None
    prev = str(anchor["hash"]) if anchor else ""
    previous_id = anchor_id
    stmt = select(*_COLUMNS).order_by(AuditEntry.id)
    if upto is not None:
        stmt = stmt.where(AuditEntry.id <= upto)
    count = 0
    for row in session.execute(stmt.execution_options(yield_per=5000)):
        count += 1
        (entry_id, prev_hash, at, user_id, action, entity, entity_id, person_id, fields, detail, entry_hash) = row
        if _digest(prev_hash, at, user_id, action, entity, entity_id, person_id, fields, detail) != entry_hash:
            return ChainCheck(False, count, entry_id, f"l'entrée n° {entry_id} a été modifiée.", anchor_id)
        if prev_hash != prev:
            after = f"l'entrée n° {previous_id}" if previous_id else "le début du journal"
            return ChainCheck(
                False, count, entry_id,
                f"l'entrée n° {entry_id} ne suit pas {after} : une entrée a été supprimée, "
                "insérée ou modifiée entre les deux.", anchor_id,
            )
        prev, previous_id = entry_hash, entry_id
    if upto is None:
        head = _read_json(session, HEAD_KEY)
        if head and head.get("hash") and head["hash"] != prev:
            return ChainCheck(
                False, count, int(head["id"]),
                f"les dernières entrées ont été supprimées (la dernière enregistrée portait le n° {head['id']}).",
                anchor_id,
            )
    return ChainCheck(True, count, anchor_id=anchor_id)


def verify(session: Session) -> ChainCheck:
    """Check the whole chain from the purge anchor to the head."""
    return _check(session)


def purge(session: Session, before: dt.datetime) -> int:
    """Delete the entries older than ``before`` (UTC) and move the anchor to the last one
    deleted. Refused when that part of the chain is already broken: the purge must not
    erase the evidence."""
    expired = select(func.max(AuditEntry.id)).where(AuditEntry.at < before)
    if session.scalar(expired) is None:  # the usual case at start-up: no write at all
        return 0
    _lock_head(session)
    last_old = session.scalar(expired)
    if last_old is None:
        return 0
    check = _check(session, upto=last_old)
    if not check.ok:
        raise Refused(f"Purge du journal suspendue pour garder la preuve — {check.message}")
    last_hash = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == last_old))
    deleted = _rowcount(session.execute(delete(AuditEntry).where(AuditEntry.id <= last_old)))
    _write_json(session, ANCHOR_KEY, {"id": last_old, "hash": last_hash, "before": before.isoformat()})
    return deleted
