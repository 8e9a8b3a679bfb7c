"""A volunteer's own signups, hours, ledger and certificates, and verification."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from db.models.activity import Position
from db.models.enums import RegionLevel, Role
from db.models.people import Volunteer
from db.models.service import Certificate, ServiceRecord
from domain import attendance, certificates, ledger, organization, signup, training
from domain.accounts import create_account, issue_token
from settings import Settings
from tests.api.graphql import execute, global_id
from tests.worlds import (
    ADMIN,
    MORNING_START,
    World,
    build_world,
    make_open_activity,
    make_project,
    make_volunteer,
    volunteer_actor,
)

RECORD_FIELDS = """
      number
      signups {
        status checkedInAt checkedOutAt
        position { name }
        activity { title }
      }
      serviceRecords {
        minutes hours source status reason offsetsId confirmedAt
      }
      pointsEntries { kind points balanceAfter reason createdAt }
      certificates { number minutes issuer }
      trainingRecords { courseId completedOn }
"""

VOLUNTEER_RECORDS = (
    """
query VolunteerRecords($id: ID!) {
  node(id: $id) {
    ... on Volunteer {"""
    + RECORD_FIELDS
    + """
    }
  }
}
"""
)

VIEWER_RECORDS = (
    """
query ViewerRecords {
  viewer {
    volunteer {"""
    + RECORD_FIELDS
    + """
    }
  }
}
"""
)

VOLUNTEERS_RECORDS = (
    """
query VolunteersRecords($first: Int!) {
  volunteers(first: $first) {
    edges {
      node {"""
    + RECORD_FIELDS
    + """
      }
    }
  }
}
"""
)

CERTIFICATE = """
query Certificate($number: String!) {
  certificate(number: $number) {
    number volunteerNumber maskedName minutes issuer
  }
}
"""


@dataclass
class Served:
    world: World
    volunteer: Volunteer
    record: ServiceRecord
    certificate: Certificate
    course_id: int


async def headers_for(
    settings: Settings, username: str, role: Role, **scope: int
) -> dict[str, str]:
    account = await create_account(username, "test-password-1", role, **scope)
    issued = issue_token(
        account, secret_key=settings.secret_key, lifetime=timedelta(hours=1)
    )
    return {"Authorization": f"Bearer {issued.token}"}


async def serve_two_hours(volunteer: Volunteer, position: Position) -> ServiceRecord:
    """Sign up, attend 09:00-11:00 and have the record confirmed."""
    signed_up = await signup.sign_up(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        position_id=position.id,
    )
    await attendance.check_in(ADMIN, signup_id=signed_up.id, at=MORNING_START)
    record = await attendance.check_out(
        ADMIN, signup_id=signed_up.id, at=MORNING_START + timedelta(hours=2)
    )
    return await attendance.confirm_record(ADMIN, record_id=record.id)


@pytest.fixture
async def served() -> Served:
    """A volunteer with 120 confirmed minutes, 0.50 of 2.00 points redeemed,
    one certificate and one completed course."""
    world = await build_world()
    volunteer = await make_volunteer(world)
    _, position = await make_open_activity(world, await make_project(world))
    record = await serve_two_hours(volunteer, position)
    await ledger.redeem_points(
        volunteer_actor(volunteer.id),
        volunteer_id=volunteer.id,
        points_hundredths=50,
        reason="兑换雨伞",
        idempotency_key="redeem-umbrella",
    )
    certificate = await certificates.issue_certificate(
        ADMIN, volunteer_id=volunteer.id, issuer="慈溪市新时代文明实践中心"
    )
    course = await training.create_course(
        ADMIN, name="志愿服务通识", minutes=90, held_on=date(2026, 3, 5)
    )
    await training.record_training(
        ADMIN,
        course_id=course.id,
        volunteer_id=volunteer.id,
        completed_on=date(2026, 3, 5),
    )
    return Served(world, volunteer, record, certificate, course.id)


def assert_own_records(found: dict, served: Served) -> None:
    assert found["number"] == served.volunteer.number
    assert len(found["signups"]) == 1
    row = found["signups"][0]
    assert row["status"] == "CHECKED_OUT"
    assert row["checkedInAt"] == "2026-03-02T01:00:00+00:00"
    assert row["checkedOutAt"] == "2026-03-02T03:00:00+00:00"
    assert row["position"] == {"name": "宣讲员"}
    assert row["activity"] == {"title": "理论宣讲进礼堂"}

    assert len(found["serviceRecords"]) == 1
    record = found["serviceRecords"][0]
    assert record["minutes"] == 120
    assert record["hours"] == "2.00"
    assert record["source"] == "ATTENDANCE"
    assert record["status"] == "CONFIRMED"
    assert record["reason"] == ""
    assert record["offsetsId"] is None
    assert record["confirmedAt"] == served.record.confirmed_at.isoformat()

    ledger_lines = [
        {key: entry[key] for key in ("kind", "points", "balanceAfter", "reason")}
        for entry in found["pointsEntries"]
    ]
    # Newest first: the redemption, then the points the confirmation earned.
    assert ledger_lines[0] == {
        "kind": "REDEEMED",
        "points": "-0.50",
        "balanceAfter": "1.50",
        "reason": "兑换雨伞",
    }
    assert ledger_lines[1]["kind"] == "EARNED"
    assert ledger_lines[1]["points"] == "2.00"
    assert ledger_lines[1]["balanceAfter"] == "2.00"
    assert len(ledger_lines) == 2

    assert found["certificates"] == [
        {
            "number": served.certificate.number,
            "minutes": 120,
            "issuer": "慈溪市新时代文明实践中心",
        }
    ]
    assert found["trainingRecords"] == [
        {"courseId": global_id("Course", served.course_id), "completedOn": "2026-03-05"}
    ]


async def test_volunteer_reads_own_records(client, settings, served) -> None:
    headers = await headers_for(
        settings, "own-volunteer", Role.VOLUNTEER, volunteer_id=served.volunteer.id
    )

    body = await execute(
        client,
        VOLUNTEER_RECORDS,
        headers=headers,
        id=global_id("Volunteer", served.volunteer.id),
    )

    assert "errors" not in body, body
    assert_own_records(body["data"]["node"], served)


async def test_viewer_volunteer_reads_own_records(client, settings, served) -> None:
    headers = await headers_for(
        settings, "own-volunteer", Role.VOLUNTEER, volunteer_id=served.volunteer.id
    )

    body = await execute(client, VIEWER_RECORDS, headers=headers)

    assert "errors" not in body, body
    assert_own_records(body["data"]["viewer"]["volunteer"], served)


async def test_viewer_volunteer_null_without_one(client, settings) -> None:
    administrator = await headers_for(settings, "admin", Role.ADMINISTRATOR)

    signed_in = await execute(client, VIEWER_RECORDS, headers=administrator)
    anonymous = await execute(client, VIEWER_RECORDS)

    assert signed_in["data"] == {"viewer": {"volunteer": None}}
    assert anonymous["data"] == {"viewer": {"volunteer": None}}


async def test_administrator_reads_records(client, settings, served) -> None:
    headers = await headers_for(settings, "admin", Role.ADMINISTRATOR)

    body = await execute(
        client,
        VOLUNTEER_RECORDS,
        headers=headers,
        id=global_id("Volunteer", served.volunteer.id),
    )

    assert "errors" not in body, body
    assert_own_records(body["data"]["node"], served)


HIDDEN = {
    "signups": None,
    "serviceRecords": None,
    "pointsEntries": None,
    "certificates": None,
    "trainingRecords": None,
}


async def test_other_volunteer_reads_null(client, settings, served) -> None:
    other = await make_volunteer(served.world)
    headers = await headers_for(
        settings, "other-volunteer", Role.VOLUNTEER, volunteer_id=other.id
    )

    body = await execute(
        client,
        VOLUNTEER_RECORDS,
        headers=headers,
        id=global_id("Volunteer", served.volunteer.id),
    )

    assert "errors" not in body, body
    assert body["data"]["node"] == {"number": served.volunteer.number, **HIDDEN}


async def test_anonymous_reads_null(client, served) -> None:
    body = await execute(
        client, VOLUNTEER_RECORDS, id=global_id("Volunteer", served.volunteer.id)
    )

    assert "errors" not in body, body
    assert body["data"]["node"] == {"number": served.volunteer.number, **HIDDEN}


async def test_captain_over_brigade_reads(client, settings, served) -> None:
    headers = await headers_for(
        settings,
        "town-captain",
        Role.CAPTAIN,
        brigade_id=served.world.town_brigade.id,
    )

    body = await execute(
        client,
        VOLUNTEER_RECORDS,
        headers=headers,
        id=global_id("Volunteer", served.volunteer.id),
    )

    assert "errors" not in body, body
    assert_own_records(body["data"]["node"], served)


async def test_captain_elsewhere_reads_null(client, settings, served) -> None:
    sibling = await organization.create_brigade(
        ADMIN,
        name="观海卫镇第二志愿服务大队",
        level=RegionLevel.TOWN,
        region_id=served.world.town.id,
        parent_id=served.world.corps.id,
    )
    headers = await headers_for(
        settings, "sibling-captain", Role.CAPTAIN, brigade_id=sibling.id
    )

    body = await execute(
        client,
        VOLUNTEER_RECORDS,
        headers=headers,
        id=global_id("Volunteer", served.volunteer.id),
    )

    assert "errors" not in body, body
    assert body["data"]["node"] == {"number": served.volunteer.number, **HIDDEN}


async def test_volunteers_list_hides_others(client, settings, served) -> None:
    other = await make_volunteer(served.world)
    headers = await headers_for(
        settings, "other-volunteer", Role.VOLUNTEER, volunteer_id=other.id
    )

    body = await execute(client, VOLUNTEERS_RECORDS, headers=headers, first=10)

    assert "errors" not in body, body
    nodes = {
        edge["node"]["number"]: edge["node"]
        for edge in body["data"]["volunteers"]["edges"]
    }
    assert nodes[served.volunteer.number] == {
        "number": served.volunteer.number,
        **HIDDEN,
    }
    assert nodes[other.number]["signups"] == []
    assert nodes[other.number]["pointsEntries"] == []


async def test_records_query_count_fixed(client, settings, query_log) -> None:
    world = await build_world()
    _, position = await make_open_activity(world, await make_project(world))
    for _ in range(6):
        await serve_two_hours(await make_volunteer(world), position)
    readers = {
        "admin": await headers_for(settings, "admin", Role.ADMINISTRATOR),
        "captain": await headers_for(
            settings, "captain", Role.CAPTAIN, brigade_id=world.town_brigade.id
        ),
    }
    counts = {"admin": [], "captain": []}

    for reader, headers in readers.items():
        for page_size in (2, 6):
            with query_log.recording():
                body = await execute(
                    client, VOLUNTEERS_RECORDS, headers=headers, first=page_size
                )
            assert "errors" not in body, body
            edges = body["data"]["volunteers"]["edges"]
            assert len(edges) == page_size
            assert all(len(edge["node"]["signups"]) == 1 for edge in edges)
            counts[reader].append(query_log.count)

    # revoked-token check, account, page, signups, positions, activities,
    # service records, points entries, certificates and training records
    assert counts["admin"] == [10, 10], query_log.statements
    # and for a captain: the captain's brigade path at sign-in, then the
    # brigade links and brigades of the page's volunteers
    assert counts["captain"] == [13, 13], query_log.statements


async def test_certificate_query_verifies_number(client, served) -> None:
    body = await execute(client, CERTIFICATE, number=served.certificate.number)

    assert "errors" not in body, body
    assert body["data"]["certificate"] == {
        "number": served.certificate.number,
        "volunteerNumber": served.volunteer.number,
        "maskedName": "王**",
        "minutes": 120,
        "issuer": "慈溪市新时代文明实践中心",
    }


async def test_certificate_query_unknown_null(client, served) -> None:
    body = await execute(client, CERTIFICATE, number="CXC-2026-999999")

    assert "errors" not in body, body
    assert body["data"] == {"certificate": None}


async def test_certificate_query_malformed_rejected(client) -> None:
    body = await execute(client, CERTIFICATE, number="not-a-number")

    assert body["data"] == {"certificate": None}
    assert body["errors"][0]["message"] == (
        "invalid certificate number 'NOT-A-NUMBER': expected the form CXC-2026-000123"
    )
    assert body["errors"][0]["path"] == ["certificate"]
