"""Resolvers of the staff's queue of service requests."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime

from tortoise.expressions import Q

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.models.enums import Role
from db.queries.request import (
    NO_ROWS,
    brigade_region_code,
    filter_service_requests,
    request_scope,
)
from domain.actor import Actor
from domain.errors import InvalidInput


async def staff_scope(actor: Actor) -> Q | None:
    """Return the condition on the requests `actor` may read, or None for all.

    A captain's scope costs one query, for the region of their brigade.
    """
    if actor.is_administrator:
        return None
    if actor.role is Role.CONVENER:
        return request_scope(alliance_id=actor.alliance_id)
    if actor.role is Role.CAPTAIN and actor.brigade_path:
        return request_scope(
            brigade_path=actor.brigade_path,
            region_code=await brigade_region_code(actor.brigade_path),
        )
    return NO_ROWS


async def service_requests_page(
    actor: Actor,
    *,
    statuses: Collection[str],
    category: str | None,
    region: str | None,
    brigade_id: int | None,
    alliance_id: int | None,
    submitted_from: datetime | None,
    submitted_before: datetime | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    bounds = (("submittedFrom", submitted_from), ("submittedBefore", submitted_before))
    for name, value in bounds:
        if value is not None and value.tzinfo is None:
            raise InvalidInput(
                f"{name} must carry a UTC offset, e.g. 2026-05-01T00:00:00+08:00",
                field=name,
            )
    if submitted_from and submitted_before and submitted_from >= submitted_before:
        raise InvalidInput(
            "submittedFrom must be earlier than submittedBefore", field="submittedFrom"
        )
    # SQLite compares stored timestamps as text, which is right only when
    # both sides are in UTC.
    if submitted_from is not None:
        submitted_from = submitted_from.astimezone(UTC)
    if submitted_before is not None:
        submitted_before = submitted_before.astimezone(UTC)
    query = filter_service_requests(
        scope=await staff_scope(actor),
        statuses=statuses,
        category=category,
        region=region,
        brigade_id=brigade_id,
        alliance_id=alliance_id,
        submitted_from=submitted_from,
        submitted_before=submitted_before,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)
