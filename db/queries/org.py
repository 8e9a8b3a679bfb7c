"""Queries over platforms, units, alliances and the brigade tree."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from db.models.org import Alliance, Brigade, Platform, Unit


def filter_platforms(
    *, origin: str | None = None, name_contains: str | None = None
) -> QuerySet[Platform]:
    query = Platform.all()
    if origin is not None:
        query = query.filter(origin=origin)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query


def filter_units(
    *,
    kind: str | None = None,
    region: str | None = None,
    alliance_id: int | None = None,
    name_contains: str | None = None,
) -> QuerySet[Unit]:
    query = Unit.all()
    if kind is not None:
        query = query.filter(kind=kind)
    if region:
        query = query.filter(region__code__startswith=region)
    if alliance_id is not None:
        query = query.filter(alliance_links__alliance_id=alliance_id)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query


def filter_alliances(
    *,
    platform_id: int | None = None,
    convener_id: int | None = None,
    name_contains: str | None = None,
) -> QuerySet[Alliance]:
    query = Alliance.all()
    if platform_id is not None:
        query = query.filter(platform_id=platform_id)
    if convener_id is not None:
        query = query.filter(convener_id=convener_id)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query


def filter_brigades(
    *,
    level: str | None = None,
    region: str | None = None,
    parent_id: int | None = None,
    within_path: str | None = None,
    alliance_id: int | None = None,
    name_contains: str | None = None,
) -> QuerySet[Brigade]:
    """Filter brigades. `within_path` keeps a brigade's subtree, itself included."""
    query = Brigade.all()
    if level is not None:
        query = query.filter(level=level)
    if region:
        query = query.filter(region__code__startswith=region)
    if parent_id is not None:
        query = query.filter(parent_id=parent_id)
    if within_path is not None:
        query = query.filter(path__startswith=within_path)
    if alliance_id is not None:
        query = query.filter(alliance_links__alliance_id=alliance_id)
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query
