"""Regions, units, platforms and alliances: the fixed frame of the data set."""

from __future__ import annotations

from dataset.facts import CITY_CODE, CITY_NAME
from dataset.names import community_name, village_names
from dataset.world import RegionPlan, World
from dataset.writer import BatchWriter
from db.models.enums import PlatformOrigin, RegionLevel, UnitKind
from db.models.geo import Region
from db.models.org import Alliance, AllianceMember, Platform, Unit

# Administrative villages per town-level division. Subdistricts (街道) are
# mostly urban, so they get fewer villages and a few communities (社区); the
# functional zones get none. The counts add up to the published 273.
VILLAGES_PER_SUBDISTRICT = (6, 5, 3, 4, 7)
VILLAGES_PER_TOWN = (19, 24, 16, 17, 15, 18, 14, 16, 20, 15, 17, 16, 19, 22)
COMMUNITIES_PER_SUBDISTRICT = 3

# Member units that may join each platform's alliance, besides its convener.
MEMBER_UNITS: dict[str, tuple[tuple[str, UnitKind], ...]] = {
    "THEORY": (
        ("市委党校", UnitKind.PARTY_GOVERNMENT),
        ("市社会科学界联合会", UnitKind.SOCIAL_ORGANIZATION),
        ("慈溪中学", UnitKind.SCHOOL),
        ("市老干部局", UnitKind.PARTY_GOVERNMENT),
        ("慈溪日报社", UnitKind.COMPANY),
    ),
    "EDUCATION": (
        ("慈溪中学", UnitKind.SCHOOL),
        ("浒山中学", UnitKind.SCHOOL),
        ("慈溪市实验小学", UnitKind.SCHOOL),
        ("慈溪职业高级中学", UnitKind.SCHOOL),
        ("共青团慈溪市委", UnitKind.PARTY_GOVERNMENT),
        ("市妇女联合会", UnitKind.PARTY_GOVERNMENT),
    ),
    "CULTURE": (
        ("慈溪市图书馆", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市文化馆", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市越剧团", UnitKind.COMPANY),
        ("市文学艺术界联合会", UnitKind.SOCIAL_ORGANIZATION),
        ("慈溪市博物馆", UnitKind.PARTY_GOVERNMENT),
    ),
    "SCIENCE": (
        ("市农业农村局", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市科技馆", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市气象局", UnitKind.PARTY_GOVERNMENT),
        ("慈溪职业高级中学", UnitKind.SCHOOL),
        ("慈溪市电子商务协会", UnitKind.SOCIAL_ORGANIZATION),
    ),
    "SPORTS": (
        ("慈溪市体育馆", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市老年体育协会", UnitKind.SOCIAL_ORGANIZATION),
        ("慈溪市跑步协会", UnitKind.SOCIAL_ORGANIZATION),
        ("浒山中学", UnitKind.SCHOOL),
    ),
    "HEALTH": (
        ("慈溪市人民医院", UnitKind.HOSPITAL),
        ("慈溪市中医医院", UnitKind.HOSPITAL),
        ("慈溪市妇幼保健院", UnitKind.HOSPITAL),
        ("慈溪市第三人民医院", UnitKind.HOSPITAL),
        ("市民政局", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市红十字会", UnitKind.SOCIAL_ORGANIZATION),
    ),
    "SAFETY_LAW": (
        ("市公安局", UnitKind.PARTY_GOVERNMENT),
        ("市人民法院", UnitKind.PARTY_GOVERNMENT),
        ("市消防救援大队", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市律师协会", UnitKind.SOCIAL_ORGANIZATION),
        ("慈溪市义工协会", UnitKind.SOCIAL_ORGANIZATION),
    ),
    "ONLINE": (
        ("市融媒体中心", UnitKind.PARTY_GOVERNMENT),
        ("慈溪市网络文化协会", UnitKind.SOCIAL_ORGANIZATION),
        ("慈溪日报社", UnitKind.COMPANY),
        ("中国移动慈溪分公司", UnitKind.COMPANY),
        ("共青团慈溪市委", UnitKind.PARTY_GOVERNMENT),
    ),
}

ACADEMY_UNIT = ("慈溪市志愿者学院", UnitKind.SCHOOL)


def _region_row(plan: RegionPlan) -> Region:
    return Region(
        id=plan.id,
        code=plan.code,
        name=plan.name,
        level=plan.level,
        kind=plan.kind,
        is_administrative_village=plan.is_administrative_village,
        parent_id=plan.parent_id,
    )


def _plan_regions(world: World) -> list[RegionPlan]:
    city = RegionPlan(
        world.next_id("region"),
        CITY_CODE,
        CITY_NAME,
        RegionLevel.CITY,
        "市",
        False,
        None,
    )
    world.city = city
    plans = [city]
    subdistrict_counts = iter(VILLAGES_PER_SUBDISTRICT)
    town_counts = iter(VILLAGES_PER_TOWN)
    towns = world.facts.towns
    villages_needed = sum(VILLAGES_PER_SUBDISTRICT) + sum(VILLAGES_PER_TOWN)
    if villages_needed != world.facts.halls.administrative_villages:
        raise ValueError(f"village counts add up to {villages_needed}")
    names = iter(village_names(world.rng, villages_needed))

    for index, fact in enumerate(towns):
        town = RegionPlan(
            world.next_id("region"),
            fact.code,
            fact.name,
            RegionLevel.TOWN,
            fact.kind,
            False,
            city.id,
            town_index=index,
        )
        world.towns.append(town)
        plans.append(town)
        if fact.kind == "街道":
            villages, communities = (
                next(subdistrict_counts),
                COMMUNITIES_PER_SUBDISTRICT,
            )
        elif fact.kind == "镇":
            villages, communities = next(town_counts), 0
        else:
            villages, communities = 0, 0

        # Official numbering: 0xx for communities (居委会), 2xx for villages.
        world.communities_by_town[town.id] = [
            RegionPlan(
                world.next_id("region"),
                f"{fact.code}{number:03d}",
                community_name(fact.name, number),
                RegionLevel.VILLAGE,
                "社区",
                False,
                town.id,
                town_index=index,
            )
            for number in range(1, communities + 1)
        ]
        world.villages_by_town[town.id] = [
            RegionPlan(
                world.next_id("region"),
                f"{fact.code}{200 + number:03d}",
                next(names),
                RegionLevel.VILLAGE,
                "村",
                True,
                town.id,
                town_index=index,
            )
            for number in range(1, villages + 1)
        ]
        plans += world.communities_by_town[town.id] + world.villages_by_town[town.id]
    return plans


async def write_regions(world: World, writer: BatchWriter) -> None:
    await writer.add_all([_region_row(plan) for plan in _plan_regions(world)])
    await writer.flush()


async def _unit(world: World, writer: BatchWriter, name: str, kind: UnitKind) -> int:
    if name not in world.unit_ids:
        world.unit_ids[name] = world.next_id("unit")
        await writer.add(
            Unit(id=world.unit_ids[name], name=name, kind=kind, region_id=world.city.id)
        )
    return world.unit_ids[name]


async def write_platforms_and_alliances(world: World, writer: BatchWriter) -> None:
    """Write the 8 platforms, their alliances, conveners and 3-6 member units."""
    for fact in world.facts.platforms:
        world.platform_ids[fact.code] = world.next_id("platform")
        await writer.add(
            Platform(
                id=world.platform_ids[fact.code],
                code=fact.code,
                name=fact.name,
                origin=PlatformOrigin(fact.origin),
                description=fact.purpose,
            )
        )
    for fact in world.facts.alliances:
        await _unit(world, writer, fact.convener, UnitKind.PARTY_GOVERNMENT)
    # dict.fromkeys drops repeats and keeps the order, so ids do not depend
    # on string hashing.
    for name, kind in dict.fromkeys(
        u for units in MEMBER_UNITS.values() for u in units
    ):
        await _unit(world, writer, name, kind)
    await _unit(world, writer, *ACADEMY_UNIT)
    await writer.flush()

    for fact in world.facts.alliances:
        alliance_id = world.next_id("alliance")
        world.alliance_ids[fact.platform_code] = alliance_id
        await writer.add(
            Alliance(
                id=alliance_id,
                name=fact.name,
                description=f"{fact.convener}召集的{fact.name}",
                platform_id=world.platform_ids[fact.platform_code],
                convener_id=world.unit_ids[fact.convener],
            )
        )
        candidates = [
            name
            for name, _ in MEMBER_UNITS[fact.platform_code]
            if name != fact.convener
        ]
        count = world.rng.randint(3, min(6, len(candidates)))
        members = world.rng.sample(candidates, count)
        world.alliance_units[fact.platform_code] = [world.unit_ids[fact.convener]] + [
            world.unit_ids[name] for name in members
        ]
        for name in members:
            await writer.add(
                AllianceMember(
                    id=world.next_id("alliance_member"),
                    alliance_id=alliance_id,
                    unit_id=world.unit_ids[name],
                )
            )
    await writer.flush()
