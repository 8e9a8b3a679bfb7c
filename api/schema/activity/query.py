"""Root query fields of the activity domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.activity.query import activities_page, positions_page
from api.schema.activity.inputs import (
    ActivityFilter,
    ActivityOrder,
    PositionFilter,
    PositionOrder,
)
from api.schema.activity.types import (
    ActivityConnection,
    ActivityType,
    PositionConnection,
    PositionType,
)
from api.schema.node import primary_key
from api.schema.pagination import build_connection, page_request


@strawberry.type
class ActivityQuery:
    @strawberry.field(
        description="Activities (活动), by start time unless ordered otherwise, "
        "paged; at most MAX_PAGE_SIZE (default 100) a page."
    )
    async def activities(
        self,
        info: Info,
        filter: ActivityFilter | None = None,
        order_by: ActivityOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ActivityConnection:
        filter = filter or ActivityFilter()
        order_by = order_by or ActivityOrder()
        page = await activities_page(
            region=filter.region,
            project_id=primary_key(filter.project, "Project", "project"),
            alliance_id=primary_key(filter.alliance, "Alliance", "alliance"),
            hall_id=primary_key(filter.hall, "Hall", "hall"),
            category=filter.category.value if filter.category else None,
            status=filter.status.value if filter.status else None,
            starts_from=filter.starts_from,
            starts_before=filter.starts_before,
            title_contains=filter.title_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, ActivityType.from_model)

    @strawberry.field(
        description="Positions (岗位) of activities, paged; at most MAX_PAGE_SIZE "
        "(default 100) a page."
    )
    async def positions(
        self,
        info: Info,
        filter: PositionFilter | None = None,
        order_by: PositionOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PositionConnection:
        filter = filter or PositionFilter()
        order_by = order_by or PositionOrder()
        page = await positions_page(
            activity_id=primary_key(filter.activity, "Activity", "activity"),
            region=filter.region,
            has_places_left=filter.has_places_left,
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, PositionType.from_model)
