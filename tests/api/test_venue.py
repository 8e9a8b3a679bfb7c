"""Cultural halls through GraphQL over HTTP."""

from __future__ import annotations

from tests.api.graphql import execute, global_id
from tests.factories import make_brigade, make_hall, make_region

HALLS = """
query Halls($filter: HallFilter, $orderBy: HallOrder, $first: Int) {
  halls(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    edges {
      node {
        name areaM2 starRating hasVenue hasExhibition hasActivities hasTeam
        hasMechanism fiveHavesCount openingHours
        village { code } town { name } brigade { name }
      }
    }
  }
}
"""

HALL_NODE = """
query HallNode($id: ID!) { node(id: $id) { __typename ... on Hall { name } } }
"""


async def _make_halls():
    city = await make_region("330282", "慈溪市")
    zonghan = await make_region("330282002", "宗汉街道", parent=city)
    kandun = await make_region("330282003", "坎墩街道", parent=city)
    xintang = await make_region("330282002001", "新塘村", parent=zonghan)
    shenjia = await make_region("330282003001", "沈家村", parent=kandun)
    corps = await make_brigade(city, "慈溪市志愿服务总队")
    first = await make_hall(
        xintang,
        "新塘村文化礼堂",
        area_m2=800,
        star_rating=5,
        haves=(True, True, True, True, True),
        brigade=corps,
    )
    second = await make_hall(shenjia, "沈家村文化礼堂", area_m2=300, star_rating=2)
    return corps, first, second


def _names(body: dict) -> list[str]:
    return [edge["node"]["name"] for edge in body["data"]["halls"]["edges"]]


async def test_halls_show_five_haves_and_town(client) -> None:
    await _make_halls()

    body = await execute(client, HALLS, filter={"region": "330282002"})

    assert body["data"]["halls"]["edges"] == [
        {
            "node": {
                "name": "新塘村文化礼堂",
                "areaM2": 800,
                "starRating": 5,
                "hasVenue": True,
                "hasExhibition": True,
                "hasActivities": True,
                "hasTeam": True,
                "hasMechanism": True,
                "fiveHavesCount": 5,
                "openingHours": "周二至周日 8:30-17:00",
                "village": {"code": "330282002001"},
                "town": {"name": "宗汉街道"},
                "brigade": {"name": "慈溪市志愿服务总队"},
            }
        }
    ]


async def test_halls_filter_rating_and_name(client) -> None:
    await _make_halls()

    rated = await execute(client, HALLS, filter={"minStarRating": 3})
    named = await execute(client, HALLS, filter={"nameContains": "沈家"})

    assert _names(rated) == ["新塘村文化礼堂"]
    assert _names(named) == ["沈家村文化礼堂"]


async def test_halls_order_by_area(client) -> None:
    await _make_halls()

    body = await execute(client, HALLS, orderBy={"field": "AREA", "direction": "ASC"})

    assert _names(body) == ["沈家村文化礼堂", "新塘村文化礼堂"]
    assert body["data"]["halls"]["edges"][0]["node"]["fiveHavesCount"] == 3
    assert body["data"]["halls"]["edges"][0]["node"]["brigade"] is None


async def test_halls_filter_brigade(client) -> None:
    corps, *_ = await _make_halls()

    body = await execute(
        client, HALLS, filter={"brigade": global_id("Brigade", corps.id)}
    )

    assert _names(body) == ["新塘村文化礼堂"]


async def test_hall_node_by_global_id(client) -> None:
    _, _, second = await _make_halls()

    body = await execute(client, HALL_NODE, id=global_id("Hall", second.id))

    assert body["data"]["node"] == {"__typename": "Hall", "name": "沈家村文化礼堂"}
