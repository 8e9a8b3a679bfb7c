"""Volunteers with valid personal data, and the brigade tree they belong to."""

from __future__ import annotations

from datetime import date, timedelta

from dataset.names import SKILLS, person_name
from dataset.world import BrigadePlan, RegionPlan, World
from dataset.writer import BatchWriter
from db.models.enums import PoliticalStatus, RegionLevel, Sex, VolunteerStatus
from db.models.org import AllianceBrigade, Brigade, BrigadeMember
from db.models.people import Volunteer
from domain.identity import check_character, mask_id_number, mask_phone
from domain.pii import current_cipher

CORPS_NAME = "慈溪市新时代文明实践志愿服务总队"
BRIGADE_SUFFIX = "新时代文明实践志愿服务大队"
SQUAD_SUFFIX = "新时代文明实践志愿服务小队"

# The center started as a pilot in August 2018 (see the facts file).
FIRST_REGISTRATION = date(2018, 8, 1)
MOBILE_PREFIXES = (
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 177 180 181 182 183 185 186 187 188 189 191 198 199"
).split()
EXTRA_TAGS = ("巾帼志愿者", "青年志愿者", "退役军人", "新乡贤")


class PersonalData:
    """Draw unique resident ID numbers and mobile numbers, and encrypt them."""

    def __init__(self, world: World) -> None:
        self.rng = world.rng
        self.cipher = current_cipher()
        self.id_numbers: set[str] = set()
        self.phones: set[str] = set()

    def id_number(self, birth_date: date, *, female: bool) -> str:
        while True:
            # The 17th digit is even for women and odd for men (GB 11643).
            sequence = self.rng.randrange(0, 1000, 2) + (0 if female else 1)
            first17 = f"330282{birth_date:%Y%m%d}{sequence:03d}"
            number = first17 + check_character(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def phone(self) -> str:
        while True:
            phone = (
                self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            )
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def columns(self, id_number: str, phone: str) -> dict[str, str]:
        return {
            "id_number_cipher": self.cipher.encrypt(id_number),
            "id_number_hash": self.cipher.lookup_hash(id_number),
            "id_number_masked": mask_id_number(id_number),
            "phone_cipher": self.cipher.encrypt(phone),
            "phone_hash": self.cipher.lookup_hash(phone),
            "phone_masked": mask_phone(phone),
        }


def _birth_date(world: World, *, captain: bool) -> date:
    rng = world.rng
    # Village volunteers skew older; captains are mostly between 40 and 65.
    year = rng.randint(1958, 1986) if captain else int(rng.triangular(1950, 2006, 1965))
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _political_status(world: World, birth_date: date, *, captain: bool) -> str:
    roll = world.rng.random()
    if captain or roll < 0.18:
        return PoliticalStatus.CPC_MEMBER
    if roll < 0.19:
        return PoliticalStatus.CPC_PROBATIONARY
    if roll < 0.20:
        return PoliticalStatus.DEMOCRATIC_PARTY
    if birth_date.year >= 1994 and roll < 0.40:
        return PoliticalStatus.CYL_MEMBER
    return PoliticalStatus.MASSES


def _tags(world: World, birth_date: date, political_status: str) -> list[str]:
    rng = world.rng
    veteran, cadre, model, talent = world.facts.local_tags
    older = birth_date.year <= 1965
    tags = []
    if older and political_status == PoliticalStatus.CPC_MEMBER and rng.random() < 0.6:
        tags.append(veteran)
    if older and rng.random() < 0.05:
        tags.append(cadre)
    if rng.random() < 0.01:
        tags.append(model)
    if rng.random() < 0.04:
        tags.append(talent)
    if rng.random() < 0.08:
        tags.append(rng.choice(EXTRA_TAGS))
    return tags


def _registered_on(world: World, birth_date: date) -> date:
    earliest = max(
        FIRST_REGISTRATION, birth_date.replace(day=1) + timedelta(days=18 * 366)
    )
    latest = world.today - timedelta(days=1)
    if earliest >= latest:
        return latest
    return earliest + timedelta(days=world.rng.randrange((latest - earliest).days))


def _volunteer(
    world: World,
    personal: PersonalData,
    volunteer_id: int,
    region: RegionPlan,
    *,
    captain: bool,
) -> Volunteer:
    rng = world.rng
    female = rng.random() < (0.3 if captain else 0.52)
    birth_date = _birth_date(world, captain=captain)
    political_status = _political_status(world, birth_date, captain=captain)
    roll = rng.random()
    status = VolunteerStatus.ACTIVE
    if not captain and roll < 0.03:
        status = VolunteerStatus.WITHDRAWN
    elif not captain and roll < 0.04:
        status = VolunteerStatus.SUSPENDED
    registered_on = _registered_on(world, birth_date)
    world.volunteer_registered_on.append(registered_on)
    if status == VolunteerStatus.ACTIVE and region.town_index is not None:
        world.volunteers_by_town[region.town_index].append(volunteer_id)

    id_number = personal.id_number(birth_date, female=female)
    return Volunteer(
        id=volunteer_id,
        number=f"CX{volunteer_id:08d}",
        name=person_name(rng, female=female),
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_date=birth_date,
        region_id=region.id,
        political_status=political_status,
        tags=_tags(world, birth_date, political_status),
        skills=rng.sample(SKILLS, rng.choice((0, 1, 1, 1, 2, 2, 3))),
        status=status,
        registered_on=registered_on,
        **personal.columns(id_number, personal.phone()),
    )


def _plan_brigades(world: World) -> list[BrigadePlan]:
    corps_id = world.next_id("brigade")
    world.corps = BrigadePlan(
        corps_id, CORPS_NAME, RegionLevel.CITY, world.city.id, None, f"/{corps_id}/"
    )
    plans = [world.corps]
    for town in world.towns:
        brigade_id = world.next_id("brigade")
        brigade = BrigadePlan(
            brigade_id,
            town.name + BRIGADE_SUFFIX,
            RegionLevel.TOWN,
            town.id,
            corps_id,
            f"{world.corps.path}{brigade_id}/",
        )
        world.town_brigades[town.id] = brigade
        plans.append(brigade)
        for village in world.villages_by_town[town.id]:
            squad_id = world.next_id("brigade")
            squad = BrigadePlan(
                squad_id,
                village.name + SQUAD_SUFFIX,
                RegionLevel.VILLAGE,
                village.id,
                brigade_id,
                f"{brigade.path}{squad_id}/",
            )
            world.squads[village.id] = squad
            plans.append(squad)
    return plans


def _home_region(world: World, town: RegionPlan) -> RegionPlan:
    villages = world.villages_by_town[town.id] + world.communities_by_town[town.id]
    if villages and world.rng.random() < 0.85:
        return world.rng.choice(villages)
    return town


def _brigade_of(world: World, region: RegionPlan) -> BrigadePlan:
    if region.id in world.squads:
        return world.squads[region.id]
    if region.level == RegionLevel.VILLAGE:
        return world.town_brigades[region.parent_id]
    return world.town_brigades.get(region.id, world.corps)


async def write_volunteers_and_brigades(
    world: World, writer: BatchWriter, volunteers: int
) -> None:
    """Write the volunteers, the brigade tree with a captain each, and memberships.

    The first volunteers are the captains: the corps captain, one per town
    brigade living in that town, one per squad living in that village.
    """
    brigades = _plan_brigades(world)
    if volunteers < len(brigades):
        raise ValueError(
            f"{volunteers} volunteers are too few: each of the {len(brigades)} "
            "brigades needs its own captain"
        )
    personal = PersonalData(world)
    world.volunteers_by_town = {index: [] for index in range(len(world.towns))}
    world.volunteer_registered_on = [FIRST_REGISTRATION]  # index 0 is unused
    town_weights = [
        {"街道": 1.3, "镇": 1.0}.get(world.facts.towns[t.town_index].kind, 0.15)
        for t in world.towns
    ]
    seat = next(town for town in world.towns if town.name == "浒山街道")
    brigade_of_volunteer: list[int] = [0]

    for volunteer_id in range(1, volunteers + 1):
        captain_of = (
            brigades[volunteer_id - 1] if volunteer_id <= len(brigades) else None
        )
        if captain_of is None:
            town = world.rng.choices(world.towns, weights=town_weights)[0]
            region = _home_region(world, town)
        elif captain_of.level == RegionLevel.CITY:
            region = seat
        else:
            region = next(
                plan
                for plan in [*world.towns, *world.administrative_villages]
                if plan.id == captain_of.region_id
            )
        if captain_of is not None:
            captain_of.captain_id = volunteer_id
        row = _volunteer(
            world, personal, volunteer_id, region, captain=captain_of is not None
        )
        brigade_of_volunteer.append((captain_of or _brigade_of(world, region)).id)
        await writer.add(row)
    await writer.flush()

    for plan in brigades:
        await writer.add(
            Brigade(
                id=plan.id,
                name=plan.name,
                level=plan.level,
                region_id=plan.region_id,
                parent_id=plan.parent_id,
                path=plan.path,
                captain_id=plan.captain_id,
            )
        )
    await writer.flush()

    alliance_ids = list(world.alliance_ids.values())
    for brigade in world.town_brigades.values():
        for alliance_id in sorted(
            world.rng.sample(alliance_ids, world.rng.randint(1, 3))
        ):
            await writer.add(
                AllianceBrigade(
                    id=world.next_id("alliance_brigade"),
                    alliance_id=alliance_id,
                    brigade_id=brigade.id,
                )
            )
    for volunteer_id in range(1, volunteers + 1):
        await writer.add(
            BrigadeMember(
                id=world.next_id("brigade_member"),
                brigade_id=brigade_of_volunteer[volunteer_id],
                volunteer_id=volunteer_id,
            )
        )
    await writer.flush()
