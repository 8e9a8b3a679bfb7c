"""The root schema: one query, mutation and subscription class per domain."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaskErrors
from strawberry.tools import merge_types

from api.context import FreshLoaders
from api.errors import should_mask_error
from api.schema.activity.query import ActivityQuery
from api.schema.dashboard.query import DashboardQuery
from api.schema.geo.query import GeoQuery
from api.schema.node import NodeQuery
from api.schema.org.query import OrgQuery
from api.schema.people.query import PeopleQuery
from api.schema.project.query import ProjectQuery
from api.schema.venue.query import VenueQuery

Query = merge_types(
    "Query",
    (
        NodeQuery,
        GeoQuery,
        OrgQuery,
        PeopleQuery,
        VenueQuery,
        ProjectQuery,
        ActivityQuery,
        DashboardQuery,
    ),
)


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        extensions=[
            FreshLoaders,
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )


schema = build_schema()
