"""Registering volunteers: derived fields, personal data, duplicates, brigades."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from db.models.enums import Sex
from db.models.org import BrigadeMember
from db.models.outbox import AuditEntry, Event
from db.models.people import Volunteer
from domain import registration
from domain.actor import ANONYMOUS
from domain.errors import Duplicate, Forbidden, InvalidInput
from domain.pii import current_cipher
from tests.worlds import (
    ADMIN,
    build_world,
    captain_of,
    phone,
    resident_id,
    volunteer_actor,
)


async def _register(world, actor=ANONYMOUS, **overrides):
    arguments = {
        "name": "李华",
        "id_number": resident_id(date(1988, 2, 29), serial=12),
        "phone": "13812345678",
        "region_id": world.village.id,
    }
    arguments.update(overrides)
    return await registration.register_volunteer(actor, **arguments)


async def test_register_derives_sex_and_birth_date() -> None:
    world = await build_world()

    volunteer = await _register(world)

    assert volunteer.birth_date == date(1988, 2, 29)
    assert volunteer.sex == Sex.FEMALE  # serial 012: the 17th digit 2 is even
    assert volunteer.number == f"CX{volunteer.id:08d}"


async def test_register_keeps_only_cipher_hash_mask() -> None:
    world = await build_world()
    number = resident_id(date(1988, 2, 29), serial=12)

    volunteer = await _register(world)

    stored = await Volunteer.get(id=volunteer.id)
    assert stored.id_number_masked == "330282********" + number[-4:]
    assert stored.phone_masked == "138****5678"
    assert current_cipher().decrypt(stored.id_number_cipher) == number
    assert current_cipher().decrypt(stored.phone_cipher) == "13812345678"
    assert number not in stored.id_number_hash
    event = await Event.get(topic="VOLUNTEER", object_id=volunteer.id)
    assert event.payload == {"number": volunteer.number}


async def test_register_duplicate_id_number() -> None:
    world = await build_world()
    await _register(world)

    with pytest.raises(Duplicate) as raised:
        await _register(world, phone="13900000000")

    assert raised.value.field == "idNumber"


async def test_register_duplicate_phone() -> None:
    world = await build_world()
    await _register(world)

    with pytest.raises(Duplicate) as raised:
        await _register(world, id_number=resident_id(date(1970, 1, 1), serial=3))

    assert raised.value.field == "phone"


async def test_register_race_yields_one_duplicate() -> None:
    world = await build_world()

    results = await asyncio.gather(
        _register(world), _register(world), return_exceptions=True
    )

    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1
    assert isinstance(errors[0], Duplicate)
    assert errors[0].field == "idNumber"
    assert await Volunteer.all().count() == 1


async def test_register_invalid_id_writes_nothing() -> None:
    world = await build_world()
    events = await Event.all().count()
    audits = await AuditEntry.all().count()

    with pytest.raises(InvalidInput) as raised:
        await _register(world, id_number="330282900517001")

    assert raised.value.field == "idNumber"
    assert await Volunteer.all().count() == 0
    assert await Event.all().count() == events
    assert await AuditEntry.all().count() == audits


async def test_register_unknown_region_writes_nothing() -> None:
    world = await build_world()
    audits = await AuditEntry.all().count()

    with pytest.raises(Exception) as raised:
        await _register(world, region_id=999)

    assert raised.value.field == "regionId"
    assert await Volunteer.all().count() == 0
    assert await AuditEntry.all().count() == audits


async def test_register_by_captain_into_own_squad() -> None:
    world = await build_world()

    volunteer = await _register(
        world, actor=captain_of(world.town_brigade), brigade_id=world.squad.id
    )

    assert await BrigadeMember.filter(volunteer=volunteer, brigade=world.squad).exists()


async def test_register_by_captain_outside_subtree() -> None:
    world = await build_world()

    with pytest.raises(Forbidden):
        await _register(world, actor=captain_of(world.squad), brigade_id=world.corps.id)


async def test_volunteer_account_cannot_register() -> None:
    world = await build_world()

    with pytest.raises(Forbidden):
        await _register(world, actor=volunteer_actor(1))


async def test_captain_who_volunteers_registers_others() -> None:
    world = await build_world()
    captain = await _register(world, phone=phone())

    volunteer = await _register(
        world,
        actor=captain_of(world.squad, volunteer_id=captain.id),
        id_number=resident_id(date(1999, 9, 9), serial=44),
        phone=phone(),
        brigade_id=world.squad.id,
    )

    assert volunteer.id != captain.id


async def test_join_and_leave_brigade() -> None:
    world = await build_world()
    volunteer = await _register(world, phone=phone())
    actor = volunteer_actor(volunteer.id)

    await registration.join_brigade(
        actor, volunteer_id=volunteer.id, brigade_id=world.squad.id
    )
    with pytest.raises(Duplicate):
        await registration.join_brigade(
            actor, volunteer_id=volunteer.id, brigade_id=world.squad.id
        )
    await registration.leave_brigade(
        ADMIN, volunteer_id=volunteer.id, brigade_id=world.squad.id
    )

    assert not await BrigadeMember.filter(volunteer=volunteer).exists()
