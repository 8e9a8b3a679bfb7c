"""Mutations of the access domain: sign-in, sign-out, tokens and API keys."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.resolvers.access import mutation as resolvers
from api.schema.access.inputs import (
    CreateApiKeyInput,
    RevokeApiKeyInput,
    RevokeTokenInput,
    SignInInput,
)
from api.schema.access.types import (
    AccessError,
    AccountType,
    ApiKeyType,
    CreateApiKeyPayload,
    CreateApiKeySuccess,
    RevokeApiKeyPayload,
    RevokeApiKeySuccess,
    RevokeTokenPayload,
    RevokeTokenSuccess,
    SignInPayload,
    SignInSuccess,
    SignOutPayload,
    SignOutSuccess,
)
from api.security.permissions import IsAccount, IsAdministrator
from domain.errors import DomainError


@strawberry.type
class AccessMutation:
    @strawberry.mutation(
        description="Sign in with a username and password and get an access token."
    )
    async def sign_in(self, info: Info, input: SignInInput) -> SignInPayload:
        try:
            issued = await resolvers.sign_in(
                info.context, input.username, input.password
            )
        except DomainError as error:
            return AccessError.from_error(error)
        return SignInSuccess(
            token=issued.token,
            token_id=issued.token_id,
            expires_at=issued.expires_at,
            account=AccountType.from_model(issued.account),
        )

    @strawberry.mutation(
        description="Revoke the access token this request was made with.",
        permission_classes=[IsAccount],
    )
    async def sign_out(self, info: Info) -> SignOutPayload:
        try:
            token_id = await resolvers.sign_out(info.context)
        except DomainError as error:
            return AccessError.from_error(error)
        return SignOutSuccess(token_id=token_id)

    @strawberry.mutation(
        description="Revoke any access token by its jti (administrators only).",
        permission_classes=[IsAdministrator],
    )
    async def revoke_token(
        self, info: Info, input: RevokeTokenInput
    ) -> RevokeTokenPayload:
        try:
            token_id = await resolvers.revoke_token(info.context, input.token_id)
        except DomainError as error:
            return AccessError.from_error(error)
        return RevokeTokenSuccess(token_id=token_id)

    @strawberry.mutation(
        description="Issue an API key to a partner unit (administrators only).",
        permission_classes=[IsAdministrator],
    )
    async def create_api_key(
        self, info: Info, input: CreateApiKeyInput
    ) -> CreateApiKeyPayload:
        try:
            issued = await resolvers.create_api_key(
                info.context, input.unit_id, input.alliance_ids, input.region_codes
            )
        except DomainError as error:
            return AccessError.from_error(error)
        return CreateApiKeySuccess(
            key=issued.key, api_key=ApiKeyType.from_model(issued.api_key)
        )

    @strawberry.mutation(
        description="Revoke a partner API key (administrators only).",
        permission_classes=[IsAdministrator],
    )
    async def revoke_api_key(
        self, info: Info, input: RevokeApiKeyInput
    ) -> RevokeApiKeyPayload:
        try:
            api_key = await resolvers.revoke_api_key(info.context, input.prefix)
        except DomainError as error:
            return AccessError.from_error(error)
        return RevokeApiKeySuccess(api_key=ApiKeyType.from_model(api_key))
