"""Resolvers of regions."""

from __future__ import annotations

from api.resolvers.pagination import Page, PageRequest, fetch_page
from db.models.geo import Region
from db.queries.geo import filter_regions


async def regions_page(
    *,
    level: str | None,
    within: str | None,
    name_contains: str | None,
    administrative_village: bool | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_regions(
        level=level,
        within=within,
        name_contains=name_contains,
        administrative_village=administrative_village,
    ).order_by(*order, "id")
    return await fetch_page(query, page)


async def region_by_code(code: str) -> Region | None:
    return await Region.get_or_none(code=code)
