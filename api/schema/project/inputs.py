"""Inputs of project lists and of the project mutations."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.project.types import DeliveryCategory, ProjectStatus
from api.schema.scalars import RegionCode, SearchText


@strawberry.input(description="Filter for projects; all given conditions must hold.")
class ProjectFilter:
    status: list[ProjectStatus] | None = strawberry.field(
        default=None,
        description="Statuses to list; default [ADMITTED]. Only ADMITTED, SUSPENDED "
        "and RETIRED are public: requesting another status is an error, except "
        "for administrators and for conveners, who see those of their alliance.",
    )
    category: DeliveryCategory | None = strawberry.field(
        default=None, description="Delivery category (五送)."
    )
    platform: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a platform."
    )
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an alliance."
    )
    brigade: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owning brigade."
    )
    region: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region: projects whose owning brigade or unit is "
        "in it or under it.",
    )
    name_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 宣讲."
    )


@strawberry.enum(description="Sort key of projects.")
class ProjectOrderField(Enum):
    NAME = "name"
    CREATED_AT = "created_at"
    ID = "id"


@strawberry.input(description="Order of a project list; ties are broken by id.")
class ProjectOrder:
    field: ProjectOrderField = ProjectOrderField.ID
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="A new DRAFT project owned by a brigade or unit.")
class CreateProjectInput:
    name: str = strawberry.field(description="Unique name, at most 128 characters.")
    category: DeliveryCategory = strawberry.field(description="What it delivers.")
    platform_id: strawberry.ID = strawberry.field(description="Global Platform ID.")
    description: str = strawberry.field(default="", description="Description.")
    alliance_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the platform's Alliance."
    )
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owning Brigade."
    )
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owning Unit."
    )


@strawberry.input(description="Changes to a DRAFT or REJECTED project.")
class UpdateProjectInput:
    id: strawberry.ID = strawberry.field(description="Global Project ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    description: str | None = strawberry.field(default=None, description="Text.")
    category: DeliveryCategory | None = strawberry.field(
        default=None, description="New category."
    )


@strawberry.input(description="A step of the admission review.")
class ChangeProjectStatusInput:
    id: strawberry.ID = strawberry.field(description="Global Project ID.")
    status: ProjectStatus = strawberry.field(
        description="Requested status: SUBMITTED by the project's team; ADMITTED, "
        "REJECTED, SUSPENDED, RETIRED by administrators."
    )
    opinion: str = strawberry.field(
        default="",
        description="Reviewer's opinion; required for REJECTED and SUSPENDED.",
    )
