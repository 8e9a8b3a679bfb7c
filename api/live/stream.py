"""Resumable event streams and throttled change ticks over the feed.

A stream that resumes after an event id first reads the table up to its end.
Then it subscribes to the feed and reads the table once more, for what
committed in between. Only then does it wait for live events, skipping any it
already read. So every event is either in the last table read or arrives
live, and none is delivered twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from api.live.feed import EventFeed
from api.live.filters import EventFilter
from api.live.subscribers import FeedClosed, QueueOverflow
from db.models.outbox import Event
from domain.errors import DomainError


class SubscriberTooSlow(DomainError):
    """The client read events more slowly than they arrived and was dropped."""

    code = "SUBSCRIBER_TOO_SLOW"

    def __init__(self, limit: int, last_event_id: int | None) -> None:
        resume = "" if last_event_id is None else f" {last_event_id}"
        super().__init__(
            f"The subscription fell more than {limit} events behind and was "
            f"ended; subscribe again with afterEventId{resume} to resume."
        )
        # Copied by graphql-core into the error's extensions for the client.
        self.extensions = {"code": self.code, "lastEventId": last_event_id}


class LiveUnavailable(DomainError):
    code = "UNAVAILABLE"


def require_feed(feed: EventFeed | None) -> EventFeed:
    if feed is None or not feed.running:
        raise LiveUnavailable("Live updates are not running in this server process.")
    return feed


async def _read_table(
    event_filter: EventFilter, after_id: int, batch_size: int
) -> AsyncIterator[Event]:
    while True:
        rows = await event_filter.select_after(after_id).limit(batch_size)
        for row in rows:
            after_id = row.id
            yield row
        if len(rows) < batch_size:
            return


async def event_stream(
    feed: EventFeed, event_filter: EventFilter, after_event_id: int | None = None
) -> AsyncIterator[Event]:
    """Yield matching events after `after_event_id` (None: from now on) forever."""
    last_id = after_event_id
    if last_id is not None:
        # Most of a long backlog is read before subscribing, so that live
        # events cannot pile up in the queue while it is sent.
        async for event in _read_table(event_filter, last_id, feed.batch_size):
            last_id = event.id
            yield event

    subscriber = feed.subscribe_events(event_filter)
    try:
        if last_id is not None:
            async for event in _read_table(event_filter, last_id, feed.batch_size):
                last_id = event.id
                yield event
        while True:
            try:
                event = await subscriber.get()
            except QueueOverflow:
                raise SubscriberTooSlow(subscriber.limit, last_id) from None
            except FeedClosed:
                return
            if last_id is not None and event.id <= last_id:
                continue
            last_id = event.id
            yield event
    finally:
        feed.unsubscribe(subscriber)


async def change_ticks(
    feed: EventFeed, event_filter: EventFilter, interval: float
) -> AsyncIterator[int]:
    """Yield the newest matching event id after changes, at most once per interval."""
    loop = asyncio.get_running_loop()
    subscriber = feed.subscribe_changes(event_filter)
    next_allowed = loop.time()
    try:
        while True:
            try:
                await subscriber.wait()
            except FeedClosed:
                return
            delay = next_allowed - loop.time()
            if delay > 0:
                # Changes during the wait are folded into this one tick.
                await asyncio.sleep(delay)
            event_id = subscriber.take()
            next_allowed = loop.time() + interval
            yield event_id
    finally:
        feed.unsubscribe(subscriber)
