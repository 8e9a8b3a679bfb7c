"""Root query fields of the people domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.people.query import volunteer_by_number, volunteers_page
from api.schema.node import primary_key
from api.schema.pagination import build_connection, page_request
from api.schema.people.inputs import (
    VolunteerFilter,
    VolunteerOrder,
    VolunteerOrderField,
)
from api.schema.people.types import VolunteerConnection, VolunteerType
from domain.errors import Forbidden


@strawberry.type
class PeopleQuery:
    @strawberry.field(
        description="Registered volunteers (志愿者), paged; at most MAX_PAGE_SIZE "
        "(default 100) a page. Names, ID numbers and phones are shown per the "
        "reader's role, as each field describes; searching or ordering by name "
        "needs a signed-in account."
    )
    async def volunteers(
        self,
        info: Info,
        filter: VolunteerFilter | None = None,
        order_by: VolunteerOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> VolunteerConnection:
        filter = filter or VolunteerFilter()
        order_by = order_by or VolunteerOrder()
        # Readers who see masked names must not recover them by searching.
        if filter.name_contains and info.context.actor.role is None:
            raise Forbidden(
                "searching volunteers by name needs a signed-in account",
                field="nameContains",
            )
        # Nor by sorting by name around probe volunteers they register.
        if (
            order_by.field is VolunteerOrderField.NAME
            and info.context.actor.role is None
        ):
            raise Forbidden(
                "ordering volunteers by name needs a signed-in account",
                field="orderBy",
            )
        page = await volunteers_page(
            region=filter.region,
            status=filter.status.value if filter.status else None,
            brigade_id=primary_key(filter.brigade, "Brigade", "brigade"),
            registered_from=filter.registered_from,
            registered_to=filter.registered_to,
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, VolunteerType.from_model)

    @strawberry.field(description="One volunteer by public volunteer number, or null.")
    async def volunteer(self, number: str) -> VolunteerType | None:
        row = await volunteer_by_number(number)
        return VolunteerType.from_model(row) if row else None
