"""Filter and order inputs of project lists."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.project.types import DeliveryCategory, ProjectStatus


@strawberry.input(description="Filter for projects; all given conditions must hold.")
class ProjectFilter:
    status: list[ProjectStatus] | None = strawberry.field(
        default=None,
        description="Statuses to list; default [ADMITTED]. Only ADMITTED, SUSPENDED "
        "and RETIRED are public: requesting another status is an error.",
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
    region: str | None = strawberry.field(
        default=None,
        description="Code of a region: projects whose owning brigade or unit is "
        "in it or under it.",
    )
    name_contains: str | None = strawberry.field(
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
