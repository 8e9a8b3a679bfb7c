"""Root query fields of the org domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.org.query import (
    alliances_page,
    brigades_page,
    corps,
    platform_by_code,
    platforms_page,
    units_page,
)
from api.schema.node import primary_key
from api.schema.org.inputs import (
    AllianceFilter,
    AllianceOrder,
    BrigadeFilter,
    BrigadeOrder,
    PlatformFilter,
    PlatformOrder,
    UnitFilter,
    UnitOrder,
)
from api.schema.org.types import (
    AllianceConnection,
    AllianceType,
    BrigadeConnection,
    BrigadeType,
    PlatformConnection,
    PlatformType,
    UnitConnection,
    UnitType,
)
from api.schema.pagination import build_connection, page_request

PAGED = "at most MAX_PAGE_SIZE (default 100) a page."


@strawberry.type
class OrgQuery:
    @strawberry.field(description=f"Service platforms (服务平台), paged; {PAGED}")
    async def platforms(
        self,
        info: Info,
        filter: PlatformFilter | None = None,
        order_by: PlatformOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PlatformConnection:
        filter = filter or PlatformFilter()
        order_by = order_by or PlatformOrder()
        page = await platforms_page(
            origin=filter.origin.value if filter.origin else None,
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, PlatformType.from_model)

    @strawberry.field(description="One platform by its code, or null.")
    async def platform(self, code: str) -> PlatformType | None:
        row = await platform_by_code(code)
        return PlatformType.from_model(row) if row else None

    @strawberry.field(description=f"Units (单位), paged; {PAGED}")
    async def units(
        self,
        info: Info,
        filter: UnitFilter | None = None,
        order_by: UnitOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> UnitConnection:
        filter = filter or UnitFilter()
        order_by = order_by or UnitOrder()
        page = await units_page(
            kind=filter.kind.value if filter.kind else None,
            region=filter.region,
            alliance_id=primary_key(filter.alliance, "Alliance", "alliance"),
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, UnitType.from_model)

    @strawberry.field(description=f"Volunteer service alliances, paged; {PAGED}")
    async def alliances(
        self,
        info: Info,
        filter: AllianceFilter | None = None,
        order_by: AllianceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> AllianceConnection:
        filter = filter or AllianceFilter()
        order_by = order_by or AllianceOrder()
        page = await alliances_page(
            platform_id=primary_key(filter.platform, "Platform", "platform"),
            convener_id=primary_key(filter.convener, "Unit", "convener"),
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, AllianceType.from_model)

    @strawberry.field(
        description=f"Brigades of all three levels (服务队), paged; {PAGED}"
    )
    async def brigades(
        self,
        info: Info,
        filter: BrigadeFilter | None = None,
        order_by: BrigadeOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> BrigadeConnection:
        filter = filter or BrigadeFilter()
        order_by = order_by or BrigadeOrder()
        page = await brigades_page(
            level=filter.level.value if filter.level else None,
            region=filter.region,
            parent_id=primary_key(filter.parent, "Brigade", "parent"),
            within_brigade_id=primary_key(
                filter.within_brigade, "Brigade", "withinBrigade"
            ),
            alliance_id=primary_key(filter.alliance, "Alliance", "alliance"),
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, BrigadeType.from_model)

    @strawberry.field(
        description="The city corps (服务总队), root of the brigade tree, or null."
    )
    async def corps(self) -> BrigadeType | None:
        row = await corps()
        return BrigadeType.from_model(row) if row else None
