"""Resolvers of cultural halls."""

from __future__ import annotations

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.queries.venue import filter_halls


async def halls_page(
    *,
    region: str | None,
    brigade_id: int | None,
    min_star_rating: int | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    query = filter_halls(
        region=region,
        brigade_id=brigade_id,
        min_star_rating=min_star_rating,
        name_contains=name_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)
