"""The migrations build the schema that the models describe.

Two fresh databases of the backend under test are built in subprocesses,
so that neither touches the Tortoise registry the other tests share: one
by `python -m db.migrate`, one by `Tortoise.generate_schemas()`. Their
tables, columns, unique constraints and check constraints are compared
with each other and with the models' metadata.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import pytest
from tortoise import Tortoise
from tortoise.exceptions import IntegrityError

from db.models.enums import RegionLevel
from db.models.geo import Region
from tests.conftest import _database_url

MIGRATIONS_TABLE = "tortoise_migrations"

GENERATE_SCHEMAS = """
import asyncio, sys
from tortoise import Tortoise
from db.config import tortoise_config

async def main():
    await Tortoise.init(config=tortoise_config(sys.argv[1]))
    await Tortoise.generate_schemas()
    await Tortoise.close_connections()

asyncio.run(main())
"""

Columns = dict[str, tuple[str, bool]]


@dataclass
class Table:
    columns: Columns = field(default_factory=dict)
    unique: set[frozenset[str]] = field(default_factory=set)
    checks: set[str] = field(default_factory=set)


async def _run(*args: str) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode == 0, output.decode()


def _sqlite_schema(url: str) -> dict[str, Table]:
    path = url.removeprefix("sqlite://")
    tables: dict[str, Table] = {}
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for name, sql in rows:
            table = tables[name] = Table()
            for _, column, kind, notnull, _, pk in db.execute(
                f'PRAGMA table_info("{name}")'
            ):
                table.columns[column] = (kind.upper(), not notnull and not pk)
                if pk:
                    table.unique.add(frozenset([column]))
            for _, index, unique, *_ in db.execute(f'PRAGMA index_list("{name}")'):
                if unique:
                    columns = db.execute(f'PRAGMA index_info("{index}")').fetchall()
                    table.unique.add(frozenset(row[2] for row in columns))
            table.checks = set(re.findall(r'CONSTRAINT "?(\w+)"? CHECK', sql))
        # SQLite cannot add a CHECK to an existing table, so the migrations
        # enforce each one with an insert trigger and an update trigger.
        triggers = db.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for table_name, trigger in triggers:
            check, _, event = trigger.rpartition("_on_")
            if event == "insert" and (table_name, f"{check}_on_update") in triggers:
                tables[table_name].checks.add(check)
    return tables


async def _postgres_schema(url: str) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    db = await asyncpg.connect(url)
    try:
        for row in await db.fetch(
            "SELECT table_name, column_name, data_type, is_nullable "
            "FROM information_schema.columns WHERE table_schema = 'public'"
        ):
            table = tables.setdefault(row["table_name"], Table())
            nullable = row["is_nullable"] == "YES"
            table.columns[row["column_name"]] = (row["data_type"].upper(), nullable)
        for row in await db.fetch(
            "SELECT t.relname AS table_name, array_agg(a.attname) AS columns "
            "FROM pg_index i "
            "JOIN pg_class t ON t.oid = i.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indisunique AND n.nspname = 'public' "
            "GROUP BY t.relname, i.indexrelid"
        ):
            tables[row["table_name"]].unique.add(frozenset(row["columns"]))
        for row in await db.fetch(
            "SELECT t.relname AS table_name, c.conname FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE c.contype = 'c' AND n.nspname = 'public'"
        ):
            tables[row["table_name"]].checks.add(row["conname"])
    finally:
        await db.close()
    return tables


async def _schema(url: str) -> dict[str, Table]:
    if url.startswith("sqlite"):
        return _sqlite_schema(url)
    return await _postgres_schema(url)


def _model_tables() -> dict[str, Table]:
    """Describe the tables from the models' metadata: columns, unique sets, checks."""
    tables = {}
    for model in Tortoise.apps["models"].values():
        meta = model._meta
        table = tables[meta.db_table] = Table()
        table.columns = {
            column: ("", False) for column in meta.fields_db_projection.values()
        }
        for name, model_field in meta.fields_map.items():
            column = meta.fields_db_projection.get(name)
            if column and (model_field.unique or model_field.pk):
                table.unique.add(frozenset([column]))
        for names in meta.unique_together:
            columns = [
                meta.fields_db_projection.get(name)
                or meta.fields_map[name].source_field
                for name in names
            ]
            table.unique.add(frozenset(columns))
        table.checks = {constraint.name for constraint in meta.constraints}
    return tables


@pytest.fixture(scope="module")
async def schemas(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[dict[str, Table], dict[str, Table]]]:
    """Yield the schema built by migrations and the one built by the models."""
    migrated_dir: Path = tmp_path_factory.mktemp("migrated")
    generated_dir: Path = tmp_path_factory.mktemp("generated")
    async with (
        _database_url(migrated_dir) as migrated_url,
        _database_url(generated_dir) as generated_url,
    ):
        await _run("-m", "db.migrate", "--database-url", migrated_url)
        await _run("-c", GENERATE_SCHEMAS, generated_url)
        migrated = await _schema(migrated_url)
        generated = await _schema(generated_url)
    migrated.pop(MIGRATIONS_TABLE)
    yield migrated, generated


async def test_migrated_tables_match_generated(schemas) -> None:
    migrated, generated = schemas

    assert sorted(migrated) == sorted(generated)


async def test_migrated_columns_match_generated(schemas) -> None:
    migrated, generated = schemas

    for name, table in generated.items():
        assert migrated[name].columns == table.columns, name


async def test_migrated_unique_sets_match_generated(schemas) -> None:
    migrated, generated = schemas

    for name, table in generated.items():
        assert migrated[name].unique == table.unique, name


async def test_migrated_tables_match_models(schemas) -> None:
    migrated, _ = schemas
    models = _model_tables()

    assert sorted(migrated) == sorted(models)
    assert frozenset(["volunteer_id", "position_id"]) in migrated["signup"].unique
    assert frozenset(["village_id"]) in migrated["hall"].unique
    for name, table in models.items():
        assert set(migrated[name].columns) == set(table.columns), name
        assert migrated[name].unique == table.unique, name


async def test_migrated_checks_match_models(schemas) -> None:
    migrated, _ = schemas
    models = _model_tables()

    for name, table in models.items():
        assert migrated[name].checks == table.checks, name


async def test_checks_reject_bad_rows(database_url) -> None:
    with pytest.raises(IntegrityError):
        await Region.create(code="1234", name="x", level=RegionLevel.CITY, kind="市")
    city = await Region.create(
        code="330282", name="慈溪市", level=RegionLevel.CITY, kind="市"
    )
    city.code = "33028"
    with pytest.raises(IntegrityError):
        await city.save()

    assert await Region.filter(code="330282").count() == 1
