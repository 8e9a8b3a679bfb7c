"""The Relay `node` and `nodes` root fields over every entity type."""

from __future__ import annotations

import strawberry
from strawberry import relay


@strawberry.type
class NodeQuery:
    node: relay.Node | None = relay.node(
        description="Any object by its global ID, or null when none has it."
    )
    nodes: list[relay.Node | None] = relay.node(
        description="Objects by global ID, in the order given; at most 100 IDs."
    )
