"""The graphql-transport-ws protocol rules, with a real WebSocket client."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
import uvicorn
from websockets.typing import Subprotocol

from api.app import create_app
from tests.api.live.conftest import wait_until

ACTIVITY_IDS = "subscription { activityUpdates { eventId } }"


@pytest.fixture
async def impatient_server_url(settings, clean_database) -> AsyncIterator[str]:
    """A second server that waits only 0.3 s for connection_init."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(
        replace(settings, ws_init_timeout_seconds=0.3), manage_database=False
    )
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", ws="websockets"
        )
    )
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes only a flag
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def test_missing_init_closes_4408(impatient_server_url, open_socket) -> None:
    ws = await open_socket(impatient_server_url)

    code, reason = await ws.wait_closed()

    assert code == 4408
    assert reason == "Connection initialisation timeout"


async def test_init_within_timeout_is_acknowledged(
    impatient_server_url, open_socket
) -> None:
    ws = await open_socket(impatient_server_url)
    await ws.init()

    await asyncio.sleep(0.5)  # past the timeout, which init cancelled
    await ws.send({"type": "ping"})

    assert await ws.receive() == {"type": "pong"}


async def test_second_init_closes_4429(open_socket) -> None:
    ws = await open_socket()
    await ws.init()

    await ws.send({"type": "connection_init"})
    code, reason = await ws.wait_closed()

    assert code == 4429
    assert reason == "Too many initialisation requests"


async def test_subscribe_before_ack_closes_4401(open_socket) -> None:
    ws = await open_socket()

    await ws.subscribe("1", ACTIVITY_IDS)
    code, reason = await ws.wait_closed()

    assert code == 4401
    assert reason == "Unauthorized"


async def test_duplicate_operation_id_closes_4409(feed, open_socket) -> None:
    ws = await open_socket()
    await ws.init()
    await ws.subscribe("same", ACTIVITY_IDS)
    await wait_until(lambda: feed.subscriber_count == 1)

    await ws.subscribe("same", ACTIVITY_IDS)
    code, reason = await ws.wait_closed()

    assert code == 4409
    assert reason == "Subscriber for same already exists"
    await wait_until(lambda: feed.subscriber_count == 0)


async def test_ping_gets_pong(open_socket) -> None:
    ws = await open_socket()
    await ws.init()

    await ws.send({"type": "ping", "payload": {"sent": 1}})
    pong = await ws.receive()
    await ws.send({"type": "pong"})  # the server sends no reply to a pong
    await ws.send({"type": "ping"})
    second = await ws.receive()

    assert pong == {"type": "pong"}
    assert second == {"type": "pong"}


async def test_subscription_cap_rejects_one_more(feed, open_socket, settings) -> None:
    cap = settings.ws_max_subscriptions
    ws = await open_socket()
    await ws.init()
    for number in range(cap):
        await ws.subscribe(str(number), ACTIVITY_IDS)
    await wait_until(lambda: feed.subscriber_count == cap)

    await ws.subscribe("one-more", ACTIVITY_IDS)
    rejected = await ws.receive()
    await ws.send({"id": "0", "type": "complete"})
    await wait_until(lambda: feed.subscriber_count == cap - 1)
    await ws.subscribe("after-complete", ACTIVITY_IDS)
    await wait_until(lambda: feed.subscriber_count == cap)

    assert cap == 20
    assert rejected["id"] == "one-more"
    assert rejected["type"] == "error"
    assert rejected["payload"][0]["message"] == "Subscription limit reached"


async def test_legacy_protocol_closes_4406(open_socket) -> None:
    ws = await open_socket(protocol=Subprotocol("graphql-ws"))

    code, reason = await ws.wait_closed()

    assert code == 4406
    assert reason == "Subprotocol not acceptable"
