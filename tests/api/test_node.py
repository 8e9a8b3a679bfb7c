"""The node and nodes root fields with good and bad global IDs."""

from __future__ import annotations

import base64

import pytest

from api.resolvers.ids import decode_id
from api.schema.node import primary_key
from db.models.enums import PlatformOrigin
from db.models.org import Platform
from domain.errors import InvalidInput
from tests.api.graphql import execute, global_id

NODES = """
query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Platform { code } } }
"""
NODE = "query Node($id: ID!) { node(id: $id) { id } }"
REGIONS_AFTER = (
    "query Regions($after: String) { regions(after: $after) { totalCount } }"
)
PLATFORMS_NAMED = """
query Platforms($text: SearchText) {
  platforms(filter: { nameContains: $text }) { totalCount }
}
"""


async def _platform(code: str) -> Platform:
    return await Platform.create(
        code=code, name=f"{code}平台", origin=PlatformOrigin.NATIONAL
    )


async def test_nodes_keeps_order_and_nulls(client) -> None:
    theory = await _platform("THEORY")
    culture = await _platform("CULTURE")
    ids = [
        global_id("Platform", culture.id),
        global_id("Platform", 999),
        global_id("Platform", theory.id),
    ]

    body = await execute(client, NODES, ids=ids)

    assert body["data"]["nodes"] == [
        {"id": ids[0], "code": "CULTURE"},
        None,
        {"id": ids[2], "code": "THEORY"},
    ]


async def test_nodes_rejects_over_100_ids(client) -> None:
    ids = [global_id("Platform", index) for index in range(1, 102)]

    body = await execute(client, NODES, ids=ids)

    assert body["data"] is None
    assert body["errors"][0]["message"] == "ids lists 101 IDs, the maximum is 100"


async def test_node_with_huge_row_id_is_null(client) -> None:
    body = await execute(client, NODE, id=global_id("Platform", 10**30))

    assert body["data"] == {"node": None}
    assert "errors" not in body


async def test_node_with_garbage_id_is_readable(client) -> None:
    body = await execute(client, NODE, id="garbage")

    assert (
        body["errors"][0]["message"] == 'Value cannot represent a GlobalID: "garbage".'
    )


async def test_cursor_past_any_offset_rejected(client) -> None:
    huge = global_id("offset", 10**20)

    body = await execute(client, REGIONS_AFTER, after=huge)

    assert body["errors"][0]["message"] == "after is not a valid cursor"


async def test_search_text_longer_than_64_rejected(client) -> None:
    await _platform("THEORY")

    too_long = await execute(client, PLATFORMS_NAMED, text="理" * 65)
    padded = await execute(client, PLATFORMS_NAMED, text="  THEORY  ")

    assert too_long["data"] is None
    assert (
        "search text is 65 characters long, the maximum is 64"
        in (too_long["errors"][0]["message"])
    )
    assert padded["data"] == {"platforms": {"totalCount": 1}}


def _raw_global_id(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


async def test_node_with_non_ascii_digits_is_null(client) -> None:
    platform = await _platform("THEORY")
    # Full-width, Arabic-Indic and Devanagari zeros: each digit set is contiguous.
    for zero in ("０", "٠", "०"):
        digits = "".join(chr(ord(zero) + int(digit)) for digit in str(platform.id))
        node_id = _raw_global_id(f"Platform:{digits}")

        body = await execute(client, NODE, id=node_id)

        assert body["data"] == {"node": None}, digits


def test_id_arguments_need_ascii_digits() -> None:
    for spelling in ("１", "١", " 1", "+1"):
        value = _raw_global_id(f"Volunteer:{spelling}")
        with pytest.raises(InvalidInput) as by_schema:
            primary_key(value, "Volunteer", "volunteer")
        with pytest.raises(InvalidInput) as by_resolver:
            decode_id(value, "Volunteer", field="volunteerId")
        assert by_schema.value.field == "volunteer"
        assert by_resolver.value.field == "volunteerId"
    assert primary_key(_raw_global_id("Volunteer:1"), "Volunteer", "v") == 1
    assert decode_id(_raw_global_id("Volunteer:1"), "Volunteer", field="v") == 1


async def test_node_of_unknown_type_is_null(client) -> None:
    for type_name in ("Foo", "Query", "Viewer", "Dashboard"):
        body = await execute(client, NODE, id=global_id(type_name, 1))

        assert body == {"data": {"node": None}, "extensions": body["extensions"]}


async def test_nodes_keep_valid_beside_unknown(client) -> None:
    theory = await _platform("THEORY")
    ids = [global_id("Foo", 1), global_id("Platform", theory.id)]

    body = await execute(client, NODES, ids=ids)

    assert "errors" not in body
    assert body["data"]["nodes"] == [None, {"id": ids[1], "code": "THEORY"}]


async def test_query_error_carries_code_and_field(client) -> None:
    body = await execute(client, REGIONS_AFTER, after="bad")

    error = body["errors"][0]
    assert error["message"] == "after is not a valid cursor"
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert error["extensions"]["field"] == "after"
