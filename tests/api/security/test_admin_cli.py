"""The admin command line, run as a separate process on the test database."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import timedelta

from strawberry.relay import to_base64

from db.models.access import Account, ApiKey
from domain import accounts
from tests.api.security.conftest import PASSWORD, World


async def run_admin(
    database_url: str, *arguments: str, stdin: str = ""
) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "api.admin",
        *arguments,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "DATABASE_URL": database_url},
    )
    out, err = await process.communicate(stdin.encode())
    return process.returncode or 0, out.decode(), err.decode()


async def test_create_admin_reads_password_from_stdin(database_url: str) -> None:
    code, out, _ = await run_admin(
        database_url,
        "create-admin",
        "--username",
        "root",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )

    assert code == 0
    assert out.startswith("created ADMINISTRATOR account 'root'")
    account = await Account.get(username="root")
    assert account.role == "ADMINISTRATOR"
    issued = await accounts.sign_in(
        "root", PASSWORD, secret_key="k" * 40, lifetime=timedelta(hours=1)
    )
    assert issued.account.id == account.id


async def test_issue_and_revoke_key(database_url: str, world: World) -> None:
    code, out, _ = await run_admin(
        database_url,
        "issue-key",
        "--unit",
        world.unit.name,
        "--alliance",
        str(world.alliance.id),
        "--region",
        "330282001",
    )

    assert code == 0
    key = out.strip().splitlines()[-1]
    prefix = key.split(".")[0]
    stored = await ApiKey.get(prefix=prefix)
    assert stored.alliance_ids == [world.alliance.id]
    assert stored.region_codes == ["330282001"]

    code, out, _ = await run_admin(database_url, "revoke-key", prefix)

    assert code == 0
    assert out.startswith(f"revoked API key {prefix}")
    assert (await ApiKey.get(prefix=prefix)).revoked_at is not None


async def test_create_captain_needs_brigade(database_url: str) -> None:
    code, _, err = await run_admin(
        database_url,
        "create-account",
        "--username",
        "cap",
        "--role",
        "CAPTAIN",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )

    assert code == 1
    assert err.strip() == "error: a captain account needs a brigade"
    assert await Account.all().count() == 0


async def test_create_captain_with_global_id(database_url: str, world: World) -> None:
    brigade_id = to_base64("Brigade", world.brigade.id)

    code, _, _ = await run_admin(
        database_url,
        "create-account",
        "--username",
        "cap",
        "--role",
        "CAPTAIN",
        "--brigade",
        brigade_id,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )

    assert code == 0
    assert (await Account.get(username="cap")).brigade_id == world.brigade.id


async def test_global_id_of_other_type_rejected(database_url: str) -> None:
    code, _, err = await run_admin(
        database_url,
        "create-account",
        "--username",
        "cap",
        "--role",
        "CAPTAIN",
        "--brigade",
        to_base64("Volunteer", 1),
    )

    assert code == 2
    assert "is neither a database id nor a Brigade global ID" in err
    assert await Account.all().count() == 0
