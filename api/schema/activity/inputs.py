"""Inputs of activity and position lists and of their mutations."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from api.schema.activity.types import ActivityStatus
from api.schema.pagination import OrderDirection
from api.schema.project.types import DeliveryCategory
from api.schema.scalars import RegionCode, SearchText


@strawberry.input(description="Filter for activities; all given conditions must hold.")
class ActivityFilter:
    region: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region (6, 9 or 12 digits): activities in it or "
        "under it.",
    )
    project: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a project."
    )
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the alliance of the project."
    )
    hall: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a hall."
    )
    category: DeliveryCategory | None = strawberry.field(
        default=None, description="Delivery category (五送) of the project."
    )
    status: ActivityStatus | None = strawberry.field(
        default=None, description="Status."
    )
    starts_from: datetime | None = strawberry.field(
        default=None,
        description="Earliest start, included; an ISO 8601 time with an offset.",
    )
    starts_before: datetime | None = strawberry.field(
        default=None,
        description="Start before this time, excluded; an ISO 8601 time with an "
        "offset.",
    )
    title_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese title, e.g. 宣讲."
    )


@strawberry.enum(description="Sort key of activities.")
class ActivityOrderField(Enum):
    STARTS_AT = "starts_at"
    TITLE = "title"
    ID = "id"


@strawberry.input(description="Order of an activity list; ties are broken by id.")
class ActivityOrder:
    field: ActivityOrderField = ActivityOrderField.STARTS_AT
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Filter for positions; all given conditions must hold.")
class PositionFilter:
    activity: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an activity."
    )
    region: RegionCode | None = strawberry.field(
        default=None, description="Code of a region: positions of activities in it."
    )
    has_places_left: bool | None = strawberry.field(
        default=None, description="Only positions with free places, or only full ones."
    )
    name_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 讲解."
    )


@strawberry.enum(description="Sort key of positions.")
class PositionOrderField(Enum):
    NAME = "name"
    ID = "id"


@strawberry.input(description="Order of a position list; ties are broken by id.")
class PositionOrder:
    field: PositionOrderField = PositionOrderField.ID
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(
    description="An activity of an ADMITTED project, at a hall or an address."
)
class ScheduleActivityInput:
    project_id: strawberry.ID = strawberry.field(description="Global Project ID.")
    title: str = strawberry.field(description="Title, at most 128 characters.")
    starts_at: datetime = strawberry.field(description="Start, with a time zone.")
    ends_at: datetime = strawberry.field(description="End, after the start.")
    hall_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global Hall ID; or give address and regionId."
    )
    address: str = strawberry.field(default="", description="Free address.")
    region_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the address's Region."
    )
    description: str = strawberry.field(default="", description="Description.")


@strawberry.input(description="A position (岗位) of an activity.")
class AddPositionInput:
    activity_id: strawberry.ID = strawberry.field(description="Global Activity ID.")
    name: str = strawberry.field(description="Name, at most 64 characters.")
    places: int = strawberry.field(description="Number of places, more than 0.")
    required_skills: list[str] = strawberry.field(
        default_factory=list, description="Skills every volunteer must have."
    )
    min_age: int = strawberry.field(
        default=0, description="Minimum age in years at the activity's start."
    )


@strawberry.input(description="The next status of an activity.")
class ChangeActivityStatusInput:
    id: strawberry.ID = strawberry.field(description="Global Activity ID.")
    status: ActivityStatus = strawberry.field(
        description="OPEN, ONGOING, FINISHED or CANCELLED."
    )
