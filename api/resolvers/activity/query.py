"""Resolvers of activities and positions."""

from __future__ import annotations

from datetime import UTC, datetime

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.queries.activity import filter_activities, filter_positions
from domain.errors import InvalidInput


async def activities_page(
    *,
    region: str | None,
    project_id: int | None,
    alliance_id: int | None,
    hall_id: int | None,
    category: str | None,
    status: str | None,
    starts_from: datetime | None,
    starts_before: datetime | None,
    title_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    for name, value in (("startsFrom", starts_from), ("startsBefore", starts_before)):
        if value is not None and value.tzinfo is None:
            raise InvalidInput(
                f"{name} must carry a UTC offset, e.g. 2026-05-01T00:00:00+08:00",
                field=name,
            )
    if starts_from and starts_before and starts_from >= starts_before:
        raise InvalidInput(
            "startsFrom must be earlier than startsBefore", field="startsFrom"
        )
    # SQLite compares stored timestamps as text, which is right only when
    # both sides are in UTC.
    if starts_from is not None:
        starts_from = starts_from.astimezone(UTC)
    if starts_before is not None:
        starts_before = starts_before.astimezone(UTC)
    query = filter_activities(
        region=region,
        project_id=project_id,
        alliance_id=alliance_id,
        hall_id=hall_id,
        category=category,
        status=status,
        starts_from=starts_from,
        starts_before=starts_before,
        title_contains=title_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def positions_page(
    *,
    activity_id: int | None,
    region: str | None,
    has_places_left: bool | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_positions(
        activity_id=activity_id,
        region=region,
        has_places_left=has_places_left,
        name_contains=name_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)
