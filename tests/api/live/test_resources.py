"""Clients that come and go leave no task, subscriber or memory behind."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc

import pytest
from websockets.asyncio.client import connect

from tests.api.live.conftest import PROTOCOL, GraphQLSocket, wait_until

ACTIVITY_IDS = "subscription { activityUpdates { eventId } }"
CYCLES = 1000
WARM_UP = 20
# Growth measured on this suite: about 250 KB after 300 cycles and the same
# after 1,000, nearly all of it graphql-core visitor method names held by
# CPython's type attribute cache, which is bounded. Keeping 300 bytes or
# more per cycle would exceed the bound.
MEMORY_BOUND = 512 * 1024


async def subscribe_and_leave(url: str, feed, way: int) -> None:
    connection = await connect(url, subprotocols=[PROTOCOL])
    ws = GraphQLSocket(connection)
    await ws.init()
    await ws.subscribe("1", ACTIVITY_IDS)
    await wait_until(lambda: feed.subscriber_count == 1)
    if way == 0:
        await connection.close()
    elif way == 1:
        await ws.send({"id": "1", "type": "complete"})
        await connection.close()
    else:
        # The client vanishes: no close frame, the TCP connection just ends.
        connection.transport.abort()
    await wait_until(lambda: feed.subscriber_count == 0)


# uvicorn's websockets server warns once per connection, and pytest keeps
# every warning it records: memory of the test, not of the server.
@pytest.mark.filterwarnings("ignore:remove second argument of ws_handler")
async def test_subscribe_and_disconnect_leaks_nothing(feed, server_url) -> None:
    url = server_url.replace("http://", "ws://") + "/graphql"
    for number in range(WARM_UP):
        await subscribe_and_leave(url, feed, number % 3)
    await asyncio.sleep(0.2)
    tasks_before = len(asyncio.all_tasks())
    gc.collect()
    tracemalloc.start()
    memory_before, _ = tracemalloc.get_traced_memory()

    for number in range(CYCLES):
        await subscribe_and_leave(url, feed, number % 3)
    await wait_until(lambda: len(asyncio.all_tasks()) <= tasks_before)
    gc.collect()
    memory_after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert feed.subscriber_count == 0
    assert len(asyncio.all_tasks()) == tasks_before
    assert memory_after - memory_before < MEMORY_BOUND
