"""Who may follow service request updates, and which ones each of them receives."""

from __future__ import annotations

from datetime import timedelta

from db.models.enums import Role
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Platform, Unit
from domain import accounts
from domain.actor import SYSTEM
from tests.api.live.conftest import wait_until, write_event

REQUEST_UPDATES = """
subscription { serviceRequestUpdates { eventId serviceRequestId regionCode } }
"""


async def test_anonymous_cannot_follow_requests(feed, open_socket) -> None:
    socket = await open_socket()
    await socket.init()

    await socket.subscribe("1", REQUEST_UPDATES)
    message = await socket.receive()

    assert message["type"] == "error"
    assert message["payload"][0]["message"] == (
        "Only administrators, captains, conveners and partner keys may do this."
    )
    assert message["payload"][0]["extensions"] == {"code": "FORBIDDEN"}


async def test_partner_receives_only_its_scope(feed, open_socket) -> None:
    city = await Region.create(code="330282", name="慈溪市", level="CITY", kind="市")
    unit = await Unit.create(
        name="慈溪市卫生健康局", kind="PARTY_GOVERNMENT", region=city
    )
    await Region.create(
        code="330282001", name="浒山街道", level="TOWN", kind="街道", parent=city
    )
    issued = await accounts.create_api_key(
        unit.id, alliance_ids=[], region_codes=["330282001"], actor=SYSTEM
    )
    socket = await open_socket()
    await socket.init({"apiKey": issued.key})
    await socket.subscribe("1", REQUEST_UPDATES)
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(
        topic="REQUEST", kind="DISPATCHED", object_id=7, region_code="330282002001"
    )
    await write_event(
        topic="REQUEST", kind="DISPATCHED", object_id=8, region_code="330282001001"
    )
    update = (await socket.next_data("1"))["serviceRequestUpdates"]

    assert update["regionCode"] == "330282001001"
    assert update["eventId"] == 2


async def _town_and_brigade() -> tuple[Region, Brigade, Alliance]:
    city = await Region.create(code="330282", name="慈溪市", level="CITY", kind="市")
    town = await Region.create(
        code="330282001", name="浒山街道", level="TOWN", kind="街道", parent=city
    )
    corps = await Brigade.create(name="总队", level="CITY", region=city, path="/1/")
    brigade = await Brigade.create(
        name="浒山大队", level="TOWN", region=town, parent=corps, path="/1/2/"
    )
    unit = await Unit.create(name="市卫生健康局", kind="PARTY_GOVERNMENT", region=city)
    platform = await Platform.create(code="HEALTH", name="卫生健康", origin="LOCAL")
    alliance = await Alliance.create(
        name="卫生健康联盟", platform=platform, convener=unit
    )
    return town, brigade, alliance


async def _bearer(settings, **account) -> str:
    created = await accounts.create_account(
        account.pop("username"), "test-password-1", **account
    )
    issued = accounts.issue_token(
        created, secret_key=settings.secret_key, lifetime=timedelta(hours=1)
    )
    return f"Bearer {issued.token}"


async def test_captain_receives_own_region(feed, open_socket, settings) -> None:
    _, brigade, _ = await _town_and_brigade()
    token = await _bearer(
        settings, username="captain", role=Role.CAPTAIN, brigade_id=brigade.id
    )
    socket = await open_socket()
    await socket.init({"authorization": token})
    await socket.subscribe("1", REQUEST_UPDATES)
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(
        topic="REQUEST", kind="DISPATCHED", object_id=7, region_code="330282002001"
    )
    await write_event(
        topic="REQUEST", kind="DISPATCHED", object_id=8, region_code="330282001001"
    )
    update = (await socket.next_data("1"))["serviceRequestUpdates"]

    assert update["regionCode"] == "330282001001"
    assert update["eventId"] == 2


async def test_convener_receives_own_alliance(feed, open_socket, settings) -> None:
    _, _, alliance = await _town_and_brigade()
    token = await _bearer(
        settings, username="convener", role=Role.CONVENER, alliance_id=alliance.id
    )
    socket = await open_socket()
    await socket.init({"authorization": token})
    await socket.subscribe("1", REQUEST_UPDATES)
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(topic="REQUEST", kind="DISPATCHED", object_id=7)
    await write_event(
        topic="REQUEST", kind="DISPATCHED", object_id=8, alliance_id=alliance.id
    )
    update = (await socket.next_data("1"))["serviceRequestUpdates"]

    assert update["serviceRequestId"] == "U2VydmljZVJlcXVlc3Q6OA=="
    assert update["eventId"] == 2
