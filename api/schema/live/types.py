"""Types delivered by live subscriptions, built from outbox event rows."""

from __future__ import annotations

from datetime import datetime
from typing import NewType

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from api.schema.geo.types import RegionType
from api.schema.project.types import DeliveryCategory
from db.models.outbox import Event

EventId = NewType("EventId", int)


def _parse_event_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"an EventId is a whole number, got {value!r}")
    return int(value)


# GraphQL Int stops at 2^31 - 1, which a province's outbox could pass.
EVENT_ID_SCALAR = strawberry.scalar(
    name="EventId",
    description="Position of an event in the outbox; ids increase in commit "
    "order. A JSON number below 2^53 (also accepted as a string of digits).",
    serialize=int,
    parse_value=_parse_event_id,
)


def _global_id(type_name: str, object_id: int | None) -> relay.GlobalID | None:
    if object_id is None:
        return None
    return relay.GlobalID(type_name=type_name, node_id=str(object_id))


@strawberry.interface(description="One event of the outbox as a subscriber sees it.")
class LiveUpdate:
    event_id: EventId = strawberry.field(
        description="Id of the event; pass the last one received as afterEventId "
        "to resume without a gap."
    )
    kind: str = strawberry.field(
        description="What happened: CREATED, OPENED, STARTED, FINISHED, CANCELLED, "
        "PLACES_CHANGED, DISPATCHED, ..."
    )
    occurred_at: datetime = strawberry.field(
        description="When the change was committed (UTC)."
    )
    region_code: str = strawberry.field(
        description="Code of the region of the changed object; empty when none."
    )
    category: DeliveryCategory | None = strawberry.field(
        description="Delivery category (五送) of the object; null when it has none."
    )
    payload: JSON = strawberry.field(
        description="Fields of the change that depend on its kind; never personal data."
    )

    @strawberry.field(description="The region of the changed object, or null.")
    async def region(self, info: Info) -> RegionType | None:
        if not self.region_code:
            return None
        row = await info.context.loaders.region_by_code.load(self.region_code)
        return RegionType.from_model(row) if row else None


@strawberry.type(description="A change to an activity (活动) or its positions.")
class ActivityUpdate(LiveUpdate):
    activity_id: relay.GlobalID = strawberry.field(
        description="Global ID of the activity."
    )
    alliance_id: relay.GlobalID | None = strawberry.field(
        description="Global ID of the alliance of the activity's project, or null."
    )
    project_id: relay.GlobalID | None = strawberry.field(
        description="Global ID of the activity's project, or null."
    )

    @classmethod
    def from_model(cls, row: Event) -> ActivityUpdate:
        return cls(
            event_id=EventId(row.id),
            kind=row.kind,
            occurred_at=row.created_at,
            region_code=row.region_code,
            category=DeliveryCategory(row.category) if row.category else None,
            payload=row.payload,
            activity_id=relay.GlobalID(
                type_name="Activity", node_id=str(row.object_id)
            ),
            alliance_id=_global_id("Alliance", row.alliance_id),
            project_id=_global_id("Project", row.project_id),
        )


@strawberry.type(description="A change to a resident's service request (群众点单).")
class ServiceRequestUpdate(LiveUpdate):
    service_request_id: relay.GlobalID = strawberry.field(
        description="Global ID of the service request."
    )
    alliance_id: relay.GlobalID | None = strawberry.field(
        description="Global ID of the alliance the request was dispatched to, or null."
    )

    @classmethod
    def from_model(cls, row: Event) -> ServiceRequestUpdate:
        return cls(
            event_id=EventId(row.id),
            kind=row.kind,
            occurred_at=row.created_at,
            region_code=row.region_code,
            category=DeliveryCategory(row.category) if row.category else None,
            payload=row.payload,
            service_request_id=relay.GlobalID(
                type_name="ServiceRequest", node_id=str(row.object_id)
            ),
            alliance_id=_global_id("Alliance", row.alliance_id),
        )


@strawberry.type(
    description="A sign that dashboard figures changed: refetch the dashboard query."
)
class DashboardChange:
    event_id: EventId = strawberry.field(
        description="Id of the newest event that changed the figures."
    )
    region_code: str | None = strawberry.field(
        description="The region subscribed to; null for the whole city."
    )
