"""Region lists through GraphQL over HTTP."""

from __future__ import annotations

from db.models.enums import RegionLevel
from db.models.geo import Region

REGIONS = """
query Regions($filter: RegionFilter, $first: Int, $after: String) {
  regions(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { code name level parent { code } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


async def _make_regions() -> None:
    city = await Region.create(
        code="330282", name="慈溪市", level=RegionLevel.CITY, kind="市"
    )
    for index, name in enumerate(["宗汉街道", "坎墩街道", "浒山街道"], start=2):
        town = await Region.create(
            code=f"33028200{index}",
            name=name,
            level=RegionLevel.TOWN,
            kind="街道",
            parent=city,
        )
        await Region.create(
            code=f"{town.code}001",
            name=f"{name[:2]}村",
            level=RegionLevel.VILLAGE,
            kind="村",
            parent=town,
            is_administrative_village=True,
        )


async def test_regions_filter_within_town(client) -> None:
    await _make_regions()

    response = await client.post(
        "/graphql",
        json={"query": REGIONS, "variables": {"filter": {"within": "330282003"}}},
    )

    body = response.json()
    assert response.status_code == 200
    connection = body["data"]["regions"]
    assert connection["totalCount"] == 2
    assert [edge["node"]["code"] for edge in connection["edges"]] == [
        "330282003",
        "330282003001",
    ]
    assert connection["edges"][1]["node"]["parent"] == {"code": "330282003"}


async def test_regions_pages_follow_cursor(client) -> None:
    await _make_regions()

    first = await client.post(
        "/graphql", json={"query": REGIONS, "variables": {"first": 4}}
    )
    page_one = first.json()["data"]["regions"]
    second = await client.post(
        "/graphql",
        json={
            "query": REGIONS,
            "variables": {"first": 4, "after": page_one["pageInfo"]["endCursor"]},
        },
    )
    page_two = second.json()["data"]["regions"]

    assert page_one["totalCount"] == 7
    assert page_one["pageInfo"]["hasNextPage"] is True
    assert len(page_one["edges"]) == 4
    assert [edge["node"]["code"] for edge in page_two["edges"]] == [
        "330282003001",
        "330282004",
        "330282004001",
    ]
    assert page_two["pageInfo"]["hasNextPage"] is False
    assert page_two["pageInfo"]["hasPreviousPage"] is True


async def test_region_parents_load_in_one_query(client, query_log) -> None:
    await _make_regions()

    with query_log.recording():
        response = await client.post(
            "/graphql", json={"query": REGIONS, "variables": {"first": 100}}
        )

    assert len(response.json()["data"]["regions"]["edges"]) == 7
    # count, page, and one batched parent lookup
    assert query_log.count == 3, query_log.statements
