"""Cultural halls: five haves, star rating, area and managing brigade."""

from __future__ import annotations

import pytest

from db.models.venue import Hall
from domain import halls
from domain.errors import Duplicate, Forbidden, InvalidInput
from tests.worlds import ADMIN, build_world, captain_of


async def _hall(world, actor=ADMIN, **overrides):
    arguments = {
        "name": "鸣山村文化礼堂",
        "village_id": world.village.id,
        "area_m2": 800,
        "star_rating": 4,
        "haves": halls.FiveHaves(venue=True, exhibition=True, team=True),
        "opening_hours": "每日 08:30-20:30",
        "brigade_id": world.squad.id,
    }
    arguments.update(overrides)
    return await halls.create_hall(actor, **arguments)


async def test_create_hall_records_five_haves() -> None:
    world = await build_world()

    hall = await _hall(world, actor=captain_of(world.town_brigade))

    stored = await Hall.get(id=hall.id)
    haves = [
        stored.has_venue,
        stored.has_exhibition,
        stored.has_activities,
        stored.has_team,
        stored.has_mechanism,
    ]
    assert haves == [True, True, False, True, False]
    assert stored.star_rating == 4
    assert stored.brigade_id == world.squad.id


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"star_rating": 0}, "starRating"),
        ({"star_rating": 6}, "starRating"),
        ({"area_m2": 0}, "areaM2"),
        ({"name": " "}, "name"),
    ],
)
async def test_hall_input_checked(overrides, field) -> None:
    world = await build_world()

    with pytest.raises(InvalidInput) as raised:
        await _hall(world, **overrides)

    assert raised.value.field == field
    assert await Hall.all().count() == 0


async def test_hall_needs_village() -> None:
    world = await build_world()

    with pytest.raises(InvalidInput) as raised:
        await _hall(world, village_id=world.town.id)

    assert raised.value.field == "villageId"


async def test_one_hall_per_village() -> None:
    world = await build_world()
    await _hall(world)

    with pytest.raises(Duplicate) as raised:
        await _hall(world, name="第二礼堂")

    assert raised.value.field == "villageId"


async def test_update_hall_by_captain() -> None:
    world = await build_world()
    hall = await _hall(world)

    updated = await halls.update_hall(
        captain_of(world.squad),
        hall_id=hall.id,
        star_rating=5,
        haves=halls.FiveHaves(True, True, True, True, True),
    )

    assert updated.star_rating == 5
    assert updated.has_mechanism is True


async def test_captain_elsewhere_cannot_update() -> None:
    world = await build_world()
    hall = await _hall(world, brigade_id=world.town_brigade.id)

    with pytest.raises(Forbidden):
        await halls.update_hall(captain_of(world.squad), hall_id=hall.id, area_m2=10)
