"""Mutations of activities and their positions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.activity import Activity, Position
from db.models.enums import ActivityStatus
from domain import activities
from domain.actor import Actor


async def schedule_activity(
    actor: Actor,
    *,
    project_id: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    hall_id: str | None,
    address: str,
    region_id: str | None,
    description: str,
) -> Activity:
    return await activities.schedule_activity(
        actor,
        project_id=decode_id(project_id, "Project", field="projectId"),
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        hall_id=decode_optional_id(hall_id, "Hall", field="hallId"),
        address=address,
        region_id=decode_optional_id(region_id, "Region", field="regionId"),
        description=description,
    )


async def add_position(
    actor: Actor,
    *,
    activity_id: str,
    name: str,
    places: int,
    required_skills: Sequence[str],
    min_age: int,
) -> Position:
    return await activities.add_position(
        actor,
        activity_id=decode_id(activity_id, "Activity", field="activityId"),
        name=name,
        places=places,
        required_skills=required_skills,
        min_age=min_age,
    )


async def change_activity_status(
    actor: Actor, *, activity_id: str, status: str
) -> Activity:
    return await activities.change_activity_status(
        actor,
        activity_id=decode_id(activity_id, "Activity", field="id"),
        status=ActivityStatus(status),
    )
