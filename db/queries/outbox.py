"""Queries over the event outbox, read by the live feed and resumed streams."""

from __future__ import annotations

from collections.abc import Collection

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from db.models.outbox import Event


def events_after(
    after_id: int,
    *,
    topics: Collection[str] = (),
    alliance_id: int | None = None,
    within: str | None = None,
    include_regionless: bool = False,
    category: str | None = None,
    project_id: int | None = None,
) -> QuerySet[Event]:
    """Select events with id above `after_id` that match every given condition.

    `within` is a region code: it keeps events of that region and of every
    region under it (their codes start with it). `include_regionless` also
    keeps events with no region, which concern the whole city.
    """
    query = Event.filter(id__gt=after_id)
    if topics:
        query = query.filter(topic__in=list(topics))
    if alliance_id is not None:
        query = query.filter(alliance_id=alliance_id)
    if within:
        if include_regionless:
            query = query.filter(Q(region_code__startswith=within) | Q(region_code=""))
        else:
            query = query.filter(region_code__startswith=within)
    if category:
        query = query.filter(category=category)
    if project_id is not None:
        query = query.filter(project_id=project_id)
    return query.order_by("id")


async def latest_event_id() -> int:
    """Return the highest event id, or 0 when the outbox is empty."""
    row = await Event.all().order_by("-id").first().values_list("id", flat=True)
    return row or 0
