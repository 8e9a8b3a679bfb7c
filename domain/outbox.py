"""Write events and audit entries inside the transaction of the change.

Event ids must increase in commit order, or a subscriber that read up to
id N could later miss a smaller id committed after it. On PostgreSQL each
writer therefore takes one transaction-level advisory lock before inserting
its event, which orders event-writing transactions from insert to commit.
SQLite already runs one writing transaction at a time.
"""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from db.models.outbox import AuditEntry, Event
from domain.actor import Actor

# An arbitrary constant that names the event-order lock among advisory locks.
EVENT_ORDER_LOCK = 7_310_282


async def record_event(
    connection: BaseDBAsyncClient,
    *,
    topic: str,
    kind: str,
    object_id: int,
    region_code: str = "",
    alliance_id: int | None = None,
    project_id: int | None = None,
    category: str = "",
    payload: dict[str, Any] | None = None,
) -> Event:
    """Insert one event row; call it inside the transaction of the change.

    The payload goes to partner units: it must hold no personal data.
    """
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query(
            "SELECT pg_advisory_xact_lock($1)", [EVENT_ORDER_LOCK]
        )
    return await Event.create(
        topic=topic,
        kind=kind,
        object_id=object_id,
        region_code=region_code,
        alliance_id=alliance_id,
        project_id=project_id,
        category=category,
        payload=payload or {},
        using_db=connection,
    )


async def record_audit(
    connection: BaseDBAsyncClient,
    actor: Actor,
    *,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Insert one audit entry; the detail must hold no raw personal data."""
    return await AuditEntry.create(
        actor=actor.label,
        action=action,
        target=target,
        client_address=actor.client_address,
        detail=detail or {},
        using_db=connection,
    )
