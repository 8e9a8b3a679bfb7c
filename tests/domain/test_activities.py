"""Scheduling activities, their positions and status."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db.models.activity import Activity, Position, Signup
from db.models.enums import ActivityStatus, DeliveryCategory, SignupStatus
from db.models.outbox import Event
from domain import activities, admission, halls, signup
from domain.errors import InvalidInput, InvalidTransition
from tests.worlds import (
    ADMIN,
    MORNING_END,
    MORNING_START,
    build_world,
    captain_of,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)

A = ActivityStatus


async def _schedule(world, project, **overrides):
    arguments = {
        "project_id": project.id,
        "title": "移风易俗宣讲",
        "starts_at": MORNING_START,
        "ends_at": MORNING_END,
        "address": "村委会二楼",
        "region_id": world.village.id,
    }
    arguments.update(overrides)
    return await activities.schedule_activity(ADMIN, **arguments)


async def test_schedule_at_hall_takes_its_village() -> None:
    world = await build_world()
    project = await make_project(world)
    hall = await halls.create_hall(
        ADMIN,
        name="鸣山村文化礼堂",
        village_id=world.village.id,
        area_m2=600,
        star_rating=3,
    )

    activity = await _schedule(world, project, hall_id=hall.id, address="")

    assert activity.region_id == world.village.id
    assert activity.status == A.PLANNED
    event = await Event.get(topic="ACTIVITY", kind="CREATED")
    assert event.region_code == world.village.code
    assert event.project_id == project.id


async def test_schedule_needs_admitted_project() -> None:
    world = await build_world()
    draft = await admission.create_project(
        ADMIN,
        name="草稿项目",
        category=DeliveryCategory.CULTURE,
        platform_id=world.platform.id,
        brigade_id=world.squad.id,
    )

    with pytest.raises(InvalidTransition) as raised:
        await _schedule(world, draft)

    assert raised.value.field == "projectId"
    assert await Activity.all().count() == 0


async def test_schedule_end_after_start() -> None:
    world = await build_world()
    project = await make_project(world)

    with pytest.raises(InvalidInput) as raised:
        await _schedule(world, project, ends_at=MORNING_START)

    assert raised.value.field == "endsAt"


async def test_schedule_needs_a_place() -> None:
    world = await build_world()
    project = await make_project(world)

    with pytest.raises(InvalidInput) as raised:
        await _schedule(world, project, address="")

    assert raised.value.field == "hallId"


async def test_schedule_rejects_naive_time() -> None:
    world = await build_world()
    project = await make_project(world)

    with pytest.raises(InvalidInput):
        await _schedule(world, project, starts_at=datetime(2026, 3, 2, 9))


async def test_position_needs_places() -> None:
    world = await build_world()
    project = await make_project(world)
    activity = await _schedule(world, project)

    with pytest.raises(InvalidInput) as raised:
        await activities.add_position(
            ADMIN, activity_id=activity.id, name="引导员", places=0
        )

    assert raised.value.field == "places"
    assert await Position.all().count() == 0


async def test_status_walks_to_finished() -> None:
    world = await build_world()
    project = await make_project(world)
    activity = await _schedule(world, project)
    team = captain_of(world.town_brigade)

    for status in (A.OPEN, A.ONGOING, A.FINISHED):
        activity = await activities.change_activity_status(
            team, activity_id=activity.id, status=status
        )

    kinds = (
        await Event.filter(topic="ACTIVITY")
        .order_by("id")
        .values_list("kind", flat=True)
    )
    assert activity.status == A.FINISHED
    assert kinds == ["CREATED", "OPENED", "STARTED", "FINISHED"]


async def test_finished_cannot_be_cancelled() -> None:
    world = await build_world()
    project = await make_project(world)
    activity = await _schedule(world, project)
    for status in (A.OPEN, A.ONGOING, A.FINISHED):
        await activities.change_activity_status(
            ADMIN, activity_id=activity.id, status=status
        )

    with pytest.raises(InvalidTransition) as raised:
        await activities.change_activity_status(
            ADMIN, activity_id=activity.id, status=A.CANCELLED
        )

    assert raised.value.message == "activity cannot go from FINISHED to CANCELLED"


async def test_cancel_frees_places() -> None:
    world = await build_world()
    project = await make_project(world)
    activity, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)
    taken = await signup.sign_up(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        position_id=position.id,
    )

    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=A.CANCELLED
    )

    assert (await Signup.get(id=taken.id)).status == SignupStatus.CANCELLED
    assert (await Position.get(id=position.id)).taken == 0


async def test_later_activity_can_be_planned() -> None:
    world = await build_world()
    project = await make_project(world)

    activity = await _schedule(
        world,
        project,
        starts_at=MORNING_START + timedelta(days=7),
        ends_at=MORNING_END + timedelta(days=7),
    )

    assert activity.ends_at - activity.starts_at == timedelta(hours=3)
