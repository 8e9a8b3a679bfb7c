"""Command line for accounts and partner keys (python -m api.admin --help).

    create-admin --username U [--password-stdin]
    create-account --username U --role ROLE [--volunteer ID] [--brigade ID]
                   [--alliance ID] [--password-stdin]
    issue-key --unit "<unit name>" [--alliance ID ...] [--region CODE ...]
    revoke-key PREFIX

Passwords are read from a prompt, or from the first line of standard input
with --password-stdin. They are never taken from an argument, because an
argument shows in the process list and the shell history.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Callable, Sequence

from strawberry.relay import GlobalID
from strawberry.relay.types import GlobalIDValueError
from tortoise import Tortoise

from db.config import tortoise_config
from db.models.enums import Role
from db.models.org import Unit
from domain import accounts
from domain.actor import SYSTEM
from domain.errors import DomainError
from settings import load_settings


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != password:
        raise SystemExit("error: the passwords differ")
    return password


async def _create_account(arguments: argparse.Namespace, role: Role) -> str:
    account = await accounts.create_account(
        arguments.username,
        _read_password(arguments.password_stdin),
        role,
        volunteer_id=getattr(arguments, "volunteer", None),
        brigade_id=getattr(arguments, "brigade", None),
        alliance_id=getattr(arguments, "alliance", None),
    )
    return f"created {account.role} account {account.username!r} (id {account.id})"


async def _issue_key(arguments: argparse.Namespace) -> str:
    unit = await Unit.get_or_none(name=arguments.unit)
    if unit is None:
        raise DomainError(f"no unit is named {arguments.unit!r}", field="unit")
    issued = await accounts.create_api_key(
        unit.id,
        alliance_ids=arguments.alliance or [],
        region_codes=arguments.region or [],
        actor=SYSTEM,
    )
    return (
        f"API key for {unit.name} (prefix {issued.api_key.prefix}); "
        "it is shown only now, store it:\n" + issued.key
    )


async def _revoke_key(arguments: argparse.Namespace) -> str:
    api_key = await accounts.revoke_api_key(arguments.prefix, actor=SYSTEM)
    return (
        f"revoked API key {api_key.prefix} at {api_key.revoked_at:%Y-%m-%d %H:%M} UTC"
    )


async def _run(arguments: argparse.Namespace) -> str:
    await Tortoise.init(config=tortoise_config(load_settings().database_url))
    try:
        if arguments.command == "create-admin":
            return await _create_account(arguments, Role.ADMINISTRATOR)
        if arguments.command == "create-account":
            return await _create_account(arguments, Role(arguments.role))
        if arguments.command == "issue-key":
            return await _issue_key(arguments)
        return await _revoke_key(arguments)
    finally:
        await Tortoise.close_connections()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m api.admin", description="Manage accounts and partner API keys."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    admin = commands.add_parser("create-admin", help="create an administrator account")
    account = commands.add_parser(
        "create-account", help="create a volunteer, captain or convener account"
    )
    for command in (admin, account):
        command.add_argument("--username", required=True, help="name to sign in with")
        command.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from the first line of standard input",
        )
    account.add_argument(
        "--role", required=True, choices=["VOLUNTEER", "CAPTAIN", "CONVENER"]
    )
    account.add_argument(
        "--volunteer",
        type=_id_of("Volunteer"),
        help="the account's volunteer: database id or global ID",
    )
    account.add_argument(
        "--brigade",
        type=_id_of("Brigade"),
        help="captain's brigade, the subtree they manage: database id or global ID",
    )
    account.add_argument(
        "--alliance",
        type=_id_of("Alliance"),
        help="convener's alliance: database id or global ID",
    )

    key = commands.add_parser("issue-key", help="issue an API key to a partner unit")
    key.add_argument("--unit", required=True, help="exact name of the partner unit")
    key.add_argument(
        "--alliance",
        type=_id_of("Alliance"),
        action="append",
        help="alliance in scope, database id or global ID (repeatable); "
        "give at least one --alliance or --region",
    )
    key.add_argument(
        "--region", action="append", help="region code in scope (repeatable)"
    )

    revoke = commands.add_parser("revoke-key", help="revoke a partner API key")
    revoke.add_argument("prefix", help="the key's prefix, before the dot")
    return parser


def _id_of(type_name: str) -> Callable[[str], int]:
    """Build an argparse type that takes a database id or a global ID of one type."""

    def parse(value: str) -> int:
        if value.isascii() and value.isdigit():
            return int(value)
        try:
            global_id = GlobalID.from_id(value)
        except GlobalIDValueError:
            global_id = None
        if global_id is None or global_id.type_name != type_name:
            raise argparse.ArgumentTypeError(
                f"{value!r} is neither a database id nor a {type_name} global ID"
            )
        node_id = global_id.node_id
        if not (node_id.isascii() and node_id.isdigit()):
            raise argparse.ArgumentTypeError(f"{value!r} names no {type_name} row")
        return int(node_id)

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        message = asyncio.run(_run(arguments))
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)  # noqa: T201
        return 1
    print(message)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
