"""Signups: capacity under concurrency, duplicates, overlaps and eligibility."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from db.models.activity import Position, Signup
from db.models.enums import ActivityStatus, SignupStatus
from db.models.outbox import AuditEntry, Event
from domain import activities, signup
from domain.errors import (
    CapacityFull,
    Duplicate,
    Forbidden,
    InvalidTransition,
    NotEligible,
    ScheduleConflict,
)
from tests.worlds import (
    ADMIN,
    MORNING_END,
    MORNING_START,
    build_world,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)


async def _sign_up(volunteer, position):
    return await signup.sign_up(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        position_id=position.id,
    )


async def test_fifty_concurrent_signups_fill_ten_places() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project, places=10)
    volunteers = [await make_volunteer(world) for _ in range(50)]

    results = await asyncio.gather(
        *(_sign_up(volunteer, position) for volunteer in volunteers),
        return_exceptions=True,
    )

    taken = [result for result in results if isinstance(result, Signup)]
    full = [result for result in results if isinstance(result, CapacityFull)]
    assert len(taken) == 10
    assert len(full) == 40
    assert await Signup.filter(position=position).count() == 10
    assert (await Position.get(id=position.id)).taken == 10


async def test_signup_twice_same_position() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)
    await _sign_up(volunteer, position)

    with pytest.raises(Duplicate) as raised:
        await _sign_up(volunteer, position)

    assert raised.value.field == "positionId"
    assert (await Position.get(id=position.id)).taken == 1


async def test_cancelled_signup_is_reactivated() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)
    first = await _sign_up(volunteer, position)
    await signup.cancel_signup(volunteer_actor(volunteer.id), signup_id=first.id)
    assert (await Position.get(id=position.id)).taken == 0

    again = await _sign_up(volunteer, position)

    assert again.id == first.id
    assert again.status == SignupStatus.SIGNED_UP
    assert (await Position.get(id=position.id)).taken == 1


async def test_overlapping_activity_conflicts() -> None:
    world = await build_world()
    project = await make_project(world)
    _, morning = await make_open_activity(world, project)
    _, overlapping = await make_open_activity(
        world,
        project,
        starts_at=MORNING_START + timedelta(hours=2),
        ends_at=MORNING_END + timedelta(hours=2),
    )
    volunteer = await make_volunteer(world)
    await _sign_up(volunteer, morning)

    with pytest.raises(ScheduleConflict):
        await _sign_up(volunteer, overlapping)


async def test_back_to_back_activities_do_not_overlap() -> None:
    world = await build_world()
    project = await make_project(world)
    _, morning = await make_open_activity(world, project)
    _, afternoon = await make_open_activity(
        world, project, starts_at=MORNING_END, ends_at=MORNING_END + timedelta(hours=2)
    )
    volunteer = await make_volunteer(world)
    await _sign_up(volunteer, morning)

    later = await _sign_up(volunteer, afternoon)

    assert later.status == SignupStatus.SIGNED_UP


async def test_cancelled_signup_does_not_conflict() -> None:
    world = await build_world()
    project = await make_project(world)
    _, morning = await make_open_activity(world, project)
    _, overlapping = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)
    first = await _sign_up(volunteer, morning)
    await signup.cancel_signup(volunteer_actor(volunteer.id), signup_id=first.id)

    second = await _sign_up(volunteer, overlapping)

    assert second.status == SignupStatus.SIGNED_UP


async def test_minimum_age_at_activity_start() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project, min_age=18)
    # Turns 18 on the day after the activity (2026-03-02).
    young = await make_volunteer(world, born=date(2008, 3, 3))
    just_of_age = await make_volunteer(world, born=date(2008, 3, 2))

    with pytest.raises(NotEligible) as raised:
        await _sign_up(young, position)
    accepted = await _sign_up(just_of_age, position)

    assert "at least 18" in raised.value.message
    assert accepted.status == SignupStatus.SIGNED_UP


async def test_required_skills_enforced() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(
        world, project, required_skills=["急救", "手语"]
    )
    without = await make_volunteer(world, skills=["急救"])
    skilled = await make_volunteer(world, skills=["手语", "急救", "摄影"])

    with pytest.raises(NotEligible) as raised:
        await _sign_up(without, position)
    accepted = await _sign_up(skilled, position)

    assert raised.value.message.endswith("手语")
    assert accepted.status == SignupStatus.SIGNED_UP


async def test_signup_needs_open_activity() -> None:
    world = await build_world()
    project = await make_project(world)
    activity, position = await make_open_activity(world, project)
    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.ONGOING
    )
    volunteer = await make_volunteer(world)

    with pytest.raises(InvalidTransition):
        await _sign_up(volunteer, position)


async def test_signup_for_someone_else_forbidden() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)

    with pytest.raises(Forbidden):
        await signup.sign_up(
            volunteer_actor(volunteer.id + 1),
            volunteer_id=volunteer.id,
            position_id=position.id,
        )


async def test_full_position_writes_nothing() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project, places=1)
    first, second = [await make_volunteer(world) for _ in range(2)]
    await _sign_up(first, position)
    events = await Event.all().count()
    audits = await AuditEntry.all().count()

    with pytest.raises(CapacityFull):
        await _sign_up(second, position)

    assert await Signup.filter(volunteer=second).count() == 0
    assert await Event.all().count() == events
    assert await AuditEntry.all().count() == audits


async def test_signup_event_reports_places() -> None:
    world = await build_world()
    project = await make_project(world)
    activity, position = await make_open_activity(world, project, places=3)
    volunteer = await make_volunteer(world)

    await _sign_up(volunteer, position)

    event = await Event.filter(topic="ACTIVITY", kind="PLACES_CHANGED").order_by("-id")
    assert event[0].payload == {"positionId": position.id, "places": 3, "taken": 1}
    assert event[0].object_id == activity.id
    assert event[0].region_code == world.village.code
    assert event[0].alliance_id == world.alliance.id
    assert event[0].category == "THEORY"


async def test_no_show_frees_place() -> None:
    world = await build_world()
    project = await make_project(world)
    activity, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)
    taken = await _sign_up(volunteer, position)
    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.ONGOING
    )

    marked = await signup.mark_no_show(ADMIN, signup_id=taken.id)

    assert marked.status == SignupStatus.NO_SHOW
    assert (await Position.get(id=position.id)).taken == 0
