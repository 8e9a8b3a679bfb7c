"""Fixtures of the security suite: rows, accounts, tokens and strict servers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import httpx
import pytest

from db.models.access import Account, ApiKey, RevokedToken
from db.models.enums import Role
from db.models.geo import Region
from db.models.org import Alliance, Brigade, Platform, Unit
from db.models.outbox import AuditEntry
from db.models.people import Volunteer
from domain import accounts
from domain.actor import SYSTEM
from domain.identity import mask_id_number, mask_phone
from domain.pii import current_cipher
from settings import Settings

PASSWORD = "correct-horse-battery"
ID_NUMBER = "33028219900101123X"
PHONE = "13812345678"


@dataclass
class World:
    """Rows that most security tests need, with database ids."""

    city: Region
    town: Region
    unit: Unit
    other_unit: Unit
    alliance: Alliance
    other_alliance: Alliance
    corps: Brigade
    brigade: Brigade
    volunteer: Volunteer
    other_volunteer: Volunteer


async def make_volunteer(
    region: Region, number: str, name: str, id_number: str, phone: str
) -> Volunteer:
    cipher = current_cipher()
    return await Volunteer.create(
        number=number,
        name=name,
        sex="MALE",
        birth_date=date(1990, 1, 1),
        id_number_cipher=cipher.encrypt(id_number),
        id_number_hash=cipher.lookup_hash(id_number),
        id_number_masked=mask_id_number(id_number),
        phone_cipher=cipher.encrypt(phone),
        phone_hash=cipher.lookup_hash(phone),
        phone_masked=mask_phone(phone),
        region=region,
        political_status="MASSES",
        registered_on=date(2024, 3, 1),
    )


@pytest.fixture
async def world() -> World:
    city = await Region.create(code="330282", name="慈溪市", level="CITY", kind="市")
    town = await Region.create(
        code="330282001", name="浒山街道", level="TOWN", kind="街道", parent=city
    )
    unit = await Unit.create(
        name="慈溪市卫生健康局", kind="PARTY_GOVERNMENT", region=city
    )
    other_unit = await Unit.create(
        name="慈溪市教育局", kind="PARTY_GOVERNMENT", region=city
    )
    platform = await Platform.create(code="HEALTH", name="健康服务平台", origin="LOCAL")
    other_platform = await Platform.create(
        code="EDU", name="教育服务平台", origin="LOCAL"
    )
    alliance = await Alliance.create(name="健康联盟", platform=platform, convener=unit)
    other_alliance = await Alliance.create(
        name="教育联盟", platform=other_platform, convener=other_unit
    )
    corps = await Brigade.create(name="慈溪市志愿服务总队", level="CITY", region=city)
    corps.path = f"/{corps.id}/"
    await corps.save()
    brigade = await Brigade.create(
        name="浒山街道志愿服务大队", level="TOWN", region=town, parent=corps
    )
    brigade.path = f"{corps.path}{brigade.id}/"
    await brigade.save()
    volunteer = await make_volunteer(town, "V0001", "张三丰", ID_NUMBER, PHONE)
    other = await make_volunteer(
        town, "V0002", "李四", "330282198505051236", "13900001111"
    )
    return World(
        city,
        town,
        unit,
        other_unit,
        alliance,
        other_alliance,
        corps,
        brigade,
        volunteer,
        other,
    )


Accounts = Callable[..., Awaitable[Account]]


@pytest.fixture
def make_account() -> Accounts:
    async def make(username: str, role: Role, **scope: Any) -> Account:
        return await accounts.create_account(username, PASSWORD, role, **scope)

    return make


async def sign_in(client: httpx.AsyncClient, username: str) -> str:
    response = await client.post(
        "/graphql",
        json={
            "query": SIGN_IN,
            "variables": {"username": username, "password": PASSWORD},
        },
    )
    payload = response.json()["data"]["signIn"]
    assert payload["__typename"] == "SignInSuccess", payload
    return payload["token"]


SIGN_IN = """
mutation SignIn($username: String!, $password: String!) {
  signIn(input: {username: $username, password: $password}) {
    __typename
    ... on SignInSuccess { token tokenId expiresAt account { username role } }
    ... on AccessError { code message field }
  }
}
"""


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def admin_token(client: httpx.AsyncClient, make_account: Accounts) -> str:
    await make_account("admin", Role.ADMINISTRATOR)
    return await sign_in(client, "admin")


async def issue_key(world: World, **scope: Any) -> str:
    issued = await accounts.create_api_key(world.unit.id, actor=SYSTEM, **scope)
    return issued.key


async def row_counts() -> dict[str, int]:
    """Counts of the tables a rejected request must leave unchanged."""
    return {
        model.__name__: await model.all().count()
        for model in (Account, ApiKey, RevokedToken, AuditEntry, Volunteer)
    }


@pytest.fixture
def strict_settings(settings: Settings) -> Settings:
    return replace(
        settings,
        rate_limit_requests=3,
        # A long window keeps a test's few requests inside one window.
        rate_limit_window_seconds=3600,
        max_query_cost=50,
        production=True,
        secret_key="s" * 40,
        pii_key="p" * 40,
    )
