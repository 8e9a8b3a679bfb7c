"""Declared permissions on the workflow mutations, over HTTP."""

from __future__ import annotations

import httpx
import pytest
from strawberry.relay.utils import to_base64

from db.models.enums import Role
from db.models.org import Unit
from tests.api.security.conftest import (
    Accounts,
    World,
    bearer,
    issue_key,
    row_counts,
    sign_in,
)

CREATE_UNIT = """
mutation Create($region: ID!) {
  createUnit(input: {name: "慈溪市文明办", kind: PARTY_GOVERNMENT, regionId: $region}) {
    __typename
  }
}
"""


@pytest.mark.parametrize("caller", ["anonymous", "partner", "captain", "convener"])
async def test_create_unit_needs_administrator(
    client: httpx.AsyncClient, make_account: Accounts, world: World, caller: str
) -> None:
    headers: dict[str, str] = {}
    if caller == "partner":
        key = await issue_key(world, alliance_ids=[world.alliance.id], region_codes=[])
        headers = {"X-Api-Key": key}
    elif caller == "captain":
        await make_account("captain", Role.CAPTAIN, brigade_id=world.corps.id)
        headers = bearer(await sign_in(client, "captain"))
    elif caller == "convener":
        await make_account("convener", Role.CONVENER, alliance_id=world.alliance.id)
        headers = bearer(await sign_in(client, "convener"))
    units_before = await Unit.all().count()
    before = await row_counts()

    response = await client.post(
        "/graphql",
        json={
            "query": CREATE_UNIT,
            "variables": {"region": to_base64("Region", world.city.id)},
        },
        headers=headers,
    )

    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    assert body["errors"][0]["message"] == "Only administrators may do this."
    assert await Unit.all().count() == units_before
    assert await row_counts() == before


async def test_administrator_creates_unit(
    client: httpx.AsyncClient, admin_token: str, world: World
) -> None:
    response = await client.post(
        "/graphql",
        json={
            "query": CREATE_UNIT,
            "variables": {"region": to_base64("Region", world.city.id)},
        },
        headers=bearer(admin_token),
    )

    assert response.json()["data"]["createUnit"]["__typename"] == "Unit"
    assert await Unit.filter(name="慈溪市文明办").exists()
