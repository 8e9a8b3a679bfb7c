"""The root schema: one query, mutation and subscription class per domain."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors
from strawberry.tools import merge_types

from api.context import FreshLoaders
from api.errors import should_mask_error
from api.schema.geo.query import GeoQuery
from api.schema.node import NodeQuery
from api.schema.request.mutation import RequestMutation
from api.schema.service.mutation import ServiceMutation
from api.schema.training.mutation import TrainingMutation

Query = merge_types("Query", (NodeQuery, GeoQuery))
Mutation = merge_types("Mutation", (RequestMutation, ServiceMutation, TrainingMutation))


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            FreshLoaders,
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )


schema = build_schema()
