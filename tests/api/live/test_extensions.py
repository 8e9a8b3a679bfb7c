"""The feed is woken after every GraphQL mutation, without a call in the rule."""

from __future__ import annotations

import asyncio

import strawberry
from tortoise.transactions import in_transaction

from api.live import EventFeed
from api.live.filters import EventFilter
from api.schema.live.extensions import NotifyAfterMutation
from domain.outbox import record_event


@strawberry.type
class Query:
    ping: str = "pong"


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def open_activity(self) -> int:
        async with in_transaction() as connection:
            event = await record_event(
                connection, topic="ACTIVITY", kind="OPENED", object_id=4
            )
        return event.id


async def test_mutation_wakes_feed(database_url, clean_database) -> None:
    schema = strawberry.Schema(
        query=Query, mutation=Mutation, extensions=[NotifyAfterMutation]
    )
    # Polls once a minute: only the extension's wake can deliver in time.
    feed = EventFeed(poll_seconds=60)
    await feed.start()
    try:
        subscriber = feed.subscribe_events(EventFilter())
        result = await schema.execute("mutation { openActivity }")
        event = await asyncio.wait_for(subscriber.get(), 2)
    finally:
        await feed.stop()

    assert result.data == {"openActivity": 1}
    assert (event.id, event.kind, event.object_id) == (1, "OPENED", 4)
