"""The Starlette application: GraphQL over HTTP and WebSocket, health, GraphiQL."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLRequestData
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType
from tortoise import Tortoise, connections

from api.context import Context
from api.graphiql import graphiql_assets_mount, graphiql_page
from api.live import EventFeed
from api.response_cache import ResponseCache
from api.schema.root import schema
from api.security.authentication import (
    authenticate_connection_params,
    rate_limit_subject,
)
from api.security.log_redaction import install_log_redaction
from api.security.middleware import SecurityMiddleware
from api.security.ratelimit import RateLimiter, build_rate_limiter
from api.security.websocket import operation_guard, watch_credentials
from db.config import tortoise_config
from domain.accounts import Unauthenticated
from settings import Settings, load_settings

logger = logging.getLogger(__name__)


class GraphQLApp(GraphQL):
    def __init__(
        self, settings: Settings, rate_limiter: RateLimiter | None = None
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(
                seconds=settings.ws_init_timeout_seconds
            ),
            max_subscriptions_per_connection=settings.ws_max_subscriptions,
            allowed_origins=settings.ws_allowed_origins,
        )
        self.settings = settings
        self.rate_limiter = rate_limiter
        self.response_cache = ResponseCache(settings.response_cache_seconds)
        # Credential watchers of open sockets, kept so they are not collected.
        self.watchers: set[asyncio.Task[None]] = set()

    @property
    def graphql_ide_html(self) -> str:
        """Return the GraphiQL page that loads its assets from this app."""
        return graphiql_page()

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Run one operation, sharing results of identical anonymous queries."""
        key = None
        if context.actor.is_anonymous:
            key = self.response_cache.key(
                request_data.query,
                request_data.variables,
                request_data.operation_name,
                self.settings.max_tokens,
            )
        if key is not None and (cached := self.response_cache.get(key)) is not None:
            return cached
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if key is not None:
            self.response_cache.put(key, result)
        return result

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        context = Context(request=request, response=response, settings=self.settings)
        # HTTP requests were authenticated by SecurityMiddleware; a WebSocket
        # stays anonymous until its connection-init payload is accepted.
        state = request.scope.get("state", {})
        if "actor" in state:
            context.actor = state["actor"]
            context.token_claims = state["token_claims"]
        return context

    async def on_ws_connect(
        self, context: Context
    ) -> UnsetType | dict[str, object] | None:
        """Authenticate a WebSocket from its connection-init payload.

        A rejected payload closes the socket with 4403 Forbidden, as the
        graphql-transport-ws protocol prescribes. Each connection counts as
        one request against the client's rate limit, and so does each
        operation sent over it, which also checks the credentials again.
        A socket with credentials is closed once they stop being valid.
        """
        try:
            actor, claims = await authenticate_connection_params(
                context.connection_params,
                settings=self.settings,
                client_address=context.client_address,
            )
        except Unauthenticated as error:
            logger.info("WebSocket connection rejected: %s", error.message)
            raise ConnectionRejectionError({"message": error.message}) from None
        if self.rate_limiter is not None:
            subject = rate_limit_subject(actor, claims)
            decision = await self.rate_limiter.hit(subject)
            if not decision.allowed:
                logger.info("WebSocket connection of %s rate limited", subject)
                raise ConnectionRejectionError({"retryAfter": decision.retry_after})
        context.actor = actor
        context.token_claims = claims
        context.operation_guard = operation_guard(context, self.rate_limiter)
        if not actor.is_anonymous:
            watcher = asyncio.create_task(
                watch_credentials(context, self.settings.ws_recheck_seconds)
            )
            self.watchers.add(watcher)
            watcher.add_done_callback(self.watchers.discard)
        return UNSET


async def healthz(request: Request) -> JSONResponse:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # the probe reports any database failure as unhealthy
        logger.exception("health check failed")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(
    settings: Settings | None = None, *, manage_database: bool = True
) -> Starlette:
    """Build the app; tests that own the Tortoise connections pass False."""
    settings = settings or load_settings()
    settings.check_production()
    install_log_redaction()
    rate_limiter = build_rate_limiter(
        settings.redis_url,
        settings.rate_limit_requests,
        settings.rate_limit_window_seconds,
    )
    graphql = GraphQLApp(settings, rate_limiter)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_database:
            # Requests run in other tasks than the lifespan, so they only see
            # the connections when Tortoise keeps them as a global fallback.
            await Tortoise.init(
                config=tortoise_config(settings.database_url),
                _enable_global_fallback=True,
            )
        feed = EventFeed.from_settings(settings)
        await feed.start()
        app.state.feed = feed
        logger.info("API started")
        try:
            yield
        finally:
            if rate_limiter is not None:
                await rate_limiter.close()
            await feed.stop()
            if manage_database:
                await Tortoise.close_connections()
            logger.info("API stopped")

    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
    ]
    if settings.graphiql_enabled:
        routes.append(graphiql_assets_mount())
    return Starlette(
        debug=settings.debug,
        routes=routes,
        middleware=[
            Middleware(SecurityMiddleware, settings=settings, rate_limiter=rate_limiter)
        ],
        lifespan=lifespan,
    )
