"""The audit log: who changed what, when, from what to what; who viewed personal data.

Every ORM change to an audited model is recorded automatically by a flush hook, so no
service can forget. Services add explicit events for things that are not row changes
(logins, refusals, views of personal data, bulk imports).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import AuditEvent, WebSession
from canhgiac.db.base import utcnow

# Columns whose values never reach the audit log in clear.
SECRET_COLUMNS = frozenset({"password_hash", "token_hash", "session_hash"})
# Bookkeeping columns whose changes alone are not worth an audit row.
NOISE_COLUMNS = frozenset({"failed_logins", "locked_until", "last_login_at", "last_used_at"})
UNAUDITED_MODELS: tuple[type, ...] = (AuditEvent, WebSession)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user, a machine token, or the system (CLI without a user, jobs)."""

    name: str
    user_id: int | None = None
    agency_id: int | None = None
    ip: str | None = None


SYSTEM = Actor(name="system")


def set_actor(session: Session, actor: Actor) -> None:
    session.info["actor"] = actor


def current_actor(session: Session) -> Actor:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else SYSTEM


def record(
    session: Session,
    action: str,
    *,
    entity_type: str | None = None,
    entity_id: object = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str | None = None,
    actor: Actor | None = None,
) -> AuditEvent:
    who = actor or current_actor(session)
    ev = AuditEvent(
        at=utcnow(),
        actor_user_id=who.user_id,
        actor=who.name,
        agency_id=who.agency_id,
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        before=before,
        after=after,
        ip=who.ip,
        detail=detail,
    )
    session.add(ev)
    return ev


def record_personal_data_view(
    session: Session, *, entity_type: str, entity_id: object, fields: Iterable[str]
) -> None:
    """Decree 13/2023: every view of a reporter's personal data is recorded."""
    record(
        session,
        "personal_data.view",
        entity_type=entity_type,
        entity_id=entity_id,
        detail=",".join(sorted(fields)),
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _shown(column: str, value: Any) -> Any:
    if column in SECRET_COLUMNS or column.endswith("_encrypted"):
        return "***" if value is not None else None
    return _jsonable(value)


def _snapshot(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: _shown(attr.key, getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if not hist.has_changes() or attr.key in NOISE_COLUMNS:
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        before[attr.key] = _shown(attr.key, old)
        after[attr.key] = _shown(attr.key, new)
    return before, after


def _entity(obj: Any) -> tuple[str, str]:
    # After a flush new rows have their keys, but the identity is assigned only later.
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    ident = ",".join(str(part) for part in key if part is not None)
    return type(obj).__tablename__, ident


def _audit_flush(session: Session, _flush_context: Any) -> None:
    rows: list[dict[str, Any]] = []
    actor = current_actor(session)
    now = utcnow()

    def add(
        action: str, obj: Any, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        entity_type, entity_id = _entity(obj)
        rows.append(
            {
                "at": now,
                "actor_user_id": actor.user_id,
                "actor": actor.name,
                "agency_id": actor.agency_id,
                "action": f"{entity_type}.{action}",
                "entity_type": entity_type,
                "entity_id": entity_id,
                "before": before,
                "after": after,
                "ip": actor.ip,
                "detail": None,
            }
        )

    for obj in session.new:
        if not isinstance(obj, UNAUDITED_MODELS):
            add("create", obj, None, _snapshot(obj))
    for obj in session.dirty:
        if isinstance(obj, UNAUDITED_MODELS) or not session.is_modified(obj):
            continue
        before, after = _changes(obj)
        if after or before:
            add("update", obj, before, after)
    for obj in session.deleted:
        if not isinstance(obj, UNAUDITED_MODELS):
            add("delete", obj, _snapshot(obj), None)
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


_installed = False


def install_change_auditing() -> None:
    """Hook every Session's flushes once per process."""
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _audit_flush)
        _installed = True


def list_events(
    session: Session,
    *,
    action: str | None = None,
    actor: str | None = None,
    entity_type: str | None = None,
    entity_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    agency_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action.startswith(action))
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if since:
        query = query.where(AuditEvent.at >= since)
    if until:
        query = query.where(AuditEvent.at < until)
    if agency_id is not None:
        query = query.where(AuditEvent.agency_id == agency_id)
    return list(session.scalars(query.limit(min(limit, 10_000)).offset(offset)))


def event_to_dict(ev: AuditEvent) -> dict[str, Any]:
    return {
        "id": ev.id,
        "at": ev.at.isoformat(),
        "actor": ev.actor,
        "actor_user_id": ev.actor_user_id,
        "agency_id": ev.agency_id,
        "action": ev.action,
        "entity_type": ev.entity_type,
        "entity_id": ev.entity_id,
        "before": ev.before,
        "after": ev.after,
        "ip": ev.ip,
        "detail": ev.detail,
    }
