"""The staff's queue of service requests and the project review queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from db.models.enums import DeliveryCategory, ProjectStatus, RequestStatus, Role
from db.models.geo import Region
from db.models.org import Alliance, Platform
from db.models.project import Project
from db.models.request import ServiceRequest
from domain import accounts
from domain.actor import SYSTEM
from domain.pii import current_cipher
from tests.api.graphql import execute, global_id
from tests.worlds import World, build_world, make_volunteer

PASSWORD = "queue-password-1"

REQUESTS = """
query Requests(
  $filter: ServiceRequestFilter, $orderBy: ServiceRequestOrder,
  $first: Int, $after: String
) {
  serviceRequests(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id description residentPhoneMasked trackingCode status } }
  }
}
"""

REQUESTS_NESTED = """
query RequestsNested($first: Int) {
  serviceRequests(first: $first) {
    totalCount
    edges { node {
      id
      region { code }
      brigade { name }
      alliance { name }
    } }
  }
}
"""

REQUEST_NODE = """
query RequestNode($id: ID!) {
  node(id: $id) {
    ... on ServiceRequest { id description trackingCode }
  }
}
"""

PROJECTS = """
query Projects($status: [ProjectStatus!]) {
  projects(filter: {status: $status}) {
    totalCount
    edges { node { id name status } }
  }
}
"""

PROJECT_NODE = """
query ProjectNode($id: ID!) {
  node(id: $id) { ... on Project { id name status } }
}
"""


@dataclass
class Queue:
    """A world with requests in and out of each staff member's scope."""

    world: World
    other_town: Region
    other_alliance: Alliance
    requests: dict[str, ServiceRequest]


async def _request(
    region: Region, description: str, minutes_ago: int, **columns
) -> ServiceRequest:
    cipher = current_cipher()
    row = await ServiceRequest.create(
        resident_name="陈阿姨",
        resident_phone_cipher=cipher.encrypt("13957412345"),
        resident_phone_masked="139****2345",
        region=region,
        category=columns.pop("category", DeliveryCategory.WELLBEING),
        description=description,
        **columns,
    )
    submitted_at = datetime(2026, 5, 1, 8, 0, tzinfo=UTC) - timedelta(
        minutes=minutes_ago
    )
    await ServiceRequest.filter(id=row.id).update(submitted_at=submitted_at)
    return row


async def build_queue() -> Queue:
    world = await build_world()
    other_town = await Region.create(
        code="330282102", name="掌起镇", level="TOWN", kind="镇", parent=world.city
    )
    platform = await Platform.create(
        code="CULTURE", name="文化服务平台", origin="LOCAL"
    )
    other_alliance = await Alliance.create(
        name="文化志愿服务联盟", platform=platform, convener=world.unit
    )
    dispatched = RequestStatus.DISPATCHED
    requests = {
        "squad": await _request(
            world.village, "村里理发", 10, brigade=world.squad, status=dispatched
        ),
        "alliance": await _request(
            world.town,
            "政策宣讲",
            20,
            alliance=world.alliance,
            status=dispatched,
            category=DeliveryCategory.POLICY,
        ),
        "subtree": await _request(
            other_town, "邻镇助老", 30, brigade=world.town_brigade, status=dispatched
        ),
        "queued": await _request(other_town, "掌起修车", 40),
        "other": await _request(
            other_town,
            "掌起文艺",
            50,
            alliance=other_alliance,
            status=dispatched,
            category=DeliveryCategory.CULTURE,
        ),
        "village": await _request(world.village, "村里送餐", 60),
    }
    return Queue(world, other_town, other_alliance, requests)


async def _headers(settings, username: str, role: Role, **scope) -> dict[str, str]:
    account = await accounts.create_account(username, PASSWORD, role, **scope)
    issued = accounts.issue_token(
        account, secret_key=settings.secret_key, lifetime=timedelta(hours=1)
    )
    return {"Authorization": f"Bearer {issued.token}"}


def _ids(queue: Queue, *names: str) -> list[str]:
    return [global_id("ServiceRequest", queue.requests[name].id) for name in names]


def _listed(body) -> list[str]:
    assert "errors" not in body, body["errors"]
    return [edge["node"]["id"] for edge in body["data"]["serviceRequests"]["edges"]]


async def test_administrator_sees_every_request_newest_first(client, settings):
    queue = await build_queue()
    headers = await _headers(settings, "admin", Role.ADMINISTRATOR)

    body = await execute(client, REQUESTS, headers=headers)

    assert _listed(body) == _ids(
        queue, "squad", "alliance", "subtree", "queued", "other", "village"
    )
    connection = body["data"]["serviceRequests"]
    assert connection["totalCount"] == 6
    first = connection["edges"][0]["node"]
    assert first["residentPhoneMasked"] == "139****2345"
    assert first["trackingCode"] is None


async def test_convener_sees_requests_of_their_alliance(client, settings):
    queue = await build_queue()
    headers = await _headers(
        settings, "convener", Role.CONVENER, alliance_id=queue.world.alliance.id
    )

    body = await execute(client, REQUESTS, headers=headers)

    assert _listed(body) == _ids(queue, "alliance")
    assert body["data"]["serviceRequests"]["totalCount"] == 1


async def test_captain_sees_subtree_and_region(client, settings):
    queue = await build_queue()
    town_captain = await _headers(
        settings, "town-captain", Role.CAPTAIN, brigade_id=queue.world.town_brigade.id
    )
    squad_captain = await _headers(
        settings, "squad-captain", Role.CAPTAIN, brigade_id=queue.world.squad.id
    )

    town = await execute(client, REQUESTS, headers=town_captain)
    squad = await execute(client, REQUESTS, headers=squad_captain)

    assert _listed(town) == _ids(queue, "squad", "alliance", "subtree", "village")
    assert town["data"]["serviceRequests"]["totalCount"] == 4
    assert _listed(squad) == _ids(queue, "squad", "village")


async def test_anonymous_caller_is_unauthenticated(client):
    await build_queue()

    body = await execute(client, REQUESTS)

    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == [
        "UNAUTHENTICATED"
    ]


async def test_volunteer_and_partner_are_forbidden(client, settings):
    queue = await build_queue()
    volunteer = await make_volunteer(queue.world)
    volunteer_headers = await _headers(
        settings, "volunteer", Role.VOLUNTEER, volunteer_id=volunteer.id
    )
    issued = await accounts.create_api_key(
        queue.world.unit.id,
        alliance_ids=[queue.world.alliance.id],
        region_codes=[],
        actor=SYSTEM,
    )

    as_volunteer = await execute(client, REQUESTS, headers=volunteer_headers)
    as_partner = await execute(client, REQUESTS, headers={"X-Api-Key": issued.key})

    for body in (as_volunteer, as_partner):
        assert body["data"] is None
        assert [error["extensions"]["code"] for error in body["errors"]] == [
            "FORBIDDEN"
        ]


async def test_request_node_follows_the_list_scope(client, settings):
    queue = await build_queue()
    town_captain = await _headers(
        settings, "town-captain", Role.CAPTAIN, brigade_id=queue.world.town_brigade.id
    )
    convener = await _headers(
        settings, "convener", Role.CONVENER, alliance_id=queue.world.alliance.id
    )
    admin = await _headers(settings, "admin", Role.ADMINISTRATOR)

    async def node(name: str, headers=None):
        body = await execute(
            client, REQUEST_NODE, headers=headers, id=_ids(queue, name)[0]
        )
        assert "errors" not in body, body["errors"]
        return body["data"]["node"]

    assert await node("subtree", town_captain) == {
        "id": _ids(queue, "subtree")[0],
        "description": "邻镇助老",
        "trackingCode": None,
    }
    assert (await node("village", town_captain))["description"] == "村里送餐"
    assert await node("queued", town_captain) is None
    assert (await node("alliance", convener))["description"] == "政策宣讲"
    assert await node("squad", convener) is None
    assert (await node("other", admin))["description"] == "掌起文艺"
    assert await node("squad") is None


async def test_filters_narrow_the_queue(client, settings):
    queue = await build_queue()
    headers = await _headers(settings, "admin", Role.ADMINISTRATOR)
    cases = [
        ({"status": ["SUBMITTED"]}, ["queued", "village"]),
        ({"category": "POLICY"}, ["alliance"]),
        ({"region": "330282101"}, ["squad", "alliance", "village"]),
        ({"region": "330282102"}, ["subtree", "queued", "other"]),
        (
            {"brigade": global_id("Brigade", queue.world.town_brigade.id)},
            ["subtree"],
        ),
        ({"alliance": global_id("Alliance", queue.other_alliance.id)}, ["other"]),
        (
            {
                "submittedFrom": "2026-05-01T15:10:00+08:00",
                "submittedBefore": "2026-05-01T15:30:00+08:00",
            },
            ["queued", "other"],
        ),
    ]

    for request_filter, names in cases:
        body = await execute(client, REQUESTS, headers=headers, filter=request_filter)
        assert _listed(body) == _ids(queue, *names), request_filter


async def test_pages_follow_the_cursor(client, settings):
    queue = await build_queue()
    headers = await _headers(settings, "admin", Role.ADMINISTRATOR)
    order = {"field": "SUBMITTED_AT", "direction": "ASC"}

    first = await execute(client, REQUESTS, headers=headers, orderBy=order, first=4)
    cursor = first["data"]["serviceRequests"]["pageInfo"]["endCursor"]
    second = await execute(
        client, REQUESTS, headers=headers, orderBy=order, first=4, after=cursor
    )

    assert _listed(first) == _ids(queue, "village", "other", "queued", "subtree")
    assert first["data"]["serviceRequests"]["pageInfo"]["hasNextPage"] is True
    assert _listed(second) == _ids(queue, "alliance", "squad")
    assert second["data"]["serviceRequests"]["pageInfo"]["hasNextPage"] is False
    assert second["data"]["serviceRequests"]["totalCount"] == 6


@pytest.mark.parametrize(
    ("role", "expected"),
    [(Role.ADMINISTRATOR, 7), (Role.CAPTAIN, 9)],
)
async def test_requests_nested_query_count_fixed(
    client, settings, query_log, role, expected
):
    queue = await build_queue()
    for index in range(4):
        await _request(
            queue.world.village, f"加单{index}", 70 + index, brigade=queue.world.squad
        )
    scope = {"brigade_id": queue.world.corps.id} if role is Role.CAPTAIN else {}
    headers = await _headers(settings, "staff", role, **scope)

    counts = []
    for page_size in (3, 8):
        with query_log.recording():
            body = await execute(
                client, REQUESTS_NESTED, headers=headers, first=page_size
            )
        assert len(body["data"]["serviceRequests"]["edges"]) == page_size
        counts.append(query_log.count)

    # The token's revocation, its account, the count, the page, regions,
    # brigades and alliances. A captain's scope adds their brigade and its
    # region.
    assert counts == [expected, expected], query_log.statements


async def test_staff_list_projects_under_review(client, settings):
    world = await build_world()
    other_platform = await Platform.create(
        code="CULTURE", name="文化服务平台", origin="LOCAL"
    )
    other_alliance = await Alliance.create(
        name="文化志愿服务联盟", platform=other_platform, convener=world.unit
    )
    ours = await Project.create(
        name="宣讲草稿",
        category=DeliveryCategory.THEORY,
        platform=world.platform,
        alliance=world.alliance,
        brigade=world.town_brigade,
        status=ProjectStatus.SUBMITTED,
    )
    theirs = await Project.create(
        name="文艺草稿",
        category=DeliveryCategory.CULTURE,
        platform=other_platform,
        alliance=other_alliance,
        brigade=world.town_brigade,
        status=ProjectStatus.DRAFT,
    )
    admitted = await Project.create(
        name="已准入项目",
        category=DeliveryCategory.CULTURE,
        platform=other_platform,
        alliance=other_alliance,
        brigade=world.town_brigade,
        status=ProjectStatus.ADMITTED,
    )
    admin = await _headers(settings, "admin", Role.ADMINISTRATOR)
    convener = await _headers(
        settings, "convener", Role.CONVENER, alliance_id=world.alliance.id
    )
    captain = await _headers(
        settings, "captain", Role.CAPTAIN, brigade_id=world.town_brigade.id
    )
    statuses = ["DRAFT", "SUBMITTED", "ADMITTED"]

    def names(body) -> list[str]:
        assert "errors" not in body, body["errors"]
        return [edge["node"]["name"] for edge in body["data"]["projects"]["edges"]]

    as_admin = await execute(client, PROJECTS, headers=admin, status=statuses)
    as_convener = await execute(client, PROJECTS, headers=convener, status=statuses)
    as_captain = await execute(client, PROJECTS, headers=captain, status=statuses)
    anonymous = await execute(client, PROJECTS, status=statuses)

    assert names(as_admin) == ["宣讲草稿", "文艺草稿", "已准入项目"]
    assert names(as_convener) == ["宣讲草稿", "已准入项目"]
    assert as_convener["data"]["projects"]["totalCount"] == 2
    for body in (as_captain, anonymous):
        assert body["data"] is None
        assert body["errors"][0]["message"] == (
            "status DRAFT, SUBMITTED is not public: "
            "list ADMITTED, SUSPENDED or RETIRED projects"
        )

    def node_id(project: Project) -> str:
        return global_id("Project", project.id)

    async def node(project: Project, headers=None):
        body = await execute(client, PROJECT_NODE, headers=headers, id=node_id(project))
        return body["data"]["node"]

    assert (await node(theirs, admin))["status"] == "DRAFT"
    assert (await node(ours, convener))["name"] == "宣讲草稿"
    assert await node(theirs, convener) is None
    assert await node(ours, captain) is None
    assert await node(ours) is None
    assert (await node(admitted))["status"] == "ADMITTED"
