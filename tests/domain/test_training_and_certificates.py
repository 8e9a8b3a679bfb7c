"""Training records and service certificates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from db.models.training import TrainingRecord
from domain import attendance, certificates, training
from domain.errors import Duplicate, InvalidInput, NotFound
from tests.worlds import (
    ADMIN,
    RECENT_SERVICE_DAY,
    build_world,
    captain_of,
    make_volunteer,
)


async def test_training_once_per_course() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    course = await training.create_course(
        ADMIN, name="急救技能培训", minutes=120, held_on=date(2026, 1, 10)
    )

    await training.record_training(
        captain_of(world.town_brigade), course_id=course.id, volunteer_id=volunteer.id
    )
    with pytest.raises(Duplicate) as raised:
        await training.record_training(
            ADMIN, course_id=course.id, volunteer_id=volunteer.id
        )

    assert raised.value.field == "volunteerId"
    assert await TrainingRecord.all().count() == 1


async def test_course_needs_minutes() -> None:
    with pytest.raises(InvalidInput) as raised:
        await training.create_course(
            ADMIN, name="空课程", minutes=0, held_on=date(2026, 1, 10)
        )

    assert raised.value.field == "minutes"


async def test_certificate_verifies_by_number() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world, name="张三丰")
    record = await attendance.report_hours(
        ADMIN,
        volunteer_id=volunteer.id,
        minutes=150,
        served_on=RECENT_SERVICE_DAY,
        region_id=world.village.id,
        content="敬老院服务",
    )
    await attendance.confirm_record(ADMIN, record_id=record.id)

    certificate = await certificates.issue_certificate(
        ADMIN, volunteer_id=volunteer.id, issuer="慈溪市新时代文明实践中心"
    )
    verified = await certificates.verify_certificate(certificate.number.lower())

    assert re.fullmatch(r"CXC-20\d\d-000001", certificate.number)
    assert verified.volunteer_number == volunteer.number
    assert verified.masked_name == "张**"
    assert verified.minutes == 150
    assert verified.issuer == "慈溪市新时代文明实践中心"


async def test_unknown_certificate_not_found() -> None:
    with pytest.raises(NotFound) as raised:
        await certificates.verify_certificate("CXC-2026-999999")

    assert raised.value.field == "number"


async def test_find_unknown_certificate_none() -> None:
    found = await certificates.find_certificate(" cxc-2026-999999 ")

    assert found is None


async def test_find_malformed_number_rejected() -> None:
    with pytest.raises(InvalidInput) as raised:
        await certificates.find_certificate("2026-000001")

    assert raised.value.field == "number"


async def test_certificate_needs_confirmed_time() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    with pytest.raises(InvalidInput):
        await certificates.issue_certificate(
            ADMIN, volunteer_id=volunteer.id, issuer="中心"
        )
