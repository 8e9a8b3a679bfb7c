"""Apply the migrations in `migrations/` to the configured database.

Usage: python -m db.migrate [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from db.config import tortoise_config

logger = logging.getLogger(__name__)


async def apply_migrations(database_url: str | None = None) -> None:
    """Bring the database up to the newest migration; a no-op when it is."""
    await migrate(config=tortoise_config(database_url))
    await Tortoise.close_connections()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", help="database to migrate (default: DATABASE_URL)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    asyncio.run(apply_migrations(args.database_url))
    logger.info("migrations applied")


if __name__ == "__main__":
    main()
