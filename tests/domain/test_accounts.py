"""Accounts, tokens and keys, without GraphQL."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from db.models.access import Account, ApiKey, RevokedToken
from db.models.enums import Role
from domain import accounts
from domain.actor import SYSTEM
from domain.errors import Duplicate, InvalidInput
from tests.api.security.conftest import PASSWORD, World

SECRET = "k" * 40
HOUR = timedelta(hours=1)


async def test_password_is_stored_as_argon2id() -> None:
    account = await accounts.create_account("admin", PASSWORD, Role.ADMINISTRATOR)

    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash


async def test_sign_in_rehashes_outdated_hash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    await Account.create(
        username="old", password_hash=weak.hash(PASSWORD), role=Role.ADMINISTRATOR
    )

    await accounts.sign_in("old", PASSWORD, secret_key=SECRET, lifetime=HOUR)

    stored = await Account.get(username="old")
    assert "m=8192" not in stored.password_hash
    assert "m=65536" in stored.password_hash


async def test_create_account_checks_input(world: World) -> None:
    with pytest.raises(InvalidInput, match="at least 10 characters"):
        await accounts.create_account("admin", "short", Role.ADMINISTRATOR)
    with pytest.raises(InvalidInput, match="captain account needs a brigade"):
        await accounts.create_account("captain", PASSWORD, Role.CAPTAIN)
    await accounts.create_account("admin", PASSWORD, Role.ADMINISTRATOR)
    with pytest.raises(Duplicate):
        await accounts.create_account("admin", PASSWORD, Role.ADMINISTRATOR)


async def test_captain_actor_carries_brigade_path(world: World) -> None:
    account = await accounts.create_account(
        "captain", PASSWORD, Role.CAPTAIN, brigade_id=world.brigade.id
    )
    issued = accounts.issue_token(account, secret_key=SECRET, lifetime=HOUR)

    actor, claims = await accounts.authenticate_token(issued.token, secret_key=SECRET)

    assert actor.brigade_path == world.brigade.path
    assert actor.label == "CAPTAIN:captain"
    assert claims.token_id == issued.token_id


async def test_revoked_token_is_rejected_and_purged() -> None:
    account = await accounts.create_account("admin", PASSWORD, Role.ADMINISTRATOR)
    issued = accounts.issue_token(account, secret_key=SECRET, lifetime=HOUR)
    await accounts.revoke_token(
        issued.token_id, issued.expires_at, actor=SYSTEM, reason="test"
    )

    with pytest.raises(accounts.Unauthenticated, match="revoked"):
        await accounts.authenticate_token(issued.token, secret_key=SECRET)
    assert await accounts.purge_revoked_tokens(datetime.now(UTC)) == 0
    assert await accounts.purge_revoked_tokens(issued.expires_at + HOUR) == 1
    assert await RevokedToken.all().count() == 0


async def test_api_key_stored_as_sha256_of_secret(world: World) -> None:
    issued = await accounts.create_api_key(
        world.unit.id, alliance_ids=[world.alliance.id], region_codes=[], actor=SYSTEM
    )

    prefix, secret = issued.key.split(".")
    stored = await ApiKey.get(prefix=prefix)
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert len(secret) >= 43
    actor = await accounts.authenticate_api_key(issued.key)
    assert actor.partner_alliance_ids == frozenset({world.alliance.id})


async def test_api_key_needs_scope(world: World) -> None:
    with pytest.raises(InvalidInput, match="at least one alliance or region"):
        await accounts.create_api_key(
            world.unit.id, alliance_ids=[], region_codes=[], actor=SYSTEM
        )
