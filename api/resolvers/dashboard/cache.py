"""The dashboard cache: aiocache in memory, or Redis when REDIS_URL is set.

Many identical big screens poll the same aggregates, so a computed
dashboard is kept for DASHBOARD_CACHE_SECONDS, and concurrent requests for
the same key in one process wait for a single computation. Across
processes each computes once per expiry, which the short TTL bounds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiocache import Cache
from aiocache.base import BaseCache
from aiocache.serializers import JsonSerializer

from settings import Settings

logger = logging.getLogger(__name__)
NAMESPACE = "dashboard"

_caches: dict[str, BaseCache] = {}
# One lock per cache key; keys are region codes, so the dict stays as small
# as the number of regions requested.
_locks: dict[str, asyncio.Lock] = {}


def dashboard_cache(settings: Settings) -> BaseCache:
    """Return the process-wide cache for the configured backend."""
    cache = _caches.get(settings.redis_url)
    if cache is None:
        if settings.redis_url:
            cache = Cache.from_url(settings.redis_url)
            cache.namespace = NAMESPACE
            cache.serializer = JsonSerializer()
        else:
            cache = Cache(Cache.MEMORY, namespace=NAMESPACE)
        _caches[settings.redis_url] = cache
    return cache


async def get_or_compute(
    settings: Settings,
    key: str,
    compute: Callable[[], Awaitable[dict[str, Any]]],
) -> dict[str, Any]:
    """Return the cached value of `key`, computing it once when it is missing."""
    cache = dashboard_cache(settings)
    value = await cache.get(key)
    if value is not None:
        return value
    lock = _locks.setdefault(key, asyncio.Lock())
    async with lock:
        # Another request may have filled the key while this one waited.
        value = await cache.get(key)
        if value is not None:
            return value
        value = await compute()
        await cache.set(key, value, ttl=settings.dashboard_cache_seconds)
        logger.debug("dashboard %s computed and cached", key)
        return value


async def clear_dashboard_cache(settings: Settings) -> None:
    """Drop every cached dashboard, as tests do between data sets."""
    await dashboard_cache(settings).clear(namespace=NAMESPACE)
