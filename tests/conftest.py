"""Shared fixtures: a migrated database, a live server and real clients.

TEST_DATABASE picks the backend: `sqlite` (default) or a PostgreSQL URL, in
which case a fresh database is created beside it and dropped afterwards.
The server runs in the test event loop, on a free loopback port, sharing the
Tortoise connections with the tests so that one log counts all SQL.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from tortoise import Tortoise, connections

from api.live.feed import in_feed_reader
from db.config import tortoise_config
from db.migrate import apply_migrations
from settings import Settings, load_settings
from tests.servers import running_server

SQL_VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


@contextlib.asynccontextmanager
async def _database_url(tmp: Path) -> AsyncIterator[str]:
    target = os.environ.get("TEST_DATABASE", "sqlite")
    if target == "sqlite":
        yield f"sqlite://{tmp / 'test.sqlite3'}"
        return
    name = f"pc_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(target)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    parts = urlsplit(target)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    admin = await asyncpg.connect(target)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    async with _database_url(tmp_path_factory.mktemp("db")) as url:
        await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url))
        yield url
        await Tortoise.close_connections()


@pytest.fixture(scope="session")
def is_postgres(database_url: str) -> bool:
    return database_url.startswith("postgres")


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    # The whole suite comes from one loopback address, so the per-client rate
    # limit is off here; tests/api/security starts servers that enforce it.
    # Tests change data between identical queries, so whole anonymous results
    # are not reused; tests/api/test_response_cache.py turns that on.
    return replace(
        load_settings(),
        database_url=database_url,
        debug=False,
        rate_limit_requests=0,
        response_cache_seconds=0,
    )


@pytest.fixture(scope="session")
async def server_url(settings: Settings) -> AsyncIterator[str]:
    async with running_server(settings) as url:
        yield url


@pytest.fixture
async def client(server_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server_url, timeout=30) as http:
        yield http


async def _clear_tables() -> None:
    connection = connections.get("default")
    tables = [
        model._meta.db_table for app in Tortoise.apps.values() for model in app.values()
    ]
    if connection.capabilities.dialect == "postgres":
        quoted = ", ".join(f'"{table}"' for table in tables)
        await connection.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        return
    statements = ["PRAGMA foreign_keys = OFF"]
    statements += [f'DELETE FROM "{table}"' for table in tables]
    statements += ["DELETE FROM sqlite_sequence", "PRAGMA foreign_keys = ON"]
    await connection.execute_script(";\n".join(statements))


@pytest.fixture(autouse=True)
async def clean_database(database_url: str) -> AsyncIterator[None]:
    """Start every test from empty tables, with ids counting from 1."""
    await _clear_tables()
    yield


class QueryLog(logging.Handler):
    """Collect the SQL statements Tortoise sends inside `recording()`.

    Reads of the live event feed's background reader are left out: they
    happen at any time, for instance right after a mutation, and belong to
    no request.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []
        self._recording = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self._recording or in_feed_reader.get():
            return
        message = record.getMessage().lstrip()
        if message.upper().startswith(SQL_VERBS):
            self.statements.append(message)

    @contextlib.contextmanager
    def recording(self) -> Iterator[QueryLog]:
        self.statements.clear()
        self._recording = True
        try:
            yield self
        finally:
            self._recording = False

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def query_log() -> Iterator[QueryLog]:
    logger = logging.getLogger("tortoise.db_client")
    handler = QueryLog()
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)
