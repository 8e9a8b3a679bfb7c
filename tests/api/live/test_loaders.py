"""DataLoaders of subscriptions: one set per operation, renewed for each event."""

from __future__ import annotations

from db.models.enums import RegionLevel
from db.models.geo import Region
from tests.api.live.conftest import wait_until, write_event

ACTIVITY_REGIONS = """
subscription {
  activityUpdates { eventId region { code name } }
}
"""


def region_selects(statements: list[str]) -> list[str]:
    return [sql for sql in statements if 'FROM "region"' in sql]


async def test_subscriptions_read_regions_afresh(feed, open_socket, query_log) -> None:
    region = await Region.create(
        code="330282001", name="宗汉街道", level=RegionLevel.TOWN, kind="街道"
    )
    socket = await open_socket()
    await socket.init()
    await socket.subscribe("a", ACTIVITY_REGIONS)
    await socket.subscribe("b", ACTIVITY_REGIONS)
    await wait_until(lambda: feed.subscriber_count == 2)

    with query_log.recording():
        await write_event(region_code="330282001")
        first = [await socket.receive() for _ in range(2)]
        await Region.filter(pk=region.pk).update(name="宗汉新街道")
        await write_event(region_code="330282001")
        second = [await socket.receive() for _ in range(2)]

    def regions(messages):
        return {
            message["id"]: message["payload"]["data"]["activityUpdates"]["region"]
            for message in messages
        }

    assert regions(first) == {
        "a": {"code": "330282001", "name": "宗汉街道"},
        "b": {"code": "330282001", "name": "宗汉街道"},
    }
    # A loader kept across events would still return the old name.
    assert regions(second) == {
        "a": {"code": "330282001", "name": "宗汉新街道"},
        "b": {"code": "330282001", "name": "宗汉新街道"},
    }
    # One batched load per subscription and event: loaders shared by the two
    # subscriptions of the connection would load once per event.
    assert len(region_selects(query_log.statements)) == 4, query_log.statements
