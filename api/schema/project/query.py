"""Root query fields of the project domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.project.query import projects_page
from api.schema.node import primary_key
from api.schema.pagination import build_connection, page_request
from api.schema.project.inputs import ProjectFilter, ProjectOrder
from api.schema.project.types import ProjectConnection, ProjectType


@strawberry.type
class ProjectQuery:
    @strawberry.field(
        description="Practice projects (实践项目), paged; at most MAX_PAGE_SIZE "
        "(default 100) a page. Lists ADMITTED projects only, unless filter.status "
        "names the statuses to list, such as SUSPENDED or RETIRED. Administrators "
        "may also list DRAFT, SUBMITTED and REJECTED projects, and a convener "
        "those of their alliance."
    )
    async def projects(
        self,
        info: Info,
        filter: ProjectFilter | None = None,
        order_by: ProjectOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ProjectConnection:
        filter = filter or ProjectFilter()
        order_by = order_by or ProjectOrder()
        page = await projects_page(
            info.context.actor,
            statuses=[status.value for status in filter.status or []],
            category=filter.category.value if filter.category else None,
            platform_id=primary_key(filter.platform, "Platform", "platform"),
            alliance_id=primary_key(filter.alliance, "Alliance", "alliance"),
            brigade_id=primary_key(filter.brigade, "Brigade", "brigade"),
            region=filter.region,
            name_contains=filter.name_contains,
            order=(order_by.direction.prefix() + order_by.field.value,),
            page=page_request(info, first, after, last, before),
        )
        return build_connection(page, ProjectType.from_model)
