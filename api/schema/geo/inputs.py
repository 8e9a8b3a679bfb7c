"""Filter and order inputs of region lists."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.geo.types import RegionLevel
from api.schema.pagination import OrderDirection
from api.schema.scalars import RegionCode, SearchText


@strawberry.input(description="Filter for regions; all given conditions must hold.")
class RegionFilter:
    level: RegionLevel | None = strawberry.field(default=None, description="Level.")
    within: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region: keeps it and every region under it.",
    )
    name_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 镇."
    )
    administrative_village: bool | None = strawberry.field(
        default=None, description="Only administrative villages, or only others."
    )


@strawberry.enum(description="Sort key of regions.")
class RegionOrderField(Enum):
    CODE = "code"
    NAME = "name"


@strawberry.input(description="Order of a region list; ties are broken by id.")
class RegionOrder:
    field: RegionOrderField = RegionOrderField.CODE
    direction: OrderDirection = OrderDirection.ASC
