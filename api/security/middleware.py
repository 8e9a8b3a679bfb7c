"""The HTTP gate in front of /graphql: hygiene, authentication, rate limit.

For every HTTP request it assigns a request id (sent back as X-Request-Id)
and masks any unexpected exception as a 500 with that id. For requests to
the GraphQL endpoint it then rejects, in this order:

- a POST that is not `application/json` (415), so that no cross-site
  "simple" request reaches a mutation;
- a body over MAX_BODY_BYTES, before it is parsed (413);
- a body that is not a JSON object (400);
- invalid credentials (401);
- a client over its rate limit (429 with Retry-After).
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.security.authentication import authenticate, rate_limit_subject
from api.security.ratelimit import RateLimiter
from api.security.request_id import current_request_id, new_request_id
from domain.accounts import Unauthenticated
from settings import Settings

logger = logging.getLogger(__name__)

GRAPHQL_PATH = "/graphql"


class BodyTooLarge(Exception):
    pass


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _error_body(message: str, code: str, request_id: str) -> bytes:
    error = {"message": message, "extensions": {"code": code, "requestId": request_id}}
    return orjson.dumps({"errors": [error]})


async def _send_error(
    send: Send,
    status: int,
    message: str,
    code: str,
    request_id: str,
    headers: list[tuple[bytes, bytes]] = (),  # type: ignore[assignment]
) -> None:
    body = _error_body(message, code, request_id)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _is_json(content_type: str | None) -> bool:
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


def _is_json_object(body: bytes) -> bool:
    # Strawberry expects an object and fails with a 500 on other JSON values.
    try:
        return isinstance(orjson.loads(body), dict)
    except orjson.JSONDecodeError:
        return False


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


class SecurityMiddleware:
    def __init__(
        self, app: ASGIApp, *, settings: Settings, rate_limiter: RateLimiter | None
    ) -> None:
        self.app = app
        self.settings = settings
        self.rate_limiter = rate_limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = new_request_id()
        token = current_request_id.set(request_id)
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            if scope["path"].rstrip("/") == GRAPHQL_PATH:
                await self._serve_graphql(scope, receive, send_with_id, request_id)
            else:
                await self.app(scope, receive, send_with_id)
        except Exception:  # the boundary: nothing unexpected reaches a client
            logger.exception("unexpected error in request %s", request_id)
            if not response_started:
                await _send_error(
                    send_with_id,
                    500,
                    f"Internal server error; quote request id {request_id}",
                    "INTERNAL_SERVER_ERROR",
                    request_id,
                )
        finally:
            current_request_id.reset(token)

    async def _serve_graphql(
        self, scope: Scope, receive: Receive, send: Send, request_id: str
    ) -> None:
        receive_body = receive
        if scope["method"] == "POST":
            if not _is_json(_header(scope, b"content-type")):
                await _send_error(
                    send,
                    415,
                    "POST requests must have Content-Type: application/json",
                    "UNSUPPORTED_MEDIA_TYPE",
                    request_id,
                )
                return
            # Media types are case-insensitive, but Strawberry compares the
            # header as written, so it gets the canonical lower-case form.
            scope["headers"] = [
                (name, value.lower() if name == b"content-type" else value)
                for name, value in scope["headers"]
            ]
            receive_body = await self._buffer_body(scope, receive, send, request_id)
            if receive_body is None:
                return
        client = scope.get("client")
        address = client[0] if client else ""
        try:
            actor, claims = await authenticate(
                authorization=_header(scope, b"authorization"),
                api_key=_header(scope, b"x-api-key"),
                settings=self.settings,
                client_address=address,
            )
        except Unauthenticated as error:
            await _send_error(
                send,
                401,
                error.message,
                error.code,
                request_id,
                [(b"www-authenticate", b'Bearer error="invalid_token"')],
            )
            return
        if self.rate_limiter is not None:
            decision = await self.rate_limiter.hit(rate_limit_subject(actor, claims))
            if not decision.allowed:
                await _send_error(
                    send,
                    429,
                    f"rate limit of {self.settings.rate_limit_requests} requests "
                    f"per {self.settings.rate_limit_window_seconds} s exceeded; "
                    f"retry after {decision.retry_after} s",
                    "RATE_LIMITED",
                    request_id,
                    [(b"retry-after", str(decision.retry_after).encode())],
                )
                return
        state: dict[str, Any] = scope.setdefault("state", {})
        state["actor"] = actor
        state["token_claims"] = claims
        await self.app(scope, receive_body, send)

    async def _buffer_body(
        self, scope: Scope, receive: Receive, send: Send, request_id: str
    ) -> Receive | None:
        """Read the body up to the limit, or send a 413 or 400 and return None."""
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        try:
            if declared is not None and int(declared) > limit:
                raise BodyTooLarge
            body = await _read_body(receive, limit)
        except (BodyTooLarge, ValueError):
            await _send_error(
                send,
                413,
                f"request body is larger than the limit of {limit} bytes",
                "PAYLOAD_TOO_LARGE",
                request_id,
            )
            return None
        if not _is_json_object(body):
            await _send_error(
                send,
                400,
                "request body must be a UTF-8 JSON object such as "
                '{"query": "...", "variables": {...}}',
                "BAD_REQUEST",
                request_id,
            )
            return None
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay
