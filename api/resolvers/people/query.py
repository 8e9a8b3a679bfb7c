"""Resolvers of volunteers."""

from __future__ import annotations

from datetime import date

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.models.people import Volunteer
from db.queries.people import filter_volunteers
from domain.errors import InvalidInput


async def volunteers_page(
    *,
    region: str | None,
    status: str | None,
    brigade_id: int | None,
    registered_from: date | None,
    registered_to: date | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    if registered_from and registered_to and registered_from > registered_to:
        raise InvalidInput(
            "registeredFrom must not be after registeredTo", field="registeredFrom"
        )
    query = filter_volunteers(
        region=region,
        status=status,
        brigade_id=brigade_id,
        registered_from=registered_from,
        registered_to=registered_to,
        name_contains=name_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)


async def volunteer_by_number(number: str) -> Volunteer | None:
    return await Volunteer.get_or_none(number=number)
