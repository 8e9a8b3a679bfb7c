"""The admission review of practice projects."""

from __future__ import annotations

import pytest

from db.models.enums import DeliveryCategory, ProjectStatus
from db.models.outbox import AuditEntry, Event
from db.models.project import Project, ProjectReview
from domain import admission
from domain.errors import Forbidden, InvalidInput, InvalidTransition
from tests.worlds import ADMIN, build_world, captain_of, convener_of

S = ProjectStatus


async def _draft(world):
    return await admission.create_project(
        captain_of(world.town_brigade),
        name="文明餐桌",
        category=DeliveryCategory.CIVILITY,
        platform_id=world.platform.id,
        alliance_id=world.alliance.id,
        brigade_id=world.town_brigade.id,
    )


async def test_submit_and_admit_write_reviews() -> None:
    world = await build_world()
    project = await _draft(world)

    await admission.submit_project(captain_of(world.town_brigade), project.id)
    await admission.admit_project(ADMIN, project.id, "符合准入条件")

    reviews = await ProjectReview.filter(project=project).order_by("id")
    assert [(r.from_status, r.to_status) for r in reviews] == [
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.ADMITTED),
    ]
    assert reviews[0].actor == f"captain:{world.town_brigade.id}"
    assert reviews[1].actor == "admin"
    assert reviews[1].opinion == "符合准入条件"
    event = await Event.filter(topic="PROJECT").order_by("-id").first()
    assert event.kind == "ADMITTED"
    assert event.project_id == project.id
    assert event.alliance_id == world.alliance.id
    assert event.category == "CIVILITY"


async def test_reject_needs_opinion() -> None:
    world = await build_world()
    project = await _draft(world)
    await admission.submit_project(ADMIN, project.id)
    audits = await AuditEntry.all().count()

    with pytest.raises(InvalidInput) as raised:
        await admission.reject_project(ADMIN, project.id, "  ")

    assert raised.value.field == "opinion"
    assert (await Project.get(id=project.id)).status == S.SUBMITTED
    assert await ProjectReview.filter(to_status=S.REJECTED).count() == 0
    assert await AuditEntry.all().count() == audits


async def test_illegal_transition_names_both() -> None:
    world = await build_world()
    project = await _draft(world)

    with pytest.raises(InvalidTransition) as raised:
        await admission.admit_project(ADMIN, project.id)

    assert raised.value.message == "project cannot go from DRAFT to ADMITTED"


@pytest.mark.parametrize(
    ("path", "opinion"),
    [
        ([S.SUSPENDED, S.ADMITTED], "整改完成"),
        ([S.SUSPENDED, S.RETIRED], "停办"),
        ([S.RETIRED], ""),
    ],
)
async def test_admitted_project_lifecycle(path, opinion) -> None:
    world = await build_world()
    project = await _draft(world)
    await admission.submit_project(ADMIN, project.id)
    await admission.admit_project(ADMIN, project.id)

    for status in path:
        project = await admission.change_project_status(
            ADMIN, project_id=project.id, status=status, opinion=opinion or "到期"
        )

    assert project.status == path[-1]


async def test_retired_project_stays_retired() -> None:
    world = await build_world()
    project = await _draft(world)
    await admission.submit_project(ADMIN, project.id)
    await admission.admit_project(ADMIN, project.id)
    await admission.change_project_status(
        ADMIN, project_id=project.id, status=S.RETIRED
    )

    with pytest.raises(InvalidTransition) as raised:
        await admission.change_project_status(
            ADMIN, project_id=project.id, status=S.ADMITTED
        )

    assert "RETIRED to ADMITTED" in raised.value.message


async def test_only_administrator_admits() -> None:
    world = await build_world()
    project = await _draft(world)
    await admission.submit_project(ADMIN, project.id)

    with pytest.raises(Forbidden):
        await admission.admit_project(convener_of(world.alliance), project.id)


async def test_captain_elsewhere_cannot_submit() -> None:
    world = await build_world()
    project = await _draft(world)

    with pytest.raises(Forbidden):
        await admission.submit_project(captain_of(world.squad), project.id)
