"""Fixed-window request limits per client, in memory or shared in Redis.

Each client may send `limit` requests in each window of `window_seconds`,
and windows start at multiples of the window on the clock. A request over
the limit is rejected with the seconds left until the next window. A fixed
window can let through up to twice the limit across a window boundary,
which is acceptable for abuse protection and costs one counter per client.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int


class RateLimiter(Protocol):
    async def hit(self, subject: str) -> Decision: ...

    async def close(self) -> None: ...


class MemoryRateLimiter:
    """Counters of one process; enough for the embedded single-process setup."""

    def __init__(self, limit: int, window_seconds: int) -> None:
        self.limit = limit
        self.window_seconds = window_seconds
        self._window = -1
        self._counts: dict[str, int] = {}

    async def hit(self, subject: str) -> Decision:
        now = time.time()
        window = int(now // self.window_seconds)
        if window != self._window:
            # Counters of past windows are never read again.
            self._window = window
            self._counts.clear()
        count = self._counts.get(subject, 0) + 1
        self._counts[subject] = count
        return _decide(count, self.limit, window, self.window_seconds, now)

    async def close(self) -> None:
        return None


class RedisRateLimiter:
    """Counters shared by every API process through Redis INCR and EXPIRE."""

    def __init__(self, url: str, limit: int, window_seconds: int) -> None:
        self.limit = limit
        self.window_seconds = window_seconds
        self.redis = Redis.from_url(url)

    async def hit(self, subject: str) -> Decision:
        now = time.time()
        window = int(now // self.window_seconds)
        key = f"ratelimit:{subject}:{window}"
        async with self.redis.pipeline(transaction=True) as pipeline:
            pipeline.incr(key)
            pipeline.expire(key, self.window_seconds + 1)
            count, _ = await pipeline.execute()
        return _decide(int(count), self.limit, window, self.window_seconds, now)

    async def close(self) -> None:
        await self.redis.aclose()


def _decide(
    count: int, limit: int, window: int, window_seconds: int, now: float
) -> Decision:
    if count <= limit:
        return Decision(allowed=True, retry_after=0)
    window_end = (window + 1) * window_seconds
    return Decision(allowed=False, retry_after=max(1, math.ceil(window_end - now)))


def build_rate_limiter(
    redis_url: str, limit: int, window_seconds: int
) -> RateLimiter | None:
    """Return None when the limit is 0, which turns rate limiting off."""
    if limit <= 0:
        return None
    if redis_url:
        return RedisRateLimiter(redis_url, limit, window_seconds)
    return MemoryRateLimiter(limit, window_seconds)
