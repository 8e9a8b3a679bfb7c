"""Run an operation against the schema in-process with a chosen actor."""

from __future__ import annotations

from typing import Any

from api.context import Context
from api.schema.root import schema
from domain.actor import ANONYMOUS, Actor
from settings import load_settings


class _NoClient:
    """Stands in for the Starlette request of an in-process execution."""

    client = None


async def execute(
    document: str, variables: dict[str, Any] | None = None, *, actor: Actor = ANONYMOUS
) -> dict[str, Any]:
    """Execute and return `data`; fails the test on any top-level error."""
    context = Context(
        request=_NoClient(), response=None, settings=load_settings(), actor=actor
    )
    result = await schema.execute(
        document, variable_values=variables, context_value=context
    )
    assert result.errors is None, result.errors
    return result.data


async def execute_rejected(
    document: str, variables: dict[str, Any] | None = None, *, actor: Actor = ANONYMOUS
) -> list[dict[str, Any]]:
    """Execute an operation a permission class rejects; return the errors."""
    context = Context(
        request=_NoClient(), response=None, settings=load_settings(), actor=actor
    )
    result = await schema.execute(
        document, variable_values=variables, context_value=context
    )
    assert result.data is None
    assert result.errors is not None
    return [error.formatted for error in result.errors]
