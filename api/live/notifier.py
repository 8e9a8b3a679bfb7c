"""Carry "new events up to id N" between server processes over Redis pub/sub.

A notification only wakes the feed's reader early: a lost one delays an event
until the next poll of the event table, and never loses it. The listener
reconnects with exponential backoff and, on every (re)subscription, asks the
feed to read the table for whatever was committed while it was away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from typing import NoReturn

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RECONNECT_FIRST_DELAY = 0.2
RECONNECT_MAX_DELAY = 10.0
# How long one read of the channel waits before the loop checks its health.
READ_TIMEOUT = 1.0
# Redis PINGs an idle pub/sub connection this often, so a half-open TCP
# connection is noticed instead of waited on forever.
HEALTH_CHECK_SECONDS = 15

# Called with the announced event id, or None after a (re)subscription.
AnnounceHandler = Callable[[int | None], None]


def listener_client_name(channel: str) -> str:
    """Return the CLIENT SETNAME of a listener connection, unique per channel."""
    return "live-listener:" + channel.replace(" ", "_")


class RedisNotifier:
    """Publish the newest committed event id and listen for other processes'."""

    def __init__(self, url: str, channel: str) -> None:
        self.url = url
        self.channel = channel
        self.reconnects = 0
        self._on_announce: AnnounceHandler | None = None
        self._announced = 0
        self._to_publish = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._publisher: Redis | None = None

    def _client(self, **kwargs: object) -> Redis:
        # redis-py's own retries would reconnect silently; the loops here own
        # reconnection so that they can log it and back off.
        return Redis.from_url(
            self.url,
            retry=Retry(NoBackoff(), 0),
            socket_connect_timeout=5,
            socket_timeout=5,
            **kwargs,
        )

    async def start(self, on_announce: AnnounceHandler) -> None:
        self._on_announce = on_announce
        self._publisher = self._client()
        self._tasks = [
            asyncio.create_task(self._listen(), name="live-redis-listener"),
            asyncio.create_task(self._publish(), name="live-redis-publisher"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self._publisher is not None:
            await self._publisher.aclose()
            self._publisher = None

    def announce(self, up_to_id: int) -> None:
        """Publish `up_to_id` soon, without waiting; later calls coalesce."""
        if up_to_id > self._announced:
            self._announced = up_to_id
            self._to_publish.set()

    async def _publish(self) -> None:
        failing = False
        while True:
            await self._to_publish.wait()
            self._to_publish.clear()
            assert self._publisher is not None
            try:
                await self._publisher.publish(self.channel, str(self._announced))
            except (RedisError, OSError) as exc:
                # Log the first failure of a streak only: other processes
                # still find the event when they next poll the table.
                if not failing:
                    logger.warning(
                        "publishing to Redis channel %s failed: %s",
                        self.channel,
                        exc,
                    )
                failing = True
                continue
            if failing:
                logger.info("publishing to Redis channel %s recovered", self.channel)
            failing = False

    async def _listen(self) -> None:
        delay = RECONNECT_FIRST_DELAY
        client = self._client(
            client_name=listener_client_name(self.channel),
            health_check_interval=HEALTH_CHECK_SECONDS,
        )
        try:
            while True:
                pubsub = client.pubsub()
                try:
                    await pubsub.subscribe(self.channel)
                    delay = RECONNECT_FIRST_DELAY
                    await self._read(pubsub)
                except (RedisError, OSError) as exc:
                    error: Exception = exc
                finally:
                    await pubsub.aclose()
                # Jitter spreads the reconnects of many processes after a
                # Redis restart.
                wait = delay * random.uniform(0.5, 1.0)
                logger.warning(
                    "lost Redis channel %s (%s); reconnecting in %.2f s",
                    self.channel,
                    error,
                    wait,
                )
                await asyncio.sleep(wait)
                delay = min(delay * 2, RECONNECT_MAX_DELAY)
                self.reconnects += 1
        finally:
            await client.aclose()

    async def _read(self, pubsub: PubSub) -> NoReturn:
        """Pass announcements to the feed until the connection fails."""
        assert self._on_announce is not None
        while True:
            message = await pubsub.get_message(timeout=READ_TIMEOUT)
            if message is None:
                continue
            if message["type"] == "subscribe":
                logger.info("listening on Redis channel %s", self.channel)
                # Whatever was announced while unsubscribed is in the table.
                self._on_announce(None)
            elif message["type"] == "message":
                try:
                    up_to_id = int(message["data"])
                except ValueError:
                    logger.warning(
                        "ignored a malformed message on Redis channel %s",
                        self.channel,
                    )
                    continue
                self._on_announce(up_to_id)
