"""Mutations of service requests: decode global IDs and call the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.enums import DeliveryCategory
from db.models.request import ServiceRequest
from domain import requests
from domain.actor import Actor


@dataclass(frozen=True)
class SubmittedRequest:
    """A new request and the resident's tracking code, which is shown once."""

    request: ServiceRequest
    tracking_code: str


async def submit_service_request(
    actor: Actor,
    *,
    resident_name: str,
    phone: str,
    region_id: str,
    category: str,
    description: str,
) -> SubmittedRequest:
    request = await requests.submit_request(
        actor,
        resident_name=resident_name,
        phone=phone,
        region_id=decode_id(region_id, "Region", field="regionId"),
        category=DeliveryCategory(category),
        description=description,
    )
    return SubmittedRequest(request, requests.make_tracking_code(request.id))


async def reject_service_request(
    actor: Actor, *, request_id: str, reason: str
) -> ServiceRequest:
    return await requests.reject_request(
        actor, request_id=_request_id(request_id), reason=reason
    )


async def dispatch_service_request(
    actor: Actor,
    *,
    request_id: str,
    brigade_id: str | None,
    alliance_id: str | None,
    note: str,
) -> ServiceRequest:
    return await requests.dispatch_request(
        actor,
        request_id=_request_id(request_id),
        brigade_id=decode_optional_id(brigade_id, "Brigade", field="brigadeId"),
        alliance_id=decode_optional_id(alliance_id, "Alliance", field="allianceId"),
        note=note,
    )


async def accept_service_request(
    actor: Actor,
    *,
    request_id: str,
    project_id: str | None,
    title: str,
    starts_at: datetime | None,
    ends_at: datetime | None,
    address: str,
) -> ServiceRequest:
    return await requests.accept_request(
        actor,
        request_id=_request_id(request_id),
        project_id=decode_optional_id(project_id, "Project", field="projectId"),
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        address=address,
    )


async def complete_service_request(
    actor: Actor, *, request_id: str, report: str
) -> ServiceRequest:
    return await requests.complete_request(
        actor, request_id=_request_id(request_id), report=report
    )


async def rate_service_request(
    actor: Actor, *, request_id: str, tracking_code: str, rating: int, comment: str
) -> ServiceRequest:
    return await requests.rate_request(
        actor,
        request_id=_request_id(request_id),
        tracking_code=tracking_code,
        rating=rating,
        comment=comment,
    )


async def return_service_request(
    actor: Actor, *, request_id: str, reason: str
) -> ServiceRequest:
    return await requests.return_request(
        actor, request_id=_request_id(request_id), reason=reason
    )


def _request_id(value: str) -> int:
    return decode_id(value, "ServiceRequest", field="requestId")
