"""Load the small data set once for the dataset tests of a module."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest

from dataset.load import LoadResult, load_dataset
from dataset.sizes import parse_size
from tests.conftest import _clear_tables

# A fixed day, so that the tests do not depend on the calendar.
LOAD_DAY = date(2026, 5, 20)


@pytest.fixture(autouse=True)
async def clean_database() -> AsyncIterator[None]:
    """Keep the module's loaded rows between tests, unlike the suite default."""
    yield


@pytest.fixture(scope="module")
async def loaded(database_url: str) -> AsyncIterator[LoadResult]:
    await _clear_tables()
    result = await load_dataset(parse_size("small"), today=LOAD_DAY)
    yield result
    await _clear_tables()
