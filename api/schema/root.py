"""The root schema: one query, mutation and subscription class per domain."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from api.context import FreshLoaders
from api.errors import should_mask_error
from api.schema.geo.query import GeoQuery
from api.schema.live.extensions import NotifyAfterMutation
from api.schema.live.subscription import LiveSubscription
from api.schema.live.types import EVENT_ID_SCALAR, EventId
from api.schema.node import NodeQuery

Query = merge_types("Query", (NodeQuery, GeoQuery))
Subscription = merge_types("Subscription", (LiveSubscription,))


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        subscription=Subscription,
        config=StrawberryConfig(scalar_map={EventId: EVENT_ID_SCALAR}),
        extensions=[
            FreshLoaders,
            NotifyAfterMutation,
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )


schema = build_schema()
