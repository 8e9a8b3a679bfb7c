"""Resolver of the big-screen dashboard: aggregates computed once per TTL."""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from api.resolvers.dashboard.cache import get_or_compute
from db.models.enums import DeliveryCategory, RegionLevel
from db.queries import dashboard as aggregates
from domain.errors import InvalidInput
from domain.local_time import month_bounds
from domain.stars import minutes_to_hours
from settings import Settings


@dataclass(frozen=True)
class LevelCount:
    level: str
    count: int


@dataclass(frozen=True)
class CategoryCount:
    category: str
    count: int


@dataclass(frozen=True)
class HallCoverage:
    villages_with_hall: int
    administrative_villages: int
    ratio: float


@dataclass(frozen=True)
class TownMinutes:
    town_id: int
    town_code: str
    town_name: str
    minutes: int
    hours: str


@dataclass(frozen=True)
class Dashboard:
    region_code: str
    registered_volunteers: int
    brigades_by_level: list[LevelCount]
    halls: int
    hall_coverage: HallCoverage
    projects_by_category: list[CategoryCount]
    activities_this_month: int
    confirmed_minutes: int
    confirmed_hours: str
    hours_by_town: list[TownMinutes]

    @classmethod
    def from_dict(cls, value: dict[str, Any]) -> Dashboard:
        return cls(
            region_code=value["region_code"],
            registered_volunteers=value["registered_volunteers"],
            brigades_by_level=[
                LevelCount(**item) for item in value["brigades_by_level"]
            ],
            halls=value["halls"],
            hall_coverage=HallCoverage(**value["hall_coverage"]),
            projects_by_category=[
                CategoryCount(**item) for item in value["projects_by_category"]
            ],
            activities_this_month=value["activities_this_month"],
            confirmed_minutes=value["confirmed_minutes"],
            confirmed_hours=value["confirmed_hours"],
            hours_by_town=[TownMinutes(**item) for item in value["hours_by_town"]],
        )


def coverage_ratio(with_hall: int, villages: int) -> float:
    """Return with_hall / villages rounded to 3 decimals, 0.0 with no villages."""
    return round(with_hall / villages, 3) if villages else 0.0


async def compute_dashboard(region: str, now: datetime) -> Dashboard:
    """Run the aggregate queries for one region code ("" for everything)."""
    # In UTC because SQLite compares stored timestamps as text.
    month_start, month_stop = (bound.astimezone(UTC) for bound in month_bounds(now))
    (
        volunteers,
        by_level,
        halls,
        villages,
        with_hall,
        by_category,
        activities,
        total_minutes,
        by_town,
    ) = await asyncio.gather(
        aggregates.active_volunteer_count(region),
        aggregates.brigade_counts_by_level(region),
        aggregates.hall_count(region),
        aggregates.administrative_village_count(region),
        aggregates.villages_with_hall_count(region),
        aggregates.admitted_project_counts_by_category(region),
        aggregates.activity_count_starting_between(region, month_start, month_stop),
        aggregates.confirmed_minutes_total(region),
        aggregates.confirmed_minutes_by_town(region),
    )
    towns = await aggregates.regions_by_code(sorted(by_town)) if by_town else []
    return Dashboard(
        region_code=region,
        registered_volunteers=volunteers,
        brigades_by_level=[
            LevelCount(level=level.value, count=by_level.get(level.value, 0))
            for level in RegionLevel
        ],
        halls=halls,
        hall_coverage=HallCoverage(
            villages_with_hall=with_hall,
            administrative_villages=villages,
            ratio=coverage_ratio(with_hall, villages),
        ),
        projects_by_category=[
            CategoryCount(
                category=category.value, count=by_category.get(category.value, 0)
            )
            for category in DeliveryCategory
        ],
        activities_this_month=activities,
        confirmed_minutes=total_minutes,
        confirmed_hours=str(minutes_to_hours(total_minutes)),
        hours_by_town=[
            TownMinutes(
                town_id=town.id,
                town_code=town.code,
                town_name=town.name,
                minutes=by_town[town.code],
                hours=str(minutes_to_hours(by_town[town.code])),
            )
            for town in towns
        ],
    )


async def dashboard(settings: Settings, region_code: str | None) -> Dashboard:
    """Return the dashboard of a region code, from the cache when it is fresh."""
    region = (region_code or "").strip()
    if region and (
        not (region.isascii() and region.isdigit()) or len(region) not in (6, 9, 12)
    ):
        raise InvalidInput(
            f"regionCode must be a 6, 9 or 12 digit region code, got {region!r}",
            field="regionCode",
        )

    async def compute() -> dict[str, Any]:
        return asdict(await compute_dashboard(region, datetime.now(UTC)))

    value = await get_or_compute(settings, f"region:{region}", compute)
    return Dashboard.from_dict(value)
