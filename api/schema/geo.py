"""Regions: the city, its towns and subdistricts, and its villages."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.resolvers.geo import region_by_code, regions_page
from api.schema.pagination import (
    CountedConnection,
    OrderDirection,
    build_connection,
    page_request,
)
from db.models import enums
from db.models.geo import Region

RegionLevel = strawberry.enum(
    enums.RegionLevel,
    description="Administrative level (区域级别): "
    "CITY 市, TOWN 镇/街道, VILLAGE 村/社区.",
)


@strawberry.type(name="Region", description="An administrative division (区域).")
class RegionType(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(
        description="Official division code: 6 digits for the city, 9 for a town, "
        "12 for a village."
    )
    name: str = strawberry.field(description="Official Chinese name.")
    level: RegionLevel = strawberry.field(description="Administrative level.")
    kind: str = strawberry.field(
        description="Kind of division as named locally: 街道, 镇, 功能区, 村 or 社区."
    )
    is_administrative_village: bool = strawberry.field(
        description="True for an administrative village, the unit of hall coverage."
    )
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Region) -> RegionType:
        return cls(
            id=row.id,
            code=row.code,
            name=row.name,
            level=RegionLevel(row.level),
            kind=row.kind,
            is_administrative_village=row.is_administrative_village,
            parent_id=row.parent_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        rows = await info.context.loaders.region_by_id.load_many(
            [int(node_id) for node_id in node_ids]
        )
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The division above this one; null for the city.")
    async def parent(self, info: Info) -> RegionType | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.region_by_id.load(self.parent_id)
        return RegionType.from_model(row) if row else None

    @strawberry.field(description="The divisions directly below, by code.")
    async def children(self, info: Info) -> list[RegionType]:
        rows = await info.context.loaders.regions_by_parent_id.load(self.id)
        return [RegionType.from_model(row) for row in rows]


@strawberry.input(description="Filter for regions; all given conditions must hold.")
class RegionFilter:
    level: RegionLevel | None = strawberry.field(default=None, description="Level.")
    within: str | None = strawberry.field(
        default=None,
        description="Code of a region: keeps it and every region under it.",
    )
    name_contains: str | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 镇."
    )
    administrative_village: bool | None = strawberry.field(
        default=None, description="Only administrative villages, or only others."
    )


@strawberry.enum(description="Sort key of regions.")
class RegionOrderField(Enum):
    CODE = "code"
    NAME = "name"


@strawberry.input(description="Order of a region list; ties are broken by id.")
class RegionOrder:
    field: RegionOrderField = RegionOrderField.CODE
    direction: OrderDirection = OrderDirection.ASC


RegionConnection = CountedConnection[RegionType]


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
