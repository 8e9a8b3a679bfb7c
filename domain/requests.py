"""Residents' service requests: order, dispatch, accept, rate (点单/派单/接单/评单).

SUBMITTED -> DISPATCHED (to a brigade or an alliance) -> ACCEPTED -> DONE
-> RATED, or SUBMITTED -> REJECTED with a reason. Re-dispatch by the center
and cancellation by the team return a DISPATCHED or ACCEPTED request to the
queue (SUBMITTED). Every change writes a ServiceRequestStep.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from db.models.enums import DeliveryCategory, RequestStatus
from db.models.geo import Region
from db.models.org import Alliance, Brigade
from db.models.request import ServiceRequest, ServiceRequestStep
from domain.activities import schedule_activity
from domain.actor import Actor
from domain.errors import Forbidden, InvalidInput, InvalidTransition
from domain.identity import mask_phone, normalize_phone
from domain.lookup import load, required_text
from domain.outbox import record_audit, record_event
from domain.permissions import require_administrator, require_team
from domain.pii import current_cipher

R = RequestStatus

# 20 URL-safe base64 characters carry 120 bits of the HMAC, far beyond guessing.
TRACKING_CODE_LENGTH = 20


def make_tracking_code(request_id: int) -> str:
    """Return the resident's secret code for a request.

    The code is an HMAC-SHA256 of the request id under a key derived from
    SECRET_KEY, so it needs no column and changes if SECRET_KEY changes.
    Only submitRequest hands it out, and later steps by the resident
    (rating) require it.
    """
    from settings import load_settings

    key = hmac.new(
        load_settings().secret_key.encode(),
        b"service-request-tracking",
        hashlib.sha256,
    ).digest()
    digest = hmac.new(key, str(request_id).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:TRACKING_CODE_LENGTH]


async def _load_request(request_id: int) -> ServiceRequest:
    return await load(
        ServiceRequest,
        request_id,
        field="requestId",
        for_update=True,
        related=("region",),
    )


def _require_status(request: ServiceRequest, *allowed: RequestStatus) -> None:
    if request.status not in allowed:
        names = " or ".join(status.value for status in allowed)
        raise InvalidTransition(
            f"request is {request.status}, this step needs {names}",
            field="requestId",
        )


async def _require_assigned_team(actor: Actor, request: ServiceRequest) -> None:
    paths = []
    if request.brigade_id is not None:
        brigade = await Brigade.get(id=request.brigade_id)
        paths.append(brigade.path)
    require_team(actor, brigade_paths=paths, alliance_id=request.alliance_id)


async def _step(
    connection: BaseDBAsyncClient,
    actor: Actor,
    request: ServiceRequest,
    to_status: RequestStatus,
    note: str = "",
    *,
    action: str,
) -> None:
    """Save the new status, then write the step, the event and the audit entry."""
    from_status = RequestStatus(request.status)
    request.status = to_status
    await request.save()
    await ServiceRequestStep.create(
        request=request,
        from_status=from_status,
        to_status=to_status,
        actor=actor.label,
        note=note,
    )
    await record_event(
        connection,
        topic="REQUEST",
        kind=to_status.value,
        object_id=request.id,
        region_code=request.region.code,
        alliance_id=request.alliance_id,
        category=request.category,
        payload={"from": from_status.value, "to": to_status.value},
    )
    await record_audit(
        connection,
        actor,
        action=action,
        target=f"ServiceRequest:{request.id}",
        detail={"from": from_status.value, "to": to_status.value},
    )


async def submit_request(
    actor: Actor,
    *,
    resident_name: str,
    phone: str,
    region_id: int,
    category: DeliveryCategory,
    description: str,
) -> ServiceRequest:
    """Order a service; anyone may, without signing in."""
    resident_name = required_text(resident_name, field="residentName", max_length=32)
    phone = normalize_phone(phone)
    description = required_text(description, field="description", max_length=2000)
    async with in_transaction() as connection:
        region = await load(Region, region_id, field="regionId")
        request = await ServiceRequest.create(
            resident_name=resident_name,
            resident_phone_cipher=current_cipher().encrypt(phone),
            resident_phone_masked=mask_phone(phone),
            region=region,
            category=category,
            description=description,
        )
        await ServiceRequestStep.create(
            request=request,
            from_status=R.SUBMITTED,
            to_status=R.SUBMITTED,
            actor=actor.label,
            note="submitted",
        )
        await record_event(
            connection,
            topic="REQUEST",
            kind="SUBMITTED",
            object_id=request.id,
            region_code=region.code,
            category=request.category,
            payload={"status": "SUBMITTED"},
        )
        await record_audit(
            connection,
            actor,
            action="submitRequest",
            target=f"ServiceRequest:{request.id}",
        )
    return request


async def reject_request(
    actor: Actor, *, request_id: int, reason: str
) -> ServiceRequest:
    """Decline a queued request with a reason (the center)."""
    require_administrator(actor)
    reason = required_text(reason, field="reason")
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        _require_status(request, R.SUBMITTED)
        request.reject_reason = reason
        await _step(
            connection, actor, request, R.REJECTED, reason, action="rejectRequest"
        )
    return request


async def dispatch_request(
    actor: Actor,
    *,
    request_id: int,
    brigade_id: int | None = None,
    alliance_id: int | None = None,
    note: str = "",
) -> ServiceRequest:
    """Send a queued request to exactly one brigade or alliance (the center)."""
    require_administrator(actor)
    if (brigade_id is None) == (alliance_id is None):
        raise InvalidInput(
            "dispatch to exactly one brigade or one alliance", field="brigadeId"
        )
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        _require_status(request, R.SUBMITTED)
        request.brigade = (
            await load(Brigade, brigade_id, field="brigadeId")
            if brigade_id is not None
            else None
        )
        request.alliance = (
            await load(Alliance, alliance_id, field="allianceId")
            if alliance_id is not None
            else None
        )
        await _step(
            connection, actor, request, R.DISPATCHED, note, action="dispatchRequest"
        )
    return request


async def accept_request(
    actor: Actor,
    *,
    request_id: int,
    project_id: int | None = None,
    title: str = "",
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    address: str = "",
) -> ServiceRequest:
    """Take on a dispatched request, optionally scheduling an activity for it.

    The activity belongs to `project_id` (which must be ADMITTED) and takes
    place at `address` in the request's region.
    """
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        await _require_assigned_team(actor, request)
        _require_status(request, R.DISPATCHED)
        if project_id is not None:
            if starts_at is None or ends_at is None:
                raise InvalidInput(
                    "an activity needs a start and an end", field="startsAt"
                )
            request.activity = await schedule_activity(
                actor,
                project_id=project_id,
                title=title or request.description[:64],
                starts_at=starts_at,
                ends_at=ends_at,
                address=address or request.region.name,
                region_id=request.region_id,
                connection=connection,
            )
        await _step(connection, actor, request, R.ACCEPTED, action="acceptRequest")
    return request


async def complete_request(
    actor: Actor, *, request_id: int, report: str
) -> ServiceRequest:
    """Mark an accepted request done, with a report of what was done."""
    report = required_text(report, field="report")
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        await _require_assigned_team(actor, request)
        _require_status(request, R.ACCEPTED)
        request.report = report
        await _step(connection, actor, request, R.DONE, action="completeRequest")
    return request


async def rate_request(
    actor: Actor,
    *,
    request_id: int,
    tracking_code: str,
    rating: int,
    comment: str = "",
) -> ServiceRequest:
    """Rate a done request 1-5; the resident proves it by the tracking code.

    The phone is not proof: its masked form leaves only four digits to guess.
    """
    if not 1 <= rating <= 5:
        raise InvalidInput(f"rating must be 1 to 5, got {rating}", field="rating")
    # The code is checked before the request is looked up, so a caller
    # without it learns nothing, not even whether the request exists.
    expected = make_tracking_code(request_id)
    if not hmac.compare_digest(expected.encode(), tracking_code.encode()):
        raise Forbidden(
            "only the resident who ordered the service may rate it: "
            "give the tracking code returned by submitServiceRequest",
            field="trackingCode",
        )
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        _require_status(request, R.DONE)
        request.rating = rating
        request.rating_comment = comment.strip()
        await _step(connection, actor, request, R.RATED, action="rateRequest")
    return request


async def return_request(
    actor: Actor, *, request_id: int, reason: str
) -> ServiceRequest:
    """Put a dispatched or accepted request back in the queue.

    The center re-dispatches this way, and the assigned team cancels its
    acceptance this way; a reason is required from either.
    """
    reason = required_text(reason, field="reason")
    async with in_transaction() as connection:
        request = await _load_request(request_id)
        if not actor.is_administrator:
            await _require_assigned_team(actor, request)
        _require_status(request, R.DISPATCHED, R.ACCEPTED)
        request.brigade = None
        request.alliance = None
        request.activity = None
        await _step(
            connection, actor, request, R.SUBMITTED, reason, action="returnRequest"
        )
    return request
