"""The root schema: one query, mutation and subscription class per domain."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from api.context import FreshLoaders
from api.errors import ApiSchema, MaskUnexpectedErrors
from api.schema.access.mutation import AccessMutation
from api.schema.access.query import AccessQuery
from api.schema.activity.mutation import ActivityMutation
from api.schema.activity.query import ActivityQuery
from api.schema.dashboard.query import DashboardQuery
from api.schema.geo.query import GeoQuery
from api.schema.live.extensions import NotifyAfterMutation
from api.schema.live.subscription import LiveSubscription
from api.schema.live.types import EVENT_ID_SCALAR, EventId
from api.schema.node import NodeQuery
from api.schema.org.mutation import OrgMutation
from api.schema.org.query import OrgQuery
from api.schema.people.mutation import PeopleMutation
from api.schema.people.query import PeopleQuery
from api.schema.project.mutation import ProjectMutation
from api.schema.project.query import ProjectQuery
from api.schema.request.mutation import RequestMutation
from api.schema.request.query import RequestQuery
from api.schema.service.mutation import ServiceMutation
from api.schema.service.query import ServiceQuery
from api.schema.training.mutation import TrainingMutation
from api.schema.venue.mutation import VenueMutation
from api.schema.venue.query import VenueQuery
from api.security.limits import OperationLimits
from api.security.pii import RevealAudit
from api.security.websocket import CheckWebSocketOperation

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
        AccessQuery,
        ServiceQuery,
        RequestQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccessMutation,
        PeopleMutation,
        OrgMutation,
        VenueMutation,
        ProjectMutation,
        ActivityMutation,
        ServiceMutation,
        RequestMutation,
        TrainingMutation,
    ),
)
Subscription = merge_types("Subscription", (LiveSubscription,))


def build_schema() -> strawberry.Schema:
    return ApiSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(
            disable_field_suggestions=True,
            scalar_map={EventId: EVENT_ID_SCALAR},
        ),
        extensions=[
            CheckWebSocketOperation,
            OperationLimits,
            FreshLoaders,
            NotifyAfterMutation,
            RevealAudit,
            MaskUnexpectedErrors,
        ],
    )


schema = build_schema()
