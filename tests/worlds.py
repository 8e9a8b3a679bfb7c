"""Builders of a small practice-center world for rule and API tests.

Each builder goes through the rules where one exists, so the rows are what
production would write. Numbers are made unique with a counter.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from db.models.enums import (
    ActivityStatus,
    DeliveryCategory,
    PlatformOrigin,
    ProjectStatus,
    RegionLevel,
    Role,
    UnitKind,
)
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Platform, Unit
from domain import activities, admission, organization, registration
from domain.actor import SYSTEM, Actor
from domain.identity import check_character

ADMIN = Actor(label="admin", role=Role.ADMINISTRATOR)

_sequence = itertools.count(1)

# A Monday morning in Cixi, 09:00-12:00 local time.
MORNING_START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
MORNING_END = MORNING_START + timedelta(hours=3)
# A service date that self-reports accept whenever the tests run.
RECENT_SERVICE_DAY = date.today() - timedelta(days=7)


def resident_id(born: date = date(1990, 5, 17), serial: int | None = None) -> str:
    """A valid 18-character ID number of Cixi with the given birth date."""
    serial = next(_sequence) % 1000 if serial is None else serial
    first17 = f"330282{born:%Y%m%d}{serial:03d}"
    return first17 + check_character(first17)


def phone() -> str:
    return f"138{next(_sequence):08d}"


@dataclass
class World:
    city: Region
    town: Region
    village: Region
    platform: Platform
    unit: Unit
    alliance: Alliance
    corps: Brigade
    town_brigade: Brigade
    squad: Brigade


async def build_world() -> World:
    city = await Region.create(
        code="330282", name="慈溪市", level=RegionLevel.CITY, kind="市"
    )
    town = await Region.create(
        code="330282101",
        name="观海卫镇",
        level=RegionLevel.TOWN,
        kind="镇",
        parent=city,
    )
    village = await Region.create(
        code="330282101201",
        name="鸣山村",
        level=RegionLevel.VILLAGE,
        kind="村",
        parent=town,
        is_administrative_village=True,
    )
    platform = await Platform.create(
        code="THEORY", name="理论宣讲平台", origin=PlatformOrigin.NATIONAL
    )
    unit = await organization.create_unit(
        ADMIN, name="市委宣传部", kind=UnitKind.PARTY_GOVERNMENT, region_id=city.id
    )
    alliance = await organization.create_alliance(
        ADMIN, name="理论宣讲志愿服务联盟", platform_id=platform.id, convener_id=unit.id
    )
    corps = await organization.create_brigade(
        ADMIN, name="慈溪市志愿服务总队", level=RegionLevel.CITY, region_id=city.id
    )
    town_brigade = await organization.create_brigade(
        ADMIN,
        name="观海卫镇志愿服务大队",
        level=RegionLevel.TOWN,
        region_id=town.id,
        parent_id=corps.id,
    )
    squad = await organization.create_brigade(
        ADMIN,
        name="鸣山村志愿服务小队",
        level=RegionLevel.VILLAGE,
        region_id=village.id,
        parent_id=town_brigade.id,
    )
    return World(
        city, town, village, platform, unit, alliance, corps, town_brigade, squad
    )


def captain_of(brigade: Brigade, volunteer_id: int | None = None) -> Actor:
    return Actor(
        label=f"captain:{brigade.id}",
        role=Role.CAPTAIN,
        brigade_path=brigade.path,
        volunteer_id=volunteer_id,
    )


def convener_of(alliance: Alliance) -> Actor:
    return Actor(
        label=f"convener:{alliance.id}", role=Role.CONVENER, alliance_id=alliance.id
    )


def volunteer_actor(volunteer_id: int) -> Actor:
    return Actor(
        label=f"volunteer:{volunteer_id}",
        role=Role.VOLUNTEER,
        volunteer_id=volunteer_id,
    )


async def make_volunteer(world: World, *, born: date = date(1990, 5, 17), **extra):
    return await registration.register_volunteer(
        SYSTEM,
        name=extra.pop("name", "王小明"),
        id_number=resident_id(born),
        phone=phone(),
        region_id=world.village.id,
        brigade_id=extra.pop("brigade_id", world.squad.id),
        **extra,
    )


async def make_project(world: World, *, name: str = "村晚宣讲"):
    project = await admission.create_project(
        ADMIN,
        name=name,
        category=DeliveryCategory.THEORY,
        platform_id=world.platform.id,
        alliance_id=world.alliance.id,
        brigade_id=world.town_brigade.id,
    )
    await admission.change_project_status(
        ADMIN, project_id=project.id, status=ProjectStatus.SUBMITTED
    )
    return await admission.change_project_status(
        ADMIN, project_id=project.id, status=ProjectStatus.ADMITTED
    )


async def make_open_activity(
    world: World,
    project,
    *,
    places: int = 10,
    starts_at: datetime = MORNING_START,
    ends_at: datetime = MORNING_END,
    **position,
):
    activity = await activities.schedule_activity(
        ADMIN,
        project_id=project.id,
        title="理论宣讲进礼堂",
        starts_at=starts_at,
        ends_at=ends_at,
        address="鸣山村文化礼堂",
        region_id=world.village.id,
    )
    slot = await activities.add_position(
        ADMIN, activity_id=activity.id, name="宣讲员", places=places, **position
    )
    activity = await activities.change_activity_status(
        ADMIN, activity_id=activity.id, status=ActivityStatus.OPEN
    )
    return activity, slot
