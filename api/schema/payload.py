"""Running a rule inside a mutation and turning its expected failure into data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from api.schema.errors import MutationError
from domain.errors import DomainError

Row = TypeVar("Row")
Result = TypeVar("Result")


async def run_rule(
    call: Awaitable[Row], build: Callable[[Row], Result]
) -> Result | MutationError:
    """Await the rule and build the result, or return its DomainError as data."""
    try:
        row = await call
    except DomainError as error:
        return MutationError.from_error(error)
    return build(row)
