"""Inputs of the unit, alliance and brigade mutations."""

from __future__ import annotations

import strawberry

from api.schema.geo.types import RegionLevel
from db.models import enums

# NOTE: declared here until the org read types are merged; then this module
# imports UnitKind from api.schema.org.types instead.
UnitKind = strawberry.enum(
    enums.UnitKind,
    description="Kind of unit (单位): PARTY_GOVERNMENT 党政机关, SCHOOL 学校, "
    "HOSPITAL 医院, COMPANY 企业, SOCIAL_ORGANIZATION 社会组织.",
)


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
