"""The Relay `node` and `nodes` root fields over every entity type."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.relay.types import GlobalIDValueError

from domain.errors import InvalidInput


@strawberry.type
class NodeQuery:
    node: relay.Node | None = relay.node(
        description="Any object by its global ID, or null when none has it."
    )
    nodes: list[relay.Node | None] = relay.node(
        description="Objects by global ID, in the order given; at most 100 IDs."
    )


def primary_key(value: str | None, type_name: str, argument: str) -> int | None:
    """Turn a global ID argument into the row id, checking the type it names."""
    if value is None:
        return None
    message = f"{argument} must be the global ID of a {type_name}, got {value!r}"
    try:
        global_id = relay.GlobalID.from_id(value)
    except GlobalIDValueError:
        raise InvalidInput(message, field=argument) from None
    if global_id.type_name != type_name or not global_id.node_id.isdigit():
        raise InvalidInput(message, field=argument)
    return int(global_id.node_id)
