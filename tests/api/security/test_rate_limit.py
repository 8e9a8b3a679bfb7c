"""Per-client rate limits, in memory and shared through Redis."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import timedelta

from httpx_ws import WebSocketDisconnect, aconnect_ws

from api.security.ratelimit import MemoryRateLimiter, RedisRateLimiter
from db.models.enums import Role
from domain import accounts
from settings import Settings
from tests.api.security.conftest import PASSWORD, Accounts, bearer
from tests.servers import serve

VIEWER = {"query": "{ viewer { label } }"}
REDIS_URL = "redis://127.0.0.1:6379/0"


async def test_client_over_limit_gets_429(strict_settings: Settings) -> None:
    async with serve(strict_settings) as strict:
        answers = [await strict.post("/graphql", json=VIEWER) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    assert 1 <= int(limited.headers["retry-after"]) <= 3600
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_token_subject_counted_apart_from_address(
    strict_settings: Settings, make_account: Accounts
) -> None:
    account = await make_account("admin", Role.ADMINISTRATOR)
    token = accounts.issue_token(
        account,
        secret_key=strict_settings.secret_key,
        lifetime=timedelta(minutes=5),
    ).token

    async with serve(strict_settings) as strict:
        anonymous = [await strict.post("/graphql", json=VIEWER) for _ in range(4)]
        signed_in = await strict.post("/graphql", json=VIEWER, headers=bearer(token))

    assert anonymous[-1].status_code == 429
    assert signed_in.status_code == 200


async def test_redis_limit_shared_between_servers(strict_settings: Settings) -> None:
    shared = replace(strict_settings, redis_url=REDIS_URL)
    limiter = RedisRateLimiter(REDIS_URL, 1, 60)
    stale = [key async for key in limiter.redis.scan_iter("ratelimit:address:*")]
    if stale:
        await limiter.redis.delete(*stale)
    await limiter.close()

    async with serve(shared) as first, serve(shared) as second:
        answers = [
            await first.post("/graphql", json=VIEWER),
            await second.post("/graphql", json=VIEWER),
            await first.post("/graphql", json=VIEWER),
            await second.post("/graphql", json=VIEWER),
        ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]


async def test_redis_limiter_counts_per_subject() -> None:
    limiter = RedisRateLimiter(REDIS_URL, 2, 60)
    subject = f"test:{uuid.uuid4().hex}"
    try:
        decisions = [await limiter.hit(subject) for _ in range(3)]
        other = await limiter.hit(subject + "-other")
    finally:
        await limiter.close()

    assert [decision.allowed for decision in decisions] == [True, True, False]
    assert decisions[-1].retry_after >= 1
    assert other.allowed


async def test_memory_limiter_counts_per_subject() -> None:
    limiter = MemoryRateLimiter(1, 60)

    first = await limiter.hit("a")
    second = await limiter.hit("a")
    other = await limiter.hit("b")

    assert first.allowed
    assert not second.allowed
    assert other.allowed


async def test_password_guessing_is_rate_limited(strict_settings: Settings) -> None:
    guess = {
        "query": 'mutation { signIn(input: {username: "admin", password: "guess-'
        'guess-1"}) { __typename } }'
    }

    async with serve(strict_settings) as strict:
        answers = [await strict.post("/graphql", json=guess) for _ in range(4)]

    assert answers[-1].status_code == 429
    assert PASSWORD not in answers[-1].text


def test_limit_zero_turns_limiter_off() -> None:
    from api.security.ratelimit import build_rate_limiter

    assert build_rate_limiter("", 0, 60) is None
    assert isinstance(build_rate_limiter("", 5, 60), MemoryRateLimiter)
    assert isinstance(build_rate_limiter(REDIS_URL, 5, 60), RedisRateLimiter)


async def test_websocket_connections_are_rate_limited(
    strict_settings: Settings,
) -> None:
    async with serve(strict_settings) as strict:
        url = str(strict.base_url).replace("http", "ws") + "/graphql"
        codes = []
        for _ in range(4):
            async with aconnect_ws(url, subprotocols=["graphql-transport-ws"]) as ws:
                await ws.send_text(json.dumps({"type": "connection_init"}))
                try:
                    codes.append(json.loads(await ws.receive_text())["type"])
                except WebSocketDisconnect as closed:
                    codes.append(closed.code)

    assert codes == ["connection_ack", "connection_ack", "connection_ack", 4403]


async def test_forwarded_for_from_loopback_is_ignored(
    strict_settings: Settings,
) -> None:
    async with serve(strict_settings) as strict:
        answers = [
            await strict.post(
                "/graphql", json=VIEWER, headers={"x-forwarded-for": f"203.0.113.{n}"}
            )
            for n in range(4)
        ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]


async def test_forwarded_for_trusted_from_listed_proxy(
    strict_settings: Settings,
) -> None:
    behind_proxy = replace(strict_settings, forwarded_allow_ips="127.0.0.1")
    async with serve(behind_proxy) as strict:
        answers = [
            await strict.post(
                "/graphql", json=VIEWER, headers={"x-forwarded-for": f"203.0.113.{n}"}
            )
            for n in range(4)
        ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200]
