"""Inputs of the service request mutations."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.project.types import DeliveryCategory
from api.schema.request.types import ServiceRequestStatus
from api.schema.scalars import RegionCode


@strawberry.input(description="A resident's order for a service.")
class SubmitServiceRequestInput:
    resident_name: str = strawberry.field(description="Name, at most 32 characters.")
    phone: str = strawberry.field(
        description="Mainland mobile number; stored encrypted and shown masked."
    )
    region_id: strawberry.ID = strawberry.field(description="Global ID of a Region.")
    category: DeliveryCategory = strawberry.field(description="Kind of service.")
    description: str = strawberry.field(
        description="What is needed, at most 2000 characters."
    )


@strawberry.input(description="A request and the reason for a step.")
class ServiceRequestReasonInput:
    request_id: strawberry.ID = strawberry.field(description="Global ID.")
    reason: str = strawberry.field(description="Why; required.")


@strawberry.input(description="Where the center sends a queued request.")
class DispatchServiceRequestInput:
    request_id: strawberry.ID = strawberry.field(description="Global ID.")
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a Brigade; give this or allianceId."
    )
    alliance_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of an Alliance; give this or brigadeId."
    )
    note: str = strawberry.field(default="", description="Note for the team.")


@strawberry.input(
    description="A team taking on a request, optionally scheduling an activity."
)
class AcceptServiceRequestInput:
    request_id: strawberry.ID = strawberry.field(description="Global ID.")
    project_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Global ID of an ADMITTED Project to schedule an activity under.",
    )
    title: str = strawberry.field(default="", description="Title of the activity.")
    starts_at: datetime | None = strawberry.field(
        default=None, description="Start of the activity, with a time zone."
    )
    ends_at: datetime | None = strawberry.field(
        default=None, description="End of the activity, after its start."
    )
    address: str = strawberry.field(
        default="", description="Address in the request's region."
    )


@strawberry.input(description="The team's report that the service is done.")
class CompleteServiceRequestInput:
    request_id: strawberry.ID = strawberry.field(description="Global ID.")
    report: str = strawberry.field(description="What was done; required.")


@strawberry.input(description="The resident's rating of a done request.")
class RateServiceRequestInput:
    request_id: strawberry.ID = strawberry.field(description="Global ID.")
    tracking_code: str = strawberry.field(
        description="The trackingCode that submitServiceRequest returned, which "
        "proves the request is the resident's own."
    )
    rating: int = strawberry.field(description="1 (poor) to 5 (excellent).")
    comment: str = strawberry.field(default="", description="Optional comment.")


@strawberry.input(
    description="Filter for service requests; all given conditions must hold."
)
class ServiceRequestFilter:
    status: list[ServiceRequestStatus] | None = strawberry.field(
        default=None, description="Statuses to list; default all of them."
    )
    category: DeliveryCategory | None = strawberry.field(
        default=None, description="Kind of service (五送)."
    )
    region: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region: requests located in it or under it.",
    )
    brigade: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the brigade it is dispatched to."
    )
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the alliance it is dispatched to."
    )
    submitted_from: datetime | None = strawberry.field(
        default=None,
        description="Submitted at or after this time; an ISO 8601 time with an "
        "offset, e.g. 2026-05-01T00:00:00+08:00.",
    )
    submitted_before: datetime | None = strawberry.field(
        default=None,
        description="Submitted before this time, excluded; an ISO 8601 time with "
        "an offset.",
    )


@strawberry.enum(description="Sort key of service requests.")
class ServiceRequestOrderField(Enum):
    SUBMITTED_AT = "submitted_at"
    ID = "id"


@strawberry.input(
    description="Order of a service request list; default newest first. Ties "
    "are broken by id."
)
class ServiceRequestOrder:
    field: ServiceRequestOrderField = ServiceRequestOrderField.SUBMITTED_AT
    direction: OrderDirection = OrderDirection.DESC
