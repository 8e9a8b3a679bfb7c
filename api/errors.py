"""Error masking and logging: expected errors readable, unexpected ones masked."""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from api.security.request_id import current_request_id
from domain.errors import DomainError

logger = logging.getLogger(__name__)


def should_mask_error(error: GraphQLError) -> bool:
    """Keep validation errors and expected failures readable, mask the rest.

    A GraphQLError raised inside a resolver (a permission class's denial, a
    coercion error) is written for clients and stays readable too.
    """
    original = error.original_error
    if original is None or isinstance(original, (DomainError, GraphQLError)):
        return False
    logger.error(
        "unexpected error in %s (request %s)",
        error.path,
        current_request_id.get() or "-",
        exc_info=original,
    )
    return True


class MaskUnexpectedErrors(MaskErrors):
    """Replace unexpected errors by a generic message that carries the request id.

    The id is the one in the X-Request-Id header and in the log line with the
    traceback, so a report from a client can be matched to the log.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask_error)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [_with_code(error) for error in super()._process_errors(errors)]

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = current_request_id.get()
        message = "Unexpected error."
        if request_id:
            message = f"Unexpected error; quote request id {request_id}."
        return GraphQLError(
            message=message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=None,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )


def _with_code(error: GraphQLError) -> GraphQLError:
    """Give an expected failure raised in a query its code and field, as payloads do."""
    original = error.original_error
    if isinstance(original, DomainError) and "code" not in (error.extensions or {}):
        extensions = {**(error.extensions or {}), "code": original.code}
        if original.field:
            extensions["field"] = original.field
        error.extensions = extensions
    return error


class ApiSchema(strawberry.Schema):
    """The schema, logging expected failures quietly and unexpected ones loudly.

    Strawberry logs every error at ERROR with a traceback. Here validation
    errors, permission denials and domain errors go to DEBUG without one, so
    the ERROR lines with tracebacks are the failures worth a look.
    """

    def process_errors(
        self,
        errors: list[GraphQLError],
        execution_context: ExecutionContext | None = None,
    ) -> None:
        for error in errors:
            original = error.original_error
            if original is None or isinstance(original, (DomainError, GraphQLError)):
                logger.debug("rejected operation: %s", error.message)
            else:
                super().process_errors([error], execution_context)
