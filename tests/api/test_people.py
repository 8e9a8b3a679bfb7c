"""Volunteers through GraphQL over HTTP, with personal data masked."""

from __future__ import annotations

from datetime import date

from db.models.enums import VolunteerStatus
from tests.api.graphql import administrator_headers, execute, global_id
from tests.factories import (
    add_members,
    make_brigade,
    make_region,
    make_volunteer,
    resident_id,
)

VOLUNTEERS = """
query Volunteers(
  $filter: VolunteerFilter, $orderBy: VolunteerOrder,
  $first: Int, $after: String, $last: Int, $before: String
) {
  volunteers(
    filter: $filter, orderBy: $orderBy,
    first: $first, after: $after, last: $last, before: $before
  ) {
    totalCount
    edges { node { number name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

VOLUNTEER = """
query Volunteer($number: String!) {
  volunteer(number: $number) {
    id number name sex idNumberMasked phoneMasked politicalStatus tags skills
    status registeredOn confirmedMinutes confirmedHours starLevel points
    region { code }
    brigades { name }
  }
}
"""

VOLUNTEERS_NESTED = """
query VolunteersNested($first: Int) {
  volunteers(first: $first) {
    edges { node { number region { code parent { code } } brigades { name } } }
  }
}
"""

VOLUNTEER_NODE = """
query VolunteerNode($id: ID!) {
  node(id: $id) { __typename ... on Volunteer { number idNumberMasked } }
}
"""


async def _make_people():
    city = await make_region("330282", "慈溪市")
    zonghan = await make_region("330282002", "宗汉街道", parent=city)
    kandun = await make_region("330282003", "坎墩街道", parent=city)
    xintang = await make_region("330282002001", "新塘村", parent=zonghan)
    first = await make_volunteer(
        xintang, "张伟", number="V001", registered_on=date(2024, 1, 10)
    )
    second = await make_volunteer(
        zonghan,
        "欧阳娜",
        number="V002",
        registered_on=date(2024, 6, 1),
        confirmed_minutes=360 * 60,
    )
    third = await make_volunteer(
        kandun,
        "张敏",
        number="V003",
        registered_on=date(2025, 2, 1),
        status=VolunteerStatus.SUSPENDED,
        confirmed_minutes=30,
    )
    return city, zonghan, kandun, xintang, (first, second, third)


def _numbers(body: dict) -> list[str]:
    return [edge["node"]["number"] for edge in body["data"]["volunteers"]["edges"]]


async def test_volunteer_shows_masked_personal_data(client, settings) -> None:
    city = await make_region("330282", "慈溪市")
    id_number = resident_id("330282", date(1975, 8, 9))
    volunteer = await make_volunteer(
        city,
        "李娟",
        number="V123",
        id_number=id_number,
        phone="13812345678",
        tags=["老党员"],
        skills=["摄影"],
        confirmed_minutes=6030,
        points_hundredths=10050,
    )

    headers = await administrator_headers(settings)

    body = await execute(client, VOLUNTEER, headers=headers, number="V123")
    public = await execute(client, VOLUNTEER, number="V123")

    node = body["data"]["volunteer"]
    assert node["id"] == global_id("Volunteer", volunteer.id)
    assert node["name"] == "李娟"
    assert node["idNumberMasked"] == f"330282********{id_number[-4:]}"
    assert node["phoneMasked"] == "138****5678"
    assert id_number not in str(body)
    assert "13812345678" not in str(body)
    public_node = public["data"]["volunteer"]
    assert public_node["name"] == "李*"
    assert public_node["idNumberMasked"] is None
    assert public_node["phoneMasked"] is None
    assert node["tags"] == ["老党员"]
    assert node["skills"] == ["摄影"]
    assert node["confirmedMinutes"] == 6030
    assert node["confirmedHours"] == "100.50"
    assert node["starLevel"] == 1
    assert node["points"] == "100.50"
    assert node["registeredOn"] == "2024-03-01"
    assert node["region"] == {"code": "330282"}


async def test_volunteer_star_level_two(client) -> None:
    await _make_people()

    body = await execute(client, VOLUNTEER, number="V002")

    assert body["data"]["volunteer"]["confirmedHours"] == "360.00"
    assert body["data"]["volunteer"]["starLevel"] == 2


async def test_volunteer_unknown_number_is_null(client) -> None:
    body = await execute(client, VOLUNTEER, number="V999")

    assert body["data"]["volunteer"] is None


async def test_volunteers_filter_region_with_descendants(client) -> None:
    await _make_people()

    body = await execute(client, VOLUNTEERS, filter={"region": "330282002"})

    assert _numbers(body) == ["V001", "V002"]
    assert body["data"]["volunteers"]["totalCount"] == 2


async def test_volunteers_filter_registration_range(client) -> None:
    await _make_people()

    body = await execute(
        client,
        VOLUNTEERS,
        filter={"registeredFrom": "2024-06-01", "registeredTo": "2025-02-01"},
    )
    reversed_range = await execute(
        client,
        VOLUNTEERS,
        filter={"registeredFrom": "2025-01-01", "registeredTo": "2024-01-01"},
    )

    assert _numbers(body) == ["V002", "V003"]
    assert reversed_range["errors"][0]["message"] == (
        "registeredFrom must not be after registeredTo"
    )


async def test_volunteers_filter_chinese_name_and_status(client, settings) -> None:
    await _make_people()
    headers = await administrator_headers(settings)

    by_name = await execute(
        client, VOLUNTEERS, headers=headers, filter={"nameContains": "张"}
    )
    anonymous_by_name = await execute(client, VOLUNTEERS, filter={"nameContains": "张"})
    active = await execute(client, VOLUNTEERS, filter={"status": "ACTIVE"})

    assert _numbers(by_name) == ["V001", "V003"]
    assert anonymous_by_name["data"] is None
    assert anonymous_by_name["errors"][0]["message"] == (
        "searching volunteers by name needs a signed-in account"
    )
    assert _numbers(active) == ["V001", "V002"]


async def test_volunteers_filter_brigade(client) -> None:
    city, zonghan, *_, people = await _make_people()
    brigade = await make_brigade(city, "慈溪市志愿服务总队")
    await add_members(brigade, people[2], people[0])

    body = await execute(
        client, VOLUNTEERS, filter={"brigade": global_id("Brigade", brigade.id)}
    )

    assert _numbers(body) == ["V001", "V003"]


async def test_volunteers_order_by_minutes(client) -> None:
    await _make_people()

    body = await execute(
        client,
        VOLUNTEERS,
        orderBy={"field": "CONFIRMED_MINUTES", "direction": "DESC"},
    )

    assert _numbers(body) == ["V002", "V003", "V001"]


async def test_volunteers_order_by_name_needs_account(client, settings) -> None:
    await _make_people()
    order = {"field": "NAME", "direction": "ASC"}

    anonymous = await execute(client, VOLUNTEERS, orderBy=order)
    signed_in = await execute(
        client, VOLUNTEERS, headers=await administrator_headers(settings), orderBy=order
    )

    assert anonymous["data"] is None
    assert anonymous["errors"][0]["message"] == (
        "ordering volunteers by name needs a signed-in account"
    )
    assert len(_numbers(signed_in)) == 3


async def test_volunteers_page_backward(client) -> None:
    await _make_people()

    last = await execute(client, VOLUNTEERS, last=2)
    before = await execute(
        client,
        VOLUNTEERS,
        last=2,
        before=last["data"]["volunteers"]["pageInfo"]["startCursor"],
    )

    assert _numbers(last) == ["V002", "V003"]
    assert last["data"]["volunteers"]["pageInfo"]["hasPreviousPage"] is True
    assert _numbers(before) == ["V001"]
    assert before["data"]["volunteers"]["pageInfo"]["hasPreviousPage"] is False


async def test_volunteer_node_by_global_id(client, settings) -> None:
    *_, people = await _make_people()
    headers = await administrator_headers(settings)

    body = await execute(
        client, VOLUNTEER_NODE, headers=headers, id=global_id("Volunteer", people[1].id)
    )

    assert body["data"]["node"]["__typename"] == "Volunteer"
    assert body["data"]["node"]["number"] == "V002"
    assert body["data"]["node"]["idNumberMasked"].startswith("330282********")


async def test_volunteers_nested_query_count_fixed(client, query_log) -> None:
    city = await make_region("330282", "慈溪市")
    town = await make_region("330282002", "宗汉街道", parent=city)
    corps = await make_brigade(city, "慈溪市志愿服务总队")
    squad = await make_brigade(town, "宗汉街道志愿服务大队", parent=corps)
    for index in range(50):
        volunteer = await make_volunteer(town, f"志愿者{index}")
        await add_members(corps, volunteer)
        await add_members(squad, volunteer)
    counts = []

    for page_size in (5, 50):
        with query_log.recording():
            body = await execute(client, VOLUNTEERS_NESTED, first=page_size)
        edges = body["data"]["volunteers"]["edges"]
        assert len(edges) == page_size
        assert edges[0]["node"]["region"] == {
            "code": "330282002",
            "parent": {"code": "330282"},
        }
        assert [brigade["name"] for brigade in edges[0]["node"]["brigades"]] == [
            "慈溪市志愿服务总队",
            "宗汉街道志愿服务大队",
        ]
        counts.append(query_log.count)

    # page, regions, parent regions, brigade links, brigades
    assert counts == [5, 5], query_log.statements


async def test_volunteers_filter_rejects_bad_region(client) -> None:
    for code in ("3" * 50_000, "33028", "３３０２８２", "33028a"):
        body = await execute(client, VOLUNTEERS, filter={"region": code})

        assert body.get("data") is None
        message = body["errors"][0]["message"]
        assert "give 6, 9 or 12 ASCII digits" in message, code
        # graphql-core shortens the value it echoes, so the message stays short.
        assert len(message) < 1000
