"""Keep a WebSocket's credentials and rate limit in force after it is opened.

A graphql-transport-ws connection authenticates once, in its connection-init
payload, and may then run any number of operations for hours. Each
operation started over it therefore checks the credentials again (a token
revoked or expired, an account deactivated, a key revoked) and counts
against the client's rate limit, like an HTTP request. Subscriptions that
are already streaming are ended by a watcher that checks the credentials
every WS_RECHECK_SECONDS and closes the socket once they fail.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from graphql import GraphQLError
from starlette.websockets import WebSocket, WebSocketState
from strawberry.extensions import SchemaExtension

from api.context import Context
from api.security.authentication import (
    authenticate_connection_params,
    rate_limit_subject,
)
from api.security.ratelimit import RateLimiter
from domain.accounts import Unauthenticated

logger = logging.getLogger(__name__)

# Close code of the graphql-transport-ws protocol for a rejected client.
FORBIDDEN_CLOSE_CODE = 4403

OperationGuard = Callable[[], Awaitable[None]]


def operation_guard(
    context: Context, rate_limiter: RateLimiter | None
) -> OperationGuard:
    """Build the check that each operation over this connection runs first."""

    async def guard() -> None:
        try:
            actor, claims = await authenticate_connection_params(
                context.connection_params,
                settings=context.settings,
                client_address=context.client_address,
            )
        except Unauthenticated as error:
            logger.info("WebSocket operation rejected: %s", error.message)
            raise GraphQLError(
                error.message, extensions={"code": "UNAUTHENTICATED"}
            ) from None
        context.actor = actor
        context.token_claims = claims
        if rate_limiter is None:
            return
        subject = rate_limit_subject(actor, claims)
        decision = await rate_limiter.hit(subject)
        if not decision.allowed:
            logger.info("WebSocket operation of %s rate limited", subject)
            raise GraphQLError(
                f"rate limit exceeded: retry in {decision.retry_after} s",
                extensions={
                    "code": "RATE_LIMITED",
                    "retryAfter": decision.retry_after,
                },
            )

    return guard


class CheckWebSocketOperation(SchemaExtension):
    """Run the connection's guard before each operation sent over a WebSocket.

    HTTP requests were checked by the security middleware and carry no
    guard. An error raised here is the operation's only result.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        guard: OperationGuard | None = getattr(
            self.execution_context.context, "operation_guard", None
        )
        if guard is not None:
            await guard()
        yield


def _open(websocket: WebSocket) -> bool:
    return (
        websocket.client_state is WebSocketState.CONNECTED
        and websocket.application_state is WebSocketState.CONNECTED
    )


async def watch_credentials(context: Context, interval_seconds: float) -> None:
    """Close the socket within one interval of its credentials failing."""
    websocket = context.request
    assert isinstance(websocket, WebSocket)
    while True:
        await asyncio.sleep(interval_seconds)
        if not _open(websocket):
            return
        try:
            await authenticate_connection_params(
                context.connection_params,
                settings=context.settings,
                client_address=context.client_address,
            )
        except Unauthenticated as error:
            logger.info("WebSocket closed: %s", error.message)
            if _open(websocket):
                await websocket.close(
                    code=FORBIDDEN_CLOSE_CODE, reason=error.message[:120]
                )
            return
