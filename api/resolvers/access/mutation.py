"""Resolvers of sign-in, sign-out, token revocation and API keys."""

from __future__ import annotations

from datetime import UTC, datetime

from strawberry import relay

from api.context import Context
from api.security.authentication import token_lifetime
from db.models.access import ApiKey
from domain import accounts
from domain.errors import InvalidInput


async def sign_in(
    context: Context, username: str, password: str
) -> accounts.IssuedToken:
    settings = context.settings
    return await accounts.sign_in(
        username,
        password,
        secret_key=settings.secret_key,
        lifetime=token_lifetime(settings),
    )


async def sign_out(context: Context) -> str:
    """Revoke the token that authenticated this request and return its jti."""
    claims = context.token_claims
    if claims is None:
        raise InvalidInput("this request was not made with an access token")
    await accounts.revoke_token(
        claims.token_id, claims.expires_at, actor=context.actor, reason="sign-out"
    )
    return claims.token_id


async def revoke_token(context: Context, token_id: str) -> str:
    token_id = token_id.strip()
    if not token_id or len(token_id) > 64:
        raise InvalidInput("tokenId must have 1 to 64 characters", field="tokenId")
    # A jti alone does not give the token's expiry, so the revocation is kept
    # for the longest lifetime a token issued now could have.
    expires_at = datetime.now(UTC) + token_lifetime(context.settings)
    await accounts.revoke_token(
        token_id, expires_at, actor=context.actor, reason="revoked by administrator"
    )
    return token_id


def _database_id(global_id: relay.GlobalID, type_name: str, field: str) -> int:
    node_id = global_id.node_id
    if global_id.type_name != type_name or not (
        node_id.isascii() and node_id.isdigit()
    ):
        raise InvalidInput(
            f"{field} must be the global ID of a {type_name}", field=field
        )
    return int(global_id.node_id)


async def create_api_key(
    context: Context,
    unit_id: relay.GlobalID,
    alliance_ids: list[relay.GlobalID],
    region_codes: list[str],
) -> accounts.IssuedKey:
    return await accounts.create_api_key(
        _database_id(unit_id, "Unit", "unitId"),
        alliance_ids=[
            _database_id(item, "Alliance", "allianceIds") for item in alliance_ids
        ],
        region_codes=[code.strip() for code in region_codes],
        actor=context.actor,
    )


async def revoke_api_key(context: Context, prefix: str) -> ApiKey:
    return await accounts.revoke_api_key(prefix.strip(), actor=context.actor)
