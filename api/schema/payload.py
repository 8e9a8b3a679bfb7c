"""Running a rule inside a mutation: the acting actor, and failures as data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TypeVar

from strawberry.types import Info

from api.schema.errors import MutationError
from domain.actor import Actor
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


def actor_of(info: Info) -> Actor:
    """Return the context's actor, with the client address for the audit trail."""
    actor: Actor = info.context.actor
    if actor.client_address:
        return actor
    return replace(actor, client_address=info.context.client_address)
