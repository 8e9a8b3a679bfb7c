"""Resolvers of practice projects."""

from __future__ import annotations

from collections.abc import Collection

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.models.enums import ProjectStatus
from db.queries.project import filter_projects
from domain.errors import InvalidInput

# Statuses of projects on the public list: admitted, and the history of
# projects that were admitted once. Drafts and reviews in progress are not
# public.
PUBLIC_STATUSES = frozenset(
    {ProjectStatus.ADMITTED, ProjectStatus.SUSPENDED, ProjectStatus.RETIRED}
)
DEFAULT_STATUSES = (ProjectStatus.ADMITTED,)


async def projects_page(
    *,
    statuses: Collection[str] | None,
    category: str | None,
    platform_id: int | None,
    alliance_id: int | None,
    brigade_id: int | None,
    region: str | None,
    name_contains: str | None,
    order: tuple[str, ...],
    page: PageRequest,
) -> Page:
    requested = list(statuses) if statuses else list(DEFAULT_STATUSES)
    hidden = sorted(status for status in requested if status not in PUBLIC_STATUSES)
    if hidden:
        raise InvalidInput(
            f"status {', '.join(hidden)} is not public: "
            "list ADMITTED, SUSPENDED or RETIRED projects",
            field="status",
        )
    query = filter_projects(
        statuses=requested,
        category=category,
        platform_id=platform_id,
        alliance_id=alliance_id,
        brigade_id=brigade_id,
        region=region,
        name_contains=name_contains,
    )
    return await fetch_page(query.order_by(*with_id_last(order)), page)
