"""Types of accounts, tokens, API keys and the errors of their mutations."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.schema.people.types import VolunteerType
from db.models import enums
from db.models.access import Account, ApiKey
from domain.actor import Actor
from domain.errors import DomainError

Role = strawberry.enum(
    enums.Role,
    description="Role of an account (角色): VOLUNTEER 志愿者, CAPTAIN 队长, "
    "CONVENER 召集人, ADMINISTRATOR 管理员.",
)


@strawberry.enum(description="Why an access mutation failed.")
class AccessErrorCode(Enum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    FORBIDDEN = "FORBIDDEN"


@strawberry.type(description="An expected failure of an access mutation.")
class AccessError:
    code: AccessErrorCode = strawberry.field(description="Machine-readable reason.")
    message: str = strawberry.field(description="Readable explanation, in English.")
    field: str | None = strawberry.field(
        description="Input field the error is about, when there is one."
    )

    @classmethod
    def from_error(cls, error: DomainError) -> AccessError:
        try:
            code = AccessErrorCode(error.code)
        except ValueError:
            code = AccessErrorCode.INVALID_INPUT
        return cls(code=code, message=error.message, field=error.field)


@strawberry.type(name="Account", description="A sign-in (账号) and its role.")
class AccountType:
    username: str = strawberry.field(description="Name used to sign in.")
    role: Role = strawberry.field(description="Role, which decides what it may do.")
    is_active: bool = strawberry.field(
        description="False once deactivated; its tokens are then rejected."
    )

    @classmethod
    def from_model(cls, row: Account) -> AccountType:
        return cls(username=row.username, role=Role(row.role), is_active=row.is_active)


@strawberry.type(
    name="ApiKey",
    description="A partner unit's API key (接口密钥); the secret is not kept.",
)
class ApiKeyType:
    prefix: str = strawberry.field(
        description="Public part of the key, before the dot; names it for revocation."
    )
    unit_id: int = strawberry.field(description="Database id of the partner unit.")
    alliance_ids: list[int] = strawberry.field(
        description="Database ids of the alliances the key may read."
    )
    region_codes: list[str] = strawberry.field(
        description="Region codes the key may read, each with every region under it."
    )
    created_at: datetime = strawberry.field(description="When it was issued.")
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked; null while it works."
    )

    @classmethod
    def from_model(cls, row: ApiKey) -> ApiKeyType:
        return cls(
            prefix=row.prefix,
            unit_id=row.unit_id,
            alliance_ids=[int(item) for item in row.alliance_ids],
            region_codes=[str(item) for item in row.region_codes],
            created_at=row.created_at,
            revoked_at=row.revoked_at,
        )


@strawberry.type(description="Who the current request acts as.")
class Viewer:
    label: str = strawberry.field(
        description="ROLE:username for accounts, PARTNER:prefix for keys, "
        "ANONYMOUS otherwise."
    )
    role: Role | None = strawberry.field(
        description="Role; null for keys and anonymous."
    )
    is_partner: bool = strawberry.field(description="True for a partner API key.")
    volunteer_id: int | None = strawberry.field(
        description="Database id of the account's volunteer, if it has one."
    )
    alliance_ids: list[int] = strawberry.field(
        description="Alliances in scope: a convener's one, or a key's."
    )
    region_codes: list[str] = strawberry.field(description="A key's region codes.")

    @strawberry.field(
        description="The signed-in account's own volunteer, with its signups, "
        "hours, points and certificates; null without one."
    )
    async def volunteer(self, info: Info) -> VolunteerType | None:
        if self.volunteer_id is None:
            return None
        row = await info.context.loaders.volunteer_by_id.load(self.volunteer_id)
        return VolunteerType.from_model(row) if row else None

    @classmethod
    def from_actor(cls, actor: Actor) -> Viewer:
        alliances = set(actor.partner_alliance_ids)
        if actor.alliance_id is not None:
            alliances.add(actor.alliance_id)
        return cls(
            label=actor.label,
            role=Role(actor.role) if actor.role else None,
            is_partner=actor.is_partner,
            volunteer_id=actor.volunteer_id,
            alliance_ids=sorted(alliances),
            region_codes=sorted(actor.partner_region_codes),
        )


@strawberry.type(description="A signed access token and the account it is for.")
class SignInSuccess:
    token: str = strawberry.field(
        description="Send as `Authorization: Bearer <token>`; valid until expiresAt."
    )
    token_id: str = strawberry.field(description="The token's jti, for revocation.")
    expires_at: datetime = strawberry.field(description="Expiry time (UTC).")
    account: AccountType = strawberry.field(description="The signed-in account.")


@strawberry.type(description="The token of this request is revoked.")
class SignOutSuccess:
    token_id: str = strawberry.field(description="The revoked token's jti.")


@strawberry.type(description="A token is revoked.")
class RevokeTokenSuccess:
    token_id: str = strawberry.field(description="The revoked token's jti.")


@strawberry.type(description="A new key; its full text is shown here once only.")
class CreateApiKeySuccess:
    key: str = strawberry.field(
        description="`<prefix>.<secret>`, to send as the X-Api-Key header. "
        "Only a hash is kept: store it now."
    )
    api_key: ApiKeyType = strawberry.field(
        description="The stored key, less its secret."
    )


@strawberry.type(description="A key is revoked; requests with it are rejected.")
class RevokeApiKeySuccess:
    api_key: ApiKeyType = strawberry.field(description="The revoked key.")


SignInPayload = Annotated[
    SignInSuccess | AccessError, strawberry.union("SignInPayload")
]
SignOutPayload = Annotated[
    SignOutSuccess | AccessError, strawberry.union("SignOutPayload")
]
RevokeTokenPayload = Annotated[
    RevokeTokenSuccess | AccessError, strawberry.union("RevokeTokenPayload")
]
CreateApiKeyPayload = Annotated[
    CreateApiKeySuccess | AccessError, strawberry.union("CreateApiKeyPayload")
]
RevokeApiKeyPayload = Annotated[
    RevokeApiKeySuccess | AccessError, strawberry.union("RevokeApiKeyPayload")
]
