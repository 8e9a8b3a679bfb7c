"""The event feed, its subscribers and resumable streams, without GraphQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

import api.live.feed as feed_module
import api.live.stream as stream_module
from api.live import EventFeed, current_feed
from api.live.filters import EventFilter
from api.live.stream import SubscriberTooSlow, event_stream
from api.live.subscribers import FeedClosed, QueueOverflow
from domain.outbox import record_event
from tests.api.live.conftest import wait_until, write_event

EVERYTHING = EventFilter()


@pytest.fixture
async def quiet_feed(
    database_url: str, clean_database: None
) -> AsyncIterator[EventFeed]:
    """A feed of its own that polls only once a minute, so only a wake reads."""
    feed = EventFeed(poll_seconds=60, batch_size=3, queue_size=5)
    await feed.start()
    yield feed
    await feed.stop()


async def test_notify_committed_wakes_reader(quiet_feed) -> None:
    subscriber = quiet_feed.subscribe_events(EVERYTHING)

    await write_event(kind="CREATED")
    event = await asyncio.wait_for(subscriber.get(), 2)

    assert current_feed() is quiet_feed
    assert (event.id, event.kind) == (1, "CREATED")


async def test_poll_finds_events_without_notification(quiet_feed) -> None:
    quiet_feed.poll_seconds = 0.05
    quiet_feed.notify_local()  # ends the minute-long wait begun at start
    subscriber = quiet_feed.subscribe_events(EVERYTHING)

    await write_event(notify=False)
    event = await asyncio.wait_for(subscriber.get(), 2)

    assert event.id == 1


async def test_reader_reads_bounded_batches_in_order(quiet_feed, monkeypatch) -> None:
    real_events_after = feed_module.events_after
    reads = []

    def recording_reads(after_id: int):
        reads.append(after_id)
        return real_events_after(after_id)

    monkeypatch.setattr(feed_module, "events_after", recording_reads)
    subscriber = quiet_feed.subscribe_events(EVERYTHING)
    async with in_transaction() as connection:
        for object_id in range(5):
            await record_event(
                connection, topic="ACTIVITY", kind="OPENED", object_id=object_id
            )

    quiet_feed.notify_local()
    events = [await asyncio.wait_for(subscriber.get(), 2) for _ in range(5)]

    assert [event.id for event in events] == [1, 2, 3, 4, 5]
    assert reads == [0, 3]  # a full batch of 3, then the last 2


async def test_reader_queries_stay_out_of_query_log(quiet_feed, query_log) -> None:
    with query_log.recording():
        await write_event()
        await wait_until(lambda: quiet_feed.cursor == 1)

    inserts = [sql for sql in query_log.statements if sql.startswith("INSERT")]
    event_reads = [
        sql
        for sql in query_log.statements
        if sql.startswith("SELECT") and '"event"' in sql
    ]
    assert len(inserts) == 1
    assert event_reads == []


async def test_full_queue_drops_subscriber(quiet_feed) -> None:
    subscriber = quiet_feed.subscribe_events(EVERYTHING, limit=2)

    for _ in range(3):
        await write_event(notify=False)
    quiet_feed.notify_local()
    first = await asyncio.wait_for(subscriber.get(), 2)
    second = await subscriber.get()

    assert (first.id, second.id) == (1, 2)
    with pytest.raises(QueueOverflow):
        await subscriber.get()
    assert quiet_feed.subscriber_count == 0


async def test_reader_survives_database_error(quiet_feed, monkeypatch) -> None:
    real_events_after = feed_module.events_after
    failures = []

    def failing_once(after_id: int):
        if not failures:
            failures.append(after_id)
            raise OperationalError("database is restarting")
        return real_events_after(after_id)

    monkeypatch.setattr(feed_module, "events_after", failing_once)
    subscriber = quiet_feed.subscribe_events(EVERYTHING)

    await write_event()
    await asyncio.sleep(0.05)
    quiet_feed.notify_local()  # a later commit, or the poll, retries the read
    event = await asyncio.wait_for(subscriber.get(), 3)

    assert failures == [0]
    assert event.id == 1
    assert quiet_feed.running


async def test_stop_ends_subscribers(quiet_feed) -> None:
    subscriber = quiet_feed.subscribe_events(EVERYTHING)
    stream = event_stream(quiet_feed, EVERYTHING)
    waiting = asyncio.create_task(anext(stream))
    await wait_until(lambda: quiet_feed.subscriber_count == 2)

    await quiet_feed.stop()

    with pytest.raises(FeedClosed):
        await subscriber.get()
    with pytest.raises(StopAsyncIteration):
        await waiting


async def test_stream_keeps_event_committed_while_catching_up(quiet_feed) -> None:
    await write_event()
    stream = event_stream(quiet_feed, EVERYTHING, after_event_id=0)
    first = await anext(stream)

    # The stream is paused at event 1, before it subscribed: event 2 is
    # dispatched to no subscriber, so only the table has it.
    await write_event()
    await wait_until(lambda: quiet_feed.cursor == 2)
    second = await asyncio.wait_for(anext(stream), 2)
    await stream.aclose()

    assert (first.id, second.id) == (1, 2)
    assert quiet_feed.subscriber_count == 0


async def test_stream_skips_event_both_queued_and_read(quiet_feed, monkeypatch) -> None:
    real_read_table = stream_module._read_table
    reads = []

    async def read_after_live_dispatch(event_filter, after_id, batch_size):
        reads.append(after_id)
        if len(reads) == 2:
            # Subscribed but not yet read the table: event 2 reaches both.
            await write_event()
            await wait_until(lambda: quiet_feed.cursor == 2)
        async for event in real_read_table(event_filter, after_id, batch_size):
            yield event

    monkeypatch.setattr(stream_module, "_read_table", read_after_live_dispatch)
    await write_event()
    stream = event_stream(quiet_feed, EVERYTHING, after_event_id=0)
    first = await anext(stream)
    second = await anext(stream)
    await write_event()
    third = await asyncio.wait_for(anext(stream), 2)
    await stream.aclose()

    assert [first.id, second.id, third.id] == [1, 2, 3]


async def test_stream_overflow_names_last_event(quiet_feed) -> None:
    quiet_feed.batch_size = 10  # all eight events reach the queue in one read
    stream = event_stream(quiet_feed, EVERYTHING)
    waiting = asyncio.create_task(anext(stream))
    await wait_until(lambda: quiet_feed.subscriber_count == 1)
    async with in_transaction() as connection:
        for object_id in range(8):
            await record_event(
                connection, topic="ACTIVITY", kind="OPENED", object_id=object_id
            )

    quiet_feed.notify_local()
    delivered = [(await waiting).id]
    delivered += [(await anext(stream)).id for _ in range(4)]

    assert delivered == [1, 2, 3, 4, 5]
    with pytest.raises(SubscriberTooSlow) as raised:
        await anext(stream)
    assert raised.value.extensions == {
        "code": "SUBSCRIBER_TOO_SLOW",
        "lastEventId": 5,
    }
