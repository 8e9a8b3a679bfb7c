"""Batched inserts in foreign-key order, with progress on the log."""

from __future__ import annotations

import logging
from collections import Counter

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

logger = logging.getLogger(__name__)


class BatchWriter:
    """Buffer rows per model and insert them with one `executemany` per batch.

    Models are flushed in the order they were first added, so a parent
    (added first) is always inserted before its children. Every row carries
    its primary key, chosen by the generators.
    """

    def __init__(self, connection: BaseDBAsyncClient, batch_size: int = 5000) -> None:
        self.connection = connection
        self.batch_size = batch_size
        self.buffers: dict[type[Model], list[Model]] = {}
        self.inserted: Counter[str] = Counter()

    async def add(self, row: Model) -> None:
        buffer = self.buffers.setdefault(type(row), [])
        buffer.append(row)
        if len(buffer) >= self.batch_size:
            await self.flush()

    async def add_all(self, rows: list[Model]) -> None:
        for row in rows:
            await self.add(row)

    async def flush(self) -> None:
        for model, buffer in self.buffers.items():
            if not buffer:
                continue
            await model.bulk_create(buffer, using_db=self.connection)
            table = model._meta.db_table
            self.inserted[table] += len(buffer)
            logger.info(
                "inserted %d %s rows (%d so far)",
                len(buffer),
                table,
                self.inserted[table],
            )
            buffer.clear()
