"""Resolvers of practice projects."""

from __future__ import annotations

from collections.abc import Collection

from tortoise.expressions import Q

from api.resolvers.pagination import Page, PageRequest, fetch_page, with_id_last
from db.models.enums import ProjectStatus, Role
from db.queries.project import filter_projects
from domain.actor import Actor
from domain.errors import InvalidInput

# Statuses of projects on the public list: admitted, and the history of
# projects that were admitted once. Drafts and reviews in progress are not
# public.
PUBLIC_STATUSES = frozenset(
    {ProjectStatus.ADMITTED, ProjectStatus.SUSPENDED, ProjectStatus.RETIRED}
)
DEFAULT_STATUSES = (ProjectStatus.ADMITTED,)


async def projects_page(
    actor: Actor,
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
    # Administrators review every project and a convener those of their
    # alliance, so they may list drafts and reviews in progress.
    reviewing_alliance_id = None
    if hidden and actor.role is Role.CONVENER and actor.alliance_id is not None:
        reviewing_alliance_id = actor.alliance_id
    elif hidden and not actor.is_administrator:
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
    if reviewing_alliance_id is not None:
        query = query.filter(
            Q(status__in=sorted(PUBLIC_STATUSES)) | Q(alliance_id=reviewing_alliance_id)
        )
    return await fetch_page(query.order_by(*with_id_last(order)), page)
