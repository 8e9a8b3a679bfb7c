"""Mutations of the service request workflow (点单/派单/接单/评单)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.request import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.request.inputs import (
    AcceptServiceRequestInput,
    CompleteServiceRequestInput,
    DispatchServiceRequestInput,
    RateServiceRequestInput,
    ServiceRequestReasonInput,
    SubmitServiceRequestInput,
)
from api.schema.request.types import ServiceRequestType
from api.security.permissions import IsAccount, IsAdministrator

ServiceRequestPayload = Annotated[
    ServiceRequestType | MutationError,
    strawberry.union(
        "ServiceRequestPayload",
        description="The service request after the step, or why it failed.",
    ),
]


@strawberry.type
class RequestMutation:
    @strawberry.mutation(
        description="Order a service (点单); open to everyone without signing in. "
        "The result carries trackingCode, which only this call returns: the "
        "resident keeps it to rate the request later."
    )
    async def submit_service_request(
        self, info: Info, input: SubmitServiceRequestInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.submit_service_request(
                actor_of(info),
                resident_name=input.resident_name,
                phone=input.phone,
                region_id=input.region_id,
                category=input.category.value,
                description=input.description,
            ),
            ServiceRequestType.from_submitted,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Reject a queued request with a reason (administrators).",
    )
    async def reject_service_request(
        self, info: Info, input: ServiceRequestReasonInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.reject_service_request(
                actor_of(info), request_id=input.request_id, reason=input.reason
            ),
            ServiceRequestType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Dispatch a queued request to a brigade or an alliance (派单).",
    )
    async def dispatch_service_request(
        self, info: Info, input: DispatchServiceRequestInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.dispatch_service_request(
                actor_of(info),
                request_id=input.request_id,
                brigade_id=input.brigade_id,
                alliance_id=input.alliance_id,
                note=input.note,
            ),
            ServiceRequestType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Accept a dispatched request (接单).",
    )
    async def accept_service_request(
        self, info: Info, input: AcceptServiceRequestInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.accept_service_request(
                actor_of(info),
                request_id=input.request_id,
                project_id=input.project_id,
                title=input.title,
                starts_at=input.starts_at,
                ends_at=input.ends_at,
                address=input.address,
            ),
            ServiceRequestType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Mark an accepted request done, with a report.",
    )
    async def complete_service_request(
        self, info: Info, input: CompleteServiceRequestInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.complete_service_request(
                actor_of(info), request_id=input.request_id, report=input.report
            ),
            ServiceRequestType.from_model,
        )

    @strawberry.mutation(
        description="Rate a done request 1-5 (评单); open without signing in, "
        "and the resident proves the request is theirs by the trackingCode "
        "that submitServiceRequest returned."
    )
    async def rate_service_request(
        self, info: Info, input: RateServiceRequestInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.rate_service_request(
                actor_of(info),
                request_id=input.request_id,
                tracking_code=input.tracking_code,
                rating=input.rating,
                comment=input.comment,
            ),
            ServiceRequestType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Return a dispatched or accepted request to the queue: "
        "re-dispatch by the center, or cancellation by the team.",
    )
    async def return_service_request(
        self, info: Info, input: ServiceRequestReasonInput
    ) -> ServiceRequestPayload:
        return await run_rule(
            resolve.return_service_request(
                actor_of(info), request_id=input.request_id, reason=input.reason
            ),
            ServiceRequestType.from_model,
        )
