"""Hall mutations through GraphQL."""

from __future__ import annotations

from api.resolvers.ids import encode_id
from tests.api.execute import execute
from tests.worlds import ADMIN, build_world

CREATE = """
mutation Create($input: CreateHallInput!) {
  createHall(input: $input) {
    __typename
    ... on Hall { name starRating }
    ... on Error { code field }
  }
}
"""


async def test_create_hall_star_rating_checked() -> None:
    world = await build_world()
    values = {
        "name": "鸣山村文化礼堂",
        "villageId": encode_id("Region", world.village.id),
        "areaM2": 500,
        "starRating": 6,
        "haves": {"venue": True},
    }

    rejected = await execute(CREATE, {"input": values}, actor=ADMIN)
    created = await execute(CREATE, {"input": {**values, "starRating": 5}}, actor=ADMIN)

    assert rejected["createHall"] == {
        "__typename": "MutationError",
        "code": "INVALID_INPUT",
        "field": "starRating",
    }
    assert created["createHall"] == {
        "__typename": "Hall",
        "name": "鸣山村文化礼堂",
        "starRating": 5,
    }
