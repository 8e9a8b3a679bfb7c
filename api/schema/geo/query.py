"""Root query fields of the geo domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.geo.query import region_by_code, regions_page
from api.schema.geo.inputs import RegionFilter, RegionOrder
from api.schema.geo.types import RegionConnection, RegionType
from api.schema.pagination import build_connection, page_request


@strawberry.type
class GeoQuery:
    @strawberry.field(
        description="Regions (区域), paged; at most MAX_PAGE_SIZE (default 100) a page."
    )
    async def regions(
        self,
        info: Info,
        filter: RegionFilter | None = None,
        order_by: RegionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> RegionConnection:
        filter = filter or RegionFilter()
        order_by = order_by or RegionOrder()
        page = await regions_page(
            level=filter.level.value if filter.level else None,
            within=filter.within,
            name_contains=filter.name_contains,
            administrative_village=filter.administrative_village,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, RegionType.from_model)

    @strawberry.field(description="One region by its official code, or null.")
    async def region(self, info: Info, code: str) -> RegionType | None:
        row = await region_by_code(code)
        return RegionType.from_model(row) if row else None
