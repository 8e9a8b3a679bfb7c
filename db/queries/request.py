"""Queries over residents' service requests."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from db.models.org import Brigade
from db.models.request import ServiceRequest

# A condition no row meets: the scope of a staff account missing its brigade
# or alliance.
NO_ROWS = Q(id__in=[])


def filter_service_requests(
    *,
    scope: Q | None,
    statuses: Collection[str] = (),
    category: str | None = None,
    region: str | None = None,
    brigade_id: int | None = None,
    alliance_id: int | None = None,
    submitted_from: datetime | None = None,
    submitted_before: datetime | None = None,
) -> QuerySet[ServiceRequest]:
    """Filter requests within `scope` (None: all of them).

    `region` keeps requests located in that region or under it.
    """
    query = ServiceRequest.all() if scope is None else ServiceRequest.filter(scope)
    if statuses:
        query = query.filter(status__in=list(statuses))
    if category is not None:
        query = query.filter(category=category)
    if region:
        query = query.filter(region__code__startswith=region)
    if brigade_id is not None:
        query = query.filter(brigade_id=brigade_id)
    if alliance_id is not None:
        query = query.filter(alliance_id=alliance_id)
    if submitted_from is not None:
        query = query.filter(submitted_at__gte=submitted_from)
    if submitted_before is not None:
        query = query.filter(submitted_at__lt=submitted_before)
    return query


def request_scope(
    *,
    alliance_id: int | None = None,
    brigade_path: str | None = None,
    region_code: str | None = None,
) -> Q:
    """Match requests dispatched to the alliance or to a brigade under the path,
    or located in the region or under it. Matches no row when nothing is given.
    """
    conditions = []
    if alliance_id is not None:
        conditions.append(Q(alliance_id=alliance_id))
    if brigade_path:
        conditions.append(Q(brigade__path__startswith=brigade_path))
    if region_code:
        conditions.append(Q(region__code__startswith=region_code))
    if not conditions:
        return NO_ROWS
    return Q(*conditions, join_type=Q.OR)


async def brigade_region_code(path: str) -> str | None:
    """Return the region code of the brigade with this path, in one query."""
    codes = await Brigade.filter(path=path).values_list("region__code", flat=True)
    return codes[0] if codes else None
