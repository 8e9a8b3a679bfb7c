"""Units, alliances and the brigade tree."""

from __future__ import annotations

import pytest

from db.models.enums import RegionLevel, Role, UnitKind
from db.models.org import AllianceBrigade, AllianceMember, Brigade
from db.models.outbox import AuditEntry
from domain import organization
from domain.actor import Actor
from domain.errors import Duplicate, Forbidden, InvalidInput
from tests.worlds import (
    ADMIN,
    build_world,
    captain_of,
    convener_of,
    make_volunteer,
)


async def test_brigade_paths_follow_tree() -> None:
    world = await build_world()

    assert world.corps.path == f"/{world.corps.id}/"
    assert world.town_brigade.path == f"/{world.corps.id}/{world.town_brigade.id}/"
    assert world.squad.path == f"{world.town_brigade.path}{world.squad.id}/"


async def test_child_must_be_one_level_below() -> None:
    world = await build_world()

    with pytest.raises(InvalidInput) as raised:
        await organization.create_brigade(
            ADMIN,
            name="越级小队",
            level=RegionLevel.VILLAGE,
            region_id=world.village.id,
            parent_id=world.corps.id,
        )

    assert raised.value.field == "parentId"
    assert "one level below" in raised.value.message


async def test_city_corps_has_no_parent() -> None:
    world = await build_world()

    with pytest.raises(InvalidInput) as raised:
        await organization.create_brigade(
            ADMIN,
            name="第二总队",
            level=RegionLevel.CITY,
            region_id=world.city.id,
            parent_id=world.corps.id,
        )

    assert raised.value.field == "parentId"


async def test_brigade_level_matches_region() -> None:
    world = await build_world()

    with pytest.raises(InvalidInput) as raised:
        await organization.create_brigade(
            ADMIN,
            name="错位小队",
            level=RegionLevel.VILLAGE,
            region_id=world.town.id,
            parent_id=world.town_brigade.id,
        )

    assert raised.value.field == "regionId"


async def test_captain_must_be_volunteer() -> None:
    world = await build_world()
    audits = await AuditEntry.all().count()

    with pytest.raises(InvalidInput) as raised:
        await organization.update_brigade(
            ADMIN, brigade_id=world.squad.id, captain_id=77
        )

    assert raised.value.field == "captainId"
    assert await AuditEntry.all().count() == audits


async def test_captain_named_from_volunteers() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    brigade = await organization.update_brigade(
        ADMIN, brigade_id=world.squad.id, captain_id=volunteer.id
    )

    assert brigade.captain_id == volunteer.id


async def test_captain_creates_squad_under_own_brigade() -> None:
    world = await build_world()
    village = await world.village.clone(pk=None)
    village.code = "330282101202"
    village.name = "洋山村"
    await village.save()

    squad = await organization.create_brigade(
        captain_of(world.town_brigade),
        name="洋山村志愿服务小队",
        level=RegionLevel.VILLAGE,
        region_id=village.id,
        parent_id=world.town_brigade.id,
    )

    assert squad.path.startswith(world.town_brigade.path)


async def test_captain_cannot_edit_brigade_above() -> None:
    world = await build_world()

    with pytest.raises(Forbidden):
        await organization.update_brigade(
            captain_of(world.squad), brigade_id=world.town_brigade.id, name="改名"
        )

    assert (await Brigade.get(id=world.town_brigade.id)).name == "观海卫镇志愿服务大队"


async def test_duplicate_unit_name() -> None:
    world = await build_world()

    with pytest.raises(Duplicate) as raised:
        await organization.create_unit(
            ADMIN, name="市委宣传部", kind=UnitKind.SCHOOL, region_id=world.city.id
        )

    assert raised.value.field == "name"


async def test_convener_manages_members_and_brigades() -> None:
    world = await build_world()
    school = await organization.create_unit(
        ADMIN, name="慈溪中学", kind=UnitKind.SCHOOL, region_id=world.city.id
    )
    convener = convener_of(world.alliance)

    await organization.add_alliance_member(
        convener, alliance_id=world.alliance.id, unit_id=school.id
    )
    await organization.join_alliance(
        convener, alliance_id=world.alliance.id, brigade_id=world.squad.id
    )

    assert await AllianceMember.filter(alliance=world.alliance, unit=school).exists()
    assert await AllianceBrigade.filter(
        alliance=world.alliance, brigade=world.squad
    ).exists()


async def test_convener_of_other_alliance_forbidden() -> None:
    world = await build_world()
    outsider = Actor(
        label="convener:other", role=Role.CONVENER, alliance_id=world.alliance.id + 1
    )

    with pytest.raises(Forbidden):
        await organization.update_alliance(
            outsider, alliance_id=world.alliance.id, description="x"
        )


async def test_platform_has_one_alliance() -> None:
    world = await build_world()

    with pytest.raises(Duplicate) as raised:
        await organization.create_alliance(
            ADMIN,
            name="另一个联盟",
            platform_id=world.platform.id,
            convener_id=world.unit.id,
        )

    assert raised.value.field == "platformId"
