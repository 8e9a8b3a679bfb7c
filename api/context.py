"""The typed per-request context and the extension that renews its loaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension

from api.loaders import Loaders
from domain.accounts import TokenClaims
from domain.actor import ANONYMOUS, Actor
from settings import Settings

_operation_loaders: ContextVar[Loaders | None] = ContextVar(
    "operation_loaders", default=None
)


@dataclass
class Context:
    """Per-request state for every resolver: the request, the settings, the
    caller and the loaders.

    Over WebSocket Strawberry builds one context per connection, so the
    loaders are not stored here but looked up per operation. The actor of an
    HTTP request is set by the security middleware, and that of a WebSocket
    connection when its connection-init message is accepted.
    """

    request: Request | WebSocket
    response: Any
    settings: Settings
    connection_params: dict[str, Any] = field(default_factory=dict)
    actor: Actor = ANONYMOUS
    token_claims: TokenClaims | None = None
    # Set on an accepted WebSocket: re-checks its credentials and rate limit
    # before each operation (api/security/websocket.py).
    operation_guard: Callable[[], Awaitable[None]] | None = None

    @property
    def loaders(self) -> Loaders:
        loaders = _operation_loaders.get()
        if loaders is None:
            # Reached only when a resolver runs outside FreshLoaders, as in a
            # test that calls schema.execute without the extension.
            loaders = Loaders()
            _operation_loaders.set(loaders)
        return loaders

    @property
    def client_address(self) -> str:
        client = self.request.client
        return client.host if client else ""


def renew_loaders() -> None:
    """Give the running operation new, empty loaders.

    A subscription calls this before each event it yields, so that objects
    resolved for one event are read afresh for the next.
    """
    _operation_loaders.set(Loaders())


class FreshLoaders(SchemaExtension):
    """Give each operation its own DataLoaders, also on a shared WebSocket."""

    def on_operation(self) -> Iterator[None]:
        token = _operation_loaders.set(Loaders())
        try:
            yield
        finally:
            _operation_loaders.reset(token)
