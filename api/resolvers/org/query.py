"""Resolvers of platforms, units, alliances and brigades."""

from __future__ import annotations

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.models.enums import RegionLevel
from db.models.org import Brigade, Platform
from db.queries.org import (
    filter_alliances,
    filter_brigades,
    filter_platforms,
    filter_units,
)
from domain.errors import NotFound


async def platforms_page(
    *,
    origin: str | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_platforms(origin=origin, name_contains=name_contains)
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def platform_by_code(code: str) -> Platform | None:
    return await Platform.get_or_none(code=code)


async def units_page(
    *,
    kind: str | None,
    region: str | None,
    alliance_id: int | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_units(
        kind=kind, region=region, alliance_id=alliance_id, name_contains=name_contains
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def alliances_page(
    *,
    platform_id: int | None,
    convener_id: int | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_alliances(
        platform_id=platform_id, convener_id=convener_id, name_contains=name_contains
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def brigades_page(
    *,
    level: str | None,
    region: str | None,
    parent_id: int | None,
    within_brigade_id: int | None,
    alliance_id: int | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    within_path = None
    if within_brigade_id is not None:
        root = await Brigade.get_or_none(pk=within_brigade_id)
        if root is None:
            raise NotFound(
                "withinBrigade names no brigade: pass the ID of an existing brigade",
                field="withinBrigade",
            )
        within_path = root.path
    query = filter_brigades(
        level=level,
        region=region,
        parent_id=parent_id,
        within_path=within_path,
        alliance_id=alliance_id,
        name_contains=name_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def corps() -> Brigade | None:
    """Return the city corps, the root of the brigade tree (the first if several)."""
    return await Brigade.filter(level=RegionLevel.CITY).order_by("id").first()
