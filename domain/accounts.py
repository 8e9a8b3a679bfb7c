"""Accounts, signed access tokens and partner API keys.

Passwords are hashed with Argon2id (argon2-cffi defaults) and rehashed on
sign-in when those parameters change. Access tokens are HS256 JWTs signed
with SECRET_KEY; each carries a `jti` so that it can be revoked before it
expires. Partner keys are shown once as `<prefix>.<secret>` and stored as the
SHA-256 of the secret: the secret is 256 random bits, so a fast hash cannot
be brute-forced, unlike a password, and lookup stays one indexed query.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.transactions import in_transaction

from db.models.access import Account, ApiKey, RevokedToken
from db.models.enums import Role
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Unit
from db.models.people import Volunteer
from domain.actor import Actor
from domain.errors import DomainError, Duplicate, InvalidInput, NotFound
from domain.outbox import record_audit

TOKEN_ALGORITHM = "HS256"
MIN_PASSWORD_LENGTH = 10
KEY_PREFIX_BYTES = 4
KEY_SECRET_BYTES = 32

_password_hasher = PasswordHasher()
# Verified against when the username is unknown, so that a failed sign-in
# takes as long for a missing account as for a wrong password.
_DUMMY_HASH = _password_hasher.hash("not-a-real-password")


class InvalidCredentials(DomainError):
    code = "INVALID_CREDENTIALS"


class Unauthenticated(DomainError):
    """A token or key that was sent but cannot be accepted."""

    code = "UNAUTHENTICATED"


@dataclass(frozen=True)
class IssuedToken:
    token: str
    token_id: str
    expires_at: datetime
    account: Account


@dataclass(frozen=True)
class TokenClaims:
    account_id: int
    role: Role
    token_id: str
    expires_at: datetime


@dataclass(frozen=True)
class IssuedKey:
    key: str
    api_key: ApiKey


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"password must have at least {MIN_PASSWORD_LENGTH} characters",
            field="password",
        )
    return _password_hasher.hash(password)


async def create_account(
    username: str,
    password: str,
    role: Role,
    *,
    volunteer_id: int | None = None,
    brigade_id: int | None = None,
    alliance_id: int | None = None,
) -> Account:
    """Create an account; captains need a brigade, conveners an alliance.

    A volunteer account names its volunteer; a captain's may too.
    """
    username = username.strip()
    if not 3 <= len(username) <= 64:
        raise InvalidInput("username must have 3 to 64 characters", field="username")
    if role is Role.VOLUNTEER and volunteer_id is None:
        raise InvalidInput("a volunteer account needs a volunteer", field="volunteer")
    if role is Role.CAPTAIN and brigade_id is None:
        raise InvalidInput("a captain account needs a brigade", field="brigade")
    if role is Role.CONVENER and alliance_id is None:
        raise InvalidInput("a convener account needs an alliance", field="alliance")
    for model, key, name in (
        (Volunteer, volunteer_id, "volunteer"),
        (Brigade, brigade_id, "brigade"),
        (Alliance, alliance_id, "alliance"),
    ):
        if key is not None and not await model.exists(id=key):
            raise NotFound(f"{name} {key} does not exist", field=name)
    if await Account.exists(username=username):
        raise Duplicate(f"username {username!r} is taken", field="username")
    return await Account.create(
        username=username,
        password_hash=hash_password(password),
        role=role,
        volunteer_id=volunteer_id,
        brigade_id=brigade_id if role is Role.CAPTAIN else None,
        alliance_id=alliance_id if role is Role.CONVENER else None,
    )


def _verify_password(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def sign_in(
    username: str, password: str, *, secret_key: str, lifetime: timedelta
) -> IssuedToken:
    """Check a username and password and issue an access token.

    The same error is raised for an unknown user, a wrong password and a
    deactivated account, so that the error does not reveal which it was.
    """
    account = await Account.get_or_none(username=username.strip())
    if account is None:
        _verify_password(_DUMMY_HASH, password)
        raise InvalidCredentials("username or password is wrong")
    if not _verify_password(account.password_hash, password) or not account.is_active:
        raise InvalidCredentials("username or password is wrong")
    if _password_hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _password_hasher.hash(password)
        await account.save(update_fields=["password_hash"])
    return issue_token(account, secret_key=secret_key, lifetime=lifetime)


def issue_token(
    account: Account,
    *,
    secret_key: str,
    lifetime: timedelta,
    now: datetime | None = None,
) -> IssuedToken:
    issued_at = (now or datetime.now(UTC)).replace(microsecond=0)
    expires_at = issued_at + lifetime
    token_id = uuid.uuid4().hex
    claims = {
        "sub": str(account.id),
        "role": str(account.role),
        "jti": token_id,
        "iat": issued_at,
        "exp": expires_at,
    }
    token = jwt.encode(claims, secret_key, algorithm=TOKEN_ALGORITHM)
    return IssuedToken(
        token=token, token_id=token_id, expires_at=expires_at, account=account
    )


def decode_token(token: str, *, secret_key: str) -> TokenClaims:
    """Verify the signature and expiry of a token and return its claims."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret_key,
            algorithms=[TOKEN_ALGORITHM],
            options={"require": ["exp", "iat", "jti", "sub", "role"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("token has expired: sign in again") from None
    except jwt.InvalidTokenError:
        raise Unauthenticated("token is invalid: sign in again") from None
    try:
        return TokenClaims(
            account_id=int(claims["sub"]),
            role=Role(claims["role"]),
            token_id=str(claims["jti"]),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
        )
    except (TypeError, ValueError):
        raise Unauthenticated("token is invalid: sign in again") from None


async def actor_for_account(account: Account, *, client_address: str = "") -> Actor:
    brigade_path = None
    if account.role is Role.CAPTAIN and account.brigade_id is not None:
        brigade = await Brigade.get_or_none(id=account.brigade_id).only("id", "path")
        brigade_path = brigade.path if brigade else None
    return Actor(
        label=f"{account.role}:{account.username}",
        role=Role(account.role),
        account_id=account.id,
        volunteer_id=account.volunteer_id,
        brigade_path=brigade_path,
        alliance_id=account.alliance_id if account.role is Role.CONVENER else None,
        client_address=client_address,
    )


async def authenticate_token(
    token: str, *, secret_key: str, client_address: str = ""
) -> tuple[Actor, TokenClaims]:
    """Return the actor of a valid token that is not revoked.

    The role and scope come from the account row, not from the token, so a
    changed role or a deactivation takes effect on the next request.
    """
    claims = decode_token(token, secret_key=secret_key)
    if await RevokedToken.exists(jti=claims.token_id):
        raise Unauthenticated("token has been revoked: sign in again")
    account = await Account.get_or_none(id=claims.account_id)
    if account is None or not account.is_active:
        raise Unauthenticated("account is deactivated or no longer exists")
    actor = await actor_for_account(account, client_address=client_address)
    return actor, claims


async def revoke_token(
    token_id: str, expires_at: datetime, *, actor: Actor, reason: str
) -> None:
    """Revoke a token by its `jti`; revoking it twice is harmless."""
    async with in_transaction() as connection:
        if not await RevokedToken.filter(jti=token_id).using_db(connection).exists():
            await RevokedToken.create(
                jti=token_id, expires_at=expires_at, using_db=connection
            )
            await record_audit(
                connection,
                actor,
                action="REVOKE_TOKEN",
                target=f"token:{token_id}",
                detail={"reason": reason},
            )


async def purge_revoked_tokens(now: datetime | None = None) -> int:
    """Delete revocations of tokens that have expired anyway."""
    return await RevokedToken.filter(expires_at__lt=now or datetime.now(UTC)).delete()


def _hash_key_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_api_key(
    unit_id: int,
    *,
    alliance_ids: list[int],
    region_codes: list[str],
    actor: Actor,
) -> IssuedKey:
    """Issue a partner key; the returned text is the only copy of the secret."""
    if not alliance_ids and not region_codes:
        raise InvalidInput(
            "a key needs at least one alliance or region to scope it", field="scope"
        )
    if not await Unit.exists(id=unit_id):
        raise NotFound(f"unit {unit_id} does not exist", field="unit")
    alliance_ids = sorted(set(alliance_ids))
    region_codes = sorted(set(region_codes))
    found = await Alliance.filter(id__in=alliance_ids).count()
    if found != len(alliance_ids):
        raise NotFound("one of the alliances does not exist", field="allianceIds")
    found = await Region.filter(code__in=region_codes).count()
    if found != len(region_codes):
        raise NotFound("one of the region codes does not exist", field="regionCodes")
    prefix = secrets.token_hex(KEY_PREFIX_BYTES)
    secret = secrets.token_urlsafe(KEY_SECRET_BYTES)
    async with in_transaction() as connection:
        api_key = await ApiKey.create(
            unit_id=unit_id,
            prefix=prefix,
            key_hash=_hash_key_secret(secret),
            alliance_ids=alliance_ids,
            region_codes=region_codes,
            using_db=connection,
        )
        await record_audit(
            connection,
            actor,
            action="CREATE_API_KEY",
            target=f"api_key:{prefix}",
            detail={"unit": unit_id},
        )
    return IssuedKey(key=f"{prefix}.{secret}", api_key=api_key)


async def revoke_api_key(prefix: str, *, actor: Actor) -> ApiKey:
    async with in_transaction() as connection:
        api_key = await ApiKey.get_or_none(prefix=prefix).using_db(connection)
        if api_key is None:
            raise NotFound(f"no API key has the prefix {prefix!r}", field="prefix")
        if api_key.revoked_at is None:
            api_key.revoked_at = datetime.now(UTC)
            await api_key.save(update_fields=["revoked_at"], using_db=connection)
            await record_audit(
                connection,
                actor,
                action="REVOKE_API_KEY",
                target=f"api_key:{prefix}",
            )
    return api_key


def actor_for_api_key(api_key: ApiKey, *, client_address: str = "") -> Actor:
    return Actor(
        label=f"PARTNER:{api_key.prefix}",
        partner_unit_id=api_key.unit_id,
        partner_alliance_ids=frozenset(int(item) for item in api_key.alliance_ids),
        partner_region_codes=frozenset(str(item) for item in api_key.region_codes),
        client_address=client_address,
    )


async def authenticate_api_key(key: str, *, client_address: str = "") -> Actor:
    prefix, _, secret = key.strip().partition(".")
    if not prefix or not secret:
        raise Unauthenticated("API key is malformed: expected <prefix>.<secret>")
    api_key = await ApiKey.get_or_none(prefix=prefix)
    if api_key is None or not hmac.compare_digest(
        api_key.key_hash, _hash_key_secret(secret)
    ):
        raise Unauthenticated("API key is invalid")
    if api_key.revoked_at is not None:
        raise Unauthenticated("API key has been revoked")
    return actor_for_api_key(api_key, client_address=client_address)
