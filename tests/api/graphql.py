"""Send GraphQL documents to the live test server."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from strawberry.relay import to_base64

from db.models.enums import Role
from domain.accounts import create_account, issue_token
from settings import Settings


async def execute(
    client: httpx.AsyncClient,
    query: str,
    *,
    headers: dict[str, str] | None = None,
    **variables: Any,
) -> dict[str, Any]:
    """POST a document and return the JSON body, checking the HTTP status is 200."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def global_id(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


async def administrator_headers(settings: Settings) -> dict[str, str]:
    """Create an administrator account and return its bearer header."""
    account = await create_account("test-admin", "test-password-1", Role.ADMINISTRATOR)
    issued = issue_token(
        account, secret_key=settings.secret_key, lifetime=timedelta(hours=1)
    )
    return {"Authorization": f"Bearer {issued.token}"}
