"""The Relay `node` and `nodes` root fields over every entity type."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import strawberry
from strawberry import relay
from strawberry.relay.types import GlobalIDValueError
from strawberry.types import Info

from domain.errors import InvalidInput

MAX_NODES = 100
# Row ids are 32-bit on every table: a larger number names no row.
MAX_ROW_ID = 2**31 - 1


async def _resolve_or_none(info: Info, global_id: relay.GlobalID) -> relay.Node | None:
    # An ID naming a type that is not a Node (or no type at all) names no
    # object, and Relay returns null for it rather than an error.
    try:
        return await global_id.resolve_node(info, required=False)
    except GlobalIDValueError:
        return None


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="Any object by its global ID, or null when none has it or "
        "the caller may not see it."
    )
    async def node(self, info: Info, id: relay.GlobalID) -> relay.Node | None:
        return await _resolve_or_none(info, id)

    @strawberry.field(
        description=f"Objects by global ID, in the order given, null where none "
        f"has the ID; at most {MAX_NODES} IDs."
    )
    async def nodes(
        self, info: Info, ids: list[relay.GlobalID]
    ) -> list[relay.Node | None]:
        if len(ids) > MAX_NODES:
            raise InvalidInput(
                f"ids lists {len(ids)} IDs, the maximum is {MAX_NODES}", field="ids"
            )
        # Each type's resolve_nodes batches through its loader, so this is one
        # query per type, not per ID.
        return list(
            await asyncio.gather(
                *(_resolve_or_none(info, global_id) for global_id in ids)
            )
        )


def _is_ascii_number(text: str) -> bool:
    # str.isdigit() alone takes "１" and "١", which would give a second spelling
    # of the same ID.
    return text.isascii() and text.isdigit()


def row_ids(node_ids: Iterable[str]) -> list[int]:
    """Turn the node ids of global IDs into row ids; 0 (no row) for malformed ones."""
    ids = []
    for node_id in node_ids:
        valid = _is_ascii_number(node_id) and int(node_id) <= MAX_ROW_ID
        ids.append(int(node_id) if valid else 0)
    return ids


def primary_key(value: str | None, type_name: str, argument: str) -> int | None:
    """Turn a global ID argument into the row id, checking the type it names."""
    if value is None:
        return None
    message = f"{argument} must be the global ID of a {type_name}, got {value!r}"
    try:
        global_id = relay.GlobalID.from_id(value)
    except GlobalIDValueError:
        raise InvalidInput(message, field=argument) from None
    node_id = global_id.node_id
    if global_id.type_name != type_name or not _is_ascii_number(node_id):
        raise InvalidInput(message, field=argument)
    if int(node_id) > MAX_ROW_ID:
        raise InvalidInput(message, field=argument)
    return int(global_id.node_id)
