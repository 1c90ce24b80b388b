"""Append-only audit trail with a hash chain: every entry includes the previous entry's
hash, so editing or deleting a row breaks :func:`verify`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import AuditEntry
from desktop_app.actor import Actor


def _digest(entry: AuditEntry) -> str:
    payload = json.dumps(
        [
            entry.prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            entry.user_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.person_id,
            entry.fields,
            entry.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


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
) -> AuditEntry:
    """Add an audit entry in the caller's unit of work (committed with the change itself)."""
    prev = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        at=utcnow(),
        user_id=actor.user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        person_id=person_id,
        fields=",".join(sorted(fields)),
        detail=detail,
        prev_hash=prev or "",
    )
    entry.entry_hash = _digest(entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_broken_id: int | None = None


def verify(session: Session) -> ChainCheck:
    prev = ""
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        count += 1
        if entry.prev_hash != prev or _digest(entry) != entry.entry_hash:
            return ChainCheck(False, count, entry.id)
        prev = entry.entry_hash
    return ChainCheck(True, count)
