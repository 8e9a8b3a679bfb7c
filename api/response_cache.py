"""Reuse whole results of identical anonymous queries for a few seconds.

Big-screen displays send the same public query many times a second. An
anonymous caller sees only public data, so every anonymous caller gets the
same result for the same document, variables and operation name, and that
result can be shared without running the operation again. Results with
errors, mutations and every authenticated request are never cached.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from functools import lru_cache
from typing import Any

import orjson
from graphql import GraphQLError, OperationType, get_operation_ast, parse
from strawberry.types import ExecutionResult


@lru_cache(maxsize=512)
def _is_query(document: str, operation_name: str | None, max_tokens: int) -> bool:
    try:
        operation = get_operation_ast(
            parse(document, max_tokens=max_tokens), operation_name
        )
    except GraphQLError:
        return False
    return operation is not None and operation.operation is OperationType.QUERY


class ResponseCache:
    """A bounded, process-local map from request to result with a time to live."""

    def __init__(self, ttl_seconds: float, max_entries: int = 1024) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[bytes, tuple[float, ExecutionResult]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.ttl_seconds > 0

    def key(
        self,
        document: str | None,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        max_tokens: int,
    ) -> bytes | None:
        """Return the cache key of a query, or None when it must not be cached."""
        if not self.enabled or not document:
            return None
        if not _is_query(document, operation_name, max_tokens):
            return None
        try:
            encoded_variables = orjson.dumps(
                variables or {}, option=orjson.OPT_SORT_KEYS
            )
        except TypeError:
            return None
        return orjson.dumps([document, operation_name]) + encoded_variables

    def get(self, key: bytes) -> ExecutionResult | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires_at, result = entry
        if expires_at < time.monotonic():
            del self._entries[key]
            return None
        return result

    def put(self, key: bytes, result: ExecutionResult) -> None:
        if result.errors:
            return
        self._entries[key] = (time.monotonic() + self.ttl_seconds, result)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
