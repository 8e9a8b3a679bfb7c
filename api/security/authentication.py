"""Turn the credentials of a request into an Actor.

HTTP requests send `Authorization: Bearer <jwt>` or `X-Api-Key: <key>`; a
WebSocket sends the same in its connection-init payload, as
`{"authorization": "Bearer <jwt>"}` or `{"apiKey": "<key>"}`. No
credentials at all is the anonymous public; credentials that are sent but
invalid raise Unauthenticated rather than falling back to anonymous.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from domain.accounts import (
    TokenClaims,
    Unauthenticated,
    authenticate_api_key,
    authenticate_token,
)
from domain.actor import ANONYMOUS, Actor
from settings import Settings


def token_lifetime(settings: Settings) -> timedelta:
    return timedelta(minutes=settings.access_token_minutes)


async def authenticate(
    *,
    authorization: str | None,
    api_key: str | None,
    settings: Settings,
    client_address: str,
) -> tuple[Actor, TokenClaims | None]:
    if authorization and api_key:
        raise Unauthenticated("send either a bearer token or an API key, not both")
    if authorization:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("Authorization must be 'Bearer <token>'")
        return await authenticate_token(
            token.strip(),
            secret_key=settings.secret_key,
            client_address=client_address,
        )
    if api_key:
        actor = await authenticate_api_key(api_key, client_address=client_address)
        return actor, None
    return Actor(client_address=client_address) if client_address else ANONYMOUS, None


async def authenticate_connection_params(
    params: Mapping[str, object], *, settings: Settings, client_address: str
) -> tuple[Actor, TokenClaims | None]:
    """Authenticate the payload of a graphql-transport-ws connection-init."""
    authorization = params.get("authorization") or params.get("Authorization")
    api_key = params.get("apiKey")
    if authorization is not None and not isinstance(authorization, str):
        raise Unauthenticated("authorization must be a string 'Bearer <token>'")
    if api_key is not None and not isinstance(api_key, str):
        raise Unauthenticated("apiKey must be a string")
    return await authenticate(
        authorization=authorization,
        api_key=api_key,
        settings=settings,
        client_address=client_address,
    )


def rate_limit_subject(actor: Actor, claims: TokenClaims | None) -> str:
    """Return the client a rate limit counts against: account, key, or address."""
    if claims is not None:
        return f"account:{claims.account_id}"
    if actor.is_partner:
        return actor.label
    return f"address:{actor.client_address}"
