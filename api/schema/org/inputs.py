"""Filter and order inputs of platform, unit, alliance and brigade lists."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.geo.types import RegionLevel
from api.schema.org.types import PlatformOrigin, UnitKind
from api.schema.pagination import OrderDirection

REGION_DESCRIPTION = (
    "Code of a region (6, 9 or 12 digits): keeps items in it and in every "
    "region under it."
)
NAME_DESCRIPTION = "Part of the Chinese name, e.g. 慈溪; matched as a substring."


@strawberry.input(description="Filter for platforms; all given conditions must hold.")
class PlatformFilter:
    origin: PlatformOrigin | None = strawberry.field(
        default=None, description="National or local model."
    )
    name_contains: str | None = strawberry.field(
        default=None, description=NAME_DESCRIPTION
    )


@strawberry.enum(description="Sort key of platforms.")
class PlatformOrderField(Enum):
    CODE = "code"
    NAME = "name"


@strawberry.input(description="Order of a platform list; ties are broken by id.")
class PlatformOrder:
    field: PlatformOrderField = PlatformOrderField.CODE
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Filter for units; all given conditions must hold.")
class UnitFilter:
    kind: UnitKind | None = strawberry.field(default=None, description="Kind.")
    region: str | None = strawberry.field(default=None, description=REGION_DESCRIPTION)
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an alliance: its member units."
    )
    name_contains: str | None = strawberry.field(
        default=None, description=NAME_DESCRIPTION
    )


@strawberry.enum(description="Sort key of units.")
class UnitOrderField(Enum):
    NAME = "name"
    ID = "id"


@strawberry.input(description="Order of a unit list; ties are broken by id.")
class UnitOrder:
    field: UnitOrderField = UnitOrderField.ID
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Filter for alliances; all given conditions must hold.")
class AllianceFilter:
    platform: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a platform."
    )
    convener: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the convener unit."
    )
    name_contains: str | None = strawberry.field(
        default=None, description=NAME_DESCRIPTION
    )


@strawberry.enum(description="Sort key of alliances.")
class AllianceOrderField(Enum):
    NAME = "name"
    ID = "id"


@strawberry.input(description="Order of an alliance list; ties are broken by id.")
class AllianceOrder:
    field: AllianceOrderField = AllianceOrderField.ID
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Filter for brigades; all given conditions must hold.")
class BrigadeFilter:
    level: RegionLevel | None = strawberry.field(
        default=None, description="CITY corps, TOWN brigades or VILLAGE squads."
    )
    region: str | None = strawberry.field(default=None, description=REGION_DESCRIPTION)
    parent: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a brigade: its direct children."
    )
    within_brigade: strawberry.ID | None = strawberry.field(
        default=None,
        description="Global ID of a brigade: it and every brigade under it.",
    )
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an alliance the brigade joined."
    )
    name_contains: str | None = strawberry.field(
        default=None, description=NAME_DESCRIPTION
    )


@strawberry.enum(description="Sort key of brigades.")
class BrigadeOrderField(Enum):
    NAME = "name"
    PATH = "path"
    ID = "id"


@strawberry.input(description="Order of a brigade list; ties are broken by id.")
class BrigadeOrder:
    field: BrigadeOrderField = BrigadeOrderField.ID
    direction: OrderDirection = OrderDirection.ASC
