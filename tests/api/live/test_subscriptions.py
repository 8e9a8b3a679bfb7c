"""Activity, service request and dashboard subscriptions over a real WebSocket."""

from __future__ import annotations

import asyncio
import base64

from tortoise.transactions import in_transaction

from db.models.enums import RegionLevel
from db.models.geo import Region
from domain.outbox import record_event
from tests.api.graphql import administrator_headers
from tests.api.live.conftest import wait_until, write_event

ACTIVITY_UPDATES = """
subscription Activities($filter: ActivityUpdateFilter, $after: EventId) {
  activityUpdates(filter: $filter, afterEventId: $after) {
    eventId kind occurredAt activityId allianceId projectId regionCode category
    payload region { code name }
  }
}
"""

ACTIVITY_IDS = """
subscription Activities($filter: ActivityUpdateFilter, $after: EventId) {
  activityUpdates(filter: $filter, afterEventId: $after) { eventId }
}
"""

REQUEST_UPDATES = """
subscription Requests($filter: ServiceRequestUpdateFilter) {
  serviceRequestUpdates(filter: $filter) {
    eventId kind serviceRequestId allianceId regionCode category
  }
}
"""

DASHBOARD_CHANGES = """
subscription Dashboard($region: String) {
  dashboardChanges(regionCode: $region) { eventId regionCode }
}
"""


def global_id(type_name: str, object_id: int) -> str:
    return base64.b64encode(f"{type_name}:{object_id}".encode()).decode()


async def test_activity_update_carries_event_fields(feed, open_socket) -> None:
    await Region.create(
        code="330282001001", name="宗汉村", level=RegionLevel.VILLAGE, kind="村"
    )
    socket = await open_socket()
    await socket.init()
    await socket.subscribe("1", ACTIVITY_UPDATES)
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(
        kind="PLACES_CHANGED",
        object_id=12,
        alliance_id=3,
        project_id=7,
        category="CULTURE",
        payload={"title": "文明宣讲", "placesLeft": 4},
    )
    update = (await socket.next_data("1"))["activityUpdates"]

    assert update["eventId"] == 1
    assert update["kind"] == "PLACES_CHANGED"
    assert update["activityId"] == global_id("Activity", 12)
    assert update["allianceId"] == global_id("Alliance", 3)
    assert update["projectId"] == global_id("Project", 7)
    assert update["regionCode"] == "330282001001"
    assert update["category"] == "CULTURE"
    assert update["payload"] == {"title": "文明宣讲", "placesLeft": 4}
    assert update["region"] == {"code": "330282001001", "name": "宗汉村"}
    assert update["occurredAt"].startswith("20")


async def test_activity_filters_select_events(feed, open_socket) -> None:
    filters = {
        "alliance-global": {"alliance": global_id("Alliance", 3)},
        "alliance-plain": {"alliance": "3"},
        "within-town": {"within": "330282001"},
        "category": {"category": "CULTURE"},
        "project": {"project": global_id("Project", 7)},
        "town-and-category": {"within": "330282001", "category": "CULTURE"},
        "everything": {},
    }
    socket = await open_socket()
    await socket.init()
    for name, event_filter in filters.items():
        await socket.subscribe(name, ACTIVITY_IDS, {"filter": event_filter})
    await wait_until(lambda: feed.subscriber_count == len(filters))

    matching_all = {
        "region_code": "330282001001",
        "alliance_id": 3,
        "project_id": 7,
        "category": "CULTURE",
    }
    await write_event(**matching_all)  # 1
    await write_event(  # 2: another town and project
        region_code="330282002001", alliance_id=3, project_id=8, category="CULTURE"
    )
    await write_event(  # 3: another alliance and category
        region_code="330282001002", alliance_id=4, project_id=7, category="THEORY"
    )
    await write_event(topic="REQUEST", **matching_all)  # 4: not an activity
    await write_event(region_code="")  # 5: no region, alliance or project
    await write_event(**matching_all)  # 6: the last one, seen by all
    received: dict[str, list[int]] = {name: [] for name in filters}
    while any(not ids or ids[-1] != 6 for ids in received.values()):
        message = await socket.receive()
        assert message["type"] == "next", message
        event_id = message["payload"]["data"]["activityUpdates"]["eventId"]
        received[message["id"]].append(event_id)

    assert received["alliance-global"] == [1, 2, 6]
    assert received["alliance-plain"] == [1, 2, 6]
    assert received["within-town"] == [1, 3, 6]
    assert received["category"] == [1, 2, 6]
    assert received["project"] == [1, 3, 6]
    assert received["town-and-category"] == [1, 6]
    assert received["everything"] == [1, 2, 3, 5, 6]


async def test_service_request_updates_by_alliance(feed, open_socket, settings) -> None:
    headers = await administrator_headers(settings)
    socket = await open_socket()
    await socket.init({"authorization": headers["Authorization"]})
    await socket.subscribe("1", REQUEST_UPDATES, {"filter": {"alliance": "5"}})
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(topic="ACTIVITY", alliance_id=5)
    await write_event(topic="REQUEST", kind="DISPATCHED", object_id=9, alliance_id=6)
    await write_event(
        topic="REQUEST",
        kind="DISPATCHED",
        object_id=10,
        alliance_id=5,
        category="WELLBEING",
    )
    update = (await socket.next_data("1"))["serviceRequestUpdates"]

    assert update == {
        "eventId": 3,
        "kind": "DISPATCHED",
        "serviceRequestId": global_id("ServiceRequest", 10),
        "allianceId": global_id("Alliance", 5),
        "regionCode": "330282001001",
        "category": "WELLBEING",
    }


async def test_invalid_filter_ends_with_error(feed, open_socket) -> None:
    socket = await open_socket()
    await socket.init()

    await socket.subscribe(
        "1", ACTIVITY_IDS, {"filter": {"alliance": global_id("Project", 1)}}
    )
    first = await socket.receive()
    last = await socket.receive()

    assert first["type"] == "next"
    assert first["payload"]["data"] is None
    assert first["payload"]["errors"][0]["message"] == (
        f"'{global_id('Project', 1)}' is not an id or a global ID of type Alliance."
    )
    assert last == {"id": "1", "type": "complete"}
    assert feed.subscriber_count == 0


async def test_resume_replays_later_events_then_live(feed, open_socket) -> None:
    for region_code in ["330282001001", "330282002001", "330282001002"]:
        await write_event(region_code=region_code)
    socket = await open_socket()
    await socket.init()

    await socket.subscribe(
        "1", ACTIVITY_IDS, {"filter": {"within": "330282001"}, "after": 1}
    )
    replayed = (await socket.next_data("1"))["activityUpdates"]["eventId"]
    await wait_until(lambda: feed.subscriber_count == 1)
    await write_event(region_code="330282001003")
    live = (await socket.next_data("1"))["activityUpdates"]["eventId"]

    assert replayed == 3
    assert live == 4


async def test_resume_during_writes_has_no_gap_or_duplicate(
    feed, open_socket, monkeypatch
) -> None:
    # Small batches make the backlog take several reads while writes go on.
    monkeypatch.setattr(feed, "batch_size", 20)
    for _ in range(150):
        await write_event(notify=False)
    socket = await open_socket()
    await socket.init()

    async def write_more() -> None:
        for _ in range(100):
            await write_event()
            await asyncio.sleep(0)

    writer = asyncio.create_task(write_more())
    await socket.subscribe("1", ACTIVITY_IDS, {"after": 0})
    received = []
    while len(received) < 250:
        data = await socket.next_data("1")
        received.append(data["activityUpdates"]["eventId"])
    await writer
    await write_event()  # 251 marks the end: anything before it is a duplicate
    after_all = (await socket.next_data("1"))["activityUpdates"]["eventId"]

    assert received == list(range(1, 251))
    assert after_all == 251


async def test_overflow_ends_with_last_event_id(feed, open_socket, monkeypatch) -> None:
    monkeypatch.setattr(feed, "queue_size", 3)
    socket = await open_socket()
    await socket.init()
    await socket.subscribe("1", ACTIVITY_IDS)
    await wait_until(lambda: feed.subscriber_count == 1)

    # One commit of ten events reaches the queue in one read, faster than any
    # client, so the queue of three overflows.
    async with in_transaction() as connection:
        for object_id in range(10):
            await record_event(
                connection, topic="ACTIVITY", kind="OPENED", object_id=object_id
            )
    feed.notify_local()
    delivered = [
        (await socket.next_data("1"))["activityUpdates"]["eventId"] for _ in range(3)
    ]
    error = await socket.receive()
    complete = await socket.receive()

    assert delivered == [1, 2, 3]
    assert error["payload"]["errors"][0]["extensions"] == {
        "code": "SUBSCRIBER_TOO_SLOW",
        "lastEventId": 3,
    }
    assert "afterEventId 3" in error["payload"]["errors"][0]["message"]
    assert complete == {"id": "1", "type": "complete"}
    assert feed.subscriber_count == 0

    await socket.subscribe("2", ACTIVITY_IDS, {"after": 3})
    resumed = [
        (await socket.next_data("2"))["activityUpdates"]["eventId"] for _ in range(7)
    ]
    assert resumed == list(range(4, 11))


async def test_dashboard_ticks_at_most_once_a_second(feed, open_socket) -> None:
    loop = asyncio.get_running_loop()
    socket = await open_socket()
    await socket.init()
    await socket.subscribe("1", DASHBOARD_CHANGES, {"region": "330282001"})
    await wait_until(lambda: feed.subscriber_count == 1)

    await write_event(region_code="330282001001")  # 1
    first = (await socket.next_data("1"))["dashboardChanges"]
    first_at = loop.time()
    for _ in range(3):  # 2, 3, 4
        await write_event(region_code="330282001002", topic="VOLUNTEER")
    second = (await socket.next_data("1"))["dashboardChanges"]
    second_at = loop.time()
    await asyncio.sleep(1.1)  # past the next allowed tick
    await write_event(region_code="330282002001")  # 5: another town
    try:
        unexpected = await socket.receive(seconds=1.2)
    except TimeoutError:
        unexpected = None
    await write_event(region_code="")  # 6: no region, counts for every screen
    third = (await socket.next_data("1"))["dashboardChanges"]

    assert first == {"eventId": 1, "regionCode": "330282001"}
    assert second == {"eventId": 4, "regionCode": "330282001"}
    assert second_at - first_at >= 0.9
    assert unexpected is None
    assert third == {"eventId": 6, "regionCode": "330282001"}
