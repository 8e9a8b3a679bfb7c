"""Whole results of identical anonymous queries, shared for a few seconds."""

from __future__ import annotations

import time
from dataclasses import replace

from graphql import GraphQLError
from strawberry.types import ExecutionResult

from api.response_cache import ResponseCache
from db.models.enums import PlatformOrigin
from db.models.org import Platform
from tests.api.graphql import administrator_headers
from tests.servers import serve

PLATFORMS = "query Platforms { platforms { totalCount } }"


async def _add_platform(code: str) -> None:
    await Platform.create(code=code, name=f"{code}平台", origin=PlatformOrigin.LOCAL)


async def test_anonymous_query_reused(settings, query_log) -> None:
    await _add_platform("THEORY")
    async with serve(replace(settings, response_cache_seconds=60)) as http:
        first = await http.post("/graphql", json={"query": PLATFORMS})
        await _add_platform("CULTURE")
        with query_log.recording():
            second = await http.post("/graphql", json={"query": PLATFORMS})

    assert first.json()["data"] == {"platforms": {"totalCount": 1}}
    assert second.json()["data"] == {"platforms": {"totalCount": 1}}
    assert query_log.count == 0, query_log.statements


async def test_signed_in_query_not_reused(settings) -> None:
    await _add_platform("THEORY")
    headers = await administrator_headers(settings)
    async with serve(replace(settings, response_cache_seconds=60)) as http:
        await http.post("/graphql", json={"query": PLATFORMS}, headers=headers)
        await _add_platform("CULTURE")
        second = await http.post("/graphql", json={"query": PLATFORMS}, headers=headers)

    assert second.json()["data"] == {"platforms": {"totalCount": 2}}


async def test_other_variables_not_reused(settings) -> None:
    await _add_platform("THEORY")
    query = "query P($first: Int) { platforms(first: $first) { totalCount } }"
    async with serve(replace(settings, response_cache_seconds=60)) as http:
        await http.post("/graphql", json={"query": query, "variables": {"first": 1}})
        await _add_platform("CULTURE")
        other = await http.post(
            "/graphql", json={"query": query, "variables": {"first": 2}}
        )

    assert other.json()["data"] == {"platforms": {"totalCount": 2}}


def test_mutation_has_no_cache_key() -> None:
    cache = ResponseCache(ttl_seconds=60)

    key = cache.key("mutation { signOut { __typename } }", None, None, 2000)

    assert key is None


def test_result_with_errors_not_stored() -> None:
    cache = ResponseCache(ttl_seconds=60)
    key = cache.key(PLATFORMS, None, None, 2000)
    assert key is not None

    cache.put(key, ExecutionResult(data=None, errors=[GraphQLError("failed")]))

    assert cache.get(key) is None


def test_expired_result_dropped() -> None:
    cache = ResponseCache(ttl_seconds=0.01)
    key = cache.key(PLATFORMS, None, None, 2000)
    cache.put(key, ExecutionResult(data={"platforms": {"totalCount": 1}}, errors=None))

    time.sleep(0.02)

    assert cache.get(key) is None


def test_cache_keeps_max_entries() -> None:
    cache = ResponseCache(ttl_seconds=60, max_entries=2)
    keys = [cache.key(PLATFORMS, {"n": n}, None, 2000) for n in range(3)]
    for key in keys:
        cache.put(key, ExecutionResult(data={}, errors=None))

    assert cache.get(keys[0]) is None
    assert cache.get(keys[2]) is not None
