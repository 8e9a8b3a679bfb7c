"""Activities and positions through GraphQL over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime

from db.models.enums import ActivityStatus, DeliveryCategory
from tests.api.graphql import execute, global_id
from tests.factories import (
    make_activity,
    make_hall,
    make_platform,
    make_position,
    make_project,
    make_region,
)

ACTIVITIES = """
query Activities(
  $filter: ActivityFilter, $orderBy: ActivityOrder, $first: Int, $after: String
) {
  activities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { node { title startsAt endsAt status } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

ACTIVITIES_NESTED = """
query ActivitiesNested($first: Int) {
  activities(first: $first) {
    edges {
      node {
        title address
        project { name category }
        hall { name }
        region { code }
        positions { name places taken placesLeft requiredSkills minAge }
      }
    }
  }
}
"""

POSITIONS = """
query Positions($filter: PositionFilter) {
  positions(filter: $filter) {
    totalCount
    edges { node { name placesLeft activity { title } } }
  }
}
"""

NODES = """
query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on Activity { title startsAt }
    ... on Position { name }
  }
}
"""


async def _make_activities():
    city = await make_region("330282", "慈溪市")
    zonghan = await make_region("330282002", "宗汉街道", parent=city)
    kandun = await make_region("330282003", "坎墩街道", parent=city)
    xintang = await make_region("330282002001", "新塘村", parent=zonghan)
    hall = await make_hall(xintang, "新塘村文化礼堂")

    platform = await make_platform()
    theory = await make_project(
        platform, "百姓宣讲团", category=DeliveryCategory.THEORY
    )
    culture = await make_project(
        platform, "文艺下乡", category=DeliveryCategory.CULTURE
    )

    lecture = await make_activity(
        theory,
        xintang,
        "村口宣讲",
        starts_at=datetime(2026, 4, 30, 16, 0, tzinfo=UTC),
        hall=hall,
    )
    show = await make_activity(
        culture,
        kandun,
        "广场演出",
        starts_at=datetime(2026, 5, 10, 11, 30, tzinfo=UTC),
        address="坎墩文化广场",
        status=ActivityStatus.PLANNED,
    )
    await make_activity(
        culture,
        zonghan,
        "排练",
        starts_at=datetime(2026, 6, 1, 2, 0, tzinfo=UTC),
        status=ActivityStatus.CANCELLED,
    )

    guide = await make_position(
        lecture, "讲解员", places=3, taken=1, required_skills=["普通话"], min_age=18
    )
    await make_position(lecture, "引导员", places=2, taken=2)
    return hall, theory, lecture, show, guide


def _titles(body: dict) -> list[str]:
    return [edge["node"]["title"] for edge in body["data"]["activities"]["edges"]]


async def test_activities_show_shanghai_time(client) -> None:
    await _make_activities()

    body = await execute(client, ACTIVITIES, first=1)

    assert body["data"]["activities"]["edges"] == [
        {
            "node": {
                "title": "村口宣讲",
                "startsAt": "2026-05-01T00:00:00+08:00",
                "endsAt": "2026-05-01T02:00:00+08:00",
                "status": "OPEN",
            }
        }
    ]


async def test_activities_filter_start_range(client) -> None:
    await _make_activities()

    may = await execute(
        client,
        ACTIVITIES,
        filter={
            "startsFrom": "2026-05-01T00:00:00+08:00",
            "startsBefore": "2026-06-01T00:00:00+08:00",
        },
    )
    naive = await execute(
        client, ACTIVITIES, filter={"startsFrom": "2026-05-01T00:00:00"}
    )

    assert _titles(may) == ["村口宣讲", "广场演出"]
    assert naive["data"] is None
    assert naive["errors"][0]["message"].startswith(
        "startsFrom must carry a UTC offset"
    )


async def test_activities_filter_region_category_status(client) -> None:
    hall, theory, *_ = await _make_activities()

    by_region = await execute(client, ACTIVITIES, filter={"region": "330282002"})
    by_category = await execute(client, ACTIVITIES, filter={"category": "CULTURE"})
    by_status = await execute(client, ACTIVITIES, filter={"status": "PLANNED"})
    by_project = await execute(
        client, ACTIVITIES, filter={"project": global_id("Project", theory.id)}
    )
    by_hall = await execute(
        client, ACTIVITIES, filter={"hall": global_id("Hall", hall.id)}
    )
    by_title = await execute(client, ACTIVITIES, filter={"titleContains": "演出"})

    assert _titles(by_region) == ["村口宣讲", "排练"]
    assert _titles(by_category) == ["广场演出", "排练"]
    assert _titles(by_status) == ["广场演出"]
    assert _titles(by_project) == ["村口宣讲"]
    assert _titles(by_hall) == ["村口宣讲"]
    assert _titles(by_title) == ["广场演出"]


async def test_activities_order_by_start_descending(client) -> None:
    await _make_activities()

    body = await execute(
        client, ACTIVITIES, orderBy={"field": "STARTS_AT", "direction": "DESC"}
    )

    assert _titles(body) == ["排练", "广场演出", "村口宣讲"]


async def test_activities_nested_values(client) -> None:
    await _make_activities()

    body = await execute(client, ACTIVITIES_NESTED, first=2)

    lecture, show = (edge["node"] for edge in body["data"]["activities"]["edges"])
    assert lecture["project"] == {"name": "百姓宣讲团", "category": "THEORY"}
    assert lecture["hall"] == {"name": "新塘村文化礼堂"}
    assert lecture["region"] == {"code": "330282002001"}
    assert lecture["positions"] == [
        {
            "name": "讲解员",
            "places": 3,
            "taken": 1,
            "placesLeft": 2,
            "requiredSkills": ["普通话"],
            "minAge": 18,
        },
        {
            "name": "引导员",
            "places": 2,
            "taken": 2,
            "placesLeft": 0,
            "requiredSkills": [],
            "minAge": 0,
        },
    ]
    assert show["hall"] is None
    assert show["address"] == "坎墩文化广场"
    assert show["positions"] == []


async def test_activities_nested_query_count_fixed(client, query_log) -> None:
    city = await make_region("330282", "慈溪市")
    village = await make_region("330282002001", "新塘村")
    hall = await make_hall(village)
    platform = await make_platform()
    for index in range(50):
        project = await make_project(platform)
        activity = await make_activity(project, city, f"活动{index}", hall=hall)
        await make_position(activity)
        await make_position(activity)
    counts = []

    for page_size in (5, 50):
        with query_log.recording():
            body = await execute(client, ACTIVITIES_NESTED, first=page_size)
        edges = body["data"]["activities"]["edges"]
        assert len(edges) == page_size
        assert len(edges[-1]["node"]["positions"]) == 2
        counts.append(query_log.count)

    # page, projects, halls, regions, positions
    assert counts == [5, 5], query_log.statements


async def test_positions_filter_places_left(client) -> None:
    await _make_activities()

    open_positions = await execute(client, POSITIONS, filter={"hasPlacesLeft": True})
    full = await execute(client, POSITIONS, filter={"hasPlacesLeft": False})

    assert open_positions["data"]["positions"]["edges"] == [
        {"node": {"name": "讲解员", "placesLeft": 2, "activity": {"title": "村口宣讲"}}}
    ]
    assert full["data"]["positions"]["totalCount"] == 1


async def test_activity_and_position_nodes(client) -> None:
    _, _, lecture, _, guide = await _make_activities()

    body = await execute(
        client,
        NODES,
        ids=[global_id("Activity", lecture.id), global_id("Position", guide.id)],
    )

    assert body["data"]["nodes"] == [
        {
            "__typename": "Activity",
            "title": "村口宣讲",
            "startsAt": "2026-05-01T00:00:00+08:00",
        },
        {"__typename": "Position", "name": "讲解员"},
    ]
