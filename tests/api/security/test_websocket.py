"""Credentials, rate limits and message size over an open WebSocket."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
from websockets.asyncio.client import connect

from db.models.enums import Role
from domain import accounts
from domain.actor import SYSTEM
from settings import Settings
from tests.api.live.conftest import PROTOCOL, GraphQLSocket
from tests.api.security.conftest import (
    Accounts,
    World,
    bearer,
    issue_key,
    sign_in,
)
from tests.servers import serve

VIEWER = "query { viewer { label } }"
SIGN_OUT = "mutation { signOut { __typename } }"
REQUEST_UPDATES = "subscription { serviceRequestUpdates { eventId } }"
ACTIVITY_UPDATES = "subscription { activityUpdates { eventId } }"


@contextlib.asynccontextmanager
async def socket(client: httpx.AsyncClient) -> AsyncIterator[GraphQLSocket]:
    url = str(client.base_url).replace("http://", "ws://") + "/graphql"
    async with connect(url, subprotocols=[PROTOCOL], max_size=None) as connection:
        yield GraphQLSocket(connection)


async def error_of(graphql: GraphQLSocket, operation_id: str) -> dict:
    message = await graphql.receive()
    assert message["id"] == operation_id, message
    if message["type"] == "next":
        return message["payload"]["errors"][0]
    assert message["type"] == "error", message
    return message["payload"][0]


async def test_revoked_token_stops_operations(
    settings: Settings, make_account: Accounts
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    async with serve(settings) as client, socket(client) as graphql:
        token = await sign_in(client, "admin")
        await graphql.init({"authorization": f"Bearer {token}"})
        await graphql.subscribe("1", VIEWER)
        before = await graphql.next_data("1")
        await graphql.receive()  # complete
        await client.post("/graphql", json={"query": SIGN_OUT}, headers=bearer(token))
        await graphql.subscribe("2", VIEWER)
        error = await error_of(graphql, "2")

    assert before == {"viewer": {"label": "ADMINISTRATOR:admin"}}
    assert error["message"] == "token has been revoked: sign in again"
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_revoked_key_stops_subscriptions(
    settings: Settings, world: World
) -> None:
    key = await issue_key(world, alliance_ids=[world.alliance.id], region_codes=[])
    async with serve(settings) as client, socket(client) as graphql:
        await graphql.init({"apiKey": key})
        await accounts.revoke_api_key(key.partition(".")[0], actor=SYSTEM)
        await graphql.subscribe("1", REQUEST_UPDATES)
        error = await error_of(graphql, "1")

    assert error["message"] == "API key has been revoked"
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_socket_operations_are_rate_limited(
    strict_settings: Settings,
) -> None:
    async with serve(strict_settings) as client, socket(client) as graphql:
        await graphql.init()  # the first of three requests
        answers = []
        for operation_id in ("1", "2"):
            await graphql.subscribe(operation_id, VIEWER)
            answers.append(await graphql.next_data(operation_id))
            await graphql.receive()  # complete
        await graphql.subscribe("3", VIEWER)
        limited = await error_of(graphql, "3")

    assert answers == [{"viewer": {"label": "ANONYMOUS"}}] * 2
    assert limited["extensions"]["code"] == "RATE_LIMITED"
    assert limited["extensions"]["retryAfter"] >= 1


async def test_oversized_message_closes_socket(
    settings: Settings,
) -> None:
    small = replace(settings, max_body_bytes=4096)
    async with serve(small) as client, socket(client) as graphql:
        await graphql.init()
        await graphql.subscribe("1", "{ viewer { label } }" + " " * 5000)
        code, _ = await graphql.wait_closed()

    assert code == 1009


async def test_running_subscription_ends_on_revocation(
    settings: Settings, make_account: Accounts
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    quick = replace(settings, ws_recheck_seconds=0.2)
    async with serve(quick) as client, socket(client) as graphql:
        token = await sign_in(client, "admin")
        await graphql.init({"authorization": f"Bearer {token}"})
        await graphql.subscribe("1", ACTIVITY_UPDATES)
        await client.post("/graphql", json={"query": SIGN_OUT}, headers=bearer(token))
        code, reason = await graphql.wait_closed(seconds=3)

    assert code == 4403
    assert reason == "token has been revoked: sign in again"
