"""Unit, alliance and brigade mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from tests.api.execute import execute
from tests.worlds import ADMIN, build_world, captain_of

CREATE_BRIGADE = """
mutation Create($input: CreateBrigadeInput!) {
  createBrigade(input: $input) {
    __typename
    ... on Brigade { name level }
    ... on Error { code message field }
  }
}
"""

JOIN = """
mutation Join($input: AllianceBrigadeInput!) {
  joinAlliance(input: $input) {
    __typename
    ... on Alliance { id }
    ... on Error { code field }
  }
}
"""


async def test_create_brigade_skipping_level() -> None:
    world = await build_world()

    result = await execute(
        CREATE_BRIGADE,
        {
            "input": {
                "name": "越级小队",
                "level": "VILLAGE",
                "regionId": encode_id("Region", world.village.id),
                "parentId": encode_id("Brigade", world.corps.id),
            }
        },
        actor=ADMIN,
    )

    assert result["createBrigade"]["code"] == "INVALID_INPUT"
    assert result["createBrigade"]["field"] == "parentId"


async def test_join_alliance_by_captain() -> None:
    world = await build_world()
    variables = {
        "input": {
            "allianceId": encode_id("Alliance", world.alliance.id),
            "brigadeId": encode_id("Brigade", world.squad.id),
        }
    }

    joined = await execute(JOIN, variables, actor=captain_of(world.town_brigade))
    again = await execute(JOIN, variables, actor=ADMIN)

    assert joined["joinAlliance"] == {
        "__typename": "Alliance",
        "id": encode_id("Alliance", world.alliance.id),
    }
    assert again["joinAlliance"] == {
        "__typename": "MutationError",
        "code": "DUPLICATE",
        "field": "brigadeId",
    }
