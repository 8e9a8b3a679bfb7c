"""Platforms, units, alliances and brigades through GraphQL over HTTP."""

from __future__ import annotations

from dataclasses import dataclass

from db.models.enums import PlatformOrigin, ProjectStatus, UnitKind
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Platform, Unit
from tests.api.graphql import execute, global_id
from tests.factories import (
    add_members,
    make_alliance,
    make_brigade,
    make_platform,
    make_project,
    make_region,
    make_unit,
    make_volunteer,
)

BRIGADES = """
query Brigades(
  $filter: BrigadeFilter, $orderBy: BrigadeOrder,
  $first: Int, $after: String, $last: Int, $before: String
) {
  brigades(
    filter: $filter, orderBy: $orderBy,
    first: $first, after: $after, last: $last, before: $before
  ) {
    totalCount
    edges { cursor node { name level path } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

BRIGADES_NESTED = """
query BrigadesNested($first: Int) {
  brigades(first: $first) {
    edges {
      node {
        name
        region { code }
        parent { name }
        captain { name phoneMasked }
        children { name }
        alliances { name }
        memberCount
        members(first: 2) { totalCount edges { node { number } } }
      }
    }
  }
}
"""

ALLIANCES_NESTED = """
query AlliancesNested($first: Int) {
  alliances(first: $first) {
    edges {
      node {
        name
        platform { code }
        convener { name kind }
        members { name }
        brigades { name }
        projectCount
      }
    }
  }
}
"""

PLATFORMS = """
query Platforms($filter: PlatformFilter, $orderBy: PlatformOrder) {
  platforms(filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { code name origin alliance { name } } }
  }
}
"""

PLATFORM = """
query Platform($code: String!) {
  platform(code: $code) { id code name description alliance { name } }
}
"""

CORPS = """
query Corps {
  corps { name level parent { name } children { name level } }
}
"""

UNITS = """
query Units($filter: UnitFilter) {
  units(filter: $filter) { totalCount edges { node { name kind region { code } } } }
}
"""

MEMBERS = """
query Members($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Brigade {
      memberCount
      members(first: $first, after: $after) {
        totalCount
        edges { node { name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""

NODES = """
query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on Platform { code }
    ... on Unit { name }
    ... on Alliance { name }
    ... on Brigade { name }
    ... on Region { code }
  }
}
"""


@dataclass
class Tree:
    city: Region
    zonghan: Region
    kandun: Region
    corps: Brigade
    zonghan_brigade: Brigade
    kandun_brigade: Brigade
    xintang_squad: Brigade
    platform: Platform
    convener: Unit
    alliance: Alliance


async def _make_tree() -> Tree:
    city = await make_region("330282", "慈溪市")
    zonghan = await make_region("330282002", "宗汉街道", parent=city)
    kandun = await make_region("330282003", "坎墩街道", parent=city)
    xintang = await make_region("330282002001", "新塘村", parent=zonghan)

    captain = await make_volunteer(city, "王芳", phone="13812345678")
    corps = await make_brigade(city, "慈溪市志愿服务总队", captain=captain)
    zonghan_brigade = await make_brigade(zonghan, "宗汉街道志愿服务大队", parent=corps)
    kandun_brigade = await make_brigade(kandun, "坎墩街道志愿服务大队", parent=corps)
    xintang_squad = await make_brigade(
        xintang, "新塘村志愿服务小队", parent=zonghan_brigade
    )

    platform = await make_platform(
        "THEORY", "理论宣讲平台", origin=PlatformOrigin.NATIONAL
    )
    convener = await make_unit(city, "市委宣传部")
    member = await make_unit(zonghan, "宗汉街道办事处")
    alliance = await make_alliance(
        platform,
        convener,
        "理论宣讲志愿服务联盟",
        members=[member],
        brigades=[zonghan_brigade, xintang_squad],
    )

    return Tree(
        city=city,
        zonghan=zonghan,
        kandun=kandun,
        corps=corps,
        zonghan_brigade=zonghan_brigade,
        kandun_brigade=kandun_brigade,
        xintang_squad=xintang_squad,
        platform=platform,
        convener=convener,
        alliance=alliance,
    )


def _names(connection: dict) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


async def test_brigades_filter_region_with_descendants(client) -> None:
    await _make_tree()

    body = await execute(client, BRIGADES, filter={"region": "330282002"})

    assert _names(body["data"]["brigades"]) == [
        "宗汉街道志愿服务大队",
        "新塘村志愿服务小队",
    ]
    assert body["data"]["brigades"]["totalCount"] == 2


async def test_brigades_filter_within_subtree(client) -> None:
    tree = await _make_tree()

    body = await execute(
        client,
        BRIGADES,
        filter={"withinBrigade": global_id("Brigade", tree.zonghan_brigade.id)},
    )

    assert _names(body["data"]["brigades"]) == [
        "宗汉街道志愿服务大队",
        "新塘村志愿服务小队",
    ]


async def test_brigades_filter_parent_and_level(client) -> None:
    tree = await _make_tree()

    by_parent = await execute(
        client, BRIGADES, filter={"parent": global_id("Brigade", tree.corps.id)}
    )
    by_level = await execute(client, BRIGADES, filter={"level": "VILLAGE"})

    assert _names(by_parent["data"]["brigades"]) == [
        "宗汉街道志愿服务大队",
        "坎墩街道志愿服务大队",
    ]
    assert _names(by_level["data"]["brigades"]) == ["新塘村志愿服务小队"]


async def test_brigades_filter_chinese_name_and_alliance(client) -> None:
    tree = await _make_tree()

    by_name = await execute(client, BRIGADES, filter={"nameContains": "坎墩"})
    by_alliance = await execute(
        client, BRIGADES, filter={"alliance": global_id("Alliance", tree.alliance.id)}
    )

    assert _names(by_name["data"]["brigades"]) == ["坎墩街道志愿服务大队"]
    assert _names(by_alliance["data"]["brigades"]) == [
        "宗汉街道志愿服务大队",
        "新塘村志愿服务小队",
    ]


async def test_brigades_order_by_path_descending(client) -> None:
    tree = await _make_tree()

    body = await execute(
        client, BRIGADES, orderBy={"field": "PATH", "direction": "DESC"}
    )

    paths = [edge["node"]["path"] for edge in body["data"]["brigades"]["edges"]]
    assert paths == [
        f"/{tree.corps.id}/{tree.kandun_brigade.id}/",
        f"/{tree.corps.id}/{tree.zonghan_brigade.id}/{tree.xintang_squad.id}/",
        f"/{tree.corps.id}/{tree.zonghan_brigade.id}/",
        f"/{tree.corps.id}/",
    ]


async def test_brigades_page_forward_and_backward(client) -> None:
    await _make_tree()

    first = await execute(client, BRIGADES, first=3)
    page_one = first["data"]["brigades"]
    last = await execute(client, BRIGADES, last=2)
    page_last = last["data"]["brigades"]
    before = await execute(
        client, BRIGADES, last=1, before=page_last["pageInfo"]["startCursor"]
    )
    page_before = before["data"]["brigades"]

    assert _names(page_one) == [
        "慈溪市志愿服务总队",
        "宗汉街道志愿服务大队",
        "坎墩街道志愿服务大队",
    ]
    assert page_one["pageInfo"]["hasNextPage"] is True
    assert page_one["pageInfo"]["hasPreviousPage"] is False
    assert _names(page_last) == ["坎墩街道志愿服务大队", "新塘村志愿服务小队"]
    assert page_last["pageInfo"]["hasNextPage"] is False
    assert page_last["pageInfo"]["hasPreviousPage"] is True
    assert _names(page_before) == ["宗汉街道志愿服务大队"]


async def test_brigades_invalid_cursor_is_error(client) -> None:
    await _make_tree()

    body = await execute(client, BRIGADES, first=2, after="not-a-cursor")

    assert body["data"] is None
    assert body["errors"][0]["message"] == "after is not a valid cursor"


async def test_brigades_page_too_large_is_error(client) -> None:
    body = await execute(client, BRIGADES, first=101)
    backwards = await execute(client, BRIGADES, last=500)

    assert body["data"] is None
    assert body["errors"][0]["message"] == "first must be between 0 and 100, got 101"
    assert backwards["errors"][0]["message"] == (
        "last must be between 0 and 100, got 500"
    )


async def test_brigade_filter_wrong_id_type_is_error(client) -> None:
    tree = await _make_tree()

    platform_id = global_id("Platform", tree.platform.id)

    body = await execute(client, BRIGADES, filter={"parent": platform_id})

    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        f"parent must be the global ID of a Brigade, got {platform_id!r}"
    )


async def test_corps_is_root_with_towns(client) -> None:
    await _make_tree()

    body = await execute(client, CORPS)

    assert body["data"]["corps"] == {
        "name": "慈溪市志愿服务总队",
        "level": "CITY",
        "parent": None,
        "children": [
            {"name": "坎墩街道志愿服务大队", "level": "TOWN"},
            {"name": "宗汉街道志愿服务大队", "level": "TOWN"},
        ],
    }


async def test_brigade_members_page(client) -> None:
    tree = await _make_tree()
    volunteers = [
        await make_volunteer(tree.zonghan, name) for name in ("李明", "赵丽", "孙强")
    ]
    await add_members(tree.zonghan_brigade, *volunteers)
    brigade_id = global_id("Brigade", tree.zonghan_brigade.id)

    first = await execute(client, MEMBERS, id=brigade_id, first=2)
    page_one = first["data"]["node"]
    second = await execute(
        client,
        MEMBERS,
        id=brigade_id,
        first=2,
        after=page_one["members"]["pageInfo"]["endCursor"],
    )
    page_two = second["data"]["node"]["members"]

    assert page_one["memberCount"] == 3
    assert page_one["members"]["totalCount"] == 3
    assert _names(page_one["members"]) == ["李明", "赵丽"]
    assert page_one["members"]["pageInfo"]["hasNextPage"] is True
    assert _names(page_two) == ["孙强"]
    assert page_two["pageInfo"]["hasNextPage"] is False


async def test_brigades_nested_values(client) -> None:
    tree = await _make_tree()
    member = await make_volunteer(tree.zonghan, "李明", number="V0000100")
    await add_members(tree.zonghan_brigade, member)

    body = await execute(client, BRIGADES_NESTED, first=10)

    nodes = {
        edge["node"]["name"]: edge["node"] for edge in body["data"]["brigades"]["edges"]
    }
    corps = nodes["慈溪市志愿服务总队"]
    zonghan = nodes["宗汉街道志愿服务大队"]
    assert corps["parent"] is None
    assert corps["captain"] == {"name": "王芳", "phoneMasked": "138****5678"}
    assert [child["name"] for child in corps["children"]] == [
        "坎墩街道志愿服务大队",
        "宗汉街道志愿服务大队",
    ]
    assert zonghan["region"] == {"code": "330282002"}
    assert zonghan["parent"] == {"name": "慈溪市志愿服务总队"}
    assert zonghan["alliances"] == [{"name": "理论宣讲志愿服务联盟"}]
    assert zonghan["memberCount"] == 1
    assert zonghan["members"]["edges"] == [{"node": {"number": "V0000100"}}]
    assert nodes["坎墩街道志愿服务大队"]["memberCount"] == 0


async def _make_many_brigades(count: int) -> None:
    tree = await _make_tree()
    for index in range(count):
        captain = await make_volunteer(tree.kandun, f"队长{index}")
        squad = await make_brigade(
            tree.kandun,
            f"坎墩第{index}小队",
            parent=tree.kandun_brigade,
            captain=captain,
        )
        await add_members(squad, captain)
        await make_alliance(
            await make_platform(), await make_unit(tree.kandun), brigades=[squad]
        )


async def test_brigades_nested_query_count_fixed(client, query_log) -> None:
    await _make_many_brigades(50)
    counts = []

    for page_size in (5, 50):
        with query_log.recording():
            body = await execute(client, BRIGADES_NESTED, first=page_size)
        assert len(body["data"]["brigades"]["edges"]) == page_size
        counts.append(query_log.count)

    # page, regions, parents, captains, children, alliance links and
    # alliances, member counts (also the members' totalCount), member
    # ranking and member volunteers
    assert counts == [10, 10], query_log.statements


async def test_alliances_nested_values(client) -> None:
    tree = await _make_tree()
    await make_project(tree.platform, alliance=tree.alliance)
    await make_project(
        tree.platform, alliance=tree.alliance, status=ProjectStatus.RETIRED
    )

    body = await execute(client, ALLIANCES_NESTED, first=5)

    assert body["data"]["alliances"]["edges"] == [
        {
            "node": {
                "name": "理论宣讲志愿服务联盟",
                "platform": {"code": "THEORY"},
                "convener": {"name": "市委宣传部", "kind": "PARTY_GOVERNMENT"},
                "members": [{"name": "宗汉街道办事处"}],
                "brigades": [
                    {"name": "宗汉街道志愿服务大队"},
                    {"name": "新塘村志愿服务小队"},
                ],
                "projectCount": 1,
            }
        }
    ]


async def test_alliances_nested_query_count_fixed(client, query_log) -> None:
    tree = await _make_tree()
    for _ in range(50):
        platform = await make_platform()
        members = [await make_unit(tree.city), await make_unit(tree.city)]
        alliance = await make_alliance(
            platform,
            await make_unit(tree.city),
            members=members,
            brigades=[tree.kandun_brigade],
        )
        await make_project(platform, alliance=alliance)
    counts = []

    for page_size in (5, 50):
        with query_log.recording():
            body = await execute(client, ALLIANCES_NESTED, first=page_size)
        assert len(body["data"]["alliances"]["edges"]) == page_size
        counts.append(query_log.count)

    # page, platforms, conveners, member links and units, brigade links and
    # brigades, project counts
    assert counts == [8, 8], query_log.statements


async def test_platforms_order_and_filter(client) -> None:
    tree = await _make_tree()
    await make_platform("HEALTH", "健康服务平台", origin=PlatformOrigin.LOCAL)

    ordered = await execute(
        client, PLATFORMS, orderBy={"field": "CODE", "direction": "DESC"}
    )
    national = await execute(client, PLATFORMS, filter={"origin": "NATIONAL"})

    assert [edge["node"]["code"] for edge in ordered["data"]["platforms"]["edges"]] == [
        "THEORY",
        "HEALTH",
    ]
    assert national["data"]["platforms"]["edges"] == [
        {
            "node": {
                "code": "THEORY",
                "name": "理论宣讲平台",
                "origin": "NATIONAL",
                "alliance": {"name": tree.alliance.name},
            }
        }
    ]


async def test_platform_by_code(client) -> None:
    tree = await _make_tree()

    body = await execute(client, PLATFORM, code="THEORY")
    missing = await execute(client, PLATFORM, code="NONE")

    assert body["data"]["platform"]["id"] == global_id("Platform", tree.platform.id)
    assert body["data"]["platform"]["alliance"] == {"name": "理论宣讲志愿服务联盟"}
    assert missing["data"]["platform"] is None


async def test_units_filter_kind_region_alliance(client) -> None:
    tree = await _make_tree()
    await make_unit(tree.kandun, "坎墩中学", kind=UnitKind.SCHOOL)

    schools = await execute(client, UNITS, filter={"kind": "SCHOOL"})
    in_zonghan = await execute(client, UNITS, filter={"region": "330282002"})
    members = await execute(
        client, UNITS, filter={"alliance": global_id("Alliance", tree.alliance.id)}
    )

    assert schools["data"]["units"]["edges"] == [
        {
            "node": {
                "name": "坎墩中学",
                "kind": "SCHOOL",
                "region": {"code": "330282003"},
            }
        }
    ]
    assert _names(in_zonghan["data"]["units"]) == ["宗汉街道办事处"]
    assert _names(members["data"]["units"]) == ["宗汉街道办事处"]


async def test_org_nodes_by_global_id(client) -> None:
    tree = await _make_tree()
    ids = [
        global_id("Platform", tree.platform.id),
        global_id("Unit", tree.convener.id),
        global_id("Alliance", tree.alliance.id),
        global_id("Brigade", tree.xintang_squad.id),
        global_id("Region", tree.kandun.id),
        global_id("Brigade", 999),
    ]

    body = await execute(client, NODES, ids=ids)

    assert body["data"]["nodes"] == [
        {"__typename": "Platform", "code": "THEORY"},
        {"__typename": "Unit", "name": "市委宣传部"},
        {"__typename": "Alliance", "name": "理论宣讲志愿服务联盟"},
        {"__typename": "Brigade", "name": "新塘村志愿服务小队"},
        {"__typename": "Region", "code": "330282003"},
        None,
    ]


async def test_brigades_malformed_global_id_is_error(client) -> None:
    body = await execute(client, BRIGADES, filter={"parent": "not-an-id"})

    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "parent must be the global ID of a Brigade, got 'not-an-id'"
    )
