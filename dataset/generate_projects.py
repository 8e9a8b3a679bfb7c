"""Practice projects in the five delivery categories, with their admission review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from dataset.names import PROJECT_SUFFIXES, PROJECT_THEMES
from dataset.world import World
from dataset.writer import BatchWriter
from db.models.enums import DeliveryCategory, ProjectStatus
from db.models.project import Project, ProjectReview
from domain.actor import SYSTEM

# Platforms that may host a project of each category, the usual one first.
CATEGORY_PLATFORMS = {
    DeliveryCategory.THEORY: ("THEORY", "ONLINE"),
    DeliveryCategory.POLICY: ("SAFETY_LAW", "EDUCATION", "ONLINE"),
    DeliveryCategory.CULTURE: ("CULTURE", "SPORTS"),
    DeliveryCategory.CIVILITY: ("ONLINE", "SAFETY_LAW", "EDUCATION"),
    DeliveryCategory.WELLBEING: ("HEALTH", "SCIENCE", "EDUCATION"),
}
STATUS_WEIGHTS = {
    ProjectStatus.ADMITTED: 80,
    ProjectStatus.SUBMITTED: 8,
    ProjectStatus.REJECTED: 7,
    ProjectStatus.DRAFT: 5,
}
ADMIT_OPINION = "符合准入条件，同意纳入实践项目清单"
REJECT_OPINION = "服务内容与已有项目重复，请整合后重新申报"
SUBMIT_OPINION = "申报纳入实践项目清单"
CATEGORY_LABELS = {
    DeliveryCategory.THEORY: "送理论",
    DeliveryCategory.POLICY: "送政策",
    DeliveryCategory.CULTURE: "送文化",
    DeliveryCategory.CIVILITY: "送文明",
    DeliveryCategory.WELLBEING: "送幸福",
}


@dataclass(frozen=True)
class ProjectPlan:
    id: int
    status: str
    brigade_id: int | None
    region_ids: tuple[int, ...]
    town_index: int
    theme: str


@dataclass(frozen=True)
class Owner:
    """The squad, brigade or unit running a project, and its activity regions."""

    name: str
    brigade_id: int | None
    unit_id: int | None
    region_ids: tuple[int, ...]
    town_index: int


def _owner(world: World, platform_code: str) -> Owner:
    """Pick a village squad, a town brigade or a unit of the platform's alliance."""
    rng = world.rng
    town = rng.choice(world.towns)
    villages = world.villages_by_town[town.id]
    roll = rng.random()
    if villages and roll < 0.45:
        village = rng.choice(villages)
        squad_id = world.squads[village.id].id
        return Owner(village.name, squad_id, None, (village.id,), town.town_index)
    regions = tuple(village.id for village in villages) or (town.id,)
    if roll < 0.8:
        brigade_id = world.town_brigades[town.id].id
        return Owner(town.name, brigade_id, None, regions, town.town_index)
    unit_id = rng.choice(world.alliance_units[platform_code])
    unit_name = next(name for name, id_ in world.unit_ids.items() if id_ == unit_id)
    return Owner(unit_name, None, unit_id, regions, town.town_index)


def _name(world: World, owner: str, theme: str, taken: set[str]) -> str:
    base = f"{owner}“{theme}”{world.rng.choice(PROJECT_SUFFIXES)}"
    name, copy = base, 1
    while name in taken:
        copy += 1
        name = f"{base}（{copy}）"
    taken.add(name)
    return name


def _reviews(
    world: World, project_id: int, status: str, created_at
) -> list[ProjectReview]:
    steps = []
    if status != ProjectStatus.DRAFT:
        steps.append((ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, SUBMIT_OPINION))
    if status == ProjectStatus.ADMITTED:
        steps.append((ProjectStatus.SUBMITTED, ProjectStatus.ADMITTED, ADMIT_OPINION))
    if status == ProjectStatus.REJECTED:
        steps.append((ProjectStatus.SUBMITTED, ProjectStatus.REJECTED, REJECT_OPINION))
    return [
        ProjectReview(
            id=world.next_id("project_review"),
            project_id=project_id,
            from_status=from_status,
            to_status=to_status,
            actor=SYSTEM.label,
            opinion=opinion,
            created_at=created_at + timedelta(days=3 * (index + 1)),
        )
        for index, (from_status, to_status, opinion) in enumerate(steps)
    ]


async def write_projects(
    world: World, writer: BatchWriter, count: int
) -> list[ProjectPlan]:
    rng = world.rng
    categories = list(DeliveryCategory)
    statuses = rng.choices(
        list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=count
    )
    names: set[str] = set()
    plans = []
    # Projects were listed in the year before the activities start.
    first_day = world.today - timedelta(days=730)

    for index in range(count):
        category = categories[index % len(categories)]
        platform_code = rng.choice(CATEGORY_PLATFORMS[category])
        owner = _owner(world, platform_code)
        theme = rng.choice(PROJECT_THEMES[category])
        project_id = world.next_id("project")
        created_at = world.local_datetime(
            first_day + timedelta(days=rng.randrange(330)), 600
        )
        await writer.add(
            Project(
                id=project_id,
                name=_name(world, owner.name, theme, names),
                description=f"{owner.name}开展的{CATEGORY_LABELS[category]}新时代文明实践项目",
                category=category,
                platform_id=world.platform_ids[platform_code],
                alliance_id=world.alliance_ids[platform_code],
                brigade_id=owner.brigade_id,
                unit_id=owner.unit_id,
                status=statuses[index],
                created_at=created_at,
            )
        )
        await writer.add_all(_reviews(world, project_id, statuses[index], created_at))
        plans.append(
            ProjectPlan(
                project_id,
                statuses[index],
                owner.brigade_id,
                owner.region_ids,
                owner.town_index,
                theme,
            )
        )
    await writer.flush()
    return plans
