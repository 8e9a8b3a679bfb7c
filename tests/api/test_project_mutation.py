"""Project and activity mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from db.models.project import ProjectReview
from tests.api.execute import execute
from tests.worlds import ADMIN, build_world, captain_of

CREATE = """
mutation Create($input: CreateProjectInput!) {
  createProject(input: $input) {
    ... on Project { id status }
    ... on Error { code field }
  }
}
"""

CHANGE = """
mutation Change($input: ChangeProjectStatusInput!) {
  changeProjectStatus(input: $input) {
    __typename
    ... on Project { status }
    ... on Error { code message field }
  }
}
"""

SCHEDULE = """
mutation Schedule($input: ScheduleActivityInput!) {
  scheduleActivity(input: $input) {
    __typename
    ... on Activity { id status }
    ... on Error { code message field }
  }
}
"""

ADD_POSITION = """
mutation Add($input: AddPositionInput!) {
  addPosition(input: $input) {
    __typename
    ... on Position { places taken }
    ... on Error { code field }
  }
}
"""


async def _project(world) -> str:
    created = await execute(
        CREATE,
        {
            "input": {
                "name": "村晚宣讲",
                "category": "THEORY",
                "platformId": encode_id("Platform", world.platform.id),
                "allianceId": encode_id("Alliance", world.alliance.id),
                "brigadeId": encode_id("Brigade", world.town_brigade.id),
            }
        },
        actor=captain_of(world.town_brigade),
    )
    return created["createProject"]["id"]


async def test_admission_through_graphql() -> None:
    world = await build_world()
    project_id = await _project(world)

    early = await execute(
        CHANGE, {"input": {"id": project_id, "status": "ADMITTED"}}, actor=ADMIN
    )
    await execute(
        CHANGE,
        {"input": {"id": project_id, "status": "SUBMITTED"}},
        actor=captain_of(world.town_brigade),
    )
    admitted = await execute(
        CHANGE,
        {"input": {"id": project_id, "status": "ADMITTED", "opinion": "同意"}},
        actor=ADMIN,
    )

    assert early["changeProjectStatus"] == {
        "__typename": "MutationError",
        "code": "INVALID_TRANSITION",
        "message": "project cannot go from DRAFT to ADMITTED",
        "field": "status",
    }
    assert admitted["changeProjectStatus"]["status"] == "ADMITTED"
    assert await ProjectReview.all().count() == 2


async def test_schedule_and_add_position() -> None:
    world = await build_world()
    project_id = await _project(world)
    await execute(
        CHANGE, {"input": {"id": project_id, "status": "SUBMITTED"}}, actor=ADMIN
    )
    await execute(
        CHANGE, {"input": {"id": project_id, "status": "ADMITTED"}}, actor=ADMIN
    )
    schedule = {
        "projectId": project_id,
        "title": "理论宣讲",
        "startsAt": "2026-03-02T09:00:00+08:00",
        "endsAt": "2026-03-02T12:00:00+08:00",
        "address": "村委会",
        "regionId": encode_id("Region", world.village.id),
    }

    backwards = await execute(
        SCHEDULE,
        {"input": {**schedule, "endsAt": "2026-03-02T08:00:00+08:00"}},
        actor=ADMIN,
    )
    scheduled = await execute(SCHEDULE, {"input": schedule}, actor=ADMIN)
    activity_id = scheduled["scheduleActivity"]["id"]
    position = await execute(
        ADD_POSITION,
        {"input": {"activityId": activity_id, "name": "宣讲员", "places": 4}},
        actor=ADMIN,
    )

    assert backwards["scheduleActivity"]["code"] == "INVALID_INPUT"
    assert backwards["scheduleActivity"]["field"] == "endsAt"
    assert scheduled["scheduleActivity"]["status"] == "PLANNED"
    assert position["addPosition"] == {
        "__typename": "Position",
        "places": 4,
        "taken": 0,
    }
