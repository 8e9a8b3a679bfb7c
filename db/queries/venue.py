"""Queries over rural cultural halls."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from db.models.venue import Hall


def filter_halls(
    *,
    region: str | None = None,
    brigade_id: int | None = None,
    min_star_rating: int | None = None,
    name_contains: str | None = None,
) -> QuerySet[Hall]:
    """Filter halls. `region` matches the code of the hall's village by prefix."""
    query = Hall.all()
    if region:
        query = query.filter(village__code__startswith=region)
    if brigade_id is not None:
        query = query.filter(brigade_id=brigade_id)
    if min_star_rating is not None:
        query = query.filter(star_rating__gte=min_star_rating)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query
