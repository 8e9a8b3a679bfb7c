"""Queries over activities and their positions."""

from __future__ import annotations

from datetime import datetime

from tortoise.expressions import F
from tortoise.queryset import QuerySet

from db.models.activity import Activity, Position


def filter_activities(
    *,
    region: str | None = None,
    project_id: int | None = None,
    alliance_id: int | None = None,
    hall_id: int | None = None,
    category: str | None = None,
    status: str | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    title_contains: str | None = None,
) -> QuerySet[Activity]:
    """Filter activities. The start range includes `starts_from` but not the end."""
    query = Activity.all()
    if region:
        query = query.filter(region__code__startswith=region)
    if project_id is not None:
        query = query.filter(project_id=project_id)
    if alliance_id is not None:
        query = query.filter(project__alliance_id=alliance_id)
    if hall_id is not None:
        query = query.filter(hall_id=hall_id)
    if category is not None:
        query = query.filter(project__category=category)
    if status is not None:
        query = query.filter(status=status)
    if starts_from is not None:
        query = query.filter(starts_at__gte=starts_from)
    if starts_before is not None:
        query = query.filter(starts_at__lt=starts_before)
    if title_contains:
        query = query.filter(title__contains=title_contains)
    return query


def filter_positions(
    *,
    activity_id: int | None = None,
    region: str | None = None,
    has_places_left: bool | None = None,
    name_contains: str | None = None,
) -> QuerySet[Position]:
    query = Position.all()
    if activity_id is not None:
        query = query.filter(activity_id=activity_id)
    if region:
        query = query.filter(activity__region__code__startswith=region)
    if has_places_left is True:
        query = query.filter(taken__lt=F("places"))
    elif has_places_left is False:
        query = query.filter(taken__gte=F("places"))
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query
