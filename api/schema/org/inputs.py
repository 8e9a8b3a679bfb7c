"""Inputs of platform, unit, alliance and brigade lists and mutations."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.geo.types import RegionLevel
from api.schema.org.types import PlatformOrigin, UnitKind
from api.schema.pagination import OrderDirection
from api.schema.scalars import RegionCode, SearchText

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
    name_contains: SearchText | None = strawberry.field(
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
    region: RegionCode | None = strawberry.field(
        default=None, description=REGION_DESCRIPTION
    )
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an alliance: its member units."
    )
    name_contains: SearchText | None = strawberry.field(
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
    name_contains: SearchText | None = strawberry.field(
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
    region: RegionCode | None = strawberry.field(
        default=None, description=REGION_DESCRIPTION
    )
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
    name_contains: SearchText | None = strawberry.field(
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


@strawberry.input(description="A new unit.")
class CreateUnitInput:
    name: str = strawberry.field(description="Unique name, at most 128 characters.")
    kind: UnitKind = strawberry.field(description="Kind of unit.")
    region_id: strawberry.ID = strawberry.field(description="Global Region ID.")


@strawberry.input(description="Changes to a unit; null leaves a field as it is.")
class UpdateUnitInput:
    id: strawberry.ID = strawberry.field(description="Global Unit ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    kind: UnitKind | None = strawberry.field(default=None, description="New kind.")
    region_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a new Region."
    )


@strawberry.input(description="The alliance of a platform.")
class CreateAllianceInput:
    name: str = strawberry.field(description="Unique name, at most 64 characters.")
    platform_id: strawberry.ID = strawberry.field(
        description="Global ID of a Platform without an alliance."
    )
    convener_id: strawberry.ID = strawberry.field(
        description="Global ID of the convener Unit."
    )
    description: str = strawberry.field(default="", description="Description.")


@strawberry.input(description="Changes to an alliance; null leaves a field.")
class UpdateAllianceInput:
    id: strawberry.ID = strawberry.field(description="Global Alliance ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    description: str | None = strawberry.field(default=None, description="Text.")
    convener_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a new convener Unit (administrators)."
    )


@strawberry.input(description="An alliance and a member unit.")
class AllianceMemberInput:
    alliance_id: strawberry.ID = strawberry.field(description="Global Alliance ID.")
    unit_id: strawberry.ID = strawberry.field(description="Global Unit ID.")


@strawberry.input(description="An alliance and a brigade.")
class AllianceBrigadeInput:
    alliance_id: strawberry.ID = strawberry.field(description="Global Alliance ID.")
    brigade_id: strawberry.ID = strawberry.field(description="Global Brigade ID.")


@strawberry.input(description="A new brigade, one level below its parent.")
class CreateBrigadeInput:
    name: str = strawberry.field(description="Unique name, at most 128 characters.")
    level: RegionLevel = strawberry.field(
        description="CITY (corps, no parent), TOWN or VILLAGE."
    )
    region_id: strawberry.ID = strawberry.field(
        description="Global ID of a Region of the same level."
    )
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the parent Brigade; null for CITY."
    )
    captain_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a registered Volunteer."
    )


@strawberry.input(description="Changes to a brigade; null leaves a field.")
class UpdateBrigadeInput:
    id: strawberry.ID = strawberry.field(description="Global Brigade ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    captain_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a registered Volunteer."
    )
    remove_captain: bool = strawberry.field(
        default=False, description="True to leave the brigade without a captain."
    )
