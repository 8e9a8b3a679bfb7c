"""The Starlette application: GraphQL over HTTP and WebSocket, health, GraphiQL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from tortoise import Tortoise, connections

from api.context import Context
from api.graphiql import graphiql_assets_mount, graphiql_page
from api.live import EventFeed
from api.schema.root import schema
from db.config import tortoise_config
from settings import Settings, load_settings

logger = logging.getLogger(__name__)


class GraphQLApp(GraphQL):
    def __init__(self, settings: Settings) -> None:
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

    @property
    def graphql_ide_html(self) -> str:
        """Return the GraphiQL page that loads its assets from this app."""
        return graphiql_page()

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        return Context(request=request, response=response, settings=self.settings)


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
    graphql = GraphQLApp(settings)

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
    return Starlette(debug=settings.debug, routes=routes, lifespan=lifespan)
