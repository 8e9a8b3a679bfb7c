"""Load the Cixi data set into an empty, migrated database.

Usage: python -m dataset.load [--size small|default|cixi|N] [--if-empty]
       [--database-url URL] [--seed N] [--today YYYY-MM-DD]

The facts (towns, platforms, alliances, hall totals) come from the files in
`dataset/cixi/`; the population is generated. The load runs in one
transaction, so it either writes everything or nothing. A database that
already has regions is left alone: loading twice never duplicates rows.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from dataset.facts import load_facts
from dataset.generate_activities import write_activities
from dataset.generate_halls import write_halls
from dataset.generate_org import write_platforms_and_alliances, write_regions
from dataset.generate_people import write_volunteers_and_brigades
from dataset.generate_projects import write_projects
from dataset.generate_training import write_training
from dataset.sizes import Size, parse_size
from dataset.world import SHANGHAI, World
from dataset.writer import BatchWriter
from db.config import tortoise_config
from db.models.geo import Region
from settings import load_settings

logger = logging.getLogger(__name__)

DEFAULT_SEED = 20180801

# Set each volunteer's totals from their rows, so they equal the sums exactly.
SUM_VOLUNTEER_TOTALS = """
UPDATE "volunteer" SET
  "confirmed_minutes" = COALESCE((
    SELECT SUM("minutes") FROM "service_record"
    WHERE "service_record"."volunteer_id" = "volunteer"."id"
      AND "service_record"."status" = 'CONFIRMED'), 0),
  "points_hundredths" = COALESCE((
    SELECT SUM("amount_hundredths") FROM "points_entry"
    WHERE "points_entry"."volunteer_id" = "volunteer"."id"), 0)
"""


@dataclass(frozen=True)
class LoadResult:
    loaded: bool
    existing_regions: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


async def _reset_sequences(connection: BaseDBAsyncClient, tables: list[str]) -> None:
    """Move PostgreSQL id sequences past the ids the loader chose itself.

    SQLite needs nothing: an explicit id raises its AUTOINCREMENT counter.
    """
    if connection.capabilities.dialect != "postgres":
        return
    for table in tables:
        await connection.execute_query(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), MAX(\"id\")) "
            f'FROM "{table}"'
        )


async def load_dataset(
    size: Size,
    *,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    batch_size: int = 5000,
) -> LoadResult:
    """Fill the initialized default connection's database, unless it has regions.

    The same seed and `today` give the same rows. Encrypted columns differ
    between loads, because Fernet adds a random IV, but decrypt the same.
    """
    existing = await Region.all().count()
    if existing:
        return LoadResult(loaded=False, existing_regions=existing)

    started = time.perf_counter()
    settings = load_settings()
    world = World(
        facts=load_facts(),
        rng=random.Random(seed),
        today=today or datetime.now(SHANGHAI).date(),
        points_per_hour=settings.points_per_hour,
    )
    logger.info(
        "loading %d volunteers, %d projects, %d activities (seed %d, today %s)",
        size.volunteers,
        size.projects,
        size.activities,
        seed,
        world.today,
    )
    async with in_transaction("default") as connection:
        writer = BatchWriter(connection, batch_size=batch_size)
        await write_regions(world, writer)
        await write_platforms_and_alliances(world, writer)
        await write_volunteers_and_brigades(world, writer, size.volunteers)
        await write_halls(world, writer)
        projects = await write_projects(world, writer, size.projects)
        await write_activities(world, writer, projects, size.activities)
        await write_training(world, writer, size.volunteers)
        await connection.execute_query(SUM_VOLUNTEER_TOTALS)
        await _reset_sequences(connection, list(writer.inserted))

    return LoadResult(
        loaded=True, rows=dict(writer.inserted), seconds=time.perf_counter() - started
    )


async def _run(args: argparse.Namespace) -> int:
    try:
        size = parse_size(args.size)
    except ValueError as error:
        logger.error("invalid --size: %s", error)
        return 2
    await Tortoise.init(config=tortoise_config(args.database_url))
    try:
        result = await load_dataset(size, seed=args.seed, today=args.today)
    except OperationalError as error:
        logger.error(
            "loading failed: %s (a new database needs `python -m db.migrate` first)",
            error,
        )
        return 1
    finally:
        await Tortoise.close_connections()

    if not result.loaded:
        if args.if_empty:
            logger.info(
                "database already has %d regions: nothing loaded",
                result.existing_regions,
            )
            return 0
        logger.error(
            "database already has %d regions, so the data set was not loaded "
            "again: load into an empty database, or pass --if-empty",
            result.existing_regions,
        )
        return 1
    logger.info(
        "loaded %d rows in %.1f s: %s",
        sum(result.rows.values()),
        result.seconds,
        ", ".join(f"{table} {count}" for table, count in result.rows.items()),
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size",
        default="default",
        help="small (400 volunteers), default (3,000), cixi (300,000) "
        "or a number of volunteers",
    )
    parser.add_argument(
        "--if-empty",
        action="store_true",
        help="exit successfully without loading when the database has regions",
    )
    parser.add_argument(
        "--database-url", help="database to fill (default: DATABASE_URL)"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed of the population"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help="day the activities are placed around, YYYY-MM-DD "
        "(default: today in Asia/Shanghai)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )
    return asyncio.run(_run(args))


if __name__ == "__main__":
    sys.exit(main())
