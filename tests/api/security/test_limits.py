"""Abuse limits: depth, aliases, tokens, cost, body size, introspection."""

from __future__ import annotations

import httpx

from api.app import create_app
from settings import Settings
from tests.servers import serve

DEEP = (
    "{ regions { edges { node { parent { parent { parent { parent { parent "
    "{ parent { parent { parent { code } } } } } } } } } } } }"
)
ALIASES = "{ " + " ".join(f"a{index}: viewer {{ label }}" for index in range(16)) + " }"
HIDDEN_ALIASES = (
    """
query { ...More }
fragment More on Query { """
    + " ".join(f"b{index}: viewer {{ label }}" for index in range(16))
    + " }"
)
CIRCULAR = """
query { ...A }
fragment A on Query { viewer { label } ...B }
fragment B on Query { ...A }
"""
COSTLY = """
{ regions(first: 100) { edges { node {
  children { code children { code children { code } } }
} } } }
"""
CHEAP = "{ regions(first: 2) { edges { node { code } } } }"
VARIABLE_PAGE = "query Page($n: Int) { regions(first: $n) { edges { node { code } } } }"


def deep_introspection(levels: int) -> str:
    """An introspection query `levels` fields deep, counting `__schema`."""
    inner = "name"
    for _ in range(levels - 5):
        inner = f"ofType {{ {inner} }}"
    return f"{{ __schema {{ types {{ fields {{ type {{ {inner} }} }} }} }} }}"


TYPO = "{ viewr { label } }"
TYPO_ARGUMENT = "{ regions(frist: 2) { totalCount } }"


async def post(
    client: httpx.AsyncClient, query: str, **extra: object
) -> httpx.Response:
    return await client.post("/graphql", json={"query": query, **extra})


async def test_depth_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    response = await post(client, DEEP)

    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        f"'anonymous' exceeds maximum operation depth of {settings.max_query_depth}"
    )


async def test_alias_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    response = await post(client, ALIASES)

    assert response.json()["errors"][0]["message"] == (
        f"16 aliases found. Allowed: {settings.max_aliases}"
    )


async def test_aliases_hidden_in_fragment_count(client: httpx.AsyncClient) -> None:
    response = await post(client, HIDDEN_ALIASES)

    assert response.json()["errors"][0]["message"] == "16 aliases found. Allowed: 15"


async def test_circular_fragments_rejected(client: httpx.AsyncClient) -> None:
    response = await post(client, CIRCULAR)

    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    messages = [error["message"] for error in body["errors"]]
    assert "Cannot spread fragment 'A' within itself via 'B'." in messages


async def test_token_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    query = "{ " + "viewer { label } " * 600 + "}"

    response = await post(client, query)

    assert response.status_code == 200
    message = response.json()["errors"][0]["message"]
    assert message == (
        f"Syntax Error: Document contains more than {settings.max_tokens} tokens. "
        "Parsing aborted."
    )


async def test_cost_reported_in_extensions(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    response = await post(client, CHEAP)

    # regions: 1 + 2 * (edges: 1 + node: 1 + code: 1)
    assert response.json()["extensions"]["cost"] == {
        "requested": 7,
        "limit": settings.max_query_cost,
    }


async def test_cost_reads_page_size_from_variables(client: httpx.AsyncClient) -> None:
    response = await post(client, VARIABLE_PAGE, variables={"n": 5})

    assert response.json()["extensions"]["cost"]["requested"] == 16


async def test_cost_limit_rejects_nested_pages(strict_settings: Settings) -> None:
    async with serve(strict_settings) as strict:
        response = await post(strict, COSTLY)

    body = response.json()
    # regions 1 + 100 * (edges 1 + (node 1 + (children 1 + code 1 + (children
    # 1 + code 1 + (children 1 + code 1))))) = 801
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert body["errors"][0]["message"].startswith("operation cost 801 is more than")
    assert body["extensions"]["cost"] == {"requested": 801, "limit": 50}


async def test_body_size_limit(client: httpx.AsyncClient, settings: Settings) -> None:
    padding = " " * settings.max_body_bytes
    response = await client.post(
        "/graphql",
        content=('{"query": "{ viewer { label } }' + padding + '"}').encode(),
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 413
    assert response.json()["errors"][0]["message"] == (
        f"request body is larger than the limit of {settings.max_body_bytes} bytes"
    )


async def test_deep_introspection_rejected(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    levels = settings.max_introspection_depth + 1

    response = await post(client, deep_introspection(levels))

    assert response.json()["errors"][0]["message"] == (
        f"introspection is {levels} levels deep, more than the limit of "
        f"{settings.max_introspection_depth}"
    )


async def test_standard_introspection_allowed(client: httpx.AsyncClient) -> None:
    from graphql import get_introspection_query

    response = await post(client, get_introspection_query(descriptions=True))

    assert "errors" not in response.json()
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_no_field_suggestions(client: httpx.AsyncClient) -> None:
    for query in (TYPO, TYPO_ARGUMENT):
        response = await post(client, query)

        message = response.json()["errors"][0]["message"]
        assert "Did you mean" not in message
        assert message.startswith(
            ("Cannot query field 'viewr'", "Unknown argument 'frist'")
        )


async def test_production_disables_introspection_and_graphiql(
    strict_settings: Settings,
) -> None:
    async with serve(strict_settings) as strict:
        introspection = await post(strict, "{ __schema { queryType { name } } }")
        ide = await strict.get("/graphql", headers={"accept": "text/html"})

    assert introspection.json()["errors"][0]["message"] == (
        "GraphQL introspection has been disabled, but the requested query "
        "contained the field '__schema'."
    )
    assert ide.status_code == 404


def test_production_refuses_default_secrets(settings: Settings) -> None:
    from dataclasses import replace

    import pytest

    for bad in (
        replace(settings, production=True, pii_key=""),
        replace(settings, production=True, pii_key="p" * 40),
        replace(settings, production=True, pii_key="p" * 40, secret_key="short"),
        replace(settings, production=True, pii_key="x", secret_key="s" * 40),
        replace(
            settings,
            production=True,
            pii_key="embedded-default-pii-key-not-for-production",
            secret_key="s" * 40,
        ),
    ):
        with pytest.raises(RuntimeError):
            create_app(bad, manage_database=False)
    create_app(
        replace(settings, production=True, pii_key="p" * 40, secret_key="s" * 40),
        manage_database=False,
    )
