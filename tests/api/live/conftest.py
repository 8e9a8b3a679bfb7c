"""Fixtures of live-update tests: the server's feed, events and a WebSocket client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from tortoise.transactions import in_transaction
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from api.live import EventFeed, current_feed, notify_committed
from db.models.outbox import Event
from domain.outbox import record_event

PROTOCOL = Subprotocol("graphql-transport-ws")


async def write_event(
    *,
    topic: str = "ACTIVITY",
    kind: str = "OPENED",
    object_id: int = 1,
    region_code: str = "330282001001",
    alliance_id: int | None = None,
    project_id: int | None = None,
    category: str = "",
    payload: dict[str, Any] | None = None,
    notify: bool = True,
) -> Event:
    """Commit one event as a rule would, then wake the feed if `notify` is true."""
    async with in_transaction() as connection:
        event = await record_event(
            connection,
            topic=topic,
            kind=kind,
            object_id=object_id,
            region_code=region_code,
            alliance_id=alliance_id,
            project_id=project_id,
            category=category,
            payload=payload,
        )
    if notify:
        notify_committed()
    return event


@pytest.fixture
async def feed(server_url: str, clean_database: None) -> EventFeed:
    """The server's feed, reading from the start of the emptied event table."""
    live = current_feed()
    assert live is not None and live.running
    live.rewind(0)
    return live


class GraphQLSocket:
    """A graphql-transport-ws client over one real WebSocket connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, seconds: float = 5.0) -> dict[str, Any]:
        raw = await asyncio.wait_for(self.connection.recv(), seconds)
        return json.loads(raw)

    async def init(self, payload: dict[str, Any] | None = None) -> None:
        message: dict[str, Any] = {"type": "connection_init"}
        if payload is not None:
            message["payload"] = payload
        await self.send(message)
        assert await self.receive() == {"type": "connection_ack"}

    async def subscribe(
        self, operation_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        await self.send(
            {
                "id": operation_id,
                "type": "subscribe",
                "payload": {"query": query, "variables": variables or {}},
            }
        )

    async def next_data(self, operation_id: str, seconds: float = 5.0) -> Any:
        message = await self.receive(seconds)
        assert message["id"] == operation_id, message
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message
        return message["payload"]["data"]

    async def wait_closed(self, seconds: float = 5.0) -> tuple[int | None, str]:
        """Read until the server closes; return its close code and reason."""
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), seconds)
        except ConnectionClosed:
            pass
        return self.connection.close_code, self.connection.close_reason or ""


@pytest.fixture
async def open_socket(server_url: str):
    """Open graphql-transport-ws connections to the test server, closed at the end."""
    opened: list[ClientConnection] = []

    async def open_one(
        url: str | None = None, protocol: Subprotocol = PROTOCOL
    ) -> GraphQLSocket:
        target = (url or server_url).replace("http://", "ws://") + "/graphql"
        connection = await connect(target, subprotocols=[protocol])
        opened.append(connection)
        return GraphQLSocket(connection)

    yield open_one
    for connection in opened:
        await connection.close()


async def wait_until(condition, seconds: float = 5.0) -> None:
    """Poll `condition()` until it is true; fail after `seconds`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition still false after {seconds} s")
        await asyncio.sleep(0.005)
