"""Activities of admitted projects, their positions and status.

PLANNED -> OPEN -> ONGOING -> FINISHED, and CANCELLED from PLANNED, OPEN
or ONGOING. Signups are taken while an activity is OPEN.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from db.models.activity import Activity, Position, Signup
from db.models.enums import ActivityStatus, ProjectStatus, SignupStatus
from db.models.geo import Region
from db.models.project import Project
from db.models.venue import Hall
from domain.activity_rows import (
    HOLDING_PLACE,
    activity_event_fields,
    load_activity,
    require_activity_team,
)
from domain.actor import Actor
from domain.attendance import close_missed_checkouts
from domain.errors import InvalidInput, InvalidTransition
from domain.lookup import load, required_text, utc_now
from domain.outbox import record_audit, record_event
from domain.permissions import require_project

A = ActivityStatus

TRANSITIONS = {
    (A.PLANNED, A.OPEN): "OPENED",
    (A.OPEN, A.ONGOING): "STARTED",
    (A.ONGOING, A.FINISHED): "FINISHED",
    (A.PLANNED, A.CANCELLED): "CANCELLED",
    (A.OPEN, A.CANCELLED): "CANCELLED",
    (A.ONGOING, A.CANCELLED): "CANCELLED",
}


async def schedule_activity(
    actor: Actor,
    *,
    project_id: int,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    hall_id: int | None = None,
    address: str = "",
    region_id: int | None = None,
    description: str = "",
    connection: BaseDBAsyncClient | None = None,
) -> Activity:
    """Schedule a PLANNED activity of an ADMITTED project.

    The place is a hall (its village is the region) or a free address in a
    region. Pass `connection` to run inside a caller's transaction.
    """
    title = required_text(title, field="title", max_length=128)
    _check_window(starts_at, ends_at)
    if connection is not None:
        return await _schedule(
            connection,
            actor,
            project_id=project_id,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            hall_id=hall_id,
            address=address,
            region_id=region_id,
            description=description,
        )
    async with in_transaction() as own:
        return await _schedule(
            own,
            actor,
            project_id=project_id,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            hall_id=hall_id,
            address=address,
            region_id=region_id,
            description=description,
        )


def _check_window(starts_at: datetime, ends_at: datetime) -> None:
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise InvalidInput("start and end need a time zone", field="startsAt")
    if ends_at <= starts_at:
        raise InvalidInput("an activity must end after it starts", field="endsAt")


async def _schedule(
    connection: BaseDBAsyncClient,
    actor: Actor,
    *,
    project_id: int,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    hall_id: int | None,
    address: str,
    region_id: int | None,
    description: str,
) -> Activity:
    project = await load(Project, project_id, field="projectId", related=("brigade",))
    brigade = project.brigade if project.brigade_id else None
    require_project(
        actor,
        alliance_id=project.alliance_id,
        brigade_path=brigade.path if brigade else None,
    )
    if project.status != ProjectStatus.ADMITTED:
        raise InvalidTransition(
            f"only ADMITTED projects may schedule activities, "
            f"this one is {project.status}",
            field="projectId",
        )
    hall = None
    address = address.strip()
    if hall_id is not None:
        hall = await load(Hall, hall_id, field="hallId", related=("village",))
        region = hall.village
    elif address and region_id is not None:
        region = await load(Region, region_id, field="regionId")
    else:
        raise InvalidInput(
            "give a hall, or an address together with a region", field="hallId"
        )
    activity = await Activity.create(
        project=project,
        title=title,
        description=description.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        hall=hall,
        address=address,
        region=region,
        using_db=connection,
    )
    await record_event(
        connection,
        topic="ACTIVITY",
        kind="CREATED",
        **activity_event_fields(activity, project),
        payload=_public_payload(activity),
    )
    await record_audit(
        connection, actor, action="scheduleActivity", target=f"Activity:{activity.id}"
    )
    return activity


def _public_payload(activity: Activity) -> dict:
    return {
        "title": activity.title,
        "status": str(activity.status),
        "startsAt": activity.starts_at.isoformat(),
        "endsAt": activity.ends_at.isoformat(),
    }


async def add_position(
    actor: Actor,
    *,
    activity_id: int,
    name: str,
    places: int,
    required_skills: Sequence[str] = (),
    min_age: int = 0,
) -> Position:
    """Add a position to an activity that has not started."""
    name = required_text(name, field="name", max_length=64)
    if places <= 0:
        raise InvalidInput(f"places must be more than 0, got {places}", field="places")
    if not 0 <= min_age <= 100:
        raise InvalidInput(
            f"minimum age must be 0 to 100, got {min_age}", field="minAge"
        )
    async with in_transaction() as connection:
        activity = await load_activity(activity_id, for_update=True)
        require_activity_team(actor, activity)
        if activity.status not in (A.PLANNED, A.OPEN):
            raise InvalidTransition(
                f"positions are added while PLANNED or OPEN, "
                f"the activity is {activity.status}",
                field="activityId",
            )
        skills = [skill.strip() for skill in required_skills if skill.strip()]
        position = await Position.create(
            activity=activity,
            name=name,
            places=places,
            required_skills=sorted(set(skills)),
            min_age=min_age,
        )
        await record_event(
            connection,
            topic="ACTIVITY",
            kind="PLACES_CHANGED",
            **activity_event_fields(activity, activity.project),
            payload={"positionId": position.id, "places": places, "taken": 0},
        )
        await record_audit(
            connection, actor, action="addPosition", target=f"Position:{position.id}"
        )
    return position


async def change_activity_status(
    actor: Actor, *, activity_id: int, status: ActivityStatus
) -> Activity:
    """Move an activity to its next status.

    Finishing closes every missed check-out at the scheduled end, or now
    when the activity finishes before its end. Cancelling
    cancels the signups that still hold a place and frees the places.
    """
    status = ActivityStatus(status)
    async with in_transaction() as connection:
        activity = await load_activity(activity_id, field="id", for_update=True)
        require_activity_team(actor, activity)
        current = ActivityStatus(activity.status)
        kind = TRANSITIONS.get((current, status))
        if kind is None:
            raise InvalidTransition(
                f"activity cannot go from {current} to {status}", field="status"
            )
        activity.status = status
        await activity.save(update_fields=["status", "updated_at"])
        if status is A.FINISHED:
            await close_missed_checkouts(activity, finished_at=utc_now())
        if status is A.CANCELLED:
            # Positions are updated before signups, the order in which sign_up
            # locks them, so that the two do not lock each other on PostgreSQL.
            await Position.filter(activity=activity).update(taken=0)
            await Signup.filter(activity=activity, status__in=HOLDING_PLACE).update(
                status=SignupStatus.CANCELLED
            )
        await record_event(
            connection,
            topic="ACTIVITY",
            kind=kind,
            **activity_event_fields(activity, activity.project),
            payload=_public_payload(activity),
        )
        await record_audit(
            connection,
            actor,
            action="changeActivityStatus",
            target=f"Activity:{activity.id}",
            detail={"from": current.value, "to": status.value},
        )
    return activity
