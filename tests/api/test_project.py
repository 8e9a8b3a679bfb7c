"""Practice projects through GraphQL over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime

from db.models.enums import DeliveryCategory, ProjectStatus
from tests.api.graphql import administrator_headers, execute, global_id
from tests.factories import (
    make_activity,
    make_alliance,
    make_brigade,
    make_platform,
    make_project,
    make_region,
    make_review,
    make_unit,
)

PROJECTS = """
query Projects($filter: ProjectFilter, $orderBy: ProjectOrder, $first: Int) {
  projects(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    edges { node { name category status } }
  }
}
"""

PROJECT_NODE = """
query ProjectNode($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    __typename
    ... on Project {
      name description category status
      platform { code } alliance { name } brigade { name } unit { name }
      reviews { fromStatus toStatus actor opinion at }
      activities(first: $first, after: $after) {
        totalCount
        edges { node { title } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""


async def _make_projects():
    city = await make_region("330282", "慈溪市")
    town = await make_region("330282002", "宗汉街道", parent=city)
    platform = await make_platform("THEORY", "理论宣讲平台")
    other_platform = await make_platform("HEALTH", "健康服务平台")
    convener = await make_unit(city, "市委宣传部")
    alliance = await make_alliance(platform, convener, "理论宣讲志愿服务联盟")
    corps = await make_brigade(city, "慈溪市志愿服务总队")
    town_brigade = await make_brigade(town, "宗汉街道志愿服务大队", parent=corps)
    admitted = await make_project(
        platform,
        "百姓宣讲团",
        category=DeliveryCategory.THEORY,
        alliance=alliance,
        brigade=town_brigade,
        description="进村宣讲",
    )
    await make_project(
        other_platform, "健康义诊", category=DeliveryCategory.WELLBEING, unit=convener
    )
    await make_project(
        platform,
        "文艺下乡",
        category=DeliveryCategory.CULTURE,
        status=ProjectStatus.SUSPENDED,
    )
    await make_project(platform, "草稿项目", status=ProjectStatus.DRAFT)
    await make_project(platform, "待审项目", status=ProjectStatus.SUBMITTED)
    return city, town, platform, alliance, admitted


def _names(body: dict) -> list[str]:
    return [edge["node"]["name"] for edge in body["data"]["projects"]["edges"]]


async def test_projects_default_to_admitted(client) -> None:
    await _make_projects()

    body = await execute(client, PROJECTS)

    assert _names(body) == ["百姓宣讲团", "健康义诊"]
    assert body["data"]["projects"]["totalCount"] == 2


async def test_projects_status_filter_shows_history(client) -> None:
    await _make_projects()

    body = await execute(client, PROJECTS, filter={"status": ["SUSPENDED", "RETIRED"]})

    assert body["data"]["projects"]["edges"] == [
        {"node": {"name": "文艺下乡", "category": "CULTURE", "status": "SUSPENDED"}}
    ]


async def test_projects_hidden_status_is_error(client) -> None:
    await _make_projects()

    body = await execute(client, PROJECTS, filter={"status": ["ADMITTED", "DRAFT"]})

    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "status DRAFT is not public: list ADMITTED, SUSPENDED or RETIRED projects"
    )


async def test_projects_filter_category_platform_region(client) -> None:
    _, _, platform, alliance, _ = await _make_projects()

    by_category = await execute(client, PROJECTS, filter={"category": "WELLBEING"})
    by_platform = await execute(
        client, PROJECTS, filter={"platform": global_id("Platform", platform.id)}
    )
    by_alliance = await execute(
        client, PROJECTS, filter={"alliance": global_id("Alliance", alliance.id)}
    )
    by_region = await execute(client, PROJECTS, filter={"region": "330282002"})
    by_name = await execute(client, PROJECTS, filter={"nameContains": "宣讲"})

    assert _names(by_category) == ["健康义诊"]
    assert _names(by_platform) == ["百姓宣讲团"]
    assert _names(by_alliance) == ["百姓宣讲团"]
    assert _names(by_region) == ["百姓宣讲团"]
    assert _names(by_name) == ["百姓宣讲团"]


async def test_projects_order_by_name_descending(client) -> None:
    await _make_projects()

    body = await execute(
        client,
        PROJECTS,
        filter={"status": ["ADMITTED", "SUSPENDED"]},
        orderBy={"field": "NAME", "direction": "DESC"},
    )

    assert _names(body) == sorted(["百姓宣讲团", "健康义诊", "文艺下乡"], reverse=True)


async def test_project_node_with_reviews_and_activities(client) -> None:
    city, town, platform, alliance, admitted = await _make_projects()
    await make_review(
        admitted, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, actor="captain1"
    )
    await make_review(
        admitted,
        ProjectStatus.SUBMITTED,
        ProjectStatus.ADMITTED,
        actor="admin",
        opinion="同意准入",
    )
    for day in (3, 1, 2):
        await make_activity(
            admitted,
            town,
            f"宣讲{day}",
            starts_at=datetime(2026, 5, day, 1, 0, tzinfo=UTC),
        )
    project_id = global_id("Project", admitted.id)

    body = await execute(client, PROJECT_NODE, id=project_id, first=2)
    node = body["data"]["node"]
    rest = await execute(
        client,
        PROJECT_NODE,
        id=project_id,
        first=2,
        after=node["activities"]["pageInfo"]["endCursor"],
    )

    assert node["__typename"] == "Project"
    assert node["platform"] == {"code": "THEORY"}
    assert node["alliance"] == {"name": "理论宣讲志愿服务联盟"}
    assert node["brigade"] == {"name": "宗汉街道志愿服务大队"}
    assert node["unit"] is None
    assert [
        (review["fromStatus"], review["toStatus"]) for review in node["reviews"]
    ] == [
        ("DRAFT", "SUBMITTED"),
        ("SUBMITTED", "ADMITTED"),
    ]
    assert node["reviews"][1]["opinion"] == "同意准入"
    assert node["reviews"][1]["actor"] == "admin"
    assert node["reviews"][1]["at"].endswith("+08:00")
    assert node["activities"]["totalCount"] == 3
    assert [edge["node"]["title"] for edge in node["activities"]["edges"]] == [
        "宣讲1",
        "宣讲2",
    ]
    assert node["activities"]["pageInfo"]["hasNextPage"] is True
    rest_activities = rest["data"]["node"]["activities"]
    assert [edge["node"]["title"] for edge in rest_activities["edges"]] == ["宣讲3"]
    assert rest_activities["pageInfo"]["hasNextPage"] is False


PROJECTS_NESTED = """
query ProjectsNested($first: Int) {
  projects(first: $first) {
    edges {
      node {
        name
        platform { code }
        alliance { name }
        reviews { toStatus }
        activities(first: 2) { totalCount edges { node { title } } }
      }
    }
  }
}
"""


async def test_projects_nested_query_count_fixed(client, query_log) -> None:
    city = await make_region("330282", "慈溪市")
    platform = await make_platform()
    alliance = await make_alliance(platform, await make_unit(city))
    for index in range(50):
        project = await make_project(platform, f"项目{index}", alliance=alliance)
        await make_review(project, ProjectStatus.SUBMITTED, ProjectStatus.ADMITTED)
        for hour in range(3):
            await make_activity(
                project, city, starts_at=datetime(2026, 5, 1, hour, tzinfo=UTC)
            )
    counts = []

    for page_size in (5, 50):
        with query_log.recording():
            body = await execute(client, PROJECTS_NESTED, first=page_size)
        edges = body["data"]["projects"]["edges"]
        assert len(edges) == page_size
        assert edges[-1]["node"]["activities"]["totalCount"] == 3
        assert len(edges[-1]["node"]["activities"]["edges"]) == 2
        counts.append(query_log.count)

    # page, platforms, alliances, reviews, activity counts, activity ranking
    # and activities
    assert counts == [7, 7], query_log.statements


async def test_project_node_hides_draft(client) -> None:
    city = await make_region("330282", "慈溪市")
    platform = await make_platform()
    draft = await make_project(platform, "草稿项目", status=ProjectStatus.DRAFT)
    retired = await make_project(platform, "旧项目", status=ProjectStatus.RETIRED)
    await make_activity(retired, city)

    hidden = await execute(client, PROJECT_NODE, id=global_id("Project", draft.id))
    shown = await execute(client, PROJECT_NODE, id=global_id("Project", retired.id))

    assert hidden["data"]["node"] is None
    assert shown["data"]["node"]["name"] == "旧项目"
    assert shown["data"]["node"]["status"] == "RETIRED"


async def test_anonymous_review_actor_is_role(client, settings) -> None:
    *_, admitted = await _make_projects()
    await make_review(
        admitted, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, actor="CAPTAIN:cap15"
    )
    await make_review(
        admitted, ProjectStatus.SUBMITTED, ProjectStatus.ADMITTED, actor="SYSTEM"
    )
    project_id = global_id("Project", admitted.id)

    anonymous = await execute(client, PROJECT_NODE, id=project_id, first=1)
    signed_in = await execute(
        client,
        PROJECT_NODE,
        headers=await administrator_headers(settings),
        id=project_id,
        first=1,
    )

    assert [review["actor"] for review in anonymous["data"]["node"]["reviews"]] == [
        "CAPTAIN",
        "SYSTEM",
    ]
    assert [review["actor"] for review in signed_in["data"]["node"]["reviews"]] == [
        "CAPTAIN:cap15",
        "SYSTEM",
    ]
