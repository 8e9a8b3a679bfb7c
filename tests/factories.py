"""Small factories for test data: plain async functions that create rows.

Each takes the rows it links to and fills everything else with a valid
default, so a test names only what it asserts on. Numbers, ID numbers and
phones come from a counter and are unique within a test run.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from db.models.activity import Activity, Position
from db.models.enums import (
    ActivityStatus,
    DeliveryCategory,
    PlatformOrigin,
    PoliticalStatus,
    ProjectStatus,
    RecordSource,
    RecordStatus,
    RegionLevel,
    Sex,
    UnitKind,
    VolunteerStatus,
)
from db.models.geo import Region
from db.models.org import (
    Alliance,
    AllianceBrigade,
    AllianceMember,
    Brigade,
    BrigadeMember,
    Platform,
    Unit,
)
from db.models.people import Volunteer
from db.models.project import Project, ProjectReview
from db.models.service import ServiceRecord
from db.models.venue import Hall
from domain.identity import check_character, mask_id_number, mask_phone
from domain.pii import current_cipher

_sequence = itertools.count(1)

_LEVEL_BY_LENGTH = {6: RegionLevel.CITY, 9: RegionLevel.TOWN, 12: RegionLevel.VILLAGE}
_KIND_BY_LEVEL = {
    RegionLevel.CITY: "市",
    RegionLevel.TOWN: "镇",
    RegionLevel.VILLAGE: "村",
}


def next_number() -> int:
    return next(_sequence)


def resident_id(region_code: str = "330282", born: date = date(1980, 5, 17)) -> str:
    """Return a valid 18-character ID number with a fresh sequence and check digit."""
    first17 = f"{region_code[:6]}{born:%Y%m%d}{next_number() % 1000:03d}"
    return first17 + check_character(first17)


def mobile_phone() -> str:
    return f"138{next_number():08d}"


async def make_region(
    code: str,
    name: str | None = None,
    *,
    parent: Region | None = None,
    kind: str | None = None,
    is_administrative_village: bool | None = None,
) -> Region:
    """Create a region whose level follows the code length (6, 9 or 12 digits)."""
    level = _LEVEL_BY_LENGTH[len(code)]
    if is_administrative_village is None:
        is_administrative_village = level is RegionLevel.VILLAGE
    return await Region.create(
        code=code,
        name=name or f"区域{code}",
        level=level,
        kind=kind or _KIND_BY_LEVEL[level],
        parent=parent,
        is_administrative_village=is_administrative_village,
    )


async def make_platform(
    code: str | None = None,
    name: str | None = None,
    *,
    origin: PlatformOrigin = PlatformOrigin.LOCAL,
    description: str = "",
) -> Platform:
    number = next_number()
    return await Platform.create(
        code=code or f"P{number}",
        name=name or f"服务平台{number}",
        origin=origin,
        description=description,
    )


async def make_unit(
    region: Region,
    name: str | None = None,
    *,
    kind: UnitKind = UnitKind.PARTY_GOVERNMENT,
) -> Unit:
    return await Unit.create(
        name=name or f"单位{next_number()}", kind=kind, region=region
    )


async def make_alliance(
    platform: Platform,
    convener: Unit,
    name: str | None = None,
    *,
    members: Sequence[Unit] = (),
    brigades: Sequence[Brigade] = (),
    description: str = "",
) -> Alliance:
    alliance = await Alliance.create(
        name=name or f"志愿服务联盟{next_number()}",
        description=description,
        platform=platform,
        convener=convener,
    )
    for unit in members:
        await AllianceMember.create(alliance=alliance, unit=unit)
    for brigade in brigades:
        await AllianceBrigade.create(alliance=alliance, brigade=brigade)
    return alliance


async def make_brigade(
    region: Region,
    name: str | None = None,
    *,
    parent: Brigade | None = None,
    captain: Volunteer | None = None,
) -> Brigade:
    """Create a brigade one level below its parent, or the corps without one."""
    if parent is None:
        level = RegionLevel.CITY
    elif parent.level == RegionLevel.CITY:
        level = RegionLevel.TOWN
    else:
        level = RegionLevel.VILLAGE
    brigade = await Brigade.create(
        name=name or f"服务队{next_number()}",
        level=level,
        region=region,
        parent=parent,
        captain=captain,
    )
    brigade.path = f"{parent.path if parent else '/'}{brigade.id}/"
    await brigade.save(update_fields=["path"])
    return brigade


async def add_members(brigade: Brigade, *volunteers: Volunteer) -> None:
    for volunteer in volunteers:
        await BrigadeMember.create(brigade=brigade, volunteer=volunteer)


async def make_volunteer(
    region: Region,
    name: str = "张伟",
    *,
    number: str | None = None,
    id_number: str | None = None,
    phone: str | None = None,
    sex: Sex = Sex.MALE,
    birth_date: date = date(1980, 5, 17),
    political_status: PoliticalStatus = PoliticalStatus.MASSES,
    tags: Sequence[str] = (),
    skills: Sequence[str] = (),
    status: VolunteerStatus = VolunteerStatus.ACTIVE,
    registered_on: date = date(2024, 3, 1),
    confirmed_minutes: int = 0,
    points_hundredths: int = 0,
) -> Volunteer:
    """Create a volunteer with encrypted, hashed and masked ID number and phone."""
    cipher = current_cipher()
    id_number = id_number or resident_id(region.code, birth_date)
    phone = phone or mobile_phone()
    return await Volunteer.create(
        number=number or f"V{next_number():07d}",
        name=name,
        sex=sex,
        birth_date=birth_date,
        id_number_cipher=cipher.encrypt(id_number),
        id_number_hash=cipher.lookup_hash(id_number),
        id_number_masked=mask_id_number(id_number),
        phone_cipher=cipher.encrypt(phone),
        phone_hash=cipher.lookup_hash(phone),
        phone_masked=mask_phone(phone),
        region=region,
        political_status=political_status,
        tags=list(tags),
        skills=list(skills),
        status=status,
        registered_on=registered_on,
        confirmed_minutes=confirmed_minutes,
        points_hundredths=points_hundredths,
    )


async def make_hall(
    village: Region,
    name: str | None = None,
    *,
    area_m2: int = 500,
    star_rating: int = 3,
    haves: tuple[bool, bool, bool, bool, bool] = (True, True, True, False, False),
    opening_hours: str = "周二至周日 8:30-17:00",
    brigade: Brigade | None = None,
) -> Hall:
    """Create a hall; `haves` are venue, exhibition, activities, team, mechanism."""
    venue, exhibition, activities, team, mechanism = haves
    return await Hall.create(
        name=name or f"{village.name}文化礼堂",
        village=village,
        area_m2=area_m2,
        star_rating=star_rating,
        has_venue=venue,
        has_exhibition=exhibition,
        has_activities=activities,
        has_team=team,
        has_mechanism=mechanism,
        opening_hours=opening_hours,
        brigade=brigade,
    )


async def make_project(
    platform: Platform,
    name: str | None = None,
    *,
    category: DeliveryCategory = DeliveryCategory.CULTURE,
    status: ProjectStatus = ProjectStatus.ADMITTED,
    alliance: Alliance | None = None,
    brigade: Brigade | None = None,
    unit: Unit | None = None,
    description: str = "",
) -> Project:
    return await Project.create(
        name=name or f"实践项目{next_number()}",
        description=description,
        category=category,
        platform=platform,
        alliance=alliance,
        brigade=brigade,
        unit=unit,
        status=status,
    )


async def make_review(
    project: Project,
    from_status: ProjectStatus,
    to_status: ProjectStatus,
    *,
    actor: str = "admin",
    opinion: str = "",
) -> ProjectReview:
    return await ProjectReview.create(
        project=project,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        opinion=opinion,
    )


async def make_activity(
    project: Project,
    region: Region,
    title: str | None = None,
    *,
    starts_at: datetime | None = None,
    hours: float = 2,
    hall: Hall | None = None,
    address: str = "",
    status: ActivityStatus = ActivityStatus.OPEN,
    description: str = "",
) -> Activity:
    """Create an activity that starts `starts_at`, by default this time tomorrow."""
    starts_at = starts_at or datetime.now(UTC) + timedelta(days=1)
    return await Activity.create(
        project=project,
        title=title or f"活动{next_number()}",
        description=description,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        hall=hall,
        address=address,
        region=region,
        status=status,
    )


async def make_position(
    activity: Activity,
    name: str | None = None,
    *,
    places: int = 5,
    taken: int = 0,
    required_skills: Sequence[str] = (),
    min_age: int = 0,
) -> Position:
    return await Position.create(
        activity=activity,
        name=name or f"岗位{next_number()}",
        places=places,
        taken=taken,
        required_skills=list(required_skills),
        min_age=min_age,
    )


async def make_service_record(
    volunteer: Volunteer,
    region: Region,
    minutes: int,
    *,
    status: RecordStatus = RecordStatus.CONFIRMED,
    source: RecordSource = RecordSource.SELF_REPORT,
    activity: Activity | None = None,
    offsets: ServiceRecord | None = None,
    served_on: date = date(2026, 5, 1),
    reason: str = "",
) -> ServiceRecord:
    """Create a service record; a correction passes `offsets` and may be negative."""
    return await ServiceRecord.create(
        volunteer=volunteer,
        activity=activity,
        region=region,
        minutes=minutes,
        source=RecordSource.CORRECTION if offsets else source,
        status=status,
        offsets=offsets,
        served_on=served_on,
        reason=reason,
        confirmed_by="admin" if status is RecordStatus.CONFIRMED else "",
        confirmed_at=datetime.now(UTC) if status is RecordStatus.CONFIRMED else None,
    )
