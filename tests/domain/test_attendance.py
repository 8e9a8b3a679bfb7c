"""Attendance minutes, self-reports, review of records and corrections."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from db.models.enums import ActivityStatus, RecordSource, RecordStatus, SignupStatus
from db.models.outbox import AuditEntry, Event
from db.models.people import Volunteer
from db.models.service import ServiceRecord
from domain import activities, attendance, signup
from domain.errors import Forbidden, InvalidInput, InvalidTransition
from tests.worlds import (
    ADMIN,
    MORNING_END,
    MORNING_START,
    RECENT_SERVICE_DAY,
    build_world,
    captain_of,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)


async def _signed_up(world, **activity):
    project = await make_project(world)
    event, position = await make_open_activity(world, project, **activity)
    volunteer = await make_volunteer(world)
    taken = await signup.sign_up(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        position_id=position.id,
    )
    return event, volunteer, taken


async def test_checkout_clips_to_scheduled_window() -> None:
    world = await build_world()
    _, volunteer, taken = await _signed_up(world)
    actor = volunteer_actor(volunteer.id)

    await attendance.check_in(
        actor, signup_id=taken.id, at=MORNING_START - timedelta(minutes=40)
    )
    record = await attendance.check_out(
        actor, signup_id=taken.id, at=MORNING_END + timedelta(minutes=25)
    )

    assert record.minutes == 180
    assert record.status == RecordStatus.PENDING
    assert record.source == RecordSource.ATTENDANCE
    assert record.served_on == date(2026, 3, 2)


async def test_checkout_counts_whole_minutes_attended() -> None:
    world = await build_world()
    _, volunteer, taken = await _signed_up(world)
    actor = volunteer_actor(volunteer.id)

    await attendance.check_in(
        actor, signup_id=taken.id, at=MORNING_START + timedelta(minutes=15)
    )
    record = await attendance.check_out(
        actor, signup_id=taken.id, at=MORNING_START + timedelta(minutes=100, seconds=59)
    )

    assert record.minutes == 85


async def test_finish_closes_missed_checkout_at_end() -> None:
    world = await build_world()
    activity, volunteer, taken = await _signed_up(world)
    await attendance.check_in(
        volunteer_actor(volunteer.id),
        signup_id=taken.id,
        at=MORNING_START + timedelta(minutes=30),
    )
    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.ONGOING
    )

    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.FINISHED
    )

    record = await ServiceRecord.get(signup_id=taken.id)
    assert record.minutes == 150
    await taken.refresh_from_db()
    assert taken.status == SignupStatus.CHECKED_OUT
    assert taken.checked_out_at == MORNING_END


async def test_checkout_before_checkin_rejected() -> None:
    world = await build_world()
    _, volunteer, taken = await _signed_up(world)
    actor = volunteer_actor(volunteer.id)

    with pytest.raises(InvalidTransition):
        await attendance.check_out(actor, signup_id=taken.id, at=MORNING_END)


async def test_self_report_pending_with_content() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    record = await attendance.report_hours(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        minutes=90,
        served_on=RECENT_SERVICE_DAY,
        region_id=world.village.id,
        content="陪伴独居老人",
    )

    assert record.source == RecordSource.SELF_REPORT
    assert record.status == RecordStatus.PENDING
    assert record.content == "陪伴独居老人"


async def test_self_report_needs_content() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    with pytest.raises(InvalidInput) as raised:
        await attendance.report_hours(
            volunteer_actor(volunteer.id),
            volunteer_id=volunteer.id,
            minutes=90,
            served_on=RECENT_SERVICE_DAY,
            region_id=world.village.id,
            content="  ",
        )

    assert raised.value.field == "content"


async def _report(world, volunteer, minutes):
    return await attendance.report_hours(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        minutes=minutes,
        served_on=RECENT_SERVICE_DAY,
        region_id=world.village.id,
        content="文明劝导",
    )


async def test_captain_confirms_member_record() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 120)

    confirmed = await attendance.confirm_record(
        captain_of(world.town_brigade), record_id=record.id
    )

    assert confirmed.status == RecordStatus.CONFIRMED
    assert confirmed.confirmed_by == f"captain:{world.town_brigade.id}"
    assert confirmed.confirmed_at is not None
    stored = await Volunteer.get(id=volunteer.id)
    assert stored.confirmed_minutes == 120
    assert stored.points_hundredths == 200
    event = await Event.get(topic="DASHBOARD", object_id=record.id)
    assert event.kind == "HOURS_CONFIRMED"
    assert event.payload == {"minutes": 120}


async def test_captain_of_other_squad_cannot_confirm() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world, brigade_id=world.town_brigade.id)
    record = await _report(world, volunteer, 60)

    with pytest.raises(Forbidden):
        await attendance.confirm_record(captain_of(world.squad), record_id=record.id)


async def test_confirm_twice_rejected() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 60)
    await attendance.confirm_record(ADMIN, record_id=record.id)

    with pytest.raises(InvalidTransition):
        await attendance.confirm_record(ADMIN, record_id=record.id)

    assert (await Volunteer.get(id=volunteer.id)).confirmed_minutes == 60


async def test_reject_needs_reason() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 60)
    audits = await AuditEntry.all().count()

    with pytest.raises(InvalidInput) as raised:
        await attendance.reject_record(ADMIN, record_id=record.id, reason="")
    rejected = await attendance.reject_record(
        ADMIN, record_id=record.id, reason="no witness"
    )

    assert raised.value.field == "reason"
    assert rejected.status == RecordStatus.REJECTED
    assert rejected.reason == "no witness"
    assert await AuditEntry.all().count() == audits + 1
    assert (await Volunteer.get(id=volunteer.id)).confirmed_minutes == 0


async def test_correction_offsets_original() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 180)
    await attendance.confirm_record(ADMIN, record_id=record.id)

    correction = await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=-60, reason="left early"
    )

    original = await ServiceRecord.get(id=record.id)
    assert original.minutes == 180
    assert original.status == RecordStatus.CONFIRMED
    assert correction.offsets_id == record.id
    assert correction.minutes == -60
    assert correction.source == RecordSource.CORRECTION
    assert correction.status == RecordStatus.CONFIRMED
    stored = await Volunteer.get(id=volunteer.id)
    assert stored.confirmed_minutes == 120
    assert stored.points_hundredths == 200
    event = await Event.get(topic="DASHBOARD", object_id=correction.id)
    assert event.kind == "HOURS_CORRECTED"
    assert event.payload == {"minutes": -60}


async def test_correction_cannot_go_below_zero() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 60)
    await attendance.confirm_record(ADMIN, record_id=record.id)
    await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=-30, reason="half"
    )

    with pytest.raises(InvalidInput) as raised:
        await attendance.correct_record(
            ADMIN, record_id=record.id, minutes=-31, reason="too much"
        )

    assert "totals 30 minutes" in raised.value.message
    assert (await Volunteer.get(id=volunteer.id)).confirmed_minutes == 30


async def test_pending_record_cannot_be_corrected() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 60)

    with pytest.raises(InvalidTransition):
        await attendance.correct_record(
            ADMIN, record_id=record.id, minutes=10, reason="more"
        )


async def test_self_report_correction_capped_at_day() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await _report(world, volunteer, 60)
    await attendance.confirm_record(ADMIN, record_id=record.id)
    await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=1380, reason="补录"
    )

    for too_many in (1, 2147483647):
        with pytest.raises(InvalidInput) as raised:
            await attendance.correct_record(
                ADMIN, record_id=record.id, minutes=too_many, reason="补录"
            )
        assert raised.value.field == "minutes"
        assert "at most 1440 minutes" in raised.value.message
    assert (await Volunteer.get(id=volunteer.id)).confirmed_minutes == 1440


async def test_attendance_correction_capped_at_schedule() -> None:
    world = await build_world()
    _, volunteer, taken = await _signed_up(world)
    actor = volunteer_actor(volunteer.id)
    await attendance.check_in(
        actor, signup_id=taken.id, at=MORNING_START + timedelta(minutes=15)
    )
    record = await attendance.check_out(
        actor, signup_id=taken.id, at=MORNING_START + timedelta(minutes=100)
    )
    await attendance.confirm_record(ADMIN, record_id=record.id)

    with pytest.raises(InvalidInput) as raised:
        await attendance.correct_record(
            ADMIN, record_id=record.id, minutes=96, reason="补录"
        )
    await attendance.correct_record(
        ADMIN, record_id=record.id, minutes=95, reason="补录"
    )

    assert "at most 180 minutes" in raised.value.message
    assert (await Volunteer.get(id=volunteer.id)).confirmed_minutes == 180


async def test_early_finish_closes_checkout_now() -> None:
    world = await build_world()
    now = datetime.now(UTC)
    activity, volunteer, taken = await _signed_up(
        world,
        starts_at=now - timedelta(minutes=30),
        ends_at=now + timedelta(hours=2),
    )
    await attendance.check_in(
        volunteer_actor(volunteer.id),
        signup_id=taken.id,
        at=now - timedelta(minutes=20),
    )
    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.ONGOING
    )

    await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.FINISHED
    )

    record = await ServiceRecord.get(signup_id=taken.id)
    await taken.refresh_from_db()
    # 20 minutes have passed, give or take the test's own run time.
    assert 20 <= record.minutes <= 21
    assert taken.checked_out_at <= datetime.now(UTC)
    assert taken.checked_out_at >= now


async def test_self_report_date_within_last_year() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    today = date.today()
    too_old = today - timedelta(days=attendance.MAX_SELF_REPORT_AGE_DAYS + 2)

    for served_on in (date(1026, 1, 1), too_old, today + timedelta(days=2)):
        with pytest.raises(InvalidInput) as raised:
            await attendance.report_hours(
                volunteer_actor(volunteer.id),
                volunteer_id=volunteer.id,
                minutes=60,
                served_on=served_on,
                region_id=world.village.id,
                content="文明劝导",
            )
        assert raised.value.field == "servedOn", served_on
    assert await ServiceRecord.all().count() == 0
