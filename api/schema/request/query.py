"""Root query fields of the service request domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.request.query import service_requests_page
from api.schema.node import primary_key
from api.schema.pagination import build_connection, page_request
from api.schema.request.inputs import ServiceRequestFilter, ServiceRequestOrder
from api.schema.request.types import ServiceRequestConnection, ServiceRequestType
from api.security.permissions import IsAuthenticated, IsStaff


@strawberry.type
class RequestQuery:
    @strawberry.field(
        description="Residents' service requests (群众点单), the staff's queue, "
        "paged; at most MAX_PAGE_SIZE (default 100) a page. Administrators see "
        "all of them, a convener those dispatched to their alliance, a captain "
        "those dispatched to a brigade in their subtree or located in their "
        "brigade's region. Other callers get an error.",
        permission_classes=[IsAuthenticated, IsStaff],
    )
    async def service_requests(
        self,
        info: Info,
        filter: ServiceRequestFilter | None = None,
        order_by: ServiceRequestOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ServiceRequestConnection:
        filter = filter or ServiceRequestFilter()
        order_by = order_by or ServiceRequestOrder()
        page = await service_requests_page(
            info.context.actor,
            statuses=[status.value for status in filter.status or []],
            category=filter.category.value if filter.category else None,
            region=filter.region,
            brigade_id=primary_key(filter.brigade, "Brigade", "brigade"),
            alliance_id=primary_key(filter.alliance, "Alliance", "alliance"),
            submitted_from=filter.submitted_from,
            submitted_before=filter.submitted_before,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, ServiceRequestType.from_model)
