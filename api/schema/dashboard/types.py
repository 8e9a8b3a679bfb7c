"""Dashboard types: aggregates for big-screen displays."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.dashboard.query import (
    CategoryCount,
    Dashboard,
    HallCoverage,
    LevelCount,
    TownMinutes,
)
from api.schema.geo.types import RegionLevel, RegionType
from api.schema.project.types import DeliveryCategory
from api.schema.scalars import LongInt


@strawberry.type(name="BrigadeLevelCount", description="Brigades at one level.")
class BrigadeLevelCountType:
    level: RegionLevel = strawberry.field(description="CITY, TOWN or VILLAGE.")
    count: int = strawberry.field(description="Number of brigades, >= 0.")

    @classmethod
    def from_model(cls, value: LevelCount) -> BrigadeLevelCountType:
        return cls(level=RegionLevel(value.level), count=value.count)


@strawberry.type(
    name="CategoryCount", description="ADMITTED projects of one delivery category."
)
class CategoryCountType:
    category: DeliveryCategory = strawberry.field(description="Category (五送).")
    count: int = strawberry.field(description="Number of ADMITTED projects, >= 0.")

    @classmethod
    def from_model(cls, value: CategoryCount) -> CategoryCountType:
        return cls(category=DeliveryCategory(value.category), count=value.count)


@strawberry.type(
    name="HallCoverage",
    description="Hall coverage (文化礼堂覆盖率): administrative villages with a hall.",
)
class HallCoverageType:
    villages_with_hall: int = strawberry.field(
        description="Administrative villages that have a hall."
    )
    administrative_villages: int = strawberry.field(
        description="All administrative villages (行政村) in the region."
    )
    ratio: float = strawberry.field(
        description="villagesWithHall / administrativeVillages, 0-1, rounded to 3 "
        "decimals; 0 when there are no administrative villages."
    )

    @classmethod
    def from_model(cls, value: HallCoverage) -> HallCoverageType:
        return cls(
            villages_with_hall=value.villages_with_hall,
            administrative_villages=value.administrative_villages,
            ratio=value.ratio,
        )


@strawberry.type(
    name="TownHours", description="Confirmed service time in one town or subdistrict."
)
class TownHoursType:
    town_code: str = strawberry.field(description="9-digit code of the town.")
    town_name: str = strawberry.field(description="Chinese name of the town.")
    minutes: LongInt = strawberry.field(
        description="Sum of CONFIRMED record minutes placed in the town or its "
        "villages, corrections included."
    )
    hours: str = strawberry.field(
        description="The minutes as hours, a decimal string with two places rounded "
        'down, e.g. "12.50".'
    )
    town_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, value: TownMinutes) -> TownHoursType:
        return cls(
            town_code=value.town_code,
            town_name=value.town_name,
            minutes=value.minutes,
            hours=value.hours,
            town_id=value.town_id,
        )

    @strawberry.field(description="The town as a region.")
    async def town(self, info: Info) -> RegionType | None:
        row = await info.context.loaders.region_by_id.load(self.town_id)
        return RegionType.from_model(row) if row else None


@strawberry.type(
    name="Dashboard",
    description="Aggregates for big-screen displays (数据大屏), cached for "
    "DASHBOARD_CACHE_SECONDS (default 5) per region code.",
)
class DashboardType:
    region_code: str = strawberry.field(
        description="The requested region code; empty for the whole data set."
    )
    registered_volunteers: int = strawberry.field(
        description="Volunteers with status ACTIVE registered in the region."
    )
    brigades_by_level: list[BrigadeLevelCountType] = strawberry.field(
        description="Brigades per level, CITY then TOWN then VILLAGE."
    )
    halls: int = strawberry.field(description="Cultural halls in the region.")
    hall_coverage: HallCoverageType = strawberry.field(description="Hall coverage.")
    projects_by_category: list[CategoryCountType] = strawberry.field(
        description="ADMITTED projects per category, every category listed. With "
        "a region, projects whose owning brigade or unit is in it."
    )
    activities_this_month: int = strawberry.field(
        description="Activities not CANCELLED that start in the current calendar "
        "month in Asia/Shanghai."
    )
    confirmed_minutes: LongInt = strawberry.field(
        description="Sum of CONFIRMED service record minutes, corrections included; "
        "PENDING and REJECTED records are not counted."
    )
    confirmed_hours: str = strawberry.field(
        description="confirmedMinutes as hours, a decimal string with two places "
        'rounded down, e.g. "12.50".'
    )
    hours_by_town: list[TownHoursType] = strawberry.field(
        description="Confirmed service time per town, by town code; towns with no "
        "confirmed records are left out."
    )

    @classmethod
    def from_model(cls, value: Dashboard) -> DashboardType:
        return cls(
            region_code=value.region_code,
            registered_volunteers=value.registered_volunteers,
            brigades_by_level=[
                BrigadeLevelCountType.from_model(item)
                for item in value.brigades_by_level
            ],
            halls=value.halls,
            hall_coverage=HallCoverageType.from_model(value.hall_coverage),
            projects_by_category=[
                CategoryCountType.from_model(item)
                for item in value.projects_by_category
            ],
            activities_this_month=value.activities_this_month,
            confirmed_minutes=value.confirmed_minutes,
            confirmed_hours=value.confirmed_hours,
            hours_by_town=[
                TownHoursType.from_model(item) for item in value.hours_by_town
            ],
        )
