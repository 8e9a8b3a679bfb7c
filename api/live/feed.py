"""The one event feed of a server process.

A single background reader reads `Event` rows with id above the last one it
saw, in id order and in bounded batches, and offers each row to every
subscriber. It reads when woken (a local commit, or a notification from
another process) and also every `poll_seconds` as a safety net, so a lost
notification only delays an event. Ids increase in commit order (see
`domain.outbox`), so reading above the last id never skips a committed row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextvars import ContextVar

from api.live.filters import EventFilter
from api.live.notifier import RedisNotifier
from api.live.subscribers import ChangeSignal, EventQueue, Subscriber
from db.models.outbox import Event
from db.queries.outbox import events_after, latest_event_id
from settings import Settings

logger = logging.getLogger(__name__)

_current: EventFeed | None = None

# True only inside a feed's reader task, so that a log handler can tell the
# reader's background queries from those of a request.
in_feed_reader: ContextVar[bool] = ContextVar("in_feed_reader", default=False)


def current_feed() -> EventFeed | None:
    """Return the running feed of this process, or None outside a server."""
    return _current


def notify_committed() -> None:
    """Wake the feed after a transaction that wrote events has committed.

    Call it after any mutation whose transaction wrote an event, once the
    transaction has committed (never inside it: the reader could run before
    the commit and find nothing). Outside a server process it does nothing,
    and other processes find the events when they next poll the table.
    """
    if _current is not None:
        _current.notify_local()


class EventFeed:
    def __init__(
        self,
        *,
        poll_seconds: float = 2.0,
        batch_size: int = 500,
        queue_size: int = 1000,
        notifier: RedisNotifier | None = None,
    ) -> None:
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.queue_size = queue_size
        self.notifier = notifier
        self.cursor = 0
        self._subscribers: set[Subscriber] = set()
        self._wake = asyncio.Event()
        self._local_commit = False
        self._reader: asyncio.Task[None] | None = None
        self._previous: EventFeed | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> EventFeed:
        notifier = None
        if settings.redis_url:
            notifier = RedisNotifier(settings.redis_url, settings.live_redis_channel)
        return cls(
            poll_seconds=settings.live_poll_seconds,
            batch_size=settings.live_batch_size,
            queue_size=settings.live_queue_size,
            notifier=notifier,
        )

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    @property
    def running(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def start(self) -> None:
        """Start reading after the newest event and make this the process feed."""
        global _current
        self.cursor = await latest_event_id()
        self._reader = asyncio.create_task(self._run(), name="live-event-reader")
        if self.notifier is not None:
            await self.notifier.start(self.notify_remote)
        self._previous, _current = _current, self
        logger.info("event feed started after event %d", self.cursor)

    async def stop(self) -> None:
        """Stop the reader and end every subscriber's stream."""
        global _current
        if _current is self:
            _current = self._previous
        if self.notifier is not None:
            await self.notifier.stop()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        for subscriber in list(self._subscribers):
            subscriber.close()
        self._subscribers.clear()
        logger.info("event feed stopped at event %d", self.cursor)

    def subscribe_events(
        self, event_filter: EventFilter, *, limit: int | None = None
    ) -> EventQueue:
        subscriber = EventQueue(event_filter, limit or self.queue_size)
        self._subscribers.add(subscriber)
        return subscriber

    def subscribe_changes(self, event_filter: EventFilter) -> ChangeSignal:
        subscriber = ChangeSignal(event_filter)
        self._subscribers.add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.discard(subscriber)

    def notify_local(self) -> None:
        """Wake the reader for a commit made in this process."""
        self._local_commit = True
        self._wake.set()

    def notify_remote(self, up_to_id: int | None) -> None:
        """Wake the reader for events another process announced (None: unknown)."""
        if up_to_id is None or up_to_id > self.cursor:
            self._wake.set()

    def rewind(self, event_id: int) -> None:
        """Continue reading after `event_id`, e.g. once tests emptied the table."""
        self.cursor = event_id

    async def _run(self) -> None:
        in_feed_reader.set(True)  # the task runs in a copy of the context
        failing = False
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            # Cleared before reading, so that a wake during the read is kept.
            self._wake.clear()
            local_commit, self._local_commit = self._local_commit, False
            try:
                await self._read_new_events()
            except Exception as exc:  # noqa: BLE001 - the reader must outlive any database failure
                self._local_commit = self._local_commit or local_commit
                # Retry after a second rather than after a whole poll interval.
                self._wake.set()
                if not failing:
                    logger.error("reading events after %d failed: %s", self.cursor, exc)
                failing = True
                await asyncio.sleep(min(1.0, self.poll_seconds))
                continue
            if failing:
                logger.info("reading events recovered at event %d", self.cursor)
                failing = False
            if local_commit and self.notifier is not None:
                self.notifier.announce(self.cursor)

    async def _read_new_events(self) -> None:
        while True:
            rows = await events_after(self.cursor).limit(self.batch_size)
            for row in rows:
                self._dispatch(row)
                self.cursor = row.id
            if len(rows) < self.batch_size:
                return

    def _dispatch(self, event: Event) -> None:
        dropped = [sub for sub in self._subscribers if not sub.offer(event)]
        for subscriber in dropped:
            self._subscribers.discard(subscriber)
            logger.warning(
                "dropped a subscriber whose queue was full at event %d", event.id
            )
