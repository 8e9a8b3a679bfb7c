"""Queries over registered volunteers."""

from __future__ import annotations

from datetime import date

from tortoise.queryset import QuerySet

from db.models.people import Volunteer


def filter_volunteers(
    *,
    region: str | None = None,
    status: str | None = None,
    brigade_id: int | None = None,
    registered_from: date | None = None,
    registered_to: date | None = None,
    name_contains: str | None = None,
) -> QuerySet[Volunteer]:
    """Filter volunteers. The registration range includes both end dates."""
    query = Volunteer.all()
    if region:
        query = query.filter(region__code__startswith=region)
    if status is not None:
        query = query.filter(status=status)
    if brigade_id is not None:
        query = query.filter(brigade_links__brigade_id=brigade_id)
    if registered_from is not None:
        query = query.filter(registered_on__gte=registered_from)
    if registered_to is not None:
        query = query.filter(registered_on__lte=registered_to)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query
