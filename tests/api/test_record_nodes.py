"""A volunteer's records by global ID, and the record a check-out makes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from db.models.enums import RegionLevel, Role
from db.models.service import PointsEntry
from domain import (
    accounts,
    attendance,
    certificates,
    organization,
    signup,
    training,
)
from domain.actor import SYSTEM
from domain.lookup import utc_now
from tests.api.graphql import execute, global_id
from tests.api.test_volunteer_records import headers_for, serve_two_hours
from tests.worlds import (
    ADMIN,
    World,
    build_world,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)

RECORD_NODE = """
query RecordNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Signup { status }
    ... on ServiceRecord { minutes }
    ... on PointsEntry { points }
    ... on Certificate { minutes }
    ... on TrainingRecord { completedOn }
  }
}
"""

RECORD_NODES = """
query RecordNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Signup { status serviceRecord { minutes } }
    ... on ServiceRecord { minutes }
    ... on PointsEntry { points }
    ... on Certificate { minutes }
    ... on TrainingRecord { completedOn }
  }
}
"""

CHECK_OUT = """
mutation CheckOut($input: SignupActionInput!) {
  checkOut(input: $input) {
    __typename
    ... on Signup {
      id status
      serviceRecord { id minutes hours source status }
    }
    ... on Error { code message field }
  }
}
"""

SERVICE_RECORD_NODE = """
query ServiceRecordNode($id: ID!) {
  node(id: $id) { ... on ServiceRecord { minutes volunteer { number } } }
}
"""


@dataclass
class Records:
    world: World
    owner_id: int
    ids: dict[str, str]


@pytest.fixture
async def records() -> Records:
    """One volunteer's signup, 120-minute record, earned points, certificate
    and training record, each by global ID."""
    world = await build_world()
    owner = await make_volunteer(world)
    _, position = await make_open_activity(world, await make_project(world))
    record = await serve_two_hours(owner, position)
    earned = await PointsEntry.get(volunteer_id=owner.id)
    certificate = await certificates.issue_certificate(
        ADMIN, volunteer_id=owner.id, issuer="慈溪市新时代文明实践中心"
    )
    course = await training.create_course(
        ADMIN, name="志愿服务通识", minutes=90, held_on=date(2026, 3, 5)
    )
    completed = await training.record_training(
        ADMIN, course_id=course.id, volunteer_id=owner.id, completed_on=date(2026, 3, 5)
    )
    ids = {
        "Signup": global_id("Signup", record.signup_id),
        "ServiceRecord": global_id("ServiceRecord", record.id),
        "PointsEntry": global_id("PointsEntry", earned.id),
        "Certificate": global_id("Certificate", certificate.id),
        "TrainingRecord": global_id("TrainingRecord", completed.id),
    }
    return Records(world, owner.id, ids)


def expected_nodes(records: Records) -> dict[str, dict]:
    ids = records.ids
    return {
        "Signup": {
            "__typename": "Signup",
            "id": ids["Signup"],
            "status": "CHECKED_OUT",
        },
        "ServiceRecord": {
            "__typename": "ServiceRecord",
            "id": ids["ServiceRecord"],
            "minutes": 120,
        },
        "PointsEntry": {
            "__typename": "PointsEntry",
            "id": ids["PointsEntry"],
            "points": "2.00",
        },
        "Certificate": {
            "__typename": "Certificate",
            "id": ids["Certificate"],
            "minutes": 120,
        },
        "TrainingRecord": {
            "__typename": "TrainingRecord",
            "id": ids["TrainingRecord"],
            "completedOn": "2026-03-05",
        },
    }


async def reader_headers(reader: str, records: Records, settings) -> dict[str, str]:
    world = records.world
    if reader == "owner":
        return await headers_for(
            settings, "owner", Role.VOLUNTEER, volunteer_id=records.owner_id
        )
    if reader == "administrator":
        return await headers_for(settings, "admin", Role.ADMINISTRATOR)
    if reader == "captain":
        return await headers_for(
            settings, "captain", Role.CAPTAIN, brigade_id=world.town_brigade.id
        )
    if reader == "other volunteer":
        other = await make_volunteer(world)
        return await headers_for(
            settings, "other", Role.VOLUNTEER, volunteer_id=other.id
        )
    if reader == "partner":
        issued = await accounts.create_api_key(
            world.unit.id,
            alliance_ids=[world.alliance.id],
            region_codes=[],
            actor=SYSTEM,
        )
        return {"X-Api-Key": issued.key}
    return {}


@pytest.mark.parametrize("reader", ["owner", "administrator", "captain"])
async def test_node_shows_records_to_readers(client, settings, records, reader) -> None:
    headers = await reader_headers(reader, records, settings)
    expected = expected_nodes(records)

    found = {}
    for type_name, node_id in records.ids.items():
        body = await execute(client, RECORD_NODE, headers=headers, id=node_id)
        assert "errors" not in body, body
        found[type_name] = body["data"]["node"]

    assert found == expected


@pytest.mark.parametrize("reader", ["other volunteer", "anonymous", "partner"])
async def test_node_hides_records_from_others(
    client, settings, records, reader
) -> None:
    headers = await reader_headers(reader, records, settings)

    found = {}
    for type_name, node_id in records.ids.items():
        body = await execute(client, RECORD_NODE, headers=headers, id=node_id)
        assert "errors" not in body, body
        found[type_name] = body["data"]["node"]

    assert found == dict.fromkeys(records.ids)


async def test_node_hides_records_from_captain_elsewhere(
    client, settings, records
) -> None:
    sibling = await organization.create_brigade(
        ADMIN,
        name="观海卫镇第二志愿服务大队",
        level=RegionLevel.TOWN,
        region_id=records.world.town.id,
        parent_id=records.world.corps.id,
    )
    headers = await headers_for(
        settings, "sibling-captain", Role.CAPTAIN, brigade_id=sibling.id
    )

    body = await execute(
        client, RECORD_NODES, headers=headers, ids=list(records.ids.values())
    )

    assert "errors" not in body, body
    assert body["data"]["nodes"] == [None] * 5


@pytest.mark.parametrize(
    ("reader", "statements"),
    [
        # revoked-token check, account, then one by-id query per type and the
        # signup's service record
        ("administrator", 8),
        # and for a captain: the captain's brigade path at sign-in, then the
        # owner's brigade links and brigades, once for all five objects
        ("captain", 11),
    ],
)
async def test_nodes_keeps_order_and_batches(
    client, settings, records, query_log, reader, statements
) -> None:
    headers = await reader_headers(reader, records, settings)
    expected = expected_nodes(records)
    order = ["Certificate", "Signup", "TrainingRecord", "ServiceRecord", "PointsEntry"]
    ids = [records.ids[name] for name in order]
    ids.insert(2, global_id("ServiceRecord", 999_999))

    with query_log.recording():
        body = await execute(client, RECORD_NODES, headers=headers, ids=ids)

    assert "errors" not in body, body
    signup_node = {**expected["Signup"], "serviceRecord": {"minutes": 120}}
    assert body["data"]["nodes"] == [
        expected["Certificate"],
        signup_node,
        None,
        expected["TrainingRecord"],
        expected["ServiceRecord"],
        expected["PointsEntry"],
    ]
    assert query_log.count == statements, query_log.statements


async def test_check_out_reaches_service_record(client, settings) -> None:
    world = await build_world()
    owner = await make_volunteer(world)
    now = utc_now()
    # The window closed an hour ago, so check-out now credits exactly its
    # two hours from the check-in at its start.
    starts_at = now - timedelta(hours=3)
    _, position = await make_open_activity(
        world,
        await make_project(world),
        starts_at=starts_at,
        ends_at=now - timedelta(hours=1),
    )
    signed_up = await signup.sign_up(
        volunteer_actor(owner.id), volunteer_id=owner.id, position_id=position.id
    )
    await attendance.check_in(ADMIN, signup_id=signed_up.id, at=starts_at)
    headers = await headers_for(
        settings, "owner", Role.VOLUNTEER, volunteer_id=owner.id
    )

    body = await execute(
        client,
        CHECK_OUT,
        headers=headers,
        input={"signupId": global_id("Signup", signed_up.id)},
    )

    assert "errors" not in body, body
    payload = body["data"]["checkOut"]
    record = payload.pop("serviceRecord")
    assert payload == {
        "__typename": "Signup",
        "id": global_id("Signup", signed_up.id),
        "status": "CHECKED_OUT",
    }
    assert {key: record[key] for key in ("minutes", "hours", "source", "status")} == {
        "minutes": 120,
        "hours": "2.00",
        "source": "ATTENDANCE",
        "status": "PENDING",
    }
    again = await execute(client, SERVICE_RECORD_NODE, headers=headers, id=record["id"])
    assert again["data"]["node"] == {
        "minutes": 120,
        "volunteer": {"number": owner.number},
    }


async def test_service_record_null_before_check_out(client, settings) -> None:
    world = await build_world()
    owner = await make_volunteer(world)
    _, position = await make_open_activity(world, await make_project(world))
    signed_up = await signup.sign_up(
        volunteer_actor(owner.id), volunteer_id=owner.id, position_id=position.id
    )
    headers = await headers_for(
        settings, "owner", Role.VOLUNTEER, volunteer_id=owner.id
    )

    body = await execute(
        client, RECORD_NODES, headers=headers, ids=[global_id("Signup", signed_up.id)]
    )

    assert "errors" not in body, body
    assert body["data"]["nodes"] == [
        {
            "__typename": "Signup",
            "id": global_id("Signup", signed_up.id),
            "status": "SIGNED_UP",
            "serviceRecord": None,
        }
    ]
