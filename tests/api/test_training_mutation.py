"""Course and training record mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from tests.api.execute import execute, execute_rejected
from tests.worlds import ADMIN, build_world, make_volunteer

CREATE = """
mutation Create($input: CreateCourseInput!) {
  createCourse(input: $input) {
    __typename
    ... on Course { id name minutes heldOn }
    ... on Error { code field }
  }
}
"""

RECORD = """
mutation Record($input: RecordTrainingInput!) {
  recordTraining(input: $input) {
    __typename
    ... on TrainingRecord { courseId completedOn }
    ... on Error { code field }
  }
}
"""


async def test_course_and_training_record() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    created = await execute(
        CREATE,
        {"input": {"name": "急救技能", "minutes": 90, "heldOn": "2026-01-10"}},
        actor=ADMIN,
    )
    course_id = created["createCourse"]["id"]
    variables = {
        "input": {
            "courseId": course_id,
            "volunteerId": encode_id("Volunteer", volunteer.id),
            "completedOn": "2026-01-10",
        }
    }

    recorded = await execute(RECORD, variables, actor=ADMIN)
    repeated = await execute(RECORD, variables, actor=ADMIN)

    assert created["createCourse"]["minutes"] == 90
    assert recorded["recordTraining"] == {
        "__typename": "TrainingRecord",
        "courseId": course_id,
        "completedOn": "2026-01-10",
    }
    assert repeated["recordTraining"] == {
        "__typename": "MutationError",
        "code": "DUPLICATE",
        "field": "volunteerId",
    }


async def test_create_course_anonymous_forbidden() -> None:
    errors = await execute_rejected(
        CREATE, {"input": {"name": "急救技能", "minutes": 90, "heldOn": "2026-01-10"}}
    )

    assert errors[0]["message"] == "Only administrators may do this."
    assert errors[0]["extensions"] == {"code": "FORBIDDEN"}
