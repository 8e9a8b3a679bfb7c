"""Aggregate queries behind the big-screen dashboard.

Each function runs one aggregate statement (COUNT or SUM, with GROUP BY
where it returns groups). `region` is a region code: the aggregate keeps
rows in that region and every region under it, or everything when empty.
"""

from __future__ import annotations

from datetime import datetime

from pypika_tortoise import functions as sql_functions
from pypika_tortoise.terms import LiteralValue
from tortoise.expressions import Function, Q
from tortoise.functions import Count, Sum

from db.models.activity import Activity
from db.models.enums import (
    ActivityStatus,
    ProjectStatus,
    RecordStatus,
    VolunteerStatus,
)
from db.models.geo import Region
from db.models.org import Brigade
from db.models.people import Volunteer
from db.models.project import Project
from db.models.service import ServiceRecord
from db.models.venue import Hall

TOWN_CODE_LENGTH = 9


class Substring(Function):
    """SUBSTRING(text, start, length), 1-based, on SQLite 3.34+ and PostgreSQL."""

    database_func = sql_functions.Substring


async def active_volunteer_count(region: str) -> int:
    return await Volunteer.filter(
        status=VolunteerStatus.ACTIVE, region__code__startswith=region
    ).count()


async def brigade_counts_by_level(region: str) -> dict[str, int]:
    rows = (
        await Brigade.filter(region__code__startswith=region)
        .annotate(brigade_count=Count("id"))
        .group_by("level")
        .values("level", "brigade_count")
    )
    return {str(row["level"]): row["brigade_count"] for row in rows}


async def hall_count(region: str) -> int:
    return await Hall.filter(village__code__startswith=region).count()


async def administrative_village_count(region: str) -> int:
    return await Region.filter(
        is_administrative_village=True, code__startswith=region
    ).count()


async def villages_with_hall_count(region: str) -> int:
    """Count administrative villages with a hall; a village has at most one."""
    return await Hall.filter(
        village__is_administrative_village=True, village__code__startswith=region
    ).count()


async def admitted_project_counts_by_category(region: str) -> dict[str, int]:
    """Count ADMITTED projects per category; `region` goes by owning brigade or unit."""
    query = Project.filter(status=ProjectStatus.ADMITTED)
    if region:
        query = query.filter(
            Q(brigade__region__code__startswith=region)
            | Q(unit__region__code__startswith=region)
        )
    rows = (
        await query.annotate(project_count=Count("id"))
        .group_by("category")
        .values("category", "project_count")
    )
    return {str(row["category"]): row["project_count"] for row in rows}


async def activity_count_starting_between(
    region: str, start: datetime, stop: datetime
) -> int:
    """Count activities not CANCELLED that start in [start, stop)."""
    return (
        await Activity.filter(
            region__code__startswith=region,
            starts_at__gte=start,
            starts_at__lt=stop,
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .count()
    )


async def confirmed_minutes_total(region: str) -> int:
    """Sum CONFIRMED records; corrections are confirmed with negative minutes."""
    rows = (
        await ServiceRecord.filter(
            status=RecordStatus.CONFIRMED, region__code__startswith=region
        )
        .annotate(minutes_total=Sum("minutes"))
        # Without a GROUP BY of its own, Tortoise 1.1 groups a filtered
        # aggregate by every column. Grouping by the filtered status yields
        # the one total row.
        .group_by("status")
        .values("minutes_total")
    )
    return int(rows[0]["minutes_total"] or 0) if rows else 0


async def confirmed_minutes_by_town(region: str) -> dict[str, int]:
    """Sum CONFIRMED minutes per town code, the first 9 digits of the place.

    Records placed at city level have no town and are left out here, though
    `confirmed_minutes_total` counts them.
    """
    rows = (
        await ServiceRecord.filter(
            status=RecordStatus.CONFIRMED, region__code__startswith=region
        )
        .annotate(
            # Literal bounds: as bound parameters PostgreSQL types them as text.
            town_code=Substring(
                "region__code", LiteralValue("1"), LiteralValue(str(TOWN_CODE_LENGTH))
            ),
            minutes_total=Sum("minutes"),
        )
        .group_by("town_code")
        .values("town_code", "minutes_total")
    )
    return {
        row["town_code"]: int(row["minutes_total"] or 0)
        for row in rows
        if len(row["town_code"] or "") == TOWN_CODE_LENGTH
    }


async def regions_by_code(codes: list[str]) -> list[Region]:
    return await Region.filter(code__in=codes).order_by("code")
