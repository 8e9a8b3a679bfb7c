"""The two kinds of subscriber the feed fans events out to.

`EventQueue` keeps every matching event for a consumer that must see each
one, up to a bound. `ChangeSignal` keeps only the newest matching event id,
for a consumer that refetches on change, so it never overflows.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

from api.live.filters import EventFilter
from db.models.outbox import Event


class FeedClosed(Exception):
    """Raised to a subscriber when the feed stops, as the server shuts down."""


class QueueOverflow(Exception):
    """Raised to a subscriber once it has read every event queued before overflow."""


class Subscriber(Protocol):
    event_filter: EventFilter

    def offer(self, event: Event) -> bool: ...

    def close(self) -> None: ...


_OVERFLOW = object()
_CLOSED = object()


class EventQueue:
    """Matching events in id order, at most `limit` of them unread."""

    def __init__(self, event_filter: EventFilter, limit: int) -> None:
        self.event_filter = event_filter
        self.limit = limit
        # Unbounded underneath because `offer` enforces the limit itself and
        # must always find room for the final overflow or close marker.
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self.overflowed = False

    def offer(self, event: Event) -> bool:
        """Queue the event if it matches; return False once the queue overflowed."""
        if not self.event_filter.matches(event):
            return True
        if self._queue.qsize() >= self.limit:
            self.overflowed = True
            self._queue.put_nowait(_OVERFLOW)
            return False
        self._queue.put_nowait(event)
        return True

    def close(self) -> None:
        self._queue.put_nowait(_CLOSED)

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    async def get(self) -> Event:
        """Wait for the next event; raise QueueOverflow or FeedClosed at the end."""
        item = await self._queue.get()
        if item is _OVERFLOW:
            raise QueueOverflow
        if item is _CLOSED:
            raise FeedClosed
        assert isinstance(item, Event)
        return item


class ChangeSignal:
    """The newest matching event id, and whether it changed since last taken."""

    def __init__(self, event_filter: EventFilter) -> None:
        self.event_filter = event_filter
        self.latest_id = 0
        self._changed = asyncio.Event()
        self._closed = False

    def offer(self, event: Event) -> bool:
        if self.event_filter.matches(event):
            self.latest_id = event.id
            self._changed.set()
        return True

    def close(self) -> None:
        self._closed = True
        self._changed.set()

    async def wait(self) -> None:
        """Wait until a matching event arrived since the last `take`."""
        await self._changed.wait()
        if self._closed:
            raise FeedClosed

    def take(self) -> int:
        """Return the newest matching event id and reset the change flag."""
        self._changed.clear()
        return self.latest_id
