"""Send GraphQL documents to the live test server."""

from __future__ import annotations

from typing import Any

import httpx
from strawberry.relay import to_base64


async def execute(
    client: httpx.AsyncClient, query: str, **variables: Any
) -> dict[str, Any]:
    """POST a document and return the JSON body, checking the HTTP status is 200."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}
    )
    assert response.status_code == 200, response.text
    return response.json()


def global_id(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)
