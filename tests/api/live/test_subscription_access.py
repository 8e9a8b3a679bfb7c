"""Who may follow service request updates, and what a partner key receives."""

from __future__ import annotations

from db.models.geo import Region
from db.models.org import Unit
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
