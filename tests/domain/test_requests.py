"""Residents' service requests from order to rating."""

from __future__ import annotations

import pytest

from db.models.enums import DeliveryCategory, RequestStatus
from db.models.outbox import Event
from db.models.request import ServiceRequest, ServiceRequestStep
from domain import requests
from domain.actor import ANONYMOUS
from domain.errors import Forbidden, InvalidInput, InvalidTransition
from domain.pii import current_cipher
from tests.worlds import (
    ADMIN,
    MORNING_END,
    MORNING_START,
    build_world,
    captain_of,
    make_project,
)

R = RequestStatus
PHONE = "13957412345"


async def _submit(world):
    return await requests.submit_request(
        ANONYMOUS,
        resident_name="陈阿姨",
        phone=PHONE,
        region_id=world.village.id,
        category=DeliveryCategory.WELLBEING,
        description="家中老人需要理发服务",
    )


async def test_submit_stores_phone_encrypted_and_masked() -> None:
    world = await build_world()

    request = await _submit(world)

    stored = await ServiceRequest.get(id=request.id)
    assert stored.status == R.SUBMITTED
    assert stored.resident_phone_masked == "139****2345"
    assert current_cipher().decrypt(stored.resident_phone_cipher) == PHONE
    event = await Event.get(topic="REQUEST")
    assert PHONE not in str(event.payload)
    assert event.region_code == world.village.code
    assert event.category == "WELLBEING"


async def test_full_journey_writes_steps() -> None:
    world = await build_world()
    project = await make_project(world)
    request = await _submit(world)
    team = captain_of(world.town_brigade)

    await requests.dispatch_request(
        ADMIN, request_id=request.id, brigade_id=world.town_brigade.id
    )
    accepted = await requests.accept_request(
        team,
        request_id=request.id,
        project_id=project.id,
        title="上门理发",
        starts_at=MORNING_START,
        ends_at=MORNING_END,
    )
    await requests.complete_request(team, request_id=request.id, report="已完成理发")
    rated = await requests.rate_request(
        ANONYMOUS,
        request_id=request.id,
        tracking_code=requests.make_tracking_code(request.id),
        rating=5,
        comment="很满意",
    )

    steps = await ServiceRequestStep.filter(request_id=request.id).order_by("id")
    assert [step.to_status for step in steps] == [
        R.SUBMITTED,
        R.DISPATCHED,
        R.ACCEPTED,
        R.DONE,
        R.RATED,
    ]
    assert accepted.activity_id is not None
    assert rated.rating == 5
    assert rated.rating_comment == "很满意"


async def test_reject_needs_reason() -> None:
    world = await build_world()
    request = await _submit(world)

    with pytest.raises(InvalidInput):
        await requests.reject_request(ADMIN, request_id=request.id, reason="")
    rejected = await requests.reject_request(
        ADMIN, request_id=request.id, reason="不属于服务范围"
    )

    assert rejected.status == R.REJECTED
    assert rejected.reject_reason == "不属于服务范围"


async def test_dispatch_to_exactly_one_team() -> None:
    world = await build_world()
    request = await _submit(world)

    with pytest.raises(InvalidInput):
        await requests.dispatch_request(
            ADMIN,
            request_id=request.id,
            brigade_id=world.squad.id,
            alliance_id=world.alliance.id,
        )


async def test_other_team_cannot_accept() -> None:
    world = await build_world()
    request = await _submit(world)
    await requests.dispatch_request(
        ADMIN, request_id=request.id, brigade_id=world.town_brigade.id
    )

    with pytest.raises(Forbidden):
        await requests.accept_request(captain_of(world.squad), request_id=request.id)


async def test_cancel_returns_to_queue() -> None:
    world = await build_world()
    request = await _submit(world)
    await requests.dispatch_request(
        ADMIN, request_id=request.id, alliance_id=world.alliance.id
    )

    returned = await requests.return_request(
        ADMIN, request_id=request.id, reason="改派给镇大队"
    )

    assert returned.status == R.SUBMITTED
    assert returned.alliance_id is None
    redispatched = await requests.dispatch_request(
        ADMIN, request_id=request.id, brigade_id=world.town_brigade.id
    )
    assert redispatched.status == R.DISPATCHED


async def test_rating_needs_tracking_code() -> None:
    world = await build_world()
    request = await _submit(world)
    other = await _submit(world)

    for wrong_code in ("", PHONE, requests.make_tracking_code(other.id)):
        with pytest.raises(Forbidden) as raised:
            await requests.rate_request(
                ANONYMOUS, request_id=request.id, tracking_code=wrong_code, rating=4
            )
        assert raised.value.field == "trackingCode"


async def test_rating_unknown_request_forbidden() -> None:
    with pytest.raises(Forbidden) as raised:
        await requests.rate_request(
            ANONYMOUS, request_id=999, tracking_code="guess", rating=4
        )

    assert raised.value.field == "trackingCode"


def test_tracking_code_is_long_and_per_request() -> None:
    first = requests.make_tracking_code(1)

    assert len(first) == 20
    assert first == requests.make_tracking_code(1)
    assert first != requests.make_tracking_code(2)


async def test_rating_before_done_rejected() -> None:
    world = await build_world()
    request = await _submit(world)

    with pytest.raises(InvalidTransition) as raised:
        await requests.rate_request(
            ANONYMOUS,
            request_id=request.id,
            tracking_code=requests.make_tracking_code(request.id),
            rating=4,
        )

    assert raised.value.message == "request is SUBMITTED, this step needs DONE"


async def test_rating_range() -> None:
    world = await build_world()
    request = await _submit(world)

    with pytest.raises(InvalidInput) as raised:
        await requests.rate_request(
            ANONYMOUS,
            request_id=request.id,
            tracking_code=requests.make_tracking_code(request.id),
            rating=6,
        )

    assert raised.value.field == "rating"
