"""Root query fields of the venue domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.venue.query import halls_page
from api.schema.node import primary_key
from api.schema.pagination import build_connection, page_request
from api.schema.venue.inputs import HallFilter, HallOrder
from api.schema.venue.types import HallConnection, HallType


@strawberry.type
class VenueQuery:
    @strawberry.field(
        description="Rural cultural halls (农村文化礼堂), paged; at most "
        "MAX_PAGE_SIZE (default 100) a page."
    )
    async def halls(
        self,
        info: Info,
        filter: HallFilter | None = None,
        order_by: HallOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> HallConnection:
        filter = filter or HallFilter()
        order_by = order_by or HallOrder()
        page = await halls_page(
            region=filter.region,
            brigade_id=primary_key(filter.brigade, "Brigade", "brigade"),
            min_star_rating=filter.min_star_rating,
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, HallType.from_model)
