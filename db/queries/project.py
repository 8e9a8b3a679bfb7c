"""Queries over practice projects."""

from __future__ import annotations

from collections.abc import Collection

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from db.models.project import Project


def filter_projects(
    *,
    statuses: Collection[str],
    category: str | None = None,
    platform_id: int | None = None,
    alliance_id: int | None = None,
    brigade_id: int | None = None,
    region: str | None = None,
    name_contains: str | None = None,
) -> QuerySet[Project]:
    """Filter projects in one of `statuses`.

    `region` keeps projects whose owning brigade or unit sits in that region
    or under it.
    """
    query = Project.filter(status__in=list(statuses))
    if category is not None:
        query = query.filter(category=category)
    if platform_id is not None:
        query = query.filter(platform_id=platform_id)
    if alliance_id is not None:
        query = query.filter(alliance_id=alliance_id)
    if brigade_id is not None:
        query = query.filter(brigade_id=brigade_id)
    if region:
        query = query.filter(
            Q(brigade__region__code__startswith=region)
            | Q(unit__region__code__startswith=region)
        )
    if name_contains:
        query = query.filter(name__contains=name_contains)
    return query
