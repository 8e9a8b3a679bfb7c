"""Inputs of the activity mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry

from db.models import enums

# NOTE: declared here until the activity read types are merged; then this
# module imports ActivityStatus from api.schema.activity.types instead.
ActivityStatus = strawberry.enum(
    enums.ActivityStatus,
    description="Status of an activity: PLANNED, OPEN (taking signups), ONGOING, "
    "FINISHED, CANCELLED.",
)


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
