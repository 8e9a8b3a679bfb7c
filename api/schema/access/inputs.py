"""Inputs of the access mutations."""

from __future__ import annotations

import strawberry
from strawberry import relay


@strawberry.input(description="Username and password of an account.")
class SignInInput:
    username: str = strawberry.field(description="Name used to sign in.")
    password: str = strawberry.field(description="Password, at least 10 characters.")


@strawberry.input(description="A token to revoke before it expires.")
class RevokeTokenInput:
    token_id: str = strawberry.field(description="The token's jti claim.")


@strawberry.input(description="A partner unit and the scope of its new key.")
class CreateApiKeyInput:
    unit_id: relay.GlobalID = strawberry.field(description="Global ID of the Unit.")
    alliance_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list,
        description="Global IDs of the Alliances whose data the key may read.",
    )
    region_codes: list[str] = strawberry.field(
        default_factory=list,
        description="Region codes; each covers the region and every one under it. "
        "A key needs at least one alliance or region.",
    )


@strawberry.input(description="The key to revoke.")
class RevokeApiKeyInput:
    prefix: str = strawberry.field(description="The key's prefix, before the dot.")
