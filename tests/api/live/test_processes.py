"""Events reach subscribers of other server processes through Redis pub/sub.

Two real `python -m api` processes share the test database (the SQLite file
or the PostgreSQL database of this run) and a Redis channel of their own.
They poll the event table only once a minute, so an event that reaches them
within seconds was carried by a Redis notification, or read from the table
when the listener reconnected. The first test writes the events and
announces them with the same feed and notifier a server process uses. The
second sends a mutation to one process and subscribes on the other.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from api.live import EventFeed
from api.live.notifier import RedisNotifier, listener_client_name
from api.resolvers.ids import encode_id
from tests.api.graphql import administrator_headers
from tests.api.live.conftest import write_event
from tests.servers import free_port
from tests.worlds import build_world

REDIS_URL = "redis://127.0.0.1:6379/0"
ROOT = Path(__file__).resolve().parents[3]
ACTIVITY_IDS = """
subscription Activities($after: EventId) {
  activityUpdates(afterEventId: $after) { eventId }
}
"""


REQUEST_UPDATES = """
subscription { serviceRequestUpdates { eventId kind serviceRequestId regionCode } }
"""
SUBMIT_REQUEST = """
mutation Submit($input: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $input) { __typename ... on ServiceRequest { id } }
}
"""


def _request(world) -> dict:
    return {
        "input": {
            "residentName": "陈阿姨",
            "phone": "13957412345",
            "regionId": encode_id("Region", world.village.id),
            "category": "WELLBEING",
            "description": "需要上门理发",
        }
    }


@pytest.fixture
def redis_channel() -> str:
    return f"practice-center-test:{uuid.uuid4().hex}"


async def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    async with httpx.AsyncClient(timeout=2) as http:
        for _ in range(300):
            if process.poll() is not None:
                raise AssertionError(f"server exited early, see {log}")
            try:
                if (await http.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"server at {url} did not start, see {log}")


@pytest.fixture
async def two_servers(
    database_url: str, clean_database: None, redis_channel: str, tmp_path: Path
) -> AsyncIterator[list[str]]:
    processes, urls, logs = [], [], []
    for name in ("a", "b"):
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "LIVE_REDIS_CHANNEL": redis_channel,
            "LIVE_POLL_SECONDS": "60",
            "HOST": "127.0.0.1",
            "PORT": str(port),
        }
        log = tmp_path / f"server-{name}.log"
        with log.open("w") as output:
            processes.append(
                subprocess.Popen(  # noqa: ASYNC220 - started once, not awaited
                    [sys.executable, "-m", "api"],
                    cwd=ROOT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            )
        urls.append(f"http://127.0.0.1:{port}")
        logs.append(log)
    try:
        for url, process, log in zip(urls, processes, logs, strict=True):
            await _wait_healthy(url, process, log)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            # Shown by pytest only when the test fails.
            print(f"--- {log.name}\n{log.read_text()}")  # noqa: T201


@pytest.fixture
async def writer_feed(
    database_url: str, redis_channel: str
) -> AsyncIterator[EventFeed]:
    """The feed of the writing process, announcing its commits over Redis."""
    feed = EventFeed(poll_seconds=60, notifier=RedisNotifier(REDIS_URL, redis_channel))
    await feed.start()
    yield feed
    await feed.stop()


async def _received(sockets, expected: int, seconds: float = 5.0) -> list[int]:
    ids = []
    for ws in sockets:
        data = await ws.next_data("1", seconds)
        ids.append(data["activityUpdates"]["eventId"])
    assert ids == [expected] * len(sockets)
    return ids


async def test_event_reaches_other_processes(
    two_servers, writer_feed, open_socket, redis_channel
) -> None:
    await write_event()  # 1, already in the table when they subscribe
    sockets = [await open_socket(url) for url in two_servers]
    for ws in sockets:
        await ws.init()
        await ws.subscribe("1", ACTIVITY_IDS, {"after": 0})
    await _received(sockets, 1)
    # Event 2 comes from the table or live; either way both subscribers are
    # on their process's feed once it arrived.
    await write_event()
    await _received(sockets, 2)

    await write_event()  # 3 can only arrive through a Redis notification
    await _received(sockets, 3)

    await write_event(notify=False)  # 4: committed, but never announced
    for ws in sockets:
        with pytest.raises(TimeoutError):  # no notification, no poll for a minute
            await ws.receive(seconds=0.5)
    redis = Redis.from_url(REDIS_URL)
    try:
        listeners = [
            client
            for client in await redis.client_list(_type="pubsub")
            if client["name"] == listener_client_name(redis_channel)
        ]
        for client in listeners:
            await redis.client_kill_filter(_id=client["id"])
    finally:
        await redis.aclose()
    # Reconnected listeners read the table for whatever they may have missed.
    await _received(sockets, 4)
    await write_event()  # 5: announced again over the new connections
    await _received(sockets, 5)

    # Servers a and b, and the writing process itself.
    assert len(listeners) == 3


async def test_mutation_reaches_other_process(
    two_servers, open_socket, settings
) -> None:
    world = await build_world()
    headers = await administrator_headers(settings)
    process_a, process_b = two_servers
    socket = await open_socket(process_b)
    await socket.init({"authorization": headers["Authorization"]})
    await socket.subscribe("1", REQUEST_UPDATES)

    async with httpx.AsyncClient(base_url=process_a, timeout=10) as http:
        response = await http.post(
            "/graphql",
            json={"query": SUBMIT_REQUEST, "variables": _request(world)},
        )
    created = response.json()["data"]["submitServiceRequest"]
    update = (await socket.next_data("1"))["serviceRequestUpdates"]

    assert created["__typename"] == "ServiceRequest"
    assert update["kind"] == "SUBMITTED"
    assert update["serviceRequestId"] == created["id"]
    assert update["regionCode"] == world.village.code
