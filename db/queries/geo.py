"""Queries over regions."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from db.models.geo import Region


def filter_regions(
    *,
    level: str | None = None,
    within: str | None = None,
    name_contains: str | None = None,
    administrative_village: bool | None = None,
) -> QuerySet[Region]:
    query = Region.all()
    if level is not None:
        query = query.filter(level=level)
    if within:
        query = query.filter(code__startswith=within)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    if administrative_village is not None:
        query = query.filter(is_administrative_village=administrative_village)
    return query
