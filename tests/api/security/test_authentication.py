"""Sign-in, bearer tokens, API keys and WebSocket authentication."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws

from db.models.access import Account, ApiKey, RevokedToken
from db.models.enums import Role
from db.models.outbox import AuditEntry
from domain.accounts import issue_token
from settings import Settings
from tests.api.security.conftest import (
    PASSWORD,
    SIGN_IN,
    Accounts,
    World,
    bearer,
    issue_key,
    row_counts,
    sign_in,
)

VIEWER = "query { viewer { label role isPartner volunteerId allianceIds regionCodes } }"
SIGN_OUT = """
mutation { signOut { __typename ... on SignOutSuccess { tokenId } } }
"""
REVOKE_TOKEN = """
mutation Revoke($tokenId: String!) {
  revokeToken(input: {tokenId: $tokenId}) {
    __typename ... on RevokeTokenSuccess { tokenId }
  }
}
"""
CREATE_KEY = """
mutation Create($unit: ID!, $alliances: [ID!]!, $regions: [String!]!) {
  createApiKey(input: {unitId: $unit, allianceIds: $alliances, regionCodes: $regions}) {
    __typename
    ... on CreateApiKeySuccess { key apiKey { prefix allianceIds regionCodes } }
    ... on AccessError { code message field }
  }
}
"""
REVOKE_KEY = """
mutation Revoke($prefix: String!) {
  revokeApiKey(input: {prefix: $prefix}) {
    __typename
    ... on RevokeApiKeySuccess { apiKey { prefix revokedAt } }
    ... on AccessError { code message }
  }
}
"""


async def viewer(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
    return await client.post("/graphql", json={"query": VIEWER}, headers=headers)


async def test_sign_in_returns_token_with_claims(
    client: httpx.AsyncClient, make_account: Accounts, settings: Settings, world: World
) -> None:
    account = await make_account(
        "volunteer1", Role.VOLUNTEER, volunteer_id=world.volunteer.id
    )

    token = await sign_in(client, "volunteer1")

    claims = jwt.decode(token, settings.secret_key, algorithms=["HS256"])
    assert claims["sub"] == str(account.id)
    assert claims["role"] == "VOLUNTEER"
    assert len(claims["jti"]) == 32
    assert claims["exp"] - claims["iat"] == settings.access_token_minutes * 60
    response = await viewer(client, bearer(token))
    assert response.json()["data"]["viewer"] == {
        "label": "VOLUNTEER:volunteer1",
        "role": "VOLUNTEER",
        "isPartner": False,
        "volunteerId": world.volunteer.id,
        "allianceIds": [],
        "regionCodes": [],
    }


@pytest.mark.parametrize(
    ("username", "password"),
    [("admin", "wrong-password-123"), ("nobody", PASSWORD)],
)
async def test_sign_in_rejects_bad_credentials(
    client: httpx.AsyncClient, make_account: Accounts, username: str, password: str
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)

    response = await client.post(
        "/graphql",
        json={
            "query": SIGN_IN,
            "variables": {"username": username, "password": password},
        },
    )

    assert response.status_code == 200
    assert response.json()["data"]["signIn"] == {
        "__typename": "AccessError",
        "code": "INVALID_CREDENTIALS",
        "message": "username or password is wrong",
        "field": None,
    }


async def test_sign_in_rejects_deactivated_account(
    client: httpx.AsyncClient, make_account: Accounts
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    await Account.filter(username="admin").update(is_active=False)

    response = await client.post(
        "/graphql",
        json={
            "query": SIGN_IN,
            "variables": {"username": "admin", "password": PASSWORD},
        },
    )

    assert response.json()["data"]["signIn"]["code"] == "INVALID_CREDENTIALS"


async def test_anonymous_viewer(client: httpx.AsyncClient) -> None:
    response = await viewer(client, {})

    assert response.json()["data"]["viewer"]["label"] == "ANONYMOUS"
    assert response.json()["data"]["viewer"]["role"] is None


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"Authorization": "Bearer not-a-jwt"}, "token is invalid: sign in again"),
        (
            {"Authorization": "Basic YWRtaW46cGFzcw=="},
            "Authorization must be 'Bearer <token>'",
        ),
        ({"X-Api-Key": "nodot"}, "API key is malformed: expected <prefix>.<secret>"),
        ({"X-Api-Key": "abcd1234.wrong"}, "API key is invalid"),
    ],
)
async def test_bad_credentials_get_401(
    client: httpx.AsyncClient, headers: dict[str, str], message: str
) -> None:
    response = await viewer(client, headers)

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    error = response.json()["errors"][0]
    assert error["message"] == message
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_token_signed_with_other_key_gets_401(
    client: httpx.AsyncClient, make_account: Accounts
) -> None:
    account = await make_account("admin", Role.ADMINISTRATOR)
    forged = issue_token(account, secret_key="x" * 40, lifetime=timedelta(hours=1))

    response = await viewer(client, bearer(forged.token))

    assert response.status_code == 401


async def test_token_with_none_algorithm_gets_401(
    client: httpx.AsyncClient, make_account: Accounts
) -> None:
    account = await make_account("admin", Role.ADMINISTRATOR)
    now = datetime.now(UTC)
    claims = {
        "sub": str(account.id),
        "role": "ADMINISTRATOR",
        "jti": "a" * 32,
        "iat": now,
        "exp": now + timedelta(hours=1),
    }
    unsigned = jwt.encode(claims, None, algorithm="none")

    response = await viewer(client, bearer(unsigned))

    assert response.status_code == 401


async def test_expired_token_gets_401(
    client: httpx.AsyncClient, make_account: Accounts, settings: Settings
) -> None:
    account = await make_account("admin", Role.ADMINISTRATOR)
    expired = issue_token(
        account,
        secret_key=settings.secret_key,
        lifetime=timedelta(minutes=5),
        now=datetime.now(UTC) - timedelta(hours=1),
    )

    response = await viewer(client, bearer(expired.token))

    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "token has expired: sign in again"


async def test_sign_out_revokes_token(
    client: httpx.AsyncClient, make_account: Accounts
) -> None:
    await make_account("admin", Role.ADMINISTRATOR)
    token = await sign_in(client, "admin")

    response = await client.post(
        "/graphql", json={"query": SIGN_OUT}, headers=bearer(token)
    )

    assert response.json()["data"]["signOut"]["__typename"] == "SignOutSuccess"
    assert await RevokedToken.all().count() == 1
    after = await viewer(client, bearer(token))
    assert after.status_code == 401
    assert (
        after.json()["errors"][0]["message"] == "token has been revoked: sign in again"
    )


async def test_sign_out_needs_account(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": SIGN_OUT})

    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await RevokedToken.all().count() == 0


async def test_administrator_revokes_other_token(
    client: httpx.AsyncClient,
    admin_token: str,
    make_account: Accounts,
    settings: Settings,
) -> None:
    await make_account("other", Role.ADMINISTRATOR)
    other = await sign_in(client, "other")
    token_id = jwt.decode(other, settings.secret_key, algorithms=["HS256"])["jti"]

    response = await client.post(
        "/graphql",
        json={"query": REVOKE_TOKEN, "variables": {"tokenId": token_id}},
        headers=bearer(admin_token),
    )

    assert response.json()["data"]["revokeToken"] == {
        "__typename": "RevokeTokenSuccess",
        "tokenId": token_id,
    }
    assert (await viewer(client, bearer(other))).status_code == 401
    audit = await AuditEntry.get(action="REVOKE_TOKEN")
    assert audit.actor == "ADMINISTRATOR:admin"


async def test_volunteer_cannot_revoke_token(
    client: httpx.AsyncClient,
    make_account: Accounts,
    world: World,
    admin_token: str,
    settings: Settings,
) -> None:
    await make_account("volunteer1", Role.VOLUNTEER, volunteer_id=world.volunteer.id)
    token = await sign_in(client, "volunteer1")
    admin_jti = jwt.decode(admin_token, settings.secret_key, algorithms=["HS256"])[
        "jti"
    ]
    before = await row_counts()

    response = await client.post(
        "/graphql",
        json={"query": REVOKE_TOKEN, "variables": {"tokenId": admin_jti}},
        headers=bearer(token),
    )

    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["message"] == "Only administrators may do this."
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await row_counts() == before


async def test_deactivated_account_token_gets_401(
    client: httpx.AsyncClient, admin_token: str
) -> None:
    await Account.filter(username="admin").update(is_active=False)

    response = await viewer(client, bearer(admin_token))

    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == (
        "account is deactivated or no longer exists"
    )


async def test_role_change_applies_to_existing_token(
    client: httpx.AsyncClient, admin_token: str, world: World
) -> None:
    await Account.filter(username="admin").update(
        role=Role.VOLUNTEER, volunteer_id=world.volunteer.id
    )

    response = await viewer(client, bearer(admin_token))

    assert response.json()["data"]["viewer"]["role"] == "VOLUNTEER"


async def test_administrator_creates_and_revokes_api_key(
    client: httpx.AsyncClient, admin_token: str, world: World
) -> None:
    variables = {
        "unit": _global_id("Unit", world.unit.id),
        "alliances": [_global_id("Alliance", world.alliance.id)],
        "regions": ["330282001"],
    }

    created = await client.post(
        "/graphql",
        json={"query": CREATE_KEY, "variables": variables},
        headers=bearer(admin_token),
    )

    payload = created.json()["data"]["createApiKey"]
    assert payload["__typename"] == "CreateApiKeySuccess"
    key = payload["key"]
    prefix, secret = key.split(".")
    assert payload["apiKey"] == {
        "prefix": prefix,
        "allianceIds": [world.alliance.id],
        "regionCodes": ["330282001"],
    }
    stored = await ApiKey.get(prefix=prefix)
    assert secret not in stored.key_hash
    assert len(stored.key_hash) == 64
    partner = await viewer(client, {"X-Api-Key": key})
    assert partner.json()["data"]["viewer"] == {
        "label": f"PARTNER:{prefix}",
        "role": None,
        "isPartner": True,
        "volunteerId": None,
        "allianceIds": [world.alliance.id],
        "regionCodes": ["330282001"],
    }

    revoked = await client.post(
        "/graphql",
        json={"query": REVOKE_KEY, "variables": {"prefix": prefix}},
        headers=bearer(admin_token),
    )

    assert revoked.json()["data"]["revokeApiKey"]["__typename"] == "RevokeApiKeySuccess"
    after = await viewer(client, {"X-Api-Key": key})
    assert after.status_code == 401
    assert after.json()["errors"][0]["message"] == "API key has been revoked"


async def test_create_api_key_rejects_unknown_alliance(
    client: httpx.AsyncClient, admin_token: str, world: World
) -> None:
    variables = {
        "unit": _global_id("Unit", world.unit.id),
        "alliances": [_global_id("Alliance", 999)],
        "regions": [],
    }

    response = await client.post(
        "/graphql",
        json={"query": CREATE_KEY, "variables": variables},
        headers=bearer(admin_token),
    )

    assert response.json()["data"]["createApiKey"] == {
        "__typename": "AccessError",
        "code": "NOT_FOUND",
        "message": "one of the alliances does not exist",
        "field": "allianceIds",
    }
    assert await ApiKey.all().count() == 0


@pytest.mark.parametrize("role", ["anonymous", "partner", "convener"])
async def test_only_administrators_create_api_keys(
    client: httpx.AsyncClient, make_account: Accounts, world: World, role: str
) -> None:
    headers: dict[str, str] = {}
    if role == "partner":
        headers = {
            "X-Api-Key": await issue_key(
                world, alliance_ids=[world.alliance.id], region_codes=[]
            )
        }
    elif role == "convener":
        await make_account("convener", Role.CONVENER, alliance_id=world.alliance.id)
        headers = bearer(await sign_in(client, "convener"))
    before = await row_counts()
    variables = {
        "unit": _global_id("Unit", world.unit.id),
        "alliances": [],
        "regions": ["330282"],
    }

    response = await client.post(
        "/graphql", json={"query": CREATE_KEY, "variables": variables}, headers=headers
    )

    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await row_counts() == before


def _global_id(type_name: str, database_id: int) -> str:
    from strawberry.relay.utils import to_base64

    return to_base64(type_name, database_id)


async def _ws_result(
    server_url: str, init_payload: dict[str, object]
) -> dict[str, object]:
    """Open a graphql-transport-ws socket, run the viewer query, return the reply."""
    url = server_url.replace("http", "ws") + "/graphql"
    async with aconnect_ws(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send_text(
            json.dumps({"type": "connection_init", "payload": init_payload})
        )
        ack = json.loads(await ws.receive_text())
        assert ack["type"] == "connection_ack"
        await ws.send_text(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": VIEWER}})
        )
        return json.loads(await ws.receive_text())


async def test_websocket_authenticates_from_init_payload(
    server_url: str, admin_token: str
) -> None:
    reply = await _ws_result(server_url, {"authorization": f"Bearer {admin_token}"})

    assert reply["type"] == "next"
    assert reply["payload"]["data"]["viewer"]["label"] == "ADMINISTRATOR:admin"


async def test_websocket_with_api_key(server_url: str, world: World) -> None:
    key = await issue_key(world, alliance_ids=[], region_codes=["330282"])

    reply = await _ws_result(server_url, {"apiKey": key})

    assert reply["payload"]["data"]["viewer"]["regionCodes"] == ["330282"]


async def test_websocket_without_credentials_is_anonymous(server_url: str) -> None:
    reply = await _ws_result(server_url, {})

    assert reply["payload"]["data"]["viewer"]["label"] == "ANONYMOUS"


@pytest.mark.parametrize(
    "payload",
    [
        {"authorization": "Bearer not-a-jwt"},
        {"authorization": 42},
        {"apiKey": "abcd1234.wrong"},
    ],
)
async def test_websocket_with_bad_credentials_is_closed(
    server_url: str, payload: dict[str, object]
) -> None:
    url = server_url.replace("http", "ws") + "/graphql"
    async with aconnect_ws(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send_text(json.dumps({"type": "connection_init", "payload": payload}))
        with pytest.raises(WebSocketDisconnect) as closed:
            await ws.receive_text()

    assert closed.value.code == 4403
    assert closed.value.reason == "Forbidden"


async def test_websocket_subscribe_before_init_is_closed(server_url: str) -> None:
    url = server_url.replace("http", "ws") + "/graphql"
    async with aconnect_ws(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send_text(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": VIEWER}})
        )
        with pytest.raises(WebSocketDisconnect) as closed:
            await ws.receive_text()

    assert closed.value.code == 4401
