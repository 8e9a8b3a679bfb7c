"""Signup, hours, points and certificate mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from db.models.people import Volunteer
from db.models.service import PointsEntry
from domain import attendance, ledger
from tests.api.execute import execute, execute_rejected
from tests.worlds import (
    ADMIN,
    build_world,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)

SIGN_UP = """
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on Signup { id status position { id taken } volunteer { number } }
    ... on Error { code message field }
  }
}
"""

REDEEM = """
mutation Redeem($input: RedeemPointsInput!) {
  redeemPoints(input: $input) {
    __typename
    ... on PointsEntry { id kind points balanceAfter replayed }
    ... on Error { code message field }
  }
}
"""

VERIFY = """
mutation Verify($number: String!) {
  verifyCertificate(input: {number: $number}) {
    __typename
    ... on CertificateVerification {
      number volunteerNumber maskedName minutes issuer
    }
    ... on Error { code message field }
  }
}
"""


async def test_sign_up_takes_place() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project, places=1)
    volunteer = await make_volunteer(world)
    other = await make_volunteer(world)

    def variables(person):
        return {
            "input": {
                "volunteerId": encode_id("Volunteer", person.id),
                "positionId": encode_id("Position", position.id),
            }
        }

    taken = await execute(
        SIGN_UP, variables(volunteer), actor=volunteer_actor(volunteer.id)
    )
    full = await execute(SIGN_UP, variables(other), actor=volunteer_actor(other.id))

    assert taken["signUp"]["__typename"] == "Signup"
    assert taken["signUp"]["status"] == "SIGNED_UP"
    assert taken["signUp"]["position"] == {
        "id": encode_id("Position", position.id),
        "taken": 1,
    }
    assert taken["signUp"]["volunteer"] == {"number": volunteer.number}
    assert full["signUp"] == {
        "__typename": "MutationError",
        "code": "CAPACITY_FULL",
        "message": "all 1 places of this position are taken",
        "field": "positionId",
    }


async def test_sign_up_anonymous_forbidden() -> None:
    world = await build_world()
    project = await make_project(world)
    _, position = await make_open_activity(world, project)
    volunteer = await make_volunteer(world)

    errors = await execute_rejected(
        SIGN_UP,
        {
            "input": {
                "volunteerId": encode_id("Volunteer", volunteer.id),
                "positionId": encode_id("Position", position.id),
            }
        },
    )

    assert errors[0]["message"] == ("Sign in with an account to read or change this.")
    assert errors[0]["extensions"] == {"code": "UNAUTHENTICATED"}


async def test_redeem_replays_same_key() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    await ledger.adjust_points(
        ADMIN,
        volunteer_id=volunteer.id,
        amount_hundredths=30_00,
        reason="opening balance",
        idempotency_key="grant-opening",
    )
    actor = volunteer_actor(volunteer.id)
    values = {
        "volunteerId": encode_id("Volunteer", volunteer.id),
        "points": "12.5",
        "reason": "兑换雨伞",
        "idempotencyKey": "umbrella-0001",
    }

    first = await execute(REDEEM, {"input": values}, actor=actor)
    again = await execute(REDEEM, {"input": values}, actor=actor)
    other = await execute(REDEEM, {"input": {**values, "points": "1"}}, actor=actor)

    assert first["redeemPoints"]["points"] == "-12.50"
    assert first["redeemPoints"]["balanceAfter"] == "17.50"
    assert first["redeemPoints"]["replayed"] is False
    assert again["redeemPoints"]["id"] == first["redeemPoints"]["id"]
    assert again["redeemPoints"]["replayed"] is True
    assert other["redeemPoints"]["code"] == "IDEMPOTENCY_CONFLICT"
    assert other["redeemPoints"]["field"] == "idempotencyKey"
    assert await PointsEntry.filter(kind="REDEEMED").count() == 1
    assert (await Volunteer.get(id=volunteer.id)).points_hundredths == 17_50


async def test_redeem_rejects_fractions_of_hundredths() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)

    result = await execute(
        REDEEM,
        {
            "input": {
                "volunteerId": encode_id("Volunteer", volunteer.id),
                "points": "0.005",
                "reason": "x",
                "idempotencyKey": "fraction-0001",
            }
        },
        actor=volunteer_actor(volunteer.id),
    )

    assert result["redeemPoints"]["code"] == "INVALID_INPUT"
    assert result["redeemPoints"]["field"] == "points"


async def test_verify_certificate_over_http(client) -> None:
    world = await build_world()
    volunteer = await make_volunteer(world, name="张三丰")
    record = await attendance.report_hours(
        ADMIN,
        volunteer_id=volunteer.id,
        minutes=75,
        served_on=volunteer.registered_on,
        region_id=world.village.id,
        content="助残服务",
    )
    await attendance.confirm_record(ADMIN, record_id=record.id)
    issued = await execute(
        """
        mutation Issue($input: IssueCertificateInput!) {
          issueCertificate(input: $input) { ... on Certificate { number } }
        }
        """,
        {
            "input": {
                "volunteerId": encode_id("Volunteer", volunteer.id),
                "issuer": "慈溪市新时代文明实践中心",
            }
        },
        actor=ADMIN,
    )
    number = issued["issueCertificate"]["number"]

    response = await client.post(
        "/graphql", json={"query": VERIFY, "variables": {"number": number}}
    )
    missing = await client.post(
        "/graphql",
        json={"query": VERIFY, "variables": {"number": "CXC-2026-999999"}},
    )

    assert response.json()["data"]["verifyCertificate"] == {
        "__typename": "CertificateVerification",
        "number": number,
        "volunteerNumber": volunteer.number,
        "maskedName": "张**",
        "minutes": 75,
        "issuer": "慈溪市新时代文明实践中心",
    }
    assert missing.json()["data"]["verifyCertificate"]["code"] == "NOT_FOUND"


CONFIRM = """
mutation Confirm($input: ServiceRecordInput!) {
  confirmServiceRecord(input: $input) {
    __typename
    ... on ServiceRecord {
      status minutes
      volunteer { confirmedMinutes points starLevel }
    }
    ... on Error { code message field }
  }
}
"""


async def test_confirm_record_credits_volunteer() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    record = await attendance.report_hours(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        minutes=150,
        served_on=volunteer.registered_on,
        region_id=world.village.id,
        content="文明劝导",
    )
    variables = {"input": {"recordId": encode_id("ServiceRecord", record.id)}}

    own = await execute(CONFIRM, variables, actor=volunteer_actor(volunteer.id))
    confirmed = await execute(CONFIRM, variables, actor=ADMIN)
    twice = await execute(CONFIRM, variables, actor=ADMIN)

    assert own["confirmServiceRecord"]["code"] == "FORBIDDEN"
    assert confirmed["confirmServiceRecord"] == {
        "__typename": "ServiceRecord",
        "status": "CONFIRMED",
        "minutes": 150,
        "volunteer": {"confirmedMinutes": 150, "points": "2.50", "starLevel": 0},
    }
    assert twice["confirmServiceRecord"]["code"] == "INVALID_TRANSITION"


async def test_redeem_rejects_unbounded_numbers() -> None:
    world = await build_world()
    volunteer = await make_volunteer(world)
    actor = volunteer_actor(volunteer.id)

    for index, points in enumerate(
        ("Infinity", "-Infinity", "NaN", "1e30", "1000000.01")
    ):
        values = {
            "volunteerId": encode_id("Volunteer", volunteer.id),
            "points": points,
            "reason": "x",
            "idempotencyKey": f"unbounded-{index:04d}",
        }

        result = await execute(REDEEM, {"input": values}, actor=actor)

        assert result["redeemPoints"]["code"] == "INVALID_INPUT", points
        assert result["redeemPoints"]["field"] == "points", points
    assert await PointsEntry.all().count() == 0
